"""The permission matrix: every role × action × (own organisation, other organisation). Deny by default,
and a case the user may not see answers exactly like a missing one (404, not 403)."""

from __future__ import annotations

import pytest

from ctip.cases import selectors, services
from ctip.cases.errors import ConsentRequired, NotFound, PermissionRefused
from ctip.cases.models import ConsentPurpose

pytestmark = pytest.mark.django_db

ROLES = ["case_worker", "supervisor", "org_admin", "police_analyst", "data_analyst", "sysadmin"]
ACTIONS = ["list", "view", "edit", "note", "consent", "refer", "override", "approve"]

# Expected outcome in the case's own organisation; in another organisation every role gets 404.
OWN = {
    "case_worker":    {"list": "ok", "view": "ok", "edit": "ok", "note": "ok", "consent": "ok", "refer": "ok",
                       "override": "403", "approve": "403"},
    "supervisor":     dict.fromkeys(ACTIONS, "ok"),
    "org_admin":      dict.fromkeys(ACTIONS, "404"),
    "police_analyst": dict.fromkeys(ACTIONS, "404"),
    "data_analyst":   dict.fromkeys(ACTIONS, "404"),
    "sysadmin":       dict.fromkeys(ACTIONS, "404"),
}
MATRIX = [(role, action, where, OWN[role][action] if where == "own" else "404")
          for role in ROLES for action in ACTIONS for where in ("own", "other")]


def _attempt(action: str, actor, case, *, worker, orgs) -> str:
    try:
        if action == "list":
            return "ok" if selectors.case_list_for(actor).filter(pk=case.pk).exists() else "404"
        if action == "view":
            selectors.case_get_for(actor, case.public_id)
        elif action == "edit":
            services.case_update(actor=actor, case=case, nrm_phase="first_assistance")
        elif action == "note":
            services.note_add(actor=actor, case=case, text="Met at the shelter.")
        elif action == "consent":
            services.consent_record(actor=actor, case=case, purpose=ConsentPurpose.SERVICES)
        elif action == "refer":
            services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                                    organisation=orgs["shelter"])
            services.referral_create(actor=actor, case=case, to_organisation=orgs["shelter"],
                                     service_type="accommodation", sections=["person"])
        elif action == "override":
            services.referral_create(actor=actor, case=case, to_organisation=orgs["shelter"],
                                     service_type="medical", sections=["person"], override_reason="Urgent care")
        elif action == "approve":
            approval = services.closure_request(actor=worker, case=case, reason="Services completed")
            services.approval_decide(actor=actor, approval=approval, approve=True)
        return "ok"
    except NotFound:
        return "404"
    except (PermissionRefused, ConsentRequired):
        return "403"


@pytest.mark.parametrize(("role", "action", "where", "expected"), MATRIX,
                         ids=[f"{r}-{a}-{w}" for r, a, w, _ in MATRIX])
def test_permission_matrix(role, action, where, expected, user, worker, new_case, orgs):
    case = new_case()
    actor = user(role, "iom" if where == "own" else "shelter")
    assert _attempt(action, actor, case, worker=worker, orgs=orgs) == expected


def test_forbidden_and_missing_cases_give_the_same_answer(user, new_case):
    case = new_case()
    outsider = user("case_worker", "shelter")
    with pytest.raises(NotFound) as forbidden:
        selectors.case_get_for(outsider, case.public_id)
    with pytest.raises(NotFound) as missing:
        selectors.case_get_for(outsider, "ZZZZ-ZZZZ")
    assert str(forbidden.value) == str(missing.value)


def test_self_scope_sees_only_own_and_assigned_cases(user, new_case, worker):
    own_case = new_case()
    solo = user("case_worker", "iom", scope="self")
    assert not selectors.case_list_for(solo).exists()
    services.case_assign(actor=worker, case=own_case, workers=[solo])
    assert list(selectors.case_list_for(solo)) == [own_case]
    mine = new_case(actor=solo)
    assert set(selectors.case_list_for(solo)) == {own_case, mine}


def test_group_scope_sees_the_groups_cases(user, new_case):
    a = user("case_worker", "iom", scope="group")
    a.group = "north"
    a.save()
    b = user("case_worker", "iom", scope="group")
    b.group = "north"
    b.save()
    c = user("case_worker", "iom", scope="group")
    c.group = "south"
    c.save()
    case = new_case(actor=a)
    assert selectors.case_list_for(b).filter(pk=case.pk).exists()
    assert not selectors.case_list_for(c).filter(pk=case.pk).exists()


def test_police_see_only_cases_referred_to_them_with_consent(user, worker, new_case, orgs):
    referred, other = new_case(), new_case()
    police = user("police_analyst", "police")
    assert not selectors.case_list_for(police).exists()
    with pytest.raises(ConsentRequired):
        services.referral_create(actor=worker, case=referred, to_organisation=orgs["police"],
                                 service_type="legal", sections=["screening"])
    services.consent_record(actor=worker, case=referred, purpose=ConsentPurpose.SHARE_POLICE)
    services.referral_create(actor=worker, case=referred, to_organisation=orgs["police"], service_type="legal",
                             sections=["screening", "context"])
    assert list(selectors.case_list_for(police)) == [referred]
    seen = selectors.case_get_for(police, referred.public_id)
    assert seen.access.sections == {"screening", "context"}
    assert not seen.access.can_edit
    with pytest.raises(PermissionRefused):
        services.case_update(actor=police, case=referred, nrm_phase="proceedings")
    with pytest.raises(NotFound):
        selectors.case_get_for(police, other.public_id)


def test_recipient_sees_shared_sections_after_accepting(user, worker, new_case, orgs):
    case = new_case()
    shelter_worker = user("case_worker", "shelter")
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                            organisation=orgs["shelter"])
    referral = services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                        service_type="accommodation", sections=["person", "plan"])
    assert list(selectors.referral_list_incoming(shelter_worker)) == [referral]
    with pytest.raises(NotFound):
        selectors.case_get_for(shelter_worker, case.public_id)
    services.referral_accept(actor=shelter_worker, referral=referral)
    seen = selectors.case_get_for(shelter_worker, case.public_id)
    assert seen.access.level == "recipient" and seen.access.sections == {"person", "plan"}
    services.note_add(actor=shelter_worker, case=case, text="Arrived at the shelter.")
    with pytest.raises(PermissionRefused):
        services.case_update(actor=shelter_worker, case=case, nrm_phase="first_assistance")


def test_every_view_of_a_childs_record_is_in_the_access_log(new_case, worker, supervisor):
    import datetime as dt

    child = new_case(birth_date=dt.date.today().replace(year=dt.date.today().year - 16))
    adult = new_case()
    selectors.case_get_for(worker, child.public_id)
    selectors.case_get_for(supervisor, child.public_id)
    selectors.case_get_for(worker, adult.public_id)
    log = selectors.access_log_for(child)
    assert [entry.user for entry in log] == [supervisor, worker]
    assert not selectors.access_log_for(adult).exists()
