"""Bad privacy parameters, unknown columns and identifier columns give clear errors."""

from __future__ import annotations

import polars as pl
import pytest

from ctip.disclosure.aggregates import DPAggregates, ThresholdAggregates
from ctip.disclosure.errors import DisclosureError, InvalidParameter
from ctip.disclosure.kanon import KAnonymiser
from ctip.disclosure.simulate import make_ctdc_like
from ctip.disclosure.synthesis import MarginalSynthesizer


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return make_ctdc_like(300, seed=5).select("gender", "ageBroad", "citizenship")


@pytest.mark.parametrize("epsilon", [0, 0.0, -1.0, float("nan")])
@pytest.mark.parametrize("run", [
    lambda e, f: MarginalSynthesizer(epsilon=e, delta=1e-9).fit(f),
    lambda e, f: DPAggregates(epsilon=e, delta=1e-9, mechanism="gaussian").fit_transform(f),
])
def test_epsilon_must_be_positive(frame, run, epsilon):
    with pytest.raises(InvalidParameter, match=r"The 'epsilon' parameter of \w+ must be a float in \(0, inf\)"):
        run(epsilon, frame)


@pytest.mark.parametrize("k", [1, 0, -3, 2.5])
@pytest.mark.parametrize("cls", [KAnonymiser, ThresholdAggregates])
def test_k_must_be_at_least_two(frame, cls, k):
    with pytest.raises(InvalidParameter, match=rf"The 'k' parameter of {cls.__name__} must be an int in \[2, inf\)\. "
                                               rf"Got {k!r} instead"):
        cls(k=k).fit_transform(frame)


def test_delta_must_be_below_one(frame):
    with pytest.raises(InvalidParameter, match="The 'delta' parameter of MarginalSynthesizer.*Consider delta=1e-9"):
        MarginalSynthesizer(epsilon=1.0, delta=1.0).fit(frame)


def test_gaussian_aggregates_need_delta(frame):
    with pytest.raises(DisclosureError, match="delta is needed"):
        DPAggregates(epsilon=1.0, delta=None, mechanism="gaussian").fit_transform(frame)


@pytest.mark.parametrize("run", [
    lambda f, c: KAnonymiser(k=5).fit_transform(f, c),
    lambda f, c: ThresholdAggregates(k=5).fit_transform(f, c),
    lambda f, c: DPAggregates(epsilon=1.0, delta=1e-9, mechanism="gaussian").fit_transform(f, c),
    lambda f, c: MarginalSynthesizer(epsilon=1.0, delta=1e-9).fit(f, c),
])
def test_unknown_column_is_named(frame, run):
    with pytest.raises(DisclosureError, match=r"unknown column\(s\) 'gendre'; the table has: gender, ageBroad"):
        run(frame, ["gender", "gendre"])


@pytest.mark.parametrize("column", ["record_id", "passportNumber", "first_name", "phone", "email", "dateOfBirth"])
@pytest.mark.parametrize("run", [
    lambda f: KAnonymiser(k=5).fit_transform(f),
    lambda f: ThresholdAggregates(k=5).fit_transform(f),
    lambda f: MarginalSynthesizer(epsilon=1.0, delta=1e-9).fit(f),
])
def test_identifier_column_is_refused(frame, run, column):
    with_id = frame.with_columns(pl.lit("x").alias(column))
    with pytest.raises(DisclosureError, match=rf"identifier column\(s\) '{column}' may never be released"):
        run(with_id)
