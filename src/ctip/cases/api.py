"""The JSON API of the case store (django-ninja; OpenAPI schema at ``/cases/api/openapi.json``).

Same rules as the pages, because it calls the same selectors and services:
- a case the caller may not see answers 404 with the same body as a missing one;
- a refused action answers 403, bad input 400 with ``{"message", "extra": {"fields": {name: [problems]}}}``;
- every write is one service call (or one transaction): nothing is written when anything fails.

Authentication: ``Authorization: Bearer <token>`` for service accounts (``ctip manage api_token USER``),
or the browser session (with its CSRF token) for pages that call the API.
"""

from __future__ import annotations

import datetime as dt

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Router, Schema, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth
from pydantic import Field

from ctip.accounts.models import Organisation, User
from ctip.accounts.permissions import user_can
from ctip.cases import duplicates, screening_adapter, selectors, services
from ctip.cases.errors import ApplicationError, NotFound, PermissionRefused
from ctip.cases.models import Case, Consent, Person, Referral, SupportService

TOKEN_SALT = "ctip.cases.api.token"
TOKEN_PREFIX = "ctip_"


# ---- tokens ------------------------------------------------------------------------------------------

def _fingerprint(user: User) -> str:
    """Changes when the account's password (usable or not) changes: setting a new one revokes old tokens."""
    return salted_hmac(TOKEN_SALT, f"{user.pk}:{user.password}").hexdigest()[:24]


def token_issue(user: User, *, days: int = 365) -> str:
    """A bearer token for a service account, valid ``days`` days (signed with the site's secret key).

    Nothing is stored: ``user.set_unusable_password()`` (or any password change) revokes every token
    issued before it.
    """
    if not user.is_service_account:
        raise ApplicationError(_("API tokens are issued only to service accounts."),
                               extra={"fields": {"user": ["not a service account"]}})
    expires = int((dt.datetime.now(dt.UTC) + dt.timedelta(days=days)).timestamp())
    return TOKEN_PREFIX + signing.dumps({"u": user.pk, "f": _fingerprint(user), "e": expires}, salt=TOKEN_SALT)


