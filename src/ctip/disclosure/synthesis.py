"""Differentially private synthetic microdata from noisy marginals (MST/PrivBayes family).

``MarginalSynthesizer`` spends a zCDP budget ρ (from the explicit ε and δ) in three steps:

1. 30 % measures every 1-way marginal (discrete Gaussian), projected onto counts with the estimated
   total (which removes most noise on empty values). Values whose estimate is below ``rare_threshold``
   noise standard deviations are merged into NULL (like CTDC suppressing rare countries): they could
   only be reproduced as noise. Columns without a public domain also drop every value whose noisy count
   is below the stability threshold (part of δ pays for that).
2. 10 % selects a Bayesian network privately: a maximum spanning tree over all column pairs (exponential
   mechanism on the L1 distance between each true 2-way marginal and the independent estimate, as in
   MST), then for each column a second parent when the 3-way dependence it adds beats the extra noise of
   measuring the larger table (exponential mechanism with a "no second parent" option).
3. 60 % measures each column's (column, parents) marginal; each parent configuration's counts are
   projected onto non-negative counts with that configuration's estimated total, and mixed with the
   next-coarser conditional.

Sampling is ancestral and vectorised; each column is raked (iterative proportional fitting) so its
distribution matches its measured 1-way marginal, which keeps the tree's noise from drifting down the
order. ``rare_values="sample"`` keeps values rarer than the threshold as one bucket whose members are
drawn by their noisy counts (more accurate marginals, but more invented combinations; the default
``"suppress"`` writes them empty). ``min_pair_count`` > 1 redraws records holding a pair of values rarer than that in the synthetic
data, trading a little accuracy for fewer rare or invented combinations. Everything after the noisy
measurements is post-processing, so the release is (ε, δ)-DP for add/remove-one-record neighbours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
import polars as pl

from ctip.disclosure._params import Interval, OneOf, Optional, validate_params
from ctip.disclosure.noise import discrete_gaussian, gaussian_sigma, make_rng, rho_from_epsilon_delta
from ctip.disclosure.table import Encoding, as_categorical, check_release_columns

_ONE_WAY_SHARE = 0.3  # one-way marginals: value domains, the root, raking targets
_SELECT_SHARE = 0.1  # private structure selection
_SMOOTH = 1.0  # pseudo-records of the coarser conditional mixed into each configuration


class MarginalSynthesizer:
    """Differentially private synthetic records from a privately selected Bayesian network of marginals.

    Parameters are keyword-only and explicit: ``epsilon`` (> 0) and ``delta`` (in (0, 1)) bound the
    privacy loss of the whole fit; ``seed`` makes the release reproducible (keep it secret);
    ``domains`` gives public value lists per column (other columns learn theirs privately).

    >>> from ctip.disclosure.simulate import make_ctdc_like
    >>> real = make_ctdc_like(5000, seed=1)
    >>> synth = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=7).fit(real).sample()
    >>> synth.columns == real.columns
    True
    """

    _parameter_constraints = {
        "epsilon": Interval(float, 0, None, "neither"),
        "delta": Interval(float, 0, 1, "neither"),
        "seed": Optional(Interval(int, 0, None, "left")),
        "max_parents": Interval(int, 1, 2, "both"),
        "max_cells": Interval(int, 4, None, "left"),
        "rare_threshold": Interval(float, 0, None, "left"),
        "min_pair_count": Interval(int, 0, None, "left"),
        "rare_values": OneOf(("suppress", "sample")),
    }
    _parameter_hints = {
        "epsilon": "Privacy needs a positive budget; smaller is more private (CTDC uses about 1 to 12).",
        "delta": "Consider delta=1e-9 (far below 1/number of records).",
    }

    def __init__(self, *, epsilon: float, delta: float, seed: int | None = None,
                 domains: dict[str, Sequence[str]] | None = None, max_parents: int = 2,
                 max_cells: int = 4000, rare_threshold: float = 3.0, min_pair_count: int = 0,
                 rare_values: str = "suppress") -> None:
        self.epsilon = epsilon
        self.delta = delta
        self.seed = seed
        self.domains = domains
        self.max_parents = max_parents
        self.max_cells = max_cells
        self.rare_threshold = rare_threshold
        self.min_pair_count = min_pair_count
        self.rare_values = rare_values

    # -- fitting -------------------------------------------------------------------------------------
    def fit(self, frame: pl.DataFrame, columns: Sequence[str] | None = None) -> MarginalSynthesizer:
        """Measure the marginals of ``frame`` (all its columns, or ``columns``) and build the model."""
        validate_params(self)
        cols = check_release_columns(frame, columns)
        data = as_categorical(frame, cols)
        domains = {c: list(v) for c, v in (self.domains or {}).items() if c in cols}
        derived = [c for c in cols if c not in domains]
        delta_conv = self.delta / 2 if derived else self.delta
        rho = rho_from_epsilon_delta(self.epsilon, delta_conv)
        self.rho_ = rho
        rng = make_rng(self.seed)
        enc = Encoding.fit(data, domains=domains) if derived else Encoding.fit(data.head(0), domains=domains)
        codes = enc.encode(data.select([
            pl.when(pl.col(c).is_in(list(enc.categories[c][:-1]))).then(pl.col(c)).otherwise(None).alias(c)
            for c in cols]))
        d = len(cols)

        # 1. one-way marginals, private domains and rare values
        sigma1 = gaussian_sigma(rho * _ONE_WAY_SHARE, math.sqrt(d))
        z = NormalDist().inv_cdf(1 - (self.delta / 2) / max(1, len(derived))) if derived else 0.0
        noisy_all = [np.bincount(codes[:, j], minlength=enc.size(c)) + discrete_gaussian(rng, sigma1, enc.size(c))
                     for j, c in enumerate(cols)]
        n_hat = max(1.0, float(np.mean([v.sum() for v in noisy_all])))
        categories, sizes, one_way = [], [], []
        for j, c in enumerate(cols):
            size = enc.size(c)
            noisy = noisy_all[j]
            # project onto counts summing to the estimated total: removes most noise on empty values
            est = _project_rows(noisy[None, :].astype(float), np.array([n_hat]))[0]
            allowed = np.ones(size - 1, dtype=bool)
            if c in derived:
                allowed = noisy[:-1] > 1 + z * sigma1
            keep = (est[:-1] > self.rare_threshold * sigma1) & allowed
            rare = ~keep & allowed & (est[:-1] > 0)
            bucket = self.rare_values == "sample" and bool(rare.any())
            n_keep = int(keep.sum())
            new_index = np.full(size, n_keep + int(bucket))  # dropped values and NULL: the NULL code
            new_index[:-1][keep] = np.arange(n_keep)
            if bucket:
                new_index[:-1][rare] = n_keep
            values = [v for v, k in zip(enc.categories[c][:-1], keep, strict=True) if k]
            pool = ([v for v, r in zip(enc.categories[c][:-1], rare, strict=True) if r], est[:-1][rare])
            categories.append(values + ([pool] if bucket else []) + [None])
            one_way.append(np.bincount(new_index, weights=est, minlength=n_keep + int(bucket) + 1))
            sizes.append(n_keep + int(bucket) + 1)
            codes[:, j] = new_index[codes[:, j]]
        self.n_ = max(1, int(round(float(np.mean([w.sum() for w in one_way])))))
        self.columns_ = list(cols)
        self.categories_ = categories
        self.sizes_ = sizes

        # 2. structure: spanning tree (MST selection), then optional second parents
        rho_sel = rho * _SELECT_SHARE
        n_measure = max(1, d - 1)
        sigma_m = gaussian_sigma(rho * (1 - _ONE_WAY_SHARE - _SELECT_SHARE), math.sqrt(n_measure))
        self.sigma_ = {"one_way": sigma1, "measure": sigma_m}
        rho_tree = rho_sel / 2 if (self.max_parents == 2 and d > 2) else rho_sel
        edges = self._select_tree(codes, one_way, rho_tree, rng)
        order, parent = _orient(d, edges)
        parents: dict[int, list[int]] = {order[0]: []}
        for pos, x in enumerate(order[1:], start=1):
            parents[x] = [parent[x]]
            if self.max_parents == 2 and pos >= 2:
                eps_node = math.sqrt(8 * (rho_sel - rho_tree) / max(1, d - 2))
                q = self._choose_second_parent(codes, x, parent[x], order[:pos], eps_node, sigma_m, rng)
                if q is not None:
                    parents[x].append(q)
        self.order_ = order
        self.parents_ = parents

        # 3. measure each (column, parents) table and estimate conditionals
        self.targets_ = [w / max(w.sum(), 1e-9) for w in one_way]
        root_p = one_way[order[0]] / max(one_way[order[0]].sum(), 1e-9)
        self.conditionals_ = {order[0]: root_p[None, :]}
        marg1 = [w / max(w.sum(), 1e-9) for w in one_way]
        for x in order[1:]:
            clique = parents[x] + [x]
            shape = [sizes[i] for i in clique]
            table = _table(codes, clique, shape)
            noisy = table + discrete_gaussian(rng, sigma_m, table.shape)
            single = len(parents[x]) == 1
            self.conditionals_[x] = _conditional(
                noisy.astype(float), shape, marg1[x], sigma_m,
                parent_counts=one_way[parents[x][0]] if single else None, parent_sigma=sigma1 if single else None)
        return self

    def _select_tree(self, codes: np.ndarray, one_way: list[np.ndarray], rho_tree: float,
                     rng: np.random.Generator) -> list[tuple[int, int]]:
        d = codes.shape[1]
        if d == 1:
            return []
        n = self.n_
        quality = {}
        for i in range(d):
            pi = one_way[i] / max(one_way[i].sum(), 1e-9)
            for j in range(i + 1, d):
                pj = one_way[j] / max(one_way[j].sum(), 1e-9)
                true = _table(codes, [i, j], [self.sizes_[i], self.sizes_[j]])
                quality[(i, j)] = float(np.abs(true - n * np.outer(pi, pj)).sum())
        eps_round = math.sqrt(8 * rho_tree / (d - 1))
        comp = list(range(d))

        def find(a: int) -> int:
            while comp[a] != a:
                comp[a] = comp[comp[a]]
                a = comp[a]
            return a

        edges = []
        for _ in range(d - 1):
            cands = [e for e in quality if find(e[0]) != find(e[1])]
            scores = np.array([quality[e] for e in cands]) * eps_round / 2.0
            pick = cands[int(np.argmax(scores + rng.gumbel(size=len(cands))))]
            comp[find(pick[0])] = find(pick[1])
            edges.append(pick)
        return edges

    def _choose_second_parent(self, codes, x, p, earlier, eps_node, sigma_m, rng) -> int | None:
        sizes = self.sizes_
        base_cells = sizes[x] * sizes[p]
        m_xp = _table(codes, [x, p], [sizes[x], sizes[p]])
        m_p = m_xp.sum(0)
        cands, scores = [None], [0.0]
        noise_per_cell = sigma_m * math.sqrt(2 / math.pi)
        for q in earlier:
            if q == p or base_cells * sizes[q] > self.max_cells:
                continue
            m_xpq = _table(codes, [x, p, q], [sizes[x], sizes[p], sizes[q]])
            m_pq = m_xpq.sum(0)
            approx = m_xp[:, :, None] * (m_pq / np.maximum(m_p, 1)[:, None])[None, :, :]
            gain = float(np.abs(m_xpq - approx).sum())
            cands.append(q)
            scores.append(gain - noise_per_cell * base_cells * (sizes[q] - 1))
        if len(cands) == 1:
            return None
        # the gain has sensitivity below 4 under adding or removing one record
        pick = int(np.argmax(np.array(scores) * eps_node / 8.0 + rng.gumbel(size=len(cands))))
        return cands[pick]

    # -- sampling ------------------------------------------------------------------------------------
    def sample(self, n: int | None = None, *, seed: int | None = None) -> pl.DataFrame:
        """``n`` synthetic records (default: the noisy number of real records), as strings with NULL."""
        if not hasattr(self, "conditionals_"):
            raise RuntimeError("call fit() before sample()")
        n = self.n_ if n is None else int(n)
        rng = make_rng(self.seed if seed is None else seed)
        rng = np.random.Generator(np.random.Philox(rng.integers(0, 2**63)))
        out = self._draw(n, rng)
        if self.min_pair_count > 1:
            out = self._drop_rare_pairs(out, rng)
        data = {}
        for j, c in enumerate(self.columns_):
            cats = self.categories_[j]
            values = np.array([None if isinstance(v, tuple) else v for v in cats], dtype=object)[out[:, j]]
            for code, v in enumerate(cats):
                if isinstance(v, tuple):  # the bucket of rare values: each drawn by its noisy count
                    rows = np.flatnonzero(out[:, j] == code)
                    values[rows] = np.array(v[0], dtype=object)[rng.choice(len(v[0]), size=rows.size,
                                                                           p=v[1] / v[1].sum())]
            data[c] = pl.Series(c, values.tolist(), dtype=pl.Utf8)
        return pl.DataFrame(data)


    def _draw(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """Ancestral sampling, each column raked to its measured one-way marginal."""
        out = np.zeros((n, len(self.columns_)), dtype=np.int64)
        for x in self.order_:
            cond = self.conditionals_[x]
            pa = self.parents_[x]
            config = np.zeros(n, dtype=np.int64)
            for i in pa:
                config = config * self.sizes_[i] + out[:, i]
            if pa:
                cond = _rake(cond, np.bincount(config, minlength=cond.shape[0]).astype(float), self.targets_[x] * n)
            out[:, x] = _sample_rows(cond, config, rng)
        return out

    def _drop_rare_pairs(self, out: np.ndarray, rng: np.random.Generator, passes: int = 1) -> np.ndarray:
        """Redraw records holding a pair of values that fewer than ``min_pair_count`` synthetic records
        share (such pairs are mostly rare or invented in the real data too); records still holding one
        after ``passes`` redraws are replaced by copies of other synthetic records. Post-processing only."""
        d = out.shape[1]
        for attempt in range(passes + 1):
            bad = np.zeros(out.shape[0], dtype=bool)
            for i in range(d):
                for j in range(i + 1, d):
                    key = out[:, i] * self.sizes_[j] + out[:, j]
                    bad |= np.bincount(key)[key] < self.min_pair_count
            if not bad.any() or bad.all():
                return out
            if attempt < passes:
                out[bad] = self._draw(int(bad.sum()), rng)
            else:
                good = np.flatnonzero(~bad)
                out[bad] = out[rng.choice(good, size=int(bad.sum()))]
        return out

def make_synthesizer(*, epsilon: float, delta: float, seed: int | None = None, **options) -> MarginalSynthesizer:
    """The recommended DP synthesiser (OpenDP-style constructor; parameters validated at ``fit``)."""
    return MarginalSynthesizer(epsilon=epsilon, delta=delta, seed=seed, **options)


def _table(codes: np.ndarray, clique: list[int], shape: list[int]) -> np.ndarray:
    key = np.zeros(codes.shape[0], dtype=np.int64)
    for i, s in zip(clique, shape, strict=True):
        key = key * s + codes[:, i]
    return np.bincount(key, minlength=int(np.prod(shape))).reshape(shape).astype(float)


def _orient(d: int, edges: list[tuple[int, int]]) -> tuple[list[int], dict[int, int]]:
    """Breadth-first order of the tree from column 0 (a data-independent root) and each column's parent."""
    adj: dict[int, list[int]] = {i: [] for i in range(d)}
    for a, b in edges:
        adj[a].append(b)
        adj[b].append(a)
    order, parent, seen = [0], {}, {0}
    for node in order:
        for nb in sorted(adj[node]):
            if nb not in seen:
                seen.add(nb)
                parent[nb] = node
                order.append(nb)
    return order, parent


