"""Creating, renaming, deactivating and reactivating organisations; creating user accounts, changing an
account's role, scope and group, deactivating and reactivating accounts, resetting passwords, issuing and
revoking a service account's API tokens.

Passwords are generated (``secrets``), hashed with Argon2 by Django, and returned once for the caller to
hand over; they are never stored or logged in clear. Such an issued password is temporary (``passwords``): the
person chooses their own at the next sign-in (``password_change``, audited as ``user.password_change``). A
service account gets no usable password: it calls the API with a bearer token, issued by whoever may manage the
account (users page or ``ctip manage api_token``) and shown once; giving the account a new unusable password
revokes all its tokens.

Who may grant what: an operator on the command line (``actor=None``) and a system administrator may grant
every role and scope in every organisation. An organisation administrator acts only in their own
organisation and grants only the roles of ``ORG_ADMIN_GRANTS`` (and ``police_analyst`` when the
organisation is a law-enforcement unit) with the scopes of ``ORG_ADMIN_SCOPES``; they manage only the
users whose role and scope they could have granted. Nobody changes, deactivates, reactivates or resets their
own account. An organisation keeps at least one active organisation administrator: demoting the last one is
refused (promote another first); deactivating them is not (a departed or compromised account must be
stoppable at once). Only system administrators and the operator create, rename, deactivate and reactivate
organisations; nobody deactivates their own organisation. Every change is appended to the audit log (user
names, organisation codes, role, scope, group; never a password).
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip import vocab
from ctip.accounts import passwords
from ctip.accounts.models import Organisation, Role, Scope, User
from ctip.accounts.permissions import user_can

# Roles an organisation administrator may grant in their own organisation. Data analysts (the national
# collaborative dataset and its releases) and system administrators are platform-wide: only a system
# administrator grants them.
ORG_ADMIN_GRANTS = (Role.CASE_WORKER, Role.SUPERVISOR, Role.ORG_ADMIN)
POLICE_ORG_TYPE = "LawEnforcement"  # HTCDS org_Type of a police unit: its administrator may grant police_analyst
# Scopes an organisation administrator may grant: "all" would open every organisation's cases.
ORG_ADMIN_SCOPES = (Scope.SELF, Scope.GROUP, Scope.ORGANISATION)
TOKEN_DAYS = 365  # validity of an API token issued on the users page (``ctip manage api_token --days`` for others)


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


def _organisation(code: str, actor: User | None) -> Organisation:
    """The organisation ``code``, locked for the change, if ``actor`` manages all organisations."""
    if not manages_all_organisations(actor):
        raise AccountPermissionError("code", _("only a system administrator changes organisations"))
    organisation = Organisation.objects.select_for_update().filter(code=code).first()
    if organisation is None:
        raise AccountError("code", _("no organisation with the code %(value)r") % {"value": code})
    return organisation


@transaction.atomic
def organisation_rename(*, code: str, name: str, actor: User | None = None) -> tuple[Organisation, str]:
    """Give an organisation a new name; its code stays (the audit log and the dataset's contributor column
    hold codes). Returns the organisation and its old name (equal to the new one: nothing changed, nothing
    audited)."""
    organisation = _organisation(code, actor)
    old, name = organisation.name, name.strip()
    if name == old:
        return organisation, old
    if not name:
        raise AccountError("name", _("give the organisation's full name"))
    if Organisation.objects.filter(name__iexact=name).exclude(pk=organisation.pk).exists():
        raise AccountError("name", _("an organisation named %(value)r already exists") % {"value": name})
    organisation.name = name
    _full_clean(organisation)
    organisation.save(update_fields=["name"])
    _record(actor=actor, action="organisation.change", instance=organisation,
            changes={"code": organisation.code, "name": {"old": old, "new": name}})
    return organisation, old


def may_deactivate(actor: User | None, organisation: Organisation) -> bool:
    """Whether ``actor`` may deactivate ``organisation``: anyone who changes organisations, but not their own."""
    return manages_all_organisations(actor) and (actor is None or actor.organisation_id != organisation.pk)


@transaction.atomic
def organisation_deactivate(*, code: str, actor: User | None = None) -> Organisation:
    """Stop an organisation's accounts from signing in or calling the API (their open sessions end at their next
    request) and stop offering it as a referral target. Its cases, accounts and audit trail stay, and
    reactivating it restores them as they were. A system administrator cannot deactivate their own
    organisation (they would lock themselves out)."""
    organisation = _organisation(code, actor)
    if not may_deactivate(actor, organisation):
        raise AccountError("code", _("%(name)s is your own organisation; another system administrator must "
                                     "deactivate it") % {"name": organisation.name})
    if not organisation.is_active:
        raise AccountError("code", _("%(name)s is already deactivated") % {"name": organisation.name})
    organisation.is_active = False
    organisation.save(update_fields=["is_active"])
    _record(actor=actor, action="organisation.deactivate", instance=organisation,
            changes={"code": organisation.code, "is_active": False})
    return organisation


@transaction.atomic
def organisation_reactivate(*, code: str, actor: User | None = None) -> Organisation:
    """Let a deactivated organisation's active accounts sign in again (with their own passwords; tokens that
    have not expired work again) and offer it as a referral target again."""
    organisation = _organisation(code, actor)
    if organisation.is_active:
        raise AccountError("code", _("%(name)s is already active") % {"name": organisation.name})
    organisation.is_active = True
    organisation.save(update_fields=["is_active"])
    _record(actor=actor, action="organisation.reactivate", instance=organisation,
            changes={"code": organisation.code, "is_active": True})
    return organisation


@transaction.atomic
def user_create(*, username: str, organisation: Organisation | None, role: str, scope: str = Scope.ORGANISATION,
                group: str = "", service_account: bool = False,
                actor: User | None = None) -> tuple[User, str | None]:
    """A new active user of ``organisation``, created by ``actor`` (None: an operator on the command line);
    returns the user and the temporary password to hand over (None for a service account, which has no usable
    password). ``actor`` must be allowed to grant the role and scope in that organisation."""
    if not manages_all_organisations(actor):
        if actor.organisation_id is None or (organisation is not None and organisation.pk != actor.organisation_id):
            raise AccountPermissionError("organisation", _("you may create users only in your own organisation"))
        organisation = actor.organisation
    if organisation is None:
        raise AccountError("organisation", _("choose the organisation the user works for"))
    if not organisation.is_active:
        raise AccountError("organisation", _("%(name)s is deactivated; reactivate it before adding users")
                           % {"name": organisation.name})
    _choice("role", role, grantable_roles(actor, organisation))
    _choice("scope", scope, grantable_scopes(actor))
    if User.objects.filter(username=username).exists():
        raise AccountError("username", _("a user named %(name)r already exists") % {"name": username})
    if scope == Scope.GROUP and not group.strip():
        raise AccountError("group", _("a user with the scope 'group' needs a group name"))
    user = User(username=username, organisation=organisation, role=role, scope=scope, group=group.strip(),
                is_service_account=service_account)
    if service_account:
        password = None
        user.set_unusable_password()
    else:
        password = passwords.issue_temporary(user)
    _full_clean(user)
    user.save()
    _audit(actor=actor, action="user.create", user=user, organisation=organisation.code, role=role,
           scope=scope, group=user.group, service_account=service_account, **_expiry(user))
    return user, password


def _expiry(user: User) -> dict:
    """When the account's issued password expires, for the audit log (nothing when it has none)."""
    expires = user.temporary_password_expires
    return {"temporary_password_expires": expires.isoformat()} if expires else {}


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
    user.temporary_password_expires = None
    user.save(update_fields=["is_active", "password", "temporary_password_expires"])
    _audit(actor=actor, action="user.deactivate", user=user, is_active=False)
    return user


