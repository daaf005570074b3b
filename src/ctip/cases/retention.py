"""Keeping identifying data no longer than needed: anonymising a case, the retention rule, holds.

Anonymising a case erases every identifying or free-text value of the case and its parts (every
encrypted field, plus the two places written in clear: an event's province and a guardian's
relationship) and the person's, while the codes, the workflow dates and the audit trail stay: the case
still counts in the collaborative dataset, and its extract row is the same as before. When the person
has another case that is not anonymised, the anonymised case is moved onto a new person record holding
only the person's codes (gender, citizenship, age at registration...), so nothing links it to the
living file. It is irreversible, audited with the reason's code and never a value.

The retention rule: a closed case is due ``CTIP_RETENTION_YEARS`` years after its closure (default
``DEFAULT_RETENTION_YEARS``; 0 turns the rule off), unless a hold keeps it. ``retention_apply`` anonymises
every case due, each in its own transaction, as the system (an audit event with an empty actor).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.accounts.permissions import user_can
from ctip.backup import register as erasure_register
from ctip.cases import audit, selectors, services
from ctip.cases.errors import ApplicationError, NotFound, PermissionRefused
from ctip.cases.fields import encrypted_fields
from ctip.cases.models import (
    CLOSED_STATUSES,
    OPEN_REFERRAL_STATES,
    AnonymisationReason,
    Approval,
    ApprovalState,
    Case,
    CaseNote,
    CaseStatus,
    Consent,
    Determination,
    Evidence,
    NeedsAssessment,
    PerpetratorContext,
    Person,
    PlanState,
    Referral,
    ReferralState,
    RetentionHold,
    Stage,
    SupportPlan,
    SupportService,
    TraffickingEvent,
)
from ctip.cases.models.people import BLIND_INDEXED

DEFAULT_RETENTION_YEARS = 5
SETTING = "CTIP_RETENTION_YEARS"

# The parts of a case (each has a ``case`` foreign key); evidence hangs off a screening.
CASE_PARTS = (Approval, Referral, Determination, SupportService, SupportPlan, NeedsAssessment, CaseNote,
              TraffickingEvent, PerpetratorContext, Consent, RetentionHold)
# Identifying values kept in clear (not encrypted) that anonymisation erases too.
CLEAR_TEXT_ERASED = {model: dict.fromkeys(audit.CLEAR_TEXT_WITHHELD[model._meta.label_lower], "")
                     for model in (TraffickingEvent, NeedsAssessment)}
# Person fields that are not copied to the stand-in person of a detached case.
_NOT_COPIED = {"id", "created_at", "updated_at"} | {f"{name}_bidx" for name in BLIND_INDEXED}


class RetentionSettingError(ValueError):
    """``CTIP_RETENTION_YEARS`` is not a whole number of years."""


# ---- the rule ------------------------------------------------------------------------------------

def retention_years() -> int:
    """Years after closure a case is kept identifiable: the ``CTIP_RETENTION_YEARS`` setting or environment
    variable, else ``DEFAULT_RETENTION_YEARS``; 0 means never anonymise by rule."""
    raw = getattr(settings, SETTING, None)
    if raw is None:
        raw = os.environ.get(SETTING, DEFAULT_RETENTION_YEARS)
    try:
        years = int(str(raw).strip())
    except ValueError:
        years = -1
    if years < 0:
        raise RetentionSettingError(f"{SETTING}={raw!r}: expected a whole number of years, 0 or more "
                                    "(0 turns the retention rule off)")
    return years


def _years_before(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)


def due_on(closed_on: dt.date, years: int | None = None) -> dt.date | None:
    """The day a case closed on ``closed_on`` becomes due (None when the rule is off)."""
    years = retention_years() if years is None else years
    if not years:
        return None
    try:
        return closed_on.replace(year=closed_on.year + years)
    except ValueError:
        return closed_on.replace(year=closed_on.year + years, day=28)


def _active_hold():
    return Exists(RetentionHold.objects.filter(case=OuterRef("pk"), lifted_at__isnull=True))


def cases_due(*, today: dt.date | None = None, organisation_id: int | None = None) -> QuerySet[Case]:
    """Closed cases whose retention period is over, not anonymised and not on hold, oldest closure first.

    A reopened case has no closure date (``closed_on`` is cleared), so it is never due while open.
    """
    years = retention_years()
    if not years:
        return Case.objects.none()
    cutoff = _years_before(today or timezone.localdate(), years)
    cases = Case.objects.filter(status__in=CLOSED_STATUSES, closed_on__lte=cutoff, anonymised_at__isnull=True)
    if organisation_id is not None:
        cases = cases.filter(organisation_id=organisation_id)
    return cases.exclude(_active_hold()).select_related("organisation").order_by("closed_on", "id")


def _supervises(actor, case: Case) -> bool:
    """A supervisor of the organisation that owns the case, reaching it as its owner."""
    access = selectors.case_access_for(actor, case)
    return (access is not None and access.can_edit and actor.organisation_id == case.organisation_id
            and user_can(actor, "cases.approve"))


def _owner_scope(actor) -> Q:
    return selectors.owned_cases_q(actor) & Q(organisation_id=actor.organisation_id)


def cases_due_for(actor, *, today: dt.date | None = None) -> QuerySet[Case]:
    """The cases due that a supervisor may act on: their organisation's, within their scope."""
    if not user_can(actor, "cases.approve") or actor.organisation_id is None:
        return Case.objects.none()
    return cases_due(today=today, organisation_id=actor.organisation_id).filter(_owner_scope(actor))


