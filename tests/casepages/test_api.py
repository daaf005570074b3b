"""The JSON API through its real endpoints as named users and service accounts: same permissions as the
pages (404 for a case of another organisation), token authentication, 400 with field errors, no partial
writes, and an OpenAPI schema."""

from __future__ import annotations

import json

import pytest

from ctip.accounts.models import User
from ctip.cases.api import token_issue
from ctip.cases.errors import NotFound
from ctip.cases.models import AuditEvent, Case, Consent, Person, Referral

pytestmark = pytest.mark.django_db

API = "/cases/api"


@pytest.fixture
def service_accounts(orgs):
    """A service account in the IOM office and one in the shelter, with their bearer tokens."""
    made = {}
    for name, org in (("iom-sync", "iom"), ("shelter-sync", "shelter")):
        user = User.objects.create(username=name, role="case_worker", scope="organisation", organisation=orgs[org],
                                   is_service_account=True, password="!")
        made[name] = token_issue(user)
    return made


def call(client, method: str, path: str, token: str | None = None, body: dict | None = None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    kwargs = {"data": json.dumps(body), "content_type": "application/json"} if body is not None else {}
    return getattr(client, method)(f"{API}{path}", **kwargs, **headers)


def test_openapi_schema_describes_the_endpoints(client):
    schema = client.get(f"{API}/openapi.json").json()
    assert schema["info"]["title"] == "ctip case store"
    for path in ("/cases/api/cases/", "/cases/api/cases/{public_id}", "/cases/api/referrals/{referral_id}/{action}",
                 "/cases/api/approvals/{approval_id}/decide", "/cases/api/screening/preview"):
        assert path in schema["paths"], path
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {"type": "http", "scheme": "bearer"}


def test_requests_without_valid_credentials_are_refused(client, service_accounts):
    assert call(client, "get", "/cases/").status_code == 401
    assert call(client, "get", "/cases/", token="ctip_forged").status_code == 401
    tampered = service_accounts["iom-sync"][:-2] + ("AA" if not service_accounts["iom-sync"].endswith("AA") else "BB")
    assert call(client, "get", "/cases/", token=tampered).status_code == 401
    assert call(client, "get", "/cases/", token=service_accounts["iom-sync"]).status_code == 200


def test_setting_a_new_password_revokes_the_accounts_tokens(client, service_accounts):
    token = service_accounts["iom-sync"]
    user = User.objects.get(username="iom-sync")
    user.set_unusable_password()
    user.save()
    assert call(client, "get", "/cases/", token=token).status_code == 401


def test_tokens_are_issued_only_to_service_accounts(people):
    from ctip.cases.errors import ApplicationError

    with pytest.raises(ApplicationError, match="only to service accounts"):
        token_issue(people["caseworker"])


def test_case_of_another_organisation_answers_404_like_a_missing_one(client, people, child_case, service_accounts):
    token = service_accounts["shelter-sync"]
    other = call(client, "get", f"/cases/{child_case.public_id}", token)
    missing = call(client, "get", "/cases/ZZZZ-ZZZZ", token)
    assert other.status_code == missing.status_code == 404
    assert other.json() == missing.json() == {"message": str(NotFound()), "extra": {}}
    assert call(client, "post", f"/cases/{child_case.public_id}/notes", token, {"text": "x"}).status_code == 404


def test_session_users_get_the_same_answers(client, people, child_case):
    client.force_login(people["outsider"])
    assert client.get(f"{API}/cases/{child_case.public_id}").status_code == 404
    client.force_login(people["caseworker"])
    body = client.get(f"{API}/cases/{child_case.public_id}").json()
    assert body["person"]["first_name"] == "Nomin" and body["access"] == "owner"


def test_roles_without_case_access_see_an_empty_list(client, people, child_case):
    client.force_login(people["analyst"])
    assert client.get(f"{API}/cases/").json() == {"count": 0, "items": []}


def test_bad_input_answers_400_with_field_errors(client, service_accounts):
    token = service_accounts["iom-sync"]
    missing = call(client, "post", "/cases/", token, {"age_years": -3})
    assert missing.status_code == 400
    assert set(missing.json()["extra"]["fields"]) >= {"first_name", "age_years"}
    bad_code = call(client, "post", "/cases/", token, {"first_name": "Anujin", "age_years": 16, "gender": "Femal"})
    assert bad_code.status_code == 400
    assert "gender" in bad_code.json()["extra"]["fields"]
    assert Person.objects.count() == 0 and Case.objects.count() == 0


def test_a_refused_referral_writes_nothing(client, orgs, child_case, service_accounts):
    token = service_accounts["iom-sync"]
    response = call(client, "post", f"/cases/{child_case.public_id}/referrals", token,
                    {"to_organisation": orgs["shelter"].pk, "service_type": "accommodation", "sections": ["person"]})
    assert response.status_code == 400
    assert response.json()["extra"]["consent"] == "share_organisation"
    bad = call(client, "post", f"/cases/{child_case.public_id}/referrals", token,
               {"to_organisation": 99999, "service_type": "accommodation", "sections": ["person"]})
    assert bad.status_code == 400 and "to_organisation" in bad.json()["extra"]["fields"]
    assert Referral.objects.count() == 0


def test_the_main_path_through_the_api(client, people, orgs, service_accounts):
    iom, shelter = service_accounts["iom-sync"], service_accounts["shelter-sync"]
    created = call(client, "post", "/cases/", iom, {"first_name": "Saruul", "age_years": 16, "gender": "Feminine"})
    assert created.status_code == 201 and created.json()["module"] == "child_victim"
    pid = created.json()["public_id"]

    screened = call(client, "post", f"/cases/{pid}/screenings", iom,
                    {"acts": ["recruitment"], "purposes": ["SexualExploitation"]})
    suggestion = screened.json()["suggestion"]
    assert suggestion["status"] == "ActualVictimOfTrafficking" and suggestion["elements"]["means"] == "not_required"

    consent = call(client, "post", f"/cases/{pid}/consents", iom,
                   {"purpose": "share_organisation", "organisation": orgs["shelter"].pk, "given_by": "guardian",
                    "guardian_name": "Dorj Bat", "child_assent": True})
    assert consent.status_code == 201, consent.json()
    referral = call(client, "post", f"/cases/{pid}/referrals", iom,
                    {"to_organisation": orgs["shelter"].pk, "service_type": "accommodation",
                     "sections": ["person", "plan"]})
    assert referral.status_code == 201
    rid = referral.json()["id"]
    assert [r["id"] for r in call(client, "get", "/referrals/incoming", shelter).json()] == [rid]
    accepted = call(client, "post", f"/referrals/{rid}/accept", shelter, {"note": ""})
    assert accepted.json()["state"] == "accepted"
    shared = call(client, "get", f"/cases/{pid}", shelter).json()
    assert shared["access"] == "recipient" and "screenings" not in shared and shared["person"]["first_name"] == "Saruul"

    closure = call(client, "post", f"/cases/{pid}/closure", iom, {"reason": "In the shelter.",
                                                                   "status": "ClosedReferred"})
    assert closure.status_code == 201
    client.force_login(people["caseworker"])
    assert client.get(f"{API}/approvals/").status_code == 403
    client.force_login(people["supervisor"])
    queue = client.get(f"{API}/approvals/").json()
    assert [a["kind"] for a in queue] == ["closure"]
    decided = client.post(f"{API}/approvals/{queue[0]['id']}/decide", data=json.dumps({"approve": True}),
                          content_type="application/json")
    assert decided.status_code == 200, decided.json()
    assert decided.json()["state"] == "approved"
    assert call(client, "get", f"/cases/{pid}", iom).json()["status"] == "ClosedReferred"


def test_withdrawal_through_the_api_revokes_open_referrals(client, orgs, child_case, service_accounts):
    token = service_accounts["iom-sync"]
    consent = call(client, "post", f"/cases/{child_case.public_id}/consents", token,
                   {"purpose": "share_organisation", "organisation": orgs["shelter"].pk, "given_by": "guardian",
                    "guardian_name": "Dorj Bat", "child_assent": True}).json()
    call(client, "post", f"/cases/{child_case.public_id}/referrals", token,
         {"to_organisation": orgs["shelter"].pk, "service_type": "accommodation", "sections": ["person"]})
    withdrawn = call(client, "post", f"/cases/{child_case.public_id}/consents/{consent['id']}/withdraw", token)
    assert withdrawn.status_code == 200 and withdrawn.json()["withdrawn_at"]
    assert Referral.objects.get().state == "revoked"
    assert Consent.objects.get().withdrawn_at is not None


def test_screening_preview_writes_nothing(client, service_accounts):
    response = call(client, "post", "/screening/preview", service_accounts["iom-sync"],
                    {"person": {"age": 15}, "acts": ["recruitment"], "purposes": ["ForcedLabour"]})
    assert response.json()["status"] == "ActualVictimOfTrafficking"
    bad = call(client, "post", "/screening/preview", service_accounts["iom-sync"], {"acts": ["kidnap"]})
    assert bad.status_code == 400 and "kidnap" in bad.json()["message"]


def test_api_token_command_prints_a_working_token_for_service_accounts_only(client, people, orgs):
    from io import StringIO

    from django.core.management import CommandError, call_command

    User.objects.create(username="kobo-sync", role="case_worker", organisation=orgs["iom"], is_service_account=True,
                        password="!")
    out = StringIO()
    call_command("api_token", "kobo-sync", "--days", "30", stdout=out)
    token = out.getvalue().strip()
    assert call(client, "get", "/cases/", token=token).status_code == 200
    issued = AuditEvent.objects.filter(action="user.issue_token").last()
    assert issued is not None and token not in str(issued.changes)  # audited, never the token itself
    with pytest.raises(CommandError, match="no-such-account"):
        call_command("api_token", "no-such-account", stdout=StringIO())
    with pytest.raises(CommandError, match="service account"):
        call_command("api_token", "caseworker", stdout=StringIO())


def test_an_expired_token_is_refused(client, orgs):
    user = User.objects.create(username="old-sync", role="case_worker", organisation=orgs["iom"],
                               is_service_account=True, password="!")
    assert call(client, "get", "/cases/", token=token_issue(user, days=-1)).status_code == 401


def test_field_errors_speak_the_requests_language(client, service_accounts):
    """An unknown code is named, with the valid codes, in English or in Mongolian (Accept-Language)."""
    token = service_accounts["iom-sync"]
    body = {"first_name": "Anujin", "age_years": 16, "gender": "Femal"}
    english = call(client, "post", "/cases/", token, body).json()["extra"]["fields"]["gender"]
    assert english[0].startswith("unknown code 'Femal'; expected one of: ")
    mongolian = client.post(f"{API}/cases/", data=json.dumps(body), content_type="application/json",
                            HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE="mn")
    message = mongolian.json()["extra"]["fields"]["gender"][0]
    assert message.startswith("код 'Femal' танигдсангүй; эдгээрийн нэг байх ёстой: ")
    assert message.split(": ", 1)[1] == english[0].split(": ", 1)[1], "the valid codes stay codes"