def token_user(token: str) -> User | None:
    """The active service account a token belongs to, or None (bad signature, expired, revoked)."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    try:
        claims = signing.loads(token[len(TOKEN_PREFIX):], salt=TOKEN_SALT)
    except signing.BadSignature:
        return None
    if claims.get("e", 0) < dt.datetime.now(dt.UTC).timestamp():
        return None
    user = User.objects.filter(pk=claims.get("u"), is_active=True, is_service_account=True).first()
    if user is None or not constant_time_compare(claims.get("f", ""), _fingerprint(user)):
        return None
    return user if user.may_sign_in else None  # refused while its organisation is deactivated


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(title="ctip case store", version="1", urls_namespace="cases:api", docs_url=None,
               auth=[TokenAuth(), SessionAuth()],
               description="Cases, screening, consent, referrals, approvals and notes. Same permissions as "
                           "the pages; a case you may not see answers 404.")


# ---- errors: one JSON shape ----------------------------------------------------------------------------

def _error(request, status: int, message: str, extra: dict | None = None):
    return api.create_response(request, {"message": message, "extra": extra or {}}, status=status)


@api.exception_handler(ApplicationError)
def _application_error(request, exc: ApplicationError):
    return _error(request, 403 if isinstance(exc, PermissionRefused) else 400, exc.message, exc.extra)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return _error(request, 404, str(exc) if isinstance(exc, NotFound) else _("Not found."))


@api.exception_handler(PermissionDenied)
def _forbidden(request, exc):
    return _error(request, 403, _("Your role does not allow this."))


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    return _error(request, 401, _("Authentication required: a bearer token or a session."))


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    """Errors django-ninja raises itself (a failed CSRF check of a session call), in the same shape."""
    if exc.status_code == 403 and "CSRF" in str(exc):
        return _error(request, 403, _("The CSRF check failed: a call authenticated by a session must send the "
                                      "X-CSRFToken header with the value of the csrftoken cookie (or use a "
                                      "bearer token)."))
    return _error(request, exc.status_code, str(exc))


@api.exception_handler(ValidationError)
def _invalid(request, exc: ValidationError):
    fields: dict[str, list[str]] = {}
    for err in exc.errors:
        loc = [str(p) for p in err.get("loc", []) if p not in ("body", "query", "path", "payload", "form")]
        fields.setdefault(".".join(loc) or "body", []).append(err.get("msg", "invalid"))
    return _error(request, 400, _("Please correct the highlighted fields."), {"fields": fields})


def _require(request, capability: str) -> None:
    if not user_can(request.auth, capability):
        raise PermissionRefused(_("Your role does not allow this."), extra={"capability": capability})


def _case(request, public_id: str, *, log_view: bool = False) -> Case:
    return selectors.case_get_for(request.auth, public_id, log_view=log_view)


def _organisation(pk: int | None, field: str) -> Organisation | None:
    if pk is None:
        return None
    org = Organisation.objects.filter(pk=pk).first()
    if org is None:
        raise ApplicationError(_("Unknown organisation."), extra={"fields": {field: [_("no organisation %(id)s") % {"id": pk}]}})
    return org


# ---- schemas -------------------------------------------------------------------------------------------

class Message(Schema):
    message: str
    extra: dict = {}


class CaseSummary(Schema):
    public_id: str
    module: str
    status: str
    stage: str
    nrm_phase: str
    organisation: str
    trafficking_status: str
    registered_on: dt.date
    is_synthetic: bool
    anonymised_at: dt.datetime | None = Field(None, description="when its identifying data was erased (read-only)")


class CasePage(Schema):
    count: int
    items: list[CaseSummary]


class PersonIn(Schema):
    first_name: str = Field(min_length=1, max_length=200)
    last_name: str = ""
    birth_date: dt.date | None = None
    age_years: int | None = Field(default=None, ge=0, le=120)
    age_estimated: bool = False
    appears_to_be_child: bool = False
    gender: str = ""
    citizenship: str = ""
    identity_number: str = ""
    mobile_phone: str = ""
    email: str = ""


class CaseIn(PersonIn):
    module: str | None = None
    nrm_phase: str | None = None
    # A case id the caller may see: open the new case for that case's person (a person who returns), as the
    # registration page's "Open a new case for this person" does. Details on record are never overwritten.
    same_person_as: str | None = None
    # The caller looked at the possible matches (``POST /cases/matches``) and judged them other people: a new
    # person is registered and the declined matches are audited, as the page's "Register a different person".
    different_person: bool = False


class InterviewIn(Schema):
    acts: list[str] = []
    means: list[str] = []
    purposes: list[str] = []
    indicators: list[str] = []
    absent: list[str] = []


class EvidenceIn(Schema):
    element: str
    codes: list[str] = []
    source: str
    note: str = ""
    observed_on: dt.date | None = None


class ScreeningIn(InterviewIn):
    evidence: list[EvidenceIn] = []


class PreviewIn(InterviewIn):
    person: dict | None = None


class ConsentIn(Schema):
    purpose: str
    organisation: int | None = None
    given_by: str = "self"
    guardian_name: str = ""
    child_assent: bool | None = None
    given_on: dt.date | None = None


class ConsentOut(Schema):
    id: int
    purpose: str
    organisation: int | None = Field(None, alias="organisation_id")
    given_by: str
    child_assent: bool | None
    given_on: dt.date
    withdrawn_at: dt.datetime | None


class ReferralIn(Schema):
    to_organisation: int
    service_type: str
    sections: list[str]
    reason: str = ""
    details: str = ""
    override_reason: str = ""


class ReferralOut(Schema):
    id: int
    case: str
    kind: str
    state: str
    from_organisation: int
    to_organisation: int
    service_type: str
    sections: list[str]
    consent_overridden: bool
    created_at: dt.datetime


class TransferIn(Schema):
    to_organisation: int
    reason: str = ""
    details: str = ""
    override_reason: str = ""


class PersonPatch(Schema):
    """Only the fields sent are changed; an empty string clears a text field."""

    first_name: str | None = Field(default=None, min_length=1, max_length=200)
    middle_name: str | None = None
    last_name: str | None = None
    birth_date: dt.date | None = None
    age_years: int | None = Field(default=None, ge=0, le=120)
    age_estimated: bool | None = None
    appears_to_be_child: bool | None = None
    gender: str | None = None
    citizenship: str | None = None
    identity_number: str | None = None
    mobile_phone: str | None = None
    home_phone: str | None = None
    email: str | None = None
    mailing_street: str | None = None
    mailing_city: str | None = None
    mailing_state: str | None = None
    mailing_postal_code: str | None = None
    mailing_country: str | None = None


class ServiceDates(Schema):
    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    outcome: str = ""


class ServiceIn(ServiceDates):
    service_type: str
    plan: int | None = None
    provider: int | None = None


class ServicePatch(Schema):
    """Only the fields sent are changed."""

    planned_start: dt.date | None = None
    planned_end: dt.date | None = None
    actual_start: dt.date | None = None
    actual_end: dt.date | None = None
    outcome: str | None = None


class ServiceOut(ServiceDates):
    id: int
    service_type: str
    plan: int | None = Field(None, alias="plan_id")
    provider: int | None = Field(None, alias="provider_id")


class PerpetratorIn(Schema):
    roles: list[str]
    relationship: str = ""
    details: str = ""


class AssignIn(Schema):
    workers: list[str] = Field(description="usernames of workers of the owning organisation")


class NoteIn(Schema):
    text: str = Field(min_length=1, max_length=10_000)


class NoteOut(Schema):
    id: int
    text: str
    author: str
    organisation: str
    created_at: dt.datetime


# The victim context (HTCDS ``vic_*``) that ``GET /cases/{id}`` shows with the context section.
CONTEXT_FIELDS = ("recruitment_methods", "recruitment_websites", "methods_of_control", "exploitation_types",
                  "sex_exploitation_types", "labour_sector", "relationship_to_trafficker", "age_when_trafficked",
                  "exploitation_months")
# What ``null`` means for the fields of ``CasePatch`` that can be emptied (ages stay null).
CLEARED = {"labour_sector": "", "relationship_to_trafficker": "", "recruitment_methods": [],
           "recruitment_websites": [], "methods_of_control": [], "exploitation_types": [],
           "sex_exploitation_types": []}


class CasePatch(Schema):
    """Only the fields sent are changed: module, NRM phase and the victim context (HTCDS ``vic_*`` codes)."""

    module: str | None = None
    nrm_phase: str | None = None
    recruitment_methods: list[str] | None = None
    recruitment_websites: list[str] | None = None
    methods_of_control: list[str] | None = None
    exploitation_types: list[str] | None = None
    sex_exploitation_types: list[str] | None = None
    labour_sector: str | None = None
    relationship_to_trafficker: str | None = None
    age_when_trafficked: int | None = Field(default=None, ge=0, le=120)
    exploitation_months: int | None = Field(default=None, ge=0, le=1200)


class DeterminationIn(Schema):
    status: str = Field(description="HTCDS vic_TraffickingStatus")
    decision_org_type: str = Field(description="HTCDS vic_TraffickingStatusDecisionMakingOrg")
    rationale: str = ""


class AssessmentIn(Schema):
    needs: list[str] = Field(description="ctip.service_type codes of the services the person needs")
    risk_summary: str = ""
    best_interests_done: bool = False
    best_interests_summary: str = ""
    guardian_name: str = ""
    guardian_relationship: str = ""
    assessed_on: dt.date | None = None


class EventIn(Schema):
    event_type: str = Field(description="HTCDS hte_Type: Recruitment, Transit or Exploitation")
    country: str = ""
    state: str = ""
    city: str = ""
    description: str = ""
    date: dt.date | None = None


class ClosureIn(Schema):
    reason: str
    status: str = "Closed"


class ApprovalOut(Schema):
    id: int
    case: str
    kind: str
    state: str
    requested_by: str
    requested_at: dt.datetime
    decided_by: str | None
    decision_comment: str


class DecisionIn(Schema):
    approve: bool
    comment: str = ""


class ResponseIn(Schema):
    note: str = ""


def _summary(case: Case) -> dict:
    return {"public_id": case.public_id, "module": case.module, "status": case.status, "stage": case.stage,
            "nrm_phase": case.nrm_phase, "organisation": case.organisation.code,
            "trafficking_status": case.trafficking_status, "registered_on": case.registered_on,
            "is_synthetic": case.is_synthetic, "anonymised_at": case.anonymised_at}


def _person(p: Person) -> dict:
    return {"first_name": p.first_name, "last_name": p.last_name,
            "birth_date": p.birth_date.isoformat() if p.birth_date else None, "age_years": p.age_years,
            "age_estimated": p.age_estimated, "appears_to_be_child": p.appears_to_be_child, "gender": p.gender,
            "citizenship": p.citizenship, "is_child": p.is_child, "child_presumed": p.child_presumed}


def _referral(r: Referral) -> dict:
    return {"id": r.pk, "case": r.case.public_id, "kind": r.kind, "state": r.state,
            "from_organisation": r.from_organisation_id, "to_organisation": r.to_organisation_id,
            "service_type": r.service_type, "sections": r.sections,
            "consent_overridden": r.consent_overridden_by_id is not None, "created_at": r.created_at}


def _approval(a) -> dict:
    return {"id": a.pk, "case": a.case.public_id, "kind": a.kind, "state": a.state,
            "requested_by": a.requested_by.username, "requested_at": a.requested_at,
            "decided_by": a.decided_by.username if a.decided_by_id else None,
            "decision_comment": a.decision_comment or ""}


# ---- cases ---------------------------------------------------------------------------------------------

cases = Router(tags=["cases"])


@cases.get("/", response=CasePage)
def case_list(request, q: str = "", status: str = "", stage: str = "", module: str = "",
              organisation: int | None = None, mine: bool = False, limit: int = 50, offset: int = 0):
    """Cases the caller may see, newest activity first; ``q`` is a case id or an exact identifier;
    ``mine`` keeps the cases the caller owns or is assigned to."""
    limit, offset = min(max(limit, 1), 500), max(offset, 0)
    found = selectors.case_list_for(request.auth, search=q, status=status, stage=stage, module=module,
                                    organisation_id=organisation, mine=mine)
    return {"count": found.count(), "items": [_summary(c) for c in found[offset:offset + limit]]}


@cases.post("/", response={201: CaseSummary, 409: dict})
def case_register(request, payload: CaseIn):
    """Register a person and open their case in the caller's organisation, after the same check for possible
    matches as the registration page. With ``same_person_as`` (a case id the caller may see, e.g. from
    ``POST /cases/matches``), open a new case for that case's person instead. Without it, a registration that
    has possible matches is refused (409, the matches listed as ``/matches`` lists them) unless the caller
    sends ``"different_person": true``: then a new person is registered and the matches declined are audited."""
    data = payload.dict()
    module, nrm_phase, same_as = data.pop("module"), data.pop("nrm_phase"), data.pop("same_person_as")
    different = data.pop("different_person")
    person = {k: v for k, v in data.items() if v not in (None, "")}
    if same_as:
        existing = _case(request, same_as)
        case = services.case_create_for_person(actor=request.auth, person_id=existing.person_id, module=module,
                                               nrm_phase=nrm_phase, **person)
        return Status(201, _summary(case))
    matches = duplicates.possible_matches(request.auth, person) if user_can(request.auth, "cases.edit") else []
    if matches and not different:
        return Status(409, {
            "message": _("This person may already be registered in your organisation. Send \"same_person_as\" "
                         "with one of their case ids to open a new case for them, or \"different_person\": true "
                         "to register a different person."),
            "extra": {"matches": _matches_json(matches)}})
    case = services.case_create(actor=request.auth, module=module, nrm_phase=nrm_phase,
                                declined_matches=matches, **person)
    return Status(201, _summary(case))


def _matches_json(matches: list[duplicates.PossibleMatch]) -> list[dict]:
    return [{"matched_on": list(m.reasons),
             "cases": [{"public_id": c.public_id, "status": c.status, "module": c.module,
                        "registered_on": c.registered_on, "closed_on": c.closed_on} for c in m.cases]}
            for m in matches]


@cases.post("/matches")
def case_matches(request, payload: PersonIn) -> dict:
    """People of the caller's organisation who may be this person (exact identity number, phone, e-mail, or
    name with birth date or age within a year; never another organisation's), strongest first, each with
    the reasons (codes) and their cases: the id only of a case the caller may see. Nothing is written."""
    if not user_can(request.auth, "cases.edit"):
        raise PermissionDenied
    person = {k: v for k, v in payload.dict().items() if v not in (None, "")}
    return {"matches": _matches_json(duplicates.possible_matches(request.auth, person))}


@cases.get("/{public_id}")
def case_detail(request, public_id: str) -> dict:
    """The case, with only the sections the caller may see (the view is audited)."""
    case = _case(request, public_id, log_view=True)
    sections = case.access.sections
    out: dict = {**_summary(case), "access": case.access.level, "sections": sorted(sections)}
    if "person" in sections:
        out["person"] = _person(case.person)
    if "screening" in sections:
        out["screenings"] = [{"id": s.pk, "screened_on": s.screened_on.isoformat(), "interview": s.interview,
                              "suggestion": s.suggestion} for s in case.screenings.all()]
    if "context" in sections:
        out |= {name: getattr(case, name) for name in CONTEXT_FIELDS}
        out["events"] = [{"event_type": e.event_type, "country": e.country,
                          "date": e.date.isoformat() if e.date else None} for e in case.events.all()]
        out["perpetrators"] = [{"id": p.pk, "roles": p.roles, "relationship": p.relationship}
                               for p in case.perpetrators.all()]
    if "plan" in sections:
        out["services"] = [ServiceOut.from_orm(s).dict() for s in case.services.all()]
    if case.access.can_edit:
        out["owner"] = case.owner.username
        out["assigned_workers"] = [w.username for w in case.assigned_workers.order_by("username")]
    return out


@cases.patch("/{public_id}")
def case_update(request, public_id: str, payload: CasePatch) -> dict:
    """Change the module, NRM phase or victim context; answers the case as ``GET /cases/{id}`` shows it."""
    case = _case(request, public_id)
    fields = payload.dict(exclude_unset=True)
    for name, value in list(fields.items()):
        if value is None and name in ("module", "nrm_phase"):
            raise ApplicationError(_("Please correct the highlighted fields."),
                                   extra={"fields": {name: [_("This field cannot be null.")]}})
        if value is None and name in CLEARED:  # null clears a code or a list
            fields[name] = CLEARED[name]
    services.case_update(actor=request.auth, case=case, **fields)
    return case_detail(request, public_id)


@cases.post("/{public_id}/screenings", response={201: dict})
def screening_record(request, public_id: str, payload: ScreeningIn):
    """Record a screening; answers the engine's suggestion as stored."""
    case = _case(request, public_id)
    data = payload.dict()
    evidence = data.pop("evidence")
    screening = services.screening_record(actor=request.auth, case=case, interview=data, evidence=evidence)
    return Status(201, {"id": screening.pk, "suggestion": screening.suggestion})


