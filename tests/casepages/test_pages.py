"""The case pages through the real URLs as named users: who sees what (404 for a case of another
organisation, like a missing one), search and filters, forms and their errors, nothing written on refusal."""

from __future__ import annotations

import re

import pytest

from ctip.cases import services
from ctip.cases.models import AccessLog, Case, Consent, Referral, ReferralState, Screening

pytestmark = pytest.mark.django_db


def page_of(client, user, url: str, **data):
    client.force_login(user)
    return client.post(url, data) if data else client.get(url)


def consent_to_shelter(case, people, orgs):
    return services.consent_record(actor=people["caseworker"], case=case, purpose="share_organisation",
                                   organisation=orgs["shelter"], given_by="guardian", guardian_name="Dorj Bat",
                                   child_assent=True)


def refer_to_shelter(case, people, orgs):
    return services.referral_create(actor=people["caseworker"], case=case, to_organisation=orgs["shelter"],
                                    service_type="accommodation", sections=["person", "plan"])


# ---- who sees what ----------------------------------------------------------------------------------

def test_case_of_another_organisation_answers_404_like_a_missing_case(client, people, child_case):
    other = page_of(client, people["outsider"], f"/cases/{child_case.public_id}/")
    missing = page_of(client, people["outsider"], "/cases/ZZZZ-ZZZZ/")
    assert other.status_code == missing.status_code == 404
    assert other.content == missing.content
    assert "Nomin" not in other.content.decode()


@pytest.mark.parametrize("path", ["screening/", "notes/", "consents/", "referrals/", "closure/", "determination/",
                                  "screening/preview/"])
def test_writes_to_another_organisations_case_answer_404_and_write_nothing(client, people, child_case, path):
    before = (Screening.objects.count(), Consent.objects.count(), Referral.objects.count())
    response = page_of(client, people["outsideboss"], f"/cases/{child_case.public_id}/{path}",
                       text="hello", acts="recruitment", purpose="services", given_by="self", reason="x")
    assert response.status_code == 404
    assert (Screening.objects.count(), Consent.objects.count(), Referral.objects.count()) == before


@pytest.mark.parametrize("username", ["analyst", "orgadmin"])
def test_roles_that_see_no_case_are_refused_the_case_list(client, people, child_case, username):
    assert page_of(client, people[username], "/cases/").status_code == 403
    assert page_of(client, people[username], f"/cases/{child_case.public_id}/").status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, child_case):
    for url in ("/cases/", f"/cases/{child_case.public_id}/", "/cases/referrals/", "/cases/approvals/"):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"]


def test_approvals_queue_is_for_supervisors_only(client, people):
    assert page_of(client, people["caseworker"], "/cases/approvals/").status_code == 403
    assert page_of(client, people["supervisor"], "/cases/approvals/").status_code == 200


def test_shelter_sees_only_the_shared_sections_after_accepting(client, people, orgs, child_case):
    consent_to_shelter(child_case, people, orgs)
    referral = refer_to_shelter(child_case, people, orgs)
    url = f"/cases/{child_case.public_id}/"
    assert page_of(client, people["shelterworker"], url).status_code == 404  # not accepted yet
    services.referral_accept(actor=people["shelterworker"], referral=referral)
    html = page_of(client, people["shelterworker"], url).content.decode()
    assert 'id="person"' in html and "Nomin" in html
    assert 'id="plan"' in html
    for hidden in ('id="screening"', 'id="consent"', 'id="referrals"', 'id="approvals"', 'id="notes"'):
        assert hidden not in html


def test_police_see_a_case_only_while_consent_to_share_with_them_is_in_force(client, people, orgs, child_case):
    consent = services.consent_record(actor=people["caseworker"], case=child_case, purpose="share_police",
                                      given_by="guardian", guardian_name="Dorj Bat", child_assent=True)
    services.referral_create(actor=people["caseworker"], case=child_case, to_organisation=orgs["police"],
                             service_type="legal", sections=["context"])
    url = f"/cases/{child_case.public_id}/"
    assert page_of(client, people["police"], url).status_code == 200
    services.consent_withdraw(actor=people["caseworker"], consent=consent)
    assert page_of(client, people["police"], url).status_code == 404


def test_each_view_of_a_childs_record_is_written_to_the_access_log(client, people, child_case):
    page_of(client, people["caseworker"], f"/cases/{child_case.public_id}/")
    page_of(client, people["supervisor"], f"/cases/{child_case.public_id}/")
    logged = AccessLog.objects.filter(case=child_case).values_list("user__username", flat=True)
    assert sorted(logged) == ["caseworker", "supervisor"]


# ---- list, search, filters ----------------------------------------------------------------------------

