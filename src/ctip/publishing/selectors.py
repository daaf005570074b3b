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


def ledger_summary() -> dict:
    ledger = PrivacyLedger()
    entries = ledger.entries()
    versions = []
    for version in sorted({e["dataset_version"] for e in entries}):
        spent, left = ledger.spent(version), ledger.remaining(version)
        versions.append({"version": version[:12], "spent": spent, "left": left,
                         "entries": [{k: v for k, v in e.items() if k != "seed"} for e in ledger.entries(version)]})
    return {"budget": ledger.budget(), "versions": versions}
