"""Broken files: each gives an actionable message and leaves the store exactly as it was."""

from __future__ import annotations

import pytest

from ctip.dataset.store import Dataset
from tests.dataset import files


@pytest.fixture
def store(tmp_path):
    store = Dataset(tmp_path / "dataset.duckdb")
    store.import_file(files.FIXTURE)
    return store


def _snapshot(store: Dataset):
    return [b.batch_id for b in store.batches()], store.frame().height, store.path.read_bytes()


def _fixture_text() -> str:
    return files.FIXTURE.read_text(encoding="utf-8")


def _truncated(path):
    text = _fixture_text()
    path.write_text(text[: len(text) // 2 - 17], encoding="utf-8")  # cut in the middle of a row


def _utf16(path):
    path.write_text(_fixture_text(), encoding="utf-16")


def _cp1252_with_bom(path):
    text = _fixture_text().replace("Case Management", "Case Managément", 3)
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("cp1252"))


def _missing_columns(path):
    header, rows = files.fixture_rows()
    files.write(path, [h for h in header if h not in ("gender", "ageBroad")], rows)


def _extra_columns(path):
    header, rows = files.fixture_rows()
    for row in rows:
        row["victimName"] = "x"
    files.write(path, header + ["victimName"], rows)


def _wrong_codes(path):
    header, rows = files.fixture_rows()
    rows[11]["gender"] = "Mael"
    rows[40]["isForcedLabour"] = "2"
    rows[41]["yearOfRegistration"] = "20017"
    files.write(path, header, rows)


def _binary(path):
    path.write_bytes(bytes(range(256)) * 50)


def _ragged(path):
    lines = _fixture_text().splitlines()
    lines[5] = lines[5] + ",extra,cells"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


CASES = {
    "truncated": (_truncated, "truncated"),
    "utf16": (_utf16, "UTF-16"),
    "cp1252-with-bom": (_cp1252_with_bom, "not UTF-8"),
    "missing-columns": (_missing_columns, "required column(s) missing: gender, ageBroad"),
    "extra-columns": (_extra_columns, "unknown column(s): victimName"),
    "wrong-codes": (_wrong_codes, "3 of 500 rows invalid"),
    "binary": (_binary, "binary content"),
    "ragged-row": (_ragged, "row(s) do not have the header's 58 columns, first at row 5"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_broken_file_is_refused_with_an_actionable_message(store, tmp_path, case):
    make, message = CASES[case]
    path = tmp_path / f"{case}.csv"
    make(path)
    before = _snapshot(store)
    report = store.import_file(path)
    assert not report.ok
    assert message in report.summary()
    assert report.batch is None and report.imported == 0
    assert _snapshot(store) == before


def test_wrong_codes_name_row_column_value_and_expected(store, tmp_path):
    _wrong_codes(tmp_path / "wrong.csv")
    report = store.import_file(tmp_path / "wrong.csv")
    by_row = {e["row"]: e for e in report.errors}
    assert by_row[12]["column"] == "gender" and by_row[12]["value"] == "Mael"
    assert by_row[12]["expected"].startswith("one of Female, Male, Transgender/NonConforming")  # the file's spellings
    assert by_row[41]["column"] == "isForcedLabour" and by_row[41]["value"] == "2"
    assert by_row[42]["column"] == "yearOfRegistration" and "year between" in by_row[42]["expected"]


def test_cp1252_error_points_at_the_row(store, tmp_path):
    _cp1252_with_bom(tmp_path / "cp.csv")
    report = store.import_file(tmp_path / "cp.csv")
    assert report.errors[0]["row"] == 1 and report.errors[0]["column"] == "Datasource"
    assert "byte-order mark" in report.message


def test_skip_invalid_imports_the_rest_and_writes_reasons_beside_the_store(tmp_path):
    store = Dataset(tmp_path / "dataset.duckdb")
    _wrong_codes(tmp_path / "wrong.csv")
    report = store.import_file(tmp_path / "wrong.csv", skip_invalid=True)
    assert report.status == "imported" and report.imported == 497 and report.rejected == 3
    assert store.frame().height == 497
    reasons = (tmp_path / "rejected" / f"{report.batch}.csv").read_text()
    assert "Mael" in reasons and "gender" in reasons
    assert store.batches()[0].rejected == 3


def test_a_failed_write_leaves_no_reasons_file_behind(tmp_path):
    """The batch folder cannot be made (a file stands where it should be): the import fails as a whole,
    leaving neither rows nor a reasons file that names a batch that does not exist."""
    store = Dataset(tmp_path / "dataset.duckdb")
    store.parts_dir.parent.mkdir(parents=True, exist_ok=True)
    store.parts_dir.write_text("not a folder")
    _wrong_codes(tmp_path / "wrong.csv")
    with pytest.raises(OSError):
        store.import_file(tmp_path / "wrong.csv", skip_invalid=True)
    assert list((tmp_path / "rejected").glob("*.csv")) == []
    store.parts_dir.unlink()  # the operator clears the obstacle: nothing was half-imported
    assert store.batches() == [] and store.frame().height == 0


def test_header_problems_are_not_skippable(tmp_path):
    store = Dataset(tmp_path / "dataset.duckdb")
    _missing_columns(tmp_path / "missing.csv")
    report = store.import_file(tmp_path / "missing.csv", skip_invalid=True)
    assert report.status == "rejected" and store.batches() == []


def test_header_without_rows_and_empty_template_are_refused(store, tmp_path):
    header, _ = files.fixture_rows()
    files.write(tmp_path / "header_only.csv", header, [])
    report = store.import_file(tmp_path / "header_only.csv")
    assert report.status == "invalid" and "no data rows" in report.message
    from tests.dataset.test_import_htcds import TEMPLATE

    report = store.import_file(TEMPLATE, contributor="x")
    assert report.status == "invalid" and report.format == "htcds-xlsx"
    assert len(store.batches()) == 1


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused(store, tmp_path, monkeypatch):
    """A ZIP bomb (or a sheet too large to hold in memory) is refused before any cell is read."""
    import openpyxl

    from ctip.exchange import sniff

    wb = openpyxl.Workbook()
    for i in range(200):
        wb.active.append(["prs_Gender", "vic_TypeOfExploitation", "x" * 50, i])
    wb.save(tmp_path / "big.xlsx")
    monkeypatch.setattr(sniff, "MAX_XLSX_BYTES", 4096)
    before = _snapshot(store)
    report = store.import_file(tmp_path / "big.xlsx", contributor="x")
    assert report.status == "invalid" and "unpacks to" in report.message and "CSV UTF-8" in report.message
    assert _snapshot(store) == before
