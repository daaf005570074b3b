"""Consistent marginals from noisy measurements: the estimation step of the marginal synthesiser.

The synthesiser measures, with Gaussian noise, every column's one-way marginal and one table per
column of its Bayesian network (the column with its parents). Read separately, these measurements
disagree: the same column's distribution can be read from its one-way measurement and from every
table that contains it, each with its own noise. Private-PGM (McKenna et al., the estimator behind
MST) reconciles all measurements jointly. For the cliques of a tree (plus second parents) this is
done here in two exact, cheap steps:

1. ``pool_marginals``: each column's counts are the inverse-variance weighted mean of every
   measurement that contains it (its one-way measurement and the sums of its tables), projected onto
   non-negative counts with the pooled total;
2. ``fit_table``: each measured table is replaced by the closest (least-squares) non-negative table
   whose one-way sums equal those pooled marginals (Dykstra's alternating projections).

Tables that share a column then agree on it, so sampling from them reproduces the pooled one-way
marginals, which use every measurement. Everything here is post-processing of noisy counts.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Measurement:
    """Noisy counts of the marginal over ``clique`` (column indexes, in table axis order) and the noise
    variance of each cell (a scalar or an array of the table's shape)."""

    clique: tuple[int, ...]
    counts: np.ndarray
    variance: np.ndarray | float

    def marginal(self, column: int) -> tuple[np.ndarray, np.ndarray]:
        """The measured counts of one of its columns (summing the others out) and their variances."""
        axis = self.clique.index(column)
        others = tuple(a for a in range(self.counts.ndim) if a != axis)
        variance = np.broadcast_to(np.asarray(self.variance, dtype=float), self.counts.shape)
        return self.counts.sum(axis=others), variance.sum(axis=others)

    def total(self) -> tuple[float, float]:
        variance = np.broadcast_to(np.asarray(self.variance, dtype=float), self.counts.shape)
        return float(self.counts.sum()), float(variance.sum())


def project_simplex(rows: np.ndarray, totals: np.ndarray) -> np.ndarray:
    """Each row's closest (Euclidean) non-negative vector summing to its total (Duchi et al. 2008).

    This removes noise on empty cells: the projection subtracts one level per row and clips at zero,
    so rows whose noise adds up to much more than their total are thresholded harder.
    """
    k = rows.shape[1]
    u = -np.sort(-rows, axis=1)
    css = np.cumsum(u, axis=1) - totals[:, None]
    ind = np.arange(1, k + 1)
    cond = u - css / ind > 0
    rho = np.maximum(cond.sum(axis=1) - 1, 0)
    theta = css[np.arange(rows.shape[0]), rho] / (rho + 1)
    return np.maximum(rows - theta[:, None], 0.0)


def coarse_to_fine(fine: np.ndarray, group: np.ndarray, coarse: np.ndarray, sigma_fine: float,
                   sigma_coarse: float, z: float = 2.0) -> tuple[np.ndarray, np.ndarray]:
    """Combine a noisy histogram over fine values with a noisy histogram over their public groups
    (countries in UN M49 sub-regions, years in five-year periods).

    ``group[i]`` is the group of fine value ``i``. A group whose noisy count does not pass ``z`` noise
    deviations is taken as empty: its values are marked dead (one test per group instead of one per
    value, so the noise of hundreds of empty values does not become records). In the other groups the
    fine counts are shifted to the inverse-variance weighted group total. Returns the fine counts and
    the mask of live values.

    >>> fine, live = coarse_to_fine(np.array([30.0, 1.0, -2.0, 3.0]), np.array([0, 0, 1, 1]),
    ...                              np.array([33.0, 0.0]), 2.0, 2.0)
    >>> live.tolist(), fine[:2].round(1).tolist()
    ([True, True, False, False], [30.7, 1.7])
    """
    passed = coarse > z * sigma_coarse
    live = passed[group]
    size = np.bincount(group, minlength=coarse.size).astype(float)
    sums = np.bincount(group, weights=fine.astype(float), minlength=coarse.size)
    var_sum = np.maximum(size, 1.0) * sigma_fine**2
    total = (sums / var_sum + coarse / sigma_coarse**2) / (1.0 / var_sum + 1.0 / sigma_coarse**2)
    shift = np.where(size > 0, (total - sums) / np.maximum(size, 1.0), 0.0)
    return fine + shift[group], live


def pooled_total(measurements: Sequence[Measurement]) -> float:
    """The number of records, from the totals of all measurements weighted by inverse variance."""
    totals = [m.total() for m in measurements]
    weights = np.array([1.0 / max(v, 1e-12) for _, v in totals])
    return max(1.0, float(np.dot(weights, [t for t, _ in totals]) / weights.sum()))


def pool_marginals(measurements: Sequence[Measurement], sizes: Sequence[int], total: float) -> list[np.ndarray]:
    """Every column's counts from all measurements containing it (inverse-variance weights per cell),
    projected onto non-negative counts summing to ``total``."""
    out = []
    for column, size in enumerate(sizes):
        num, den = np.zeros(size), np.zeros(size)
        for m in measurements:
            if column in m.clique:
                counts, variance = m.marginal(column)
                num += counts / np.maximum(variance, 1e-12)
                den += 1.0 / np.maximum(variance, 1e-12)
        if not den.any():
            raise ValueError(f"column {column} is in no measurement")
        out.append(project_simplex((num / den)[None, :], np.array([total]))[0])
    return out


def fit_table(noisy: np.ndarray, targets: Sequence[np.ndarray], *, iterations: int = 500,
              tolerance: float = 1e-3) -> np.ndarray:
    """The non-negative table closest to ``noisy`` (least squares) whose sums along each axis equal
    ``targets`` (one vector per axis, all with the same total), by Dykstra's algorithm.

    The equality sets are affine, so only the non-negativity step needs Dykstra's correction term.
    Stops when every axis sum is within ``tolerance`` records of its target.

    >>> fit_table(np.array([[5.0, -1.0], [1.0, 3.0]]), [np.array([4.0, 4.0]), np.array([5.0, 3.0])]).round(2)
    array([[4., 0.],
           [1., 3.]])
    """
    x = noisy.astype(float).copy()
    correction = np.zeros_like(x)
    axes = range(x.ndim)
    shapes = [[-1 if a == axis else 1 for a in axes] for axis in axes]
    for _ in range(iterations):
        for axis, target in enumerate(targets):
            others = tuple(a for a in axes if a != axis)
            x += ((target - x.sum(axis=others)) / (x.size / x.shape[axis])).reshape(shapes[axis])
        shifted = x + correction
        x = np.maximum(shifted, 0.0)
        correction = shifted - x
        worst = max(float(np.abs(x.sum(axis=tuple(a for a in axes if a != axis)) - target).max())
                    for axis, target in enumerate(targets))
        if worst <= tolerance:
            break
    return x


def drop_small_cells(table: np.ndarray, targets: Sequence[np.ndarray], minimum: float, *,
                     iterations: int = 30) -> np.ndarray:
    """Empty the cells below ``minimum`` records and rescale the rest to the axis sums ``targets``
    (iterative proportional fitting, which keeps empty cells empty).

    A cell with fewer expected records than the rare-pair threshold would only yield rare or invented
    combinations; its mass goes to the common cells of its rows and columns instead. Lines left empty
    keep nothing (their configurations are sampled from the column's own distribution).
    """
    x = np.where(table >= minimum, table, 0.0)
    axes = range(x.ndim)
    for _ in range(iterations):
        for axis, target in enumerate(targets):
            sums = x.sum(axis=tuple(a for a in axes if a != axis))
            scale = np.where(sums > 0, target / np.maximum(sums, 1e-12), 1.0)
            x *= scale.reshape([-1 if a == axis else 1 for a in axes])
    return x


def conditional(table: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    """P(last axis | the other axes) as a (configurations × values) array; configurations the table
    gives no mass fall back on ``fallback`` (the column's own distribution)."""
    flat = table.reshape(-1, table.shape[-1])
    rows = flat.sum(1, keepdims=True)
    fallback = fallback / max(float(fallback.sum()), 1e-12)
    return np.where(rows > 1e-9, flat / np.maximum(rows, 1e-12), fallback[None, :])
