"""Differentially private synthetic microdata from noisy marginals (MST/PrivBayes family).

``MarginalSynthesizer`` spends a zCDP budget ρ (from the explicit ε and δ) in three steps, each a
Gaussian mechanism with its share of ρ written out (``rho_``, ``sigma_``):

1. 60 % measures every one-way marginal (discrete Gaussian). Columns with a large public domain and a
   public hierarchy (countries in UN M49 sub-regions, years in five-year periods) are also measured by
   group, and get three times a small column's share: a group whose noisy count does not pass two noise
   deviations is taken as empty, so the noise of 200 empty countries does not turn into records
   (``estimation.coarse_to_fine``). Columns without a public domain keep only the values whose noisy
   count passes a stability threshold (part of δ pays for that). Values are never suppressed by
   default (``rare_threshold`` > 0 writes values rarer than that many noise deviations empty, in
   columns of more than 10 values only): a binary column's ``1`` always survives.
2. 5 % selects a Bayesian network privately: a maximum spanning tree over all column pairs (exponential
   mechanism on the L1 distance between each true 2-way marginal and the independent estimate, as in
   MST), then for each column a second parent when the 3-way dependence it adds beats the extra noise of
   the larger table (exponential mechanism with a "none" option). Second parents are only considered
   when even a 2 × 2 × 2 table would hold two noise deviations per cell; otherwise (a few hundred
   records at small ε) the whole 5 % goes to the tree.
3. 35 % measures each column's table with its parents; larger tables get more of it (noise ∝
   cells^(-1/6)).

Estimation (``ctip.disclosure.estimation``) reconciles all measurements, as Private-PGM does for MST:
each column's counts pool its one-way measurement and the sums of every table holding it
(inverse-variance weights), projected onto non-negative counts; each table is then fitted (least
squares, non-negative) to its noisy counts with exactly those one-way sums. Sampling is ancestral, each
column raked to its pooled marginal, with the counts of each configuration rounded from their
expectations rather than drawn (no multinomial noise on top of the privacy noise).

Rare pairs (``min_pair_count``; default 14, lowered to one per 1,000 records below 14,000 records, so
off under 2,000): table cells below that many records, or below one noise deviation in tables with more
cells than the records can fill, are emptied before sampling, and in the synthetic records each cell
that makes a pair of values rarer than the threshold is moved to a value whose pairs are common, the
one that keeps the pair tables of the records as drawn most intact (``ctip.disclosure.rare_pairs``);
the few records still holding one are dropped. The removal must not distort what readers count first: under
the default rule, when it would leave some column's distribution more than ``max_shift`` (5 %, total
variation) from that column's measured marginal, the highest lower threshold that does not (of 10, 7,
5, 3 and none, found by bisection on the same draw) is used. Values rare with everything, such as the countries a few dozen victims come from, form only rare
pairs: at 20,000 records a threshold of 14 would hand a sixth of the victims another citizenship; the
ladder keeps them, with more rare pairs (which the release's review notes report). An explicit
``min_pair_count`` is applied as given. Everything after the noisy measurements is post-processing, so
the release is (ε, δ)-DP for add/remove-one-record neighbours.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
import polars as pl

from ctip.disclosure._params import Interval, OneOf, Optional, validate_params
from ctip.disclosure.estimation import (
    Measurement,
    coarse_to_fine,
    conditional,
    drop_small_cells,
    fit_table,
    pool_marginals,
    pooled_total,
    project_simplex,
)
from ctip.disclosure.noise import discrete_gaussian, gaussian_sigma, make_rng, rho_from_epsilon_delta
from ctip.disclosure.rare_pairs import drop_rare_pair_rows, remove_rare_pairs
from ctip.disclosure.table import Encoding, as_categorical, check_release_columns

# default rare-pair threshold: 14 synthetic records, so that few released pairs are held by fewer than
# 10 real people (CTDC's "no query returns fewer than 10"; at 250,000 records 10 leaves about 5 % such
# pairs, 14 about 3.5 %), lowered to one per 1,000 records below 14,000 (at 500 records a third of the
# real pairs are rarer than 10: removing them would remove the data), so off under 2,000 records
_PAIR_THRESHOLD = 14
_RECORDS_PER_PAIR_UNIT = 1000
# with the default rule, lower thresholds tried in turn when the removal would move more than
# ``max_shift`` of a column's records (0: no removal)
_PAIR_LADDER = (10, 7, 5, 3, 0)
_MIN_GROUPED = 12  # domains up to this many values (NULL included) are measured value by value


class MarginalSynthesizer:
    """Differentially private synthetic records from a privately selected Bayesian network of marginals.

    Parameters are keyword-only and explicit: ``epsilon`` (> 0) and ``delta`` (in (0, 1)) bound the
    privacy loss of the whole fit; ``seed`` makes the release reproducible (keep it secret);
    ``domains`` gives public value lists per column (other columns learn theirs privately).
    ``min_pair_count`` is the rare-pair threshold of the post-processing (None: the default rule above,
    lowered by ``sample`` while the removal would move more than ``max_shift`` of a column's records;
    0 or 1: off). ``rare_threshold`` > 0 writes values rarer than that many noise deviations empty in
    columns of more than 10 values (``rare_values="sample"`` draws them from one pooled bucket instead).
    After ``fit``: ``parents_``, ``marginals_`` (the consistent one-way counts), ``targets_`` (the same
    as shares), ``pair_threshold_`` (after ``sample``: the threshold used; ``pair_threshold_rule_`` keeps
    the rule's), ``rho_`` and ``sigma_`` (noise of each measurement).

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
        "min_pair_count": Optional(Interval(int, 0, None, "left")),
        "max_shift": Interval(float, 0, 1, "both"),
        "rare_values": OneOf(("suppress", "sample")),
    }
    _one_way_share = 0.6  # one-way marginals: value domains, rare values, pooled with the tables
    _select_share = 0.05  # private structure selection
    _small_domain = 10  # columns with at most this many values never lose rare values
    _noise_cells = 1.0  # in tables with more cells than records can fill, cells below this many deviations go
    _table_weight_power = 1 / 3  # table budget ∝ cells^power (noise ∝ cells^(-power/2))
    _grouped_weight = 3.0  # budget of a grouped column's own histogram relative to the others
    _group_z = 2.0  # a group passes when its noisy count exceeds this many noise deviations
    _group_weight = 2.0  # budget of a large domain's group histogram relative to its own
    _min_signal = 2.0  # a second parent only if its table holds this many noise deviations per cell

    _parameter_hints = {
        "epsilon": "Privacy needs a positive budget; smaller is more private (CTDC uses about 1 to 12).",
        "delta": "Consider delta=1e-9 (far below 1/number of records).",
    }

    def __init__(self, *, epsilon: float, delta: float, seed: int | None = None,
                 domains: dict[str, Sequence[str]] | None = None, max_parents: int = 2,
                 max_cells: int = 4000, rare_threshold: float = 0.0, min_pair_count: int | None = None,
                 max_shift: float = 0.05, rare_values: str = "suppress") -> None:
        self.epsilon = epsilon
        self.delta = delta
        self.seed = seed
        self.domains = domains
        self.max_parents = max_parents
        self.max_cells = max_cells
        self.rare_threshold = rare_threshold
        self.min_pair_count = min_pair_count
        self.max_shift = max_shift
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

        # 1. one-way marginals (with the public groups of large domains), private domains and rare values
        groups = {j: _groups(c, enc.categories[c]) for j, c in enumerate(cols) if c in domains}
        groups = {j: g for j, g in groups.items() if g is not None}
        # histogram j gets noise sigma1 / sqrt(w_j): rho = sum_j w_j / (2 sigma1^2) (sensitivity 1 each)
        col_weight = [self._grouped_weight if j in groups else 1.0 for j in range(d)]
        weight = sum(col_weight) + self._group_weight * len(groups)
        sigma1 = gaussian_sigma(rho * self._one_way_share, math.sqrt(weight))
        sigma_col = [sigma1 / math.sqrt(w) for w in col_weight]
        sigma_group = sigma1 / math.sqrt(self._group_weight) if groups else sigma1
        z = NormalDist().inv_cdf(1 - (self.delta / 2) / max(1, len(derived))) if derived else 0.0
        noisy_all = [np.bincount(codes[:, j], minlength=enc.size(c)) + discrete_gaussian(rng, sigma_col[j], enc.size(c))
                     for j, c in enumerate(cols)]
        n_raw = max(1.0, float(np.mean([v.sum() for v in noisy_all])))
        categories, sizes, one_way, measurements = [], [], [], []
        for j, c in enumerate(cols):
            size = enc.size(c)
            noisy = noisy_all[j]
            allowed = np.ones(size - 1, dtype=bool)
            if j in groups:
                g = groups[j]
                coarse = np.bincount(g[codes[:, j]], minlength=g.max() + 1)
                coarse = coarse + discrete_gaussian(rng, sigma_group, coarse.size)
                noisy, live = coarse_to_fine(noisy, g, coarse, sigma_col[j], sigma_group, self._group_z)
                allowed &= live[:-1]
                noisy = np.where(np.append(allowed, True), noisy, 0.0)
            # project onto counts summing to the estimated total: removes most noise on empty values
            est = project_simplex(noisy[None, :].astype(float), np.array([n_raw]))[0]
            if c in derived:
                allowed = noisy[:-1] > 1 + z * sigma_col[j]
            keep = allowed.copy()
            if size - 1 > self._small_domain:  # only large domains lose their rare values
                keep &= est[:-1] > self.rare_threshold * sigma_col[j]
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
            new_size = n_keep + int(bucket) + 1
            one_way.append(np.bincount(new_index, weights=est, minlength=new_size))
            measurements.append(Measurement((j,), np.bincount(new_index, weights=noisy, minlength=new_size),
                                            np.bincount(new_index, minlength=new_size) * sigma_col[j] ** 2))
            sizes.append(new_size)
            codes[:, j] = new_index[codes[:, j]]
        self.n_ = max(1, int(round(n_raw)))
        self.columns_ = list(cols)
        self.categories_ = categories
        self.sizes_ = sizes

        # 2. structure: spanning tree (MST selection), then optional second parents
        rho_sel = rho * self._select_share
        n_measure = max(1, d - 1)
        sigma_m = gaussian_sigma(rho * (1 - self._one_way_share - self._select_share), math.sqrt(n_measure))
        self.sigma_ = {"one_way": sigma1, "measure": sigma_m}
        # second parents only if even the smallest 3-way table (2 × 2 × 2) would hold enough signal
        second = self.max_parents == 2 and d > 2 and self.n_ / 8 >= self._min_signal * sigma_m
        rho_tree = rho_sel / 2 if second else rho_sel
        edges = self._select_tree(codes, one_way, rho_tree, rng)
        order, parent = _orient(d, edges)
        parents: dict[int, list[int]] = {order[0]: []}
        for pos, x in enumerate(order[1:], start=1):
            parents[x] = [parent[x]]
            if second and pos >= 2:
                eps_node = math.sqrt(8 * (rho_sel - rho_tree) / max(1, d - 2))
                q = self._choose_second_parent(codes, x, parent[x], order[:pos], eps_node, sigma_m, rng)
                if q is not None:
                    parents[x].append(q)
        self.order_ = order
        self.parents_ = parents

        # 3. measure each (parents, column) table, then make all measurements consistent
        # larger tables get more of the budget: noise sigma_t ∝ cells^(-power/2) (sigma_m when all equal)
        cliques = [(*parents[x], x) for x in order[1:]]
        cells = [float(np.prod([sizes[i] for i in c])) for c in cliques]
        table_weight = [c ** self._table_weight_power for c in cells]
        scale = math.sqrt(sum(table_weight) / max(1, len(cliques)))
        sigmas = [sigma_m * scale / math.sqrt(w) for w in table_weight]
        self.sigma_["tables"] = sigmas
        for clique, sigma_t in zip(cliques, sigmas, strict=True):
            table = _table(codes, list(clique), [sizes[i] for i in clique])
            measurements.append(Measurement(clique, table + discrete_gaussian(rng, sigma_t, table.shape), sigma_t**2))
        total = pooled_total(measurements)
        self.pair_threshold_ = (self.min_pair_count if self.min_pair_count is not None
                                else min(_PAIR_THRESHOLD, int(total // _RECORDS_PER_PAIR_UNIT)))
        self.pair_threshold_rule_ = self.pair_threshold_
        marginals = pool_marginals(measurements, sizes, total)
        self.n_ = max(1, int(round(total)))
        self.marginals_ = marginals
        self.targets_ = [m / max(m.sum(), 1e-9) for m in marginals]
        self._fitted = [(m.clique[-1], fit_table(m.counts, [marginals[i] for i in m.clique]),
                         [marginals[i] for i in m.clique], sigma_t)
                        for m, sigma_t in zip(measurements[d:], sigmas, strict=True)]
        self._total = total
        self.conditionals_ = self._rule_conditionals = self._conditionals(self.pair_threshold_)
        return self

    def _conditionals(self, threshold: int) -> dict[int, np.ndarray]:
        """Each column's distribution given its parents, with the table cells a rare-pair threshold
        empties: below ``threshold`` records, or below one noise deviation in tables with more cells than
        the records can fill."""
        conditionals = {self.order_[0]: self.targets_[self.order_[0]][None, :]}
        for x, fitted, targets, sigma_t in self._fitted:
            minimum = float(threshold) if threshold > 1 else 0.0
            if threshold > 1 and fitted.size > self._total / sigma_t:
                minimum = max(minimum, self._noise_cells * sigma_t)
            if minimum > 0:
                fitted = drop_small_cells(fitted, targets, minimum)
            conditionals[x] = conditional(fitted, self.marginals_[x])
        return conditionals

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
            cells = base_cells * sizes[q]
            # a table whose average cell holds less than a few noise deviations is mostly noise
            if q == p or cells > self.max_cells or self.n_ / cells < self._min_signal * sigma_m:
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
        if self.min_pair_count is not None:  # the caller's threshold, whatever it moves
            out = self._draw_without_rare_pairs(n, self.pair_threshold_, self.conditionals_, rng)
        else:
            out = self._draw_within_shift(n, rng)
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


    def _draw_without_rare_pairs(self, n: int, threshold: int, conditionals: dict,
                                 rng: np.random.Generator) -> np.ndarray:
        out = self._draw(n, conditionals, rng)
        if threshold > 1:
            out = remove_rare_pairs(out, self.sizes_, threshold, rng)
            out = drop_rare_pair_rows(out, self.sizes_, threshold)
        return out

    def _draw_within_shift(self, n: int, rng: np.random.Generator) -> np.ndarray:
        """The default rule's records: the highest rare-pair threshold, from the rule's own down the
        ladder to none, whose removal leaves every column's distribution within ``max_shift`` (total
        variation) of its measured one-way marginal; ``pair_threshold_`` becomes the one used. A threshold
        that would erase the small groups of a column (say, the countries fewer than a few dozen victims
        come from) is lowered rather than move their records to other values."""
        state = rng.bit_generator.state
        rule = self.pair_threshold_rule_  # every call starts from the rule: same seed, same records

        def attempt(threshold: int) -> tuple[np.ndarray, dict, bool]:
            rng.bit_generator.state = state  # each try draws the same way
            conditionals = self._rule_conditionals if threshold == rule else self._conditionals(threshold)
            out = self._draw_without_rare_pairs(n, threshold, conditionals, rng)
            return out, conditionals, threshold <= 1 or self._shift(out) <= self.max_shift

        # the rule's own threshold first (it passes on large tables), then a bisection of the lower ones for
        # the highest that passes (the shift falls with the threshold; none always passes)
        chosen = (rule, *attempt(rule))
        if not chosen[3]:
            lower = [t for t in _PAIR_LADDER if t < rule]
            while lower:
                middle = len(lower) // 2
                tried = (lower[middle], *attempt(lower[middle]))
                if tried[3]:
                    chosen, lower = tried, lower[:middle]
                else:
                    lower = lower[middle + 1:]
        threshold, out, conditionals, _ = chosen
        self.pair_threshold_, self.conditionals_ = threshold, conditionals
        return out

    def _shift(self, out: np.ndarray) -> float:
        """The largest total variation distance between a column of ``out`` and its measured marginal."""
        if out.shape[0] == 0:
            return 1.0
        return max(0.5 * float(np.abs(np.bincount(out[:, j], minlength=self.sizes_[j]) / out.shape[0]
                                      - self.targets_[j]).sum()) for j in range(out.shape[1]))

    def _draw(self, n: int, conditionals: dict, rng: np.random.Generator) -> np.ndarray:
        """Ancestral sampling, each column raked to its measured one-way marginal."""
        out = np.zeros((n, len(self.columns_)), dtype=np.int64)
        for x in self.order_:
            cond = conditionals[x]
            pa = self.parents_[x]
            config = np.zeros(n, dtype=np.int64)
            for i in pa:
                config = config * self.sizes_[i] + out[:, i]
            if pa:
                cond = _rake(cond, np.bincount(config, minlength=cond.shape[0]).astype(float), self.targets_[x] * n)
            out[:, x] = _sample_rows(cond, config, rng)
        return out


def make_synthesizer(*, epsilon: float, delta: float, seed: int | None = None, **options) -> MarginalSynthesizer:
    """The recommended DP synthesiser (OpenDP-style constructor; parameters validated at ``fit``)."""
    return MarginalSynthesizer(epsilon=epsilon, delta=delta, seed=seed, **options)


def _groups(column: str, categories: list) -> np.ndarray | None:
    """Group index of each value of a public domain (NULL last, in a group of its own) when the column
    has a public hierarchy that makes it much coarser (countries, years); otherwise None."""
    from ctip.disclosure.hierarchies import steps

    if len(categories) <= _MIN_GROUPED:
        return None
    step = steps(column)[0]
    names = [step(v) if v is not None else None for v in categories[:-1]]
    labels = {name: i for i, name in enumerate(dict.fromkeys(n for n in names if n is not None))}
    if not labels or len(labels) > len(names) // 2:
        return None
    index = [labels[n] if n is not None else len(labels) + i for i, n in enumerate(names)]
    compact = {v: i for i, v in enumerate(dict.fromkeys(index))}
    out = np.array([compact[i] for i in index] + [len(compact)])
    return out


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
    """One value per row from the row ``config`` of ``cond``, with the counts of each configuration's
    values rounded from their expectations (systematic rounding with a random offset) instead of drawn:
    i.i.d. draws would add multinomial noise, which at a few hundred records is as large as the privacy
    noise. Values are dealt to the configuration's rows in random order, so no spurious dependence on
    other columns arises (the flaw of mbi 1.1's deterministic rounding)."""
    k = cond.shape[1]
    per_config = np.bincount(config, minlength=cond.shape[0]).astype(float)
    expected = per_config[:, None] * cond / np.maximum(cond.sum(1, keepdims=True), 1e-12)
    floor = np.floor(expected)
    cum = np.cumsum(expected - floor, axis=1) + rng.random(cond.shape[0])[:, None]
    crossings = np.diff(np.floor(cum), axis=1, prepend=np.floor(cum[:, :1] - (expected - floor)[:, :1]))
    counts = (floor + crossings).astype(np.int64)
    short = per_config.astype(np.int64) - counts.sum(1)  # float rounding: put any gap on the likeliest value
    counts[np.arange(counts.shape[0]), cond.argmax(1)] += short
    values = np.repeat(np.tile(np.arange(k), cond.shape[0]), counts.ravel())
    order = np.lexsort((rng.random(config.size), config))
    out = np.empty(config.size, dtype=np.int64)
    out[order] = values
    return out
