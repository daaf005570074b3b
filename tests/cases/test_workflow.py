"""Screening, determination, assessment, plan, services and closure move a case through its stages."""

from __future__ import annotations

import datetime as dt

import pytest

from ctip.cases import selectors, services
from ctip.cases.errors import ApplicationError, PermissionRefused
from ctip.cases.models import Case, ConsentPurpose, Stage

pytestmark = pytest.mark.django_db


def _sixteen() -> dt.date:
    today = dt.date.today()
    return today.replace(year=today.year - 16) - dt.timedelta(days=30)


def _stage(case) -> str:
    return Case.objects.get(pk=case.pk).stage


def test_a_child_screened_without_means_is_suggested_an_actual_victim(new_case, worker):
    case = new_case(birth_date=_sixteen())
    assert case.module == "child_victim"
    screening = services.screening_record(
        actor=worker, case=case,
        interview={"acts": ["recruitment"], "purposes": ["SexualExploitation"], "absent": ["means"]},
        evidence=[{"element": "act", "codes": ["recruitment"], "source": "interview", "note": "Offer on Facebook"}])
    assert screening.suggestion["status"] == "ActualVictimOfTrafficking"
    assert screening.suggestion["child"] is True
    assert screening.suggestion["elements"]["means"] == "not_required"
    assert screening.suggestion["reasons"]["en"] and screening.suggestion["reasons"]["mn"]
    assert screening.interview["person"]["age"] == 16
    assert _stage(case) == Stage.SCREENING
    assert Case.objects.get(pk=case.pk).exploitation_types == ["SexualExploitation"]


def test_invalid_interview_is_refused_with_the_field_named(new_case, worker):
    case = new_case()
    with pytest.raises(ApplicationError, match="purposes"):
        services.screening_record(actor=worker, case=case, interview={"purposes": ["Dancing"]})
    assert not case.screenings.exists()


def test_stages_follow_what_is_recorded_and_closure_needs_a_supervisor(new_case, worker, supervisor, orgs):
    case = new_case()
    assert _stage(case) == Stage.NEW
    screening = services.screening_record(actor=worker, case=case, interview={
        "acts": ["recruitment"], "means": ["deception"], "purposes": ["ForcedLabour"]})
    approval = services.determination_request(actor=worker, case=case, status="ActualVictimOfTrafficking",
                                              decision_org_type="NonPoliceGovernmentalOrganization",
                                              screening=screening)
    assert _stage(case) == Stage.SCREENING  # not yet approved
    services.approval_decide(actor=supervisor, approval=approval, approve=True)
    assert Case.objects.get(pk=case.pk).trafficking_status == "ActualVictimOfTrafficking"
    assert _stage(case) == Stage.ASSESSMENT
    services.assessment_record(actor=worker, case=case, needs=["accommodation", "medical"])
    assert _stage(case) == Stage.CASE_PLAN
    plan = services.plan_create(actor=worker, case=case, plan_type="SocialCare", objectives="Safe housing")
    plan_approval = services.plan_submit(actor=worker, plan=plan)
    assert list(selectors.approval_queue_for(supervisor)) == [plan_approval]
    assert not selectors.approval_queue_for(worker).exists()
    services.approval_decide(actor=supervisor, approval=plan_approval, approve=True)
    assert _stage(case) == Stage.SERVICE_PROVISION
    services.service_add(actor=worker, case=case, plan=plan, service_type="accommodation",
                         provider=orgs["shelter"], planned_start=dt.date.today())
    closure = services.closure_request(actor=worker, case=case, reason="Reintegrated with family")
    with pytest.raises(PermissionRefused):
        services.approval_decide(actor=worker, approval=closure, approve=True)
    services.approval_decide(actor=supervisor, approval=closure, approve=True, comment="Well done")
    case.refresh_from_db()
    assert (case.status, case.stage, case.closure_reason) == ("Closed", Stage.CLOSED, "Reintegrated with family")
    services.case_reopen(actor=worker, case=case, reason="New threats")
    assert _stage(case) == Stage.REOPENED
    services.note_add(actor=worker, case=case, text="Safety plan reviewed.")
    assert _stage(case) == Stage.SERVICE_PROVISION


