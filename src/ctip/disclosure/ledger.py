"""The privacy ledger: every DP release's ε and δ, per dataset version, against a total budget.

Under basic composition the ε (and δ) of releases from the same data add up, so the ledger refuses a
release that would take a dataset version past its budget and says what is left. The ledger is a JSON
file under ``CTIP_HOME`` (never published), written atomically under an exclusive lock.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ctip import config
from ctip.disclosure._params import Interval, check_param
from ctip.disclosure.errors import BudgetExceeded

DEFAULT_BUDGET = {"epsilon": 10.0, "delta": 1e-6}
_TOLERANCE = 1e-12


@dataclass(frozen=True)
class Spend:
    epsilon: float
    delta: float


def default_path() -> Path:
    return config.home() / "privacy_ledger.json"


class PrivacyLedger:
    """Budget and spending per dataset version, kept in one JSON file.

    >>> import tempfile, pathlib
    >>> ledger = PrivacyLedger(pathlib.Path(tempfile.mkdtemp()) / "ledger.json")
    >>> ledger.set_budget(epsilon=2.0, delta=1e-6)
    >>> ledger.charge("v1", release_id="r1", method="synthetic", epsilon=1.5, delta=1e-9)
    >>> ledger.remaining("v1").epsilon
    0.5
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else default_path()

    @contextmanager
    def _locked(self) -> Iterator[dict]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            state = self._read()
            before = json.dumps(state, sort_keys=True)
            yield state
            if json.dumps(state, sort_keys=True) != before:
                tmp = self.path.with_suffix(".tmp")
                tmp.write_text(json.dumps(state, indent=2, sort_keys=True), encoding="utf-8")
                os.replace(tmp, self.path)

    def _read(self) -> dict:
        if not self.path.exists():
            return {"budget": dict(DEFAULT_BUDGET), "versions": {}}
        return json.loads(self.path.read_text(encoding="utf-8"))

    def budget(self) -> Spend:
        state = self._read()
        return Spend(float(state["budget"]["epsilon"]), float(state["budget"]["delta"]))

    def set_budget(self, *, epsilon: float, delta: float) -> None:
        """Set the total budget every dataset version may spend."""
        check_param("PrivacyLedger", "epsilon", epsilon, Interval(float, 0, None, "neither"))
        check_param("PrivacyLedger", "delta", delta, Interval(float, 0, 1, "left"))
        with self._locked() as state:
            state["budget"] = {"epsilon": float(epsilon), "delta": float(delta)}

    def entries(self, version: str | None = None) -> list[dict]:
        versions = self._read()["versions"]
        if version is not None:
            return [dict(e, dataset_version=version) for e in versions.get(version, [])]
        return [dict(e, dataset_version=v) for v, es in versions.items() for e in es]

    def spent(self, version: str) -> Spend:
        entries = self.entries(version)
        return Spend(sum(e["epsilon"] for e in entries), sum(e["delta"] for e in entries))

    def remaining(self, version: str) -> Spend:
        budget, spent = self.budget(), self.spent(version)
        return Spend(round(max(0.0, budget.epsilon - spent.epsilon), 12),
                     max(0.0, budget.delta - spent.delta))

    def check(self, version: str, *, epsilon: float, delta: float) -> None:
        """Raise ``BudgetExceeded`` if spending (ε, δ) would pass the budget of ``version``."""
        state = self._read()
        _refuse_if_over(state["budget"], state["versions"].get(version, []), version, epsilon, delta)

    def charge(self, version: str, *, release_id: str, method: str, epsilon: float, delta: float,
               seed: int | None = None) -> None:
        """Check and record a release's spending atomically (the seed stays here, never in the release)."""
        with self._locked() as state:
            budget = state["budget"]
            spent = state["versions"].setdefault(version, [])
            try:
                _refuse_if_over(budget, spent, version, epsilon, delta)
            except BudgetExceeded:
                if not spent:
                    del state["versions"][version]
                raise
            spent.append({"release_id": release_id, "method": method, "epsilon": float(epsilon),
                          "delta": float(delta), "seed": seed,
                          "created_at": datetime.now(UTC).isoformat(timespec="seconds")})


def _refuse_if_over(budget: dict, spent: list[dict], version: str, epsilon: float, delta: float) -> None:
    """Raise ``BudgetExceeded`` (saying what is left and how to proceed) if (ε, δ) does not fit."""
    eps_left = budget["epsilon"] - sum(e["epsilon"] for e in spent)
    delta_left = budget["delta"] - sum(e["delta"] for e in spent)
    if epsilon > eps_left + _TOLERANCE or delta > delta_left + _TOLERANCE:
        raise BudgetExceeded(
            f"refused: this release needs epsilon={epsilon:g}, delta={delta:g} but dataset version "
            f"{version[:12]} has only epsilon={max(0.0, eps_left):g}, delta={max(0.0, delta_left):g} left of "
            f"its budget (epsilon={budget['epsilon']:g}, delta={budget['delta']:g}); lower epsilon (or delta), "
            "or wait for a new dataset version")
