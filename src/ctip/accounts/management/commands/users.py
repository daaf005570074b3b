"""``ctip manage users list|add|change|deactivate|reactivate|reset-password|unlock|reset-2fa``: organisations'
user accounts.

The command line acts as the operator (no acting user): it may grant every role and scope; every change is
audited (``ctip audit verify``) like the same change made on the users page (``/accounts/users/``).
"""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, no_translations

from ctip.accounts import lockout, services, twofactor
from ctip.accounts.models import Organisation, Role, Scope, User


class Command(BaseCommand):
    help = ("List, add, change, deactivate or reactivate users, reset their passwords, lift a sign-in block and "
            "reset a lost second factor. A new password is printed once (it is stored only as an Argon2 hash): "
            "hand it over to the person in private.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        listing = sub.add_parser("list", help="users with their organisation, role, scope and state (active or "
                                 "deactivated; service-account, two-factor, blocked after failed sign-ins)")
        listing.add_argument("--organisation", help="only the users of this organisation (its short code)")
        add = sub.add_parser("add", help="create a user and print their password once")
        add.add_argument("username")
        add.add_argument("--organisation", required=True, help="short code of the user's organisation")
        add.add_argument("--role", required=True, choices=Role.values)
        add.add_argument("--scope", default=Scope.ORGANISATION, choices=Scope.values,
                         help="which cases the role applies to (default: organisation)")
        add.add_argument("--group", default="", help="the user's group (needed with --scope group)")
        add.add_argument("--service-account", action="store_true",
                         help="an account for another system: no password; get a token with 'ctip manage api_token'")
        change = sub.add_parser("change", help="change a user's role, scope or group (the others stay)")
        change.add_argument("username")
        change.add_argument("--role", choices=Role.values)
        change.add_argument("--scope", choices=Scope.values)
        change.add_argument("--group", help="the user's group (needed with --scope group); '' clears it")
        for name, text in (("deactivate", "stop a user from logging in (their records and audit trail stay)"),
                           ("reactivate", "let a deactivated user log in again with a new password, printed once"),
                           ("reset-password", "give a user a new password and print it once"),
                           ("unlock", "lift the block after 5 failed sign-ins (from every address) before its "
                                      "15 minutes are over"),
                           ("reset-2fa", "remove a user's authenticator app and recovery codes (a lost phone); "
                                         "they set up a new one at their next sign-in")):
            sub.add_parser(name, help=text).add_argument("username")

    @no_translations  # messages in English, as the rest of the command line
    def handle(self, *args, action: str, **options):
        try:
            getattr(self, "_" + action.replace("-", "_"))(**options)
        except services.AccountError as exc:
            raise CommandError(str(exc)) from None

    def _list(self, *, organisation=None, **_options):
        users = User.objects.select_related("organisation").order_by("organisation__name", "username")
        if organisation:
            users = users.filter(organisation=_organisation(organisation))
        users = list(users)
        blocked = lockout.locked_usernames([user.username for user in users])
        enrolled = twofactor.enrolled_among([user.pk for user in users])
        for user in users:
            state = "active" if user.is_active else "deactivated"
            kind = " service-account" if user.is_service_account else ""
            kind += (" two-factor" if user.pk in enrolled else "") + (" blocked" if user.username in blocked else "")
            if user.temporary_password_expires:
                kind += f" temporary-password-until-{_when(user.temporary_password_expires)}"
            org = user.organisation.code if user.organisation else "-"
            self.stdout.write(f"{user.username}\t{org}\t{user.role}\t{user.scope}\t{state}{kind}")

    def _add(self, *, username, organisation, role, scope, group, service_account, **_options):
        user, password = services.user_create(username=username, organisation=_organisation(organisation),
                                              role=role, scope=scope, group=group, service_account=service_account)
        if password is None:
            self.stdout.write(f"created service account {user.username}; get its token with: "
                              f"ctip manage api_token {user.username}")
        else:
            self.stdout.write(f"created {user.username} ({Role(role).label}, {user.organisation.name}); "
                              f"{_temporary(user)}: {password}")

    def _change(self, *, username, role, scope, group, **_options):
        if role is None and scope is None and group is None:
            raise CommandError("give at least one of --role, --scope, --group")
        user, changes = services.user_change(username=username, role=role, scope=scope, group=group)
        if not changes:
            self.stdout.write(f"{username}: nothing changed")
            return
        done = ", ".join(f"{field} {change['old'] or '-'} -> {change['new'] or '-'}"
                         for field, change in changes.items())
        self.stdout.write(f"changed {username}: {done}")

    def _deactivate(self, *, username, **_options):
        services.user_deactivate(username=username)
        self.stdout.write(f"deactivated {username}")

    def _reactivate(self, *, username, **_options):
        user, password = services.user_reactivate(username=username)
        if password is None:
            self.stdout.write(f"reactivated service account {username}; issue a new token with: "
                              f"ctip manage api_token {username}")
        else:
            self.stdout.write(f"reactivated {username}; new {_temporary(user)}: {password}")

    def _unlock(self, *, username, **_options):
        cleared = services.user_unlock(username=username)
        self.stdout.write(f"unlocked {username}" if cleared else f"{username} was not blocked; nothing to lift")

    def _reset_2fa(self, *, username, **_options):
        removed = services.user_reset_two_factor(username=username)
        self.stdout.write(f"removed the second factor of {username}; they set up an authenticator app at their "
                          f"next sign-in" if removed else f"{username} had no second factor; nothing to remove")

    def _reset_password(self, *, username, **_options):
        password = services.user_reset_password(username=username)
        user = User.objects.get(username=username)
        self.stdout.write(f"new {_temporary(user)} for {username}: {password}")


def _when(moment) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%MZ")


def _temporary(user: User) -> str:
    """How an issued password is described: the password itself follows, last on the line."""
    return f"temporary password (shown once; to choose their own, until {_when(user.temporary_password_expires)})"


def _organisation(code: str) -> Organisation:
    organisation = Organisation.objects.filter(code=code).first()
    if organisation is None:
        codes = ", ".join(Organisation.objects.values_list("code", flat=True)) or "none yet"
        raise CommandError(f"--organisation: no organisation with the code {code!r}; known codes: {codes} "
                           f"(add one with 'ctip manage organisations add')")
    return organisation
