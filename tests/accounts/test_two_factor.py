"""The second factor as a person meets it: enrolment with an authenticator app (QR code and key, a real code),
recovery codes shown once, a code after the password, and an administrator's reset. Codes are computed with
the device's own key, as the phone does."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import User
from ctip.cases.api import token_issue
from ctip.cases.models import AuditEvent
from tests.accounts.pages import as_user, text
from tests.accounts.signin import code_for, enrol, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def required(settings):
    settings.CTIP_TWO_FACTOR = "required"


@pytest.fixture
def enrolled(client, make_user):
    """A person who has set up their app (under the optional policy) and signed out again; their recovery
    codes."""
    user = make_user("tuya")
    sign_in(client, "tuya")
    codes = enrol(client, user)
    client.post("/logout/")
    return user, codes


def test_a_new_account_must_enrol_before_any_other_page(client, make_user, required):
    make_user("tuya")

    response = sign_in(client, "tuya", next_page="/cases/")
    for page in (response["Location"], "/cases/", "/accounts/me/", "/password/"):
        response = client.get(page)
        if response.status_code == 302:
            assert response["Location"].startswith("/accounts/me/two-factor/?next=")

    page = client.get("/accounts/me/two-factor/?next=/cases/")
    assert page.status_code == 200
    assert 'src="data:image/svg+xml' in page.content.decode()
    device = TOTPDevice.objects.get(user__username="tuya", confirmed=False)
    assert text(page).count(" ".join(_groups(device))) == 1  # the key, typed out in groups of four


def _groups(device: TOTPDevice) -> list[str]:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode().rstrip("=")
    return [key[i:i + 4] for i in range(0, len(key), 4)]


def test_enrolment_shows_ten_recovery_codes_once_and_opens_the_site(client, make_user, required):
    user = make_user("tuya")
    sign_in(client, "tuya")
    client.get("/accounts/me/two-factor/?next=/cases/")
    device = TOTPDevice.objects.get(user=user)

    wrong = client.post("/accounts/me/two-factor/", {"code": "000000", "next": "/cases/"})
    assert "This code does not match" in text(wrong)
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes a wrong code wait a second before the next try
    response = client.post("/accounts/me/two-factor/", {"code": code_for(device), "next": "/cases/"})

    assert "no-store" in response["Cache-Control"]
    assert "These codes are shown only once" in text(response)
    assert len(enrolled_codes := _codes(response)) == 10 and len(set(enrolled_codes)) == 10
    assert client.get("/cases/").status_code == 200
    assert "Recovery codes" not in text(client.get("/accounts/me/"))


def _codes(response) -> list[str]:
    import re

    return re.findall(r"<li><code>([0-9a-f]{6}-[0-9a-f]{6})</code></li>", response.content.decode())


def test_an_enrolled_person_gives_a_code_after_the_password(client, enrolled):
    user, _codes_ = enrolled

    response = sign_in(client, "tuya", next_page="/accounts/me/")
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"].startswith("/accounts/verify/")
    page = client.get(response["Location"])
    assert "type the 6-digit code" in text(page)
    assert client.get("/cases/").status_code == 302  # nothing else opens yet

    wrong = client.post("/accounts/verify/", {"code": "123456", "next": "/accounts/me/"})
    assert "This code does not match" in text(wrong)
    device = TOTPDevice.objects.get(user=user)
    device.throttle_reset()  # django-otp makes a wrong code wait a second before the next try
    half_signed_in = client.session.session_key
    done = client.post("/accounts/verify/", {"code": code_for(device, steps_ahead=1), "next": "/accounts/me/"})

    assert done["Location"] == "/accounts/me/"
    assert client.session.session_key != half_signed_in  # a new session id once fully signed in
    assert "After your password, ctip asks for a code" in text(client.get("/accounts/me/"))


def test_between_password_and_code_the_navigation_bar_offers_only_the_public_pages(client, enrolled):
    user, _codes_ = enrolled
    user.role = "supervisor"
    user.save()

    sign_in(client, "tuya")
    page = client.get("/accounts/verify/?next=/cases/")
    nav = text(page).split("type the 6-digit code")[0]
    assert "Public statistics" in nav
    for hidden in ("Cases", "Referrals", "Approvals", "Dashboard"):
        assert hidden not in nav

    device = TOTPDevice.objects.get(user=user)
    client.post("/accounts/verify/", {"code": code_for(device, steps_ahead=1), "next": "/cases/"})
    nav = text(client.get("/accounts/me/"))
    assert "Cases" in nav and "Approvals" in nav


def test_a_recovery_code_works_once(client, enrolled):
    _user, codes = enrolled
    sign_in(client, "tuya")
    assert client.post("/accounts/verify/", {"code": codes[0]})["Location"] == "/"
    assert "Unused recovery codes left: 9" in text(client.get("/accounts/me/"))
    client.post("/logout/")

    sign_in(client, "tuya")
    again = client.post("/accounts/verify/", {"code": codes[0]})

    assert "This code does not match" in text(again)


def test_a_recovery_code_does_not_make_the_next_app_code_wait(client, enrolled):
    user, codes = enrolled
    sign_in(client, "tuya")
    client.post("/accounts/verify/", {"code": codes[0]})
    client.post("/logout/")

    sign_in(client, "tuya")  # at once: a wrong app code here would make the next one wait a second
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/accounts/verify/", {"code": code_for(device, steps_ahead=1), "next": "/cases/"})

    assert response.status_code == 302 and response["Location"] == "/cases/"
    assert TOTPDevice.objects.get(user=user).throttling_failure_count == 0


def test_the_password_alone_cannot_put_in_another_phone(client, enrolled):
    sign_in(client, "tuya")

    response = client.get("/accounts/me/two-factor/")

    assert response.status_code == 302 and response["Location"].startswith("/accounts/verify/")
    assert TOTPDevice.objects.filter(user__username="tuya").count() == 1


def test_five_wrong_codes_block_the_sign_in(client, enrolled):
    user, _codes_ = enrolled
    sign_in(client, "tuya")
    for _ in range(4):
        TOTPDevice.objects.filter(user=user).update(throttling_failure_count=0)
        assert client.post("/accounts/verify/", {"code": "000000"}).status_code == 200

    TOTPDevice.objects.filter(user=user).update(throttling_failure_count=0)
    blocked = client.post("/accounts/verify/", {"code": "000000"})

    assert blocked.status_code == 429 and "Too many failed sign-ins" in text(blocked)
    assert "_auth_user_id" not in client.session
    assert sign_in(Client(), "tuya").status_code == 429
    assert AuditEvent.objects.filter(action="auth.logout").last().changes["reason"] == "locked out"


def test_optional_policy_lets_a_password_in_and_offers_enrolment(client, make_user):
    user = make_user("tuya")
    assert sign_in(client, "tuya")["Location"] == "/"
    assert client.get("/cases/").status_code == 200
    page = text(client.get("/accounts/me/"))
    assert "protected by your password alone" in page and "Set up an authenticator app" in page

    enrol(client, user)

    assert "After your password, ctip asks for a code" in text(client.get("/accounts/me/"))


def test_new_recovery_codes_replace_the_old_ones(client, enrolled):
    user, codes = enrolled
    sign_in(client, "tuya")
    client.post("/accounts/verify/", {"code": code_for(TOTPDevice.objects.get(user=user), steps_ahead=1)})

    response = client.post("/accounts/me/recovery-codes/")
    new = _codes(response)

    assert len(new) == 10 and not set(new) & set(codes)
    assert "no-store" in response["Cache-Control"]
    client.post("/logout/")
    sign_in(client, "tuya")
    assert "This code does not match" in text(client.post("/accounts/verify/", {"code": codes[1]}))
    StaticDevice.objects.get(user=user).throttle_reset()
    assert client.post("/accounts/verify/", {"code": new[0]})["Location"] == "/"


def test_an_administrator_resets_a_lost_phone(client, enrolled, make_user, settings):
    user, _codes_ = enrolled
    admin = make_user("orgadmin", role="org_admin", organisation=user.organisation)
    page = as_user(admin)

    assert "Reset second factor" in text(page.get("/accounts/users/"))
    response = page.post(f"/accounts/users/{user.pk}/reset-two-factor/", follow=True)

    assert "second factor is removed" in text(response)
    assert not TOTPDevice.objects.filter(user=user).exists()
    settings.CTIP_TWO_FACTOR = "required"
    sign_in(client, "tuya")
    assert client.get("/").status_code == 302  # sent to enrolment again
    assert client.get("/")["Location"].startswith("/accounts/me/two-factor/")
    event = AuditEvent.objects.get(action="user.reset_two_factor")
    assert (event.actor_username, event.changes["username"]) == ("orgadmin", "tuya")


def test_the_operator_resets_the_second_factor_on_the_command_line(enrolled, capsys):
    call_command("users", "reset-2fa", "tuya")

    assert "removed the second factor of tuya" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user__username="tuya").exists()


def test_nobody_resets_their_own_second_factor_from_the_users_page(client, make_user, required):
    admin = make_user("orgadmin", role="org_admin")
    sign_in(client, "orgadmin")
    enrol(client, admin)

    response = client.post(f"/accounts/users/{admin.pk}/reset-two-factor/", follow=True)

    assert "this is your own account" in text(response)
    assert TOTPDevice.objects.filter(user=admin).exists()


def test_service_accounts_call_the_api_without_a_second_factor(make_user, organisation, required):
    service = User.objects.create(username="sync", role="case_worker", scope="organisation",
                                  organisation=organisation, is_service_account=True, password="!")

    response = Client().get("/cases/api/cases/", HTTP_AUTHORIZATION=f"Bearer {token_issue(service)}")

    assert response.status_code == 200


def test_the_second_factor_has_a_mongolian_page(client, make_user, required):
    make_user("tuya")
    client.cookies["django_language"] = "mn"
    sign_in(client, "tuya")

    page = text(client.get("/accounts/me/two-factor/"))

    assert "Баталгаажуулах апп тохируулах" in page


def test_a_right_code_typed_too_soon_after_a_wrong_one_is_not_held_against_the_person(client, enrolled):
    user, _codes_ = enrolled
    sign_in(client, "tuya")
    client.post("/accounts/verify/", {"code": "000000"})

    too_soon = client.post("/accounts/verify/", {"code": code_for(TOTPDevice.objects.get(user=user), 1)})

    assert "After a wrong code, wait 1 s before the next try" in text(too_soon)
    failures = AuditEvent.objects.filter(action="auth.login_failed")
    assert [e.changes["reason"] for e in failures] == ["code"]  # the early try was not counted
