"""``ctip manage api_token USERNAME [--days N]``: print a bearer token for a service account's API calls."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from ctip.accounts.models import User
from ctip.cases.api import token_issue
from ctip.cases.errors import ApplicationError


class Command(BaseCommand):
    help = ("Print an API bearer token for a service account (valid --days days). Setting a new password, "
            "usable or not, on the account revokes every token issued before.")

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--days", type=int, default=365, help="validity in days (default 365)")

    def handle(self, *args, username: str, days: int, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user named {username!r}")
        if days < 1:
            raise CommandError(f"--days must be at least 1, got {days}")
        try:
            token = token_issue(user, days=days)
        except ApplicationError as exc:
            raise CommandError(f"{username}: {exc.message} Mark the account as a service account first.") from None
        self.stdout.write(token)
