"""A password an administrator issues is temporary: the person chooses their own at the next sign-in before any
other page, after their code when they have an authenticator and before they can enrol one; it expires after
``CTIP_TEMPORARY_PASSWORD_DAYS``; password changes are audited; the Users page shows who still has one."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts import services
from ctip.accounts.models import User
from ctip.cases.models import AuditEvent
from tests.accounts.pages import as_user, field_error, text
from tests.accounts.signin import code_for, enrol, sign_in
from tests.conftest import password_for

pytestmark = pytest.mark.django_db

OWN = "quiet-river-copper-lantern"


@pytest.fixture
def issued(shelter):
    """A new case worker of the shelter and the password the operator read out to them."""
    user, password = services.user_create(username="tuya", organisation=shelter, role="case_worker")
    return user, password


def _choose(client, old: str, new: str = OWN, next_page: str = ""):
    data = {"old_password": old, "new_password1": new, "new_password2": new}
    if next_page:
        data["next"] = next_page
    return client.post("/password/", data)


def test_an_issued_password_opens_only_the_page_to_choose_ones_own(client, issued):
    user, password = issued

    response = sign_in(client, "tuya", password, next_page="/cases/")

    assert response["Location"] == "/cases/"
    for page in ("/cases/", "/accounts/me/", "/accounts/me/two-factor/", "/"):
        assert client.get(page)["Location"].startswith("/password/?next=")
    form = client.get("/password/?next=/cases/")
    assert "Choose your own password" in text(form)
    assert "You signed in with a temporary password that an administrator gave you" in text(form)
    assert "Temporary password" in text(form)  # the label of the current password
    assert 'href="/cases/"' not in form.content.decode()  # the navigation bar offers nothing yet


def test_choosing_ones_own_password_opens_the_site_and_retires_the_issued_one(client, issued):
    user, password = issued
    sign_in(client, "tuya", password)

    response = _choose(client, password, next_page="/cases/")

    assert response.status_code == 302 and response["Location"] == "/cases/"
    cases = client.get("/cases/")
    assert cases.status_code == 200 and "Your password is changed" in text(cases)
    user.refresh_from_db()
    assert not user.has_temporary_password
    client.post("/logout/")
    assert sign_in(client, "tuya", password).status_code == 200  # refused: the issued one no longer works
    assert sign_in(client, "tuya", OWN).status_code == 302


@pytest.mark.parametrize(("new", "message"), [
    (None, "Your new password must differ from the one you have now."),
    ("12345678901234", "This password is entirely numeric."),
    ("short-one", "This password is too short. It must contain at least 12 characters."),
])
def test_the_new_password_must_pass_the_validators_and_differ(client, issued, new, message):
    user, password = issued
    sign_in(client, "tuya", password)

    response = _choose(client, password, new or password)

    assert response.status_code == 200
    assert message in field_error(response, "new_password2")
    user.refresh_from_db()
    assert user.has_temporary_password


def test_password_changes_are_audited_never_the_value(client, issued, make_user):
    user, password = issued
    sign_in(client, "tuya", password)
    _choose(client, password)
    make_user("sara")
    sara = as_user(User.objects.get(username="sara"))
    assert sara.post("/password/", {"old_password": password_for("sara"), "new_password1": OWN + "-2",
                                    "new_password2": OWN + "-2"})["Location"] == "/password/done/"

    events = AuditEvent.objects.filter(action="user.password_change").order_by("seq")
    assert [(e.actor_username, e.changes) for e in events] == [
        ("tuya", {"username": "tuya", "forced": True}), ("sara", {"username": "sara", "forced": False})]
    assert not any(secret in str(e.changes) for e in AuditEvent.objects.all() for secret in (password, OWN))
    logins = AuditEvent.objects.filter(action="auth.login").order_by("seq")
    assert [e.changes.get("temporary_password", False) for e in logins] == [True, False]  # tuya, then sara


def test_an_expired_temporary_password_is_refused_with_what_to_do(client, issued):
    user, password = issued
    User.objects.filter(pk=user.pk).update(temporary_password_expires=timezone.now() - dt.timedelta(minutes=1))

    response = sign_in(client, "tuya", password)

    assert response.status_code == 200
    assert ("The temporary password you were given has expired. Ask your administrator for a new one."
            in text(response))
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.filter(action="auth.login_failed").get()
    assert event.changes["reason"] == "temporary password expired"
    assert not AccessAttempt.objects.exists()  # the password was right: not a failure towards a lockout


def test_a_session_opened_with_a_temporary_password_ends_when_it_expires(client, issued):
    user, password = issued
    sign_in(client, "tuya", password)
    User.objects.filter(pk=user.pk).update(temporary_password_expires=timezone.now() - dt.timedelta(seconds=1))

    response = client.get("/password/")

    assert response["Location"].startswith("/login/")
    assert "Ask your administrator for a new one" in text(client.get(response["Location"]))
    assert AuditEvent.objects.filter(action="auth.logout").get().changes["reason"] == "temporary password expired"


def test_a_temporary_password_lasts_the_days_set(settings, shelter):
    settings.CTIP_TEMPORARY_PASSWORD_DAYS = 5
    before = timezone.now()

    user, _password = services.user_create(username="tuya", organisation=shelter, role="case_worker")

    assert dt.timedelta(days=5) <= user.temporary_password_expires - before < dt.timedelta(days=5, minutes=1)


def test_reset_and_reactivation_issue_temporary_passwords_too(client, make_user):
    user = make_user("tuya")
    assert not user.has_temporary_password  # made by the tests' own fixture, like the demo: not issued

    reset = services.user_reset_password(username="tuya")
    sign_in(client, "tuya", reset)
    assert client.get("/cases/")["Location"].startswith("/password/")
    services.user_deactivate(username="tuya")
    user.refresh_from_db()
    assert not user.has_temporary_password
    again = services.user_reactivate(username="tuya")[1]
    user.refresh_from_db()
    assert user.has_temporary_password and user.check_password(again)


def test_demo_accounts_and_superusers_have_no_temporary_password(monkeypatch):
    from ctip.accounts.demo import create_demo_accounts

    logins = create_demo_accounts()
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", OWN)
    call_command("createsuperuser", "--noinput", "--username", "root", "--email", "root@example.org", stdout=io.StringIO())

    names = [login.username for login in logins] + ["root"]
    assert not User.objects.filter(username__in=names, temporary_password_expires__isnull=False).exists()


@pytest.fixture
def required(settings):
    settings.CTIP_TWO_FACTOR = "required"


def test_a_temporary_password_cannot_enrol_a_phone_before_it_is_replaced(client, issued, required):
    user, password = issued

    sign_in(client, "tuya", password)

    assert client.get("/accounts/me/two-factor/")["Location"].startswith("/password/?next=")
    assert not TOTPDevice.objects.filter(user=user).exists()  # no key was even drawn
    response = _choose(client, password, next_page="/cases/")
    assert client.get(response["Location"])["Location"].startswith("/accounts/me/two-factor/?next=")
    enrol(client, user)
    assert client.get("/cases/").status_code == 200


def test_an_enrolled_phone_comes_before_choosing_a_password_after_a_reset(client, make_user, required):
    user = make_user("tuya")
    sign_in(client, "tuya")
    enrol(client, user)
    client.post("/logout/")
    password = services.user_reset_password(username="tuya")  # forgotten password; the phone stays

    sign_in(client, "tuya", password, next_page="/cases/")

    for page in ("/password/", "/accounts/me/two-factor/", "/cases/"):
        assert client.get(page)["Location"].startswith("/accounts/verify/?next=")
    assert _choose(client, password)["Location"].startswith("/accounts/verify/")  # the password cannot be changed yet
    device = TOTPDevice.objects.get(user=user)
    assert client.post("/accounts/verify/", {"code": code_for(device, 1), "next": "/cases/"})["Location"] == "/cases/"
    assert client.get("/cases/")["Location"].startswith("/password/?next=")
    assert _choose(client, password, next_page="/cases/")["Location"] == "/cases/"
    assert client.get("/cases/").status_code == 200


def test_the_users_page_shows_who_still_has_a_temporary_password(orgadmin, shelter):
    services.user_create(username="tuya", organisation=shelter, role="case_worker", actor=orgadmin)
    services.user_create(username="sara", organisation=shelter, role="case_worker", actor=orgadmin)
    User.objects.filter(username="sara").update(temporary_password_expires=timezone.now() - dt.timedelta(days=1))
    expires = User.objects.get(username="tuya").temporary_password_expires

    page = text(as_user(orgadmin).get("/accounts/users/"))

    tuya_row = re.search(r"tuya .*? sara ", page + " sara ").group(0)
    assert f"Temporary password until {expires:%Y-%m-%d %H:%M} UTC" in tuya_row
    assert "Temporary password expired" in page
    assert page.count("Temporary password") == 2  # not the administrator's own account


def test_the_command_line_says_the_password_is_temporary_and_lists_it(shelter):
    out = io.StringIO()
    call_command("users", "add", "tuya", "--organisation", "shelter", "--role", "case_worker", stdout=out)
    listing = io.StringIO()
    call_command("users", "list", stdout=listing)

    expires = User.objects.get(username="tuya").temporary_password_expires
    assert f"temporary password (shown once; to choose their own, until {expires:%Y-%m-%dT%H:%M}Z): " in out.getvalue()
    assert f"temporary-password-until-{expires:%Y-%m-%dT%H:%M}Z" in listing.getvalue()
