"""Every indicator on the hand-built dataset of ``records.py`` (expected figures worked out by hand)."""

from __future__ import annotations

import pytest

from ctip.stats import FilterError, Filters, summary
from tests.stats.records import indicators


@pytest.fixture(scope="module")
def ind():
    return indicators()


def test_counts_come_with_denominator_and_missing(ind):
    gender = ind.breakdown("gender")
    assert gender.counts == {"female": 3, "male": 2, "transgender_nonconforming": 1}
    assert (gender.denominator, gender.missing, gender.total) == (6, 1, 7)
    assert gender.share("female") == pytest.approx(50.0)
    assert not gender.multi


def test_child_status_prefers_majority_status_over_age_band(ind):
    child = ind.breakdown("child_status")
    # record 1 is a minor aged 30-38 and record 7 an adult aged 0-8: majority status wins;
    # record 2 has no majority status, so its 9-17 band makes it a child.
    assert child.counts == {"child": 2, "adult": 4}
    assert child.missing == 1


def test_sex_age_follows_glotip_groups(ind):
    sex_age = ind.breakdown("sex_age")
    assert sex_age.counts == {"women": 1, "men": 1, "girls": 2, "transgender_nonconforming": 1}
    assert sex_age.missing == 2


def test_forms_denominator_holds_only_records_with_a_yes(ind):
    forms = ind.breakdown("exploitation")
    # record 4 is all FALSE and record 5 all NULL: both outside the denominator.
    assert (forms.denominator, forms.missing, forms.total) == (5, 2, 7)
    assert forms.multi
    assert sum(forms.counts.values()) > forms.denominator  # multi-valued: shares exceed 100 %
    assert forms.share("sexual_exploitation") == pytest.approx(40.0)


def test_forms_use_glotip_categories(ind):
    counts = ind.breakdown("exploitation").counts
    assert counts["forced_labour"] == 2  # forced labour (record 1) and child labour (record 3)
    assert counts["sexual_exploitation"] == 2
    assert counts["mixed"] == 1  # CTDC isSexAndLabour
    assert counts["other"] == 1  # exactly exploit_other (CTDC isOtherExploit)
    assert counts["forced_military"] == 1  # its own key, not folded into other
    assert counts["organ_removal"] == counts["forced_marriage"] == 0


def test_means_of_control_merge_granular_and_v2024_columns(ind):
    means = ind.breakdown("means")
    assert (means.denominator, means.missing) == (4, 3)  # record 3 is all FALSE
    assert means.counts["debt_bondage_earnings"] == 2  # debt bondage (1) and takes earnings (7)
    assert means.counts["threats"] == 1  # the v2024 group column of record 2
    assert means.counts["abuse_psy_phy_sex"] == 1  # two granular columns of one record count once


def test_sectors_and_recruiter_relation(ind):
    sectors = ind.breakdown("sectors")
    assert (sectors.denominator, sectors.counts["agriculture"], sectors.counts["construction"]) == (2, 1, 1)
    assert sectors.counts["mining_or_drilling"] == 1
    recruiter = ind.breakdown("recruiter")
    assert (recruiter.denominator, recruiter.counts["family"], recruiter.counts["friend"]) == (2, 1, 1)


def test_year_duration_and_contributor(ind):
    assert ind.breakdown("year").counts == {"2019": 2, "2020": 2, "2021": 2}
    assert ind.breakdown("year").missing == 1
    duration = ind.breakdown("duration")
    assert list(duration.counts) == ["0-12", "13-24", "25+"]  # vocabulary order
    assert duration.counts == {"0-12": 2, "13-24": 1, "25+": 1}
    assert ind.breakdown("contributor").counts == {"ngo-a": 4, "ngo-b": 3}


def test_countries_domestic_cross_border_and_flows(ind):
    assert ind.breakdown("citizenship").counts == {"MNG": 4, "CHN": 1, "KOR": 1}
    assert ind.breakdown("exploitation_country").counts == {"CHN": 4, "KOR": 1, "MNG": 1}
    border = ind.breakdown("border")
    assert (border.counts, border.missing) == ({"cross_border": 3, "domestic": 2}, 2)
    flows = ind.flows()
    assert [(f.citizenship, f.exploitation, f.count) for f in flows.flows] == [
        ("MNG", "CHN", 3), ("CHN", "CHN", 1), ("MNG", "MNG", 1)]
    assert (flows.denominator, flows.missing) == (5, 2)


