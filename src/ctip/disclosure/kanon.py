"""k-anonymous microdata: CTDC's suppression and a generalise-then-suppress method that loses less.

A table is k-anonymous when every combination of the released values is shared by at least k records,
so no query on the released columns can isolate fewer than k people (CTDC used k = 11). NULL is a value
like any other, and generalised values (``M49:030``, ``18--29``) are compared literally.

- ``method="suppress"`` (CTDC 2017-2021): drop every record whose combination is shared by fewer than k.
- ``method="generalise"``: for the records still at risk only (local recoding), repeatedly take the
  generalisation step (see ``hierarchies``) that puts the most at-risk records into classes of k or more
  per cell changed; when no step helps any more, drop what is left. A final exact check guarantees the
  property whatever the heuristic did.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
import polars as pl

from ctip.disclosure._params import Interval, OneOf, validate_params
from ctip.disclosure.hierarchies import steps
from ctip.disclosure.table import as_categorical, check_release_columns


@dataclass(frozen=True)
class KAnonymityReport:
    """What k-anonymisation cost: records dropped, cells generalised, and an information-loss share."""

    k: int
    method: str
    records_in: int
    records_out: int
    records_suppressed: int
    cells_generalised: int
    information_loss: float  # mean over all input cells: 0 kept, level/levels generalised, 1 lost
    smallest_class: int

    @property
    def records_suppressed_share(self) -> float:
        return self.records_suppressed / self.records_in if self.records_in else 0.0

    def as_dict(self) -> dict:
        return asdict(self) | {"records_suppressed_share": round(self.records_suppressed_share, 4)}


class KAnonymiser:
    """Make a table k-anonymous over all its columns (or ``columns``).

    >>> frame = pl.DataFrame({"gender": ["Woman"] * 12 + ["Man"], "ageBroad": ["18--20"] * 13})
    >>> KAnonymiser(k=11, method="suppress").fit_transform(frame).height
    12
    """

    _parameter_constraints = {"k": Interval(int, 2, None, "left"), "method": OneOf(("suppress", "generalise"))}
    _parameter_hints = {"k": "k = 1 protects no one; CTDC uses k = 11."}

    def __init__(self, *, k: int = 11, method: str = "generalise", max_steps: int = 400) -> None:
        self.k = k
        self.method = method
        self.max_steps = max_steps

    def fit_transform(self, frame: pl.DataFrame, columns: Sequence[str] | None = None) -> pl.DataFrame:
        """The k-anonymous table; ``report_`` says what it cost."""
        validate_params(self)
        cols = check_release_columns(frame, columns)
        data = as_categorical(frame, cols)
        levels = np.zeros((data.height, len(cols)), dtype=np.int8)
        if self.method == "generalise":
            data, levels = _generalise(data, self.k, self.max_steps)
        keep = _class_sizes(data) >= self.k
        out = data.filter(pl.Series(keep))
        depth = np.array([len(steps(c)) for c in cols], dtype=float)
        loss = np.where(keep[:, None], levels / depth[None, :], 1.0)
        self.report_ = KAnonymityReport(
            k=self.k, method=self.method, records_in=frame.height, records_out=out.height,
            records_suppressed=frame.height - out.height, cells_generalised=int((levels[keep] > 0).sum()),
            information_loss=round(float(loss.mean()), 4), smallest_class=smallest_class(out))
        return out


def make_k_anonymiser(*, k: int, method: str = "generalise") -> KAnonymiser:
    """OpenDP-style constructor: ``k`` is explicit (CTDC used 11)."""
    return KAnonymiser(k=k, method=method)


def k_anonymise(frame: pl.DataFrame, *, k: int, method: str = "generalise",
                columns: Sequence[str] | None = None) -> tuple[pl.DataFrame, KAnonymityReport]:
    """Shortcut: the k-anonymous table and its report."""
    anonymiser = KAnonymiser(k=k, method=method)
    out = anonymiser.fit_transform(frame, columns)
    return out, anonymiser.report_


def smallest_class(frame: pl.DataFrame) -> int:
    """Size of the smallest group of records sharing all their values (0 for an empty table)."""
    if frame.height == 0:
        return 0
    return int(frame.group_by(frame.columns).len().get_column("len").min())


def _class_sizes(frame: pl.DataFrame) -> np.ndarray:
    if frame.height == 0:
        return np.zeros(0, dtype=np.int64)
    return (frame.with_row_index("_i").with_columns(pl.len().over(frame.columns).alias("_n"))
            .sort("_i").get_column("_n").to_numpy())


class _Column:
    """One column's values as integer ids, with random 64-bit hashes for fast class keys."""

    def __init__(self, name: str, values: list[str | None], rng: np.random.Generator):
        self.name = name
        self.steps = steps(name)
        self.ids: dict[str | None, int] = {}
        self.values: list[str | None] = []
        self.codes = np.array([self.id(v) for v in values], dtype=np.int64)
        self._rng = rng
        self.hashes = rng.integers(0, 2**63, size=len(self.values) + 64, dtype=np.int64)

    def id(self, value: str | None) -> int:
        if value not in self.ids:
            self.ids[value] = len(self.values)
            self.values.append(value)
        return self.ids[value]

    def hash_of(self, codes: np.ndarray) -> np.ndarray:
        if len(self.values) > self.hashes.size:
            extra = self._rng.integers(0, 2**63, size=len(self.values), dtype=np.int64)
            self.hashes = np.concatenate([self.hashes, extra])
        return self.hashes[codes]

    def step(self, codes: np.ndarray, levels: np.ndarray) -> np.ndarray:
        """The codes one generalisation step up (a step past the last is the last)."""
        out = codes.copy()
        for code, level in set(zip(codes.tolist(), levels.tolist(), strict=True)):
            value = self.values[code]
            new = None if value is None or level >= len(self.steps) else self.steps[level](value)
            out[(codes == code) & (levels == level)] = self.id(new)
        return out


