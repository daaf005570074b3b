"""Raw CTDC spellings normalised to dataset codes through vocab mappings."""

from __future__ import annotations

import pytest

from ctip import vocab


@pytest.mark.parametrize(("raw", "band"), [
    ("9--17", "9-17"), ("09--17", "9-17"), ("9—17", "9-17"), ("0--8", "0-8"), ("0—8", "0-8"),
    ("48+", "48+"), ("30--38", "30-38"), (" 18--20 ", "18-20"),
])
def test_age_band_spellings_in_the_wild(raw, band):
    assert vocab.map_value("ctdc2017.ageBroad->ctdc.age_band", raw) == band
    assert vocab.map_value("ctdc2024.ageBroad->ctdc.age_band", raw) == band


def test_mapping_table_includes_aliases_and_missing_markers():
    table = vocab.mapping("ctdc2017.ageBroad->ctdc.age_band")
    assert table["9--17"] == table["09--17"] == "9-17"
    for marker in ["-99", "", "NA", "Unknown", "Missing", "ZZ", "00"]:
        assert marker in table and table[marker] is None


@pytest.mark.parametrize("marker", ["-99", "", "NA", "na", "Unknown", "MISSING", "ZZ", "00", None])
def test_missing_markers_give_null(marker):
    assert vocab.map_value("ctdc2017.gender->ctip.gender", marker) is None


def test_unknown_raw_value_names_field_and_valid_codes():
    with pytest.raises(vocab.UnknownCode, match=r"'gender'.*expected one of: Female, Male"):
        vocab.map_value("ctdc2017.gender->ctip.gender", "Mael", field="gender")


def test_binary_codings():
    assert vocab.map_value("ctdc2017.binary->ctip.boolean", "1") == "true"
    assert vocab.map_value("ctdc2017.binary->ctip.boolean", "0") == "false"
    assert vocab.map_value("ctdc2017.binary->ctip.boolean", "-99") is None
    assert vocab.map_value("ctdc2024.binary->ctip.boolean", "1") == "true"
    assert vocab.map_value("ctdc2024.binary->ctip.boolean", "") is None


def test_v2024_renamed_variables_map_to_the_same_columns():
    m = vocab.mapping("ctdc2024.variable->ctip.column")
    assert m["sectorOfLabourAgriculture"] == m["typeOfLabourAgriculture"] == "sector_agriculture"
    assert m["sectorOfSexProstitution"] == m["typeOfSexProstitution"] == "sex_prostitution"
    assert m["meansWithholdDocuments"] == m["meansWithholdDocs"] == "means_group_withhold_documents"


def test_v2024_values():
    assert vocab.map_value("ctdc2024.gender->ctip.gender", "Woman") == "female"
    assert vocab.map_value("ctdc2024.traffickMonths->ctdc.traffick_months", "13--24 (1-2 yrs)") == "13-24"
    assert vocab.map_value("ctdc2024.traffickMonths->ctdc.traffick_months", "25+") == "25+"


def test_concatenated_lists_map_component_by_component():
    m = "ctdc2017.meansOfControlConcatenated->ctip.means"
    raw = "Debt bondage;Physical abuse; Withholds/Destroys Important Documents"
    assert [vocab.map_value(m, part) for part in raw.split(";")] == [
        "debt_bondage", "physical_abuse", "withholds_documents"]


def test_all_2017_variables_are_known():
    names = vocab.codes("ctdc2017.variable")
    assert len(names) == 63  # 62 of codebook v6.0 plus isSlaveryAndPractices (2020 files)
    assert vocab.normalise("ctdc2017.variable", "CountryofExploitation") == "CountryOfExploitation"


def test_v2024_has_27_variables():
    assert len(vocab.codes("ctdc2024.variable")) == 27


def test_normalise_is_case_insensitive_but_exact_codes_win():
    assert vocab.normalise("ctdc2017.gender", "female") == "Female"
    assert vocab.normalise("ctdc2017.Datasource", "case management") == "Case Management"


@pytest.mark.parametrize(("raw", "missing"), [
    (None, True), ("", True), ("  ", True), ("-99", True), ("na", True), ("ZZ", True), ("00", True),
    ("MN", False), ("0", False), ("Female", False),
])
def test_is_missing(raw, missing):
    assert vocab.is_missing(raw) is missing


def test_v2024_exports_write_the_v2024_age_spelling():
    assert vocab.mapping("ctdc.age_band->ctdc2024.ageBroad")["9-17"] == "09--17"
    assert vocab.mapping("ctdc.age_band->ctdc2024.ageBroad")["0-8"] == "0--8"
