"""The store: idempotent imports, batches, atomic writes under kill -9, readers during imports."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest

from ctip.dataset import schema
from ctip.dataset.store import BatchNotFound, Dataset
from tests.dataset import files

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def store(tmp_path):
    return Dataset(tmp_path / "dataset.duckdb")


def test_same_file_again_imports_nothing_and_names_the_batch(store):
    first = store.import_file(files.FIXTURE)
    again = store.import_file(files.FIXTURE)
    assert again.status == "duplicate" and again.duplicate_of_batch == first.batch
    assert again.imported == 0 and again.to_json()["duplicate_of_batch"] == first.batch
    assert store.frame().height == 500 and len(store.batches()) == 1


def test_the_same_records_saved_in_another_form_are_not_counted_twice(store, tmp_path):
    """Re-saved with a semicolon separator and a terms-of-use column, rows shuffled: other bytes, same records."""
    first = store.import_file(files.FIXTURE)
    header, rows = files.fixture_rows()
    files.write(tmp_path / "resaved.csv", [files.TERMS] + header, rows[::-1], delimiter=";")
    preview = store.import_file(tmp_path / "resaved.csv", dry_run=True)
    again = store.import_file(tmp_path / "resaved.csv")
    for report in (preview, again):
        assert report.status == "duplicate" and report.duplicate_records and report.duplicate_of_batch == first.batch
    assert "the same records as batch" in again.summary() and "drop it first" in again.summary()
    assert store.frame().height == 500 and len(store.batches()) == 1


def test_a_file_differing_by_one_record_is_imported(store, tmp_path):
    store.import_file(files.FIXTURE)
    header, rows = files.fixture_rows()
    rows[0]["yearOfRegistration"] = "2003" if rows[0]["yearOfRegistration"] != "2003" else "2004"
    changed = store.import_file(files.write(tmp_path / "changed.csv", header, rows))
    assert changed.status == "imported" and store.frame().height == 1000


def test_dropped_batch_disappears_and_may_be_imported_again(store):
    first = store.import_file(files.FIXTURE)
    dropped = store.drop_batch(first.batch)
    assert dropped.batch_id == first.batch and store.frame().height == 0 and store.batches() == []
    assert [b.batch_id for b in store.batches(include_dropped=True)] == [first.batch]
    second = store.import_file(files.FIXTURE)
    assert second.status == "imported" and second.batch != first.batch
    with pytest.raises(BatchNotFound, match="no active batch"):
        store.drop_batch(first.batch)


def test_dry_run_validates_without_writing(store):
    report = store.import_file(files.FIXTURE, dry_run=True)
    assert report.status == "dry_run" and report.imported == 500 and report.batch is None
    assert store.batches() == []


def test_replace_contributor_swaps_its_rows_atomically(store):
    store.import_file(files.FIXTURE)
    rows = pl.DataFrame({"gender": ["female", "male"], "year_of_registration": [2024, 2025],
                         "data_source": ["case_management"] * 2})
    first = store.replace_contributor("mn-ngo", rows)
    second = store.replace_contributor("mn-ngo", rows.head(1))
    assert first.imported == 2 and second.imported == 1
    assert store.frame(contributor="mn-ngo").height == 1
    assert store.frame(contributor="CTDC").height == 500
    assert {b.contributor for b in store.batches()} == {"CTDC", "mn-ngo"}


def test_writing_through_a_connection_is_refused(store):
    with pytest.raises(ValueError, match="written only through"):
        store.connect(read_only=False)


def test_version_changes_with_content(store):
    empty = store.version()
    report = store.import_file(files.FIXTURE)
    assert store.version() != empty
    store.drop_batch(report.batch)
    assert store.version() == empty


def _big_file(path: Path, rows: int) -> Path:
    sys.path.insert(0, str(REPO))
    from bench.dataset import generate

    generate(path, rows)
    return path


def _import_process(store: Dataset, source: Path) -> subprocess.Popen:
    env = {**os.environ, "CTIP_DATASET": str(store.path)}
    return subprocess.Popen([sys.executable, "-m", "ctip", "dataset", "import", str(source), "--json"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_kill_during_import_leaves_the_store_as_before(store, tmp_path):
    store.import_file(files.FIXTURE)
    before = (store.path.read_bytes(), [b.batch_id for b in store.batches()])
    source = _big_file(tmp_path / "big.csv", 300_000)
    killed_while_writing = False
    for _ in range(3):
        proc = _import_process(store, source)
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if list(store.path.parent.glob("dataset.duckdb.tmp-*")):
                proc.send_signal(signal.SIGKILL)
                proc.wait()
                killed_while_writing = proc.returncode == -signal.SIGKILL
                break
            time.sleep(0.005)
        if killed_while_writing:
            break
        proc.wait()
        if proc.returncode == 0:  # finished before we saw it writing: undo and try again
            store.drop_batch(store.batches()[-1].batch_id)
            before = (store.path.read_bytes(), [b.batch_id for b in store.batches()])
    assert killed_while_writing, "never caught the import while it was writing"
    assert (store.path.read_bytes(), [b.batch_id for b in store.batches()]) == before
    assert store.frame().height == 500
    report = store.import_file(source)  # the next writer cleans up and succeeds
    assert report.status == "imported" and report.imported == 300_000
    assert not list(store.path.parent.glob("dataset.duckdb.tmp-*"))
    assert {p.name.split(".")[0] for p in store.parts_dir.iterdir()} == {b.batch_id for b in store.batches()}


def test_readers_keep_working_during_an_import(store, tmp_path):
    store.import_file(files.FIXTURE)
    source = _big_file(tmp_path / "big.csv", 200_000)
    proc = _import_process(store, source)
    seen = set()
    while proc.poll() is None:
        with contextlib.closing(store.connect()) as con:
            seen.add(con.execute("SELECT count(*) FROM records").fetchone()[0])
        time.sleep(0.01)
    assert proc.returncode == 0, proc.stderr.read()
    with contextlib.closing(store.connect()) as con:
        seen.add(con.execute("SELECT count(*) FROM records").fetchone()[0])
    assert seen <= {500, 200_500} and 200_500 in seen


def test_record_ids_are_unique_across_batches(store, tmp_path):
    store.import_file(files.FIXTURE)
    header, rows = files.fixture_rows()  # other records (the same ones again would be refused)
    store.import_file(files.write(tmp_path / "fewer.csv", header, rows[:-1], delimiter=";"))
    ids = store.frame()["record_id"]
    assert ids.len() == 999 and ids.n_unique() == 999


def test_records_are_parquet_files_any_engine_can_read(store):
    report = store.import_file(files.FIXTURE)
    part = pl.read_parquet(store.part_paths(report.batch))
    bitmaps = list(schema.BITMAPS.values())
    assert part.height == 500 and part.columns[-len(bitmaps):] == bitmaps
    assert ["record_id", *part.columns[:-len(bitmaps)]] == store.frame().columns  # ids are derived


def test_group_bitmaps_hold_exactly_the_true_columns(store):
    report = store.import_file(files.FIXTURE)
    part = pl.read_parquet(store.part_paths(report.batch))
    for group, columns in schema.BINARY_GROUPS.items():
        expected = sum(part[c].fill_null(False).cast(pl.Int64) * (1 << i) for i, c in enumerate(columns))
        assert part[schema.BITMAPS[group]].to_list() == expected.to_list(), group
    assert part["bits_exploit"].max() > 0  # the fixture has forms of exploitation


def test_batch_files_without_bitmaps_read_the_same(store):
    """Batches written before the store kept group bitmaps: the view computes them on read."""
    import pyarrow.parquet as pq

    report = store.import_file(files.FIXTURE)
    with store.connect() as con:
        before = con.execute("SELECT bits_exploit, bits_means, bits_recruiter FROM records "
                             "ORDER BY source_row").fetchall()
    for path in store.part_paths(report.batch):
        table = pq.read_table(path)
        pq.write_table(table.drop_columns(list(schema.BITMAPS.values())), path)
    with store.connect() as con:
        after = con.execute("SELECT bits_exploit, bits_means, bits_recruiter FROM records "
                            "ORDER BY source_row").fetchall()
    assert after == before and any(row[0] for row in after)


def test_readers_in_the_same_process_during_imports_and_drops(store, tmp_path):
    import threading

    store.import_file(files.FIXTURE)
    errors, counts, stop = [], set(), threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                with contextlib.closing(store.connect()) as con:
                    counts.add(con.execute("SELECT count(*) FROM records").fetchone()[0])
            except Exception as exc:  # noqa: BLE001 - collected and asserted below
                errors.append(exc)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        header, rows = files.fixture_rows()
        variant = files.write(tmp_path / "fewer.csv", header, rows[:-1], delimiter=";")
        for _ in range(3):
            store.drop_batch(store.import_file(variant).batch)
    finally:
        stop.set()
        reader.join()
    assert errors == [] and counts <= {500, 999}


@pytest.mark.parametrize("name", ["x" * 81, "line\nbreak", "tab\there"])
def test_a_contributor_name_that_is_not_short_plain_text_is_refused(tmp_path, name):
    store = Dataset(tmp_path / "dataset.duckdb")
    with pytest.raises(ValueError, match="1 to 80 printable characters"):
        store.import_file(files.FIXTURE, contributor=name)
    assert store.batches() == []


def test_a_contributor_name_is_trimmed(tmp_path):
    store = Dataset(tmp_path / "dataset.duckdb")
    assert store.import_file(files.FIXTURE, contributor="  mn-police  ").status == "imported"
    assert store.batches()[0].contributor == "mn-police"
