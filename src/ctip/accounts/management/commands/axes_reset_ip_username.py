"""``ctip manage axes_reset_ip_username IP NAME``: django-axes' command, audited
(``ctip.accounts.lockout_commands``)."""

from ctip.accounts.lockout_commands import UnlockCommand


class Command(UnlockCommand):
    help = "Lift the sign-in block of one user name from one client address; recorded in the audit log."

    def add_arguments(self, parser):
        parser.add_argument("ip", type=str)
        parser.add_argument("username", type=str)

    def targets(self, options):
        return {"ip_addresses": [options["ip"]], "usernames": [options["username"]]}
