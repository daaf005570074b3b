"""Reads of the OSINT workspace. A scan is visible to police analysts of the organisation that ran it;
any other scan id gets the same 404 as one that does not exist."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from django.http import Http404
from django.utils.translation import get_language

from ctip.osint.rules import Scoring, load_rules
from ctip.web.wording import worded
from ctip.workbench.models import AccessEvent, Scan
from ctip.workbench.services import REFUSALS, scan_folder

LEVELS = ("high", "medium", "low", "none")


def scan_list(user):
    return Scan.objects.filter(organisation=user.organisation).select_related("created_by")


def scan_get(user, scan_id) -> Scan:
    scan = Scan.objects.filter(organisation=user.organisation, id=scan_id).first()
    if scan is None or user.organisation is None:
        raise Http404("No such scan.")
    return scan


class OutputMissing(Exception):
    """A scan's output files are gone from ``CTIP_HOME/osint/<id>/output`` (deleted or not restored)."""

    def __init__(self, scan: Scan) -> None:
        super().__init__(f"scan {scan.id}: output folder missing")
        self.scan = scan


def output_file(scan: Scan, name: str) -> Path:
    """One of the scan's output files; ``OutputMissing`` when it is not on disk."""
    path = scan_folder(scan.id) / "output" / name
    if not path.is_file():
        raise OutputMissing(scan)
    return path


@lru_cache(maxsize=4)
def _load_posts(path: Path, mtime: float) -> tuple[dict, ...]:
    """A scan's posts, cached per process for the few scans being browsed (keyed by file and mtime)."""
    with path.open(encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh)


def scan_posts(scan: Scan) -> tuple[dict, ...]:
    path = output_file(scan, "posts.jsonl")
    return _load_posts(path, path.stat().st_mtime)


def scan_clusters(scan: Scan) -> list[dict]:
    path = output_file(scan, "clusters.json")
    return json.loads(path.read_text(encoding="utf-8"))["clusters"]


def scan_custody(scan: Scan) -> list[dict]:
    path = output_file(scan, "custody.json")
    return json.loads(path.read_text(encoding="utf-8"))["files"]


def scan_access(scan: Scan, limit: int = 50) -> list[AccessEvent]:
    """The latest accesses to a scan, newest first (refused attempts by other organisations are not
    linked to the scan, so they are not here)."""
    return list(AccessEvent.objects.filter(scan=scan).select_related("user")[:limit])


def refused_uploads(user, limit: int = 20) -> list[dict]:
    """The latest refused uploads an analyst may see (those of their organisation's analysts, or their own
    when they have no organisation), newest first: when, who, why (worded in the reader's language), and how
    many files of how many bytes. Events logged before reasons had codes show the log's English text."""
    events = AccessEvent.objects.filter(action=AccessEvent.Action.UPLOAD_REFUSED).select_related("user")
    events = events.filter(user=user) if user.organisation is None else events.filter(
        user__organisation=user.organisation)
    rows = []
    for event in events[:limit]:
        detail = event.detail or {}
        rows.append({"at": event.at, "user": event.user.username, "files": detail.get("files"),
                     "bytes": detail.get("bytes"),
                     "reason": worded(REFUSALS, detail.get("reason"), detail.get("params"), event.target)})
    return rows


def post_get(scan: Scan, post_id: str) -> dict:
    for post in scan_posts(scan):
        if post["post_id"] == post_id:
            return post
    raise Http404("No such post.")


def cluster_get(scan: Scan, cluster_id: str) -> dict:
    for cluster in scan_clusters(scan):
        if cluster["cluster_id"] == cluster_id:
            return cluster
    raise Http404("No such cluster.")


def scoring() -> Scoring:
    """The scoring table of the shipped rule packs (family weights, strengths, level thresholds)."""
    return load_rules().scoring


def family_labels(table: Scoring | None = None) -> dict[str, str]:
    """Red-flag family labels in the current language."""
    mongolian = (get_language() or "en").startswith("mn")
    return {f.id: (f.label_mn if mongolian else f.label_en) for f in (table or scoring()).families.values()}


def post_filter(posts, *, level: str = "", family: str = "", language: str = "", cluster: str = "",
                text: str = "", identifier: str = "") -> list[dict]:
    """Posts matching every given filter, most risky first."""
    text, identifier = text.strip().lower(), identifier.strip().lower()
    out = []
    for post in posts:
        if level == "flagged" and post["level"] not in ("high", "medium"):
            continue
        if level in LEVELS and post["level"] != level:
            continue
        if family and family not in post["families"]:
            continue
        if language and post["language"] != language:
            continue
        if cluster and post["cluster"] != cluster:
            continue
        if text and text not in post["normalised"].lower() and text not in post["text"].lower():
            continue
        if identifier and not any(identifier in i["value"].lower() for i in post["identifiers"]):
            continue
        out.append(post)
    return sorted(out, key=lambda p: (-p["score"], p["post_id"]))
