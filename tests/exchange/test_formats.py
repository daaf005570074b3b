"""Format detection and the writers' contracts, independent of the store."""

from __future__ import annotations

import polars as pl
import pytest

from ctip.exchange import readers
from ctip.exchange.ctdc import to_ctdc2017, to_ctdc2024
from ctip.exchange.errors import InvalidFile
from ctip.exchange.htcds_writer import to_htcds
from tests.dataset import files


@pytest.mark.parametrize("header,expected", [
    (["yearOfRegistration", "Datasource", "gender", "meansOfControlDebtBondage"], "ctdc2017"),
    (["yearOfRegistration", "gender", "traffickMonths", "meansThreats"], "ctdc2024"),
    (["yearOfRegistration", "gender", "sectorOfLabourAgriculture"], "ctdc2024"),
    (["start", "end", "prs_Gender", "vic_Methods_of_Control", "_uuid"], "kobo"),
    (["prs_Gender", "vic_TypeOfExploitation", "ctip_YearOfRegistration"], "htcds-csv"),
    (["Gender", "Citizenship", "Type of Exploitation", "_submission_time"], "kobo"),
])
def test_format_is_detected_from_the_header(tmp_path, header, expected):
    path = tmp_path / "f.csv"
    path.write_text(",".join(header) + "\n" + ",".join("" for _ in header) + "\n")
    assert readers.parse(path).format == expected


def test_unrecognised_header_names_the_accepted_formats(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("name,phone\nA,1\n")
    with pytest.raises(InvalidFile, match="cannot tell the format.*--format"):
        readers.parse(path)


def test_unknown_format_name_lists_the_valid_ones():
    with pytest.raises(ValueError, match="expected one of: ctdc2017, ctdc2024"):
        readers.canonical_format("csv")


def test_writers_accept_partial_frames_and_use_ctdc_spellings():
    frame = pl.DataFrame({"gender": ["female", "transgender_nonconforming"], "age_band": ["9-17", None],
                          "citizenship": ["MNG", None], "means_debt_bondage": [True, None],
                          "exploit_sex_and_labour": [True, False]})
    v2024 = to_ctdc2024(frame)
    assert v2024.columns == files.V2024_HEADER
    assert v2024["gender"].to_list() == ["Woman", "Trans/Transgender/NonConforming"]
    assert v2024["meansDebtBondageEarnings"].to_list() == ["1", None]
    assert v2024["isForcedLabour"].to_list() == ["1", None] and v2024["isSexualExploit"].to_list() == ["1", None]
    v2017 = to_ctdc2017(frame)
    assert v2017["ageBroad"].to_list() == ["9--17", "-99"] and v2017["citizenship"].to_list() == ["MN", "-99"]
    assert v2017["meansOfControlDebtBondage"].to_list() == ["1", "-99"]
    htcds = to_htcds(frame)
    assert htcds["prs_Gender"].to_list() == ["Feminine", "NonConforming"]
    assert htcds["vic_MethodsOfControl"].to_list() == ["DebtBondage", None]


def test_ctdc2017_export_uses_the_published_spellings():
    """The header and the data-source values are spelled as in the CTDC's published 2017 files."""
    published_header = files.FIXTURE.read_text(encoding="utf-8").splitlines()[0].split(",")
    frame = pl.DataFrame({"data_source": ["case_management", "hotline"], "majority_entry": ["minor", "adult"]})
    v2017 = to_ctdc2017(frame)
    assert "majorityEntry" in v2017.columns and "MajorityEntry" not in v2017.columns
    # Same columns in the same order; the repeated list RecruiterRelationship is optional and not written,
    # isSlaveryAndPractices (2020 files) is added after isOrganRemoval.
    assert [c for c in published_header if c != "RecruiterRelationship"] == [
        c for c in v2017.columns if c != "isSlaveryAndPractices"]
    assert v2017["Datasource"].to_list() == ["Case Management", "Hotline"]
    assert v2017["majorityEntry"].to_list() == ["Minor", "Adult"]
