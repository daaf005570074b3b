"""Fast harmonisation of large files: each distinct cell value is judged once, then broadcast.

CTDC columns hold a handful of distinct spellings over millions of rows. Each column is
dictionary-encoded in Arrow; a Python mapper judges every distinct value (exact rules, readable
code, full error messages); Arrow ``take`` spreads the answers back over the rows. Cost: one hash
pass per column, independent of how complex the rule is.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from ctip.exchange.errors import PROBLEM_SCHEMA, empty_problems
from ctip.exchange.messages import Message

INVALID = object()  # what a mapper returns for a value that is wrong


@dataclass(frozen=True)
class Lookup:
    """Output ``column`` from file column ``source``: ``mapper(text) -> value | None (missing) | INVALID``."""

    column: str
    source: str
    mapper: Callable[[str], object]
    dtype: pa.DataType
    expected: Message


def encode(array: pa.ChunkedArray) -> tuple[list[object], pa.Array]:
    """Distinct values and, per row, the index of its value (null for empty cells)."""
    encoded = pc.dictionary_encode(array).unify_dictionaries()
    if encoded.num_chunks == 0:
        return [], pa.array([], type=pa.int32())
    combined = encoded.combine_chunks()
    return combined.dictionary.to_pylist(), combined.indices


def apply_lookups(table: pa.Table, lookups: list[Lookup]) -> tuple[dict[str, pa.Array], dict[str, np.ndarray]]:
    """Mapped columns, and for each lookup with problems the positions (0-based) of its invalid cells.

    Columns are mapped in parallel threads (Arrow releases the GIL while hashing and gathering).
    """
    with ThreadPoolExecutor(max_workers=min(8, os.cpu_count() or 1)) as pool:
        results = list(pool.map(lambda lookup: _apply_one(table, lookup), lookups))
    columns = {lookup.column: mapped for lookup, (mapped, _) in zip(lookups, results, strict=True)}
    invalid = {lookup.source: bad for lookup, (_, bad) in zip(lookups, results, strict=True) if bad is not None}
    return columns, invalid


def _apply_one(table: pa.Table, lookup: Lookup) -> tuple[pa.Array, np.ndarray | None]:
    values, indices = encode(table.column(lookup.source))
    results = [lookup.mapper(v) for v in values]
    mapped = pa.array([None if r is INVALID else r for r in results], type=lookup.dtype)
    bad_values = [i for i, r in enumerate(results) if r is INVALID]
    if not bad_values:
        return pc.take(mapped, indices), None
    positions = pc.is_in(indices, value_set=pa.array(bad_values, type=indices.type))
    return pc.take(mapped, indices), np.flatnonzero(positions.fill_null(False).to_numpy(zero_copy_only=False))


def problems(table: pa.Table, invalid: dict[str, np.ndarray], expected: dict[str, Message | list[Message]],
             first_row: int = 1) -> pl.DataFrame:
    """The problem frame (row, column, value, expected, code, params) for the invalid positions found.

    ``expected`` gives, per column, one message for all its problems or one per invalid position.
    """
    parts = []
    for source, positions in invalid.items():
        if not len(positions):
            continue
        idx = pa.array(positions)
        values = pc.take(table.column(source), idx).to_pylist()
        exp = expected[source]
        part = pl.DataFrame({"row": (positions + first_row).astype(np.int64), "column": [source] * len(positions),
                             "value": values}, schema={k: PROBLEM_SCHEMA[k] for k in ("row", "column", "value")})
        if isinstance(exp, Message):
            part = part.with_columns(pl.lit(exp.text, dtype=pl.String).alias("expected"),
                                     pl.lit(exp.code, dtype=pl.String).alias("code"),
                                     pl.lit(exp.params_json(), dtype=pl.String).alias("params"))
        else:
            part = part.with_columns(pl.Series("expected", [m.text for m in exp], dtype=pl.String),
                                     pl.Series("code", [m.code for m in exp], dtype=pl.String),
                                     pl.Series("params", [m.params_json() for m in exp], dtype=pl.String))
        parts.append(part)
    if not parts:
        return empty_problems()
    return pl.concat(parts).sort("row", maintain_order=True)