def test_nobody_approves_their_own_request(new_case, supervisor):
    case = new_case(actor=supervisor)
    approval = services.closure_request(actor=supervisor, case=case, reason="Duplicate registration")
    with pytest.raises(PermissionRefused, match="own request"):
        services.approval_decide(actor=supervisor, approval=approval, approve=True)


def test_a_childs_consent_needs_a_guardian_and_the_childs_assent(new_case, worker):
    case = new_case(birth_date=_sixteen())
    with pytest.raises(ApplicationError) as exc:
        services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SERVICES)
    assert set(exc.value.extra["fields"]) == {"given_by", "child_assent"}
    consent = services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SERVICES, given_by="guardian",
                                      guardian_name="Mother", child_assent=True)
    assert consent.is_active


def test_presumed_child_without_documented_age(new_case, worker):
    case = new_case(birth_date=None, age_years=19, age_estimated=True, appears_to_be_child=True)
    assert case.person.is_child and case.person.child_presumed
    assert case.module == "child_victim"


def test_transfer_moves_the_case_to_the_accepting_organisation(new_case, worker, user, orgs):
    case = new_case()
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                            organisation=orgs["shelter"])
    transfer = services.transfer_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                        reason="MigrationOrChangeOfLocation")
    shelter_worker = user("case_worker", "shelter")
    services.referral_accept(actor=shelter_worker, referral=transfer)
    case.refresh_from_db()
    assert (case.organisation, case.owner) == (orgs["shelter"], shelter_worker)
    assert selectors.case_get_for(shelter_worker, case.public_id).access.level == "owner"
    assert not selectors.case_list_for(worker).filter(pk=case.pk).exists()


def test_field_errors_name_the_field_and_nothing_is_written(worker):
    with pytest.raises(ApplicationError) as exc:
        services.case_create(actor=worker, first_name="A", gender="Female", citizenship="XXX")
    assert {"gender", "citizenship"} <= set(exc.value.extra["fields"])
    assert not Case.objects.exists()


def test_referral_lifecycle_reject_complete_revoke(new_case, worker, user, orgs):
    case = new_case()
    shelter_worker = user("case_worker", "shelter")
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                            organisation=orgs["shelter"])
    first = services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                     service_type="accommodation", sections=["person"])
    services.referral_reject(actor=shelter_worker, referral=first, note="No beds this week")
    second = services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                      service_type="accommodation", sections=["person"])
    services.referral_accept(actor=shelter_worker, referral=second)
    services.referral_complete(actor=shelter_worker, referral=second, note="Stayed 6 weeks")
    third = services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                     service_type="psychosocial", sections=["notes"])
    services.referral_revoke(actor=worker, referral=third)
    states = dict(case.referrals.values_list("pk", "state"))
    assert states == {first.pk: "rejected", second.pk: "done", third.pk: "revoked"}
    with pytest.raises(ApplicationError):
        services.referral_accept(actor=shelter_worker, referral=third)


def test_only_a_supervisor_deletes_a_case_and_the_deletion_is_audited(new_case, worker, supervisor):
    from ctip.cases.models import AuditEvent, Person

    case = new_case()
    services.note_add(actor=worker, case=case, text="Duplicate of another registration")
    with pytest.raises(PermissionRefused):
        services.case_delete(actor=worker, case=case, reason="duplicate")
    services.case_delete(actor=supervisor, case=case, reason="Duplicate registration")
    assert not Case.objects.filter(pk=case.pk).exists() and not Person.objects.exists()
    assert AuditEvent.objects.filter(action="delete", case_public_id=case.public_id).count() == 2
