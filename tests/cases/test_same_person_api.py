"""The same person through the JSON API: an integration asks for possible matches, then opens a new case for
the person of a case it may see; never another organisation's people."""

from __future__ import annotations

import pytest

from ctip.accounts.models import User
from ctip.cases.api import token_issue
from ctip.cases.models import AuditEvent, Case, Person

pytestmark = pytest.mark.django_db

API = "/cases/api/cases"


@pytest.fixture
def token(orgs):
    """``token(org)``: a bearer token of a service account of that organisation."""
    def make(org: str = "iom") -> str:
        user = User.objects.create(username=f"{org}-sync", role="case_worker", scope="organisation",
                                   organisation=orgs[org], is_service_account=True)
        return token_issue(user)

    return make


def _post(client, path: str, token: str, body: dict):
    return client.post(f"{API}{path}", body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}")


@pytest.fixture
def registered(new_case):
    return new_case(identity_number="УБ98031412")


def test_matches_are_listed_with_codes_and_nothing_is_written(client, token, registered):
    before = (Case.objects.count(), Person.objects.count())

    response = _post(client, "/matches", token(), {"first_name": "X", "identity_number": "УБ98031412"})

    assert response.status_code == 200
    [match] = response.json()["matches"]
    assert match["matched_on"] == ["identity_number"]
    assert match["cases"] == [{"public_id": registered.public_id, "status": "Active", "module": "adult_victim",
                               "registered_on": registered.registered_on.isoformat(), "closed_on": None}]
    assert (Case.objects.count(), Person.objects.count()) == before


def test_another_organisation_gets_no_match(client, token, registered):
    response = _post(client, "/matches", token("shelter"), {"first_name": "X", "identity_number": "УБ98031412"})

    assert response.json() == {"matches": []}


def test_a_new_case_for_the_person_of_a_visible_case(client, token, registered):
    response = _post(client, "/", token(), {"first_name": "Sarangerel", "same_person_as": registered.public_id})

    assert response.status_code == 201
    new = Case.objects.get(public_id=response.json()["public_id"])
    assert new.person_id == registered.person_id and Person.objects.count() == 1


def test_a_case_of_another_organisation_answers_404(client, token, registered):
    response = _post(client, "/", token("shelter"), {"first_name": "S", "same_person_as": registered.public_id})

    assert response.status_code == 404 and Case.objects.count() == 1


def test_a_registration_with_matches_is_refused_and_lists_them(client, token, registered):
    before = (Case.objects.count(), Person.objects.count())

    response = _post(client, "/", token(), {"first_name": "Saraa", "identity_number": "УБ 98031412"})

    assert response.status_code == 409
    body = response.json()
    assert "different_person" in body["message"] and "same_person_as" in body["message"]
    [match] = body["extra"]["matches"]
    assert match["matched_on"] == ["identity_number"]
    assert match["cases"][0]["public_id"] == registered.public_id
    assert (Case.objects.count(), Person.objects.count()) == before


def test_a_different_person_is_registered_and_the_declined_matches_audited(client, token, registered):
    response = _post(client, "/", token(), {"first_name": "Saraa", "identity_number": "УБ98031412",
                                            "different_person": True})

    assert response.status_code == 201
    new = Case.objects.get(public_id=response.json()["public_id"])
    assert new.person_id != registered.person_id and Person.objects.count() == 2
    event = AuditEvent.objects.get(action="duplicate.declined", case_public_id=new.public_id)
    assert event.changes == {"possible_matches": 1, "matched_on": ["identity_number"]}


def test_a_registration_without_matches_needs_no_choice(client, token, registered):
    response = _post(client, "/", token(), {"first_name": "Oyun", "identity_number": "УБ00000001"})

    assert response.status_code == 201
    assert not AuditEvent.objects.filter(action="duplicate.declined").exists()


def test_another_organisations_person_does_not_block_a_registration(client, token, registered):
    response = _post(client, "/", token("shelter"), {"first_name": "Saraa", "identity_number": "УБ98031412"})

    assert response.status_code == 201