def _project_rows(rows: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Each row's closest (Euclidean) non-negative vector summing to its total (Duchi et al. 2008).

    This is how noise on empty cells is removed: the projection subtracts one level per row and clips
    at zero, so rows whose noise adds up to much more than their total are thresholded harder.
    """
    k = rows.shape[1]
    u = -np.sort(-rows, axis=1)
    css = np.cumsum(u, axis=1) - totals[:, None]
    ind = np.arange(1, k + 1)
    cond = u - css / ind > 0
    rho = np.maximum(cond.sum(axis=1) - 1, 0)
    theta = css[np.arange(rows.shape[0]), rho] / (rho + 1)
    return np.maximum(rows - theta[:, None], 0.0)


def _conditional(noisy: np.ndarray, shape: list[int], marginal: np.ndarray, sigma: float,
                 parent_counts: np.ndarray | None = None, parent_sigma: float | None = None) -> np.ndarray:
    """P(x | parents) as a (configurations × values) table from a noisy (parents..., x) count table.

    Each configuration's counts are projected onto the non-negative vectors with the configuration's
    estimated total (the row sum, averaged with the parent's own noisy count when there is one, weighted
    by inverse variance); rows left with almost no mass fall back on the coarser conditional.
    """
    k = shape[-1]
    flat = noisy.reshape(-1, k)
    totals = flat.sum(1)
    if parent_counts is not None and parent_sigma is not None:
        var_rows, var_parent = k * sigma**2, parent_sigma**2
        totals = (totals * var_parent + parent_counts * var_rows) / (var_rows + var_parent)
    projected = _project_rows(flat, np.maximum(totals, 0.0))
    if len(shape) == 3:
        coarse = _conditional(noisy.sum(1), [shape[0], k], marginal, sigma * math.sqrt(shape[1]))
        back = np.repeat(coarse, shape[1], axis=0)
    else:
        back = np.tile(marginal, (flat.shape[0], 1))
    probs = projected + _SMOOTH * back
    return probs / np.maximum(probs.sum(1, keepdims=True), 1e-12)


def _rake(cond: np.ndarray, config_counts: np.ndarray, target: np.ndarray, iterations: int = 20) -> np.ndarray:
    """Adjust P(x | configuration) so that, over the configurations actually sampled, the column's
    distribution matches its measured one-way marginal (iterative proportional fitting). Cells with
    probability zero stay zero, so no combination is invented."""
    joint = config_counts[:, None] * cond
    for _ in range(iterations):
        col = joint.sum(0)
        joint *= np.where(col > 0, target / np.maximum(col, 1e-12), 1.0)[None, :]
        rows = joint.sum(1)
        joint *= np.where(rows > 0, config_counts / np.maximum(rows, 1e-12), 0.0)[:, None]
    rows = joint.sum(1, keepdims=True)
    return np.where(rows > 0, joint / np.maximum(rows, 1e-12), cond)


def _sample_rows(cond: np.ndarray, config: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One value per row from the row ``config`` of ``cond`` (inverse CDF on a flattened, offset table)."""
    k = cond.shape[1]
    cdf = np.cumsum(cond, axis=1)
    cdf /= cdf[:, -1:]
    flat = (cdf + np.arange(cond.shape[0])[:, None]).ravel()
    idx = np.searchsorted(flat, config + rng.random(config.size), side="right")
    return np.clip(idx - config * k, 0, k - 1)
