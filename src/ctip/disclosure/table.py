"""Categorical tables for disclosure control: column checks and integer encoding.

Every method treats each released column as categorical, with missing (NULL) as a value of its own,
so a combination such as (gender=Woman, ageBroad=NULL) is counted like any other.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from ctip.disclosure.errors import DisclosureError

# Column names that identify a person or a source row directly. None may be released, ever.
_IDENTIFIER_PATTERN = re.compile(
    r"(^|_)(record_?id|batch_?id|source_?row|source_?sha256|contributor|case_?id|person_?id|victim_?id|"
    r"name|first_?name|last_?name|surname|full_?name|phone|mobile|email|e_?mail|passport|national_?id|"
    r"id_?number|address|street|date_?of_?birth|dob|birth_?date|gps|latitude|longitude|ip_?address|"
    r"social_?media|username|handle|photo|fingerprint)($|_)",
    re.IGNORECASE,
)


def _normalise_name(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def identifier_columns(columns: Sequence[str]) -> list[str]:
    """Columns whose name marks a direct identifier (names, contacts, document numbers, row ids).

    >>> identifier_columns(["gender", "passportNumber", "record_id", "citizenship"])
    ['passportNumber', 'record_id']
    """
    return [c for c in columns if _IDENTIFIER_PATTERN.search(_normalise_name(c))]


def check_release_columns(frame: pl.DataFrame, columns: Sequence[str] | None = None) -> list[str]:
    """The columns to release: all of ``frame`` or ``columns``; refuse unknown and identifier columns."""
    chosen = list(frame.columns if columns is None else columns)
    if not chosen:
        raise DisclosureError("no column to release; give at least one column")
    unknown = [c for c in chosen if c not in frame.columns]
    if unknown:
        raise DisclosureError(
            f"unknown column(s) {', '.join(map(repr, unknown))}; the table has: {', '.join(frame.columns)}")
    found = identifier_columns(chosen)
    if found:
        raise DisclosureError(
            f"identifier column(s) {', '.join(map(repr, found))} may never be released; "
            "drop them (releases hold de-identified attributes only)")
    if frame.height == 0:
        raise DisclosureError("the table has no records; nothing to release")
    return chosen


def as_categorical(frame: pl.DataFrame, columns: Sequence[str]) -> pl.DataFrame:
    """The chosen columns as strings (NULL kept), the form every method works on."""
    return frame.select([pl.col(c).cast(pl.Utf8) for c in columns])


@dataclass(frozen=True)
class Encoding:
    """Integer codes for categorical columns: ``categories[c][i]`` is the value of code ``i`` (None = NULL)."""

    columns: tuple[str, ...]
    categories: dict[str, list[str | None]]

    @classmethod
    def fit(cls, *frames: pl.DataFrame, domains: dict[str, Sequence[str]] | None = None) -> Encoding:
        """Categories seen in any of ``frames`` (plus ``domains``), sorted, with NULL last."""
        columns = tuple(frames[0].columns)
        categories: dict[str, list[str | None]] = {}
        for c in columns:
            values: set[str] = set((domains or {}).get(c, ()))
            for f in frames:
                values.update(v for v in f.get_column(c).cast(pl.Utf8).unique().to_list() if v is not None)
            categories[c] = [*sorted(values), None]
        return cls(columns, categories)

    def size(self, column: str) -> int:
        return len(self.categories[column])

    def encode(self, frame: pl.DataFrame) -> np.ndarray:
        """An (n, d) int32 array of codes; values outside the categories raise ``DisclosureError``."""
        out = np.empty((frame.height, len(self.columns)), dtype=np.int32)
        for j, c in enumerate(self.columns):
            cats = self.categories[c]
            lookup = pl.DataFrame({"v": cats[:-1], "code": np.arange(len(cats) - 1, dtype=np.int32)},
                                  schema={"v": pl.Utf8, "code": pl.Int32})
            codes = (frame.select(pl.col(c).cast(pl.Utf8).alias("v")).with_row_index("i")
                     .join(lookup, on="v", how="left").sort("i").get_column("code"))
            missing = codes.is_null() & frame.get_column(c).is_not_null()
            if missing.any():
                value = frame.get_column(c).filter(missing)[0]
                raise DisclosureError(f"value {value!r} in column {c!r} is outside the known categories")
            out[:, j] = codes.fill_null(len(cats) - 1).to_numpy()
        return out

    def decode(self, codes: np.ndarray) -> pl.DataFrame:
        """The inverse of ``encode``."""
        data = {}
        for j, c in enumerate(self.columns):
            cats = np.array(self.categories[c], dtype=object)
            data[c] = pl.Series(c, cats[codes[:, j]].tolist(), dtype=pl.Utf8)
        return pl.DataFrame(data)


def combination_keys(codes: np.ndarray, sizes: Sequence[int]) -> np.ndarray:
    """One int64 key per row for the combination of its codes (mixed-radix, or dense ids if too wide)."""
    if float(np.prod([float(s) for s in sizes])) >= 2.0**62:
        return np.unique(codes, axis=0, return_inverse=True)[1].reshape(-1).astype(np.int64)
    key = np.zeros(codes.shape[0], dtype=np.int64)
    for j, s in enumerate(sizes):
        key = key * int(s) + codes[:, j]
    return key