@transaction.atomic
def user_reactivate(*, username: str, actor: User | None = None) -> tuple[User, str | None]:
    """Let a deactivated user log in again with a new temporary password, returned once (deactivation erased
    the old one). A service account gets none: issue it a new token (``service_account_token_issue``)."""
    user = _user(username)
    check_manage(actor, user)
    if user.is_active:
        raise AccountError("username", _("%(name)r is already active") % {"name": username})
    password = None if user.is_service_account else passwords.issue_temporary(user)
    user.is_active = True
    user.save(update_fields=["is_active", "password", "temporary_password_expires"])
    _audit(actor=actor, action="user.reactivate", user=user, is_active=True, **_expiry(user))
    return user, password


@transaction.atomic
def user_reset_password(*, username: str, actor: User | None = None) -> str:
    """Give an active person's account a new temporary password and return it (old sessions end at their next
    request: Django ties sessions to the password hash). An enrolled authenticator stays: the person gives a
    code before choosing their own password."""
    user = _user(username)
    check_manage(actor, user)
    if not user.is_active:
        raise AccountError("username", _("%(name)r is deactivated; reactivate the account instead")
                           % {"name": username})
    if user.is_service_account:
        raise AccountError("username", _("%(name)r is a service account; it uses API tokens, not a password")
                           % {"name": username})
    password = passwords.issue_temporary(user)
    user.save(update_fields=["password", "temporary_password_expires"])
    _audit(actor=actor, action="user.reset_password", user=user, **_expiry(user))
    return password


