"""Protected tables: no count below k is published or can be recovered from totals; DP tables are noisy."""

from __future__ import annotations

import itertools

import numpy as np
import polars as pl
import pytest
from scipy.optimize import linprog

from ctip.disclosure.aggregates import DPAggregates, ThresholdAggregates, _restrict_to_released_values
from ctip.disclosure.simulate import make_ctdc_like


def recover(agg: ThresholdAggregates, total: int, k: int) -> list[tuple]:
    """The attack: every table cell is an unknown >= 0; published cells are fixed; every line of a table
    sums to the cell of the table one level down (the total for one-way tables). A sensitive cell is
    recovered if its smallest and largest feasible values agree. (Hidden cells have no upper bound: the
    attacker cannot tell a count below k from a cell suppressed to protect another.)"""
    tables, published = agg.tables_, agg.published_
    index, offset = {}, 0
    for s, t in tables.items():
        index[s] = (offset, t.shape)
        offset += t.size
    n = offset
    rows, rhs = [], []
    bounds = [(0, None)] * n

    def var(s, cell):
        start, shape = index[s]
        return start + int(np.ravel_multi_index(cell, shape))

    for s, t in tables.items():
        for cell in itertools.product(*[range(size) for size in t.shape]):
            if published[s][cell]:
                bounds[var(s, cell)] = (int(t[cell]), int(t[cell]))
        for axis in range(len(s)):
            margin = s[:axis] + s[axis + 1:]
            other = [range(size) for i, size in enumerate(t.shape) if i != axis]
            for fixed in itertools.product(*other):
                row = np.zeros(n)
                for v in range(t.shape[axis]):
                    cell = fixed[:axis] + (v,) + fixed[axis:]
                    row[var(s, cell)] = 1
                if margin:
                    row[var(margin, fixed)] -= 1
                    rhs.append(0)
                else:
                    rhs.append(total)
                rows.append(row)
    a_eq, b_eq = np.array(rows), np.array(rhs)
    recovered = []
    for s, t in tables.items():
        sensitive = (t > 0) & (t < k) & ~published[s]
        for cell in zip(*np.nonzero(sensitive), strict=True):
            c = np.zeros(n)
            c[var(s, cell)] = 1
            low = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
            high = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=bounds, method="highs")
            assert low.status == 0, low.message  # the real table is always a solution
            if high.status == 0 and -high.fun - low.fun < 0.5:
                recovered.append((s, cell, int(t[cell])))
    return recovered


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("columns", [("gender", "ageBroad", "isForcedLabour"),
                                     ("gender", "traffickMonths", "meansThreats", "isSexualExploit")])
def test_no_suppressed_cell_can_be_recovered_from_totals(seed, columns):
    frame = make_ctdc_like(150, seed=seed).select(columns)
    agg = ThresholdAggregates(k=5, max_length=2)
    out = agg.fit_transform(frame)
    assert out.height > 0
    assert agg.report_["cells_primary_suppressed"] > 0
    assert recover(agg, frame.height, 5) == []


def test_secondary_suppression_hides_a_lone_small_cell():
    # gender has no missing value, so a single small count would follow from the total
    frame = pl.DataFrame({"gender": ["Woman"] * 20 + ["Man"] * 15 + ["Trans"] * 2})
    agg = ThresholdAggregates(k=5, max_length=1)
    out = agg.fit_transform(frame)
    assert out.get_column("values").to_list() == ["Woman"]  # Man hidden too, or Trans = total - 35
    assert agg.report_["cells_secondary_suppressed"] == 1
    assert recover(agg, frame.height, 5) == []
    frame = pl.DataFrame({"gender": ["Woman"] * 20 + ["Man"] * 15 + ["Trans"] * 2,
                          "age": ["a"] * 10 + ["b"] * 10 + ["a"] * 8 + ["b"] * 7 + ["a", "b"]})
    agg = ThresholdAggregates(k=5, max_length=2)
    out = agg.fit_transform(frame.with_columns(pl.when(pl.int_range(pl.len()) == 0).then(None)
                                               .otherwise(pl.col("gender")).alias("gender")))
    assert recover(agg, frame.height, 5) == []
    assert out.get_column("count").min() >= 5


def test_published_counts_are_never_below_k():
    frame = make_ctdc_like(2000, seed=9)
    out = ThresholdAggregates(k=11, max_length=2).fit_transform(frame)
    assert out.get_column("count").min() >= 11
    assert set(out.columns) == {"attributes", "values", "count"}
    first = out.row(0, named=True)
    assert len(first["attributes"].split(";")) == len(first["values"].split(";"))


def test_dp_aggregates_are_noisy_but_close_on_large_counts():
    frame = make_ctdc_like(20_000, seed=2).select("gender", "ageBroad")
    agg = DPAggregates(epsilon=1.0, delta=1e-9, mechanism="gaussian", max_length=1, seed=4)
    out = agg.fit_transform(frame)
    women = out.filter(pl.col("values") == "Woman").get_column("count")[0]
    truth = frame.filter(pl.col("gender") == "Woman").height
    assert women != truth
    assert abs(women - truth) < 6 * agg.noise_["sigma"]


def test_dp_aggregates_same_seed_same_counts():
    frame = make_ctdc_like(3000, seed=2).select("gender", "ageBroad", "isForcedLabour")
    runs = [DPAggregates(epsilon=1.0, delta=None, mechanism="laplace", seed=11,
                         domains={"gender": ["Woman", "Man", "Trans/Transgender/NonConforming"],
                                  "ageBroad": ["0--8", "09--17", "18--20", "21--23", "24--26", "27--29",
                                               "30--38", "39--47", "48+"], "isForcedLabour": ["1"]})
            .fit_transform(frame) for _ in range(2)]
    assert runs[0].equals(runs[1])


def test_combinations_of_a_data_derived_value_need_its_one_way_cell_published():
    """A value learnt from the data appears in a 2-way cell only if its own 1-way count passed the
    threshold, so the many empty cells of one person's rare value cannot reveal it."""
    published = {(0,): np.array([True, False, False]), (1,): np.array([True, True, False]),
                 (0, 1): np.ones((3, 3), dtype=bool)}
    _restrict_to_released_values(published, derived=[0])
    assert published[(0, 1)].tolist() == [[True, True, True], [False, False, False], [False, False, False]]
    assert published[(1,)].tolist() == [True, True, False], "public-domain columns are left alone"