def test_search_finds_a_case_by_exact_name_or_case_id_only(client, people, child_case, orgs):
    services.case_create(actor=people["caseworker"], first_name="Solongo", last_name="Ganzorig", age_years=30)
    for query in ("Nomin Batbold", "nomin", child_case.public_id, child_case.public_id.replace("-", "").lower()):
        html = page_of(client, people["caseworker"], "/cases/", q=query).content.decode()
        assert child_case.public_id in html, query
        assert "Cases found: 1" in html, query
    html = page_of(client, people["caseworker"], "/cases/", q="Nomi").content.decode()
    assert "No case matches." in html


def test_filters_narrow_the_list_by_status_and_organisation(client, people, child_case):
    html = page_of(client, people["caseworker"], "/cases/?status=Closed").content.decode()
    assert child_case.public_id not in html
    html = page_of(client, people["caseworker"], f"/cases/?status=Active&organisation={child_case.organisation_id}")
    assert child_case.public_id in html.content.decode()


def test_the_list_shows_no_case_of_another_organisation(client, people, child_case):
    html = page_of(client, people["outsider"], "/cases/").content.decode()
    assert child_case.public_id not in html and "Cases found: 0" in html


# ---- forms ------------------------------------------------------------------------------------------

def test_registration_needs_an_age_birth_date_or_appearance(client, people):
    response = page_of(client, people["caseworker"], "/cases/new/", first_name="Anujin")
    assert response.status_code == 400
    assert "Give the birth date, the age" in response.content.decode()
    assert Case.objects.count() == 0


def test_registration_opens_a_child_case_for_a_16_year_old(client, people):
    response = page_of(client, people["caseworker"], "/cases/new/", first_name="Anujin", age_years="16",
                       gender="Feminine", citizenship="MNG")
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/cases/{case.public_id}/"
    assert case.module == "child_victim" and case.person.is_child


def test_screening_suggestion_shows_without_javascript_and_saves_nothing(client, people, child_case):
    response = page_of(client, people["caseworker"], f"/cases/{child_case.public_id}/screening/",
                       acts="recruitment", purposes="SexualExploitation", preview="1")
    html = response.content.decode()
    assert "Actual victim, child, means not required" in html
    assert "Palermo Protocol, Art. 3(c)" in html
    assert Screening.objects.count() == 0


def test_screening_preview_endpoint_answers_json_in_the_pages_language(client, people, child_case):
    client.force_login(people["caseworker"])
    url = f"/cases/{child_case.public_id}/screening/preview/"
    data = {"acts": "recruitment", "purposes": "SexualExploitation"}
    assert client.post(url, data).json()["headline"] == "Actual victim, child, means not required"
    client.cookies["django_language"] = "mn"
    assert client.post(url, data).json()["headline"] == "Хүний наймааны хохирогч, хүүхэд, арга хэрэгсэл шаардлагагүй"
    bad = client.post(url, {"acts": "kidnap"})
    assert bad.status_code == 400 and "acts" in bad.json()["fields"]


def test_saved_screening_keeps_the_engines_suggestion(client, people, child_case):
    response = page_of(client, people["caseworker"], f"/cases/{child_case.public_id}/screening/",
                       acts="recruitment", purposes="SexualExploitation", save="1")
    assert response.status_code == 302
    screening = Screening.objects.get()
    assert screening.suggested_status == "ActualVictimOfTrafficking"
    assert screening.suggestion["elements"]["means"] == "not_required"