@cases.get("/{public_id}/consents", response=list[ConsentOut])
def consent_list(request, public_id: str):
    case = _case(request, public_id)
    if not case.access.can_edit:
        raise PermissionRefused(_("Only the organisation that owns the case sees its consents."))
    return list(selectors.consents_for(case))


@cases.post("/{public_id}/consents", response={201: ConsentOut})
def consent_record(request, public_id: str, payload: ConsentIn):
    case = _case(request, public_id)
    data = payload.dict()
    data["organisation"] = _organisation(data["organisation"], "organisation")
    return Status(201, services.consent_record(actor=request.auth, case=case, **data))


@cases.post("/{public_id}/consents/{consent_id}/withdraw", response=ConsentOut)
def consent_withdraw(request, public_id: str, consent_id: int):
    case = _case(request, public_id)
    consent = Consent.objects.filter(case=case, pk=consent_id).first()
    if consent is None:
        raise NotFound("consent")
    return services.consent_withdraw(actor=request.auth, consent=consent)


@cases.post("/{public_id}/referrals", response={201: ReferralOut})
def referral_create(request, public_id: str, payload: ReferralIn):
    case = _case(request, public_id)
    data = payload.dict()
    data["to_organisation"] = _organisation(data["to_organisation"], "to_organisation")
    return Status(201, _referral(services.referral_create(actor=request.auth, case=case, **data)))


