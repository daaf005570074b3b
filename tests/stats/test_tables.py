"""Figures from a release's published tables (aggregates.csv), as aggregate-only releases give them."""

from __future__ import annotations

import pytest

from ctip.stats import FilterError, Filters
from ctip.stats.summary import headline
from ctip.stats.tables import ReleaseTables
from tests.stats.records import AGGREGATES


@pytest.fixture
def tables(tmp_path):
    path = tmp_path / "aggregates.csv"
    path.write_text(AGGREGATES, encoding="utf-8")
    return ReleaseTables.from_csv(path)


def test_one_way_counts_in_dataset_codes(tables):
    gender = tables.breakdown("gender")
    assert gender.counts == {"female": 40, "male": 20, "transgender_nonconforming": 11}
    assert gender.denominator == 71  # victims with the variable known, as published
    assert gender.missing is None and gender.total is None  # not published
    assert gender.missing_share is None
    assert tables.breakdown("year").counts == {"2020": 25, "2021": 30}
    assert tables.breakdown("duration").counts == {"25+": 14}


def test_child_status_and_sex_age(tables):
    assert tables.breakdown("child_status").counts == {"child": 15, "adult": 47}
    assert tables.breakdown("sex_age").counts == {"women": 20, "men": 12, "girls": 10, "boys": 3,
                                                  "transgender_nonconforming": 11}


def test_binary_groups_have_counts_but_no_denominator(tables):
    forms = tables.breakdown("exploitation")
    assert forms.counts == {"sexual_exploitation": 33, "forced_labour": 22, "other": 12}
    assert forms.denominator is None and forms.share("forced_labour") is None
    assert tables.breakdown("means").counts == {"threats": 13}
    assert tables.breakdown("sectors").counts == {"agriculture": 11}
    assert tables.breakdown("recruiter").counts == {"friend": 16}


def test_flows_and_border(tables):
    flows = tables.flows()
    assert [(f.citizenship, f.exploitation, f.count) for f in flows.flows] == [
        ("MNG", "MNG", 20), ("CHN", "MNG", 12), ("CHN", "CHN", 11)]
    assert tables.breakdown("border").counts == {"domestic": 31, "cross_border": 12}


def test_variables_outside_ctdc_v2024_are_empty(tables):
    assert tables.breakdown("contributor").counts == {}


def test_headline_states_what_is_not_published(tables):
    h = headline(tables)
    assert h["records"] is None
    assert h["children"] == {"count": 15, "share": 24.2, "denominator": 62, "missing": None}
    assert [f["form"] for f in h["leading_forms"]] == ["sexual_exploitation", "forced_labour", "other"]


def test_tables_cannot_be_filtered(tables):
    with pytest.raises(FilterError, match="cannot be filtered further"):
        tables.breakdown("gender", Filters(sex="female"))
