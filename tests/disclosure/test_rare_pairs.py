"""The rare-pair post-processing: it removes rare pairs by changing few cells, and only cells in rare pairs."""

from __future__ import annotations

import numpy as np
import pytest

from ctip.disclosure.noise import make_rng
from ctip.disclosure.rare_pairs import count_rare_pairs, remove_rare_pairs
from ctip.disclosure.simulate import make_ctdc_like
from ctip.disclosure.synthesis import MarginalSynthesizer


@pytest.fixture(scope="module")
def drawn():
    """Records as the model draws them, before post-processing (20,000 CTDC-like records, ε = 1)."""
    model = MarginalSynthesizer(epsilon=1.0, delta=1e-9, seed=8).fit(make_ctdc_like(20_000, seed=1))
    return model, model._draw(model.n_, model.conditionals_, make_rng(3))


def test_removes_rare_pairs_by_changing_only_cells_of_records_holding_one(drawn):
    model, records = drawn
    threshold = model.pair_threshold_
    before = count_rare_pairs(records, model.sizes_, threshold)
    after = remove_rare_pairs(records, model.sizes_, threshold, make_rng(4))
    assert before > 50
    assert count_rare_pairs(after, model.sizes_, threshold) < 0.1 * before
    changed_rows = np.flatnonzero((after != records).any(1))
    assert 0 < changed_rows.size < 0.15 * records.shape[0]
    cells = (after != records).sum(1)[changed_rows]
    assert cells.mean() < 1.5 and cells.max() <= 5  # mostly one cell per record, never the whole record


def test_keeps_each_columns_distribution_of_the_records_as_drawn(drawn):
    """Moves out of a value and into it balance: no column's distribution shifts by more than 3 %."""
    model, records = drawn
    after = remove_rare_pairs(records, model.sizes_, model.pair_threshold_, make_rng(4))
    for j, size in enumerate(model.sizes_):
        shift = 0.5 * np.abs(np.bincount(after[:, j], minlength=size) - np.bincount(records[:, j], minlength=size)).sum()
        assert shift / records.shape[0] < 0.03, model.columns_[j]


def test_same_generator_seed_same_result(drawn):
    model, records = drawn
    first = remove_rare_pairs(records, model.sizes_, model.pair_threshold_, make_rng(5))
    assert np.array_equal(first, remove_rare_pairs(records, model.sizes_, model.pair_threshold_, make_rng(5)))
