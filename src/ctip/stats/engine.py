"""The indicator engine: counts and shares, each with its denominator and missing count.

:class:`Indicators` runs DuckDB SQL over a table named ``records`` in dataset-schema columns, either
the collaborative dataset file or a Polars frame registered in an in-memory database (a release,
a test frame). One query per breakdown, one pass over the table each.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import duckdb
import polars as pl

from ctip import vocab
from ctip.dataset.bitmaps import with_bitmaps
from ctip.dataset.schema import COLUMNS
from ctip.stats.categories import VARIABLES, groups
from ctip.stats.filters import Filters
from ctip.stats.labels import COUNTRY_SCHEME

_POLARS_TYPES = {"VARCHAR": pl.String, "INTEGER": pl.Int32, "SMALLINT": pl.Int16, "BOOLEAN": pl.Boolean}


@dataclass(frozen=True)
class Breakdown:
    """Counts of one variable or binary group among ``total`` filtered records.

    ``denominator`` is the number of records with the variable known (for a binary group: with at
    least one TRUE in the group); ``missing = total - denominator``. For a binary group a record may
    count in several categories, so shares may add up to more than 100 % (``multi``). A source that
    does not publish a quantity (a release's tables, :mod:`ctip.stats.tables`) leaves it None.
    """

    variable: str
    counts: dict[str, int]
    denominator: int | None
    missing: int | None
    total: int | None
    multi: bool = False
    vocab: str | None = None

    def share(self, code: str) -> float | None:
        """Share of the denominator in percent, or None when the denominator is zero."""
        if not self.denominator:
            return None
        return 100.0 * self.counts.get(code, 0) / self.denominator

    @property
    def missing_share(self) -> float | None:
        """Share of the records with the variable missing, in percent."""
        return 100.0 * self.missing / self.total if self.total and self.missing is not None else None

    def to_dict(self) -> dict[str, object]:
        """The breakdown as JSON-ready data, shares rounded to two decimals."""
        return {
            "variable": self.variable,
            "denominator": self.denominator,
            "missing": self.missing,
            "total": self.total,
            "multi": self.multi,
            "vocab": self.vocab,
            "counts": dict(self.counts),
            "shares": {k: _round(self.share(k)) for k in self.counts},
        }


@dataclass(frozen=True)
class Flow:
    """Victims with one citizenship exploited in one country."""

    citizenship: str
    exploitation: str
    count: int


@dataclass(frozen=True)
class Flows:
    """Citizenship → country of exploitation counts among records with both countries known."""

    flows: list[Flow]
    denominator: int
    missing: int | None
    total: int | None


def ordered(variable: str, scheme: str | None, counts: dict[str, int]) -> dict[str, int]:
    """Years in order, code lists in their vocabulary's order, anything else largest first."""
    if variable == "year":
        return dict(sorted(counts.items()))
    if scheme is not None and scheme != COUNTRY_SCHEME:
        order = {code: i for i, code in enumerate(vocab.codes(scheme))}
        return dict(sorted(counts.items(), key=lambda kv: order.get(kv[0], len(order))))
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def conform(frame: pl.DataFrame) -> pl.DataFrame:
    """The frame with every dataset column present (NULL when absent) in the schema's types, and the
    group bitmaps the indicators count binary groups with (``ctip.dataset.bitmaps``)."""
    present = set(frame.columns)
    return with_bitmaps(frame.with_columns(
        [pl.lit(None, dtype=_POLARS_TYPES[c.sql_type]).alias(c.name) for c in COLUMNS if c.name not in present]
    ))


class Indicators:
    """Indicators over the ``records`` table of a DuckDB connection.

    >>> import polars as pl
    >>> ind = Indicators.from_frame(pl.DataFrame({"gender": ["female", "male", None]}))
    >>> ind.breakdown("gender").counts
    {'female': 1, 'male': 1}
    """

    def __init__(self, connection: duckdb.DuckDBPyConnection, table: str = "records") -> None:
        self.connection = connection
        self.table = table

    @classmethod
    def from_frame(cls, frame: pl.DataFrame) -> Indicators:
        """Indicators over a Polars frame in dataset-schema columns (missing columns read as NULL)."""
        connection = duckdb.connect()
        connection.register("records", conform(frame).to_arrow())
        return cls(connection)

    @classmethod
    def from_dataset(cls, path: str | Path | None = None) -> Indicators:
        """Indicators over the collaborative dataset (a read-only connection to its ``records`` table)."""
        from ctip.dataset.store import Dataset

        return cls(Dataset(path).connect(read_only=True))

    def close(self) -> None:
        """Close the DuckDB connection."""
        self.connection.close()

    def _query(self, select: str, filters: Filters | None, tail: str = "") -> list[tuple]:
        where, params = (filters or Filters()).where()
        return self.connection.execute(f"SELECT {select} FROM {self.table} {where} {tail}", params).fetchall()

    def total(self, filters: Filters | None = None) -> int:
        """Number of records matching ``filters``."""
        return self._query("count(*)", filters)[0][0]

    def breakdown(self, variable: str, filters: Filters | None = None) -> Breakdown:
        """Counts of a single-valued variable (see ``categories.VARIABLES``): years in order, code
        lists in their vocabulary's order, countries and contributors largest first."""
        if variable in groups():
            return self.group(variable, filters)
        expr, scheme, inputs = VARIABLES[variable]
        if inputs:
            where, params = (filters or Filters()).where()
            grouped = f"SELECT {', '.join(inputs)}, count(*) AS n FROM {self.table} {where} GROUP BY ALL"
            rows = self.connection.execute(
                f"SELECT {expr} AS k, sum(n)::BIGINT AS n FROM ({grouped}) GROUP BY 1 ORDER BY 2 DESC, 1", params
            ).fetchall()
        else:
            rows = self._query(f"{expr} AS k, count(*) AS n", filters, "GROUP BY 1 ORDER BY 2 DESC, 1")
        counts = {str(k): n for k, n in rows if k is not None}
        missing = sum(n for k, n in rows if k is None)
        total = sum(n for _, n in rows)
        return Breakdown(variable, ordered(variable, scheme, counts), total - missing, missing, total, vocab=scheme)

    def group(self, name: str, filters: Filters | None = None) -> Breakdown:
        """Counts of a binary group (exploitation, means, sectors, recruiter) with the CTDC denominator."""
        group = groups()[name]
        selects = [f"count_if({c.sql()})" for c in group.categories]
        selects += [f"count_if({group.denominator_sql()})", "count(*)"]
        row = self._query(", ".join(selects), filters)[0]
        *values, denominator, total = (n or 0 for n in row)  # count_if gives NULL over no rows
        counts = {c.code: n for c, n in zip(group.categories, values, strict=True)}
        return Breakdown(name, counts, denominator, total - denominator, total, multi=True, vocab=group.vocab)

    def flows(self, filters: Filters | None = None, limit: int | None = None) -> Flows:
        """Citizenship → exploitation flows, largest first; ``limit`` keeps the largest ones."""
        rows = self._query(
            "citizenship, country_of_exploitation, count(*) AS n", filters,
            "GROUP BY ALL ORDER BY n DESC, citizenship, country_of_exploitation",
        )
        known = [Flow(a, b, n) for a, b, n in rows if a is not None and b is not None]
        total = sum(n for *_, n in rows)
        denominator = sum(f.count for f in known)
        return Flows(known[:limit] if limit else known, denominator, total - denominator, total)
