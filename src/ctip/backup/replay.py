"""After a restore: erase again every case the erasure register lists that the restored store still holds,
then run the retention rule. Needs Django (``ctip.web.setup()`` done).

A listed case was erased after the backup was taken, so whatever kept it from erasure in the restored copy
had changed by then: a hold still in force is lifted and an open case is closed (both audited, as the
system, with ``"restore": true``), then it is anonymised with the reason the register recorded. Also the audit
events of a restore and of a backup made.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from ctip.backup import register
from ctip.cases import audit, retention, services
from ctip.cases.models import AnonymisationReason, Case, CaseStatus, RetentionHold


@dataclass
class ReplayOutcome:
    """Case ids re-erased, deleted again, failed (with the problem), and how many listed cases needed nothing."""

    re_erased: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)
    already_erased: int = 0
    not_held: int = 0


def reapply_erasures() -> ReplayOutcome:
    """Anonymise again each listed case the store holds unanonymised, each in its own transaction."""
    outcome = ReplayOutcome()
    latest = {e.case_id: e for e in register.read_register()}  # one per case: the last line wins
    held = dict(Case.objects.filter(public_id__in=list(latest)).values_list("public_id", "anonymised_at"))
    for case_id, erasure in latest.items():
        if case_id not in held:
            outcome.not_held += 1
        elif erasure.reason == register.DELETED:  # deleted after the backup, even if anonymised before
            try:
                _delete_again(case_id)
                outcome.deleted.append(case_id)
            except Exception as exc:  # noqa: BLE001 - report it and go on with the others
                outcome.failed[case_id] = f"{type(exc).__name__}: {exc}"
        elif held[case_id] is not None:
            outcome.already_erased += 1
        elif erasure.reason not in AnonymisationReason.values:
            outcome.failed[case_id] = f"unknown reason code '{erasure.reason}' in the erasure register"
        else:
            try:
                _erase_again(case_id, erasure.reason)
                outcome.re_erased.append(case_id)
            except Exception as exc:  # noqa: BLE001 - report it and go on with the others
                outcome.failed[case_id] = f"{type(exc).__name__}: {exc}"
    return outcome


@transaction.atomic
def _erase_again(case_id: str, reason: str) -> None:
    case = Case.objects.select_for_update().get(public_id=case_id)
    now = timezone.now()
    for hold in RetentionHold.objects.filter(case=case, lifted_at__isnull=True):
        hold.lifted_at = now
        hold.save(update_fields=["lifted_at"])
        audit.record(actor=None, action="retention.lift", instance=hold, case=case, changes={"restore": True})
    if not case.is_closed:
        case.status, case.closed_on = CaseStatus.CLOSED, timezone.localdate()
        case.save(update_fields=["status", "closed_on"])
        audit.record(actor=None, action="update", instance=case, case=case,
                     changes={"status": case.status, "closed_on": case.closed_on.isoformat(), "restore": True})
    with register.replaying():
        retention._anonymise(case, actor=None, reason=reason)


@transaction.atomic
def _delete_again(case_id: str) -> None:
    case = Case.objects.select_for_update().select_related("person").get(public_id=case_id)
    audit.record(actor=None, action="delete", instance=case, case=case, changes={"restore": True})
    services.delete_case_rows(actor=None, case=case)


def record_restore(*, archive: str, created_at: str, migrated: list[str], replay: ReplayOutcome,
                   rule: retention.RuleOutcome | None) -> None:
    """One audit event for the restore: the archive, migrations applied and case ids erased (no values)."""
    audit.record(actor=None, action="restore", entity="backup", entity_id=archive, changes={
        "backup_created_at": created_at, "migrations_applied": migrated,
        "re_erased": replay.re_erased, "deleted_again": replay.deleted, "re_erase_failed": sorted(replay.failed),
        "retention_anonymised": rule.anonymised if rule else [],
    })


def record_backup(*, archive: str, files: int, size: int, engine: str) -> None:
    """One audit event for a backup made (after it is complete, so the archive itself does not hold it): who
    holds a copy of the case store is something an auditor asks. The archive's name, never its folder."""
    audit.record(actor=None, action="backup.create", entity="backup", entity_id=archive,
                 changes={"files": files, "bytes": size, "engine": engine})
