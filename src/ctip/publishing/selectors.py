"""Reads of the publishing app: releases with their request state, and the privacy ledger."""

from __future__ import annotations

from dataclasses import dataclass

from ctip.disclosure.ledger import PrivacyLedger
from ctip.disclosure.registry import IncompleteRelease, ReleaseInfo, incomplete_releases, list_releases
from ctip.publishing.models import PublicationRequest


@dataclass(frozen=True)
class ReleaseRow:
    release: ReleaseInfo
    request: PublicationRequest | None


def release_list() -> list[ReleaseRow]:
    releases = list_releases()
    requests = {r.release_id: r for r in PublicationRequest.objects.filter(
        release_id__in=[r.id for r in releases]).select_related("requested_by", "decided_by")}
    return [ReleaseRow(r, requests.get(r.id)) for r in releases]


def incomplete_list() -> list[IncompleteRelease]:
    """Ids whose writer stopped before finishing (``registry.incomplete_releases``), oldest first."""
    return incomplete_releases()


def incomplete_get(release_id: str) -> IncompleteRelease | None:
    return next((r for r in incomplete_releases() if r.id == release_id), None)


def request_for(release_id: str) -> PublicationRequest | None:
    return PublicationRequest.objects.filter(release_id=release_id).select_related(
        "requested_by", "decided_by").first()


def dataset_budget():
    """The collaborative dataset's ledger accounts and the budget its records have left (a ``Spend``)."""
    from ctip.disclosure.release import dataset_budget as budget

    return budget()


def ledger_summary() -> dict:
    """The budget, what the collaborative dataset as it is now has left, and every DP release (``finished``
    False for one whose writer stopped after the charge: docs/privacy.md)."""
    from ctip.disclosure.release import dataset_budget

    ledger = PrivacyLedger()
    accounts, left = dataset_budget(ledger)
    finished = {r.id for r in list_releases()}
    entries = [{**{k: v for k, v in e.items() if k not in ("seed", "accounts")},
                "dataset_version": e["dataset_version"][:12], "sources": len(e.get("accounts", [])),
                "finished": e["release_id"] in finished}  # a charge of a release never finished stays
               for e in ledger.entries()]
    return {"budget": ledger.budget(), "left": left, "sources": len(accounts),
            "entries": sorted(entries, key=lambda e: e["created_at"])}