def test_childs_consent_without_guardian_is_refused_with_field_errors(client, people, orgs, child_case):
    response = page_of(client, people["caseworker"], f"/cases/{child_case.public_id}/consents/",
                       **{"consent-purpose": "share_organisation", "consent-organisation": orgs["shelter"].pk,
                          "consent-given_by": "self"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "A child&#x27;s consent is given by a parent or guardian: name them." in html
    assert Consent.objects.count() == 0


def test_referral_without_consent_is_refused_and_nothing_is_sent(client, people, orgs, child_case):
    response = page_of(client, people["caseworker"], f"/cases/{child_case.public_id}/referrals/",
                       **{"referral-to_organisation": orgs["shelter"].pk, "referral-service_type": "accommodation",
                          "referral-sections": ["person"]})
    assert response.status_code == 400
    assert "has not consented to sharing with Safe Shelter" in response.content.decode()
    assert Referral.objects.count() == 0


def test_withdrawing_consent_on_the_page_revokes_the_referral(client, people, orgs, child_case):
    consent = consent_to_shelter(child_case, people, orgs)
    referral = refer_to_shelter(child_case, people, orgs)
    response = page_of(client, people["caseworker"],
                       f"/cases/{child_case.public_id}/consents/{consent.pk}/withdraw/", confirm="1")
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.state == ReferralState.REVOKED


def test_shelter_rejects_a_referral_from_the_inbox(client, people, orgs, child_case):
    consent_to_shelter(child_case, people, orgs)
    referral = refer_to_shelter(child_case, people, orgs)
    page_of(client, people["shelterworker"], f"/cases/referrals/{referral.pk}/reject/", note="No bed free.")
    referral.refresh_from_db()
    assert referral.state == ReferralState.REJECTED
    outgoing = page_of(client, people["caseworker"], "/cases/referrals/").content.decode()
    assert "Rejected" in outgoing and "No bed free." in outgoing


def test_another_organisation_cannot_answer_a_referral(client, people, orgs, child_case):
    consent_to_shelter(child_case, people, orgs)
    referral = refer_to_shelter(child_case, people, orgs)
    response = page_of(client, people["outsider"], f"/cases/referrals/{referral.pk}/accept/", note="")
    assert response.status_code == 404
    referral.refresh_from_db()
    assert referral.state == ReferralState.IN_PROGRESS


def test_notes_are_added_and_shown(client, people, child_case):
    response = page_of(client, people["caseworker"], f"/cases/{child_case.public_id}/notes/",
                       **{"note-text": "Met her at the border post."})
    assert response.status_code == 302
    html = page_of(client, people["caseworker"], f"/cases/{child_case.public_id}/").content.decode()
    assert "Met her at the border post." in html


def test_a_supervisor_cannot_approve_their_own_request(client, people, child_case):
    approval = services.closure_request(actor=people["supervisor"], case=child_case, reason="Done")
    page_of(client, people["supervisor"], f"/cases/approvals/{approval.pk}/decide/", decision="approve")
    approval.refresh_from_db()
    assert approval.state == "requested"


# ---- pages obey the Content-Security-Policy --------------------------------------------------------

def test_case_pages_have_no_inline_script_or_style(client, people, child_case):
    client.force_login(people["supervisor"])
    for url in ("/cases/", "/cases/new/", f"/cases/{child_case.public_id}/",
                f"/cases/{child_case.public_id}/screening/", "/cases/referrals/", "/cases/approvals/"):
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>", html), url
        assert " style=" not in html and "<style" not in html, url


# ---- context, assessment, plan, reopening ------------------------------------------------------------

def test_events_and_assessment_are_recorded_from_the_case_page(client, people, child_case):
    url = f"/cases/{child_case.public_id}/"
    client.force_login(people["caseworker"])
    assert client.post(url + "events/", {"event-event_type": "Recruitment", "event-country": "MNG",
                                         "event-city": "Zamyn-Uud"}).status_code == 302
    assert client.post(url + "assessments/", {"assessment-needs": ["accommodation", "psychosocial"],
                                              "assessment-best_interests_done": "on",
                                              "assessment-guardian_name": "Dorj Bat"}).status_code == 302
    html = client.get(url).content.decode()
    assert "Zamyn-Uud" in html and "Psychosocial support" in html and "Dorj Bat" in html


def test_a_plan_sent_for_approval_moves_the_case_to_service_provision_once_approved(client, people, orgs,
                                                                                    child_case):
    client.force_login(people["caseworker"])
    response = client.post(f"/cases/{child_case.public_id}/plans/", {
        "plan-plan_type": "Health", "plan-services": ["medical"], "plan-provider": orgs["shelter"].pk,
        "plan-submit": "on"})
    assert response.status_code == 302
    client.force_login(people["supervisor"])
    queue = client.get("/cases/approvals/").content.decode()
    assert "Case plan" in queue and child_case.public_id in queue
    approval = child_case.approvals.get()
    client.post(f"/cases/approvals/{approval.pk}/decide/", {"decision": "approve"})
    child_case.refresh_from_db()
    assert child_case.stage == "service_provision"
    assert child_case.services.get().provider == orgs["shelter"]


def test_an_invalid_plan_writes_neither_plan_nor_services(client, people, child_case):
    client.force_login(people["caseworker"])
    response = client.post(f"/cases/{child_case.public_id}/plans/", {"plan-plan_type": "Nonsense",
                                                                    "plan-services": ["medical"]})
    assert response.status_code == 400
    assert not child_case.plans.exists() and not child_case.services.exists()


def test_a_closed_case_can_be_reopened_with_a_reason(client, people, child_case):
    approval = services.closure_request(actor=people["caseworker"], case=child_case, reason="Returned home")
    services.approval_decide(actor=people["supervisor"], approval=approval, approve=True)
    client.force_login(people["caseworker"])
    assert "Reopen the case" in client.get(f"/cases/{child_case.public_id}/").content.decode()
    client.post(f"/cases/{child_case.public_id}/reopen/", {"reopen-reason": "She came back."})
    child_case.refresh_from_db()
    assert child_case.status == "Active" and child_case.stage == "reopened"
