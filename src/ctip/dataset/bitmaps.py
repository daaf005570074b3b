"""Group bitmaps: each binary group of a record packed into one integer.

For each binary group of the schema (``schema.BINARY_GROUPS``) the store keeps one BIGINT per record,
``bits_<group>`` (``schema.BITMAPS``), whose bit *i* is set when the group's *i*-th column is TRUE; FALSE and
NULL both leave it clear, since only TRUE counts (the CTDC denominator rule: a record is in a group's
denominator when at least one of its columns is TRUE). The bitmaps are derived, not part of the record:
the store writes them into every batch file beside the columns and the ``records`` view exposes them, so
that counting a group's categories reads one integer column instead of a dozen BOOLEAN ones (about ten
times faster at 1,000,000 records; see ``docs/benchmarks.md``). Exports never include them.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl

from ctip.dataset.schema import BINARY_GROUPS, BITMAPS

_BIT_OF: dict[str, tuple[str, int]] = {
    column: (BITMAPS[group], i) for group, names in BINARY_GROUPS.items() for i, column in enumerate(names)
}


def bit_of(column: str) -> tuple[str, int]:
    """The bitmap holding binary ``column`` and its bit; ``KeyError`` for a column that is not binary."""
    return _BIT_OF[column]


def any_true_sql(columns: Iterable[str]) -> str:
    """SQL that is TRUE when any of the binary ``columns`` is TRUE and FALSE otherwise (never NULL).

    >>> any_true_sql(["exploit_forced_labour", "exploit_sexual_exploitation"])
    '((bits_exploit & 3) <> 0)'
    """
    masks: dict[str, int] = {}
    for column in columns:
        bitmap, bit = bit_of(column)
        masks[bitmap] = masks.get(bitmap, 0) | (1 << bit)
    return "(" + " OR ".join(f"({bitmap} & {mask}) <> 0" for bitmap, mask in masks.items()) + ")"


def bitmap_sql(group: str) -> str:
    """SQL computing ``group``'s bitmap from its BOOLEAN columns (batch files written before bitmaps)."""
    terms = [f"CASE WHEN {column} THEN {1 << i} ELSE 0 END" for i, column in enumerate(BINARY_GROUPS[group])]
    return f"({' + '.join(terms)})::BIGINT"


def with_bitmaps(frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` (dataset-schema BOOLEAN columns; absent ones count as NULL) with every group bitmap added."""
    present = set(frame.columns)
    exprs = []
    for group, columns in BINARY_GROUPS.items():
        terms = [pl.col(c).fill_null(False).cast(pl.Int64) * (1 << i)
                 for i, c in enumerate(columns) if c in present]
        exprs.append((pl.sum_horizontal(terms) if terms else pl.lit(0)).cast(pl.Int64).alias(BITMAPS[group]))
    return frame.with_columns(exprs)
