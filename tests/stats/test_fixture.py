"""The CTDC 2017 sample, imported through the dataset importer, gives the counts computed here
independently from the CSV file with the csv module."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from ctip.dataset.store import Dataset
from ctip.stats import Filters, Indicators, summary

FIXTURE = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "ctdc_kanon_2017_sample500.csv"
FORMS = {"isForcedLabour": "forced_labour", "isSexualExploit": "sexual_exploitation", "isOtherExploit": "other",
         "isSexAndLabour": "mixed", "isForcedMarriage": "forced_marriage", "isForcedMilitary": "forced_military",
         "isOrganRemoval": "organ_removal"}
CHILD_BANDS = {"0--8", "9--17"}
ADULT_BANDS = {"18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+"}

pytestmark = pytest.mark.skipif(not FIXTURE.exists(), reason=f"fixture {FIXTURE} not present")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with FIXTURE.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Dataset:
    return Dataset(tmp_path_factory.mktemp("fixture") / "dataset.duckdb")


@pytest.fixture(scope="module")
def result(store):
    report = store.import_file(FIXTURE, contributor="ctdc")
    assert report.imported == 500
    indicators = Indicators(store.connect(read_only=True))
    yield summary(indicators), indicators
    indicators.close()


def _alpha3(code: str) -> str | None:
    country = pycountry.countries.get(alpha_2=code) if code else None
    return country.alpha_3 if country else None


def _child(row: dict[str, str]) -> str | None:
    if row["majorityStatus"] in ("Adult", "Minor"):
        return "child" if row["majorityStatus"] == "Minor" else "adult"
    if row["ageBroad"] in CHILD_BANDS:
        return "child"
    return "adult" if row["ageBroad"] in ADULT_BANDS else None


def test_gender_and_majority(rows, result):
    summary_, _ = result
    assert summary_["records"] == len(rows) == 500
    gender = Counter(r["gender"] for r in rows)
    assert summary_["gender"]["female"] == gender["Female"]
    assert summary_["gender"]["male"] == gender["Male"]
    majority = Counter(r["majorityStatus"] for r in rows)
    assert summary_["majority"]["adult"] == majority["Adult"]
    assert summary_["majority"]["minor"] == majority["Minor"]
    assert summary_["majority"]["unknown"] == 500 - majority["Adult"] - majority["Minor"]


def test_sex_age(rows, result):
    summary_, _ = result
    names = {("Female", "adult"): "women", ("Male", "adult"): "men", ("Female", "child"): "girls",
             ("Male", "child"): "boys"}
    expected = Counter(names.get((r["gender"], _child(r)), "unknown") for r in rows)
    assert {k: summary_["sex_age"][k] for k in ("women", "men", "girls", "boys", "unknown")} == {
        k: expected[k] for k in ("women", "men", "girls", "boys", "unknown")}


def test_forms_of_exploitation(rows, result):
    summary_, _ = result
    in_denominator = [r for r in rows if any(r[c] == "1" for c in FORMS)]
    assert summary_["exploitation"]["denominator"] == len(in_denominator)
    for column, form in FORMS.items():
        assert summary_["exploitation"]["counts"][form] == sum(r[column] == "1" for r in rows), form


# "Not Specified" / "Unknown" answers give no information: the codebook counts only those who did.
NOT_INFORMATION = {"meansOfControlNotSpecified", "typeOfLabourNotSpecified", "recruiterRelationUnknown"}


@pytest.mark.parametrize(("group", "prefix"), [
    ("means", "meansOfControl"), ("sectors", "typeOfLabour"), ("recruiter", "recruiterRelation")])
def test_group_denominator_counts_only_records_that_gave_information(rows, result, group, prefix):
    summary_, _ = result
    columns = [c for c in rows[0] if c.startswith(prefix) and c not in NOT_INFORMATION]
    breakdown = summary_["breakdowns"][group]
    assert breakdown["denominator"] == sum(any(r[c] == "1" for c in columns) for r in rows)
    assert breakdown["missing"] == 500 - breakdown["denominator"]
    assert not {"not_specified", "unknown"} & set(breakdown["counts"])


def test_recruiter_shares(rows, result):
    summary_, _ = result
    informative = [r for r in rows if any(r[c] == "1" for c in ("recruiterRelationIntimatePartner",
                   "recruiterRelationFriend", "recruiterRelationFamily", "recruiterRelationOther"))]
    friend = sum(r["recruiterRelationFriend"] == "1" for r in rows)
    assert summary_["breakdowns"]["recruiter"]["shares"]["friend"] == round(100 * friend / len(informative), 2)


def test_the_v2024_export_of_the_sample_gives_the_same_recruiter_shares(store, result, tmp_path):
    """The same records read as CTDC 2017 (internal dashboard) or as their CTDC v2024 export (the format a
    release publishes, without recruiterRelationUnknown) show the same recruiter relation figures."""
    from ctip.dataset.export import export

    _, indicators = result
    export(store, "ctdc2024", tmp_path / "v2024.csv")
    copy = Dataset(tmp_path / "v2024.duckdb")
    assert copy.import_file(tmp_path / "v2024.csv").imported == 500
    again = Indicators(copy.connect(read_only=True))
    try:
        assert again.breakdown("recruiter") == indicators.breakdown("recruiter")
    finally:
        again.close()


def test_citizenship_and_flows(rows, result):
    summary_, _ = result
    citizenship = Counter(_alpha3(r["citizenship"]) for r in rows)
    citizenship.pop(None, None)
    assert summary_["citizenship"] == dict(citizenship)
    flows = Counter((_alpha3(r["citizenship"]), _alpha3(r["CountryOfExploitation"])) for r in rows)
    expected = {k: v for k, v in flows.items() if None not in k}
    assert {(f["citizenship"], f["exploitation"]): f["count"] for f in summary_["flows"]} == expected


def test_year_filter_matches_the_file(rows, result):
    _, indicators = result
    assert indicators.total(Filters(year_from=2015, year_to=2016)) == sum(
        r["yearOfRegistration"] in ("2015", "2016") for r in rows)
