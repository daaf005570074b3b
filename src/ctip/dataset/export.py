"""``ctip dataset export``: the dataset in CTDC v2024, CTDC 2017, HTCDS CSV or partitioned Parquet.

CSV outputs neutralise spreadsheet formula injection. Parquet is Hive-partitioned by
``year_of_registration`` (``year_of_registration=2019/part-0.parquet``; missing years under
``year_of_registration=__HIVE_DEFAULT_PARTITION__``), the layout Spark, DuckDB, Polars and Arrow read
as one table.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from ctip.dataset import schema
from ctip.dataset.store import Dataset
from ctip.exchange import ctdc, htcds_writer
from ctip.exchange.safe_csv import write_csv

FORMATS = ("ctdc2024", "ctdc2017", "htcds-csv", "parquet")
PARTITION = "year_of_registration"


def export(store: Dataset, fmt: str, target: Path) -> int:
    """Write the whole dataset to ``target`` in ``fmt``; returns the number of records."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _parquet(store, target)
    frame = store.frame()
    writer = {"ctdc2024": ctdc.to_ctdc2024, "ctdc2017": ctdc.to_ctdc2017, "htcds-csv": htcds_writer.to_htcds}[fmt]
    tmp = target.with_name(target.name + ".partial")
    write_csv(writer(frame), tmp)
    tmp.replace(target)
    return frame.height


def _parquet(store: Dataset, target: Path) -> int:
    """A directory of Parquet files partitioned by year (replaced atomically if it exists)."""
    if target.exists() and not target.is_dir():
        raise ValueError(f"{target} exists and is not a directory; Parquet export writes a directory")
    tmp = target.with_name(target.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    with contextlib.closing(store.connect()) as con:
        count = con.execute("SELECT count(*) FROM records").fetchone()[0]  # type: ignore[index]
        cols = ", ".join(schema.COLUMN_NAMES)
        con.execute(f"COPY (SELECT {cols} FROM records ORDER BY {PARTITION}, batch_id, source_row) TO '{_sql_path(tmp)}' "
                    f"(FORMAT parquet, PARTITION_BY ({PARTITION}), COMPRESSION zstd)")
    if not tmp.exists():
        tmp.mkdir(parents=True)
    if target.exists():
        shutil.rmtree(target)
    tmp.rename(target)
    return int(count)


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
