"""Creating organisations and user accounts, changing an account's role, scope and group, deactivating and
reactivating accounts, resetting passwords.

Passwords are generated (``secrets``), hashed with Argon2 by Django, and returned once for the caller to
hand over; they are never stored or logged in clear. A service account gets no usable password: it
calls the API with a bearer token (``ctip manage api_token``).

Who may grant what: an operator on the command line (``actor=None``) and a system administrator may grant
every role and scope in every organisation. An organisation administrator acts only in their own
organisation and grants only the roles of ``ORG_ADMIN_GRANTS`` (and ``police_analyst`` when the
organisation is a law-enforcement unit) with the scopes of ``ORG_ADMIN_SCOPES``; they manage only the
users whose role and scope they could have granted. Nobody changes, deactivates, reactivates or resets their
own account. An organisation keeps at least one active organisation administrator: demoting the last one is
refused (promote another first); deactivating them is not (a departed or compromised account must be
stoppable at once). Only system administrators and the operator create organisations. Every change is
appended to the audit log (user names, organisation codes, role, scope, group; never a password).
"""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ctip import vocab
from ctip.accounts.models import Organisation, Role, Scope, User
from ctip.accounts.permissions import user_can

# Roles an organisation administrator may grant in their own organisation. Data analysts (the national
# collaborative dataset and its releases) and system administrators are platform-wide: only a system
# administrator grants them.
ORG_ADMIN_GRANTS = (Role.CASE_WORKER, Role.SUPERVISOR, Role.ORG_ADMIN)
POLICE_ORG_TYPE = "LawEnforcement"  # HTCDS org_Type of a police unit: its administrator may grant police_analyst
# Scopes an organisation administrator may grant: "all" would open every organisation's cases.
ORG_ADMIN_SCOPES = (Scope.SELF, Scope.GROUP, Scope.ORGANISATION)


