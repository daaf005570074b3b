"""HTCDS v2.0 sources: the Excel template filled in, and KoboToolbox/ODK exports of the HTCDS XLSForm."""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

import openpyxl
import pytest

from ctip.dataset.store import Dataset
from tests.dataset import files

TEMPLATE = Path(__file__).resolve().parents[3] / "shared" / "domain" / "htcds" / "HTCDS_Excel_v2.0.xlsx"
NAMES = ["Oyunchimeg", "Bat-Erdene", "Saran"]  # must never reach the dataset


@pytest.fixture
def store(tmp_path):
    return Dataset(tmp_path / "dataset.duckdb")


def _no_identifiers(store: Dataset) -> None:
    with contextlib.closing(store.connect()) as con:
        text = str(con.execute("SELECT * FROM records").fetchall())
    for name in NAMES + ["99112233", "@example.org", "1990-"]:
        assert name not in text


def _fill_template(path: Path) -> Path:
    shutil.copy(TEMPLATE, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    fields = [c.value for c in ws[1]]
    col = {f: i + 1 for i, f in enumerate(fields) if f}
    people = [
        {"prs_FirstName": NAMES[0], "prs_Birthdate": "2008-05-01", "prs_Gender": "Feminine", "prs_Citizenship": "MN",
         "prs_Email": "a@example.org", "prs_MobilePhone": "99112233",
         "vic_MethodsOfControl": "DebtBondage;WithholdsDocuments", "vic_TypeOfExploitation": "SexualExploitation",
         "vic_TypeOfSexExploitation": "Prostitution", "vic_LocationOfExploitation": "CN",
         "cas_IncomingReferralDate": "2024-03-10"},
        {"prs_FirstName": NAMES[1], "prs_Birthdate": "1990-01-20", "prs_Gender": "Masculine", "prs_Citizenship": "MN",
         "vic_MethodsOfControl": "Physical threats; False promises", "vic_TypeOfExploitation": "Forced labour",
         "vic_ForcedLabourIndustry": "B_MiningAndQuarrying", "vic_LocationOfExploitation": "Ulaanbaatar office",
         "cas_IncomingReferralDate": "2023-11-02"},
        {"prs_FirstName": NAMES[2], "prs_Gender": "NonSpecifiedUnknown", "prs_Citizenship": "KR"},
    ]
    for offset, person in enumerate(people):
        for field, value in person.items():
            ws.cell(row=3 + offset, column=col[field], value=value)
    wb.save(path)
    return path


def test_htcds_excel_template_imports_de_identified_rows(store, tmp_path):
    report = store.import_file(_fill_template(tmp_path / "htcds.xlsx"), contributor="mn-shelter")
    assert report.format == "htcds-xlsx" and report.status == "imported", report.errors
    assert report.rows_read == 3  # the template's 1000 numbered but empty rows are skipped
    rows = {r["source_row"]: r for r in store.frame().to_dicts()}
    girl, man, unknown = rows[1], rows[2], rows[3]
    assert (girl["gender"], girl["citizenship"], girl["year_of_registration"]) == ("female", "MNG", 2024)
    assert (girl["age_band"], girl["majority_status"]) == ("9-17", "minor")
    assert girl["means_debt_bondage"] and girl["means_withholds_documents"] and girl["means_threats"] is False
    assert girl["exploit_sexual_exploitation"] and girl["exploit_forced_labour"] is False
    assert girl["sex_prostitution"] and girl["country_of_exploitation"] == "CHN"
    assert (man["age_band"], man["majority_status"]) == ("30-38", "adult")
    assert man["means_threats"] and man["means_false_promises"] and man["sector_mining_or_drilling"]
    assert man["country_of_exploitation"] is None  # a place, not a country
    assert unknown["gender"] is None and unknown["means_threats"] is None and unknown["year_of_registration"] is None
    assert {r["data_source"] for r in rows.values()} == {"case_management"}
    _no_identifiers(store)


KOBO_XML_HEADER = ["start", "end", "con_Consent", "prs_First_Name", "prs_Birthdate", "prs_Gender", "prs_Citizenship",
                   "prs_MobilePhone", "group_victim/vic_Methods_of_Control", "group_victim/vic_TypeOfExploitation",
                   "vic_ForcedLabourIndustry", "vic_TypeOfSexExploitation", "vic_LocationOfExploitation",
                   "cas_Status", "cas_IncomingReferralDate", "meta/instanceID", "_id", "_uuid", "_submission_time",
                   "_index"]


def _kobo_rows() -> list[dict[str, str]]:
    base = {"start": "2024-06-01T10:00:00.000+08:00", "end": "2024-06-01T10:20:00.000+08:00", "con_Consent": "TRUE",
            "cas_Status": "Active", "_submission_time": "2024-06-01T02:21:00", "meta/instanceID": "uuid:1", "_id": "1",
            "_uuid": "1", "_index": "1"}
    return [
        {**base, "prs_First_Name": NAMES[0], "prs_Birthdate": "2010-02-03", "prs_Gender": "Feminine",
         "prs_Citizenship": "MN", "prs_MobilePhone": "99112233",
         "group_victim/vic_Methods_of_Control": "DebtBondage PhysicalAbuse",
         "group_victim/vic_TypeOfExploitation": "ForcedLabour SexualExploitation",
         "vic_ForcedLabourIndustry": "I_AccommodationAndFoodServiceActivities",
         "vic_TypeOfSexExploitation": "RemoteInteractiveServices", "cas_IncomingReferralDate": ""},
        {**base, "prs_First_Name": NAMES[1], "prs_Birthdate": "1985-07-07", "prs_Gender": "Masculine",
         "prs_Citizenship": "CN", "group_victim/vic_Methods_of_Control": "",
         "group_victim/vic_TypeOfExploitation": "ForcedBegging", "cas_IncomingReferralDate": "2023-12-31"},
    ]


def test_kobo_csv_with_xml_values_and_groups(store, tmp_path):
    path = files.write(tmp_path / "kobo.csv", KOBO_XML_HEADER, _kobo_rows(), delimiter=";")
    report = store.import_file(path, contributor="mn-hotline")
    assert report.format == "kobo" and report.status == "imported", report.errors
    rows = {r["source_row"]: r for r in store.frame().to_dicts()}
    first, second = rows[1], rows[2]
    assert first["year_of_registration"] == 2024 and first["age_band"] == "9-17"  # submission date
    assert first["means_debt_bondage"] and first["means_physical_abuse"] and first["means_other"] is False
    assert first["exploit_forced_labour"] and first["exploit_sexual_exploitation"]
    assert first["sector_hospitality"] and first["sex_remote_interactive_services"]
    assert second["year_of_registration"] == 2023 and second["age_band"] == "30-38"  # referral date
    assert second["means_debt_bondage"] is None and second["exploit_forced_begging"]
    assert second["citizenship"] == "CHN"
    _no_identifiers(store)


def _label_rows() -> tuple[list[str], list[dict[str, str]]]:
    header = ["start", "Birthdate", "Gender", "Citizenship", "First Name", "Methods of Control",
              "Type of Exploitation", "Incoming Referral Date", "_submission_time"]
    rows = [{"start": "2024-01-05T09:00:00", "Birthdate": "2000-01-01", "Gender": "Transgender Feminine",
             "Citizenship": "Mongolia", "First Name": NAMES[2], "Methods of Control": "Debt bondage Takes earnings",
             "Type of Exploitation": "Forced labour", "Incoming Referral Date": "2024-01-04",
             "_submission_time": "2024-01-05T09:30:00"}]
    return header, rows


def test_kobo_csv_with_label_headers_and_label_values(store, tmp_path):
    header, rows = _label_rows()
    report = store.import_file(files.write(tmp_path / "kobo_labels.csv", header, rows), contributor="field-team")
    assert report.format == "kobo" and report.status == "imported", report.errors
    (row,) = store.frame().to_dicts()
    assert row["gender"] == "transgender_nonconforming" and row["citizenship"] == "MNG"
    assert row["means_debt_bondage"] and row["means_takes_earnings"] and row["exploit_forced_labour"]
    assert row["age_band"] == "24-26" and row["year_of_registration"] == 2024
    _no_identifiers(store)


def test_kobo_xlsx_with_one_column_per_choice(store, tmp_path):
    header = ["start", "end", "prs_Gender", "prs_Birthdate", "vic_TypeOfExploitation",
              "vic_TypeOfExploitation/ForcedLabour", "vic_TypeOfExploitation/SexualExploitation",
              "vic_TypeOfExploitation/OrganRemoval", "_submission_time"]
    data = [["2022-05-01T08:00:00", "2022-05-01T08:30:00", "Masculine", "2003-09-09", "ForcedLabour", 1, 0, 0,
             "2022-05-01T08:31:00"],
            ["2022-05-02T08:00:00", "2022-05-02T08:30:00", "Feminine", "", "", None, None, None,
             "2022-05-02T08:31:00"]]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(header)
    for row in data:
        ws.append(row)
    wb.save(tmp_path / "kobo.xlsx")
    report = store.import_file(tmp_path / "kobo.xlsx", contributor="field-team")
    assert report.format == "kobo" and report.status == "imported", report.errors
    rows = {r["source_row"]: r for r in store.frame().to_dicts()}
    assert rows[1]["exploit_forced_labour"] and rows[1]["exploit_sexual_exploitation"] is False
    assert rows[1]["age_band"] == "18-20" and rows[1]["year_of_registration"] == 2022
    assert rows[2]["exploit_forced_labour"] is None


def test_kobo_choice_columns_without_the_combined_column(store, tmp_path):
    header = ["_submission_time", "vic_Methods_of_Control/DebtBondage", "vic_Methods_of_Control/FalsePromises",
              "prs_Gender"]
    rows = [{"_submission_time": "2021-02-02T10:00:00", "vic_Methods_of_Control/DebtBondage": "1",
             "vic_Methods_of_Control/FalsePromises": "0", "prs_Gender": "Feminine"},
            {"_submission_time": "2021-02-03T10:00:00", "vic_Methods_of_Control/DebtBondage": "",
             "vic_Methods_of_Control/FalsePromises": "", "prs_Gender": "Masculine"}]
    report = store.import_file(files.write(tmp_path / "choices.csv", header, rows), contributor="x")
    assert report.status == "imported", report.errors
    rows_ = {r["source_row"]: r for r in store.frame().to_dicts()}
    assert rows_[1]["means_debt_bondage"] and rows_[1]["means_false_promises"] is False
    assert rows_[2]["means_debt_bondage"] is None


def test_kobo_wrong_choice_is_reported_with_its_row(store, tmp_path):
    rows = _kobo_rows()
    rows[1]["group_victim/vic_TypeOfExploitation"] = "ForcedLabor"
    rows[0]["prs_Gender"] = "Female-ish"
    report = store.import_file(files.write(tmp_path / "bad.csv", KOBO_XML_HEADER, rows), contributor="x")
    assert report.status == "rejected"
    found = {(e["row"], e["column"], e["value"]) for e in report.errors}
    assert (2, "group_victim/vic_TypeOfExploitation", "ForcedLabor") in found
    assert (1, "prs_Gender", "Female-ish") in found


def test_htcds_csv_export_reads_back(store, tmp_path):
    store.import_file(files.FIXTURE)
    from ctip.dataset.export import export

    export(store, "htcds-csv", tmp_path / "htcds.csv")
    other = Dataset(tmp_path / "other.duckdb")
    report = other.import_file(tmp_path / "htcds.csv", contributor="CTDC")
    assert report.format == "htcds-csv" and report.imported == 500, report.errors[:3]
    a, b = store.frame(), other.frame()
    for column in ("year_of_registration", "gender", "age_band", "citizenship", "country_of_exploitation",
                   "majority_status"):
        assert a[column].to_list() == b[column].to_list()
    assert a["exploit_forced_labour"].fill_null(False).to_list() == b["exploit_forced_labour"].fill_null(False).to_list()


def test_htcds_without_contributor_is_a_usage_error(store, tmp_path):
    with pytest.raises(ValueError, match="--contributor"):
        store.import_file(_fill_template(tmp_path / "t.xlsx"))


def test_a_date_that_is_not_iso_is_reported_even_with_a_submission_date(store, tmp_path):
    rows = _kobo_rows()
    rows[1]["cas_IncomingReferralDate"] = "31/12/2023"
    report = store.import_file(files.write(tmp_path / "dates.csv", KOBO_XML_HEADER, rows), contributor="x")
    assert report.status == "rejected"
    assert report.errors == [{"row": 2, "column": "cas_IncomingReferralDate", "value": "31/12/2023",
                              "expected": "a date written YYYY-MM-DD (or an Excel date)", "code": "date",
                              "params": {}}]


def test_a_wrong_birthdate_is_reported_without_showing_it(store, tmp_path):
    """The report (pages, CLI, the rejections file beside the store) names the row, never the birthdate."""
    rows = _kobo_rows()
    rows[1]["prs_Birthdate"] = "2031-07-07"  # after the registration date
    path = files.write(tmp_path / "birth.csv", KOBO_XML_HEADER, rows)
    report = store.import_file(path, contributor="x")
    assert report.status == "rejected"
    assert [(e["row"], e["column"]) for e in report.errors] == [(2, "prs_Birthdate")]
    assert "2031-07-07" not in str(report.to_json())
    report = store.import_file(path, contributor="x", skip_invalid=True)
    assert report.status == "imported" and report.imported == 1
    assert "2031-07-07" not in Path(report.rejected_path).read_text(encoding="utf-8")
