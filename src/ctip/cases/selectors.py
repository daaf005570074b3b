"""Reads of the case store, with the scope rules that decide who sees which case (deny by default).

Who sees a case:
- case workers and supervisors of the owning organisation, within their scope (``self``: cases they
  own or are assigned to; ``group``: also cases owned by their group; ``organisation``: the
  organisation's cases; ``all``: every organisation's cases);
- workers of an organisation that accepted a referral of the case (only the shared sections);
- police analysts, for cases referred to their unit while the person's consent to share with the
  police is in force (only the shared sections);
- nobody else: data analysts, organisation administrators and system administrators see no case.

A case the user may not see is reported exactly like a missing one (``NotFound``: 404, not 403).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from ctip.accounts.permissions import user_can
from ctip.cases import audit, crypto
from ctip.cases.errors import NotFound
from ctip.cases.models import (
    AccessLog,
    Approval,
    ApprovalState,
    AuditEvent,
    Case,
    Consent,
    ConsentPurpose,
    Person,
    Referral,
    ReferralKind,
    ReferralState,
    Section,
)

ALL_SECTIONS = frozenset(Section.values)
POLICE_ORG_TYPE = "LawEnforcement"
SEARCH_LIST_LIMIT = 1000
PUBLIC_ID_RE = re.compile(r"^[0-9A-Za-z]{4}[-\s]?[0-9A-Za-z]{4}$")
# Crockford base32 reads O as 0 and I, L as 1: a case id read aloud or typed from paper still matches.
CROCKFORD_READING = str.maketrans("OIL", "011")


@dataclass(frozen=True)
class CaseAccess:
    """How a user reaches a case: ``owner`` (full), ``recipient`` (accepted referral) or ``police``."""

    level: str
    sections: frozenset[str]

    @property
    def can_edit(self) -> bool:
        return self.level == "owner"

    @property
    def can_add_notes(self) -> bool:
        return self.level in ("owner", "recipient")


def _works_on_cases(user) -> bool:
    return user_can(user, "cases.view")


def _is_police(user) -> bool:
    return user_can(user, "cases.view_referred_to_police") and user.organisation_id is not None


def _owner_scope_q(user) -> Q:
    """Cases the user reaches through ownership, by scope.

    Owners and assigned workers always belong to the case's organisation (``case_assign`` checks it and
    a transfer resets both), so the organisation scope is one indexed condition.
    """
    assigned = Case.assigned_workers.through.objects.filter(user_id=user.pk).values("case_id")
    mine = Q(owner_id=user.pk) | Q(pk__in=assigned)
    if user.scope == "all":
        return Q(pk__isnull=False)
    if user.organisation_id is None:
        return mine
    if user.scope == "organisation":
        return Q(organisation_id=user.organisation_id)
    if user.scope == "group" and user.group:
        return Q(organisation_id=user.organisation_id, owner__group=user.group) | mine
    return mine


def owned_cases_q(user) -> Q:
    """Cases ``user`` reaches as a worker of the owning organisation, within their scope (no referrals)."""
    return _owner_scope_q(user)


def _accepted_referrals(user) -> QuerySet:
    return Referral.objects.filter(kind=ReferralKind.REFERRAL, to_organisation_id=user.organisation_id,
                                   state=ReferralState.ACCEPTED)


def _accepted_referral_q(user) -> Q | None:
    """Cases referred to the user's organisation and accepted (None when there are none: a cheaper plan)."""
    if user.organisation_id is None or user.scope not in ("organisation", "all"):
        return None
    referrals = _accepted_referrals(user)
    if not referrals.exists():
        return None
    return Q(pk__in=referrals.values("case_id"))


def _police_q(user) -> Q:
    referrals = Referral.objects.filter(to_organisation_id=user.organisation_id,
                                        state__in=[ReferralState.IN_PROGRESS, ReferralState.ACCEPTED])
    consented = Consent.objects.filter(purpose=ConsentPurpose.SHARE_POLICE, withdrawn_at__isnull=True)
    return Q(pk__in=referrals.values("case_id")) & Q(pk__in=consented.values("case_id"))


