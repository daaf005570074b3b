"""``ctip manage changepassword USER`` sets a password the operator knows: it is temporary like a reset on the
Users page (it expires, and the person chooses their own at the next sign-in) and the change is audited."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command, get_commands
from django.utils import timezone

from ctip.accounts.management.commands.changepassword import Command
from ctip.accounts.models import User
from ctip.cases.audit import verify_chain
from ctip.cases.models import AuditEvent
from tests.accounts.signin import sign_in

pytestmark = pytest.mark.django_db

TYPED = "amber-steppe-falcon-4291"
ORDER_NOTE = ("Django runs the first installed app's command: ctip.accounts must come before django.contrib.auth "
              "in INSTALLED_APPS for ctip manage changepassword to be ctip's")


@pytest.fixture
def typed(monkeypatch):
    """The operator types ``TYPED`` at both prompts."""
    monkeypatch.setattr(Command, "_get_pass", lambda self, prompt="Password: ": TYPED)


def _change(username: str) -> str:
    out = io.StringIO()
    call_command(Command(), username, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_password_typed_is_temporary_and_must_be_replaced_at_sign_in(client, make_user, typed):
    make_user("tuya")

    out = _change("tuya")

    assert "Temporary password set for user 'tuya'" in out and "3 days" in out
    user = User.objects.get(username="tuya")
    assert user.check_password(TYPED) and user.has_temporary_password
    assert dt_days(user.temporary_password_expires) == 3
    sign_in(client, "tuya", TYPED)
    assert client.get("/cases/")["Location"].startswith("/password/")


def dt_days(moment) -> int:
    return round((moment - timezone.now()).total_seconds() / 86400)


def test_the_change_is_audited_without_the_password(make_user, typed):
    make_user("tuya")

    _change("tuya")

    event = AuditEvent.objects.get(action="user.reset_password")
    assert event.actor_username == "" and event.changes["username"] == "tuya"
    assert event.changes["command"] == "changepassword" and "temporary_password_expires" in event.changes
    assert TYPED not in json.dumps(event.changes)
    assert verify_chain().ok


def test_a_service_account_or_a_deactivated_account_is_refused(make_user, typed):
    make_user("sync"), make_user("gone")
    User.objects.filter(username="sync").update(is_service_account=True)
    User.objects.filter(username="gone").update(is_active=False)

    with pytest.raises(CommandError, match="service account"):
        _change("sync")
    with pytest.raises(CommandError, match="reactivate"):
        _change("gone")
    assert not AuditEvent.objects.filter(action="user.reset_password").exists()


def test_a_password_the_validators_refuse_three_times_changes_nothing(make_user, monkeypatch):
    user = make_user("tuya")
    monkeypatch.setattr(Command, "_get_pass", lambda self, prompt="": "tuya")

    with pytest.raises(CommandError, match="after 3 attempts"):
        _change("tuya")
    user.refresh_from_db()
    assert not user.has_temporary_password and not AuditEvent.objects.exists()


@pytest.mark.skipif(get_commands().get("changepassword") != "ctip.accounts", reason=ORDER_NOTE)
def test_the_ctip_command_line_sets_a_temporary_audited_password(tmp_path):
    """``ctip manage changepassword`` in a process of its own, on a case store of its own (SQLite), the password
    typed on its standard input (there is no terminal)."""
    env = {**os.environ, "CTIP_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    ctip = [sys.executable, "-m", "ctip"]
    subprocess.run([*ctip, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([*ctip, "manage", "organisations", "add", "shelter", "Safe Shelter", "--type", "NGO"], env=env,
                   check=True, capture_output=True)
    subprocess.run([*ctip, "manage", "users", "add", "tuya", "--organisation", "shelter", "--role", "case_worker"],
                   env=env, check=True, capture_output=True)

    done = subprocess.run([*ctip, "manage", "changepassword", "tuya"], env=env, input=f"{TYPED}\n{TYPED}\n",
                          capture_output=True, text=True)

    assert done.returncode == 0, done.stderr
    assert "Temporary password set for user 'tuya'" in done.stdout
    with sqlite3.connect(tmp_path / "ctip.sqlite3") as db:
        [(expires,)] = db.execute("SELECT temporary_password_expires FROM accounts_user WHERE username = 'tuya'")
        changes = [json.loads(c) for (c,) in db.execute(
            "SELECT changes FROM cases_auditevent WHERE action = 'user.reset_password'")]
    assert expires is not None and [c.get("command") for c in changes] == ["changepassword"]
