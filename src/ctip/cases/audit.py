"""Writing and verifying the hash-chained audit log.

Each event's hash is SHA-256 over a canonical JSON of its content and the previous event's hash, and
events are numbered without gaps: editing, deleting or inserting any event breaks the chain from that
point on, and ``verify_chain`` names the first broken link. Appends are serialised (PostgreSQL: a
transaction-scoped advisory lock; SQLite: its single writer) so two writers never fork the chain.

What is written: who (user id and name), when, what (action, model, record id, case id) and which
fields changed. Values of identifying fields never reach the log, only ``"[identifying]"`` (encrypted fields)
or ``"[withheld]"`` (identifying values the case store keeps in clear).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone

from ctip.cases.fields import EncryptedTextField
from ctip.cases.models import AuditEvent

GENESIS = "0" * 64
IDENTIFYING = "[identifying]"
WITHHELD = "[withheld]"
# Values stored in clear in the case store (for lists and forms) that the log still never records: an event's
# province or aimag (next to a case id it points at a person in a small country; free text, since events
# happen abroad too) and a guardian's relationship (free text). Events written before this rule keep the
# values they were written with: the chain is hash-linked and append-only (docs/security.md).
CLEAR_TEXT_WITHHELD: dict[str, frozenset[str]] = {
    "cases.traffickingevent": frozenset({"state"}),
    "cases.needsassessment": frozenset({"guardian_relationship"}),
}
_ADVISORY_LOCK = 0x43544950  # "CTIP"


def _canonical(event: dict) -> bytes:
    return json.dumps(event, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str).encode()


def _content(e: AuditEvent) -> dict:
    at = e.at if isinstance(e.at, dt.datetime) else dt.datetime.fromisoformat(str(e.at))
    return {
        "seq": int(e.seq), "at": at.astimezone(dt.UTC).isoformat(timespec="microseconds"),
        "actor_id": e.actor_id, "actor": e.actor_username, "action": e.action, "entity": e.entity,
        "entity_id": e.entity_id, "case": e.case_public_id, "changes": e.changes, "prev": e.prev_hash,
    }


def event_hash(e: AuditEvent) -> str:
    return hashlib.sha256(_canonical(_content(e))).hexdigest()


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", [_ADVISORY_LOCK])


def describe_changes(instance: Model, fields: Iterable[str]) -> dict:
    """``{field: new value}`` for the named fields, with identifying values replaced by a marker
    (``IDENTIFYING`` for encrypted fields, ``WITHHELD`` for the clear-text ones of ``CLEAR_TEXT_WITHHELD``)."""
    out = {}
    withheld = CLEAR_TEXT_WITHHELD.get(instance._meta.label_lower, frozenset())
    for name in sorted(fields):
        field = instance._meta.get_field(name)
        if isinstance(field, EncryptedTextField):
            out[name] = IDENTIFYING
            continue
        if name in withheld:
            out[name] = WITHHELD
            continue
        value = getattr(instance, field.attname)
        if isinstance(value, dt.date | dt.datetime):
            value = value.isoformat()
        out[name] = value
    return out


def record(*, actor, action: str, instance: Model | None = None, entity: str = "", entity_id: str = "",
           case=None, changes: dict | None = None) -> AuditEvent:
    """Append one event (inside the caller's transaction, so it commits or rolls back with the change)."""
    if instance is not None:
        entity = entity or instance._meta.label_lower
        entity_id = entity_id or str(instance.pk)
    with transaction.atomic():
        _lock()
        last = AuditEvent.objects.order_by("-seq").values("seq", "hash").first()
        event = AuditEvent(
            seq=(last["seq"] + 1) if last else 1,
            at=timezone.now(),
            actor_id=getattr(actor, "pk", None),
            actor_username=getattr(actor, "username", "") or "",
            action=action, entity=entity, entity_id=entity_id,
            case_public_id=getattr(case, "public_id", "") or "",
            changes=changes or {},
            prev_hash=last["hash"] if last else GENESIS,
        )
        event.hash = event_hash(event)
        event.save()
    return event


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    count: int
    broken_seq: int | None = None
    problem: str = ""

    def message(self) -> str:
        if self.ok:
            return f"ok: {self.count} audit events, chain intact"
        return f"broken link at event {self.broken_seq}: {self.problem}"


def verify_chain(*, chunk: int = 5000) -> ChainReport:
    """Walk the log in order and report the first event whose number, link or hash does not match."""
    expected_seq, prev, count = 1, GENESIS, 0
    for e in AuditEvent.objects.order_by("seq").iterator(chunk_size=chunk):
        if e.seq != expected_seq:
            return ChainReport(False, count, expected_seq, f"event {expected_seq} is missing (next found: {e.seq})")
        if e.prev_hash != prev:
            return ChainReport(False, count, e.seq, "its link to the previous event does not match (event "
                               f"{e.seq - 1} was altered or removed)")
        if event_hash(e) != e.hash:
            return ChainReport(False, count, e.seq, "its content does not match its hash (the event was altered)")
        prev, expected_seq, count = e.hash, expected_seq + 1, count + 1
    return ChainReport(True, count)
