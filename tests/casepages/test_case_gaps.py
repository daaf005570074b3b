"""The case-page forms for transfer, the person's details, services, perpetrators and assignment, through
the real URLs as named users: what they change, what they refuse (nothing written), and 404 for a case of
another organisation."""

from __future__ import annotations

import datetime as dt

import pytest

from ctip.cases import services
from ctip.cases.models import (
    AuditEvent,
    Case,
    PerpetratorContext,
    Person,
    Referral,
    ReferralKind,
    ReferralState,
    SupportService,
)

pytestmark = pytest.mark.django_db


def post(client, user, url: str, **data):
    client.force_login(user)
    return client.post(url, data)


def consent_to_shelter(case, people, orgs):
    return services.consent_record(actor=people["caseworker"], case=case, purpose="share_organisation",
                                   organisation=orgs["shelter"], given_by="guardian", guardian_name="Dorj Bat",
                                   child_assent=True)


TRANSFER = "transfer-to_organisation"


# ---- transfer ----------------------------------------------------------------------------------------

def test_transfer_without_consent_is_refused_and_nothing_is_sent(client, people, orgs, child_case):
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/transfers/",
                    **{TRANSFER: orgs["shelter"].pk})
    assert response.status_code == 400
    assert "has not consented to sharing with Safe Shelter" in response.content.decode()
    assert Referral.objects.count() == 0


def test_case_worker_cannot_override_consent_for_a_transfer(client, people, orgs, child_case):
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/transfers/",
                    **{TRANSFER: orgs["shelter"].pk, "transfer-override_reason": "urgent"})
    assert response.status_code == 400
    assert Referral.objects.count() == 0


def test_supervisor_transfers_without_consent_with_a_recorded_reason(client, people, orgs, child_case):
    response = post(client, people["supervisor"], f"/cases/{child_case.public_id}/transfers/",
                    **{TRANSFER: orgs["shelter"].pk, "transfer-override_reason": "Life at risk tonight."})
    assert response.status_code == 302
    transfer = Referral.objects.get()
    assert transfer.kind == ReferralKind.TRANSFER and transfer.override_reason == "Life at risk tonight."
    page = client.get(f"/cases/{child_case.public_id}/").content.decode()
    assert "without consent (override)" in page


def test_accepted_transfer_moves_the_case_to_the_receiving_organisation(client, people, orgs, child_case):
    consent_to_shelter(child_case, people, orgs)
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/transfers/",
                    **{TRANSFER: orgs["shelter"].pk, "transfer-details": "She asked to move to the shelter."})
    assert response.status_code == 302
    transfer = Referral.objects.get()
    client.force_login(people["shelterworker"])
    inbox = client.get("/cases/referrals/").content.decode()
    assert "Transfer" in inbox and child_case.public_id in inbox
    client.post(f"/cases/referrals/{transfer.pk}/accept/", {"note": "We take her."})
    transfer.refresh_from_db()
    case = Case.objects.get(pk=child_case.pk)
    assert transfer.state == ReferralState.ACCEPTED
    assert (case.organisation, case.owner) == (orgs["shelter"], people["shelterworker"])
    assert client.get(f"/cases/{child_case.public_id}/").status_code == 200
    client.force_login(people["caseworker"])
    assert client.get(f"/cases/{child_case.public_id}/").status_code == 404


def test_shelter_rejects_a_transfer_and_the_case_stays(client, people, orgs, child_case):
    consent_to_shelter(child_case, people, orgs)
    transfer = services.transfer_create(actor=people["caseworker"], case=child_case, to_organisation=orgs["shelter"])
    post(client, people["shelterworker"], f"/cases/referrals/{transfer.pk}/reject/", note="No bed free.")
    transfer.refresh_from_db()
    assert transfer.state == ReferralState.REJECTED
    assert Case.objects.get(pk=child_case.pk).organisation == orgs["iom"]


# ---- the person's details ------------------------------------------------------------------------------

PERSON = {"person-first_name": "Nomin", "person-last_name": "Bold", "person-birth_date": "2010-03-04",
          "person-identity_number": "УБ10030412", "person-mobile_phone": "+97699112233",
          "person-home_phone": "", "person-email": "nomin@example.mn", "person-mailing_street": "Peace Avenue 5",
          "person-mailing_city": "Ulaanbaatar", "person-mailing_state": "", "person-mailing_postal_code": "",
          "person-mailing_country": "MNG"}


