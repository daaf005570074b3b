"""DP synthetic records: reproducible from the seed, useful, and within the declared budget."""

from __future__ import annotations

import numpy as np
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
    options = {"epsilon": 1.0, "delta": 1e-9, "seed": 6, "domains": domains, "rare_threshold": 3.0,
               "min_pair_count": 0}
    suppressed = MarginalSynthesizer(**options).fit(real.select(cols)).sample()
    sampled = MarginalSynthesizer(**options, rare_values="sample").fit(real.select(cols)).sample()
    countries = real.get_column("citizenship").n_unique()
    assert sampled.get_column("citizenship").n_unique() > suppressed.get_column("citizenship").n_unique()
    assert sampled.get_column("citizenship").n_unique() <= countries + 1
    assert marginal_tvd(real.select("citizenship"), sampled.select("citizenship"), 1) < \
        marginal_tvd(real.select("citizenship"), suppressed.select("citizenship"), 1)


def _ctdc_domains(frame: pl.DataFrame) -> dict:
    from ctip.disclosure.release import public_domains

    return public_domains(frame.columns)


def test_a_binary_columns_ones_survive_in_a_table_of_500_records():
    real = make_ctdc_like(500, seed=3)
    share = (real.get_column("isSexualExploit") == "1").mean()
    synth = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=0, domains=_ctdc_domains(real)).fit(real).sample()
    synthetic_share = (synth.get_column("isSexualExploit") == "1").mean()
    assert share > 0.2
    assert synthetic_share > 0 and abs(synthetic_share - share) < 0.15


def test_a_table_of_500_records_gets_no_three_way_tables_and_no_rare_pair_removal():
    real = make_ctdc_like(500, seed=3)
    model = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=0, domains=_ctdc_domains(real)).fit(real)
    assert all(len(p) <= 1 for p in model.parents_.values())
    assert model.pair_threshold_ == 0


def test_default_post_processing_leaves_no_pair_of_values_rarer_than_its_threshold(real):
    model = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=8).fit(real)
    synth = model.sample()
    assert model.pair_threshold_ == 14
    smallest = min(synth.group_by([a, b]).len().get_column("len").min()
                   for i, a in enumerate(synth.columns) for b in synth.columns[i + 1:])
    assert smallest >= model.pair_threshold_


def test_a_model_sampled_twice_with_one_seed_gives_the_same_records_when_its_threshold_gives_way(real):
    model = MarginalSynthesizer(epsilon=4.0, delta=1e-9, seed=2, domains=_ctdc_domains(real)).fit(real)
    first = model.sample(seed=5)
    assert model.pair_threshold_ < model.pair_threshold_rule_ == 14
    assert first.equals(model.sample(seed=5))


@pytest.mark.parametrize("seed", [3, 5])
def test_a_threshold_given_leaves_no_pair_rarer_than_it_on_a_small_table(seed):
    """4,000 records, threshold 3: the removal leaves some records holding a rare pair, and they go, however
    many rounds that takes (dropping records makes other pairs rarer)."""
    real = make_ctdc_like(4000, seed=8)
    synth = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=seed, domains=_ctdc_domains(real),
                                min_pair_count=3).fit(real).sample()
    smallest = min(synth.group_by([a, b]).len().get_column("len").min()
                   for i, a in enumerate(synth.columns) for b in synth.columns[i + 1:])
    assert smallest >= 3 and synth.height > 3000


def _tvd(real: pl.DataFrame, synth: pl.DataFrame, column: str) -> float:
    a = real.get_column(column).value_counts(normalize=True)
    b = synth.get_column(column).value_counts(normalize=True)
    both = a.join(b, on=column, how="full", coalesce=True, nulls_equal=True).fill_null(0)
    return 0.5 * float((both.get_column("proportion") - both.get_column("proportion_right")).abs().sum())


def test_default_rule_lowers_the_threshold_rather_than_give_small_countries_victims_to_others(real):
    """With public country lists, a few thousand of the 20,000 victims come from countries too small to
    form common pairs: a threshold of 14 would move them to other countries; the default keeps them."""
    domains = _ctdc_domains(real)
    strict = MarginalSynthesizer(epsilon=4.0, delta=1e-9, seed=2, domains=domains, min_pair_count=14).fit(real)
    strict_records = strict.sample()
    default = MarginalSynthesizer(epsilon=4.0, delta=1e-9, seed=2, domains=domains).fit(real)
    assert default.pair_threshold_ == 14  # the rule's own threshold, before sampling
    records = default.sample()
    assert default.pair_threshold_ < 14 and strict.pair_threshold_ == 14
    assert _tvd(real, strict_records, "citizenship") > 0.1
    assert _tvd(real, records, "citizenship") < 0.05
    for j, column in enumerate(default.columns_):  # every column within max_shift of its measured marginal
        codes = {v: i for i, v in enumerate(default.categories_[j]) if not isinstance(v, tuple)}
        counts = np.bincount([codes[v] for v in records.get_column(column).to_list()], minlength=default.sizes_[j])
        assert 0.5 * np.abs(counts / counts.sum() - default.targets_[j]).sum() <= default.max_shift, column


def test_rare_pair_post_processing_cuts_invented_and_rare_combinations(real):
    plain = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=9, min_pair_count=0).fit(real).sample()
    cleaned = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=9).fit(real).sample()
    before, after = rare_combinations(real, plain, 2), rare_combinations(real, cleaned, 2)
    assert after["fabricated"] + after["rare"] < 0.7 * (before["fabricated"] + before["rare"])
    assert k_marginal_score(real, cleaned, 2) > k_marginal_score(real, plain, 2) - 0.02


def test_one_way_marginals_of_the_output_match_the_models_consistent_estimate(real):
    model = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=10, min_pair_count=0).fit(real)
    synth = model.sample(100_000)
    for j, column in enumerate(model.columns_):
        values = synth.get_column(column)
        for code, value in enumerate(model.categories_[j]):
            share = float(values.is_null().mean() if value is None else (values == value).fill_null(False).mean())
            assert share == pytest.approx(model.targets_[j][code], abs=0.01), (column, value)
