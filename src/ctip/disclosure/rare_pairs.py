"""Post-processing of synthetic records: remove pairs of values that few synthetic records share.

A pair of values (say citizenship=X with sector=Y) held by only a handful of synthetic records is
mostly the model's noise: in the real data such a pair is usually absent (a fabricated combination)
or rare (a combination fewer than 10 people share, the kind a reader could link to someone). Whole
records need not go for that: ``remove_rare_pairs`` changes only the offending cell. Among the values
that form common pairs with the record's other values (NULL included), it takes the one that keeps
every pair table closest to the records as drawn: a changed cell moves the record in all its pairs,
and a value chosen blindly (say, from the model's conditional) piles those moves onto the same cells,
which costs several times the rare mass removed. It reads nothing but the synthetic records, so it is
post-processing and costs no privacy budget.
"""

from __future__ import annotations

from collections.abc import Sequence

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
        return _oriented(self.counts, x, j)

    def move(self, columns: list[np.ndarray], x: int, rows: np.ndarray, old: np.ndarray, new: np.ndarray) -> None:
        """Set column ``x`` of ``rows`` from ``old`` to ``new`` values, keeping every count current."""
        columns[x][rows] = new
        for j in range(len(columns)):
            if j == x:
                continue
            other = columns[j][rows]
            table = self.of(x, j)  # a view: updates in place
            np.subtract.at(table, (old, other), 1)
            np.add.at(table, (new, other), 1)

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


def remove_rare_pairs(out: np.ndarray, sizes: Sequence[int], threshold: int, rng: np.random.Generator, *,
                      passes: int = 10, chunk: int = 512) -> np.ndarray:
    """Change the cells of ``out`` (rows × columns of value codes) that make pairs rarer than
    ``threshold``, and return the new array.

    In each row, the cell in the most rare pairs is the culprit (a value rare on its own is rare with
    everything). Its new value is one of those leaving the fewest rare pairs with the row's other values
    (only if fewer than now); among them, the one whose pairs with the row's other values are furthest
    below their count in the records as drawn (rare pairs' target: none), so that moves out of a value
    and moves into it balance, ties broken at random. Rows are handled ``chunk`` at a time in random
    order, the pair counts updated after each chunk; ``passes`` repeats the sweep.
    """
    columns = [np.ascontiguousarray(out[:, j]).astype(np.int64) for j in range(out.shape[1])]
    d = len(columns)
    pairs = _PairCounts(columns, sizes)
    target = {key: np.where(table < threshold, 0, table) for key, table in pairs.counts.items()}
    for _ in range(passes):
        per_cell = pairs.per_cell(columns, threshold)
        worst = per_cell.argmax(1)
        worst_count = per_cell[np.arange(per_cell.shape[0]), worst]
        todo = rng.permutation(np.flatnonzero(worst_count > 0))
        if todo.size == 0:
            break
        changed = 0
        for start in range(0, todo.size, chunk):
            block = todo[start:start + chunk]
            for x in range(d):
                rows = block[worst[block] == x]
                if rows.size == 0:
                    continue
                badness = np.zeros((rows.size, sizes[x]), dtype=np.int32)
                surplus = np.zeros((rows.size, sizes[x]), dtype=np.int32)
                for j in range(d):
                    if j != x:
                        counts = pairs.of(x, j)[:, columns[j][rows]].T  # rows × values of x
                        badness += counts < threshold
                        surplus += np.where(counts >= _oriented(target, x, j)[:, columns[j][rows]].T, 1, -1)
                here = np.arange(rows.size)
                current = columns[x][rows]
                key = badness * (2 * d) + surplus + rng.random(badness.shape)
                best = key.argmin(1)
                improves = (badness[here, best] < worst_count[rows]) & (best != current)
                if improves.any():
                    pairs.move(columns, x, rows[improves], current[improves], best[improves])
                    changed += int(improves.sum())
        if changed == 0:
            break
    return np.stack(columns, axis=1)


def _oriented(tables: dict, x: int, j: int) -> np.ndarray:
    """The (values of x) × (values of j) table of ``tables`` (kept once per column pair, i < j); a view."""
    return tables[(x, j)] if x < j else tables[(j, x)].T


def drop_rare_pair_rows(out: np.ndarray, sizes: Sequence[int], threshold: int) -> np.ndarray:
    """The rows of ``out`` left once rows still holding a pair rarer than ``threshold`` are dropped,
    repeated until none holds one (dropping rows makes other pairs rarer; each round drops at least one
    row, so it ends). Typically a few hundred rows of 250,000; at a few thousand records with a low
    threshold, up to about 5 % of the rows in 15-20 rounds. The pair counts are kept current rather than
    recounted, and only the column pairs with a rare cell are looked at."""
    columns = [np.ascontiguousarray(out[:, j]).astype(np.int64) for j in range(out.shape[1])]
    pairs = _PairCounts(columns, sizes)
    kept = np.ones(out.shape[0], dtype=bool)
    while True:
        bad = np.zeros(out.shape[0], dtype=bool)
        for (i, j), table in pairs.counts.items():
            rare = (table > 0) & (table < threshold)
            if rare.any():
                bad |= rare[columns[i], columns[j]]
        bad &= kept
        if not bad.any():
            return out[kept]
        rows = np.flatnonzero(bad)
        for (i, j), table in pairs.counts.items():
            np.subtract.at(table, (columns[i][rows], columns[j][rows]), 1)
        kept &= ~bad


def count_rare_pairs(out: np.ndarray, sizes: Sequence[int], threshold: int) -> int:
    """Distinct pairs of values (over all column pairs) that fewer than ``threshold`` rows share."""
    columns = [np.ascontiguousarray(out[:, j]).astype(np.int64) for j in range(out.shape[1])]
    return sum(int(((t > 0) & (t < threshold)).sum()) for t in _PairCounts(columns, sizes).counts.values())