def visible_cases_q(user) -> Q | None:
    """The filter of cases ``user`` may see, or None when they may see none."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if _works_on_cases(user):
        own, referred = _owner_scope_q(user), _accepted_referral_q(user)
        return own if referred is None or user.scope == "all" else own | referred
    if _is_police(user):
        return _police_q(user)
    return None


def search_q(text: str) -> Q:
    """Exact search: a case id, or a name, identity number, phone or e-mail through the blind indexes.

    The matching people are looked up first on their own indexed blind-index columns and passed as a
    list (a subquery when more than ``SEARCH_LIST_LIMIT`` match), so the database narrows the cases by
    ``person_id`` instead of walking the whole list in date order looking for them.
    """
    text = text.strip()
    q = Q(pk__in=[])
    if PUBLIC_ID_RE.match(text):
        raw = re.sub(r"[-\s]", "", text).upper().translate(CROCKFORD_READING)
        q |= Q(public_id=f"{raw[:4]}-{raw[4:]}")
    people = Q(pk__in=[])
    names = crypto.blind_indexes(text, "name")  # two keys only while the index key is being rotated
    if names:
        people |= Q(first_name_bidx__in=names) | Q(last_name_bidx__in=names) | Q(full_name_bidx__in=names)
    for kind, columns in (("identity", ["identity_number_bidx"]), ("phone", ["mobile_phone_bidx", "home_phone_bidx"]),
                          ("email", ["email_bidx"])):
        values = crypto.blind_indexes(text, kind)
        if values:
            for column in columns:
                people |= Q(**{f"{column}__in": values})
    matching = Person.objects.filter(people).values_list("pk", flat=True)
    person_ids = list(matching[:SEARCH_LIST_LIMIT + 1])
    if len(person_ids) > SEARCH_LIST_LIMIT:
        q |= Q(person_id__in=matching)
    elif person_ids:
        q |= Q(person_id__in=person_ids)
    return q


def case_list_for(user, *, search: str = "", status: str = "", stage: str = "", module: str = "",
                  organisation_id: int | None = None, mine: bool = False) -> QuerySet[Case]:
    """The cases ``user`` may see, filtered, newest activity first (empty for roles that see no case);
    with ``mine``, only those the user owns or is assigned to.

    >>> case_list_for(caseworker, status="Active", search="Bat-Erdene")[:50]   # doctest: +SKIP
    """
    q = visible_cases_q(user)
    if q is None:
        return Case.objects.none()
    cases = Case.objects.filter(q)
    if search:
        cases = cases.filter(search_q(search))
    if status:
        cases = cases.filter(status=status)
    if stage:
        cases = cases.filter(stage=stage)
    if module:
        cases = cases.filter(module=module)
    if organisation_id:
        cases = cases.filter(organisation_id=organisation_id)
    if mine:
        assigned = Case.assigned_workers.through.objects.filter(user_id=user.pk).values("case_id")
        cases = cases.filter(Q(owner_id=user.pk) | Q(pk__in=assigned))
    return cases.select_related("person", "organisation", "owner").order_by("-updated_at", "-id")


def case_access_for(user, case: Case) -> CaseAccess | None:
    """How ``user`` reaches ``case``, or None if they may not see it at all."""
    q = visible_cases_q(user)
    if q is None:
        return None
    if _works_on_cases(user) and Case.objects.filter(_owner_scope_q(user), pk=case.pk).exists():
        return CaseAccess("owner", ALL_SECTIONS)
    if _works_on_cases(user):
        sections = _shared_sections(case, user.organisation_id, [ReferralState.ACCEPTED], ReferralKind.REFERRAL)
        referred = _accepted_referral_q(user)
        return CaseAccess("recipient", sections) if sections is not None and referred is not None and \
            Case.objects.filter(referred, pk=case.pk).exists() else None
    if _is_police(user) and Case.objects.filter(_police_q(user), pk=case.pk).exists():
        sections = _shared_sections(case, user.organisation_id,
                                    [ReferralState.IN_PROGRESS, ReferralState.ACCEPTED], None)
        return CaseAccess("police", sections or frozenset())
    return None


def _shared_sections(case: Case, organisation_id, states, kind) -> frozenset[str] | None:
    referrals = Referral.objects.filter(case=case, to_organisation_id=organisation_id, state__in=states)
    if kind:
        referrals = referrals.filter(kind=kind)
    found = list(referrals.values_list("sections", flat=True))
    if not found:
        return None
    return frozenset(s for sections in found for s in sections)


def normalise_public_id(public_id: str) -> str:
    raw = (public_id or "").replace("-", "").strip().upper()
    return f"{raw[:4]}-{raw[4:]}" if len(raw) == 8 else ""


def case_get_for(user, public_id: str, *, log_view: bool = True) -> Case:
    """The case ``public_id`` if ``user`` may see it, else ``NotFound`` (same for missing and forbidden).

    Each call with ``log_view`` writes an audit ``view`` event, and for a child's record an access-log
    line: pages and the API call this once per request that shows the case. The returned case has
    ``access`` (a ``CaseAccess``) attached: show only ``case.access.sections``.
    """
    q = visible_cases_q(user)
    pid = normalise_public_id(public_id)
    if q is None or not pid:
        raise NotFound()
    case = Case.objects.filter(q, public_id=pid).select_related("person", "organisation", "owner").first()
    if case is None:
        raise NotFound()
    access = case_access_for(user, case)
    if access is None:  # pragma: no cover - visible_cases_q and case_access_for agree
        raise NotFound()
    case.access = access
    if log_view:
        audit.record(actor=user, action="view", instance=case, case=case,
                     changes={"sections": sorted(access.sections)})
        if case.person.is_child or case.module == "child_victim":
            AccessLog.objects.create(user=user, case=case, case_public_id=case.public_id)
    return case


def consents_for(case: Case) -> QuerySet[Consent]:
    """Every consent of a case, withdrawn ones included (they show when and by whom)."""
    return case.consents.select_related("organisation", "recorded_by", "withdrawn_by")


def active_consent(case: Case, purpose: str, organisation=None) -> Consent | None:
    """The consent in force for this purpose (and organisation, when sharing with one), if any."""
    consents = Consent.objects.filter(case=case, purpose=purpose, withdrawn_at__isnull=True)
    if organisation is not None:
        consents = consents.filter(organisation=organisation)
    return consents.order_by("-given_on", "-id").first()


def consent_needed_for(organisation) -> str:
    """Which consent purpose sharing with ``organisation`` needs."""
    return ConsentPurpose.SHARE_POLICE if organisation.org_type == POLICE_ORG_TYPE else ConsentPurpose.SHARE_ORGANISATION


def referral_list_incoming(user, *, state: str = "") -> QuerySet[Referral]:
    """Referrals and transfers addressed to the user's organisation (the inbox)."""
    if user.organisation_id is None or not (_works_on_cases(user) or _is_police(user)):
        return Referral.objects.none()
    referrals = Referral.objects.filter(to_organisation_id=user.organisation_id)
    if _is_police(user):
        referrals = referrals.filter(Exists(Consent.objects.filter(
            case=OuterRef("case"), purpose=ConsentPurpose.SHARE_POLICE, withdrawn_at__isnull=True)))
    if state:
        referrals = referrals.filter(state=state)
    return referrals.select_related("case", "case__person", "from_organisation", "created_by")


