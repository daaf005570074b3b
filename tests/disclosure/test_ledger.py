"""The privacy ledger adds up ε and δ per dataset version and refuses what passes the budget."""

from __future__ import annotations

import pytest

from ctip.disclosure.errors import BudgetExceeded, InvalidParameter
from ctip.disclosure.ledger import PrivacyLedger


@pytest.fixture
def ledger(tmp_path) -> PrivacyLedger:
    ledger = PrivacyLedger(tmp_path / "ledger.json")
    ledger.set_budget(epsilon=3.0, delta=1e-6)
    return ledger


def test_spending_adds_up_per_dataset_version(ledger):
    ledger.charge("v1", release_id="a", method="synthetic", epsilon=1.0, delta=1e-9)
    ledger.charge("v1", release_id="b", method="aggregates-dp", epsilon=0.5, delta=1e-9)
    ledger.charge("v2", release_id="c", method="synthetic", epsilon=2.0, delta=1e-9)
    assert ledger.remaining("v1").epsilon == pytest.approx(1.5)
    assert ledger.remaining("v2").epsilon == pytest.approx(1.0)
    assert [e["release_id"] for e in ledger.entries("v1")] == ["a", "b"]


def test_over_budget_release_is_refused_with_what_is_left(ledger):
    ledger.charge("v1", release_id="a", method="synthetic", epsilon=2.5, delta=1e-9)
    with pytest.raises(BudgetExceeded, match=r"needs epsilon=1.*have only epsilon=0.5.*left of their budget.*spent by a"):
        ledger.charge("v1", release_id="b", method="synthetic", epsilon=1.0, delta=1e-9)
    assert [e["release_id"] for e in ledger.entries("v1")] == ["a"]
    with pytest.raises(BudgetExceeded):
        ledger.check("v1", epsilon=0.6, delta=0.0)
    ledger.check("v1", epsilon=0.5, delta=0.0)


def test_delta_budget_is_enforced_too(ledger):
    with pytest.raises(BudgetExceeded, match="delta"):
        ledger.charge("v1", release_id="a", method="synthetic", epsilon=0.1, delta=1e-5)


def test_budget_must_be_positive(ledger):
    with pytest.raises(InvalidParameter, match="The 'epsilon' parameter of PrivacyLedger must be a float in"):
        ledger.set_budget(epsilon=0, delta=1e-6)
