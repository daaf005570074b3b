"""What every reader returns: the harmonised rows, the rejected cells and how the file was read."""

from __future__ import annotations

from dataclasses import dataclass, field

import polars as pl

from ctip.dataset import schema
from ctip.exchange.messages import Message
from ctip.exchange.tabular import ROW


@dataclass
class Parsed:
    """``frame``: ``source_row`` + every data column of the schema; ``problems``: row, column, value, expected,
    code, params (see ``ctip.exchange.errors``); ``notes``: how the file was read."""

    format: str
    frame: pl.DataFrame
    problems: pl.DataFrame
    rows_read: int
    notes: list[Message] = field(default_factory=list)

    @property
    def rejected_rows(self) -> set[int]:
        """Source rows with at least one problem (they are rejected, or skipped with ``skip_invalid``)."""
        return set(self.problems.filter(pl.col("row").is_not_null())["row"].to_list())

    def file_level_problems(self) -> bool:
        """True when a problem concerns the whole file (a missing column), not particular rows."""
        return self.problems.filter(pl.col("row").is_null()).height > 0


def complete(frame: pl.DataFrame) -> pl.DataFrame:
    """Add every schema data column the reader did not produce (as NULL) and order the columns."""
    types = {c.name: c for c in schema.COLUMNS}
    missing = [pl.lit(None, dtype=_polars_type(types[c].sql_type)).alias(c) for c in schema.DATA_COLUMNS
               if c not in frame.columns]
    frame = frame.with_columns(missing) if missing else frame
    casts = [pl.col(c).cast(_polars_type(types[c].sql_type)) for c in schema.DATA_COLUMNS]
    return frame.select([pl.col(ROW).alias("source_row"), *casts])


def _polars_type(sql_type: str) -> pl.DataType:
    return {"VARCHAR": pl.String(), "SMALLINT": pl.Int16(), "INTEGER": pl.Int32(), "BOOLEAN": pl.Boolean()}[sql_type]


def with_all_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` plus every schema data column it lacks, as NULL (writers accept partial frames)."""
    types = {c.name: c.sql_type for c in schema.COLUMNS}
    absent = [pl.lit(None, dtype=_polars_type(types[c])).alias(c) for c in schema.DATA_COLUMNS
              if c not in frame.columns]
    return frame.with_columns(absent) if absent else frame
