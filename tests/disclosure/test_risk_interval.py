"""The synthetic-risk confidence interval matches anonymeter's (Wilson rates, propagated error)."""

from __future__ import annotations

import pytest

from ctip.disclosure.risk import _risk_interval


def test_risk_interval_matches_anonymeter():
    # anonymeter 1.1: success_rate(300, 54), success_rate(300, 33), residual_success, bind_value
    assert _risk_interval(54 / 300, 300, 33 / 300, 300) == pytest.approx([0.0167, 0.1395], abs=1e-4)


def test_risk_interval_stays_within_zero_and_one():
    low, high = _risk_interval(0.0, 300, 0.2, 300)
    assert low == 0.0 and 0.0 <= high <= 1.0
    assert _risk_interval(1.0, 20, 0.0, 20)[1] == 1.0