def referral_list_outgoing(user, *, state: str = "") -> QuerySet[Referral]:
    """Referrals and transfers the user's organisation sent, for cases the user may see."""
    q = visible_cases_q(user)
    if q is None or not _works_on_cases(user):
        return Referral.objects.none()
    referrals = Referral.objects.filter(from_organisation_id=user.organisation_id,
                                        case__in=Case.objects.filter(q).values("pk"))
    if state:
        referrals = referrals.filter(state=state)
    return referrals.select_related("case", "to_organisation", "created_by")


def referral_get_for(user, referral_id: int) -> Referral:
    """A referral the user sent or received (``NotFound`` otherwise)."""
    for qs in (referral_list_incoming(user), referral_list_outgoing(user)):
        found = qs.filter(pk=referral_id).first()
        if found:
            return found
    raise NotFound("referral")


def approval_queue_for(user, *, state: str = ApprovalState.REQUESTED) -> QuerySet[Approval]:
    """Approvals waiting for a supervisor, on cases the supervisor may see (empty for other roles)."""
    if not user_can(user, "cases.approve"):
        return Approval.objects.none()
    q = visible_cases_q(user)
    if q is None:
        return Approval.objects.none()
    approvals = Approval.objects.filter(case__in=Case.objects.filter(_owner_scope_q(user)).values("pk"))
    if state:
        approvals = approvals.filter(state=state)
    return approvals.select_related("case", "requested_by", "determination__screening", "plan").order_by("requested_at")


def approval_get_for(user, approval_id: int) -> Approval:
    found = approval_queue_for(user, state="").filter(pk=approval_id).first()
    if found is None:
        raise NotFound("approval")
    return found


def person_find_exact(user, text: str) -> QuerySet[Person]:
    """People of cases the user may see whose name, id number, phone or e-mail equals ``text`` exactly."""
    return Person.objects.filter(cases__in=case_list_for(user, search=text).values("pk")).distinct()


def person_other_cases(user, case: Case) -> QuerySet[Case]:
    """The person's other cases that ``user`` may see (a returning person's history), oldest first."""
    q = visible_cases_q(user)
    if q is None:
        return Case.objects.none()
    return (Case.objects.filter(q, person_id=case.person_id).exclude(pk=case.pk)
            .select_related(None).order_by("registered_on", "id"))


def case_history(case: Case, *, limit: int = 500, views: bool = True) -> list[AuditEvent]:
    """The audit events of a case, newest first (at most ``limit``; without views when ``views`` is false)."""
    events = AuditEvent.objects.filter(case_public_id=case.public_id)
    if not views:
        events = events.exclude(action="view")
    return list(events.order_by("-seq")[:limit])


def access_log_for(case: Case) -> QuerySet[AccessLog]:
    return AccessLog.objects.filter(case=case).select_related("user")