@transaction.atomic
def password_change(*, user: User, password: str) -> User:
    """The person sets their own password (already validated by the form): an issued one stops being temporary.
    Audited as ``user.password_change`` (``forced``: it replaced an issued password), never the value."""
    forced = user.has_temporary_password
    user.set_password(password)
    user.temporary_password_expires = None
    user.save(update_fields=["password", "temporary_password_expires"])
    _audit(actor=user, action="user.password_change", user=user, forced=forced)
    return user


def _service_account(username: str, actor: User | None) -> User:
    """The service account ``username``, locked, if ``actor`` may manage it."""
    user = _user(username)
    check_manage(actor, user)
    if not user.is_service_account:
        raise AccountError("username", _("%(name)r is a person's account; API tokens are only for service accounts")
                           % {"name": username})
    return user


@transaction.atomic
def service_account_token_issue(*, username: str, actor: User | None = None,
                                days: int = TOKEN_DAYS) -> tuple[str, dt.datetime]:
    """A new API bearer token for an active service account of an active organisation, valid ``days`` days;
    returns it (to show once: ctip stores no token, only the account's password hash it is tied to) and when it
    expires. Audited as ``user.issue_token`` with the validity, never the token."""
    from ctip.cases.api import token_issue  # the API owns the token format; here only who may issue one

    user = _service_account(username, actor)
    if not user.is_active:
        raise AccountError("username", _("%(name)r is deactivated; reactivate the account first") % {"name": username})
    if not user.may_sign_in:
        raise AccountError("username", _("%(name)r belongs to a deactivated organisation; its tokens would be refused")
                           % {"name": username})
    if days < 1:
        raise AccountError("days", _("a token is valid for at least 1 day, not %(days)d") % {"days": days})
    token = token_issue(user, days=days)
    expires = timezone.now() + dt.timedelta(days=days)
    _audit(actor=actor, action="user.issue_token", user=user, days=days)
    return token, expires


@transaction.atomic
def service_account_tokens_revoke(*, username: str, actor: User | None = None) -> User:
    """Revoke every API token of a service account at once (a leaked token, a retired system): the account gets
    a new unusable password, to which tokens are tied. The account stays active: issue a new token to go on.
    Audited as ``user.revoke_tokens``."""
    user = _service_account(username, actor)
    user.set_unusable_password()
    user.temporary_password_expires = None
    user.save(update_fields=["password", "temporary_password_expires"])
    _audit(actor=actor, action="user.revoke_tokens", user=user)
    return user


@transaction.atomic
def user_unlock(*, username: str, actor: User | None = None) -> int:
    """Lift the sign-in lockout of ``username`` from every address (``ctip.accounts.lockout``) before its 15
    minutes are over; return how many addresses' failure counts were cleared (0: it was not locked out)."""
    from ctip.accounts import lockout

    user = _user(username)
    check_manage(actor, user)
    cleared = lockout.unlock(user.username)
    _audit(actor=actor, action="user.unlock", user=user, cleared=cleared)
    return cleared


@transaction.atomic
def user_reset_two_factor(*, username: str, actor: User | None = None) -> int:
    """Remove a person's authenticator and recovery codes (a lost phone): under ``CTIP_TWO_FACTOR=required`` they
    enrol again at their next sign-in, and a session verified with the old authenticator must verify again.
    Returns the number of devices removed."""
    from ctip.accounts import twofactor

    user = _user(username)
    check_manage(actor, user)
    if user.is_service_account:
        raise AccountError("username", _("%(name)r is a service account; it uses API tokens, not a second factor")
                           % {"name": username})
    removed = twofactor.remove(user)
    _audit(actor=actor, action="user.reset_two_factor", user=user, devices_removed=removed)
    return removed


@transaction.atomic
def two_factor_enrolment_confirm(*, user: User, device, code: str) -> list[str] | None:
    """The person confirms their new authenticator with a code; returns their recovery codes (to show once),
    None for a wrong code. Audited as ``auth.enrol_two_factor`` (never the code, key or recovery codes)."""
    from ctip.accounts import twofactor

    codes = twofactor.enrolment_confirm(user, device, code)
    if codes is not None:
        _audit(actor=user, action="auth.enrol_two_factor", user=user)
    return codes


@transaction.atomic
def two_factor_recovery_codes_renew(*, user: User) -> list[str]:
    """New recovery codes for a person who has used or lost theirs (the old ones stop working)."""
    from ctip.accounts import twofactor

    codes = twofactor.recovery_codes_new(user)
    _audit(actor=user, action="auth.recovery_codes", user=user)
    return codes
