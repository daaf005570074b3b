"""The privacy ledger: every DP release's ε and δ, with the data it was made from, against a total budget.

Under basic composition the ε (and δ) of releases that use the same person's record add up; releases
from disjoint records do not (parallel composition). A new dataset version (one more import) holds the
people of the previous versions too, so the budget is not per version: each release is charged to the
**privacy accounts** of the records it used, and a release is refused when any of its accounts would pass
the budget. An account is what identifies a group of records across versions:

- ``source:<SHA-256 of the imported file>`` for an imported batch: dropping and re-importing the same
  file, or releasing from it with ``--input FILE``, lands on the same account;
- ``casestore:<contributor>`` for the case store's extract, which each push replaces with a newer one
  holding the same people;
- ``version:<content fingerprint>`` for data without provenance (a frame given to the API).

The dataset version (a fingerprint of the released content) is still recorded with each release. Raising
the budget is an explicit, recorded decision (``ctip release ledger --set-budget``). Entries written before
accounts existed count against every release (the conservative reading). The ledger is a JSON file under
``CTIP_HOME`` (never published), written atomically under an exclusive lock.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterable, Iterator
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
    """Budget and spending per privacy account, kept in one JSON file.

    >>> import tempfile, pathlib
    >>> ledger = PrivacyLedger(pathlib.Path(tempfile.mkdtemp()) / "ledger.json")
    >>> ledger.set_budget(epsilon=2.0, delta=1e-6)
    >>> ledger.charge("v1", release_id="r1", method="synthetic", epsilon=1.5, delta=1e-9,
    ...               accounts=["source:aa", "source:bb"])
    >>> ledger.remaining_for(["source:bb", "source:cc"]).epsilon  # a new version that still holds bb
    0.5
    >>> ledger.remaining_for(["source:cc"]).epsilon  # only new records
    2.0
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
        """Set the total budget any record may spend (every account), recording the change."""
        check_param("PrivacyLedger", "epsilon", epsilon, Interval(float, 0, None, "neither"))
        check_param("PrivacyLedger", "delta", delta, Interval(float, 0, 1, "left"))
        with self._locked() as state:
            state["budget"] = {"epsilon": float(epsilon), "delta": float(delta)}
            state.setdefault("budget_changes", []).append(
                {"epsilon": float(epsilon), "delta": float(delta),
                 "changed_at": datetime.now(UTC).isoformat(timespec="seconds")})

    def budget_changes(self) -> list[dict]:
        """Every budget set, oldest first (raising the budget is a decision someone must answer for)."""
        return list(self._read().get("budget_changes", []))

    def entries(self, version: str | None = None) -> list[dict]:
        versions = self._read()["versions"]
        if version is not None:
            return [dict(e, dataset_version=version) for e in versions.get(version, [])]
        return [dict(e, dataset_version=v) for v, es in versions.items() for e in es]

    def spent(self, version: str) -> Spend:
        """What the releases made from exactly this dataset version spent."""
        return _total(self.entries(version))

    def spent_on(self, accounts: Iterable[str]) -> Spend:
        """What the records of ``accounts`` have spent: the most spent by any one of them."""
        entries = self.entries()
        return max((_total([e for e in entries if _touches(e, account)]) for account in accounts),
                   key=lambda s: (s.epsilon, s.delta), default=Spend(0.0, 0.0))

    def remaining(self, version: str) -> Spend:
        """The budget left for data with this version's own account (no provenance)."""
        return self.remaining_for([version_account(version)])

    def remaining_for(self, accounts: Iterable[str]) -> Spend:
        """The budget left for a release using the records of ``accounts``."""
        budget, spent = self.budget(), self.spent_on(accounts)
        return Spend(round(max(0.0, budget.epsilon - spent.epsilon), 12), max(0.0, budget.delta - spent.delta))

    def check(self, version: str, *, epsilon: float, delta: float, accounts: Iterable[str] | None = None) -> None:
        """Raise ``BudgetExceeded`` if spending (ε, δ) would take any of the release's accounts past the
        budget (``accounts`` default: the version's own)."""
        state = self._read()
        _refuse_if_over(state, _accounts(version, accounts), epsilon, delta)

    def charge(self, version: str, *, release_id: str, method: str, epsilon: float, delta: float,
               seed: int | None = None, accounts: Iterable[str] | None = None) -> None:
        """Check and record a release's spending atomically (the seed stays here, never in the release)."""
        accounts = _accounts(version, accounts)
        with self._locked() as state:
            _refuse_if_over(state, accounts, epsilon, delta)
            state["versions"].setdefault(version, []).append(
                {"release_id": release_id, "method": method, "epsilon": float(epsilon), "delta": float(delta),
                 "seed": seed, "accounts": accounts, "created_at": datetime.now(UTC).isoformat(timespec="seconds")})


def version_account(version: str) -> str:
    """The account of data without provenance: its content fingerprint."""
    return f"version:{version}"


def describe(account: str) -> str:
    """An account in words, for messages and pages."""
    kind, _, key = account.partition(":")
    if kind == "source":
        return f"the records imported from the file with SHA-256 {key[:12]}…"
    if kind == "casestore":
        return f"the case store's records of {key}"
    return f"the records of dataset version {key[:12]}"


def _accounts(version: str, accounts: Iterable[str] | None) -> list[str]:
    chosen = sorted(set(accounts)) if accounts is not None else []
    return chosen or [version_account(version)]


def _touches(entry: dict, account: str) -> bool:
    """Whether a recorded release used the records of ``account`` (entries without accounts: always)."""
    return "accounts" not in entry or account in entry["accounts"]


def _total(entries: list[dict]) -> Spend:
    return Spend(sum(e["epsilon"] for e in entries), sum(e["delta"] for e in entries))


def _refuse_if_over(state: dict, accounts: list[str], epsilon: float, delta: float) -> None:
    """Raise ``BudgetExceeded`` (saying what is left, where it went and how to proceed) if (ε, δ) does not
    fit the budget of every account."""
    budget = state["budget"]
    entries = [e for es in state["versions"].values() for e in es]
    for account in accounts:
        used = [e for e in entries if _touches(e, account)]
        spent = _total(used)
        eps_left, delta_left = budget["epsilon"] - spent.epsilon, budget["delta"] - spent.delta
        if epsilon > eps_left + _TOLERANCE or delta > delta_left + _TOLERANCE:
            earlier = ", ".join(sorted({e["release_id"] for e in used}))
            raise BudgetExceeded(
                f"refused: this release needs epsilon={epsilon:g}, delta={delta:g} but {describe(account)} "
                f"have only epsilon={max(0.0, eps_left):g}, delta={max(0.0, delta_left):g} left of their budget "
                f"(epsilon={budget['epsilon']:g}, delta={budget['delta']:g}), spent by {earlier}; lower epsilon "
                "(or delta), or an administrator may raise the budget ('ctip release ledger --set-budget E'), "
                "which is recorded")
