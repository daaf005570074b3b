"""``ctip manage axes_reset_logs``: django-axes' command, audited (``ctip.accounts.lockout_commands``)."""

from ctip.accounts.lockout_commands import LogsCommand


class Command(LogsCommand):
    help = "Delete django-axes' access log records older than --age days; recorded in the audit log."
