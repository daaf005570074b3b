"""The consent gate of referrals, the supervisor's override, and withdrawal taking effect at once."""

from __future__ import annotations

import pytest

from ctip.cases import selectors, services
from ctip.cases.errors import ConsentRequired, NotFound, PermissionRefused
from ctip.cases.models import AuditEvent, ConsentPurpose, Referral, ReferralState

pytestmark = pytest.mark.django_db


def test_referral_without_consent_is_refused(new_case, worker, orgs):
    case = new_case()
    with pytest.raises(ConsentRequired, match="has not consented to sharing with Shelter"):
        services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                 service_type="accommodation", sections=["person"])
    assert not Referral.objects.exists()


def test_consent_for_another_organisation_does_not_open_the_gate(new_case, worker, orgs, user):
    case = new_case()
    other = orgs["police"].__class__.objects.create(name="Clinic", code="clinic", org_type="HealthServiceOrganisation")
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION, organisation=other)
    with pytest.raises(ConsentRequired):
        services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                 service_type="accommodation", sections=["person"])


def test_case_worker_cannot_override(new_case, worker, orgs):
    case = new_case()
    with pytest.raises(PermissionRefused):
        services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                 service_type="accommodation", sections=["person"], override_reason="Urgent")


def test_supervisor_override_needs_a_reason_and_is_recorded(new_case, supervisor, orgs):
    case = new_case()
    with pytest.raises(ConsentRequired):
        services.referral_create(actor=supervisor, case=case, to_organisation=orgs["shelter"],
                                 service_type="accommodation", sections=["person"], override_reason="  ")
    referral = services.referral_create(actor=supervisor, case=case, to_organisation=orgs["shelter"],
                                        service_type="accommodation", sections=["person"],
                                        override_reason="Life-threatening situation, person unconscious")
    assert referral.consent is None and referral.consent_overridden_by == supervisor
    assert Referral.objects.get(pk=referral.pk).override_reason == "Life-threatening situation, person unconscious"
    event = AuditEvent.objects.get(entity="cases.referral", action="create")
    assert event.changes["consent_override"] is True
    assert event.changes["override_reason"] == "[identifying]"


def test_sharing_with_police_without_consent_cannot_be_overridden(new_case, supervisor, orgs):
    case = new_case()
    with pytest.raises(ConsentRequired, match="cannot be overridden"):
        services.referral_create(actor=supervisor, case=case, to_organisation=orgs["police"], service_type="legal",
                                 sections=["screening"], override_reason="Investigation")


def test_withdrawal_revokes_referrals_and_access_at_once(new_case, worker, user, orgs):
    case = new_case()
    shelter_worker, police = user("case_worker", "shelter"), user("police_analyst", "police")
    share = services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                                    organisation=orgs["shelter"])
    police_consent = services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_POLICE)
    referral = services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                        service_type="accommodation", sections=["person"])
    services.referral_accept(actor=shelter_worker, referral=referral)
    services.referral_create(actor=worker, case=case, to_organisation=orgs["police"], service_type="legal",
                             sections=["screening"])
    assert selectors.case_get_for(shelter_worker, case.public_id)
    assert selectors.case_get_for(police, case.public_id)

    services.consent_withdraw(actor=worker, consent=share)
    services.consent_withdraw(actor=worker, consent=police_consent)

    assert Referral.objects.get(pk=referral.pk).state == ReferralState.REVOKED
    for outsider in (shelter_worker, police):
        with pytest.raises(NotFound):
            selectors.case_get_for(outsider, case.public_id)
    assert not selectors.referral_list_incoming(police).exists()
    with pytest.raises(ConsentRequired):
        services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                 service_type="medical", sections=["person"])


def test_a_referral_waiting_for_an_answer_cannot_be_accepted_after_withdrawal(new_case, worker, user, orgs):
    case = new_case()
    share = services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                                    organisation=orgs["shelter"])
    referral = services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                        service_type="accommodation", sections=["person"])
    services.consent_withdraw(actor=worker, consent=share)
    with pytest.raises(Exception, match="no longer waiting"):
        services.referral_accept(actor=user("case_worker", "shelter"), referral=referral)
