"""``ctip manage api_token USERNAME [--days N]``: print a bearer token for a service account's API calls.

Issued through ``ctip.accounts.services.service_account_token_issue``, the same rules and audit event
(``user.issue_token``, never the token) as the Users page; the operator on the command line is the actor."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from ctip.accounts.services import TOKEN_DAYS, AccountError, service_account_token_issue


class Command(BaseCommand):
    help = ("Print an API bearer token for a service account (valid --days days). Setting a new password, "
            "usable or not, on the account revokes every token issued before.")

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--days", type=int, default=TOKEN_DAYS, help=f"validity in days (default {TOKEN_DAYS})")

    def handle(self, *args, username: str, days: int, **options):
        try:
            token, _expires = service_account_token_issue(username=username, days=days)
        except AccountError as exc:
            hint = " Mark the account as a service account first." if "service account" in exc.message else ""
            raise CommandError(f"{username}: {exc.message}{hint}") from None
        self.stdout.write(token)
