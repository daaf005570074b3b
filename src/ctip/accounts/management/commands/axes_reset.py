"""``ctip manage axes_reset``: django-axes' command, audited (``ctip.accounts.lockout_commands``)."""

from ctip.accounts.lockout_commands import UnlockCommand


class Command(UnlockCommand):
    help = "Lift every sign-in block (all failed sign-ins are forgotten); recorded in the audit log."
