"""Post-processing of synthetic records: remove pairs of values that few synthetic records share.

A pair of values (say citizenship=X with sector=Y) held by only a handful of synthetic records is
mostly the model's noise: in the real data such a pair is usually absent (a fabricated combination)
or rare (a combination fewer than 10 people share, the kind a reader could link to someone). Whole
records need not go for that: ``remove_rare_pairs`` changes only the offending cell, redrawing its
value from the model's conditional distribution restricted to the values that form common pairs with
the record's other values (NULL included). It reads nothing but the synthetic records and the model,
so it is post-processing and costs no privacy budget.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


class _PairCounts:
    """Counts of every pair of values over every pair of columns of ``columns`` (one array per column)."""

    def __init__(self, columns: list[np.ndarray], sizes: Sequence[int]) -> None:
        self.sizes = list(sizes)
        d = len(columns)
        self.counts = {(i, j): np.bincount(columns[i] * self.sizes[j] + columns[j],
                                           minlength=self.sizes[i] * self.sizes[j]).reshape(self.sizes[i],
                                                                                            self.sizes[j])
                       for i in range(d) for j in range(i + 1, d)}

    def of(self, x: int, j: int) -> np.ndarray:
        """The (values of x) × (values of j) table."""
        return self.counts[(x, j)] if x < j else self.counts[(j, x)].T

    def per_cell(self, columns: list[np.ndarray], threshold: int) -> np.ndarray:
        """For each cell, the number of pairs rarer than ``threshold`` it is in (rows × columns)."""
        n = columns[0].size
        out = np.zeros((n, len(columns)), dtype=np.int32)
        for (i, j), table in self.counts.items():
            rare = (table > 0) & (table < threshold)
            if rare.any():
                hit = rare[columns[i], columns[j]]
                out[:, i] += hit
                out[:, j] += hit
        return out


def remove_rare_pairs(out: np.ndarray, sizes: Sequence[int], threshold: int,
                      conditional: Callable[[np.ndarray, int], np.ndarray],
                      rng: np.random.Generator, *, passes: int = 10) -> np.ndarray:
    """Change the cells of ``out`` (rows × columns of value codes) that make pairs rarer than
    ``threshold``, and return the new array.

    In each row, the cell in the most rare pairs is the culprit (a value rare on its own is rare with
    everything). Its new value is drawn from ``conditional(records, x)`` (for those records, a rows ×
    values array: the model's distribution of column ``x`` given the record's parents) restricted to the values
    that leave the fewest rare pairs with the row's other values, and only when that is fewer than
    now. ``passes`` repeats the sweep, since counts move as cells change.
    """
    columns = [np.ascontiguousarray(out[:, j]).astype(np.int64) for j in range(out.shape[1])]
    d = len(columns)
    for _ in range(passes):
        pairs = _PairCounts(columns, sizes)
        per_cell = pairs.per_cell(columns, threshold)
        worst = per_cell.argmax(1)
        worst_count = per_cell[np.arange(per_cell.shape[0]), worst]
        changed = 0
        for x in range(d):
            rows = np.flatnonzero((worst == x) & (worst_count > 0))
            if rows.size == 0:
                continue
            badness = np.zeros((rows.size, sizes[x]), dtype=np.int32)
            for j in range(d):
                if j != x:
                    table = pairs.of(x, j)
                    badness += (table < threshold).T[columns[j][rows]]
            best = badness.min(1)
            improves = best < worst_count[rows]
            rows, allowed = rows[improves], (badness == best[:, None])[improves]
            if rows.size == 0:
                continue
            current = np.stack([c[rows] for c in columns], axis=1)
            probs = conditional(current, x) * allowed
            probs = np.where(allowed & (probs.sum(1, keepdims=True) <= 0), 1.0, probs)  # model gives no mass
            cdf = np.cumsum(probs, axis=1)
            draw = (cdf < rng.random(rows.size)[:, None] * cdf[:, -1:]).sum(1)
            columns[x][rows] = np.minimum(draw, sizes[x] - 1)
            changed += rows.size
        if changed == 0:
            break
    return np.stack(columns, axis=1)


def drop_rare_pair_rows(out: np.ndarray, sizes: Sequence[int], threshold: int, *, rounds: int = 5) -> np.ndarray:
    """The rows of ``out`` left once rows still holding a pair rarer than ``threshold`` are dropped
    (repeated, since dropping rows makes other pairs rarer; rarely more than a handful of rows)."""
    for _ in range(rounds):
        columns = [np.ascontiguousarray(out[:, j]).astype(np.int64) for j in range(out.shape[1])]
        bad = _PairCounts(columns, sizes).per_cell(columns, threshold).any(1)
        if not bad.any():
            break
        out = out[~bad]
    return out


def count_rare_pairs(out: np.ndarray, sizes: Sequence[int], threshold: int) -> int:
    """Distinct pairs of values (over all column pairs) that fewer than ``threshold`` rows share."""
    columns = [np.ascontiguousarray(out[:, j]).astype(np.int64) for j in range(out.shape[1])]
    return sum(int(((t > 0) & (t < threshold)).sum()) for t in _PairCounts(columns, sizes).counts.values())
