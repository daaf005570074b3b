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
  implies (ρ + 2√(ρ ln(1/δ)), δ)-DP for every δ > 0.
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


def rho_from_epsilon_delta(epsilon: float, delta: float) -> float:
    """The largest ρ such that ρ-zCDP implies (ε, δ)-DP through ε = ρ + 2√(ρ ln(1/δ)).

    >>> round(rho_from_epsilon_delta(1.0, 1e-6), 4)
    0.0175
    """
    log_term = math.log(1.0 / delta)
    return (math.sqrt(log_term + epsilon) - math.sqrt(log_term)) ** 2


def epsilon_from_rho(rho: float, delta: float) -> float:
    """ε of the (ε, δ)-DP guarantee implied by ρ-zCDP."""
    return rho + 2.0 * math.sqrt(rho * math.log(1.0 / delta))


def gaussian_sigma(rho: float, l2_sensitivity: float) -> float:
    """σ of the discrete Gaussian that makes a query of this L2 sensitivity ρ-zCDP."""
    return l2_sensitivity / math.sqrt(2.0 * rho)


def laplace_scale(epsilon: float, l1_sensitivity: float) -> float:
    """Scale of the discrete Laplace that makes a query of this L1 sensitivity ε-DP."""
    return l1_sensitivity / epsilon
