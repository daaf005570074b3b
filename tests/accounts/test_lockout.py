"""Five failed sign-ins for one user name from one address block that pair for 15 minutes; an administrator can
lift the block; other addresses and the API's bearer tokens are not affected."""

from __future__ import annotations

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client

from ctip.accounts.models import User
from ctip.cases.api import token_issue
from ctip.cases.models import AuditEvent
from tests.accounts.pages import as_user, text
from tests.accounts.signin import sign_in

pytestmark = pytest.mark.django_db

BLOCKED = "Too many failed sign-ins"


def _fail(client: Client, username: str, times: int = 5, address: str = "127.0.0.1"):
    for _ in range(times):
        response = sign_in(client, username, "not-the-password", address=address)
    return response


def test_the_right_password_is_refused_after_five_wrong_ones(client, make_user):
    make_user("tuya")
    fourth = _fail(client, "tuya", times=4)
    assert fourth.status_code == 200 and BLOCKED not in text(fourth)  # four: still the usual message
    assert BLOCKED in text(_fail(client, "tuya", times=1))  # the fifth says so

    response = sign_in(client, "tuya")

    assert response.status_code == 429
    assert BLOCKED in text(response) and "15 minutes" in text(response)
    assert "_auth_user_id" not in client.session


def test_an_unknown_user_name_is_blocked_with_the_same_words(client, make_user):
    make_user("tuya")
    known = text(_fail(client, "tuya", times=6))
    unknown = text(_fail(Client(), "nobody", times=6))

    assert BLOCKED in unknown
    assert known.replace("tuya", "") == unknown.replace("nobody", "")


def test_someone_elsewhere_cannot_lock_a_person_out(client, make_user):
    make_user("tuya")
    _fail(client, "tuya", times=8, address="203.0.113.9")

    response = sign_in(Client(), "tuya", address="10.0.0.5")

    assert response.status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_block(client, make_user):
    make_user("tuya")
    _fail(client, "tuya", times=5)

    response = client.post("/login/", {"username": "tuya", "password": "tuya-Pass-2024!"},
                           REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")

    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_forwarded_address_counts(client, make_user, settings):
    settings.CTIP_TRUSTED_PROXIES = 1
    make_user("tuya")
    for _ in range(5):
        client.post("/login/", {"username": "tuya", "password": "wrong"}, REMOTE_ADDR="10.0.0.1",
                    HTTP_X_FORWARDED_FOR="198.51.100.7")

    blocked = client.post("/login/", {"username": "tuya", "password": "tuya-Pass-2024!"}, REMOTE_ADDR="10.0.0.1",
                          HTTP_X_FORWARDED_FOR="198.51.100.7")
    other = Client().post("/login/", {"username": "tuya", "password": "tuya-Pass-2024!"}, REMOTE_ADDR="10.0.0.1",
                          HTTP_X_FORWARDED_FOR="198.51.100.8")

    assert (blocked.status_code, other.status_code) == (429, 302)


def test_the_block_ends_after_15_minutes(client, make_user):
    make_user("tuya")
    _fail(client, "tuya")
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))

    assert sign_in(client, "tuya").status_code == 302


def test_a_right_password_before_the_fifth_failure_starts_the_count_again(client, make_user):
    make_user("tuya")
    _fail(client, "tuya", times=4)
    assert sign_in(client, "tuya").status_code == 302
    client.post("/logout/")

    _fail(client, "tuya", times=4)

    assert sign_in(client, "tuya").status_code == 302


def test_the_block_message_is_in_mongolian(client, make_user):
    make_user("tuya")
    client.cookies["django_language"] = "mn"
    _fail(client, "tuya")

    response = sign_in(client, "tuya")

    assert response.status_code == 429
    assert "Олон удаа буруу нэвтэрсэн" in text(response)


def test_an_organisation_administrator_lifts_the_block_from_the_users_page(client, make_user, orgadmin, shelter):
    tuya = make_user("tuya", organisation=shelter)
    _fail(client, "tuya")
    admin = as_user(orgadmin)

    page = text(admin.get("/accounts/users/"))
    assert "Blocked after failed sign-ins" in page and "Lift the block" in page

    response = admin.post(f"/accounts/users/{tuya.pk}/unlock/", follow=True)

    assert "tuya may sign in again" in text(response)
    assert "Blocked after failed sign-ins" not in text(response)
    assert sign_in(client, "tuya").status_code == 302
    event = AuditEvent.objects.get(action="user.unlock")
    assert (event.actor_username, event.changes["username"]) == ("orgadmin", "tuya")


def test_another_organisations_administrator_cannot_lift_the_block(client, make_user, orgadmin, police_unit):
    officer = make_user("officer", organisation=police_unit)
    _fail(client, "officer")

    assert as_user(orgadmin).post(f"/accounts/users/{officer.pk}/unlock/").status_code == 404
    assert sign_in(client, "officer").status_code == 429


def test_the_operator_lifts_the_block_on_the_command_line(client, make_user, capsys):
    make_user("tuya")
    _fail(client, "tuya")
    call_command("users", "list")
    assert "tuya\ttest-office\tcase_worker\torganisation\tactive blocked" in capsys.readouterr().out

    call_command("users", "unlock", "tuya")

    assert "unlocked tuya" in capsys.readouterr().out
    assert sign_in(client, "tuya").status_code == 302
    assert AuditEvent.objects.filter(action="user.unlock", actor_username="").exists()


def test_bearer_tokens_keep_working_while_a_name_is_blocked(client, make_user, organisation):
    service = User.objects.create(username="sync", role="case_worker", scope="organisation",
                                  organisation=organisation, is_service_account=True, password="!")
    _fail(client, "sync")

    response = Client().get("/cases/api/cases/", HTTP_AUTHORIZATION=f"Bearer {token_issue(service)}")

    assert response.status_code == 200
