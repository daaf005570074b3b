"""The synthesiser's estimator: measurements reconciled into consistent, non-negative marginals."""

from __future__ import annotations

import numpy as np
import pytest

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


def test_projection_gives_non_negative_counts_with_the_requested_total():
    rows = np.array([[5.0, -3.0, 1.0, 0.5], [-1.0, -1.0, -1.0, 2.0]])
    out = project_simplex(rows, np.array([4.0, 10.0]))
    assert (out >= 0).all()
    assert out.sum(1) == pytest.approx([4.0, 10.0])


def test_pooled_marginal_weights_each_measurement_by_its_precision():
    one_way = Measurement((0,), np.array([60.0, 40.0]), 1.0)
    table = Measurement((0, 1), np.array([[30.0, 10.0], [25.0, 35.0]]), 2.0)  # column 0 sums: 40, 60 (var 4)
    total = pooled_total([one_way, table])
    first, second = pool_marginals([one_way, table], [2, 2], total)
    assert total == pytest.approx(100.0)
    assert first == pytest.approx([(60 / 1 + 40 / 4) / (1 + 1 / 4), (40 / 1 + 60 / 4) / (1 + 1 / 4)])
    assert second == pytest.approx([55.0, 45.0])


def test_fitted_table_is_non_negative_and_agrees_with_the_marginals():
    rng = np.random.default_rng(0)
    noisy = rng.normal(0, 5, size=(6, 4)) + np.outer([30, 20, 10, 5, 0, 0], [0.4, 0.3, 0.2, 0.1])
    rows, cols = np.array([25.0, 20.0, 12.0, 5.0, 3.0, 0.0]), np.array([25.0, 20.0, 12.0, 8.0])
    fitted = fit_table(noisy, [rows, cols])
    assert (fitted >= 0).all()
    assert fitted.sum(1) == pytest.approx(rows, abs=1e-2)
    assert fitted.sum(0) == pytest.approx(cols, abs=1e-2)
    assert fitted[-1] == pytest.approx(0, abs=1e-2)


def test_three_way_tables_agree_with_every_axis():
    rng = np.random.default_rng(1)
    noisy = rng.normal(10, 4, size=(3, 2, 4))
    targets = [np.array([100.0, 80.0, 60.0]), np.array([140.0, 100.0]), np.array([90.0, 70.0, 50.0, 30.0])]
    fitted = fit_table(noisy, targets)
    for axis, target in enumerate(targets):
        others = tuple(a for a in range(3) if a != axis)
        assert fitted.sum(axis=others) == pytest.approx(target, abs=1e-2)


def test_cells_below_the_minimum_are_emptied_and_their_mass_moves_to_their_lines():
    table = np.array([[50.0, 4.0], [30.0, 16.0]])
    out = drop_small_cells(table, [table.sum(1), table.sum(0)], minimum=5)
    assert out[0, 1] == 0
    assert out.sum() == pytest.approx(table.sum())


def test_empty_groups_kill_their_values_and_live_groups_match_their_total():
    fine = np.array([40.0, 2.0, 3.0, -4.0, 5.0])
    group = np.array([0, 0, 1, 1, 2])
    coarse = np.array([44.0, 1.0, 6.0])
    out, live = coarse_to_fine(fine, group, coarse, sigma_fine=2.0, sigma_coarse=2.0)
    assert live.tolist() == [True, True, False, False, True]
    assert out[:2].sum() == pytest.approx((42 / 8 + 44 / 4) / (1 / 8 + 1 / 4))


def test_configurations_without_mass_follow_the_columns_distribution():
    table = np.array([[3.0, 1.0], [0.0, 0.0]])
    cond = conditional(table, np.array([1.0, 3.0]))
    assert cond[0] == pytest.approx([0.75, 0.25])
    assert cond[1] == pytest.approx([0.25, 0.75])
