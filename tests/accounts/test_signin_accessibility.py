"""The sign-in pages the site-wide audit (``tests/web/test_accessibility.py``) does not reach pass axe-core's
WCAG 2.1 A and AA rules, in English and in Mongolian: the code page refusing a wrong recovery code, telling the
person to wait after wrong codes (django-otp's growing delay), the page after signing in with a recovery code,
choosing one's own password after a temporary one (empty, then refused) and the notice before the 8-hour end.

As in the site-wide audit, axe-core runs in a browser context of its own that bypasses the CSP (``tests/web/axe.py``).
"""

from __future__ import annotations

import re
import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from ctip.accounts import services, twofactor
from ctip.accounts.middleware import SIGNED_IN_AT
from tests.accounts.signin import code_for
from tests.conftest import password_for
from tests.web.axe import AxeAudit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = {"en": "English", "mn": "Монгол"}
OWN = "quiet-river-copper-lantern"


def _submit(page, form: str) -> None:
    with page.expect_navigation():
        page.locator(f"main form[action$='{form}'] button[type=submit]").click()


def _submit_empty(page, form: str) -> None:
    """Send the form past the browser's own checks of required fields: the server's answer is the page."""
    with page.expect_navigation():
        page.locator(f"main form[action$='{form}']").evaluate("f => { f.noValidate = true; f.requestSubmit(); }")


def _password_step(page, live_server, code: str, username: str, password: str) -> None:
    """Open the sign-in page afresh, choose the language with its buttons, and give the password."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    with page.expect_navigation():
        page.locator("header .lang button", has_text=LANGUAGES[code]).click()
    assert page.locator("html").get_attribute("lang") == code
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    _submit(page, "/login/")
    assert "/verify/" in page.url, page.url


def _unthrottle(user) -> None:
    for model in (TOTPDevice, StaticDevice):
        model.objects.filter(user=user).update(throttling_failure_count=0, throttling_failure_timestamp=None)


def _throttle(user, failures: int) -> None:
    """As after ``failures`` wrong codes just now: django-otp refuses the app's codes for 2^(failures-1) s."""
    TOTPDevice.objects.filter(user=user).update(throttling_failure_count=failures,
                                                throttling_failure_timestamp=timezone.now())


def test_the_remaining_sign_in_pages_pass_wcag_aa(axe_page, live_server, make_user, settings):
    settings.CTIP_TWO_FACTOR = "required"
    page, audit = axe_page, AxeAudit()
    user = make_user("tuya")
    device = twofactor.pending_device(user)
    codes = twofactor.enrolment_confirm(user, device, code_for(device))
    for index, code in enumerate(LANGUAGES):
        _unthrottle(user)
        _password_step(page, live_server, code, "tuya", password_for("tuya"))
        page.locator("#id_code").fill("abcdef-123456")
        _submit(page, "/verify/")
        expect(page.locator("#id_code_error")).to_be_visible()
        audit.check(page, "sign-in code: a wrong recovery code")
        _throttle(user, 10)
        page.locator("#id_code").fill("123456")
        _submit(page, "/verify/")
        expect(page.locator("#id_code_error")).to_contain_text(re.compile(r"\b51\d\b"))  # seconds to wait
        audit.check(page, "sign-in code: wait after wrong codes")
        _unthrottle(user)
        page.locator("#id_code").fill(codes[index])
        _submit(page, "/verify/")
        assert "/verify/" not in page.url
        audit.visit(page, f"{live_server.url}/accounts/me/", "your account, after a recovery code")

        temporary = services.user_reset_password(username="tuya")
        _password_step(page, live_server, code, "tuya", temporary)
        TOTPDevice.objects.filter(user=user).update(last_t=-1)  # as half a minute later: the code of now is new
        page.locator("#id_code").fill(code_for(device))
        _submit(page, "/verify/")
        assert "/password/" in page.url, (page.url, page.locator("main").inner_text())
        audit.check(page, "choose your own password")
        _submit_empty(page, "/password/")
        expect(page.locator("main [aria-invalid=true]").first).to_be_attached()
        audit.check(page, "choose your own password: refused")
        page.locator("#id_old_password").fill(temporary)
        page.locator("#id_new_password1").fill(f"{OWN}-{index}")
        page.locator("#id_new_password2").fill(f"{OWN}-{index}")
        _submit(page, "/password/")
        assert "/password/" not in page.url, page.locator("main").inner_text()

        cookie = next(c for c in page.context.cookies() if c["name"] == "sessionid")
        session = SessionStore(session_key=cookie["value"])
        session[SIGNED_IN_AT] = time.time() - (8 * 3600 - 5 * 60)
        session.save()
        page.goto(f"{live_server.url}/accounts/me/")
        expect(page.locator("#session-end")).to_be_visible()
        audit.check(page, "the notice before the 8-hour end")
        user.set_password(password_for("tuya"))
        user.save()

    assert {label.rsplit(" [", 1)[1] for label in audit.pages} == {"en]", "mn]"}, audit.pages
    if audit.violations:
        pytest.fail(audit.report(), pytrace=False)
