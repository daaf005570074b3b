"""``ctip manage axes_reset_ip IP...``: django-axes' command, audited (``ctip.accounts.lockout_commands``)."""

from ctip.accounts.lockout_commands import UnlockCommand


class Command(UnlockCommand):
    help = "Lift the sign-in blocks of these client addresses; recorded in the audit log."

    def add_arguments(self, parser):
        parser.add_argument("ip", nargs="+", type=str)

    def targets(self, options):
        return {"ip_addresses": options["ip"]}
