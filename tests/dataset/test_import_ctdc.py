"""Importing CTDC Global Dataset files (2017-2021) in every variant met in the wild, and CTDC v2024/v2025."""

from __future__ import annotations

import collections
import contextlib

import pytest

from ctip.dataset.store import Dataset
from ctip.exchange.ctdc import read_ctdc2024, to_ctdc2024
from tests.dataset import files


@pytest.fixture
def store(tmp_path):
    return Dataset(tmp_path / "dataset.duckdb")


def _count(store: Dataset, sql: str) -> object:
    with contextlib.closing(store.connect()) as con:
        return con.execute(sql).fetchone()[0]


def test_fixture_counts_match_an_independent_reading(store):
    _, rows = files.fixture_rows()
    report = store.import_file(files.FIXTURE)
    assert report.status == "imported" and report.format == "ctdc2017"
    assert report.rows_read == report.imported == len(rows) == 500
    assert report.errors == []
    genders = collections.Counter(r["gender"] for r in rows)
    assert _count(store, "SELECT count(*) FROM records WHERE gender = 'female'") == genders["Female"]
    assert _count(store, "SELECT count(*) FROM records WHERE gender = 'male'") == genders["Male"]
    forced = sum(r["isForcedLabour"] == "1" for r in rows)
    not_forced = sum(r["isForcedLabour"] == "0" for r in rows)
    assert _count(store, "SELECT count(*) FROM records WHERE exploit_forced_labour") == forced
    assert _count(store, "SELECT count(*) FROM records WHERE NOT exploit_forced_labour") == not_forced
    minors = sum(r["majorityStatus"] == "Minor" for r in rows)
    assert _count(store, "SELECT count(*) FROM records WHERE majority_status = 'minor'") == minors
    unknown_age = sum(r["ageBroad"] in ("", "Unknown") for r in rows)
    assert _count(store, "SELECT count(*) FROM records WHERE age_band IS NULL") == unknown_age
    assert _count(store, "SELECT count(*) FROM records WHERE age_band = '9-17'") == \
        sum(r["ageBroad"] == "9--17" for r in rows)
    by_year = collections.Counter(int(r["yearOfRegistration"]) for r in rows)
    with contextlib.closing(store.connect()) as con:
        stored = dict(con.execute("SELECT year_of_registration, count(*) FROM records GROUP BY 1").fetchall())
    assert stored == by_year
    ph = sum(r["citizenship"] == "PH" for r in rows)
    assert _count(store, "SELECT count(*) FROM records WHERE citizenship = 'PHL'") == ph
    hotline = sum(r["Datasource"] == "Hotline" for r in rows)
    assert _count(store, "SELECT count(*) FROM records WHERE data_source = 'hotline'") == hotline


def test_every_row_carries_provenance(store):
    report = store.import_file(files.FIXTURE, contributor="IOM Mongolia")
    frame = store.frame()
    assert set(frame["batch_id"]) == {report.batch}
    assert set(frame["contributor"]) == {"IOM Mongolia"}
    assert set(frame["source_sha256"]) == {report.source_sha256}
    assert sorted(frame["source_row"]) == list(range(1, 501))
    assert frame["record_id"].n_unique() == 500 and frame["record_id"].str.len_chars().max() == 20


@pytest.mark.parametrize("variant", [
    {"delimiter": ";"},
    {"terms": True},
    {"slavery": True},
    {"minus99": True},
    {"concatenated": True},
    {"delimiter": ";", "terms": True, "slavery": True, "minus99": True, "concatenated": True},
], ids=["semicolon", "terms-of-use-column", "isSlaveryAndPractices", "minus99", "concatenated", "all-at-once"])
def test_ctdc2017_variants_import_the_same_records(store, tmp_path, variant):
    baseline = Dataset(tmp_path / "baseline.duckdb")
    baseline.import_file(files.FIXTURE)
    path = files.ctdc2017_variant(tmp_path / "variant.csv", **variant)
    report = store.import_file(path)
    assert report.status == "imported", report.errors[:3]
    assert report.imported == 500
    data = [c for c in store.frame().columns if c not in ("record_id", "batch_id", "source_sha256",
                                                           "exploit_slavery_and_practices")]
    assert store.frame().select(data).equals(baseline.frame().select(data))


def test_missing_markers_of_every_spelling_read_as_missing(store, tmp_path):
    header, rows = files.fixture_rows()
    markers = ["-99", "", "NA", "Unknown", "Missing", "ZZ", "00"]
    for row, marker in zip(rows, markers * 100, strict=False):
        row["citizenship"] = marker
        row["isAbduction"] = marker if marker not in ("ZZ",) else "-99"
    report = store.import_file(files.write(tmp_path / "markers.csv", header, rows))
    assert report.status == "imported", report.errors[:3]
    assert _count(store, "SELECT count(*) FROM records WHERE citizenship IS NOT NULL") == 0
    assert _count(store, "SELECT count(*) FROM records WHERE is_abduction IS NOT NULL") == 0


