"""``ctip manage changepassword USER``: Django's command, but the password typed is a temporary one, audited.

Django's own ``changepassword`` sets a password the operator typed, and the operator then knows it: exactly the
situation of a reset on the Users page. So it is treated the same way (``ctip.accounts.passwords``): the password
works ``CTIP_TEMPORARY_PASSWORD_DAYS`` days and only to sign in and choose one's own, and the change is recorded
in the audit log as ``user.reset_password`` (``command``: ``changepassword``, and the expiry; never the value), as
``ctip manage users reset-password`` records it. Refused, like that reset, for a deactivated account (reactivate
it instead) and for a service account (it has no usable password: API tokens only). Prompts, validation and
arguments are Django's.

Django runs the command of the first app in ``INSTALLED_APPS`` that ships one of that name: this one runs only
when ``ctip.accounts`` comes before ``django.contrib.auth`` (``docs/security.md``).
"""

from __future__ import annotations

import datetime as dt
import getpass

from django.conf import settings
from django.contrib.auth.management.commands import changepassword
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone

from ctip.accounts.models import User

MAX_TRIES = 3


def set_temporary_password(user: User, password: str) -> None:
    """Give ``user`` the password an operator chose, temporary like an issued one, and audit it (one transaction)."""
    from ctip.cases.audit import record  # here, not at the top: the cases app's models build on this app's

    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.set_password(password)
        user.temporary_password_expires = timezone.now() + dt.timedelta(days=settings.CTIP_TEMPORARY_PASSWORD_DAYS)
        user.save(update_fields=["password", "temporary_password_expires"])
        record(actor=None, action="user.reset_password", instance=user, changes={
            "username": user.username, "command": "changepassword",
            "temporary_password_expires": user.temporary_password_expires.isoformat()})


class Command(changepassword.Command):
    help = ("Set a temporary password for a user: it works CTIP_TEMPORARY_PASSWORD_DAYS days, only to sign in and "
            "choose a new one; recorded in the audit log (never the password).")

    def handle(self, *args, **options):
        username = options["username"] or getpass.getuser()
        user = User._default_manager.using(options["database"]).filter(username=username).first()
        if user is None:
            raise CommandError(f"user '{username}' does not exist")
        if not user.is_active:
            raise CommandError(f"user '{username}' is deactivated: reactivate the account instead "
                               f"(ctip manage users reactivate {username})")
        if user.is_service_account:
            raise CommandError(f"user '{username}' is a service account: it uses API tokens, not a password "
                               f"(ctip manage api_token {username})")
        self.stdout.write(f"Changing password for user '{username}'")
        password = self._ask(user)
        set_temporary_password(user, password)
        days = settings.CTIP_TEMPORARY_PASSWORD_DAYS
        return (f"Temporary password set for user '{username}': it works {days} days, only to sign in and choose a "
                "new one. Recorded in the audit log.")

    def _ask(self, user: User) -> str:
        """The password typed twice and accepted by the validators (three tries, as Django's command)."""
        for _attempt in range(MAX_TRIES):
            first = self._get_pass()
            if first != self._get_pass("Password (again): "):
                self.stdout.write("Passwords do not match. Please try again.")
                continue
            try:
                validate_password(first, user)
            except ValidationError as err:
                self.stderr.write("\n".join(err.messages))
                continue
            return first
        raise CommandError(f"Aborting password change for user '{user.username}' after {MAX_TRIES} attempts")
