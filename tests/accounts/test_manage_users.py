"""Operators create organisations and accounts from the command line (``ctip manage organisations|users``):
passwords are shown once and work at the login page, mistakes name the field and the valid values."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command

from ctip.accounts.models import Organisation, User
from ctip.accounts.permissions import user_can

pytestmark = pytest.mark.django_db


def manage(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def shelter():
    manage("organisations", "add", "shelter-ub", "Safe Shelter Ulaanbaatar", "--type", "NGO")
    return Organisation.objects.get(code="shelter-ub")


def test_a_new_case_worker_logs_in_with_the_password_shown_once(client, shelter):
    out = manage("users", "add", "tuya", "--organisation", "shelter-ub", "--role", "case_worker")

    password = re.search(r"temporary password \(shown once; [^)]*\): (\S+)", out).group(1)
    assert client.login(username="tuya", password=password)
    user = User.objects.get(username="tuya")
    assert (user.organisation, user.role, user.scope) == (shelter, "case_worker", "organisation")
    assert user_can(user, "cases.edit") and not user_can(user, "cases.approve")
    assert password not in user.password  # stored hashed


def test_reset_password_replaces_the_old_one(client, shelter):
    old = re.search(r": (\S+)$", manage("users", "add", "tuya", "--organisation", "shelter-ub",
                                         "--role", "supervisor").strip()).group(1)

    new = re.search(r": (\S+)$", manage("users", "reset-password", "tuya").strip()).group(1)

    assert new != old
    assert client.login(username="tuya", password=new)
    assert not client.login(username="tuya", password=old)


def test_a_deactivated_user_can_no_longer_log_in_nor_use_the_cases(client, shelter):
    out = manage("users", "add", "tuya", "--organisation", "shelter-ub", "--role", "case_worker")
    password = re.search(r": (\S+)$", out.strip()).group(1)

    assert manage("users", "deactivate", "tuya").strip() == "deactivated tuya"

    assert not client.login(username="tuya", password=password)
    assert not user_can(User.objects.get(username="tuya"), "cases.view")
    assert "tuya\tshelter-ub\tcase_worker\torganisation\tdeactivated" in manage("users", "list")


def test_a_service_account_gets_no_password_but_a_token(shelter):
    out = manage("users", "add", "kobo-sync", "--organisation", "shelter-ub", "--role", "case_worker",
                 "--service-account")

    assert "ctip manage api_token kobo-sync" in out
    user = User.objects.get(username="kobo-sync")
    assert user.is_service_account and not user.has_usable_password()
    assert manage("api_token", "kobo-sync").startswith("ctip_")


@pytest.mark.parametrize(("args", "message"), [
    (("users", "add", "tuya", "--organisation", "nowhere", "--role", "case_worker"),
     "--organisation: no organisation with the code 'nowhere'; known codes: shelter-ub"),
    (("users", "add", "tuya", "--organisation", "shelter-ub", "--role", "case_worker", "--scope", "group"),
     "group: a user with the scope 'group' needs a group name"),
    (("users", "add", "tuya tuya", "--organisation", "shelter-ub", "--role", "case_worker"),
     "username: Enter a valid username."),
    (("users", "reset-password", "nobody"), "username: no user named 'nobody'"),
    (("organisations", "add", "police", "Police", "--type", "Police"),
     "type: unknown organisation type 'Police'; expected one of: NGO, LawEnforcement,"),
    (("organisations", "add", "police", "Police", "--type", "LawEnforcement", "--country", "Mongolia"),
     "country: unknown country code 'Mongolia'; expected an ISO 3166-1 alpha-3 code such as MNG"),
    (("organisations", "add", "shelter-ub", "Another", "--type", "NGO"),
     "code: an organisation with the code 'shelter-ub' already exists"),
])
def test_mistakes_name_the_field_and_what_was_expected(shelter, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        manage(*args)
    assert not User.objects.exists() and Organisation.objects.count() == 1


def test_the_same_username_twice_is_refused(shelter):
    manage("users", "add", "tuya", "--organisation", "shelter-ub", "--role", "case_worker")

    with pytest.raises(CommandError, match="username: a user named 'tuya' already exists"):
        manage("users", "add", "tuya", "--organisation", "shelter-ub", "--role", "supervisor")


def test_a_reactivated_user_logs_in_with_a_new_password_and_every_change_is_audited(client, shelter):
    from ctip.cases.models import AuditEvent

    manage("users", "add", "tuya", "--organisation", "shelter-ub", "--role", "case_worker")
    manage("users", "deactivate", "tuya")

    out = manage("users", "reactivate", "tuya")

    password = re.search(r"new temporary password \(shown once; [^)]*\): (\S+)", out).group(1)
    assert client.login(username="tuya", password=password)
    assert "tuya\tshelter-ub\tcase_worker\torganisation\tactive" in manage("users", "list")
    events = AuditEvent.objects.filter(entity="accounts.user")
    assert [(e.action, e.actor_username) for e in events] == [
        ("user.create", ""), ("user.deactivate", ""), ("user.reactivate", ""), ("auth.login", "tuya")]
    assert password not in str([e.changes for e in events])


def test_reactivating_an_active_user_is_refused(shelter):
    manage("users", "add", "tuya", "--organisation", "shelter-ub", "--role", "case_worker")

    with pytest.raises(CommandError, match="username: 'tuya' is already active"):
        manage("users", "reactivate", "tuya")
