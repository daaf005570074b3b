"""CSV output that spreadsheets cannot turn into formulas (CWE-1236, "CSV injection").

A cell starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return is prefixed with a single quote,
which spreadsheets display as text. Plain negative numbers (``-99``) are left alone: they are data, and
CTDC files use ``-99`` for missing.
"""

from __future__ import annotations

import contextlib
import csv
import re
from collections.abc import Iterator
from pathlib import Path

import polars as pl

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def neutralise_cell(value: object) -> object:
    """The cell as written: risky text gets a leading ``'``."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not NUMBER.match(value):
        return "'" + value
    return value


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """Every text column of ``frame`` neutralised (vectorised)."""
    pattern = r"^[=+\-@\t\r]"
    exprs = []
    for name, dtype in frame.schema.items():
        if dtype == pl.String:
            col = pl.col(name)
            risky = col.str.contains(pattern) & ~col.str.contains(NUMBER.pattern)
            exprs.append(pl.when(risky).then(pl.lit("'") + col).otherwise(col).alias(name))
    return frame.with_columns(exprs) if exprs else frame


def write_csv(frame: pl.DataFrame, path: Path) -> None:
    """UTF-8 CSV with a header, empty cells for NULL, formula injection neutralised."""
    neutralise(frame).write_csv(path, null_value="")


# The longest cell a CSV of ours may hold: Python's default, far beyond any value of the formats we read
# (a longer one is an unclosed quote swallowing many lines).
CELL_LIMIT = 131_072


@contextlib.contextmanager
def cell_limit(limit: int = CELL_LIMIT) -> Iterator[None]:
    """The csv module's cell-size limit for the duration of a read. The limit is process-wide (another part of
    ctip reading long posts raises it), so a reader that relies on it sets it rather than inherit it."""
    previous = csv.field_size_limit(limit)
    try:
        yield
    finally:
        csv.field_size_limit(previous)
