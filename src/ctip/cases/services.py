"""Every change to the case store: ``<entity>_<action>(*, actor, ...)``, atomic, validated, audited.

Each service checks that ``actor`` may do this to this case (``NotFound`` when they may not even see
it, ``PermissionRefused`` when they see it but may not act), validates with ``full_clean()`` (field
errors become ``ApplicationError(message, extra={"fields": {...}})``), writes, appends audit events in
the same transaction, and refreshes the case's computed stage. Nothing is written when anything fails.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.accounts.permissions import user_can
from ctip.backup import register as erasure_register
from ctip.cases import audit, duplicates, screening_adapter, selectors, workflow
from ctip.cases.errors import ApplicationError, ConsentRequired, NotFound, PermissionRefused
from ctip.cases.models import (
    CLOSED_STATUSES,
    OPEN_REFERRAL_STATES,
    Approval,
    ApprovalKind,
    ApprovalState,
    Case,
    CaseNote,
    CaseStatus,
    Consent,
    ConsentPurpose,
    Determination,
    Evidence,
    GivenBy,
    Module,
    NeedsAssessment,
    PerpetratorContext,
    Person,
    PlanState,
    Referral,
    ReferralKind,
    ReferralState,
    Screening,
    Section,
    SupportPlan,
    SupportService,
    TraffickingEvent,
)
from ctip.cases.models.case import new_public_id

PERSON_FIELDS = frozenset({
    "first_name", "middle_name", "last_name", "birth_date", "identity_number", "email", "home_phone",
    "mobile_phone", "mailing_street", "mailing_city", "mailing_state", "mailing_postal_code", "gender",
    "citizenship", "other_citizenships", "mailing_country", "marital_status", "highest_education",
    "primary_language", "number_of_children", "deceased", "age_years", "age_estimated", "appears_to_be_child",
})
CASE_FIELDS = frozenset({
    "module", "nrm_phase", "recruitment_methods", "recruitment_websites", "methods_of_control",
    "exploitation_types", "sex_exploitation_types", "labour_sector", "relationship_to_trafficker",
    "age_when_trafficked", "exploitation_months",
})


# ---- helpers --------------------------------------------------------------------------------------

def _label(instance: Model, name: str) -> str:
    """A field as people know it (its verbose name, in the request's language), for messages."""
    try:
        return str(instance._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


def _clean(instance: Model, exclude: Iterable[str] = ()) -> None:
    """``full_clean``; field errors become an ``ApplicationError`` whose message names the fields by their
    labels (``extra["fields"]`` keeps the field names, for forms and API clients)."""
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        fields = {k: [str(m) for m in v] for k, v in exc.message_dict.items()}
        summary = "; ".join(" ".join(v) if k == NON_FIELD_ERRORS else f"{_label(instance, k)}: {' '.join(v)}"
                            for k, v in fields.items())
        raise ApplicationError(_("Please correct the highlighted fields: %(summary)s") % {"summary": summary},
                               extra={"fields": fields}) from None


def _require(actor, capability: str) -> None:
    if not user_can(actor, capability):
        raise PermissionRefused(_("Your role does not allow this."), extra={"capability": capability})


def _access(actor, case: Case) -> selectors.CaseAccess:
    access = selectors.case_access_for(actor, case)
    if access is None:
        raise NotFound()
    return access


def _owner_access(actor, case: Case) -> None:
    """The actor must work on the case in its owning organisation (not only as a recipient)."""
    access = _access(actor, case)
    if not access.can_edit or not user_can(actor, "cases.edit"):
        raise PermissionRefused(_("Only the organisation that owns the case can change this."))


def _not_anonymised(case: Case) -> None:
    """An anonymised case is read-only for good: its identifying details are gone (``ctip.cases.retention``)."""
    if Case.objects.filter(pk=case.pk, anonymised_at__isnull=False).exists():
        raise ApplicationError(_("This case was anonymised: its identifying details were erased and it can no "
                                 "longer be changed."), extra={"anonymised": True})


def _open_case(case: Case) -> None:
    """A closed case is read-only until it is reopened (consent stays the person's to give or withdraw)."""
    _not_anonymised(case)
    if Case.objects.filter(pk=case.pk, status__in=CLOSED_STATUSES).exists():
        raise ApplicationError(_("The case is closed: reopen it before changing it."), extra={"closed": True})


def _touch(case: Case) -> None:
    """Record activity and recompute the stage after any change to the case or its parts."""
    fresh = Case.objects.get(pk=case.pk)
    fresh.last_activity_at = timezone.now()
    fresh.stage = workflow.compute_stage(fresh)
    fresh.save(update_fields=["last_activity_at", "stage", "updated_at"])
    case.last_activity_at, case.stage = fresh.last_activity_at, fresh.stage


def _audit_create(actor, instance: Model, case: Case | None, fields: Iterable[str]) -> None:
    audit.record(actor=actor, action="create", instance=instance, case=case,
                 changes=audit.describe_changes(instance, fields))


def _refuse_unknown(data: dict, allowed: frozenset[str]) -> None:
    unknown = sorted(set(data) - allowed)
    if unknown:
        raise ApplicationError(_("Unknown fields: %(names)s") % {"names": ", ".join(unknown)},
                               extra={"fields": {n: ["unknown field"] for n in unknown}})


def _set(instance: Model, data: dict, allowed: frozenset[str]) -> list[str]:
    """Assign ``data`` to ``instance``; return the names whose value changed. Unknown names are an error."""
    _refuse_unknown(data, allowed)
    changed = []
    for name, value in data.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed


MAX_AGE = 120


def _apply_age(person: Person, registered_on: dt.date) -> None:
    """Documented age from the birth date when known; otherwise the (possibly estimated) age given.

    A birth date after the registration date, or one more than ``MAX_AGE`` years before it, is a typing
    error: it is refused on the birth date field (never echoed: the birth date is identifying).
    """
    documented = person.age_on(registered_on)
    if documented is None:
        return
    if documented < 0:
        problem = _("The birth date is later than the date of registration; check the year.")
    elif documented > MAX_AGE:
        problem = _("The birth date gives an age over %(max)s years; check the year.") % {"max": MAX_AGE}
    else:
        person.age_years, person.age_estimated = documented, False
        return
    raise ApplicationError(problem, extra={"fields": {"birth_date": [problem]}})


# ---- people and cases -----------------------------------------------------------------------------

@transaction.atomic
def case_create(*, actor, module: str | None = None, registered_on: dt.date | None = None,
                nrm_phase: str | None = None, declined_matches: Sequence = (), **person_fields) -> Case:
    """Register a person and open their case in the actor's organisation, owned by the actor.

    ``person_fields`` are ``Person`` fields (names, birth_date or age_years/age_estimated,
    appears_to_be_child, gender, citizenship, ...). The module defaults to ``child_victim`` for a child
    (documented or presumed) and ``adult_victim`` otherwise. ``declined_matches`` are the possible matches
    (``ctip.cases.duplicates.PossibleMatch``) the worker was shown and judged to be other people: the choice
    is audited with how many there were and on what they matched, never a value.
    """
    _require(actor, "cases.edit")
    if actor.organisation_id is None:
        raise PermissionRefused(_("You need an organisation to register cases."))
    registered_on = registered_on or timezone.localdate()
    person = Person(organisation_id=actor.organisation_id, registered_on=registered_on)
    _set(person, person_fields, PERSON_FIELDS)
    _apply_age(person, registered_on)
    person.refresh_blind_indexes()
    _clean(person)
    person.save()
    case = _case_open(actor, person, registered_on=registered_on, nrm_phase=nrm_phase,
                      module=module or (Module.CHILD_VICTIM if person.is_child else Module.ADULT_VICTIM))
    _audit_create(actor, person, case, PERSON_FIELDS & set(person_fields) | {"age_years", "age_estimated"})
    _audit_create(actor, case, case, ["module", "status", "nrm_phase", "registered_on"])
    if declined_matches:
        reasons = sorted({r for match in declined_matches for r in match.reasons})
        audit.record(actor=actor, action="duplicate.declined", instance=person, case=case,
                     changes={"possible_matches": len(declined_matches), "matched_on": reasons})
    _touch(case)
    return case


def _case_open(actor, person: Person, *, registered_on: dt.date, module: str, nrm_phase: str | None) -> Case:
    """Save a new case of ``person`` owned by the actor (drawing another public id on the rare collision)."""
    case = Case(person=person, organisation_id=actor.organisation_id, owner=actor, registered_on=registered_on,
                module=module)
    if nrm_phase:
        case.nrm_phase = nrm_phase
    _clean(case, exclude=["person", "organisation", "owner", "public_id"])
    for _attempt in range(5):
        try:
            with transaction.atomic():
                case.save()
            return case
        except IntegrityError:  # public id collision (1 in 10^12): draw another
            case.public_id, case.pk = new_public_id(), None
    raise ApplicationError(_("Could not allocate a case id; try again."))  # pragma: no cover


# Details a returning person's record takes from a new registration only where it has none.
FILLABLE_PERSON_FIELDS = PERSON_FIELDS - {"age_years", "age_estimated", "appears_to_be_child", "deceased"}


@transaction.atomic
def case_create_for_person(*, actor, person_id: int, module: str | None = None,
                           registered_on: dt.date | None = None, nrm_phase: str | None = None,
                           **person_fields) -> Case:
    """Open a new case for a person already registered in the actor's organisation: one who returns
    (trafficked again, or referred again by another route), so that their history stays on one person.

    The person must have a case of the actor's organisation that is not anonymised (``NotFound``
    otherwise: another organisation's people are never reachable). Details given now are added only where
    the person's record has none; nothing recorded is overwritten (the record is shared by all their cases:
    a worker corrects it on the case page). The module defaults from the age on the new registration date.
    """
    _require(actor, "cases.edit")
    if actor.organisation_id is None:
        raise PermissionRefused(_("You need an organisation to register cases."))
    person = duplicates.organisation_people(actor.organisation_id).select_for_update().filter(pk=person_id).first()
    if person is None:
        raise NotFound("person")
    _refuse_unknown(person_fields, PERSON_FIELDS)
    registered_on = registered_on or timezone.localdate()
    filled = _set(person, {n: v for n, v in person_fields.items() if n in FILLABLE_PERSON_FIELDS
                           and v not in (None, "", []) and getattr(person, n) in (None, "", [])},
                  FILLABLE_PERSON_FIELDS)
    if filled:
        _apply_age(person, person.registered_on)
        person.refresh_blind_indexes()
        _clean(person)
        person.save()
    child = person.is_child_on(registered_on)  # the age now, not at the first registration
    case = _case_open(actor, person, registered_on=registered_on, nrm_phase=nrm_phase,
                      module=module or (Module.CHILD_VICTIM if child else Module.ADULT_VICTIM))
    if filled:
        audit.record(actor=actor, action="update", instance=person, case=case,
                     changes=audit.describe_changes(person, filled))
    changes = audit.describe_changes(case, ["module", "status", "nrm_phase", "registered_on"])
    changes["returning_person"] = True
    audit.record(actor=actor, action="create", instance=case, case=case, changes=changes)
    _touch(case)
    return case


@transaction.atomic
def person_update(*, actor, case: Case, **fields) -> Person:
    """Change the person's details (identifying values are encrypted; the audit names fields only)."""
    _owner_access(actor, case)
    _open_case(case)
    person = Person.objects.select_for_update().get(pk=case.person_id)
    changed = _set(person, fields, PERSON_FIELDS)
    if not changed:
        return person
    _apply_age(person, person.registered_on)
    person.refresh_blind_indexes()
    _clean(person)
    person.save()
    audit.record(actor=actor, action="update", instance=person, case=case,
                 changes=audit.describe_changes(person, changed))
    _touch(case)
    return person


@transaction.atomic
def case_update(*, actor, case: Case, **fields) -> Case:
    """Change the module, NRM phase or victim context (HTCDS ``vic_*`` codes) of a case."""
    _owner_access(actor, case)
    _open_case(case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    changed = _set(case, fields, CASE_FIELDS)
    if not changed:
        return case
    _clean(case, exclude=["person", "organisation", "owner", "public_id"])
    case.save()
    audit.record(actor=actor, action="update", instance=case, case=case, changes=audit.describe_changes(case, changed))
    _touch(case)
    return case


@transaction.atomic
def case_assign(*, actor, case: Case, workers: Iterable) -> Case:
    """Set the workers assigned to the case (they must belong to the owning organisation)."""
    _owner_access(actor, case)
    _open_case(case)
    workers = list(workers)
    outsiders = [w.username for w in workers if w.organisation_id != case.organisation_id]
    if outsiders:
        raise ApplicationError(_("Only workers of the owning organisation can be assigned: %(names)s")
                               % {"names": ", ".join(outsiders)}, extra={"fields": {"workers": outsiders}})
    case.assigned_workers.set(workers)
    audit.record(actor=actor, action="update", instance=case, case=case,
                 changes={"assigned_workers": sorted(w.pk for w in workers)})
    _touch(case)
    return case


@transaction.atomic
def case_delete(*, actor, case: Case, reason: str) -> None:
    """Delete a case and all its parts (and the person, if they have no other case). Supervisors only."""
    _owner_access(actor, case)
    _require(actor, "cases.approve")
    if not reason.strip():
        raise ApplicationError(_("Give a reason for deleting the case."), extra={"fields": {"reason": ["required"]}})
    audit.record(actor=actor, action="delete", instance=case, case=case, changes={"reason": audit.IDENTIFYING})
    # listed outside the database, so that restoring an older backup deletes the case again (docs/backup.md)
    erasure_register.record_erasure(case.public_id, erasure_register.DELETED)
    delete_case_rows(actor=actor, case=case)


def delete_case_rows(*, actor, case: Case) -> None:
    """Remove the case, its parts and (without another case) its person; the caller checks and audits."""
    person = case.person
    for model in (Approval, Referral, Determination, Evidence, Screening, SupportService, SupportPlan,
                  NeedsAssessment, CaseNote, TraffickingEvent, PerpetratorContext, Consent):
        if model is Evidence:
            model.objects.filter(screening__case=case).delete()
        else:
            model.objects.filter(case=case).delete()
    case.delete()
    if not person.cases.exists():
        audit.record(actor=actor, action="delete", instance=person, case=case)
        person.delete()


# ---- screening and determination ------------------------------------------------------------------

def screening_preview(interview: dict) -> dict:
    """What the engine suggests for an interview (for the form, as the worker fills it in). No write."""
    return screening_adapter.assess(interview)


@transaction.atomic
def screening_record(*, actor, case: Case, interview: dict, evidence: Iterable[dict] = (),
                     screened_on: dt.date | None = None) -> Screening:
    """Store a screening: the engine's input and its suggestion exactly as produced, with the evidence.

    ``interview`` is the engine's document (``acts``, ``means``, ``purposes``, ``indicators``,
    ``absent``); ``person`` is filled from the case when missing. The purposes and indicators are
    added to the case's types of exploitation and methods of control.
    """
    _owner_access(actor, case)
    _open_case(case)
    document = dict(interview)
    document.setdefault("person", screening_adapter.person_facts(case.person, case.registered_on))
    try:
        suggestion = screening_adapter.assess(document)
    except screening_adapter.InvalidInterview as exc:
        raise ApplicationError(str(exc), extra={"fields": {"interview": [str(exc)]}}) from None
    screening = Screening(case=case, interview=document, suggestion=suggestion,
                          suggested_status=suggestion["status"], requires_review=suggestion["requires_review"],
                          engine_version=screening_adapter.engine_version(), screened_by=actor,
                          screened_on=screened_on or timezone.localdate())
    _clean(screening, exclude=["case", "screened_by"])
    screening.save()
    for item in evidence:
        ev = Evidence(screening=screening, **item)
        _clean(ev, exclude=["screening"])
        ev.save()
    _audit_create(actor, screening, case, ["suggested_status", "requires_review", "screened_on"])
    _merge_context(actor, case, purposes=document.get("purposes", []), indicators=document.get("indicators", []))
    _touch(case)
    return screening


def _merge_context(actor, case: Case, *, purposes: list[str], indicators: list[str]) -> None:
    case = Case.objects.get(pk=case.pk)
    exploitation = case.exploitation_types + [p for p in purposes if p not in case.exploitation_types]
    control = case.methods_of_control + [i for i in indicators if i not in case.methods_of_control]
    if exploitation != case.exploitation_types or control != case.methods_of_control:
        case.exploitation_types, case.methods_of_control = exploitation, control
        case.save(update_fields=["exploitation_types", "methods_of_control", "updated_at"])
        audit.record(actor=actor, action="update", instance=case, case=case,
                     changes=audit.describe_changes(case, ["exploitation_types", "methods_of_control"]))


@transaction.atomic
def determination_request(*, actor, case: Case, status: str, decision_org_type: str, rationale: str = "",
                          screening: Screening | None = None, comment: str = "") -> Approval:
    """Record a worker's determination of trafficking status and ask a supervisor to approve it."""
    _owner_access(actor, case)
    _open_case(case)
    det = Determination(case=case, screening=screening, status=status, decision_org_type=decision_org_type,
                        rationale=rationale, decided_by=actor, decided_on=timezone.localdate())
    _clean(det, exclude=["case", "screening", "decided_by"])
    det.save()
    _audit_create(actor, det, case, ["status", "decision_org_type", "rationale"])
    return _approval_request(actor=actor, case=case, kind=ApprovalKind.DETERMINATION, determination=det,
                             comment=comment)


# ---- context ---------------------------------------------------------------------------------------

@transaction.atomic
def event_add(*, actor, case: Case, event_type: str, country: str = "", state: str = "", city: str = "",
              description: str = "", date: dt.date | None = None) -> TraffickingEvent:
    """Add a recruitment, transit or exploitation event (HTCDS ``hte_*``)."""
    _owner_access(actor, case)
    _open_case(case)
    event = TraffickingEvent(case=case, event_type=event_type, country=country, state=state, city=city,
                             description=description, date=date)
    _clean(event, exclude=["case"])
    event.save()
    _audit_create(actor, event, case, ["event_type", "country", "state", "city", "description", "date"])
    _touch(case)
    return event


@transaction.atomic
def perpetrator_add(*, actor, case: Case, roles: list[str], relationship: str = "",
                    details: str = "") -> PerpetratorContext:
    """Add what a perpetrator did in the process (``per_RoleInProcess`` codes)."""
    _owner_access(actor, case)
    _open_case(case)
    perp = PerpetratorContext(case=case, roles=roles, relationship=relationship, details=details)
    _clean(perp, exclude=["case"])
    perp.save()
    _audit_create(actor, perp, case, ["roles", "relationship", "details"])
    _touch(case)
    return perp


# ---- consent ----------------------------------------------------------------------------------------

@transaction.atomic
def consent_record(*, actor, case: Case, purpose: str, organisation=None, given_by: str = GivenBy.SELF,
                   guardian_name: str = "", child_assent: bool | None = None,
                   given_on: dt.date | None = None) -> Consent:
    """Record consent for one purpose. Sharing with an organisation names it; for a child, the
    consent is given by a parent or guardian (named) and the child's own assent is recorded."""
    _owner_access(actor, case)
    _not_anonymised(case)
    errors = {}
    if purpose == ConsentPurpose.SHARE_ORGANISATION and organisation is None:
        errors["organisation"] = [_("Name the organisation the person agrees to share with.")]
    if purpose != ConsentPurpose.SHARE_ORGANISATION and organisation is not None:
        errors["organisation"] = [_("Only consent to share with an organisation names one.")]
    if case.child_at_registration:
        if given_by != GivenBy.GUARDIAN or not guardian_name.strip():
            errors["given_by"] = [_("A child's consent is given by a parent or guardian: name them.")]
        if child_assent is None:
            errors["child_assent"] = [_("Record whether the child assents.")]
    if errors:
        raise ApplicationError(_("The consent is incomplete."), extra={"fields": errors})
    consent = Consent(case=case, purpose=purpose, organisation=organisation, given_by=given_by,
                      guardian_name=guardian_name, child_assent=child_assent,
                      given_on=given_on or timezone.localdate(), recorded_by=actor)
    _clean(consent, exclude=["case", "recorded_by", "organisation"])
    consent.save()
    _audit_create(actor, consent, case, ["purpose", "organisation", "given_by", "guardian_name", "child_assent",
                                         "given_on"])
    _touch(case)
    return consent


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent) -> Consent:
    """Withdraw a consent now. Open referrals that rested on it are revoked in the same transaction,
    the police lose sight of the case if it was the consent to share with them, and the next
    de-identified extract leaves the case out if it was the consent to statistics."""
    case = consent.case
    _owner_access(actor, case)
    _not_anonymised(case)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_at is not None:
        raise ApplicationError(_("This consent was already withdrawn."))
    consent.withdrawn_at, consent.withdrawn_by = timezone.now(), actor
    consent.save(update_fields=["withdrawn_at", "withdrawn_by"])
    audit.record(actor=actor, action="withdraw", instance=consent, case=case,
                 changes={"purpose": consent.purpose, "withdrawn_at": consent.withdrawn_at.isoformat()})
    for referral in Referral.objects.filter(consent=consent, state__in=OPEN_REFERRAL_STATES):
        _referral_set_state(actor, referral, ReferralState.REVOKED, note="")
    _touch(case)
    return consent


# ---- referrals and transfers ------------------------------------------------------------------------

def _consent_gate(actor, case: Case, to_organisation, override_reason: str) -> tuple[Consent | None, bool]:
    """The consent that allows sharing with ``to_organisation``, or an override; else ``ConsentRequired``."""
    purpose = selectors.consent_needed_for(to_organisation)
    consent = selectors.active_consent(
        case, purpose, organisation=to_organisation if purpose == ConsentPurpose.SHARE_ORGANISATION else None)
    if consent is not None:
        return consent, False
    if purpose == ConsentPurpose.SHARE_POLICE:
        raise ConsentRequired(_("Sharing with the police needs the person's consent to share with the police; "
                                "it cannot be overridden."), extra={"consent": purpose})
    if not override_reason.strip():
        raise ConsentRequired(_("The person has not consented to sharing with %(org)s. Record their consent "
                                "first, or a supervisor may override with a reason.") % {"org": to_organisation.name},
                              extra={"consent": purpose, "organisation": to_organisation.pk})
    if not user_can(actor, "cases.consent_override"):
        raise PermissionRefused(_("Only a supervisor may share without consent."),
                                extra={"capability": "cases.consent_override"})
    return None, True


def _referral_create(*, actor, case: Case, kind: str, to_organisation, service_type: str, sections: list[str],
                     reason: str, details: str, override_reason: str) -> Referral:
    _owner_access(actor, case)
    _open_case(case)
    if to_organisation.pk == case.organisation_id:
        raise ApplicationError(_("A case cannot be referred to its own organisation."),
                               extra={"fields": {"to_organisation": ["own organisation"]}})
    if not to_organisation.is_active:
        raise ApplicationError(_("%(org)s is deactivated: it takes no referrals or transfers.")
                               % {"org": to_organisation.name},
                               extra={"fields": {"to_organisation": ["deactivated organisation"]}})
    unknown = sorted(set(sections) - set(Section.values))
    if unknown or (kind == ReferralKind.REFERRAL and not sections):
        raise ApplicationError(_("Choose which sections to share."),
                               extra={"fields": {"sections": unknown or ["required"]}})
    consent, overridden = _consent_gate(actor, case, to_organisation, override_reason)
    referral = Referral(case=case, kind=kind, from_organisation_id=case.organisation_id,
                        to_organisation=to_organisation, service_type=service_type, sections=sorted(set(sections)),
                        reason=reason, details=details, consent=consent, created_by=actor,
                        consent_overridden_by=actor if overridden else None,
                        override_reason=override_reason if overridden else "")
    _clean(referral, exclude=["case", "from_organisation", "to_organisation", "consent", "created_by",
                              "consent_overridden_by"])
    referral.save()
    changes = audit.describe_changes(referral, ["kind", "to_organisation", "service_type", "sections", "reason"])
    changes["consent"] = consent.pk if consent else None
    if overridden:
        changes["consent_override"] = True
        changes["override_reason"] = audit.IDENTIFYING
    audit.record(actor=actor, action="create", instance=referral, case=case, changes=changes)
    _touch(case)
    return referral


@transaction.atomic
def referral_create(*, actor, case: Case, to_organisation, service_type: str, sections: list[str],
                    reason: str = "", details: str = "", override_reason: str = "") -> Referral:
    """Share chosen sections with another organisation for a service.

    Refused (``ConsentRequired``) without the matching consent in force, unless the actor holds
    ``cases.consent_override`` and gives ``override_reason`` (recorded on the referral and in the
    audit). Sharing with the police always needs consent.
    """
    return _referral_create(actor=actor, case=case, kind=ReferralKind.REFERRAL, to_organisation=to_organisation,
                            service_type=service_type, sections=sections, reason=reason, details=details,
                            override_reason=override_reason)


@transaction.atomic
def transfer_create(*, actor, case: Case, to_organisation, reason: str = "", details: str = "",
                    override_reason: str = "") -> Referral:
    """Ask another organisation to take over the case; on acceptance it becomes the owner."""
    return _referral_create(actor=actor, case=case, kind=ReferralKind.TRANSFER, to_organisation=to_organisation,
                            service_type="", sections=list(Section.values), reason=reason, details=details,
                            override_reason=override_reason)


def _referral_set_state(actor, referral: Referral, state: str, note: str) -> Referral:
    now = timezone.now()
    referral.state = state
    fields = ["state"]
    if state in (ReferralState.ACCEPTED, ReferralState.REJECTED):
        referral.responded_by, referral.responded_at, referral.response_note = actor, now, note
        fields += ["responded_by", "responded_at", "response_note"]
    else:
        referral.closed_at = now
        fields.append("closed_at")
        if note:
            referral.response_note = note
            fields.append("response_note")
    referral.save(update_fields=fields)
    audit.record(actor=actor, action=f"referral.{state}", instance=referral, case=referral.case,
                 changes={"state": state, **({"note": audit.IDENTIFYING} if note else {})})
    return referral


def _recipient_check(actor, referral: Referral) -> None:
    if actor.organisation_id != referral.to_organisation_id or not (
            user_can(actor, "cases.edit") or user_can(actor, "cases.view_referred_to_police")):
        raise NotFound("referral")


@transaction.atomic
def referral_accept(*, actor, referral: Referral, note: str = "") -> Referral:
    """The receiving organisation accepts. For a transfer the case moves to it, owned by the actor."""
    _recipient_check(actor, referral)
    referral = Referral.objects.select_for_update().select_related("case").get(pk=referral.pk)
    if referral.state != ReferralState.IN_PROGRESS:
        raise ApplicationError(_("This referral is no longer waiting for an answer (it is %(state)s).")
                               % {"state": referral.get_state_display()})
    if referral.consent_id and referral.consent.withdrawn_at is not None:  # defensive: withdrawal revokes
        raise ConsentRequired(_("The person withdrew the consent this referral rested on."))
    _referral_set_state(actor, referral, ReferralState.ACCEPTED, note)
    if referral.kind == ReferralKind.TRANSFER:
        case = referral.case
        old = {"organisation": case.organisation_id, "owner": case.owner_id}
        case.organisation_id, case.owner = actor.organisation_id, actor
        case.save(update_fields=["organisation", "owner", "updated_at"])
        case.assigned_workers.clear()
        audit.record(actor=actor, action="transfer", instance=case, case=case,
                     changes={"organisation": [old["organisation"], case.organisation_id],
                              "owner": [old["owner"], case.owner_id]})
    _touch(referral.case)
    return referral


@transaction.atomic
def referral_reject(*, actor, referral: Referral, note: str = "") -> Referral:
    """The receiving organisation declines."""
    _recipient_check(actor, referral)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.state != ReferralState.IN_PROGRESS:
        raise ApplicationError(_("This referral is no longer waiting for an answer."))
    _referral_set_state(actor, referral, ReferralState.REJECTED, note)
    _touch(referral.case)
    return referral


@transaction.atomic
def referral_complete(*, actor, referral: Referral, note: str = "") -> Referral:
    """Mark an accepted referral done (by either side): the service was delivered."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if actor.organisation_id not in (referral.to_organisation_id, referral.from_organisation_id) or not (
            user_can(actor, "cases.edit") or user_can(actor, "cases.view_referred_to_police")):
        raise NotFound("referral")
    if referral.state != ReferralState.ACCEPTED:
        raise ApplicationError(_("Only an accepted referral can be marked done."))
    _referral_set_state(actor, referral, ReferralState.DONE, note)
    _touch(referral.case)
    return referral


@transaction.atomic
def referral_revoke(*, actor, referral: Referral, note: str = "") -> Referral:
    """The referring organisation withdraws an open referral; the recipient loses access at once."""
    _owner_access(actor, referral.case)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.state not in OPEN_REFERRAL_STATES:
        raise ApplicationError(_("Only an open referral can be revoked."))
    _referral_set_state(actor, referral, ReferralState.REVOKED, note)
    _touch(referral.case)
    return referral


# ---- assessment, plan, services, notes ------------------------------------------------------------

@transaction.atomic
def assessment_record(*, actor, case: Case, needs: list[str], risk_summary: str = "",
                      best_interests_done: bool = False, best_interests_summary: str = "",
                      guardian_name: str = "", guardian_relationship: str = "",
                      assessed_on: dt.date | None = None) -> NeedsAssessment:
    """Record a needs assessment; for a child, the best-interests assessment and the guardian."""
    _owner_access(actor, case)
    _open_case(case)
    item = NeedsAssessment(case=case, needs=needs, risk_summary=risk_summary,
                           best_interests_done=best_interests_done, best_interests_summary=best_interests_summary,
                           guardian_name=guardian_name, guardian_relationship=guardian_relationship,
                           assessed_by=actor, assessed_on=assessed_on or timezone.localdate())
    _clean(item, exclude=["case", "assessed_by"])
    item.save()
    _audit_create(actor, item, case, ["needs", "risk_summary", "best_interests_done", "best_interests_summary",
                                      "guardian_name", "guardian_relationship"])
    _touch(case)
    return item


@transaction.atomic
def plan_create(*, actor, case: Case, plan_type: str, objectives: str = "", action_plan: str = "",
                planned_end: dt.date | None = None, services: Iterable[dict] = ()) -> SupportPlan:
    """Draft a support plan with its services (each ``{"service_type", "provider", "planned_start", ...}``)."""
    _owner_access(actor, case)
    _open_case(case)
    plan = SupportPlan(case=case, plan_type=plan_type, objectives=objectives, action_plan=action_plan,
                       planned_end=planned_end, created_by=actor)
    _clean(plan, exclude=["case", "created_by"])
    plan.save()
    _audit_create(actor, plan, case, ["plan_type", "objectives", "action_plan", "planned_end"])
    for item in services:
        _service_add(actor, case, plan, item)
    _touch(case)
    return plan


@transaction.atomic
def plan_submit(*, actor, plan: SupportPlan, comment: str = "") -> Approval:
    """Ask a supervisor to approve the case plan."""
    _owner_access(actor, plan.case)
    _open_case(plan.case)
    if plan.state not in (PlanState.DRAFT, PlanState.REJECTED):
        raise ApplicationError(_("This plan is already submitted or approved."))
    plan.state = PlanState.SUBMITTED
    plan.save(update_fields=["state"])
    return _approval_request(actor=actor, case=plan.case, kind=ApprovalKind.CASE_PLAN, plan=plan, comment=comment)


def _service_add(actor, case: Case, plan: SupportPlan | None, item: dict) -> SupportService:
    service = SupportService(case=case, plan=plan, created_by=actor, **item)
    _clean(service, exclude=["case", "plan", "created_by", "provider"])
    service.save()
    _audit_create(actor, service, case, ["service_type", "provider", "planned_start", "planned_end", "outcome"])
    return service


@transaction.atomic
def service_add(*, actor, case: Case, plan: SupportPlan | None = None, **item) -> SupportService:
    """Add a service to the case (owner), e.g. ``service_type="accommodation", provider=shelter``."""
    _owner_access(actor, case)
    _open_case(case)
    service = _service_add(actor, case, plan, item)
    _touch(case)
    return service


SERVICE_UPDATE_FIELDS = frozenset({"planned_start", "planned_end", "actual_start", "actual_end", "outcome"})


@transaction.atomic
def service_update(*, actor, service: SupportService, **fields) -> SupportService:
    """Record dates and outcome of a service: the owner, or the providing organisation once it accepted."""
    access = _access(actor, service.case)
    provider = access.level == "recipient" and service.provider_id == actor.organisation_id
    if not (access.can_edit and user_can(actor, "cases.edit")) and not provider:
        raise PermissionRefused(_("Only the owner of the case or the provider can update this service."))
    _not_anonymised(service.case)
    changed = _set(service, fields, SERVICE_UPDATE_FIELDS)
    _clean(service, exclude=["case", "plan", "created_by", "provider"])
    service.save()
    audit.record(actor=actor, action="update", instance=service, case=service.case,
                 changes=audit.describe_changes(service, changed))
    _touch(service.case)
    return service


@transaction.atomic
def note_add(*, actor, case: Case, text: str) -> CaseNote:
    """Add a case note (owner or an organisation the case was referred to). The text is encrypted."""
    access = _access(actor, case)
    _open_case(case)
    if not access.can_add_notes or not user_can(actor, "cases.edit"):
        raise PermissionRefused(_("You cannot add notes to this case."))
    if not text.strip():
        raise ApplicationError(_("The note is empty."), extra={"fields": {"text": ["required"]}})
    note = CaseNote(case=case, author=actor, organisation_id=actor.organisation_id, text=text)
    note.save()
    _audit_create(actor, note, case, ["text"])
    _touch(case)
    return note


# ---- approvals, closure, reopening ----------------------------------------------------------------

def _approval_request(*, actor, case: Case, kind: str, determination=None, plan=None, comment: str = "",
                      closure_status: str = "", closure_reason: str = "") -> Approval:
    approval = Approval(case=case, kind=kind, determination=determination, plan=plan, requested_by=actor,
                        request_comment=comment, closure_status=closure_status, closure_reason=closure_reason)
    approval.save()
    audit.record(actor=actor, action="approval.requested", instance=approval, case=case,
                 changes={"kind": kind, **({"comment": audit.IDENTIFYING} if comment else {})})
    _touch(case)
    return approval


@transaction.atomic
def closure_request(*, actor, case: Case, reason: str, status: str = CaseStatus.CLOSED) -> Approval:
    """Ask a supervisor to close the case (``Closed``, or ``ClosedReferred`` when handed on)."""
    _owner_access(actor, case)
    _not_anonymised(case)
    if case.is_closed:
        raise ApplicationError(_("The case is already closed."))
    if status not in (CaseStatus.CLOSED, CaseStatus.CLOSED_REFERRED):
        raise ApplicationError(_("A case closes as Closed or ClosedReferred."), extra={"fields": {"status": [status]}})
    if not reason.strip():
        raise ApplicationError(_("Give the reason for closing the case."), extra={"fields": {"reason": ["required"]}})
    if Approval.objects.filter(case=case, kind=ApprovalKind.CLOSURE, state=ApprovalState.REQUESTED).exists():
        raise ApplicationError(_("Closure was already requested."))
    return _approval_request(actor=actor, case=case, kind=ApprovalKind.CLOSURE, closure_status=status,
                             closure_reason=reason)


@transaction.atomic
def approval_decide(*, actor, approval: Approval, approve: bool, comment: str = "") -> Approval:
    """A supervisor of the owning organisation approves or rejects; nobody approves their own request.

    Approving a determination sets the case's trafficking status; a plan becomes approved; a closure
    closes the case with its reason.
    """
    case = approval.case
    _access(actor, case)
    _require(actor, "cases.approve")
    _owner_access(actor, case)
    _not_anonymised(case)
    approval = Approval.objects.select_for_update().get(pk=approval.pk)
    if approval.state != ApprovalState.REQUESTED:
        raise ApplicationError(_("This request was already decided."))
    if approval.requested_by_id == actor.pk:
        raise PermissionRefused(_("You cannot approve your own request; another supervisor must decide."))
    approval.state = ApprovalState.APPROVED if approve else ApprovalState.REJECTED
    approval.decided_by, approval.decided_at, approval.decision_comment = actor, timezone.now(), comment
    approval.save()
    audit.record(actor=actor, action=f"approval.{approval.state}", instance=approval, case=case,
                 changes={"kind": approval.kind, **({"comment": audit.IDENTIFYING} if comment else {})})
    case = Case.objects.select_for_update().get(pk=case.pk)
    if approval.kind == ApprovalKind.DETERMINATION and approve:
        Determination.objects.filter(pk=approval.determination_id).update(approved=True)
        case.trafficking_status = approval.determination.status
        case.save(update_fields=["trafficking_status", "updated_at"])
        audit.record(actor=actor, action="update", instance=case, case=case,
                     changes=audit.describe_changes(case, ["trafficking_status"]))
    elif approval.kind == ApprovalKind.CASE_PLAN:
        SupportPlan.objects.filter(pk=approval.plan_id).update(
            state=PlanState.APPROVED if approve else PlanState.REJECTED)
    elif approval.kind == ApprovalKind.CLOSURE and approve:
        case.status, case.closed_on = approval.closure_status, timezone.localdate()
        case.closure_reason = approval.closure_reason
        case.save(update_fields=["status", "closed_on", "closure_reason", "updated_at"])
        audit.record(actor=actor, action="update", instance=case, case=case,
                     changes=audit.describe_changes(case, ["status", "closed_on", "closure_reason"]))
    _touch(case)
    return approval


@transaction.atomic
def case_reopen(*, actor, case: Case, reason: str) -> Case:
    """Reopen a closed case (status Active; stage ``reopened`` until something new is recorded).

    Reopening also takes the case out of the retention rule: it is due again only N years after its
    next closure. An anonymised case cannot be reopened (its details are gone).
    """
    _owner_access(actor, case)
    _not_anonymised(case)
    case = Case.objects.select_for_update().get(pk=case.pk)
    if not case.is_closed:
        raise ApplicationError(_("Only a closed case can be reopened."))
    if not reason.strip():
        raise ApplicationError(_("Give the reason for reopening."), extra={"fields": {"reason": ["required"]}})
    case.status, case.closed_on, case.reopened_at = CaseStatus.ACTIVE, None, timezone.now()
    case.save(update_fields=["status", "closed_on", "reopened_at", "updated_at"])
    audit.record(actor=actor, action="reopen", instance=case, case=case,
                 changes={"status": case.status, "reason": audit.IDENTIFYING})
    case.stage = workflow.compute_stage(case)
    case.save(update_fields=["stage"])
    return case