@cases.post("/{public_id}/transfers", response={201: ReferralOut})
def transfer_create(request, public_id: str, payload: TransferIn):
    """Ask another organisation to take over the case (same consent gate as a referral)."""
    case = _case(request, public_id)
    data = payload.dict()
    data["to_organisation"] = _organisation(data["to_organisation"], "to_organisation")
    return Status(201, _referral(services.transfer_create(actor=request.auth, case=case, **data)))


@cases.patch("/{public_id}/person")
def person_update(request, public_id: str, payload: PersonPatch) -> dict:
    """Change the person's details; answers the person as ``GET /cases/{id}`` shows them."""
    case = _case(request, public_id)
    return _person(services.person_update(actor=request.auth, case=case, **payload.dict(exclude_unset=True)))


@cases.post("/{public_id}/services", response={201: ServiceOut})
def service_add(request, public_id: str, payload: ServiceIn):
    """Add a service, inside a plan of this case (``plan``) or outside any plan; provider defaults to the owner."""
    case = _case(request, public_id)
    data = payload.dict()
    plan_id = data.pop("plan")
    plan = case.plans.filter(pk=plan_id).first() if plan_id is not None else None
    if plan_id is not None and plan is None:
        raise ApplicationError(_("Unknown plan."), extra={"fields": {"plan": [_("no plan %(id)s in this case") % {"id": plan_id}]}})
    data["provider"] = _organisation(data["provider"], "provider") or case.organisation
    return Status(201, services.service_add(actor=request.auth, case=case, plan=plan, **data))


