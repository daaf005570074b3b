"""Demo organisations and one demo user per role, for trying ctip out. Labelled synthetic."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from django.db import transaction

from ctip.accounts.models import Organisation, Role, Scope, User

DEMO_ORGANISATIONS = [
    # code, name, HTCDS org_Type
    ("iom", "IOM Mongolia (demo)", "CentralGovernmentOrganisation"),
    ("police", "Police Anti-Trafficking Unit (demo)", "LawEnforcement"),
    ("shelter", "Safe Shelter NGO (demo)", "NGO"),
]

# username, organisation code, role, scope
DEMO_USERS = [
    ("caseworker", "iom", Role.CASE_WORKER, Scope.ORGANISATION),
    ("supervisor", "iom", Role.SUPERVISOR, Scope.ORGANISATION),
    ("orgadmin", "iom", Role.ORG_ADMIN, Scope.ORGANISATION),
    ("shelterworker", "shelter", Role.CASE_WORKER, Scope.ORGANISATION),
    ("police", "police", Role.POLICE_ANALYST, Scope.ORGANISATION),
    ("analyst", "iom", Role.DATA_ANALYST, Scope.ALL),
    ("sysadmin", "iom", Role.SYSADMIN, Scope.ALL),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    password: str
    role: str
    organisation: str


def demo_loaded() -> bool:
    return Organisation.objects.filter(is_demo=True).exists()


def _password() -> str:
    return secrets.token_urlsafe(12)


@transaction.atomic
def create_demo_accounts(*, reset_passwords: bool = False) -> list[DemoLogin]:
    """Create (or complete) the demo organisations and users; return logins whose password was set."""
    orgs = {}
    for code, name, org_type in DEMO_ORGANISATIONS:
        orgs[code], _ = Organisation.objects.get_or_create(
            code=code, defaults={"name": name, "org_type": org_type, "is_demo": True}
        )
    logins = []
    for username, org_code, role, scope in DEMO_USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"organisation": orgs[org_code], "role": role, "scope": scope}
        )
        if created or reset_passwords:
            password = _password()
            user.set_password(password)
            user.save()
            logins.append(DemoLogin(username, password, Role(role).label, orgs[org_code].name))
    return logins