def test_editing_the_person_changes_the_details_and_keeps_values_out_of_the_audit(client, people, child_case):
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/person/", **PERSON)
    assert response.status_code == 302
    person = Person.objects.get(pk=child_case.person_id)
    assert (person.last_name, person.birth_date, person.identity_number) == ("Bold", dt.date(2010, 3, 4),
                                                                           "УБ10030412")
    assert person.mailing_city == "Ulaanbaatar" and person.age_estimated is False
    page = client.get(f"/cases/{child_case.public_id}/").content.decode()
    assert "Peace Avenue 5" in page and "+97699112233" in page
    update = AuditEvent.objects.filter(action="update", entity="cases.person").get()
    assert "identity_number" in update.changes
    logged = str(list(AuditEvent.objects.values_list("changes", flat=True)))
    for value in ("Bold", "УБ10030412", "+97699112233", "nomin@example.mn", "Peace Avenue"):
        assert value not in logged


def test_the_new_name_finds_the_case_by_exact_search(client, people, child_case):
    post(client, people["caseworker"], f"/cases/{child_case.public_id}/person/", **PERSON)
    found = client.post("/cases/", {"q": "Nomin Bold"}).content.decode()
    assert child_case.public_id in found


def test_person_without_age_or_birth_date_is_refused(client, people, child_case):
    data = {**PERSON, "person-birth_date": "", "person-last_name": "Changed"}
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/person/", **data)
    assert response.status_code == 400
    assert "Give the birth date, the age" in response.content.decode()
    assert Person.objects.get(pk=child_case.person_id).last_name == "Batbold"


def test_the_edit_form_is_filled_with_the_current_details(client, people, child_case):
    client.force_login(people["caseworker"])
    page = client.get(f"/cases/{child_case.public_id}/").content.decode()
    assert 'name="person-last_name"' in page and 'value="Batbold"' in page
    assert '<label for="id_person-identity_number">' in page


# ---- services -------------------------------------------------------------------------------------

def test_service_outside_a_plan_records_its_actual_dates_and_outcome(client, people, orgs, child_case):
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/services/",
                    **{"service-service_type": "medical", "service-actual_start": "2026-01-05",
                       "service-outcome": "ongoing"})
    assert response.status_code == 302
    service = SupportService.objects.get()
    assert (service.plan, service.provider, service.actual_start, service.outcome) == (
        None, orgs["iom"], dt.date(2026, 1, 5), "ongoing")
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/services/{service.pk}/",
                    **{f"service-{service.pk}-actual_start": "2026-01-05",
                       f"service-{service.pk}-actual_end": "2026-02-01",
                       f"service-{service.pk}-outcome": "completed"})
    assert response.status_code == 302
    service.refresh_from_db()
    assert (service.actual_end, service.outcome) == (dt.date(2026, 2, 1), "completed")
    page = client.get(f"/cases/{child_case.public_id}/").content.decode()
    assert "2026-02-01" in page and "Completed" in page


def test_service_added_inside_a_plan_belongs_to_it(client, people, orgs, child_case):
    plan = services.plan_create(actor=people["caseworker"], case=child_case, plan_type="SocialCare")
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/services/",
                    **{"service-service_type": "accommodation", "service-plan": plan.pk,
                       "service-provider": orgs["shelter"].pk, "service-planned_start": "2026-03-01"})
    assert response.status_code == 302
    service = SupportService.objects.get()
    assert (service.plan, service.provider) == (plan, orgs["shelter"])


def test_a_plan_of_another_case_cannot_be_chosen(client, people, orgs, child_case):
    other = services.case_create(actor=people["caseworker"], first_name="Saraa", age_years=30)
    plan = services.plan_create(actor=people["caseworker"], case=other, plan_type="SocialCare")
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/services/",
                    **{"service-service_type": "medical", "service-plan": plan.pk})
    assert response.status_code == 400
    assert SupportService.objects.count() == 0


def test_provider_that_accepted_a_referral_records_the_outcome(client, people, orgs, child_case):
    service = services.service_add(actor=people["caseworker"], case=child_case, service_type="accommodation",
                                   provider=orgs["shelter"])
    consent_to_shelter(child_case, people, orgs)
    referral = services.referral_create(actor=people["caseworker"], case=child_case, to_organisation=orgs["shelter"],
                                        service_type="accommodation", sections=["person", "plan"])
    services.referral_accept(actor=people["shelterworker"], referral=referral)
    client.force_login(people["shelterworker"])
    page = client.get(f"/cases/{child_case.public_id}/").content.decode()
    assert f"id_service-{service.pk}-outcome" in page
    response = client.post(f"/cases/{child_case.public_id}/services/{service.pk}/",
                           {f"service-{service.pk}-actual_start": "2026-04-01",
                            f"service-{service.pk}-outcome": "ongoing"})
    assert response.status_code == 302
    service.refresh_from_db()
    assert (service.actual_start, service.outcome) == (dt.date(2026, 4, 1), "ongoing")