@cases.patch("/{public_id}/services/{service_id}", response=ServiceOut)
def service_update(request, public_id: str, service_id: int, payload: ServicePatch):
    """Record dates and outcome (the owner, or the provider once it accepted a referral)."""
    case = _case(request, public_id)
    service = SupportService.objects.filter(case=case, pk=service_id).first()
    if service is None or "plan" not in case.access.sections:
        raise NotFound("service")
    fields = payload.dict(exclude_unset=True)
    if fields.get("outcome", "") is None:
        fields["outcome"] = ""
    return services.service_update(actor=request.auth, service=service, **fields)


@cases.post("/{public_id}/perpetrators", response={201: dict})
def perpetrator_add(request, public_id: str, payload: PerpetratorIn):
    case = _case(request, public_id)
    perp = services.perpetrator_add(actor=request.auth, case=case, **payload.dict())
    return Status(201, {"id": perp.pk, "roles": perp.roles, "relationship": perp.relationship})


@cases.put("/{public_id}/workers")
def case_assign(request, public_id: str, payload: AssignIn) -> dict:
    """Replace the workers assigned to the case (usernames of the owning organisation's workers)."""
    case = _case(request, public_id)
    # users of other organisations are "unknown" too: the answer must not reveal who exists elsewhere
    workers = list(User.objects.filter(username__in=payload.workers, organisation_id=case.organisation_id))
    unknown = sorted(set(payload.workers) - {w.username for w in workers})
    if unknown:
        raise ApplicationError(_("No worker of this organisation with the username: %(names)s")
                               % {"names": ", ".join(unknown)},
                               extra={"fields": {"workers": unknown}})
    services.case_assign(actor=request.auth, case=case, workers=workers)
    return {"public_id": case.public_id, "workers": sorted(w.username for w in workers)}


