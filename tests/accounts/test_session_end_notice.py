"""Ten minutes before the 8-hour end of a session, every page says when it ends and that it cannot be extended,
with "Sign in again now" (a new session, back on the same page); with or without the page's script."""

from __future__ import annotations

import datetime as dt
import re
import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from playwright.sync_api import expect

from ctip.accounts.middleware import SIGNED_IN_AT
from ctip.cases.models import AuditEvent
from tests.accounts.pages import text
from tests.accounts.signin import sign_in

pytestmark = pytest.mark.django_db


def _signed_in_ago(client, minutes: float) -> dt.datetime:
    """Pretend the session was signed in ``minutes`` ago; when it then ends, as the page shows it (UTC)."""
    session = client.session
    session[SIGNED_IN_AT] = time.time() - minutes * 60
    session.save()
    return dt.datetime.fromtimestamp(session[SIGNED_IN_AT] + 8 * 3600, tz=dt.UTC)


def _notice(response) -> str:
    """The notice's opening tag and its words (empty when the page has none)."""
    found = re.search(r'(<div id="session-end"[^>]*>)(.*?)</div>', response.content.decode(), re.S)
    if found is None:
        return ""
    words = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found.group(2)))
    return f"{found.group(1)} {words}"


def test_ten_minutes_before_the_end_every_page_shows_when_it_ends(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    ends = _signed_in_ago(client, 8 * 60 - 9)

    notice = _notice(client.get("/cases/"))

    assert " hidden " not in notice  # shown by the server: no script needed
    assert f"Your session ends at {ends:%H:%M}" in notice
    assert "cannot be extended" in notice and "Sign in again now" in notice


def test_earlier_the_notice_waits_hidden_for_its_time(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    _signed_in_ago(client, 60)

    notice = _notice(client.get("/cases/"))

    assert " hidden " in notice
    left = int(re.search(r'data-end-left="(\d+)"', notice).group(1))
    assert 7 * 3600 - 5 <= left <= 7 * 3600  # from the server's sign-in time
    assert 'data-warn-seconds="600"' in notice


def test_signed_out_pages_have_no_notice(client):
    assert _notice(client.get("/login/")) == ""


def test_sign_in_again_now_starts_a_new_session_on_the_same_page(client, make_user):
    make_user("tuya")
    sign_in(client, "tuya")
    _signed_in_ago(client, 8 * 60 - 5)

    response = client.post("/accounts/me/sign-in-again/", {"next": "/cases/?status=open"})

    assert response["Location"] == "/login/?next=/cases/%3Fstatus%3Dopen"
    assert "_auth_user_id" not in client.session
    assert "Sign in again to start a new session" in text(client.get(response["Location"]))
    assert sign_in(client, "tuya", next_page="/cases/?status=open")["Location"] == "/cases/?status=open"
    assert " hidden " in _notice(client.get("/cases/"))  # 8 new hours
    assert AuditEvent.objects.filter(action="auth.logout").get().changes["reason"] == "sign in again"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_notice_appears_on_time_and_signs_in_again_to_the_same_page(page, live_server, make_user, login):
    make_user("tuya")
    login(page, "tuya")
    cookie = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=cookie["value"])
    session[SIGNED_IN_AT] = time.time() - (8 * 3600 - 600 - 3)  # the notice is due 3 seconds after the page opens
    session.save()
    page.goto(f"{live_server.url}/accounts/me/")
    notice = page.get_by_role("alertdialog", name=re.compile("Your session ends at"))
    expect(notice).to_be_hidden()

    expect(notice).to_be_visible(timeout=10_000)
    expect(notice.get_by_role("button", name="Sign in again now")).to_be_focused()
    notice.get_by_role("button", name="Sign in again now").click()
    expect(page).to_have_url(re.compile(r"/login/\?next=/accounts/me/"))
    page.get_by_label("User name").fill("tuya")
    page.get_by_label("Password").fill("tuya-Pass-2024!")
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(re.compile(r"/accounts/me/$"))
    expect(page.get_by_role("alertdialog", name=re.compile("Your session ends at"))).to_be_hidden()
