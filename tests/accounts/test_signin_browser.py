"""Signing in with a second factor in a real browser, as a newcomer does under ``CTIP_TWO_FACTOR=required``:
password, enrolment with the key shown on the page, recovery codes, then a code at the next sign-in; and a
session left idle on a shared computer."""

from __future__ import annotations

import re
import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from ctip.accounts.middleware import LAST_SEEN
from tests.conftest import password_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _code(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key typed out on the enrolment page."""
    key = "".join(secret.split())
    totp = TOTP(b32decode(key + "=" * (-len(key) % 8)), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def _password(page, live_server, username: str, path: str = "/") -> None:
    page.goto(f"{live_server.url}{path}")
    if "/login/" not in page.url:
        page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password_for(username))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()


def test_a_newcomer_enrols_then_gives_a_code_at_the_next_sign_in(page, live_server, make_user, settings):
    settings.CTIP_TWO_FACTOR = "required"
    make_user("tuya")

    _password(page, live_server, "tuya", "/cases/")
    assert page.get_by_role("heading", name="Set up an authenticator app").is_visible()
    assert page.get_by_role("img", name="QR code to add ctip to an authenticator app").is_visible()
    secret = page.locator("#secret").inner_text()
    page.get_by_label("Code").fill(_code(secret))
    page.get_by_label("Code").press("Enter")

    assert page.get_by_text("These codes are shown only once.").is_visible()
    assert page.locator("#recovery-codes li").count() == 10
    page.get_by_role("link", name="Continue").click()
    assert page.url.endswith("/cases/")

    page.get_by_role("button", name="Log out").click()
    _password(page, live_server, "tuya", "/cases/")
    assert page.get_by_role("heading", name="Sign-in code").is_visible()
    page.get_by_label("Code").fill(_code(secret, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state()
    assert page.url.endswith("/cases/")
    assert page.get_by_text("tuya · Case worker").is_visible()


def test_an_idle_session_sends_the_person_to_sign_in_and_back(page, live_server, make_user, login):
    from django.contrib.sessions.backends.db import SessionStore

    make_user("tuya")
    login(page, "tuya")
    page.goto(f"{live_server.url}/cases/")
    cookie = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=cookie["value"])
    session[LAST_SEEN] = time.time() - 31 * 60  # half an hour away from the shared computer
    session.save()

    page.reload()

    assert "/login/" in page.url
    assert page.get_by_text("Your session ended after 30 minutes without activity").is_visible()
    page.get_by_label("User name").fill("tuya")
    page.get_by_label("Password").fill(password_for("tuya"))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    assert page.url.endswith("/cases/")


def test_before_an_idle_session_ends_a_warning_lets_the_person_stay(page, live_server, make_user, login, settings):
    settings.SESSION_IDLE_SECONDS = 8  # the warning comes half-way (2 minutes ahead with the real 30 minutes)
    make_user("tuya")
    login(page, "tuya")
    page.goto(f"{live_server.url}/accounts/me/")

    warning = page.get_by_role("alertdialog", name="Your session is about to end")
    expect(warning).to_be_visible(timeout=10_000)
    expect(warning.get_by_role("button", name="Stay signed in")).to_be_focused()
    warning.get_by_role("button", name="Stay signed in").click()
    expect(warning).to_be_hidden()

    page.wait_for_timeout(5_000)  # past the moment the session would have ended without "Stay signed in"
    page.reload()
    assert page.url.endswith("/accounts/me/")
    assert page.get_by_text("tuya · Case worker").is_visible()


def test_an_idle_session_leaves_the_page_by_itself(page, live_server, make_user, login, settings):
    settings.SESSION_IDLE_SECONDS = 6
    make_user("tuya")
    login(page, "tuya")
    page.goto(f"{live_server.url}/accounts/me/")
    expect(page.get_by_text("tuya · Case worker")).to_be_visible()

    expect(page).to_have_url(re.compile(r"/login/\?next=/accounts/me/"), timeout=15_000)
    expect(page.get_by_text("Your session ended after")).to_be_visible()
    expect(page.get_by_text("tuya · Case worker")).to_have_count(0)  # nothing of the session left on screen