@pytest.mark.parametrize(("filters", "records"), [
    (Filters(sex="female"), 3),
    (Filters(sex="unknown"), 1),
    (Filters(year_from=2020), 4),
    (Filters(year_from=2019, year_to=2019), 2),
    (Filters(citizenship="MN"), 4),
    (Filters(exploitation_country="CHN"), 4),
    (Filters(age_group="child"), 2),
    (Filters(age_group="unknown"), 1),
    (Filters(form="forced_labour"), 2),
    (Filters(contributor="ngo-b"), 3),
    (Filters(sex="female", form="sexual_exploitation", citizenship="MNG"), 2),
])
def test_filters_apply_to_every_breakdown(ind, filters, records):
    for name in ("gender", "child_status", "year", "citizenship", "exploitation", "means", "sectors"):
        assert ind.breakdown(name, filters).total == records, name
    assert ind.flows(filters).total == records


def test_filtered_forms_recount_their_denominator(ind):
    forms = ind.breakdown("exploitation", Filters(sex="female"))
    assert (forms.denominator, forms.counts["sexual_exploitation"], forms.counts["forced_military"]) == (3, 2, 1)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"sex": "woman"}, "unknown sex 'woman'; expected one of female, male"),
    ({"age_group": "teen"}, "unknown age group 'teen'"),
    ({"form": "slavery"}, "unknown form of exploitation 'slavery'; expected one of sexual_exploitation"),
    ({"citizenship": "XX"}, "unknown country 'XX' for citizenship"),
    ({"year_from": 2020, "year_to": 2019}, "year range is empty"),
])
def test_bad_filters_say_what_is_expected(kwargs, message):
    with pytest.raises(FilterError, match=message):
        Filters(**kwargs)


def test_filters_from_text_reject_a_non_year():
    with pytest.raises(FilterError, match="year from must be a year such as 2019; got 'last'"):
        Filters.from_mapping({"year_from": "last"})


def test_summary_has_the_documented_keys(ind):
    result = summary(ind)
    assert result["records"] == 7
    assert result["gender"] == {"female": 3, "male": 2, "transgender_nonconforming": 1, "unknown": 1}
    assert result["majority"] == {"adult": 3, "minor": 1, "unknown": 3}
    assert result["sex_age"] == {"women": 1, "men": 1, "girls": 2, "boys": 0, "transgender_nonconforming": 1,
                                 "unknown": 2}
    assert result["exploitation"]["denominator"] == 5
    assert result["exploitation"]["counts"]["other"] == 1
    assert result["citizenship"] == {"MNG": 4, "CHN": 1, "KOR": 1}
    assert result["flows"][0] == {"citizenship": "MNG", "exploitation": "CHN", "count": 3}
    assert sum(result["sex_age"].values()) == result["records"]
    assert result["headline"]["children"]["share"] == pytest.approx(33.3)


def test_not_specified_and_unknown_answers_stay_outside_the_denominator():
    """A record whose only answer is "not specified" / "unknown" said nothing about the group: it is missing."""
    import polars as pl

    from ctip.stats import Indicators

    ind = Indicators.from_frame(pl.DataFrame([
        {"recruiter_friend": True, "means_threats": True, "sector_construction": True},
        {"recruiter_unknown": True, "means_not_specified": True, "sector_not_specified": True},
        {"recruiter_family": True, "recruiter_unknown": True, "means_other": True},
    ]))
    recruiter, means, sectors = (ind.breakdown(g) for g in ("recruiter", "means", "sectors"))
    assert (recruiter.denominator, recruiter.missing, recruiter.share("friend")) == (2, 1, 50.0)
    assert "unknown" not in recruiter.counts
    assert (means.denominator, means.counts["threats"], means.counts["other"]) == (2, 1, 1)
    assert "not_specified" not in means.counts
    assert (sectors.denominator, sectors.missing) == (1, 2)
