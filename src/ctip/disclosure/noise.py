"""Integer noise for differential privacy: discrete Laplace and discrete Gaussian, seeded.

Why our own samplers rather than OpenDP's: a release must be reproducible from its seed (the same seed
gives the same release), and OpenDP deliberately refuses seeds; we also need millions of draws at once
(every cell of every marginal), which OpenDP's per-call Python bindings make slow. The samplers are
integer-valued, so they avoid the floating-point attack on textbook Laplace (Mironov 2012), follow
Canonne, Kamath & Steinke (2020) and are checked against OpenDP's own mechanisms in the tests (same
scale, same variance). Randomness comes from a Philox counter-based generator keyed by the seed (or by
fresh operating-system entropy when no seed is given); seeds of DP releases are never published.

Privacy calibration (add/remove-one-record neighbours):
- discrete Laplace with scale ``b`` on a query of L1 sensitivity ``Δ1`` is ``Δ1/b``-DP;
- discrete Gaussian with ``σ`` on a query of L2 sensitivity ``Δ2`` is ``Δ2²/(2σ²)``-zCDP, and ρ-zCDP
  implies (ε, δ)-DP with δ = inf over α > 1 of exp((α-1)(αρ-ε)) (1-1/α)^α / (α-1) (Canonne, Kamath &
  Steinke 2020, Corollary 13; the conversion OpenDP's ``make_zCDP_to_approxDP`` makes, and smartnoise's
  MST through mbi). For ε from 0.5 to 4 at δ = 1e-9 it allows 17-33 % more ρ (8-13 % less noise) than
  the simpler bound ε = ρ + 2√(ρ ln(1/δ)), which it always improves on.
"""

from __future__ import annotations

import math

import numpy as np


def make_rng(seed: int | None) -> np.random.Generator:
    """A Philox generator keyed by ``seed`` (or by operating-system entropy when ``seed`` is None)."""
    return np.random.Generator(np.random.Philox(np.random.SeedSequence(seed)))


def discrete_laplace(rng: np.random.Generator, scale: float, size: int | tuple) -> np.ndarray:
    """Draws of the discrete Laplace: P(x) ∝ exp(-|x|/scale), x integer (difference of two geometrics).

    >>> x = discrete_laplace(make_rng(1), 2.0, 100_000)
    >>> bool(abs(x.var() - 2 * math.exp(-0.5) / (1 - math.exp(-0.5)) ** 2) < 0.3)
    True
    """
    if not scale > 0:
        raise ValueError(f"scale must be > 0, got {scale!r}")
    p = 1.0 - math.exp(-1.0 / scale)
    return (rng.geometric(p, size) - rng.geometric(p, size)).astype(np.int64)


def discrete_gaussian(rng: np.random.Generator, sigma: float, size: int | tuple) -> np.ndarray:
    """Draws of the discrete Gaussian: P(x) ∝ exp(-x²/(2σ²)), x integer (CKS 2020, Algorithm 3).

    Rejection sampling from a discrete Laplace of scale t = ⌊σ⌋ + 1, vectorised.

    >>> x = discrete_gaussian(make_rng(1), 3.0, 100_000)
    >>> bool(abs(x.std() - 3.0) < 0.05)
    True
    """
    if not sigma > 0:
        raise ValueError(f"sigma must be > 0, got {sigma!r}")
    shape = (size,) if isinstance(size, int) else tuple(size)
    total = int(np.prod(shape))
    t = math.floor(sigma) + 1
    out = np.empty(total, dtype=np.int64)
    filled = 0
    while filled < total:
        need = total - filled
        batch = int(need * 1.6) + 64
        y = discrete_laplace(rng, float(t), batch)
        accept = rng.random(batch) < np.exp(-((np.abs(y) - sigma**2 / t) ** 2) / (2 * sigma**2))
        got = y[accept][:need]
        out[filled:filled + got.size] = got
        filled += got.size
    return out.reshape(shape)


def delta_from_rho(rho: float, epsilon: float) -> float:
    """The δ for which ρ-zCDP implies (ε, δ)-DP (CKS 2020, Corollary 13).

    log δ(α) = (α-1)(αρ-ε) + α·log(1-1/α) - log(α-1) is minimised over α > 1 where its derivative
    (2α-1)ρ - ε + log(1-1/α) (increasing in α) crosses zero, found by bisection.

    >>> delta_from_rho(0.0, 1.0)
    0.0
    """
    if rho <= 0:
        return 0.0
    lo, hi = 1.0, max(2.0, (epsilon + 1.0) / (2.0 * rho) + 2.0)  # derivative < 0 near 1, > 0 at hi
    for _ in range(200):
        alpha = (lo + hi) / 2
        if (2 * alpha - 1) * rho - epsilon + math.log1p(-1.0 / alpha) < 0:
            lo = alpha
        else:
            hi = alpha
    alpha = (lo + hi) / 2
    log_delta = (alpha - 1) * (alpha * rho - epsilon) + alpha * math.log1p(-1.0 / alpha) - math.log(alpha - 1)
    return min(1.0, math.exp(min(log_delta, 0.0)))


def _bisect(predicate, lo: float, hi: float) -> float:
    """The boundary in [lo, hi] where ``predicate`` turns from True to False (to float precision)."""
    for _ in range(200):
        mid = (lo + hi) / 2
        if mid in (lo, hi):
            break
        lo, hi = (mid, hi) if predicate(mid) else (lo, mid)
    return lo


def rho_from_epsilon_delta(epsilon: float, delta: float) -> float:
    """The largest ρ such that ρ-zCDP implies (ε, δ)-DP.

    >>> round(rho_from_epsilon_delta(1.0, 1e-6), 4)
    0.0244
    """
    log_term = math.log(1.0 / delta)
    simple = (math.sqrt(log_term + epsilon) - math.sqrt(log_term)) ** 2  # a ρ that is certainly enough
    return _bisect(lambda rho: delta_from_rho(rho, epsilon) <= delta, simple, epsilon + 1.0)


def epsilon_from_rho(rho: float, delta: float) -> float:
    """The smallest ε of the (ε, δ)-DP guarantee implied by ρ-zCDP."""
    simple = rho + 2.0 * math.sqrt(rho * math.log(1.0 / delta))
    return simple - _bisect(lambda cut: delta_from_rho(rho, simple - cut) <= delta, 0.0, simple)


def gaussian_sigma(rho: float, l2_sensitivity: float) -> float:
    """σ of the discrete Gaussian that makes a query of this L2 sensitivity ρ-zCDP."""
    return l2_sensitivity / math.sqrt(2.0 * rho)


def laplace_scale(epsilon: float, l1_sensitivity: float) -> float:
    """Scale of the discrete Laplace that makes a query of this L1 sensitivity ε-DP."""
    return l1_sensitivity / epsilon