class AccountError(ValueError):
    """A request the account services refuse: ``field`` names the field, ``message`` says what was expected
    (in the active language); ``str()`` gives ``"field: message"``."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class AccountPermissionError(AccountError):
    """The acting administrator may not manage this account (their page offers no such action)."""


def _choice(field: str, value: str, valid: list[str]) -> str:
    if value not in valid:
        raise AccountError(field, _("unknown value %(value)r; expected one of: %(valid)s")
                           % {"value": value, "valid": ", ".join(valid)})
    return value


def _full_clean(instance) -> None:
    try:
        instance.full_clean()
    except ValidationError as exc:
        field, errors = next(iter(exc.message_dict.items()))
        raise AccountError(field, " ".join(errors)) from None


def _record(*, actor: User | None, action: str, instance: User | Organisation, changes: dict) -> None:
    """Append an event to the platform's hash-chained audit log (``ctip audit verify``), in the caller's
    transaction."""
    from ctip.cases.audit import record  # here, not at the top: the cases app's models build on this app's

    record(actor=actor, action=action, instance=instance, changes=changes)


def _audit(*, actor: User | None, action: str, user: User, **changes) -> None:
    """Append an account event (the account's user name first, then what changed)."""
    _record(actor=actor, action=action, instance=user, changes={"username": user.username, **changes})


def new_password() -> str:
    """A random password of 16 URL-safe characters (96 bits)."""
    return secrets.token_urlsafe(12)


def manages_all_organisations(admin: User | None) -> bool:
    """True for the command line (``None``) and system administrators."""
    return admin is None or user_can(admin, "accounts.manage_all_organisations")


def grantable_roles(admin: User | None, organisation: Organisation | None = None) -> list[str]:
    """The roles ``admin`` may give a user of ``organisation`` (their own, for an organisation administrator)."""
    if manages_all_organisations(admin):
        return list(Role.values)
    if not user_can(admin, "accounts.manage_users"):
        return []
    organisation = organisation or admin.organisation
    roles = [str(role) for role in ORG_ADMIN_GRANTS]
    if organisation is not None and organisation.org_type == POLICE_ORG_TYPE:
        roles.append(Role.POLICE_ANALYST)
    return [role for role in Role.values if role in roles]


def grantable_scopes(admin: User | None) -> list[str]:
    """The scopes ``admin`` may give."""
    if manages_all_organisations(admin):
        return list(Scope.values)
    return [str(scope) for scope in ORG_ADMIN_SCOPES] if user_can(admin, "accounts.manage_users") else []


def may_manage(admin: User | None, user: User) -> bool:
    """Whether ``admin`` may deactivate, reactivate or reset ``user`` (never their own account)."""
    if admin is not None and admin.pk == user.pk:
        return False
    if manages_all_organisations(admin):
        return True
    return (user_can(admin, "accounts.manage_users") and admin.organisation_id is not None
            and user.organisation_id == admin.organisation_id
            and user.role in grantable_roles(admin) and user.scope in grantable_scopes(admin))


def check_manage(actor: User | None, user: User, field: str = "username") -> None:
    """Raise unless ``actor`` may change ``user``: ``AccountError`` for their own account,
    ``AccountPermissionError`` for an account they could not have created."""
    if actor is not None and actor.pk == user.pk:
        raise AccountError(field, _("this is your own account; another administrator must change it"))
    if not may_manage(actor, user):
        raise AccountPermissionError(field, _("you may not manage the account %(name)r") % {"name": user.username})


@transaction.atomic
def organisation_create(*, code: str, name: str, org_type: str, country: str = "MNG",
                        actor: User | None = None) -> Organisation:
    """A new organisation (``org_type``: an HTCDS ``org_Type`` code; ``country``: ISO 3166 alpha-3), created
    by ``actor``: a system administrator, or the operator on the command line (None)."""
    if not manages_all_organisations(actor):
        raise AccountPermissionError("code", _("only a system administrator creates organisations"))
    code, name = code.strip(), name.strip()
    if not vocab.is_valid("htcds.org_Type", org_type):
        raise AccountError("type", _("unknown organisation type %(value)r; expected one of: %(valid)s")
                           % {"value": org_type, "valid": ", ".join(vocab.codes("htcds.org_Type"))})
    if not vocab.is_valid("iso3166.alpha3", country):
        raise AccountError("country", _("unknown country code %(value)r; expected an ISO 3166-1 alpha-3 code "
                                        "such as MNG") % {"value": country})
    if Organisation.objects.filter(code=code).exists():
        raise AccountError("code", _("an organisation with the code %(value)r already exists") % {"value": code})
    if Organisation.objects.filter(name__iexact=name).exists():
        raise AccountError("name", _("an organisation named %(value)r already exists") % {"value": name})
    organisation = Organisation(code=code, name=name, org_type=org_type, country=country)
    _full_clean(organisation)
    organisation.save()
    _record(actor=actor, action="organisation.create", instance=organisation,
            changes={"code": code, "name": name, "org_type": org_type, "country": country})
    return organisation


@transaction.atomic
def user_create(*, username: str, organisation: Organisation | None, role: str, scope: str = Scope.ORGANISATION,
                group: str = "", service_account: bool = False,
                actor: User | None = None) -> tuple[User, str | None]:
    """A new active user of ``organisation``, created by ``actor`` (None: an operator on the command line);
    returns the user and the password to hand over (None for a service account, which has no usable
    password). ``actor`` must be allowed to grant the role and scope in that organisation."""
    if not manages_all_organisations(actor):
        if actor.organisation_id is None or (organisation is not None and organisation.pk != actor.organisation_id):
            raise AccountPermissionError("organisation", _("you may create users only in your own organisation"))
        organisation = actor.organisation
    if organisation is None:
        raise AccountError("organisation", _("choose the organisation the user works for"))
    _choice("role", role, grantable_roles(actor, organisation))
    _choice("scope", scope, grantable_scopes(actor))
    if User.objects.filter(username=username).exists():
        raise AccountError("username", _("a user named %(name)r already exists") % {"name": username})
    if scope == Scope.GROUP and not group.strip():
        raise AccountError("group", _("a user with the scope 'group' needs a group name"))
    user = User(username=username, organisation=organisation, role=role, scope=scope, group=group.strip(),
                is_service_account=service_account)
    password = None if service_account else new_password()
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    _full_clean(user)
    user.save()
    _audit(actor=actor, action="user.create", user=user, organisation=organisation.code, role=role,
           scope=scope, group=user.group, service_account=service_account)
    return user, password


def _user(username: str) -> User:
    user = User.objects.select_for_update().filter(username=username).first()
    if user is None:
        raise AccountError("username", _("no user named %(name)r") % {"name": username})
    return user


def _keep_an_administrator(user: User) -> None:
    """Refuse to demote the last active organisation administrator of ``user``'s organisation.

    Locks the organisation's row first, so two demotions in the same organisation are serialised and the
    second one counts the first one's result (PostgreSQL; SQLite has a single writer anyway)."""
    if user.role != Role.ORG_ADMIN or not user.is_active or user.organisation_id is None:
        return
    organisation = Organisation.objects.select_for_update().get(pk=user.organisation_id)
    others = User.objects.filter(organisation_id=organisation.pk, role=Role.ORG_ADMIN, is_active=True,
                                 is_service_account=False).exclude(pk=user.pk)
    if not others.exists():
        raise AccountError("role", _("%(name)r is the last active administrator of %(organisation)s; make another "
                                     "user its administrator first") % {"name": user.username,
                                                                         "organisation": organisation.name})


@transaction.atomic
def user_change(*, username: str, role: str | None = None, scope: str | None = None, group: str | None = None,
                actor: User | None = None) -> tuple[User, dict[str, dict[str, str]]]:
    """Change an account's role, scope and/or group (None keeps the current value) under the rules of
    ``user_create``; return the user and what changed, ``{field: {"old": ..., "new": ...}}`` (empty: nothing
    to change, nothing audited). It takes effect at the user's next request: capabilities are read from the
    account on every request, and the session stays open."""
    user = _user(username)
    check_manage(actor, user)
    new = {
        "role": user.role if role is None else _choice("role", role, grantable_roles(actor, user.organisation)),
        "scope": user.scope if scope is None else _choice("scope", scope, grantable_scopes(actor)),
        "group": user.group if group is None else group.strip(),
    }
    if new["scope"] == Scope.GROUP and not new["group"]:
        raise AccountError("group", _("a user with the scope 'group' needs a group name"))
    changes = {field: {"old": getattr(user, field), "new": value} for field, value in new.items()
               if getattr(user, field) != value}
    if not changes:
        return user, {}
    if "role" in changes:
        _keep_an_administrator(user)
    for field, value in new.items():
        setattr(user, field, value)
    _full_clean(user)
    user.save(update_fields=list(changes))
    _audit(actor=actor, action="user.change", user=user,
           organisation=user.organisation.code if user.organisation else "", **changes)
    return user, changes


@transaction.atomic
def user_deactivate(*, username: str, actor: User | None = None) -> User:
    """Stop a user from logging in or calling the API (their records and audit trail stay)."""
    user = _user(username)
    check_manage(actor, user)
    user.is_active = False
    user.set_unusable_password()  # also revokes the API tokens of a service account
    user.save(update_fields=["is_active", "password"])
    _audit(actor=actor, action="user.deactivate", user=user, is_active=False)
    return user


@transaction.atomic
def user_reactivate(*, username: str, actor: User | None = None) -> tuple[User, str | None]:
    """Let a deactivated user log in again with a new random password, returned once (deactivation erased
    the old one). A service account gets none: issue a new token with ``ctip manage api_token``."""
    user = _user(username)
    check_manage(actor, user)
    if user.is_active:
        raise AccountError("username", _("%(name)r is already active") % {"name": username})
    password = None if user.is_service_account else new_password()
    if password is not None:
        user.set_password(password)
    user.is_active = True
    user.save(update_fields=["is_active", "password"])
    _audit(actor=actor, action="user.reactivate", user=user, is_active=True)
    return user, password


@transaction.atomic
def user_reset_password(*, username: str, actor: User | None = None) -> str:
    """Give an active person's account a new random password and return it (old sessions end at their next
    request: Django ties sessions to the password hash)."""
    user = _user(username)
    check_manage(actor, user)
    if not user.is_active:
        raise AccountError("username", _("%(name)r is deactivated; reactivate the account instead")
                           % {"name": username})
    if user.is_service_account:
        raise AccountError("username", _("%(name)r is a service account; it uses API tokens, not a password")
                           % {"name": username})
    password = new_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    _audit(actor=actor, action="user.reset_password", user=user)
    return password
