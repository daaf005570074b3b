"""The JSON API for transfer, the person's details, services, perpetrators and assignment, through the real
endpoints with service-account tokens: same rules as the pages, 400 with field errors, 404 for a case of
another organisation."""

from __future__ import annotations

import pytest

from ctip.accounts.models import User
from ctip.cases import services
from ctip.cases.api import token_issue
from ctip.cases.models import AuditEvent, Case, Person, Referral, ReferralKind, SupportService
from tests.casepages.test_api import call

pytestmark = pytest.mark.django_db


@pytest.fixture
def tokens(orgs):
    made = {}
    for name, org in (("iom-sync", "iom"), ("other-sync", "other")):
        user = User.objects.create(username=name, role="case_worker", scope="organisation", organisation=orgs[org],
                                   is_service_account=True, password="!")
        made[org] = token_issue(user)
    return made


def test_transfer_through_the_api_needs_consent(client, tokens, orgs, child_case):
    path = f"/cases/{child_case.public_id}/transfers"
    refused = call(client, "post", path, tokens["iom"], {"to_organisation": orgs["shelter"].pk})
    assert refused.status_code == 400 and "has not consented" in refused.json()["message"]
    services.consent_record(actor=child_case.owner, case=child_case, purpose="share_organisation",
                            organisation=orgs["shelter"], given_by="guardian", guardian_name="Dorj Bat",
                            child_assent=True)
    sent = call(client, "post", path, tokens["iom"], {"to_organisation": orgs["shelter"].pk})
    assert sent.status_code == 201 and sent.json()["kind"] == ReferralKind.TRANSFER
    assert Referral.objects.get().kind == ReferralKind.TRANSFER


def test_person_patch_changes_only_the_fields_sent(client, tokens, child_case):
    response = call(client, "patch", f"/cases/{child_case.public_id}/person", tokens["iom"],
                    {"identity_number": "УБ10030412", "mailing_city": "Darkhan"})
    assert response.status_code == 200 and response.json()["first_name"] == "Nomin"
    person = Person.objects.get(pk=child_case.person_id)
    assert (person.identity_number, person.mailing_city, person.last_name) == ("УБ10030412", "Darkhan", "Batbold")
    assert "УБ10030412" not in str(list(AuditEvent.objects.values_list("changes", flat=True)))


def test_service_added_and_updated_through_the_api(client, tokens, orgs, child_case):
    added = call(client, "post", f"/cases/{child_case.public_id}/services", tokens["iom"],
                 {"service_type": "legal", "planned_start": "2026-05-01"})
    assert added.status_code == 201
    body = added.json()
    assert (body["plan"], body["provider"], body["planned_start"]) == (None, orgs["iom"].pk, "2026-05-01")
    updated = call(client, "patch", f"/cases/{child_case.public_id}/services/{body['id']}", tokens["iom"],
                   {"actual_start": "2026-05-02", "outcome": "completed"})
    assert updated.status_code == 200 and updated.json()["outcome"] == "completed"
    assert SupportService.objects.get().planned_start.isoformat() == "2026-05-01"
    detail = call(client, "get", f"/cases/{child_case.public_id}", tokens["iom"]).json()
    assert detail["services"][0]["actual_start"] == "2026-05-02"


def test_service_with_an_unknown_outcome_answers_field_errors(client, tokens, child_case):
    response = call(client, "post", f"/cases/{child_case.public_id}/services", tokens["iom"],
                    {"service_type": "legal", "outcome": "great"})
    assert response.status_code == 400 and "outcome" in response.json()["extra"]["fields"]
    assert SupportService.objects.count() == 0


def test_perpetrator_and_assignment_through_the_api(client, tokens, people, child_case):
    added = call(client, "post", f"/cases/{child_case.public_id}/perpetrators", tokens["iom"],
                 {"roles": ["Transporter"], "relationship": "Unaquainted"})
    assert added.status_code == 201 and added.json()["roles"] == ["Transporter"]
    assigned = call(client, "put", f"/cases/{child_case.public_id}/workers", tokens["iom"],
                    {"workers": ["caseworker", "supervisor"]})
    assert assigned.json()["workers"] == ["caseworker", "supervisor"]
    assert Case.objects.get(pk=child_case.pk).assigned_workers.count() == 2
    outsider = call(client, "put", f"/cases/{child_case.public_id}/workers", tokens["iom"], {"workers": ["outsider"]})
    assert outsider.status_code == 400 and outsider.json()["extra"]["fields"]["workers"] == ["outsider"]
    assert Case.objects.get(pk=child_case.pk).assigned_workers.count() == 2


@pytest.mark.parametrize("method,path,body", [
    ("post", "transfers", {"to_organisation": 1}), ("patch", "person", {"first_name": "X"}),
    ("post", "services", {"service_type": "legal"}), ("post", "perpetrators", {"roles": ["Transporter"]}),
    ("put", "workers", {"workers": []})])
def test_another_organisation_gets_404_and_nothing_is_written(client, tokens, child_case, method, path, body):
    before = AuditEvent.objects.count()
    response = call(client, method, f"/cases/{child_case.public_id}/{path}", tokens["other"], body)
    assert response.status_code == 404
    assert AuditEvent.objects.count() == before


def test_service_ending_before_it_starts_answers_a_field_error(client, tokens, child_case):
    service = services.service_add(actor=child_case.owner, case=child_case, service_type="medical")
    response = call(client, "patch", f"/cases/{child_case.public_id}/services/{service.pk}", tokens["iom"],
                    {"actual_start": "2026-02-01", "actual_end": "2026-01-01"})
    assert response.status_code == 400
    assert response.json()["extra"]["fields"]["actual_end"] == ["The end date is before the start date."]
    service.refresh_from_db()
    assert service.actual_start is None
