"""DP synthetic records: reproducible from the seed, useful, and within the declared budget."""

from __future__ import annotations

import polars as pl
import pytest

from ctip.disclosure.metrics import k_marginal_score, rare_combinations
from ctip.disclosure.noise import epsilon_from_rho
from ctip.disclosure.simulate import make_ctdc_like
from ctip.disclosure.synthesis import MarginalSynthesizer, make_synthesizer


@pytest.fixture(scope="module")
def real() -> pl.DataFrame:
    return make_ctdc_like(20_000, seed=0)


def test_same_seed_same_synthetic_records(real):
    a = make_synthesizer(epsilon=1.0, delta=1e-9, seed=12).fit(real).sample()
    b = make_synthesizer(epsilon=1.0, delta=1e-9, seed=12).fit(real).sample()
    c = make_synthesizer(epsilon=1.0, delta=1e-9, seed=13).fit(real).sample()
    assert a.equals(b)
    assert not a.equals(c)


def test_synthetic_records_keep_the_columns_and_roughly_the_size(real):
    synth = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=1).fit(real).sample()
    assert synth.columns == real.columns
    assert abs(synth.height - real.height) < 0.05 * real.height


def test_more_budget_gives_better_marginals(real):
    scores = [k_marginal_score(real, MarginalSynthesizer(epsilon=eps, delta=1e-9, seed=2).fit(real).sample(), 2)
              for eps in (0.1, 4.0)]
    assert scores[1] > scores[0]
    assert scores[1] > 0.95


def test_privacy_budget_is_spent_exactly(real):
    model = MarginalSynthesizer(epsilon=2.0, delta=1e-9, seed=3).fit(real)
    # half of delta converts zCDP to (ε, δ) when some column learns its domain privately
    assert epsilon_from_rho(model.rho_, 1e-9 / 2) == pytest.approx(2.0)


def test_rare_values_are_not_reproduced(real):
    synth = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=4).fit(real).sample()
    assert rare_combinations(real, synth, 2)["fabricated"] < 0.1


def test_public_domains_cost_no_delta_and_unseen_values_stay_possible():
    real = pl.DataFrame({"gender": ["Woman"] * 500 + ["Man"] * 500})
    model = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=5,
                                domains={"gender": ["Woman", "Man", "Trans/Transgender/NonConforming"]}).fit(real)
    assert epsilon_from_rho(model.rho_, 1e-9) == pytest.approx(1.0)
    assert set(model.sample().get_column("gender").drop_nulls()) <= {"Woman", "Man",
                                                                      "Trans/Transgender/NonConforming"}


def test_sampling_rare_values_keeps_more_countries_than_suppressing_them(real):
    from ctip.disclosure.metrics import marginal_tvd

    cols = ["citizenship", "gender", "ageBroad"]
    domains = {c: real.get_column(c).drop_nulls().unique().to_list() for c in cols}  # taken as public here
    suppressed = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=6, domains=domains).fit(real.select(cols)).sample()
    sampled = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=6, domains=domains,
                                  rare_values="sample").fit(real.select(cols)).sample()
    countries = real.get_column("citizenship").n_unique()
    assert sampled.get_column("citizenship").n_unique() > suppressed.get_column("citizenship").n_unique()
    assert sampled.get_column("citizenship").n_unique() <= countries + 1
    assert marginal_tvd(real.select("citizenship"), sampled.select("citizenship"), 1) < \
        marginal_tvd(real.select("citizenship"), suppressed.select("citizenship"), 1)
