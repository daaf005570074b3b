"""The noise of each mechanism matches its ε (or ρ) over repeated seeded draws.

Tolerances: with 200,000 draws the sample variance is within 3 % of the exact variance (its relative
standard error is about 0.5 %), and the empirical privacy loss ln(P[x]/P[x+Δ]) at the most frequent
outputs is within 0.05 of ε.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from ctip.disclosure.noise import (
    discrete_gaussian,
    discrete_laplace,
    epsilon_from_rho,
    gaussian_sigma,
    laplace_scale,
    make_rng,
    rho_from_epsilon_delta,
)

DRAWS = 200_000


def laplace_variance(scale: float) -> float:
    a = math.exp(-1 / scale)
    return 2 * a / (1 - a) ** 2


@pytest.mark.parametrize("epsilon", [0.5, 1.0, 4.0])
@pytest.mark.parametrize("sensitivity", [1, 3])
def test_discrete_laplace_variance_matches_epsilon(epsilon, sensitivity):
    scale = laplace_scale(epsilon, sensitivity)
    x = discrete_laplace(make_rng(42), scale, DRAWS)
    assert x.var() == pytest.approx(laplace_variance(scale), rel=0.03)
    assert abs(x.mean()) < 5 * math.sqrt(laplace_variance(scale) / DRAWS)


@pytest.mark.parametrize("epsilon", [0.5, 1.0, 2.0])
def test_discrete_laplace_privacy_loss_is_epsilon(epsilon):
    """Neighbouring counts c and c+1 give output distributions whose log-ratio is at most ε."""
    x = discrete_laplace(make_rng(7), laplace_scale(epsilon, 1), 2_000_000)
    values, counts = np.unique(x, return_counts=True)
    freq = dict(zip(values.tolist(), counts.tolist(), strict=True))
    losses = [math.log(freq[v] / freq[v + 1]) for v in range(0, 3) if freq.get(v + 1, 0) > 10_000]
    assert losses
    for loss in losses:
        assert loss == pytest.approx(epsilon, abs=0.05)


@pytest.mark.parametrize("epsilon", [0.5, 1.0, 4.0])
def test_discrete_gaussian_sigma_matches_epsilon_delta(epsilon):
    delta = 1e-9
    rho = rho_from_epsilon_delta(epsilon, delta)
    assert epsilon_from_rho(rho, delta) == pytest.approx(epsilon)
    sigma = gaussian_sigma(rho, 1.0)
    x = discrete_gaussian(make_rng(3), sigma, DRAWS)
    assert x.std() == pytest.approx(sigma, rel=0.03)
    assert abs(x.mean()) < 5 * sigma / math.sqrt(DRAWS)


def test_same_seed_same_noise_and_fresh_entropy_without_seed():
    assert np.array_equal(discrete_gaussian(make_rng(5), 4.0, 100), discrete_gaussian(make_rng(5), 4.0, 100))
    assert not np.array_equal(discrete_laplace(make_rng(None), 4.0, 100), discrete_laplace(make_rng(None), 4.0, 100))


def test_our_samplers_match_opendp():
    """Cross-check with OpenDP's vetted integer mechanisms at the same scale: same variance."""
    dp = pytest.importorskip("opendp.prelude")
    dp.enable_features("contrib")
    space = dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int)
    laplace = dp.m.make_laplace(*space, scale=2.0)
    reference = np.array(laplace([0] * 50_000))
    ours = discrete_laplace(make_rng(1), 2.0, 50_000)
    assert ours.var() == pytest.approx(reference.var(), rel=0.06)
    gauss_space = dp.vector_domain(dp.atom_domain(T=int)), dp.l2_distance(T=int)
    gaussian = dp.m.make_gaussian(*gauss_space, scale=3.0)
    reference = np.array(gaussian([0] * 50_000))
    ours = discrete_gaussian(make_rng(1), 3.0, 50_000)
    assert ours.std() == pytest.approx(reference.std(), rel=0.03)


@pytest.mark.parametrize("sigma", [3.0, 10.0, 40.0])
@pytest.mark.parametrize("delta", [1e-6, 1e-9])
def test_zcdp_to_approximate_dp_matches_opendp(sigma, delta):
    """The ε a Gaussian's ρ buys at δ is the one OpenDP's optimal conversion states, and it is below the
    simpler bound ρ + 2√(ρ ln 1/δ) (the noise saved is real, not a looser guarantee)."""
    dp = pytest.importorskip("opendp.prelude")
    dp.enable_features("contrib")
    space = dp.atom_domain(T=int), dp.absolute_distance(T=int)
    profile = dp.c.make_zCDP_to_approxDP(dp.m.make_gaussian(*space, scale=sigma)).map(1)
    rho = 1 / (2 * sigma**2)
    assert gaussian_sigma(rho, 1.0) == pytest.approx(sigma)
    assert epsilon_from_rho(rho, delta) == pytest.approx(profile.epsilon(delta), rel=1e-6)
    assert epsilon_from_rho(rho, delta) < rho + 2 * math.sqrt(rho * math.log(1 / delta))
    assert rho_from_epsilon_delta(profile.epsilon(delta), delta) == pytest.approx(rho, rel=1e-6)
