"""Figures from a release's published tables (``aggregates.csv``), for releases without microdata.

A release made of protected counts (threshold or differentially private aggregates) publishes, for
every short combination of CTDC v2024 variables, the protected count of each value combination:
columns ``attributes`` and ``values`` (``;``-joined in the same order) and ``count``. From these,
:class:`ReleaseTables` answers the same questions as :class:`~ctip.stats.engine.Indicators`, with
two honest limits: how many records have a variable missing (and so the total) is not published,
and neither is the number with at least one category of a binary group; those come back as None.
Tables cannot be filtered after the fact: any filter raises :class:`FilterError`.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

from ctip import vocab
from ctip.stats.categories import CHILD_AGE_BANDS, VARIABLES, groups
from ctip.stats.engine import Breakdown, Flow, Flows, ordered
from ctip.stats.filters import FilterError, Filters

# engine variable -> (CTDC v2024 attribute, vocabulary mapping of its values, or None for codes as they are)
ATTRIBUTES: dict[str, tuple[str, str | None]] = {
    "gender": ("gender", "ctdc2024.gender->ctip.gender"),
    "age_band": ("ageBroad", "ctdc2024.ageBroad->ctdc.age_band"),
    "year": ("yearOfRegistration", None),
    "citizenship": ("citizenship", None),
    "exploitation_country": ("CountryOfExploitation", None),
    "duration": ("traffickMonths", "ctdc2024.traffickMonths->ctdc.traffick_months"),
}
SEX_AGE = {("female", "adult"): "women", ("male", "adult"): "men", ("female", "child"): "girls",
           ("male", "child"): "boys"}


class ReleaseTables:
    """Breakdowns and flows from published cells ``{attributes: {values: count}}``."""

    def __init__(self, cells: dict[tuple[str, ...], dict[tuple[str, ...], int]]) -> None:
        self.cells = cells

    @classmethod
    def from_csv(cls, path: str | Path) -> ReleaseTables:
        """Read a release's ``aggregates.csv`` (protected counts)."""
        cells: dict[tuple[str, ...], dict[tuple[str, ...], int]] = defaultdict(dict)
        with open(path, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                cells[tuple(row["attributes"].split(";"))][tuple(row["values"].split(";"))] = int(row["count"])
        return cls(dict(cells))

    def close(self) -> None:
        """Nothing to release (same interface as Indicators)."""

    def _one_way(self, variable: str) -> dict[str, int]:
        attribute, mapping_name = ATTRIBUTES[variable]
        mapping = vocab.mapping(mapping_name) if mapping_name else {}
        counts: dict[str, int] = defaultdict(int)
        for (value,), n in self.cells.get((attribute,), {}).items():
            code = mapping.get(value) if mapping_name else value
            if code is not None:
                counts[code] += n
        return dict(counts)

    def _two_way(self, first: str, second: str) -> dict[tuple[str, str], int]:
        if (first, second) in self.cells:
            return dict(self.cells[(first, second)])
        return {(b, a): n for (a, b), n in self.cells.get((second, first), {}).items()}

    def breakdown(self, variable: str, filters: Filters | None = None) -> Breakdown:
        """Protected counts of a variable or binary group; unpublished quantities are None."""
        _refuse(filters)
        if variable in groups():
            return self._group(variable)
        if variable in ATTRIBUTES:
            counts = self._one_way(variable)
        elif variable == "child_status":
            bands = self._one_way("age_band")
            counts = {"child": sum(n for b, n in bands.items() if b in CHILD_AGE_BANDS),
                      "adult": sum(n for b, n in bands.items() if b not in CHILD_AGE_BANDS)}
        elif variable == "sex_age":
            counts = self._sex_age()
        elif variable == "border":
            flows = self.flows()
            domestic = sum(f.count for f in flows.flows if f.citizenship == f.exploitation)
            counts = {"domestic": domestic, "cross_border": flows.denominator - domestic}
        else:  # not a CTDC v2024 variable (contributor, majority status, data source)
            counts = {}
        counts = {k: n for k, n in counts.items() if n}
        return _breakdown(variable, counts)

    def _sex_age(self) -> dict[str, int]:
        gender = vocab.mapping(ATTRIBUTES["gender"][1])
        band = vocab.mapping(ATTRIBUTES["age_band"][1])
        counts: dict[str, int] = defaultdict(int)
        for (g, a), n in self._two_way("gender", "ageBroad").items():
            sex, age = gender.get(g), band.get(a)
            if sex == "transgender_nonconforming":
                counts[sex] += n
            elif sex and age:
                counts[SEX_AGE[(sex, "child" if age in CHILD_AGE_BANDS else "adult")]] += n
        return dict(counts)

    def _group(self, name: str) -> Breakdown:
        column_of = vocab.mapping("ctdc2024.variable->ctip.column")
        published = {column_of.get(attrs[0]): cells.get(("1",), 0)
                     for attrs, cells in self.cells.items() if len(attrs) == 1}
        group = groups()[name]
        counts = {c.code: sum(published[col] for col in c.columns if col in published)
                  for c in group.categories if any(col in published for col in c.columns)}
        return Breakdown(name, counts, None, None, None, multi=True, vocab=group.vocab)

    def flows(self, filters: Filters | None = None, limit: int | None = None) -> Flows:
        """Citizenship → exploitation flows from the release's tables (no filters)."""
        _refuse(filters)
        pairs = sorted(self._two_way("citizenship", "CountryOfExploitation").items(), key=lambda kv: (-kv[1], kv[0]))
        flows = [Flow(a, b, n) for (a, b), n in pairs]
        return Flows(flows[:limit] if limit else flows, sum(f.count for f in flows), None, None)


def _breakdown(variable: str, counts: dict[str, int]) -> Breakdown:
    scheme = VARIABLES[variable][1]
    return Breakdown(variable, ordered(variable, scheme, counts), sum(counts.values()), None, None, vocab=scheme)


def _refuse(filters: Filters | None) -> None:
    if filters is not None and filters.as_dict():
        raise FilterError("this release publishes tables of protected counts only, which cannot be filtered "
                          "further; filters need a release with microdata (records.csv)")