# ---- perpetrators and assignment ------------------------------------------------------------------

def test_perpetrator_role_is_added_to_the_context(client, people, child_case):
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/perpetrators/",
                    **{"perpetrator-roles": ["RecruiterOrIntermediary"], "perpetrator-relationship": "Acquainted"})
    assert response.status_code == 302
    assert PerpetratorContext.objects.get().roles == ["RecruiterOrIntermediary"]
    page = client.get(f"/cases/{child_case.public_id}/").content.decode()
    assert "Perpetrator's role: Recruiter Or Intermediary · Relationship to the victim: Acquainted" in page


def test_perpetrator_without_a_role_is_refused(client, people, child_case):
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/perpetrators/",
                    **{"perpetrator-details": "Met her online."})
    assert response.status_code == 400
    assert PerpetratorContext.objects.count() == 0


def test_supervisor_assigns_a_worker_of_the_organisation(client, people, child_case):
    response = post(client, people["supervisor"], f"/cases/{child_case.public_id}/assign/",
                    **{"assign-workers": [people["caseworker"].pk]})
    assert response.status_code == 302
    assert list(Case.objects.get(pk=child_case.pk).assigned_workers.all()) == [people["caseworker"]]


def test_a_worker_of_another_organisation_cannot_be_assigned(client, people, child_case):
    response = post(client, people["supervisor"], f"/cases/{child_case.public_id}/assign/",
                    **{"assign-workers": [people["outsider"].pk]})
    assert response.status_code == 400
    assert Case.objects.get(pk=child_case.pk).assigned_workers.count() == 0


# ---- 404 not 403, and refusals to recipients ------------------------------------------------------------

@pytest.mark.parametrize("path", ["transfers/", "person/", "services/", "perpetrators/", "assign/"])
def test_new_forms_on_another_organisations_case_answer_404_and_write_nothing(client, people, child_case, path):
    client.force_login(people["outsideboss"])  # the sign-in is audited; count what the form writes
    before = AuditEvent.objects.count()
    response = client.post(f"/cases/{child_case.public_id}/{path}",
                           {TRANSFER: 1, "person-first_name": "X", "person-age_years": "20",
                            "service-service_type": "medical", "perpetrator-roles": ["Transporter"]})
    assert response.status_code == 404
    assert AuditEvent.objects.count() == before
    assert Person.objects.get(pk=child_case.person_id).first_name == "Nomin"


def test_service_of_another_organisations_case_answers_404(client, people, orgs, child_case):
    service = services.service_add(actor=people["caseworker"], case=child_case, service_type="medical")
    response = post(client, people["outsider"], f"/cases/{child_case.public_id}/services/{service.pk}/",
                    **{f"service-{service.pk}-outcome": "completed"})
    assert response.status_code == 404
    service.refresh_from_db()
    assert service.outcome == ""


def test_recipient_of_a_referral_cannot_edit_the_person(client, people, orgs, child_case):
    consent_to_shelter(child_case, people, orgs)
    referral = services.referral_create(actor=people["caseworker"], case=child_case, to_organisation=orgs["shelter"],
                                        service_type="accommodation", sections=["person"])
    services.referral_accept(actor=people["shelterworker"], referral=referral)
    client.force_login(people["shelterworker"])
    assert 'name="person-first_name"' not in client.get(f"/cases/{child_case.public_id}/").content.decode()
    response = client.post(f"/cases/{child_case.public_id}/person/", {**PERSON, "person-first_name": "Changed"})
    assert response.status_code in (400, 403)
    assert Person.objects.get(pk=child_case.person_id).first_name == "Nomin"


def test_the_new_forms_speak_mongolian(client, people, child_case):
    client.force_login(people["caseworker"])
    client.cookies["django_language"] = "mn"
    page = client.get(f"/cases/{child_case.public_id}/").content.decode()
    for label in ("Хүний мэдээллийг засах", "Ажилтан хуваарилах", "Гэмт этгээдийн үүргийг нэмэх", "Үйлчилгээ нэмэх",
                  "Кейсийг өөр байгууллагад шилжүүлэх", "Бодит эхлэх огноо"):
        assert label in page, label


def test_service_ending_before_it_starts_is_refused_with_the_form_open(client, people, child_case):
    service = services.service_add(actor=people["caseworker"], case=child_case, service_type="medical")
    response = post(client, people["caseworker"], f"/cases/{child_case.public_id}/services/{service.pk}/",
                    **{f"service-{service.pk}-actual_start": "2026-02-01",
                       f"service-{service.pk}-actual_end": "2026-01-01"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "The end date is before the start date." in html and "<details open>" in html
    service.refresh_from_db()
    assert service.actual_start is None
