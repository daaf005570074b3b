"""Harmonisation rules: raw text cells -> dataset codes, with every rejected cell located.

Two forms of the same rules:

- *mappers* judge one distinct cell value (``code_mapper``, ``binary_mapper``, ``year_mapper``); the
  CTDC readers apply them through ``ctip.exchange.columnar`` (each distinct value judged once);
- :class:`Rule` expressions, evaluated in one Polars pass by :func:`apply_rules`, for the HTCDS and
  Kobo readers, whose cells need cross-column logic (dates, ages, choice columns).

Either way only the rare bad rows are looked at individually, to build the
``{"row", "column", "value", "expected", "code", "params"}`` problems (messages from
``ctip.exchange.messages``: the code and parameters are literal columns, one per rule).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import polars as pl

from ctip import vocab
from ctip.exchange.columnar import INVALID
from ctip.exchange.errors import empty_problems
from ctip.exchange.messages import Message, message
from ctip.exchange.tabular import ROW

# Spellings of "missing" met in CTDC files in the wild (vocab ``ctdc.missing_marker``), compared
# case-insensitively. "NA" is also Namibia's alpha-2 code: CTDC files written by R and pandas use it
# for missing, so it is read as missing; Namibia must be written NAM (alpha-3) to be recognised.
MISSING = tuple(m.casefold() for m in vocab.missing_markers())
TRUE_SPELLINGS = ("1", "1.0", "true", "yes", "y")
FALSE_SPELLINGS = ("0", "0.0", "false", "no", "n")
BINARY_EXPECTED = message("binary")
FIRST_YEAR = 1990
YEAR_EXPECTED = message("year_to_next", first=FIRST_YEAR)


# --- mappers: judge one distinct cell value (see ctip.exchange.columnar) ------------------------

def code_mapper(lookup: Mapping[str, str | None]) -> Callable[[str], object]:
    """Case-insensitive spelling -> code; missing markers -> None; anything else INVALID."""
    def judge(value: str) -> object:
        text = value.strip().casefold()
        if text in MISSING:
            return None
        return lookup.get(text, INVALID)
    return judge


def binary_mapper(value: str) -> object:
    """1/0 (and yes/no, true/false) -> True/False; missing markers -> None; anything else INVALID."""
    text = value.strip().casefold()
    if text in TRUE_SPELLINGS:
        return True
    if text in FALSE_SPELLINGS:
        return False
    return None if text in MISSING else INVALID


def year_mapper(value: str) -> object:
    """A whole year between FIRST_YEAR and next year (``2019`` or ``2019.0``); else INVALID."""
    text = value.strip()
    if text.casefold() in MISSING:
        return None
    try:
        year = int(float(text))
    except (ValueError, OverflowError):  # words, "nan", "inf"
        return INVALID
    return year if FIRST_YEAR <= year <= dt.date.today().year + 1 and float(text) == year else INVALID


@dataclass(frozen=True)
class Rule:
    """One output column: its value, and (optionally) which cells are invalid and why."""

    column: str
    value: pl.Expr
    invalid: pl.Expr | None = None
    source: str | None = None  # the file's column named in a problem
    raw: pl.Expr | None = None  # the cell shown in a problem
    expected: Message | None = None  # what a valid cell looks like (required with ``invalid``)


def norm(col: str) -> pl.Expr:
    """Lower-cased, trimmed text of a raw column."""
    return pl.col(col).str.strip_chars().str.to_lowercase()


def is_missing(col: str) -> pl.Expr:
    """True where the cell is empty or one of the missing markers (``-99``, ``NA``, ``Unknown``…)."""
    return pl.col(col).is_null() | norm(col).is_in(MISSING)


def code_rule(column: str, source: str, lookup: Mapping[str, str | None], expected: Message) -> Rule:
    """Map a categorical cell through ``lookup`` (lower-cased spelling -> code); unknown spellings are invalid."""
    keys = list(lookup)
    mapped = norm(source).replace_strict(keys, [lookup[k] for k in keys], default=None, return_dtype=pl.String)
    known = norm(source).is_in(keys)
    value = pl.when(is_missing(source)).then(None).otherwise(mapped)
    return Rule(column, value, ~is_missing(source) & ~known, source, pl.col(source), expected)


def binary_rule(column: str, source: str) -> Rule:
    """1/0/missing -> TRUE/FALSE/NULL."""
    n = norm(source)
    value = pl.when(n.is_in(TRUE_SPELLINGS)).then(True).when(n.is_in(FALSE_SPELLINGS)).then(False).otherwise(None)
    invalid = ~is_missing(source) & ~n.is_in(TRUE_SPELLINGS + FALSE_SPELLINGS)
    return Rule(column, value.cast(pl.Boolean), invalid, source, pl.col(source), BINARY_EXPECTED)


def year_rule(column: str, source: str, first: int = FIRST_YEAR) -> Rule:
    """A four-digit year between ``first`` and next year."""
    last = dt.date.today().year + 1
    year = pl.col(source).str.strip_chars().str.replace(r"\.0$", "").cast(pl.Int32, strict=False)
    ok = year.is_between(first, last)
    value = pl.when(ok).then(year).otherwise(None).cast(pl.Int16)
    return Rule(column, value, ~is_missing(source) & ~ok.fill_null(False), source, pl.col(source),
                message("year", first=first, last=last))


def apply_rules(raw: pl.DataFrame, rules: list[Rule], checks: list[Rule] | None = None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Evaluate ``rules`` (output columns) and ``checks`` (extra row-level checks, no output column).

    Returns the harmonised frame (``ROW`` + one column per rule) and the problems frame
    (``row``, ``column``, ``value``, ``expected``, ``code``, ``params``), sorted by row.
    """
    checked = [r for r in rules + (checks or []) if r.invalid is not None]
    flags = [r.invalid.fill_null(False).alias(f"__bad{i}") for i, r in enumerate(checked)]  # type: ignore[union-attr]
    out = raw.select([pl.col(ROW), *[r.value.alias(r.column) for r in rules], *flags])
    flag_names = [f"__bad{i}" for i in range(len(checked))]
    problems = empty_problems()
    if flag_names:
        bad_rows = out.filter(pl.any_horizontal(flag_names)).select([ROW, *flag_names])
        if bad_rows.height:
            raw_bad = raw.join(bad_rows, on=ROW, how="inner")
            parts = [
                raw_bad.filter(pl.col(f"__bad{i}")).select(
                    pl.col(ROW).alias("row"),
                    pl.lit(r.source, dtype=pl.String).alias("column"),
                    (r.raw if r.raw is not None else pl.lit(None)).cast(pl.String).alias("value"),
                    *_message_columns(r.expected),
                )
                for i, r in enumerate(checked)
            ]
            problems = pl.concat(parts).sort("row", maintain_order=True)
    return out.drop(flag_names), problems


def _message_columns(expected: Message | None) -> list[pl.Expr]:
    """The ``expected``, ``code`` and ``params`` columns of a rule's problems: literals, one per rule."""
    if expected is None:
        raise ValueError("a rule that finds invalid cells must say what it expected")
    return [pl.lit(expected.text, dtype=pl.String).alias("expected"), pl.lit(expected.code, dtype=pl.String).alias("code"),
            pl.lit(expected.params_json(), dtype=pl.String).alias("params")]
