"""How far the real CTDC sample itself is from "few rare combinations": an oracle, not a synthesiser.

``python -m bench disclosure_oracle`` (about 30 s). Issue #7 asks a synthesiser to score higher than MST
and to release no more rare combinations (held by fewer than 10 real records, or by none) than
pac-synth. On the shared 500-record CTDC sample most distinct pairs of values are rare, so this bench
asks what the *real records*, with nothing private about them, score once their rare pairs are removed
with exact knowledge of the true counts, in three ways: blanking the offending cells, dropping whole
records until the share reaches pac-synth's (0.126 at ε = 4), and replacing each offending value by the
value of its column that leaves the fewest rare pairs with the record's other values (what ctip's
rare-pair post-processing does, from noisy counts). Any DP synthesiser starts below these figures.
"""

from __future__ import annotations

import numpy as np
import polars as pl

from ctip.disclosure.metrics import k_marginal_score, rare_combinations

PAC_SYNTH_SHARE = 0.126  # pac-synth's invented-or-rare share on the sample at ε = 4 (docs/benchmarks.md)


class _Oracle:
    def __init__(self, real: pl.DataFrame) -> None:
        self.real = real
        self.values = [[None, *sorted(v for v in real[c].unique().to_list() if v is not None)] for c in real.columns]
        self.codes = np.stack([np.array([self.values[k].index(v) for v in real[c].to_list()])
                               for k, c in enumerate(real.columns)], axis=1)
        d = self.codes.shape[1]
        self.pairs = {}
        for i in range(d):
            for j in range(i + 1, d):
                table = np.zeros((len(self.values[i]), len(self.values[j])), dtype=int)
                np.add.at(table, (self.codes[:, i], self.codes[:, j]), 1)
                self.pairs[(i, j)] = table

    def table(self, i: int, j: int) -> np.ndarray:
        return self.pairs[(i, j)] if i < j else self.pairs[(j, i)].T

    def hits(self, codes: np.ndarray, threshold: int) -> np.ndarray:
        """For each cell, in how many pairs rarer than ``threshold`` (true counts) it takes part."""
        out = np.zeros_like(codes)
        for (i, j), table in self.pairs.items():
            rare = table[codes[:, i], codes[:, j]] < threshold
            out[:, i] += rare
            out[:, j] += rare
        return out

    def frame(self, codes: np.ndarray) -> pl.DataFrame:
        return pl.DataFrame({c: [self.values[k][v] for v in codes[:, k]] for k, c in enumerate(self.real.columns)},
                            schema={c: pl.Utf8 for c in self.real.columns})

    def blank(self, threshold: int) -> np.ndarray:
        codes = self.codes.copy()
        for _ in range(50):
            hits = self.hits(codes, threshold)
            rows = np.flatnonzero(hits.max(1) > 0)
            if rows.size == 0:
                break
            codes[rows, hits[rows].argmax(1)] = 0
        return codes

    def drop(self, threshold: int, share: float) -> np.ndarray:
        keep = np.ones(self.codes.shape[0], dtype=bool)
        while keep.sum() > 10:
            rows = np.flatnonzero(keep)
            if _share(self.real, self.frame(self.codes[keep])) <= share:
                break
            hits = self.hits(self.codes[keep], threshold).sum(1)
            keep[rows[np.argsort(-hits)[: max(1, rows.size // 50)]]] = False
        return self.codes[keep]

    def substitute(self, threshold: int) -> np.ndarray:
        codes = self.codes.copy()
        freq = [np.bincount(self.codes[:, k], minlength=len(v)) for k, v in enumerate(self.values)]
        d = codes.shape[1]
        for _ in range(30):
            hits = self.hits(codes, threshold)
            rows = np.flatnonzero(hits.max(1) > 0)
            if rows.size == 0:
                break
            for r in rows:
                x = int(hits[r].argmax())
                rare = sum((self.table(x, j)[:, codes[r, j]] < threshold).astype(int) for j in range(d) if j != x)
                best = int(np.lexsort((-freq[x], rare))[0])
                if rare[best] < hits[r, x]:
                    codes[r, x] = best
        return codes


def pairwise_bound(oracle: _Oracle, share: float, threshold: int = 10) -> tuple[float, int, int]:
    """The best 2-way score any release with at most ``share`` invented-or-rare pairs could reach if each
    column pair could be edited on its own (records ignored): keep every common cell exact, keep the
    largest rare cells the share allows, lose the rest. Returns (score, common pairs, rare pairs)."""
    n, tables = oracle.codes.shape[0], list(oracle.pairs.values())
    common = sum(int((t >= threshold).sum()) for t in tables)
    rare = np.sort(np.concatenate([t[(t > 0) & (t < threshold)] for t in tables]))[::-1]
    kept = int(share * common / (1 - share))
    lost = rare[kept:].sum() / n / len(tables)
    return 1000 * (1 - lost), common, rare.size


def _share(real: pl.DataFrame, released: pl.DataFrame) -> float:
    combos = rare_combinations(real, released, 2)
    return combos["fabricated"] + combos["rare"]


def _line(label: str, real: pl.DataFrame, released: pl.DataFrame) -> None:
    combos = rare_combinations(real, released, 2)
    print(f"  {label:<52} 2-way {1000 * k_marginal_score(real, released, 2):6.1f}  3-way "
          f"{k_marginal_score(real, released, 3, max_sets=300):.3f}  invented or rare "
          f"{combos['fabricated'] + combos['rare']:.3f}  ({released.height} records)", flush=True)


def main() -> None:
    from bench.disclosure import _ctdc_sample

    sample = _ctdc_sample()
    if sample is None:
        print("the shared CTDC sample is not there: nothing to do")
        return
    real = sample[0]
    oracle = _Oracle(real)
    print(f"CTDC sample: {real.height} records × {real.width}; pac-synth's share at ε = 4: {PAC_SYNTH_SHARE}")
    _line("the real records themselves", real, real)
    score, common, rare = pairwise_bound(oracle, PAC_SYNTH_SHARE)
    print(f"  pair by pair, records ignored ({common} common, {rare} rare distinct pairs): at most "
          f"{score:.1f} 2-way at a share of {PAC_SYNTH_SHARE}", flush=True)
    _line("blank the offending cells (threshold 10)", real, oracle.frame(oracle.blank(10)))
    for threshold in (10, 5):
        _line(f"drop records until the share is {PAC_SYNTH_SHARE} (threshold {threshold})", real,
              oracle.frame(oracle.drop(threshold, PAC_SYNTH_SHARE)))
    for threshold in (10, 7, 5):
        _line(f"replace each offending value (threshold {threshold})", real,
              oracle.frame(oracle.substitute(threshold)))