def _sizes_from_keys(keys: np.ndarray) -> np.ndarray:
    _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    return counts[inverse.reshape(-1)]


def _generalise(data: pl.DataFrame, k: int, max_steps: int) -> tuple[pl.DataFrame, np.ndarray]:
    rng = np.random.default_rng(0)
    cols = [_Column(c, data.get_column(c).to_list(), rng) for c in data.columns]
    levels = np.zeros((data.height, len(cols)), dtype=np.int8)
    keys = np.zeros(data.height, dtype=np.int64)
    for col in cols:
        keys = keys ^ col.hash_of(col.codes)
    for _ in range(max_steps):
        sizes = _sizes_from_keys(keys)
        at_risk = sizes < k
        if not at_risk.any():
            break
        # progress = how close at-risk records are to a class of k (merging small classes counts)
        potential = int(np.minimum(sizes, k).sum())
        best = None
        for j, col in enumerate(cols):
            not_null = np.array([v is not None for v in col.values], dtype=bool)[col.codes]
            rows = np.flatnonzero(at_risk & (levels[:, j] < len(col.steps)) & not_null)
            if rows.size == 0:
                continue
            new_codes = col.step(col.codes[rows], levels[rows, j])
            trial = keys.copy()
            trial[rows] ^= col.hash_of(col.codes[rows]) ^ col.hash_of(new_codes)
            gain = int(np.minimum(_sizes_from_keys(trial), k).sum()) - potential
            score = gain / rows.size
            if gain > 0 and (best is None or score > best[0]):
                best = (score, j, rows, new_codes, trial)
        if best is None:
            break
        _, j, rows, new_codes, keys = best
        cols[j].codes[rows] = new_codes
        levels[rows, j] += 1
    frame = pl.DataFrame({col.name: pl.Series(col.name, [col.values[c] for c in col.codes], dtype=pl.Utf8)
                          for col in cols})
    depth = np.array([len(col.steps) for col in cols], dtype=np.int8)
    return frame, np.minimum(levels, depth[None, :])