def holds_for(actor) -> QuerySet[RetentionHold]:
    """Holds in force on the cases of a supervisor's organisation (within their scope)."""
    if not user_can(actor, "cases.approve") or actor.organisation_id is None:
        return RetentionHold.objects.none()
    cases = Case.objects.filter(_owner_scope(actor)).values("pk")
    return (RetentionHold.objects.filter(case__in=cases, lifted_at__isnull=True)
            .select_related("case", "placed_by").order_by("placed_at"))


def active_hold(case: Case) -> RetentionHold | None:
    return case.holds.filter(lifted_at__isnull=True).select_related("placed_by").first()


# ---- anonymisation -------------------------------------------------------------------------------

def _check_may_anonymise(actor, case: Case, reason: str) -> None:
    if not _supervises(actor, case):
        if selectors.case_access_for(actor, case) is None:
            raise NotFound()
        raise PermissionRefused(_("Only a supervisor of the organisation that owns the case can anonymise it."))
    if reason not in AnonymisationReason.values:
        raise ApplicationError(_("Choose the reason for anonymising the case."),
                               extra={"fields": {"reason": [_("Choose one of the reasons.")]}})


def _check_anonymisable(case: Case, reason: str) -> None:
    """Refuse an anonymised case, a case on hold, and an open case unless the person withdrew every consent
    and asked for erasure."""
    if case.is_anonymised:
        raise ApplicationError(_("This case is already anonymised."))
    if case.holds.filter(lifted_at__isnull=True).exists():
        raise ApplicationError(_("The case is on hold: lift the hold before anonymising it."), extra={"hold": True})
    if case.is_closed:
        return
    if reason != AnonymisationReason.ERASURE_REQUEST:
        raise ApplicationError(_("Only a closed case can be anonymised, unless the person withdrew their consent "
                                 "and asked for erasure."), extra={"closed": False})
    if Consent.objects.filter(case=case, withdrawn_at__isnull=True).exists():
        raise ApplicationError(_("The person's consent is still in force: record its withdrawal before erasing "
                                 "an open case."), extra={"consent": True})


@transaction.atomic
def case_anonymise(*, actor, case: Case, reason: str) -> Case:
    """Erase the identifying and free-text values of ``case`` (and of its person, unless the person has
    another case that is not anonymised), keeping its codes, workflow dates and audit trail.

    Supervisors of the owning organisation only; ``reason`` is an ``AnonymisationReason`` code. A closed
    case, or an open one whose person withdrew every consent and asked for erasure (``erasure_request``:
    the case is closed at the same time). Irreversible.
    """
    _check_may_anonymise(actor, case, reason)
    return _anonymise(case, actor=actor, reason=reason)


def _anonymise(case: Case, *, actor, reason: str, rule_years: int | None = None) -> Case:
    """Do the erasure (caller holds a transaction). ``actor`` is None when the retention rule does it."""
    case = Case.objects.select_for_update().select_related("person").get(pk=case.pk)
    _check_anonymisable(case, reason)
    now = timezone.now()
    _settle_workflow(case, actor, now)
    for model in CASE_PARTS:
        _erase(model.objects.filter(case=case), model)
    _erase(Evidence.objects.filter(screening__case=case), Evidence)
    person_outcome = _anonymise_person(case, actor)
    changes = {"reason": reason, "person": person_outcome}
    if not case.is_closed:
        case.status, case.closed_on = CaseStatus.CLOSED, timezone.localdate()
        changes |= {"status": case.status, "closed_on": case.closed_on.isoformat()}
    for field in encrypted_fields(Case):
        setattr(case, field.name, None)
    case.anonymised_at, case.anonymised_by, case.anonymised_reason = now, actor, reason
    case.stage = Stage.CLOSED
    case.save()
    if rule_years is not None:
        changes["retention_years"] = rule_years
    audit.record(actor=actor, action="anonymise", instance=case, case=case, changes=changes)
    # Before the commit: if the erasure register (ctip.backup.register) cannot list it, nothing is erased.
    erasure_register.record_erasure(case.public_id, reason, at=now)
    return case


def _erase(queryset: QuerySet, model) -> None:
    values = {field.name: None for field in encrypted_fields(model)}
    values |= CLEAR_TEXT_ERASED.get(model, {})
    if values:
        queryset.update(**values)


