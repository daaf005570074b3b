"""``ctip manage organisations list|add``: the organisations whose workers use ctip."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, no_translations

from ctip import vocab
from ctip.accounts import services
from ctip.accounts.models import Organisation


class Command(BaseCommand):
    help = "List or add organisations (HTCDS org_Type; ISO 3166 alpha-3 country)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("list", help="organisations with their code, type and country")
        add = sub.add_parser("add", help="create an organisation")
        add.add_argument("code", help="short code, letters, digits and hyphens (e.g. shelter-ub)")
        add.add_argument("name", help="full name as users should see it")
        add.add_argument("--type", dest="org_type", required=True,
                         help="HTCDS org_Type: " + ", ".join(vocab.codes("htcds.org_Type")))
        add.add_argument("--country", default="MNG", help="ISO 3166-1 alpha-3 code (default MNG)")

    @no_translations  # messages in English, as the rest of the command line
    def handle(self, *args, action: str, **options):
        if action == "list":
            for org in Organisation.objects.order_by("name"):
                demo = " demo" if org.is_demo else ""
                self.stdout.write(f"{org.code}\t{org.name}\t{org.org_type}\t{org.country}{demo}")
            return
        try:
            org = services.organisation_create(code=options["code"], name=options["name"],
                                               org_type=options["org_type"], country=options["country"])
        except services.AccountError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(f"created organisation {org.code} ({org.name})")