@cases.get("/{public_id}/notes", response=list[NoteOut])
def note_list(request, public_id: str):
    case = _case(request, public_id)
    if "notes" not in case.access.sections:
        raise PermissionRefused(_("The notes of this case were not shared with you."))
    return [{"id": n.pk, "text": n.text, "author": n.author.username, "organisation": n.organisation.code,
             "created_at": n.created_at} for n in case.notes.select_related("author", "organisation")]


@cases.post("/{public_id}/notes", response={201: NoteOut})
def note_add(request, public_id: str, payload: NoteIn):
    case = _case(request, public_id)
    n = services.note_add(actor=request.auth, case=case, text=payload.text)
    return Status(201, {"id": n.pk, "text": n.text, "author": n.author.username, "organisation": n.organisation.code,
                        "created_at": n.created_at})


@cases.post("/{public_id}/determinations", response={201: ApprovalOut})
def determination_request(request, public_id: str, payload: DeterminationIn):
    """Record the person's decision on trafficking status (against the latest screening) and ask a
    supervisor to approve it; answers the approval request."""
    case = _case(request, public_id)
    return Status(201, _approval(services.determination_request(
        actor=request.auth, case=case, screening=case.screenings.first(), **payload.dict())))


@cases.post("/{public_id}/assessments", response={201: dict})
def assessment_record(request, public_id: str, payload: AssessmentIn):
    """Record a needs assessment (for a child: the best-interests assessment and the guardian)."""
    case = _case(request, public_id)
    item = services.assessment_record(actor=request.auth, case=case, **payload.dict())
    return Status(201, {"id": item.pk, "needs": item.needs, "best_interests_done": item.best_interests_done,
                        "assessed_on": item.assessed_on})


