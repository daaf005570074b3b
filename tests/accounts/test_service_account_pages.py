"""Administrators create service accounts on the Users page, issue API tokens shown once (never stored, never
audited) and revoke all of an account's tokens at once; an organisation administrator does so only in their
own organisation, under the same grant rules as for people."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from ctip.accounts.models import User
from ctip.cases.models import AuditEvent
from tests.accounts.pages import as_user, text

pytestmark = pytest.mark.django_db

NEW = "/accounts/users/new/"
API = "/cases/api/cases/"


def token_on(response) -> str:
    return re.search(r'<code class="password token" id="new-token">([^<]+)</code>', response.content.decode()).group(1)


def api_status(token: str) -> int:
    return Client().get(API, HTTP_AUTHORIZATION=f"Bearer {token}").status_code


def create_service_account(client: Client, **fields):
    return client.post(NEW, {"username": "sync", "role": "case_worker", "scope": "organisation",
                             "service_account": "on", **fields})


def test_a_new_service_account_gets_a_token_shown_once_that_the_api_accepts(sysadmin, shelter):
    response = create_service_account(as_user(sysadmin), organisation="shelter")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = text(response)
    assert "Service account sync created" in page and "This token is shown only once." in page
    assert "Role: Case worker; scope: Own organisation; organisation: Safe Shelter." in page
    token = token_on(response)
    assert api_status(token) == 200
    account = User.objects.get(username="sync")
    assert account.is_service_account and not account.has_usable_password()
    events = {event.action: event.changes for event in AuditEvent.objects.filter(entity="accounts.user")}
    assert events["user.create"]["service_account"] is True
    assert events["user.issue_token"] == {"username": "sync", "days": 365}
    assert token not in json.dumps([e.changes for e in AuditEvent.objects.all()])


def test_the_token_page_is_only_the_answer_to_a_post(sysadmin, make_user, shelter):
    robot = User.objects.create(username="sync", organisation=shelter, is_service_account=True, password="!")

    assert as_user(sysadmin).get(f"/accounts/users/{robot.pk}/token/").status_code == 405


def test_another_token_can_be_issued_and_revoking_stops_them_all(sysadmin, shelter):
    client = as_user(sysadmin)
    first = token_on(create_service_account(client, organisation="shelter"))
    robot = User.objects.get(username="sync")
    listing = client.get("/accounts/users/?username=sync").content.decode()
    assert "Issue a token" in listing and "Revoke all tokens" in listing

    second = token_on(client.post(f"/accounts/users/{robot.pk}/token/"))
    assert api_status(first) == api_status(second) == 200

    response = client.post(f"/accounts/users/{robot.pk}/revoke-tokens/", follow=True)

    assert "Every API token of sync is revoked" in text(response)
    assert api_status(first) == api_status(second) == 401
    assert AuditEvent.objects.filter(action="user.revoke_tokens", changes__username="sync").exists()
    robot.refresh_from_db()
    assert robot.is_active
    assert api_status(token_on(client.post(f"/accounts/users/{robot.pk}/token/"))) == 200


def test_a_persons_account_gets_no_token(sysadmin, make_user, shelter):
    tuya = make_user("tuya", organisation=shelter)
    client = as_user(sysadmin)
    assert "Issue a token" not in client.get("/accounts/users/?username=tuya").content.decode()

    response = client.post(f"/accounts/users/{tuya.pk}/token/", follow=True)

    assert "tuya: &#x27;tuya&#x27; is a person&#x27;s account; API tokens are only for service accounts" in text(
        response)
    assert not AuditEvent.objects.filter(action="user.issue_token").exists()


def test_a_deactivated_service_account_gets_no_token(sysadmin, shelter):
    robot = User.objects.create(username="sync", organisation=shelter, is_service_account=True, password="!",
                                is_active=False)

    response = as_user(sysadmin).post(f"/accounts/users/{robot.pk}/token/", follow=True)

    assert "reactivate the account first" in text(response)
    assert "new-token" not in response.content.decode()


def test_an_organisation_administrator_manages_their_own_organisations_service_accounts(orgadmin, police_unit):
    client = as_user(orgadmin)
    response = create_service_account(client, organisation="police")  # ignored: always their own organisation

    assert User.objects.get(username="sync").organisation == orgadmin.organisation
    assert api_status(token_on(response)) == 200
    other = User.objects.create(username="police-sync", organisation=police_unit, is_service_account=True,
                                password="!")
    assert client.post(f"/accounts/users/{other.pk}/token/").status_code == 404
    assert client.post(f"/accounts/users/{other.pk}/revoke-tokens/").status_code == 404


def test_an_organisation_administrator_grants_a_service_account_only_their_roles(orgadmin):
    response = create_service_account(as_user(orgadmin), role="data_analyst")

    assert response.status_code == 200 and "new-token" not in response.content.decode()
    assert not User.objects.filter(username="sync").exists()


def test_the_token_page_speaks_mongolian(sysadmin, shelter):
    response = as_user(sysadmin).post(NEW, {"username": "sync", "organisation": "shelter", "role": "case_worker",
                                            "scope": "organisation", "service_account": "on"},
                                      HTTP_ACCEPT_LANGUAGE="mn")

    assert "Энэ токеныг зөвхөн нэг удаа харуулна." in text(response)
