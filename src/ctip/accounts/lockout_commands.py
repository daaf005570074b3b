"""django-axes' management commands, audited: ``ctip manage axes_reset`` and its siblings.

django-axes ships commands that lift sign-in blocks (``axes_reset``, ``axes_reset_ip``, ``axes_reset_username``,
``axes_reset_ip_username``) or delete its logs (``axes_reset_logs``, ``axes_reset_failure_logs``) without a trace
in ctip's audit log. This app comes before ``axes`` in ``INSTALLED_APPS``, so Django finds the commands of the
same names in ``ctip.accounts.management.commands`` first: each records an audit event, then does the same
work as django-axes' own (their arguments and output are unchanged), in one transaction. An operator lifting
one person's block should prefer ``ctip manage users unlock USER`` (audited ``user.unlock``, refused for an
unknown account).

Events: ``auth.unlock`` (``command``, the ``usernames`` and ``ip_addresses`` given, ``cleared``: how many
failure records were removed) and ``auth.lockout_logs_delete`` (``command``, ``age_days``, ``removed``).
The operator on the command line is the actor (none).
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset
from django.core.management.base import BaseCommand
from django.db import transaction

UNLOCK = "auth.unlock"
LOGS_DELETE = "auth.lockout_logs_delete"


def _audit(action: str, changes: dict) -> None:
    from ctip.cases.audit import record  # here, not at the top: the cases app's models build on this app's

    record(actor=None, action=action, entity="axes.accessattempt", changes=changes)


@transaction.atomic
def unlock(command: str, *, usernames: list[str] = (), ip_addresses: list[str] = ()) -> int:
    """Forget the failed sign-ins of these user names and/or addresses (all of them when both are empty; both
    given: that one pair), audited as ``auth.unlock``; the number of records removed."""
    if usernames and ip_addresses:
        cleared = reset(ip=ip_addresses[0], username=usernames[0])
    elif usernames:
        cleared = sum(reset(username=name) for name in usernames)
    elif ip_addresses:
        cleared = sum(reset(ip=ip) for ip in ip_addresses)
    else:
        cleared = reset()
    _audit(UNLOCK, {"command": command, "usernames": list(usernames), "ip_addresses": list(ip_addresses),
                    "cleared": cleared})
    return cleared


@transaction.atomic
def delete_logs(command: str, *, age_days: int, failures: bool) -> int:
    """Delete django-axes' access logs (or its failure logs) older than ``age_days``, audited as
    ``auth.lockout_logs_delete``; the number removed."""
    handler = AxesProxyHandler.reset_failure_logs if failures else AxesProxyHandler.reset_logs
    removed = handler(age_days=age_days)
    _audit(LOGS_DELETE, {"command": command, "age_days": age_days, "removed": removed})
    return removed


class UnlockCommand(BaseCommand):
    """Base of the audited ``axes_reset*`` commands: ``targets(options)`` gives the user names and addresses."""

    def targets(self, options: dict) -> dict:
        return {}

    def handle(self, *args, **options):
        name = type(self).__module__.rsplit(".", 1)[-1]
        count = unlock(name, **self.targets(options))
        self.stdout.write(f"{count} attempts removed; recorded in the audit log." if count
                          else "No attempts found; recorded in the audit log.")


class LogsCommand(BaseCommand):
    """Base of the audited ``axes_reset_logs`` and ``axes_reset_failure_logs``."""

    failures = False

    def add_arguments(self, parser):
        parser.add_argument("--age", type=int, default=30, help="Maximum age for records to keep in days")

    def handle(self, *args, **options):
        name = type(self).__module__.rsplit(".", 1)[-1]
        count = delete_logs(name, age_days=options["age"], failures=self.failures)
        self.stdout.write(f"{count} logs removed; recorded in the audit log." if count
                          else "No logs found; recorded in the audit log.")