def _settle_workflow(case: Case, actor, now: dt.datetime) -> None:
    """Open referrals are revoked (recipients lose sight of the case) and waiting approvals withdrawn."""
    for referral in Referral.objects.filter(case=case, state__in=OPEN_REFERRAL_STATES):
        referral.state, referral.closed_at = ReferralState.REVOKED, now
        referral.save(update_fields=["state", "closed_at"])
        audit.record(actor=actor, action="referral.revoked", instance=referral, case=case,
                     changes={"state": ReferralState.REVOKED, "anonymised": True})
    for approval in Approval.objects.filter(case=case, state=ApprovalState.REQUESTED):
        approval.state, approval.decided_at, approval.decided_by = ApprovalState.REJECTED, now, actor
        approval.save(update_fields=["state", "decided_at", "decided_by"])
        if approval.plan_id:
            SupportPlan.objects.filter(pk=approval.plan_id).update(state=PlanState.REJECTED)
        audit.record(actor=actor, action="approval.rejected", instance=approval, case=case,
                     changes={"kind": approval.kind, "anonymised": True})


def _anonymise_person(case: Case, actor) -> str:
    """Erase the person in place (``"erased"``), or, when another of their cases is still live, give this
    case a stand-in person with the codes only (``"detached"``)."""
    person = case.person
    live = person.cases.exclude(pk=case.pk).filter(anonymised_at__isnull=True).exists()
    if live:
        copied = {f.attname: getattr(person, f.attname) for f in Person._meta.concrete_fields
                  if f.name not in _NOT_COPIED and f not in encrypted_fields(Person)}
        stand_in = Person.objects.create(**copied)
        case.person = stand_in
        audit.record(actor=actor, action="create", instance=stand_in, case=case,
                     changes={"anonymised": True})
        return "detached"
    erased = sorted(f.name for f in encrypted_fields(Person) if getattr(person, f.name) not in (None, ""))
    values = {f.name: None for f in encrypted_fields(Person)} | {f"{n}_bidx": None for n in BLIND_INDEXED}
    Person.objects.filter(pk=person.pk).update(**values)
    audit.record(actor=actor, action="anonymise", instance=person, case=case,
                 changes=dict.fromkeys(erased, audit.IDENTIFYING))
    return "erased"


@dataclass(frozen=True)
class RuleOutcome:
    """What one run of the retention rule did."""

    anonymised: list[str]
    failed: dict[str, str]


def retention_apply(*, today: dt.date | None = None) -> RuleOutcome:
    """Anonymise every case due, each in its own transaction, as the system; a case that fails (a hold
    placed meanwhile, a key missing) is reported and the others still go."""
    years = retention_years()
    done, failed = [], {}
    for case_id, public_id in list(cases_due(today=today).values_list("pk", "public_id")):
        try:
            with transaction.atomic():
                case = Case.objects.select_for_update().get(pk=case_id)
                if not cases_due(today=today).filter(pk=case_id).exists():
                    continue  # reopened, held or anonymised since the list was read
                _anonymise(case, actor=None, reason=AnonymisationReason.RETENTION_PERIOD, rule_years=years)
            done.append(public_id)
        except ApplicationError as exc:
            failed[public_id] = exc.message
        except Exception as exc:  # noqa: BLE001 - one case's failure must not stop the others
            failed[public_id] = f"{type(exc).__name__}: {exc}"
    return RuleOutcome(done, failed)


# ---- holds ---------------------------------------------------------------------------------------

@transaction.atomic
def hold_place(*, actor, case: Case, reason: str) -> RetentionHold:
    """Keep ``case`` out of the retention rule until the hold is lifted (a supervisor, with a reason)."""
    if not _supervises(actor, case):
        if selectors.case_access_for(actor, case) is None:
            raise NotFound()
        raise PermissionRefused(_("Only a supervisor of the organisation that owns the case can place a hold."))
    case = Case.objects.select_for_update().get(pk=case.pk)
    services._not_anonymised(case)
    if not reason.strip():
        raise ApplicationError(_("Give the reason for the hold."), extra={"fields": {"reason": ["required"]}})
    if case.holds.filter(lifted_at__isnull=True).exists():
        raise ApplicationError(_("The case is already on hold."))
    hold = RetentionHold.objects.create(case=case, reason=reason.strip(), placed_by=actor)
    audit.record(actor=actor, action="retention.hold", instance=hold, case=case,
                 changes={"reason": audit.IDENTIFYING})
    return hold


@transaction.atomic
def hold_lift(*, actor, hold: RetentionHold) -> RetentionHold:
    """Lift a hold: the case is subject to the retention rule again."""
    case = hold.case
    if not _supervises(actor, case):
        if selectors.case_access_for(actor, case) is None:
            raise NotFound()
        raise PermissionRefused(_("Only a supervisor of the organisation that owns the case can lift a hold."))
    hold = RetentionHold.objects.select_for_update().get(pk=hold.pk)
    if hold.lifted_at is not None:
        raise ApplicationError(_("This hold was already lifted."))
    hold.lifted_at, hold.lifted_by = timezone.now(), actor
    hold.save(update_fields=["lifted_at", "lifted_by"])
    audit.record(actor=actor, action="retention.lift", instance=hold, case=case, changes={})
    return hold
