"""Reads of the publishing app: releases with their request state, and the privacy ledger."""

from __future__ import annotations

from dataclasses import dataclass

from ctip.disclosure.ledger import PrivacyLedger
from ctip.disclosure.registry import ReleaseInfo, list_releases
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


def request_for(release_id: str) -> PublicationRequest | None:
    return PublicationRequest.objects.filter(release_id=release_id).select_related(
        "requested_by", "decided_by").first()


def dataset_budget():
    """The collaborative dataset's ledger accounts and the budget its records have left (a ``Spend``)."""
    from ctip.disclosure.release import dataset_budget as budget

    return budget()


def ledger_summary() -> dict:
    """The budget, what the collaborative dataset as it is now has left, and every DP release."""
    from ctip.disclosure.release import dataset_budget

    ledger = PrivacyLedger()
    accounts, left = dataset_budget(ledger)
    entries = [{**{k: v for k, v in e.items() if k not in ("seed", "accounts")},
                "dataset_version": e["dataset_version"][:12], "sources": len(e.get("accounts", []))}
               for e in ledger.entries()]
    return {"budget": ledger.budget(), "left": left, "sources": len(accounts),
            "entries": sorted(entries, key=lambda e: e["created_at"])}
