"""django-axes' own commands (``ctip manage axes_reset`` and its siblings) lift sign-in blocks or delete logs
only with an event in the audit log: ctip's commands of the same names are the ones Django runs."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command, get_commands

from ctip.cases.audit import verify_chain
from ctip.cases.models import AuditEvent
from tests.accounts.signin import sign_in

pytestmark = pytest.mark.django_db

COMMANDS = ["axes_reset", "axes_reset_ip", "axes_reset_username", "axes_reset_ip_username", "axes_reset_logs",
            "axes_reset_failure_logs"]


@pytest.fixture
def blocked(client, make_user):
    """tuya, blocked from 10.0.0.5 after five wrong passwords; sara, one wrong password from 10.0.0.7."""
    make_user("tuya")
    make_user("sara")
    for _ in range(5):
        sign_in(client, "tuya", "wrong", address="10.0.0.5")
    sign_in(client, "sara", "wrong", address="10.0.0.7")
    assert sign_in(client, "tuya", address="10.0.0.5").status_code == 429


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.mark.parametrize("name", COMMANDS)
def test_djangos_command_lookup_finds_ctips_audited_commands(name):
    assert get_commands()[name] == "ctip.accounts"


@pytest.mark.parametrize(("args", "left", "changes"), [
    (["axes_reset"], set(), {"usernames": [], "ip_addresses": [], "cleared": 2}),
    (["axes_reset_username", "tuya"], {"sara"}, {"usernames": ["tuya"], "ip_addresses": [], "cleared": 1}),
    (["axes_reset_ip", "10.0.0.5"], {"sara"}, {"usernames": [], "ip_addresses": ["10.0.0.5"], "cleared": 1}),
    (["axes_reset_ip_username", "10.0.0.7", "sara"], {"tuya"},
     {"usernames": ["sara"], "ip_addresses": ["10.0.0.7"], "cleared": 1}),
])
def test_lifting_blocks_is_audited(blocked, client, args, left, changes):
    out = _run(*args)

    assert f"{changes['cleared']} attempts removed; recorded in the audit log." in out
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == left
    event = AuditEvent.objects.filter(action="auth.unlock").get()
    assert (event.actor_username, event.changes) == ("", {"command": args[0], **changes})
    assert verify_chain().ok
    if "tuya" not in left:
        assert sign_in(client, "tuya", address="10.0.0.5").status_code == 302  # the right password works again


@pytest.mark.parametrize("name", ["axes_reset_logs", "axes_reset_failure_logs"])
def test_deleting_axes_logs_is_audited(name):
    out = _run(name, "--age", "10")

    assert "No logs found; recorded in the audit log." in out
    event = AuditEvent.objects.filter(action="auth.lockout_logs_delete").get()
    assert event.changes == {"command": name, "age_days": 10, "removed": 0}


def test_the_ctip_command_line_runs_the_audited_command(tmp_path):
    """``ctip manage axes_reset_username`` in a process of its own, on a case store of its own (SQLite)."""
    env = {**os.environ, "CTIP_HOME": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    ctip = [sys.executable, "-m", "ctip"]
    subprocess.run([*ctip, "migrate"], env=env, check=True, capture_output=True)
    with sqlite3.connect(tmp_path / "ctip.sqlite3") as db:
        db.execute("INSERT INTO axes_accessattempt (user_agent, ip_address, username, http_accept, path_info, "
                   "attempt_time, get_data, post_data, failures_since_start) "
                   "VALUES ('test', '10.0.0.5', 'tuya', '*/*', '/login/', datetime('now'), '', '', 5)")

    done = subprocess.run([*ctip, "manage", "axes_reset_username", "tuya"], env=env, capture_output=True, text=True)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1 attempts removed; recorded in the audit log."
    with sqlite3.connect(tmp_path / "ctip.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM axes_accessattempt").fetchone() == (0,)
        events = db.execute("SELECT action, changes FROM cases_auditevent").fetchall()
    assert [(action, json.loads(changes)) for action, changes in events] == [("auth.unlock", {
        "command": "axes_reset_username", "usernames": ["tuya"], "ip_addresses": [], "cleared": 1})]


def test_a_wrong_password_is_still_audited_after_axes_decided(blocked):
    """ctip's app comes before axes now; axes' receivers must still run first (the audit reads their verdict)."""
    failed = AuditEvent.objects.filter(action="auth.login_failed").order_by("seq")
    reasons = [event.changes["reason"] for event in failed]
    assert reasons == ["password"] * 6 + ["locked out"]
    assert AuditEvent.objects.filter(action="auth.lockout").count() == 1
