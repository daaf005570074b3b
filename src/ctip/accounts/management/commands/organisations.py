"""``ctip manage organisations list|add|rename|deactivate|reactivate``: the organisations whose workers use ctip.

The command line acts as the operator (no acting user); every change is audited like the same change made on
the organisations page (``/accounts/organisations/``)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, no_translations

from ctip import vocab
from ctip.accounts import services
from ctip.accounts.models import Organisation


class Command(BaseCommand):
    help = ("List, add, rename, deactivate or reactivate organisations (HTCDS org_Type; ISO 3166 alpha-3 country). "
            "A deactivated organisation's accounts cannot sign in or call the API; its cases stay.")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="organisations with their code, name, type, country and state")
        add = sub.add_parser("add", help="create an organisation")
        add.add_argument("code", help="short code, letters, digits and hyphens (e.g. shelter-ub)")
        add.add_argument("name", help="full name as users should see it")
        add.add_argument("--type", dest="org_type", required=True,
                         help="HTCDS org_Type: " + ", ".join(vocab.codes("htcds.org_Type")))
        add.add_argument("--country", default="MNG", help="ISO 3166-1 alpha-3 code (default MNG)")
        rename = sub.add_parser("rename", help="give an organisation a new name (its code stays)")
        rename.add_argument("code")
        rename.add_argument("name", help="the new full name")
        sub.add_parser("deactivate", help="stop the organisation's accounts from signing in or calling the API; "
                       "it is no longer a referral target (its cases, accounts and history stay)").add_argument("code")
        sub.add_parser("reactivate", help="let the organisation's active accounts sign in again").add_argument("code")

    @no_translations  # messages in English, as the rest of the command line
    def handle(self, *args, action: str, **options):
        if action == "list":
            for org in Organisation.objects.order_by("name"):
                flags = (" demo" if org.is_demo else "") + ("" if org.is_active else " deactivated")
                self.stdout.write(f"{org.code}\t{org.name}\t{org.org_type}\t{org.country}{flags}")
            return
        try:
            self.stdout.write(getattr(self, "_" + action)(**options))
        except services.AccountError as exc:
            raise CommandError(str(exc)) from None

    def _add(self, *, code, name, org_type, country, **_options) -> str:
        org = services.organisation_create(code=code, name=name, org_type=org_type, country=country)
        return f"created organisation {org.code} ({org.name})"

    def _rename(self, *, code, name, **_options) -> str:
        org, old = services.organisation_rename(code=code, name=name)
        return f"{code}: nothing changed" if old == org.name else f"renamed {code}: {old} -> {org.name}"

    def _deactivate(self, *, code, **_options) -> str:
        services.organisation_deactivate(code=code)
        return f"deactivated {code}: its accounts can no longer sign in or call the API"

    def _reactivate(self, *, code, **_options) -> str:
        services.organisation_reactivate(code=code)
        return f"reactivated {code}"
