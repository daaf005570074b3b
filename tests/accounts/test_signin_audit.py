"""Sign-ins, sign-outs, failures, lockouts, enrolment and resets reach the hash-chained audit log with the
user name and the client address, never a password or a code."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.cases.audit import verify_chain
from ctip.cases.models import AuditEvent
from tests.accounts.signin import code_for, enrol, sign_in
from tests.conftest import password_for

pytestmark = pytest.mark.django_db


def _events() -> list[tuple[str, str, dict]]:
    return [(e.action, e.actor_username, e.changes) for e in AuditEvent.objects.order_by("seq")]


def test_a_whole_sign_in_story_is_in_the_log(client, make_user, settings):
    settings.CTIP_TWO_FACTOR = "required"
    user = make_user("tuya")
    sign_in(client, "tuya", "wrong password", address="192.0.2.4")
    sign_in(client, "tuya", address="192.0.2.4")
    codes = enrol(client, user)
    client.post("/logout/")
    sign_in(client, "tuya", address="192.0.2.4")
    client.post("/accounts/verify/", {"code": code_for(TOTPDevice.objects.get(user=user), steps_ahead=1)},
                REMOTE_ADDR="192.0.2.4")
    call_command("users", "reset-2fa", "tuya")

    actions = [(action, actor) for action, actor, _changes in _events()]
    assert actions == [
        ("auth.login_failed", ""), ("auth.login", "tuya"), ("auth.enrol_two_factor", "tuya"),
        ("auth.logout", "tuya"), ("auth.login", "tuya"), ("auth.verify", "tuya"), ("user.reset_two_factor", ""),
    ]
    changes = [c for _a, _actor, c in _events()]
    assert changes[0] == {"username": "tuya", "address": "192.0.2.4", "reason": "password", "known_account": True}
    assert (changes[1]["second_factor"], changes[4]["second_factor"]) == ("enrol", "verify")
    assert changes[5]["method"] == "authenticator"
    assert all(c["username"] == "tuya" for c in changes)
    logged = json.dumps(changes)
    assert password_for("tuya") not in logged and "wrong password" not in logged
    assert not any(code in logged for code in codes)
    assert verify_chain().ok


def test_a_lockout_is_logged_once_and_refused_attempts_say_so(client, make_user):
    make_user("tuya")
    for _ in range(6):
        sign_in(client, "tuya", "wrong")

    actions = [(action, changes.get("reason")) for action, _actor, changes in _events()]

    assert actions == [("auth.login_failed", "password")] * 5 + [("auth.lockout", None),
                                                                 ("auth.login_failed", "locked out")]


def test_what_is_typed_as_an_unknown_user_name_is_not_kept(client, db):
    sign_in(client, "MySecret-Pass-2024", "whatever")

    (action, actor, changes), = _events()

    assert (action, actor) == ("auth.login_failed", "")
    assert changes == {"username": "", "address": "127.0.0.1", "reason": "password", "known_account": False}


def test_a_wrong_code_is_a_failed_sign_in(client, make_user):
    user = make_user("tuya")
    sign_in(client, "tuya")
    enrol(client, user)
    client.post("/logout/")
    sign_in(client, "tuya")

    client.post("/accounts/verify/", {"code": "000000"})

    action, _actor, changes = _events()[-1]
    assert (action, changes["reason"]) == ("auth.login_failed", "code")
    assert "000000" not in json.dumps(changes)
