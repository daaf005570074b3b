"""The person's decision, the needs assessment and the trafficking events through the JSON API: same rules
as the pages (field errors, 404 for another organisation, nothing written on refusal)."""

from __future__ import annotations

import json

import pytest

from ctip.accounts.models import User
from ctip.cases import services
from ctip.cases.api import token_issue
from ctip.cases.models import Approval, Determination, NeedsAssessment, TraffickingEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(orgs):
    account = User.objects.create(username="iom-sync", role="case_worker", scope="organisation",
                                  organisation=orgs["iom"], is_service_account=True, password="!")
    return token_issue(account)


def post(client, path: str, token: str, body: dict):
    return client.post(f"/cases/api/cases/{path}", data=json.dumps(body), content_type="application/json",
                       HTTP_AUTHORIZATION=f"Bearer {token}")


def test_determination_through_the_api_waits_for_a_supervisor(client, token, new_case, worker, supervisor):
    case = new_case(birth_date=None, age_years=16)
    services.screening_record(actor=worker, case=case, interview={"acts": ["recruitment"],
                                                                  "purposes": ["SexualExploitation"]})

    response = post(client, f"{case.public_id}/determinations", token,
                    {"status": "ActualVictimOfTrafficking", "decision_org_type": "NGO", "rationale": "Interview"})

    assert response.status_code == 201
    assert (response.json()["kind"], response.json()["state"]) == ("determination", "requested")
    determination = Determination.objects.get(case=case)
    assert determination.screening == case.screenings.first()
    services.approval_decide(actor=supervisor, approval=Approval.objects.get(pk=response.json()["id"]), approve=True)
    case.refresh_from_db()
    assert case.trafficking_status == "ActualVictimOfTrafficking"


def test_determination_with_an_unknown_status_answers_field_errors(client, token, new_case):
    case = new_case()

    response = post(client, f"{case.public_id}/determinations", token,
                    {"status": "Victim", "decision_org_type": "NGO"})

    assert response.status_code == 400
    assert "unknown code 'Victim'" in response.json()["extra"]["fields"]["status"][0]
    assert not Determination.objects.exists() and not Approval.objects.exists()


def test_best_interests_assessment_of_a_child_through_the_api(client, token, new_case):
    case = new_case(birth_date=None, age_years=14)

    response = post(client, f"{case.public_id}/assessments", token,
                    {"needs": ["accommodation", "education"], "best_interests_done": True,
                     "best_interests_summary": "Return to the family is not safe.", "guardian_name": "Aunt"})

    assert response.status_code == 201 and response.json()["best_interests_done"] is True
    assert NeedsAssessment.objects.get(case=case).best_interests_summary == "Return to the family is not safe."


def test_exploitation_event_through_the_api(client, token, new_case):
    case = new_case()

    response = post(client, f"{case.public_id}/events", token,
                    {"event_type": "Exploitation", "country": "CHN", "city": "Erenhot", "date": "2025-06-01"})

    assert response.status_code == 201
    assert TraffickingEvent.objects.get(case=case).city == "Erenhot"


@pytest.mark.parametrize(("path", "body"), [
    ("determinations", {"status": "ActualVictimOfTrafficking", "decision_org_type": "NGO"}),
    ("assessments", {"needs": ["medical"]}),
    ("events", {"event_type": "Recruitment"}),
])
def test_another_organisation_gets_404_and_nothing_is_written(client, orgs, new_case, path, body):
    shelter = User.objects.create(username="shelter-sync", role="case_worker", scope="organisation",
                                  organisation=orgs["shelter"], is_service_account=True, password="!")
    case = new_case()

    response = post(client, f"{case.public_id}/{path}", token_issue(shelter), body)

    assert response.status_code == 404
    assert not (Determination.objects.exists() or NeedsAssessment.objects.exists()
                or TraffickingEvent.objects.exists())


@pytest.mark.parametrize(("lang", "label"), [("en", "country:"), ("mn", "улс:")])
def test_a_refusal_names_the_field_as_people_know_it(client, token, new_case, lang, label):
    case = new_case()

    response = client.patch(f"/cases/api/cases/{case.public_id}/person", data=json.dumps({"mailing_country": "XX"}),
                            content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}",
                            HTTP_ACCEPT_LANGUAGE=lang)

    assert response.status_code == 400
    assert label in response.json()["message"] and "mailing_country" not in response.json()["message"]
    assert list(response.json()["extra"]["fields"]) == ["mailing_country"]


def test_a_session_call_without_its_csrf_token_is_refused_in_the_apis_error_shape(new_case, worker):
    from django.test import Client

    case = new_case()
    client = Client(enforce_csrf_checks=True)
    client.force_login(worker)
    response = client.post(f"/cases/api/cases/{case.public_id}/notes", data=json.dumps({"text": "x"}),
                           content_type="application/json")
    assert response.status_code == 403
    body = response.json()
    assert body["extra"] == {} and body["message"].startswith("The CSRF check failed")
    assert "X-CSRFToken" in body["message"]
