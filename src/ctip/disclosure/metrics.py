"""Utility of a release compared with the real table: marginal TVD, NIST k-marginal score, rare combinations,
values kept.

All measures treat NULL as a value. ``k_marginal_score`` follows NIST SDNist's k-marginal: for each set of
k columns, 1 minus the total variation distance between the real and the released distributions,
averaged over the sets (SDNist prints it ×1000 for k = 2).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import polars as pl

from ctip.disclosure.table import Encoding, combination_keys


def column_sets(columns: Sequence[str], k: int, *, max_sets: int | None = None, seed: int = 0) -> list[tuple]:
    """All k-column sets, or ``max_sets`` of them drawn at random (fixed seed) when there are more."""
    sets = list(itertools.combinations(columns, k))
    if max_sets is not None and len(sets) > max_sets:
        sets = random.Random(seed).sample(sets, max_sets)
    return sets


@dataclass(frozen=True)
class _Pair:
    encoding: Encoding
    real: np.ndarray
    released: np.ndarray

    @classmethod
    def of(cls, real: pl.DataFrame, released: pl.DataFrame) -> _Pair:
        columns = list(real.columns)
        real = real.select([pl.col(c).cast(pl.Utf8) for c in columns])
        released = released.select([pl.col(c).cast(pl.Utf8) for c in columns])
        enc = Encoding.fit(real, released)
        return cls(enc, enc.encode(real), enc.encode(released))

    def keys(self, subset: tuple) -> tuple[np.ndarray, np.ndarray]:
        idx = [self.encoding.columns.index(c) for c in subset]
        sizes = [self.encoding.size(c) for c in subset]
        both = np.concatenate([self.real[:, idx], self.released[:, idx]])
        keys = combination_keys(both, sizes)
        return keys[: self.real.shape[0]], keys[self.real.shape[0]:]


def _tvd(a: np.ndarray, b: np.ndarray) -> float:
    if a.size == 0 or b.size == 0:
        return 1.0
    top = int(max(a.max(), b.max())) + 1
    if top <= 4_000_000:  # dense counting is much faster than sorting
        pa = np.bincount(a, minlength=top) / a.size
        pb = np.bincount(b, minlength=top) / b.size
        return float(0.5 * np.abs(pa - pb).sum())
    ua, ca = np.unique(a, return_counts=True)
    ub, cb = np.unique(b, return_counts=True)
    keys = np.union1d(ua, ub)
    pa = np.zeros(keys.size)
    pb = np.zeros(keys.size)
    pa[np.searchsorted(keys, ua)] = ca / a.size
    pb[np.searchsorted(keys, ub)] = cb / b.size
    return float(0.5 * np.abs(pa - pb).sum())


def marginal_tvd(real: pl.DataFrame, released: pl.DataFrame, k: int, *, max_sets: int | None = 500,
                 seed: int = 0) -> float:
    """Mean total variation distance (0 = identical, 1 = disjoint) over k-column marginals.

    >>> real = pl.DataFrame({"a": ["x", "y"], "b": ["u", "u"]})
    >>> marginal_tvd(real, real, 2)
    0.0
    """
    pair = _Pair.of(real, released)
    sets = column_sets(real.columns, k, max_sets=max_sets, seed=seed)
    return float(np.mean([_tvd(*pair.keys(s)) for s in sets]))


def k_marginal_score(real: pl.DataFrame, released: pl.DataFrame, k: int, *, max_sets: int | None = 500,
                     seed: int = 0) -> float:
    """NIST k-marginal score in [0, 1] (1 = every k-marginal identical)."""
    return 1.0 - marginal_tvd(real, released, k, max_sets=max_sets, seed=seed)


def rare_combinations(real: pl.DataFrame, released: pl.DataFrame, k: int, *, threshold: int = 10,
                      max_sets: int | None = 500, seed: int = 0) -> dict[str, float]:
    """Among the distinct k-value combinations present in ``released`` (over k-column sets), the share
    fabricated (no real record has it) and the share rare (1 to ``threshold`` - 1 real records)."""
    pair = _Pair.of(real, released)
    fabricated = rare = total = 0
    for subset in column_sets(real.columns, k, max_sets=max_sets, seed=seed):
        real_keys, rel_keys = pair.keys(subset)
        top = int(max(real_keys.max(initial=0), rel_keys.max(initial=0))) + 1
        if top <= 4_000_000:
            real_counts = np.bincount(real_keys, minlength=top)
            present = np.flatnonzero(np.bincount(rel_keys, minlength=top))
            counts = real_counts[present]
            fabricated += int((counts == 0).sum())
            rare += int(((counts > 0) & (counts < threshold)).sum())
            total += int(present.size)
            continue
        ur, cr = np.unique(real_keys, return_counts=True)
        present = np.unique(rel_keys)
        pos = np.searchsorted(ur, present)
        pos_ok = np.minimum(pos, max(ur.size - 1, 0))
        found = (pos < ur.size) & (ur[pos_ok] == present) if ur.size else np.zeros(present.size, bool)
        counts = np.where(found, cr[pos_ok] if ur.size else 0, 0)
        fabricated += int((counts == 0).sum())
        rare += int(((counts > 0) & (counts < threshold)).sum())
        total += int(present.size)
    if total == 0:
        return {"fabricated": 0.0, "rare": 0.0, "combinations": 0}
    return {"fabricated": fabricated / total, "rare": rare / total, "combinations": total}


def values_kept(real: pl.DataFrame, released: pl.DataFrame, *, min_count: int = 10, worst: int = 10) -> dict:
    """How well the release keeps the count of each value held by at least ``min_count`` real records (every
    column, NULL not counted): the number of such values, how many appear less than half as often in the
    release, and the ``worst`` of them (column, value, real and released counts). Aggregate scores hide
    this: a value held by 1 % of the records can vanish and cost a k-marginal score a few points only."""
    rows = []
    for column in real.columns:
        counts = real.get_column(column).cast(pl.Utf8).drop_nulls().value_counts(name="real")
        counts = counts.filter(pl.col("real") >= min_count)
        if counts.height == 0:
            continue
        out = released.get_column(column).cast(pl.Utf8).drop_nulls().value_counts(name="released")
        joined = counts.join(out, on=column, how="left").fill_null(0)
        rows.extend({"column": column, "value": v, "real": int(r), "released": int(o)}
                    for v, r, o in joined.select(column, "real", "released").iter_rows())
    rows.sort(key=lambda r: (r["released"] / r["real"], -r["real"]))
    lost = [r for r in rows if r["released"] < 0.5 * r["real"]]
    return {"values": len(rows), "lost_half": len(lost), "worst": lost[:worst]}


def largest_shift(real: pl.DataFrame, released: pl.DataFrame) -> dict:
    """The variable whose distribution the release moves most: ``column`` and its total variation distance
    ``tvd`` (the share of records that would have to change value; NULL counts as a value). The mean
    over variables (``tvd_1way``) hides one badly kept variable among 27, such as citizenship when the
    small countries' records are given other countries."""
    pair = _Pair.of(real, released)
    shifts = {c: _tvd(*pair.keys((c,))) for c in real.columns}
    column = max(shifts, key=shifts.get)
    return {"column": column, "tvd": round(shifts[column], 4)}


def utility_report(real: pl.DataFrame, released: pl.DataFrame, *, seed: int = 0) -> dict:
    """The utility block of a release report: 1/2/3-way TVD (and the variable moved most), k-marginal
    scores, rare combinations, values kept."""
    out: dict = {}
    for k in (1, 2, 3):
        if k > len(real.columns):
            continue
        max_sets = None if k < 3 else 300
        tvd = marginal_tvd(real, released, k, max_sets=max_sets, seed=seed)
        out[f"tvd_{k}way"] = round(tvd, 4)
        out[f"k_marginal_{k}way"] = round(1 - tvd, 4)
    if real.columns:
        out["tvd_1way_largest"] = largest_shift(real, released)
    if "k_marginal_2way" in out:
        out["nist_k_marginal_2way_0_1000"] = round(1000 * out["k_marginal_2way"], 1)
    k = min(2, len(real.columns))
    out[f"combinations_{k}way"] = rare_combinations(real, released, k, seed=seed)
    out["values_kept"] = values_kept(real, released)
    return out