@cases.post("/{public_id}/events", response={201: dict})
def event_add(request, public_id: str, payload: EventIn):
    """Add a recruitment, transit or exploitation event (HTCDS ``hte_*``)."""
    case = _case(request, public_id)
    event = services.event_add(actor=request.auth, case=case, **payload.dict())
    return Status(201, {"id": event.pk, "event_type": event.event_type, "country": event.country,
                        "date": event.date})


@cases.post("/{public_id}/closure", response={201: ApprovalOut})
def closure_request(request, public_id: str, payload: ClosureIn):
    case = _case(request, public_id)
    return Status(201, _approval(services.closure_request(actor=request.auth, case=case, reason=payload.reason,
                                                          status=payload.status)))


# ---- referrals, approvals, screening preview ----------------------------------------------------------

referrals = Router(tags=["referrals"])


@referrals.get("/incoming", response=list[ReferralOut])
def referral_incoming(request, state: str = ""):
    return [_referral(r) for r in selectors.referral_list_incoming(request.auth, state=state)[:500]]


@referrals.get("/outgoing", response=list[ReferralOut])
def referral_outgoing(request, state: str = ""):
    return [_referral(r) for r in selectors.referral_list_outgoing(request.auth, state=state)[:500]]


REFERRAL_ACTIONS = {"accept": services.referral_accept, "reject": services.referral_reject,
                    "revoke": services.referral_revoke, "done": services.referral_complete}


@referrals.post("/{referral_id}/{action}", response=ReferralOut)
def referral_respond(request, referral_id: int, action: str, payload: ResponseIn):
    """``action`` is ``accept``, ``reject`` (recipient), ``revoke`` (sender) or ``done`` (either)."""
    if action not in REFERRAL_ACTIONS:
        raise ApplicationError(_("Unknown action."), extra={"fields": {"action": sorted(REFERRAL_ACTIONS)}})
    referral = selectors.referral_get_for(request.auth, referral_id)
    return _referral(REFERRAL_ACTIONS[action](actor=request.auth, referral=referral, note=payload.note))


approvals = Router(tags=["approvals"])


@approvals.get("/", response=list[ApprovalOut])
def approval_queue(request):
    _require(request, "cases.approve")
    return [_approval(a) for a in selectors.approval_queue_for(request.auth)[:500]]


@approvals.post("/{approval_id}/decide", response=ApprovalOut)
def approval_decide(request, approval_id: int, payload: DecisionIn):
    _require(request, "cases.approve")
    approval = selectors.approval_get_for(request.auth, approval_id)
    decided = services.approval_decide(actor=request.auth, approval=approval, approve=payload.approve,
                                       comment=payload.comment)
    decided.refresh_from_db()
    return _approval(decided)


screening = Router(tags=["screening"])


@screening.post("/preview")
def screening_preview(request, payload: PreviewIn) -> dict:
    """The engine's suggestion for an interview (``person`` as in ``ctip screen``); nothing is written."""
    _require(request, "cases.edit")
    try:
        return screening_adapter.assess(payload.dict(exclude_none=True))
    except screening_adapter.InvalidInterview as exc:
        raise ApplicationError(str(exc), extra={"fields": {"interview": [str(exc)]}}) from None


api.add_router("/cases", cases)
api.add_router("/referrals", referrals)
api.add_router("/approvals", approvals)
api.add_router("/screening", screening)

__all__ = ["api", "token_issue", "token_user"]
