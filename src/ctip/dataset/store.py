"""The collaborative dataset store: a DuckDB catalog plus one Parquet file per import batch.

Layout, beside ``config.dataset_path()`` (default ``CTIP_HOME/dataset.duckdb``)::

    dataset.duckdb            catalog: the ``batches`` table (provenance, counts, dropped_at)
    dataset.batches/<id>.<k>.parquet   the batch's records, in the schema's columns (k = 0, 1, …;
                                       record_id is derived by the view, not stored), plus one
                                       bitmap per binary group (``ctip.dataset.bitmaps``)

``connect()`` returns an in-memory DuckDB connection where ``batches`` is a snapshot of the catalog
and ``records`` a view over the active batches' Parquet files: readers never lock anything and
never see a half-written batch. Writes take an exclusive lock file; a new batch's Parquet file is
written and synced first, then the catalog is changed on a private copy and atomically renamed
over the original. So a crash or ``kill -9`` at any point leaves the dataset as it was (the next
writer deletes the orphaned files). Parquet batches are written ~6x faster than rows inserted into
a DuckDB table, and are what Spark or any engine reads when the dataset outgrows one machine.

Importing a file whose SHA-256 matches an active batch imports nothing and names that batch; so does a
file holding exactly the records of an active batch (the same data saved in another form).
Dropped batches leave ``records`` at once; their files are deleted by a later write once no reader
that connected before the drop can still be using them (``DROP_GRACE_S``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import os
import secrets
import shutil
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from ctip import config
from ctip.dataset import schema
from ctip.dataset.bitmaps import bitmap_sql, with_bitmaps
from ctip.dataset.report import ImportReport

BATCHES_SQL = """
CREATE TABLE IF NOT EXISTS batches (
  batch_id VARCHAR PRIMARY KEY,
  contributor VARCHAR NOT NULL,
  source_format VARCHAR NOT NULL,
  source_name VARCHAR,
  source_sha256 VARCHAR NOT NULL,
  rows_read INTEGER,
  imported INTEGER,
  rejected INTEGER,
  imported_at TIMESTAMP NOT NULL,
  dropped_at TIMESTAMP
)"""
DROP_GRACE_S = 600
ROW_GROUP = 122_880
PART_ROWS = 250_000  # a batch larger than this is written as several files in parallel
# Columns kept in the batch files: all but record_id, which the records view derives.
STORED_COLUMNS = [c for c in schema.COLUMN_NAMES if c != "record_id"]
BITMAP_COLUMNS = list(schema.BITMAPS.values())


@dataclass(frozen=True)
class Batch:
    """One import (active unless ``dropped_at`` is set)."""

    batch_id: str
    contributor: str
    source_format: str
    source_name: str | None
    source_sha256: str
    rows_read: int
    imported: int
    rejected: int
    imported_at: dt.datetime
    dropped_at: dt.datetime | None = None


class BatchNotFound(KeyError):
    """No active batch has this id."""

    def __str__(self) -> str:
        return f"no active batch {self.args[0]!r}; list them with 'ctip dataset batches'"


def file_sha256(path: Path) -> str:
    """SHA-256 of the file's bytes, hex: the identity of an import (read in 4 MiB blocks)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(4 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Dataset:
    """The collaborative dataset at ``path`` (default ``config.dataset_path()``)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else config.dataset_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock_path = self.path.with_name(self.path.name + ".lock")

    # --- reading -------------------------------------------------------------------------------

    @property
    def parts_dir(self) -> Path:
        """Where the batches' Parquet files live."""
        return self.path.with_name(self.path.stem + ".batches")

    def part_paths(self, batch_id: str) -> list[Path]:
        """The batch's Parquet files (large batches are written as several, in parallel)."""
        return sorted(self.parts_dir.glob(f"{batch_id}.*.parquet"))

    def connect(self, read_only: bool = True) -> duckdb.DuckDBPyConnection:
        """An in-memory DuckDB connection with ``records`` (a view) and ``batches`` (a snapshot).

        Writes go through this class's methods; ``read_only=False`` is refused. Close it when done.
        """
        if not read_only:
            raise ValueError("the dataset is written only through Dataset.import_file / import_frame / "
                             "replace_contributor / drop_batch, which keep writes atomic")
        if not self.path.exists():
            self._write(lambda con: None)
        con = duckdb.connect()
        try:
            con.execute(f"ATTACH '{_sql_text(self.path)}' AS catalog (READ_ONLY)")
            con.execute("CREATE TABLE batches AS SELECT * FROM catalog.batches")
            con.execute("DETACH catalog")
            active = [r[0] for r in con.execute("SELECT batch_id FROM batches WHERE dropped_at IS NULL "
                                                "ORDER BY imported_at, batch_id").fetchall()]
            con.execute(_records_view_sql([p for b in active for p in self.part_paths(b)]))
        except BaseException:
            con.close()
            raise
        return con

    def frame(self, **filters: object) -> pl.DataFrame:
        """All records (optionally ``column=value`` or ``column=[values]`` filters) as a Polars frame."""
        where, params = [], []
        for column, value in filters.items():
            if column not in schema.COLUMN_NAMES:
                raise ValueError(f"unknown column {column!r}; expected one of: {', '.join(schema.COLUMN_NAMES)}")
            if isinstance(value, list | tuple | set):
                where.append(f"{column} IN ({', '.join('?' for _ in value)})")
                params.extend(value)
            else:
                where.append(f"{column} = ?")
                params.append(value)
        sql = f"SELECT {', '.join(schema.COLUMN_NAMES)} FROM records"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with contextlib.closing(self.connect()) as con:
            return con.sql(sql + " ORDER BY batch_id, source_row", params=params).pl()

    def batches(self, include_dropped: bool = False) -> list[Batch]:
        """Import batches, oldest first."""
        sql = "SELECT * FROM batches" + ("" if include_dropped else " WHERE dropped_at IS NULL")
        with contextlib.closing(self.connect()) as con:
            cur = con.execute(sql + " ORDER BY imported_at, batch_id")
            names = [d[0] for d in cur.description]
            return [Batch(**dict(zip(names, row, strict=True))) for row in cur.fetchall()]

    def find_duplicate(self, sha256: str) -> str | None:
        """The active batch that imported a file with this SHA-256, if any."""
        with contextlib.closing(self.connect()) as con:
            row = con.execute("SELECT batch_id FROM batches WHERE source_sha256 = ? AND dropped_at IS NULL "
                              "ORDER BY imported_at LIMIT 1", [sha256]).fetchone()
        return row[0] if row else None

    def find_same_records(self, frame: pl.DataFrame) -> str | None:
        """The active batch holding exactly the records of ``frame`` (same rows, in any order, whatever
        file they came from), if any: the same data saved again in another form (another encoding,
        separator or spreadsheet) would otherwise be counted twice."""
        with contextlib.closing(self.connect()) as con:
            return _same_records(con, self.part_paths, _conform(frame))

    def version(self) -> str:
        """A short fingerprint of the active batches: changes whenever the dataset's content does."""
        ids = ",".join(b.batch_id for b in self.batches())
        return hashlib.sha256(ids.encode()).hexdigest()[:16]

    # --- writing -------------------------------------------------------------------------------

    def import_file(self, path: str | Path, *, fmt: str | None = None, contributor: str | None = None,
                    dry_run: bool = False, skip_invalid: bool = False) -> ImportReport:
        """Detect, read, validate and (unless ``dry_run``) write one file as a new batch.

        Strict by default: any invalid row rejects the whole file and nothing is written.
        """
        from ctip.dataset.importer import import_file

        return import_file(self, Path(path), fmt=fmt, contributor=contributor, dry_run=dry_run,
                           skip_invalid=skip_invalid)

    def import_frame(self, frame: pl.DataFrame, *, contributor: str, source_format: str, source_sha256: str,
                     source_name: str, rows_read: int | None = None, rejected: int = 0,
                     batch_id: str | None = None) -> ImportReport:
        """Write a frame in the schema's data columns (plus optional ``source_row``) as one new batch."""
        frame = _conform(frame)
        batch_id = batch_id or new_batch_id()
        rows_read = frame.height if rows_read is None else rows_read

        def change(con: duckdb.DuckDBPyConnection) -> str | None:
            duplicate = _active_duplicate(con, source_sha256) or _same_records(con, self.part_paths, frame)
            if duplicate:
                return duplicate
            self._write_part(batch_id, frame, contributor=contributor, source_sha256=source_sha256,
                             source_format=source_format)
            _record_batch(con, batch_id, contributor=contributor, source_format=source_format,
                          source_sha256=source_sha256, source_name=source_name, rows_read=rows_read,
                          imported=frame.height, rejected=rejected)
            return None

        duplicate = self._write(change)
        return ImportReport("duplicate" if duplicate else "imported", source_format, source_name, source_sha256,
                            contributor, None if duplicate else batch_id, rows_read,
                            0 if duplicate else frame.height, rejected, duplicate)

    def replace_contributor(self, contributor: str, frame: pl.DataFrame, *,
                            source_format: str = "casestore") -> ImportReport:
        """Atomically replace every row of ``contributor`` with ``frame`` (one new batch; old ones dropped)."""
        frame = _conform(frame)
        sha = hashlib.sha256(frame.write_ipc(None).getvalue()).hexdigest()
        batch_id = new_batch_id()

        def change(con: duckdb.DuckDBPyConnection) -> None:
            self._write_part(batch_id, frame, contributor=contributor, source_sha256=sha, source_format=source_format)
            con.execute("UPDATE batches SET dropped_at = ? WHERE contributor = ? AND dropped_at IS NULL",
                        [_now(), contributor])
            _record_batch(con, batch_id, contributor=contributor, source_format=source_format, source_sha256=sha,
                          source_name=f"{source_format} extract", rows_read=frame.height, imported=frame.height,
                          rejected=0)

        self._write(change)
        return ImportReport("imported", source_format, f"{source_format} extract", sha, contributor, batch_id,
                            frame.height, frame.height)

    def drop_batch(self, batch_id: str) -> Batch:
        """Delete a batch's rows and mark it dropped; ``BatchNotFound`` if it is not active."""
        found: list[Batch] = []

        def change(con: duckdb.DuckDBPyConnection) -> None:
            cur = con.execute("SELECT * FROM batches WHERE batch_id = ? AND dropped_at IS NULL", [batch_id])
            row = cur.fetchone()
            if row is None:
                raise BatchNotFound(batch_id)
            names = [d[0] for d in cur.description]
            con.execute("UPDATE batches SET dropped_at = ? WHERE batch_id = ?", [_now(), batch_id])
            found.append(Batch(**dict(zip(names, row, strict=True))))

        self._write(change)
        return found[0]

    # --- copy-on-write machinery -----------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with open(self._lock_path, "a+") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _write(self, change: Callable[[duckdb.DuckDBPyConnection], object]) -> object:
        """Apply ``change`` to a private copy of the catalog, then publish it with one atomic rename."""
        with self._locked():
            self.parts_dir.mkdir(parents=True, exist_ok=True)
            self._remove_orphans()
            tmp = self.path.with_name(f"{self.path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}")
            try:
                if self.path.exists():
                    shutil.copyfile(self.path, tmp)
                con = duckdb.connect(str(tmp))
                try:
                    con.execute(BATCHES_SQL)
                    con.execute("BEGIN TRANSACTION")
                    result = change(con)
                    con.execute("COMMIT")
                    con.execute("CHECKPOINT")
                finally:
                    con.close()
                _fsync(tmp)
                os.replace(tmp, self.path)
                _fsync(self.path.parent)
                return result
            finally:
                for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
                    leftover.unlink(missing_ok=True)

    def _write_part(self, batch_id: str, frame: pl.DataFrame, *, contributor: str, source_sha256: str,
                    source_format: str) -> None:
        """The batch's Parquet file, complete and synced before the catalog mentions it."""
        table = with_bitmaps(frame).to_arrow()
        rows = frame["source_row"]
        provenance = {
            "batch_id": _constant(batch_id, frame.height),
            "contributor": _constant(contributor, frame.height),
            "source_sha256": _constant(source_sha256, frame.height),
            "source_row": rows.cast(pl.Int32).to_arrow(),
            "source_format": _constant(source_format, frame.height),
        }
        columns = [provenance[c] if c in provenance else table.column(c) for c in STORED_COLUMNS + BITMAP_COLUMNS]
        out = pa.Table.from_arrays(columns, schema=_arrow_schema())
        pieces = max(1, min(os.cpu_count() or 1, 4, out.num_rows // PART_ROWS))
        size = -(-out.num_rows // pieces)

        def write(k: int) -> None:
            target = self.parts_dir / f"{batch_id}.{k}.parquet"
            tmp = target.with_name(target.name + ".tmp")
            pq.write_table(out.slice(k * size, size), tmp, compression="snappy", row_group_size=ROW_GROUP)
            _fsync(tmp)
            os.replace(tmp, target)

        with ThreadPoolExecutor(max_workers=pieces) as pool:  # Arrow releases the GIL while encoding
            list(pool.map(write, range(pieces)))

    def _remove_orphans(self) -> None:
        """Catalog copies and Parquet files left by killed writers, and files of batches dropped long ago.

        Runs under the lock, so no live writer owns any of them.
        """
        for orphan in self.path.parent.glob(f"{self.path.name}.tmp-*"):
            orphan.unlink(missing_ok=True)
        for tmp in self.parts_dir.glob("*.tmp"):
            tmp.unlink(missing_ok=True)
        if not self.path.exists():
            return
        with contextlib.closing(duckdb.connect()) as con:
            con.execute(f"ATTACH '{_sql_text(self.path)}' AS catalog (READ_ONLY)")
            rows = con.execute("SELECT batch_id, dropped_at FROM catalog.batches").fetchall()
        known = {batch_id: dropped for batch_id, dropped in rows}
        horizon = _now() - dt.timedelta(seconds=DROP_GRACE_S)
        for part in self.parts_dir.glob("*.parquet"):
            batch_id = part.name.split(".", 1)[0]
            if batch_id not in known or (known[batch_id] is not None and known[batch_id] < horizon):
                part.unlink(missing_ok=True)


def new_batch_id() -> str:
    """Sortable and unique: UTC time plus 4 random hex digits, e.g. ``20261128T070512-3fa2``."""
    return f"{dt.datetime.now(dt.UTC):%Y%m%dT%H%M%S}-{secrets.token_hex(2)}"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _active_duplicate(con: duckdb.DuckDBPyConnection, sha256: str) -> str | None:
    rows = con.execute("SELECT batch_id FROM batches WHERE source_sha256 = ? AND dropped_at IS NULL LIMIT 1",
                       [sha256]).fetchall()
    return rows[0][0] if rows else None


def _same_records(con: duckdb.DuckDBPyConnection, part_paths: Callable[[str], list[Path]],
                  frame: pl.DataFrame) -> str | None:
    """The active batch of ``con``'s catalog whose records equal ``frame``'s as a multiset (data columns
    only; provenance and row numbers aside). Only batches of the same size are read."""
    same_size = [r[0] for r in con.execute("SELECT batch_id FROM batches WHERE dropped_at IS NULL AND imported = ? "
                                           "ORDER BY imported_at", [frame.height]).fetchall()]
    if not same_size or frame.height == 0:
        return None
    con.register("incoming_records", frame.select(schema.DATA_COLUMNS).to_arrow())
    try:
        mine = con.execute(_FINGERPRINT_SQL.format(source="incoming_records")).fetchall()
    finally:
        con.unregister("incoming_records")
    for batch_id in same_size:
        files = ", ".join(f"'{_sql_text(p)}'" for p in part_paths(batch_id))
        if files and con.execute(_FINGERPRINT_SQL.format(source=f"read_parquet([{files}])")).fetchall() == mine:
            return batch_id
    return None


# a multiset of rows in three numbers, whatever their order: the count and two sums of 64-bit hashes of each
# row's data columns as text (NULL written apart from any value); no sort, so a million rows take a second
_FINGERPRINT_SQL = ("SELECT count(*), sum(hash(line)::HUGEINT), sum(hash(line || chr(30))::HUGEINT) FROM (SELECT concat_ws("
                    "chr(31), " + ", ".join(f"coalesce(CAST({c} AS VARCHAR), chr(0))" for c in schema.DATA_COLUMNS)
                    + ") AS line FROM {source})")


def _conform(frame: pl.DataFrame) -> pl.DataFrame:
    """The schema's data columns in order (absent ones NULL) plus ``source_row`` (1.. when absent)."""
    from ctip.exchange.parsed import complete
    from ctip.exchange.tabular import ROW

    unknown = set(frame.columns) - set(schema.DATA_COLUMNS) - {"source_row"}
    if unknown:
        raise ValueError(f"columns not in the dataset schema: {', '.join(sorted(unknown))}")
    if "source_row" in frame.columns:
        frame = frame.rename({"source_row": ROW})
    else:
        frame = frame.with_row_index(ROW, offset=1)
    return complete(frame.with_columns(pl.col(ROW).cast(pl.Int64)))


def _record_batch(con: duckdb.DuckDBPyConnection, batch_id: str, *, contributor: str, source_format: str,
                  source_sha256: str, source_name: str, rows_read: int, imported: int, rejected: int) -> None:
    con.execute("INSERT INTO batches VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                [batch_id, contributor, source_format, source_name, source_sha256, rows_read, imported, rejected,
                 _now()])


def _constant(value: str, length: int) -> pa.Array:
    """``length`` copies of one string, built in Arrow (no Python list of a million references)."""
    indices = pa.array(np.zeros(length, dtype=np.int32))
    return pa.DictionaryArray.from_arrays(indices, pa.array([value], pa.string())).cast(pa.string())


_ARROW_TYPES = {"VARCHAR": pa.string(), "SMALLINT": pa.int16(), "INTEGER": pa.int32(), "BOOLEAN": pa.bool_()}


def _arrow_schema() -> pa.Schema:
    types = {c.name: c.sql_type for c in schema.COLUMNS}
    return pa.schema([pa.field(name, _ARROW_TYPES[types[name]]) for name in STORED_COLUMNS]
                     + [pa.field(name, pa.int64()) for name in BITMAP_COLUMNS])


def _records_view_sql(parts: list[Path]) -> str:
    """``records``: every schema column and group bitmap, from the given Parquet files (none: an empty
    typed relation).

    ``record_id`` is derived on read (sha256 of "batch id:source row", 20 hex digits): it is stable,
    costs nothing at import and only queries that select it pay for the hashing. Files written before
    the store kept group bitmaps get theirs computed on read (slower, but the same figures).
    """
    stored = [c for c in schema.COLUMNS if c.name in STORED_COLUMNS]
    empty = ", ".join([f"CAST(NULL AS {c.sql_type}) AS {c.name}" for c in stored]
                      + [f"CAST(0 AS BIGINT) AS {name}" for name in BITMAP_COLUMNS])
    body = f"SELECT {empty} WHERE FALSE"
    current = [p for p in parts if _has_bitmaps(p)]
    legacy = [p for p in parts if p not in current]
    if current:
        body += f" UNION ALL BY NAME SELECT * FROM read_parquet([{_files(current)}], union_by_name = true)"
    if legacy:
        derived = ", ".join(f"{bitmap_sql(group)} AS {name}" for group, name in schema.BITMAPS.items())
        body += (f" UNION ALL BY NAME SELECT *, {derived} "
                 f"FROM read_parquet([{_files(legacy)}], union_by_name = true)")
    record_id = "substr(sha256(batch_id || ':' || source_row::VARCHAR), 1, 20) AS record_id"
    return (f"CREATE VIEW records AS SELECT {record_id}, {', '.join(STORED_COLUMNS + BITMAP_COLUMNS)} "
            f"FROM ({body})")


def _files(parts: list[Path]) -> str:
    return ", ".join(f"'{_sql_text(p)}'" for p in parts)


def _has_bitmaps(part: Path) -> bool:
    """Whether a batch file holds the group bitmaps (reads only the file's footer)."""
    return set(BITMAP_COLUMNS) <= set(pq.read_schema(part).names)


def _sql_text(path: Path) -> str:
    return str(path).replace("'", "''")
