"""k-anonymity holds for every combination in every output (brute force), and generalising loses less."""

from __future__ import annotations

import itertools
from collections import Counter

import polars as pl
import pytest

from ctip.disclosure.kanon import KAnonymiser, k_anonymise
from ctip.disclosure.simulate import make_ctdc_like

SMALL = ["gender", "ageBroad", "citizenship", "CountryOfExploitation", "isForcedLabour", "meansThreats"]


def assert_k_anonymous(frame: pl.DataFrame, k: int) -> None:
    """Brute force: every combination of values over every non-empty set of columns occurs 0 or >= k times."""
    rows = frame.rows()
    for size in range(1, frame.width + 1):
        for cols in itertools.combinations(range(frame.width), size):
            counts = Counter(tuple(row[c] for c in cols) for row in rows)
            small = {combo: n for combo, n in counts.items() if n < k}
            assert not small, f"columns {[frame.columns[c] for c in cols]}: {small}"


@pytest.mark.parametrize("method", ["suppress", "generalise"])
@pytest.mark.parametrize("k", [2, 5, 11])
@pytest.mark.parametrize("seed", [0, 1])
def test_every_combination_is_shared_by_k_records(method, k, seed):
    frame = make_ctdc_like(600, seed=seed).select(SMALL)
    out, report = k_anonymise(frame, k=k, method=method)
    assert_k_anonymous(out, k)
    assert report.smallest_class >= k or out.height == 0
    assert report.records_out == out.height


def test_all_27_ctdc_columns_are_k_anonymous_together():
    frame = make_ctdc_like(1500, seed=3)
    out, _ = k_anonymise(frame, k=11, method="generalise")
    counts = Counter(out.rows())
    assert min(counts.values()) >= 11


def test_generalising_loses_fewer_records_than_ctdc_suppression():
    frame = make_ctdc_like(3000, seed=4).select(SMALL)
    _, ctdc = k_anonymise(frame, k=11, method="suppress")
    _, ours = k_anonymise(frame, k=11, method="generalise")
    assert ctdc.records_suppressed > 0
    assert ours.records_suppressed < ctdc.records_suppressed
    assert 0 < ours.information_loss < 1


def test_generalised_values_are_wider_bands_and_m49_regions():
    frame = make_ctdc_like(2000, seed=6).select("ageBroad", "citizenship", "gender")
    out = KAnonymiser(k=11).fit_transform(frame)
    values = set(out.get_column("citizenship").drop_nulls()) | set(out.get_column("ageBroad").drop_nulls())
    generalised = {v for v in values if v.startswith("M49:") or v in ("0--17", "18--29", "30--47", "18+")}
    assert generalised, "rare countries or ages should have been generalised"


def test_report_counts_what_was_lost():
    frame = pl.DataFrame({"gender": ["Woman"] * 12 + ["Man"], "ageBroad": ["18--20"] * 13})
    anonymiser = KAnonymiser(k=11, method="suppress")
    out = anonymiser.fit_transform(frame)
    assert out.height == 12
    assert anonymiser.report_.records_suppressed == 1
    assert anonymiser.report_.as_dict()["records_suppressed_share"] == round(1 / 13, 4)
