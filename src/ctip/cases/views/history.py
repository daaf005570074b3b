"""A case's history: the audit events written about it, and for a child who opened the record.

Shown to the supervisors of the organisation that owns the case (``cases.approve`` with owner access):
the history says who looked at and changed a person's file, which is itself sensitive. Identifying values
never reach the audit log (``ctip.cases.audit``), so the page shows only which of those fields changed.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctip.accounts.permissions import user_can
from ctip.cases import audit, merge, selectors
from ctip.cases.duplicates import MatchReason
from ctip.cases.merge import MergeReason
from ctip.cases.models import AnonymisationReason, Section
from ctip.cases.templatetags.case_tags import code_label
from ctip.cases.validators import VocabCode, VocabCodes
from ctip.cases.views.common import case_for

HISTORY_LIMIT = 500
# Names the services record in an event's changes that are not (translated) fields of the entity.
CHANGE_LABELS = {
    "sections": gettext_lazy("sections"),
    "consent": gettext_lazy("consent"),
    "consent_override": gettext_lazy("shared without consent (override)"),
    "reason": gettext_lazy("reason"),
    "comment": gettext_lazy("comment"),
    "note": gettext_lazy("note"),
    "anonymised": gettext_lazy("because the case was anonymised"),
    "retention_years": gettext_lazy("retention period (years after closure)"),
    "format": gettext_lazy("format"),
    "possible_matches": gettext_lazy("possible matches shown"),
    "matched_on": gettext_lazy("matched on"),
    "returning_person": gettext_lazy("opened for a person already registered"),
    "kept_person": gettext_lazy("person record kept"),
    "merged_person": gettext_lazy("person record merged into it (erased)"),
    "moved": gettext_lazy("case moved from the merged record"),
    "fields_taken": gettext_lazy("details taken from the merged record"),
}

ACTIONS = {
    "create": gettext_lazy("Created"),
    "update": gettext_lazy("Changed"),
    "delete": gettext_lazy("Deleted"),
    "view": gettext_lazy("Viewed"),
    "withdraw": gettext_lazy("Consent withdrawn"),
    "transfer": gettext_lazy("Transferred to another organisation"),
    "reopen": gettext_lazy("Reopened"),
    "approval.requested": gettext_lazy("Approval requested"),
    "approval.approved": gettext_lazy("Approved by a supervisor"),
    "approval.rejected": gettext_lazy("Rejected by a supervisor"),
    "referral.accepted": gettext_lazy("Referral accepted"),
    "referral.rejected": gettext_lazy("Referral rejected"),
    "referral.done": gettext_lazy("Referral marked done"),
    "referral.revoked": gettext_lazy("Referral revoked"),
    "demo.create": gettext_lazy("Synthetic demo case created"),
    "anonymise": gettext_lazy("Anonymised: identifying details erased"),
    "retention.hold": gettext_lazy("Retention hold placed"),
    "retention.lift": gettext_lazy("Retention hold lifted"),
    "duplicate.declined": gettext_lazy("Registered as a different person despite possible matches"),
    "person.merge": gettext_lazy("Two records of the person merged"),
}
# Codes recorded as an event's ``reason`` (anonymisation, merge), read as their labels.
REASONS = [*AnonymisationReason.choices, *MergeReason.choices]


def may_see_history(user, case) -> bool:
    """Supervisors of the owning organisation (within their scope) see a case's history."""
    return case.access.can_edit and user_can(user, "cases.approve")


def _model(entity: str):
    try:
        return apps.get_model(entity)
    except (LookupError, ValueError):
        return None


# Fields that hold codes without a vocabulary validator of their own.
CODED_FIELDS = {"suggested_status": "htcds.vic_TraffickingStatus", "closure_status": "htcds.cas_Status"}


def _value(value, label_of=None) -> str:
    if value == audit.IDENTIFYING:
        return _("changed (encrypted, not shown)")
    if value == audit.WITHHELD:
        return _("changed (identifying, not kept in the log)")
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list | tuple):
        return ", ".join(_value(v, label_of) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return label_of(value) if label_of and isinstance(value, str) else str(value)


def _choice_labeller(choices) -> Callable[[str], str]:
    names = dict(choices)
    return lambda code: str(names.get(code, code))


def _field(model, name: str):
    """(label, labeller of coded values) of a recorded field: codes read as their labels, like on the case page."""
    if name == "sections":  # the sections a view showed, or a referral shared
        return str(CHANGE_LABELS[name]), _choice_labeller(Section.choices)
    if name == "matched_on":
        return str(CHANGE_LABELS[name]), _choice_labeller(MatchReason.choices)
    if name == "reason":
        return str(CHANGE_LABELS[name]), _choice_labeller(REASONS)
    if name == "fields_taken":
        return str(CHANGE_LABELS[name]), merge.detail_label
    if name in CHANGE_LABELS:
        return str(CHANGE_LABELS[name]), None
    try:
        field = model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        field = None
    if field is None:
        return name, None
    if name in CODED_FIELDS:
        return str(field.verbose_name), lambda code: code_label(code, CODED_FIELDS[name])
    if field.choices:
        return str(field.verbose_name), _choice_labeller(field.flatchoices)
    schemes = [v.scheme for v in field.validators if isinstance(v, VocabCode | VocabCodes)]
    if schemes:
        return str(field.verbose_name), lambda code, scheme=schemes[0]: code_label(code, scheme)
    return str(field.verbose_name), None


def _changes(model, changes: dict) -> list[tuple[str, str]]:
    """(field label, shown value) for each recorded change, in the reader's language."""
    out = []
    for name, value in sorted(changes.items()):
        label, label_of = _field(model, name)
        out.append((label, _value(value, label_of)))
    return out


def history_rows(case, *, views: bool = True) -> list[dict]:
    """The case's audit events, newest first, as the page shows them."""
    rows = []
    for event in selectors.case_history(case, limit=HISTORY_LIMIT, views=views):
        model = _model(event.entity)
        rows.append({
            "seq": event.seq, "at": event.at, "actor": event.actor_username,
            "action": str(ACTIONS.get(event.action, event.action)),
            "entity": str(model._meta.verbose_name) if model is not None else event.entity,
            "changes": _changes(model, event.changes or {}),
        })
    return rows


def case_history(request, public_id: str):
    """The history page of a case (its opening is itself an audited view)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    case = case_for(request, public_id)
    if not may_see_history(request.user, case):
        raise PermissionDenied
    views = request.GET.get("views") != "hide"
    rows = history_rows(case, views=views)
    return render(request, "cases/case_history.html", {
        "case": case, "events": rows, "capped": len(rows) >= HISTORY_LIMIT, "limit": HISTORY_LIMIT, "views": views,
        "access_log": selectors.access_log_for(case)[:HISTORY_LIMIT],
    })
