"""Aggregate tables: counts of every combination of up to ``max_length`` attribute values.

Two protections:

- ``ThresholdAggregates`` (k): counts below k are suppressed (primary), then more cells are suppressed
  (secondary) until no suppressed count can be worked out from the published ones and the totals. The
  attacker model: the published counts, the total number of records, and the fact that every row or
  column of a table adds up to the table one level down. A suppressed cell is recoverable when it is the
  only unknown in such a line (peeling, iterated to a fixpoint) or when no other hidden non-empty cell
  shares a line with a published total with it; for tables up to a few thousand cells the exact attack (linear programming
  with non-negativity and the "below k" bounds) is run too. A sensitive cell found recoverable makes
  the smallest published cell of one of its lines suppressed as well, and the audit starts again.
- ``DPAggregates`` (ε or ε, δ): every cell of every table over the value domain gets discrete Laplace or
  discrete Gaussian noise; cells whose noisy count is below a threshold are dropped.

Only combinations of non-missing values are published (CTDC's aggregate data); absent combinations are
indistinguishable from suppressed ones.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from statistics import NormalDist

import numpy as np
import polars as pl

from ctip.disclosure._params import Interval, OneOf, Optional, validate_params
from ctip.disclosure.errors import DisclosureError
from ctip.disclosure.noise import (
    discrete_gaussian,
    discrete_laplace,
    gaussian_sigma,
    laplace_scale,
    make_rng,
    rho_from_epsilon_delta,
)
from ctip.disclosure.table import Encoding, as_categorical, check_release_columns

MAX_CELLS = 30_000_000


def _tables(data: pl.DataFrame, max_length: int, enc: Encoding) -> dict[tuple[int, ...], np.ndarray]:
    """Full count tables (NULL is the last index of each axis) for every column set up to max_length."""
    codes = enc.encode(data)
    sizes = [enc.size(c) for c in data.columns]
    total = sum(math.prod(sizes[i] for i in s) for length in range(1, max_length + 1)
                for s in itertools.combinations(range(len(sizes)), length))
    if total > MAX_CELLS:
        raise DisclosureError(f"{total:,} cells in the tables up to length {max_length}; "
                              f"lower max_length (the limit is {MAX_CELLS:,})")
    out = {}
    for length in range(1, max_length + 1):
        for s in itertools.combinations(range(len(sizes)), length):
            shape = [sizes[i] for i in s]
            key = np.zeros(codes.shape[0], dtype=np.int64)
            for i in s:
                key = key * sizes[i] + codes[:, i]
            out[s] = np.bincount(key, minlength=math.prod(shape)).reshape(shape)
    return out


def _rows(tables: dict, published: dict, enc: Encoding, columns: Sequence[str]) -> pl.DataFrame:
    """The published cells as rows: attributes and values ``;``-joined, and the count."""
    attrs, values, counts = [], [], []
    for s, table in tables.items():
        names = ";".join(columns[i] for i in s)
        cats = [enc.categories[columns[i]] for i in s]
        for idx in zip(*np.nonzero(published[s]), strict=True):
            attrs.append(names)
            values.append(";".join(str(cats[a][int(v)]) for a, v in enumerate(idx)))
            counts.append(int(table[idx]))
    return pl.DataFrame({"attributes": attrs, "values": values, "count": counts},
                        schema={"attributes": pl.Utf8, "values": pl.Utf8, "count": pl.Int64})


def _non_null(shape: tuple[int, ...]) -> np.ndarray:
    mask = np.ones(shape, dtype=bool)
    for axis, size in enumerate(shape):
        index = [slice(None)] * len(shape)
        index[axis] = size - 1
        mask[tuple(index)] = False
    return mask


class ThresholdAggregates:
    """Counts of all value combinations up to ``max_length``, with primary and secondary suppression.

    The 2 would follow from the total minus 30 and 12, so 12 is hidden too:

    >>> frame = pl.DataFrame({"gender": ["Woman"] * 30 + ["Man"] * 12 + ["Trans"] * 2})
    >>> ThresholdAggregates(k=11, max_length=1).fit_transform(frame).get_column("values").to_list()
    ['Woman']
    """

    _parameter_constraints = {"k": Interval(int, 2, None, "left"), "max_length": Interval(int, 1, 4, "both")}
    _parameter_hints = {"k": "k = 1 suppresses nothing; CTDC uses 11."}

    def __init__(self, *, k: int = 11, max_length: int = 2) -> None:
        self.k = k
        self.max_length = max_length

    def fit_transform(self, frame: pl.DataFrame, columns: Sequence[str] | None = None) -> pl.DataFrame:
        """The published cells (``attributes``, ``values``, ``count``); ``report_`` counts suppressions."""
        validate_params(self)
        cols = check_release_columns(frame, columns)
        data = as_categorical(frame, cols)
        enc = Encoding.fit(data)
        tables = _tables(data, self.max_length, enc)
        published = {s: (t >= self.k) & _non_null(t.shape) for s, t in tables.items()}
        primary = sum(int(((t > 0) & (t < self.k) & _non_null(t.shape)).sum()) for s, t in tables.items())
        secondary, audit_used = protect(tables, published, self.k, total=data.height)
        self.tables_, self.published_ = tables, published
        self.report_ = {"k": self.k, "max_length": self.max_length, "cells_primary_suppressed": primary,
                        "cells_secondary_suppressed": secondary, "audit": audit_used, "records": data.height}
        return _rows(tables, published, enc, cols)


def _derivable(tables: dict, published: dict, total: int) -> dict[tuple[int, ...], np.ndarray]:
    """Cells an attacker can compute: published ones plus what line sums reveal, to a fixpoint."""
    known = {s: published[s].copy() for s in tables}
    changed = True
    while changed:
        changed = False
        for s, table_known in known.items():
            for axis in range(len(s)):
                margin_key = s[:axis] + s[axis + 1:]
                margin_known = known[margin_key] if margin_key else np.array(True)
                unknown = (~table_known).sum(axis=axis)
                # a line with one unknown cell and a known margin reveals that cell
                reveal = (unknown == 1) & margin_known
                if reveal.any():
                    fill = np.expand_dims(reveal, axis) & ~table_known
                    table_known |= fill
                    changed = True
                # a fully known line reveals its margin
                if margin_key:
                    new_margin = (unknown == 0) & ~margin_known
                    if new_margin.any():
                        known[margin_key] |= new_margin
                        changed = True
    return known


def _exposed_by_lines(tables: dict, published: dict, k: int, total: int) -> list[tuple]:
    """Sensitive hidden cells that line sums reveal, or whose lines with a published total offer no other
    hidden non-empty cell to absorb a change (mass could not move, so non-negativity would pin it)."""
    known = _derivable(tables, published, total)
    out = []
    for s, table in tables.items():
        hidden = ~published[s]
        sensitive = (table > 0) & (table < k) & hidden
        if not sensitive.any():
            continue
        for cell in map(tuple, np.argwhere(sensitive)):
            if known[s][cell]:
                out.append((s, cell))
                continue
            for axis in range(len(s)):
                margin_key = s[:axis] + s[axis + 1:]
                if margin_key and not published[margin_key][cell[:axis] + cell[axis + 1:]]:
                    continue  # totals worked out elsewhere are left to the exact audit
                line = list(cell)
                line[axis] = slice(None)
                partners = hidden[tuple(line)] & (table[tuple(line)] > 0)
                if int(partners.sum()) < 2:
                    out.append((s, cell))
                    break
    return out


def audit(tables: dict, published: dict, k: int, total: int) -> list[tuple]:
    """The exact attack: linear programming over all cells (published cells fixed, hidden ones >= 0, every
    line summing to its margin); returns the sensitive cells whose value it pins down. Hidden cells get no
    upper bound: an attacker cannot tell a count below k from a cell hidden to protect another."""
    from scipy.optimize import linprog
    from scipy.sparse import coo_matrix

    offsets, n = {}, 0
    for s, t in tables.items():
        offsets[s] = n
        n += t.size
    lower, upper = np.zeros(n), np.full(n, np.inf)
    rows, cols, vals, rhs = [], [], [], []
    eq = 0
    for s, t in tables.items():
        ids = offsets[s] + np.arange(t.size).reshape(t.shape)
        pub = published[s]
        lower[ids[pub]] = upper[ids[pub]] = t[pub]
        for axis in range(len(s)):
            margin = s[:axis] + s[axis + 1:]
            moved = np.moveaxis(ids, axis, -1).reshape(-1, t.shape[axis])
            margin_ids = (offsets[margin] + np.arange(moved.shape[0])) if margin else None
            for r, line in enumerate(moved):
                rows.extend([eq] * line.size)
                cols.extend(line.tolist())
                vals.extend([1.0] * line.size)
                if margin:
                    rows.append(eq)
                    cols.append(int(margin_ids[r]))
                    vals.append(-1.0)
                rhs.append(0.0 if margin else float(total))
                eq += 1
    a_eq = coo_matrix((vals, (rows, cols)), shape=(eq, n)).tocsr()
    bounds = list(zip(lower.tolist(), [None if math.isinf(u) else u for u in upper.tolist()], strict=True))
    exposed = []
    for s, t in tables.items():
        for cell in map(tuple, np.argwhere((t > 0) & (t < k) & ~published[s])):
            c = np.zeros(n)
            c[offsets[s] + int(np.ravel_multi_index(cell, t.shape))] = 1.0
            low = linprog(c, A_eq=a_eq, b_eq=rhs, bounds=bounds, method="highs")
            high = linprog(-c, A_eq=a_eq, b_eq=rhs, bounds=bounds, method="highs")
            if low.status == 0 and high.status == 0 and (-high.fun) - low.fun < 0.5:
                exposed.append((s, cell))
    return exposed


def _smallest_published_in_lines(tables: dict, published: dict, s: tuple, cell: tuple,
                                 need_published_margin: bool) -> tuple | None:
    best = None
    for axis in range(len(s)):
        margin_key = s[:axis] + s[axis + 1:]
        if need_published_margin and margin_key and not published[margin_key][cell[:axis] + cell[axis + 1:]]:
            continue
        line = list(cell)
        line[axis] = slice(None)
        candidates = np.where(published[s][tuple(line)], tables[s][tuple(line)], np.iinfo(np.int64).max)
        j = int(np.argmin(candidates))
        if candidates[j] != np.iinfo(np.int64).max and (best is None or candidates[j] < best[0]):
            target = list(cell)
            target[axis] = j
            best = (int(candidates[j]), tuple(target))
    return None if best is None else best[1]


def _hide_partner(tables: dict, published: dict, s: tuple, cell: tuple, depth: int = 0) -> bool:
    """Suppress another cell so that ``cell`` is no longer pinned: the smallest published cell of one of
    its lines (lines with a published total first), else a published total, else (one level down) a cell
    that the total is worked out from. False if nothing is left to hide."""
    for need_margin in (True, False):
        target = _smallest_published_in_lines(tables, published, s, cell, need_margin)
        if target is not None:
            published[s][target] = False
            return True
    margins = [(s[:a] + s[a + 1:], cell[:a] + cell[a + 1:]) for a in range(len(s)) if len(s) > 1]
    for key, margin_cell in margins:
        if published[key][margin_cell]:
            published[key][margin_cell] = False
            return True
    if depth == 0:
        return any(_hide_partner(tables, published, key, margin_cell, depth + 1) for key, margin_cell in margins)
    return False


def protect(tables: dict, published: dict, k: int, *, total: int, exact_limit: int = 5000) -> tuple[int, str]:
    """Suppress more published cells until no sensitive cell (1 to k-1) can be recovered.

    Returns the number of secondary suppressions and the audit used: "exact" (linear programming, when
    the tables hold at most ``exact_limit`` cells) or "lines" (line sums and movable mass, for larger
    tables, where linear programming over every cell is too slow).
    """
    secondary = 0
    size = sum(t.size for t in tables.values())
    method = "exact" if size <= exact_limit else "lines"
    while True:
        exposed = _exposed_by_lines(tables, published, k, total)
        if not exposed and method == "exact":
            exposed = audit(tables, published, k, total)
        if not exposed:
            return secondary, method
        for s, cell in exposed:  # protect every exposed cell of this round, then audit again
            if not _hide_partner(tables, published, s, cell):
                raise DisclosureError("a count below k would be recoverable whatever else is suppressed; "
                                      "release fewer columns or use the DP aggregates")
            secondary += 1


class DPAggregates:
    """Differentially private counts of all value combinations up to ``max_length``.

    ``mechanism="laplace"`` is ε-DP when every column has a public domain; ``"gaussian"`` is (ε, δ)-DP
    and adds less noise when there are many tables. Noisy counts below ``threshold`` (default: two
    standard deviations of the noise) are not published, so few pure-noise cells appear. Without public
    domains, values seen in the data form the domain: the publication threshold is raised so that the
    1-way cell of a value held by one person appears only with probability below δ/2, and a cell of a
    longer combination is published only when each of its data-derived values passed that 1-way test
    (otherwise the many empty cells of a person's rare value would each be a chance to reveal it).

    >>> from ctip.disclosure.simulate import make_ctdc_like
    >>> real = make_ctdc_like(2000, seed=1).select("gender", "ageBroad")
    >>> out = DPAggregates(epsilon=1.0, delta=1e-9, mechanism="gaussian", seed=3).fit_transform(real)
    >>> sorted(out.columns)
    ['attributes', 'count', 'values']
    """

    _parameter_constraints = {
        "epsilon": Interval(float, 0, None, "neither"),
        "delta": Optional(Interval(float, 0, 1, "neither")),
        "mechanism": OneOf(("laplace", "gaussian")),
        "max_length": Interval(int, 1, 4, "both"),
        "threshold": Optional(Interval(float, 0, None, "left")),
        "seed": Optional(Interval(int, 0, None, "left")),
    }
    _parameter_hints = {"delta": "The Gaussian mechanism needs delta > 0; consider delta=1e-9."}

    def __init__(self, *, epsilon: float, delta: float | None, mechanism: str, max_length: int = 2,
                 threshold: float | None = None, seed: int | None = None,
                 domains: dict[str, Sequence[str]] | None = None) -> None:
        self.epsilon = epsilon
        self.delta = delta
        self.mechanism = mechanism
        self.max_length = max_length
        self.threshold = threshold
        self.seed = seed
        self.domains = domains

    def fit_transform(self, frame: pl.DataFrame, columns: Sequence[str] | None = None) -> pl.DataFrame:
        validate_params(self)
        cols = check_release_columns(frame, columns)
        data = as_categorical(frame, cols)
        domains = {c: list(v) for c, v in (self.domains or {}).items() if c in cols}
        derived = [c for c in cols if c not in domains]
        if (self.mechanism == "gaussian" or derived) and self.delta is None:
            raise DisclosureError(
                "delta is needed (Gaussian noise, or columns without a public domain); consider delta=1e-9")
        enc = Encoding.fit(data, domains=domains)
        data = data.select([pl.when(pl.col(c).is_in(enc.categories[c][:-1])).then(pl.col(c)).otherwise(None)
                            .alias(c) for c in cols])
        tables = _tables(data, self.max_length, enc)
        n_tables = len(tables)
        rng = make_rng(self.seed)
        delta_mech = self.delta / 2 if (derived and self.delta) else self.delta
        if self.mechanism == "laplace":
            scale = laplace_scale(self.epsilon, n_tables)
            self.noise_ = {"mechanism": "discrete_laplace", "scale": scale}
            tail = scale * math.log(n_tables / (self.delta / 2)) if derived else 0.0
        else:
            sigma = gaussian_sigma(rho_from_epsilon_delta(self.epsilon, delta_mech), math.sqrt(n_tables))
            self.noise_ = {"mechanism": "discrete_gaussian", "sigma": sigma}
            tail = sigma * NormalDist().inv_cdf(1 - (self.delta / 2) / n_tables) if derived else 0.0
        spread = self.noise_.get("sigma") or math.sqrt(2) * self.noise_["scale"]
        # default: publish only counts two noise standard deviations above zero (post-processing)
        wanted = 2 * spread if self.threshold is None else self.threshold
        cut = max(wanted, 1 + tail) if derived else wanted
        self.threshold_ = cut
        noisy, published = {}, {}
        for s, table in tables.items():
            if self.mechanism == "laplace":
                noise = discrete_laplace(rng, self.noise_["scale"], table.shape)
            else:
                noise = discrete_gaussian(rng, self.noise_["sigma"], table.shape)
            noisy[s] = np.maximum(table + noise, 0)
            published[s] = (noisy[s] >= max(cut, 1)) & _non_null(table.shape)
        _restrict_to_released_values(published, [cols.index(c) for c in derived])
        self.report_ = {"tables": n_tables, "threshold": round(cut, 2), **self.noise_}
        return _rows(noisy, published, enc, cols)


def _restrict_to_released_values(published: dict, derived: list[int]) -> None:
    """Unpublish every cell of a longer combination holding a data-derived value whose own 1-way cell
    was not published, so the domain of each such column is itself released only through the
    thresholded 1-way counts."""
    for s, mask in published.items():
        for axis, column in enumerate(s):
            if len(s) > 1 and column in derived:
                shape = [1] * len(s)
                shape[axis] = mask.shape[axis]
                mask &= published[(column,)].reshape(shape)


def make_threshold_aggregates(*, k: int, max_length: int = 2) -> ThresholdAggregates:
    return ThresholdAggregates(k=k, max_length=max_length)


def make_dp_aggregates(*, epsilon: float, delta: float | None, mechanism: str = "gaussian",
                       max_length: int = 2, seed: int | None = None, **options) -> DPAggregates:
    return DPAggregates(epsilon=epsilon, delta=delta, mechanism=mechanism, max_length=max_length,
                        seed=seed, **options)
