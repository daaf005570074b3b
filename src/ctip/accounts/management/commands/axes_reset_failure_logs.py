"""``ctip manage axes_reset_failure_logs``: django-axes' command, audited (``ctip.accounts.lockout_commands``)."""

from ctip.accounts.lockout_commands import LogsCommand


class Command(LogsCommand):
    help = "Delete django-axes' failure log records older than --age days; recorded in the audit log."
    failures = True