def test_concatenated_column_disagreeing_with_binaries_is_reported(store, tmp_path):
    header, rows = files.fixture_rows()
    for row in rows:
        row.update(files.concatenated_cells(row))
    target = next(i for i, r in enumerate(rows) if r["isForcedLabour"] == "1")
    rows[target]["typeOfExploitConcatenated"] = "Sexual exploitation"
    report = store.import_file(files.write(tmp_path / "concat.csv", header + files.CONCATENATED, rows))
    assert report.status == "rejected"
    (error,) = report.errors
    assert error["row"] == target + 1 and error["column"] == "typeOfExploitConcatenated"
    assert error["value"] == "Sexual exploitation"
    assert "Forced labour and/or services" in error["expected"]
    assert store.batches() == []


def _v2024_rows() -> list[dict[str, str]]:
    rows = []
    genders, ages = ["Woman", "Man", "Trans/Transgender/NonConforming", ""], ["09--17", "18--20", "48+", ""]
    months = ["0--12 (0-1 yr)", "13--24 (1-2 yrs)", "25+ (2+ yrs)", ""]
    for i in range(40):
        row = {h: "" for h in files.V2024_HEADER}
        row.update(yearOfRegistration=str(2015 + i % 8), gender=genders[i % 4], ageBroad=ages[i % 4],
                   citizenship=["MNG", "PHL", "UKR", ""][i % 4], CountryOfExploitation=["CHN", "KOR", "", "MNG"][i % 4],
                   traffickMonths=months[i % 4])
        for j, name in enumerate(files.V2024_HEADER[6:]):
            if (i + j) % 5 == 0:
                row[name] = "1"
        rows.append(row)
    return rows


def test_ctdc2024_round_trip_gives_the_same_records(store, tmp_path):
    source = files.write(tmp_path / "synthetic_v2024.csv", files.V2024_HEADER, _v2024_rows())
    report = store.import_file(source)
    assert report.format == "ctdc2024" and report.imported == 40, report.errors[:3]
    exported = tmp_path / "exported.csv"
    from ctip.dataset.export import export

    export(store, "ctdc2024", exported)
    with open(source, newline="") as a, open(exported, newline="") as b:
        original = sorted(tuple(r) for r in __import__("csv").reader(a))
        again = sorted(tuple(r) for r in __import__("csv").reader(b))
    assert again == original


def test_ctdc2025_sector_names_read_like_v2024(store, tmp_path):
    header = [h.replace("typeOfLabour", "sectorOfLabour").replace("typeOfSex", "sectorOfSex")
              for h in files.V2024_HEADER]
    rows = [{h2: r[h1] for h1, h2 in zip(files.V2024_HEADER, header, strict=True)} for r in _v2024_rows()]
    report = store.import_file(files.write(tmp_path / "synthetic_v2025.csv", header, rows))
    assert report.format == "ctdc2024" and report.imported == 40
    expected = sum(r["typeOfLabourConstruction"] == "1" for r in _v2024_rows())
    assert _count(store, "SELECT count(*) FROM records WHERE sector_construction") == expected


def test_read_ctdc2024_and_to_ctdc2024_are_inverse(tmp_path):
    source = files.write(tmp_path / "v2024.csv", files.V2024_HEADER, _v2024_rows())
    frame = read_ctdc2024(source)
    assert frame.height == 40 and "means_group_threats" in frame.columns
    back = to_ctdc2024(frame)
    assert back.columns == files.V2024_HEADER
    assert back.rows() == read_ctdc2024(source).pipe(to_ctdc2024).rows()
    assert back.row(0, named=True)["gender"] == "Woman"


def test_ctdc2017_export_reads_back_as_the_same_records_with_the_published_spellings(store, tmp_path):
    """The published sample, exported as CTDC 2017 and imported into a fresh store, gives the same records;
    the export keeps the published file's cells (``Case Management``, ``majorityEntry``, ``9--17``) except
    for the repeated RecruiterRelationship list, which is not written."""
    import csv

    from ctip.dataset import schema
    from ctip.dataset.export import export

    store.import_file(files.FIXTURE)
    exported = tmp_path / "exported_2017.csv"
    export(store, "ctdc2017", exported)
    again = Dataset(tmp_path / "again" / "dataset.duckdb")
    report = again.import_file(exported)
    assert report.format == "ctdc2017" and report.imported == 500, report.errors[:3]
    data = [*schema.DATA_COLUMNS, "source_row"]
    assert again.frame().select(data).sort("source_row").equals(store.frame().select(data).sort("source_row"))
    with open(files.FIXTURE, newline="", encoding="utf-8") as a, open(exported, newline="", encoding="utf-8") as b:
        published, written = list(csv.DictReader(a)), list(csv.DictReader(b))
    assert [r["Datasource"] for r in written] == [r["Datasource"] for r in published]
    assert [r["majorityEntry"] for r in written].count("Minor") == [r["majorityEntry"] for r in published].count("Minor")
