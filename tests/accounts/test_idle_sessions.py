"""A session left open on a shared computer ends: after 30 minutes without a request, and 8 hours after
sign-in whatever happens. The person is told why on the sign-in page and comes back to where they were."""

from __future__ import annotations

import pytest

from ctip.accounts.middleware import LAST_SEEN, SIGNED_IN_AT
from ctip.cases.models import AuditEvent
from tests.accounts.pages import text
from tests.accounts.signin import sign_in

pytestmark = pytest.mark.django_db


def _age(client, key: str, minutes: float) -> None:
    """Pretend ``minutes`` have passed since the session's clock ``key`` was set."""
    session = client.session
    session[key] -= minutes * 60
    session.save()


def test_an_idle_session_ends_and_the_person_comes_back_to_their_page(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    assert client.get("/cases/").status_code == 200
    _age(client, LAST_SEEN, 31)

    response = client.get("/cases/?status=open")

    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/cases/%3Fstatus%3Dopen"
    login_page = text(client.get(response["Location"]))
    assert "Your session ended after 30 minutes without activity" in login_page
    assert "_auth_user_id" not in client.session
    back = sign_in(client, "tuya", next_page="/cases/?status=open")
    assert back["Location"] == "/cases/?status=open"


def test_a_form_sent_after_the_idle_time_returns_to_the_form_page(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    _age(client, LAST_SEEN, 45)

    response = client.post("/password/", {}, HTTP_REFERER="http://testserver/password/")

    assert response["Location"] == "/login/?next=/password/"


def test_a_session_in_use_stays_open(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    _age(client, LAST_SEEN, 29)

    assert client.get("/cases/").status_code == 200
    _age(client, LAST_SEEN, 29)  # the last request moved the clock
    assert client.get("/cases/").status_code == 200


def test_the_idle_time_is_a_setting(client, make_user, settings):
    settings.SESSION_IDLE_SECONDS = 10 * 60
    make_user("tuya")
    sign_in(client, "tuya")
    _age(client, LAST_SEEN, 11)

    response = client.get("/cases/", follow=True)

    assert "after 10 minutes without activity" in text(response)


def test_eight_hours_after_sign_in_the_session_ends_even_in_use(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    _age(client, SIGNED_IN_AT, 8 * 60 + 1)

    response = client.get("/cases/", follow=True)

    assert "8 hours have passed since you signed in" in text(response)
    assert "_auth_user_id" not in client.session


def test_the_end_of_a_session_is_audited_with_its_reason(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    _age(client, LAST_SEEN, 31)
    client.get("/cases/")

    event = AuditEvent.objects.get(action="auth.logout")

    assert (event.actor_username, event.changes["reason"]) == ("tuya", "idle")


def test_an_api_call_from_an_idle_session_is_answered_401_not_redirected(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    _age(client, LAST_SEEN, 31)

    response = client.get("/cases/api/cases/", HTTP_ACCEPT="application/json")

    assert response.status_code == 401


def test_stay_signed_in_without_the_script_counts_the_idle_time_again_and_returns_to_the_page(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    page = text(client.get("/cases/"))
    assert "Your session is about to end" in page  # the warning is on every page, hidden until its time
    _age(client, LAST_SEEN, 29)

    response = client.post("/accounts/me/keepalive/", {"next": "/cases/?status=open"})

    assert response["Location"] == "/cases/?status=open"
    _age(client, LAST_SEEN, 29)  # 58 minutes since the last page, 29 since "Stay signed in"
    assert client.get("/cases/").status_code == 200


def test_stay_signed_in_comes_too_late_once_the_session_has_ended(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    client.get("/cases/")
    _age(client, LAST_SEEN, 31)

    response = client.post("/accounts/me/keepalive/", {"next": "/cases/"}, HTTP_X_REQUESTED_WITH="fetch")

    assert response.status_code == 302 and response["Location"].startswith("/login/")
    assert "_auth_user_id" not in client.session
