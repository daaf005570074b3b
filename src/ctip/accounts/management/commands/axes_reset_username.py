"""``ctip manage axes_reset_username NAME...``: django-axes' command, audited
(``ctip.accounts.lockout_commands``); ``ctip manage users unlock NAME`` does the same for one known account."""

from ctip.accounts.lockout_commands import UnlockCommand


class Command(UnlockCommand):
    help = ("Lift the sign-in blocks of these user names, from every address; recorded in the audit log "
            "(for one account, prefer 'ctip manage users unlock NAME').")

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="+", type=str)

    def targets(self, options):
        return {"usernames": options["username"]}
