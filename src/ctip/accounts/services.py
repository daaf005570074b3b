"""Creating organisations and user accounts, deactivating them and resetting passwords.

Passwords are generated (``secrets``), hashed with Argon2 by Django, and returned once for the caller to
hand over; they are never stored or logged in clear. A service account gets no usable password: it
calls the API with a bearer token (``ctip manage api_token``).
"""

from __future__ import annotations

import secrets

from django.core.exceptions import ValidationError
from django.db import transaction

from ctip import vocab
from ctip.accounts.models import Organisation, Role, Scope, User


class AccountError(ValueError):
    """A request the account services refuse; the message names the field and what was expected."""


def _choice(field: str, value: str, choices) -> str:
    valid = [code for code, _label in choices]
    if value not in valid:
        raise AccountError(f"{field}: unknown value {value!r}; expected one of: {', '.join(valid)}")
    return value


def new_password() -> str:
    """A random password of 16 URL-safe characters (96 bits)."""
    return secrets.token_urlsafe(12)


@transaction.atomic
def organisation_create(*, code: str, name: str, org_type: str, country: str = "MNG") -> Organisation:
    """A new organisation (``org_type``: an HTCDS ``org_Type`` code; ``country``: ISO 3166 alpha-3)."""
    if not vocab.is_valid("htcds.org_Type", org_type):
        raise AccountError(f"type: unknown organisation type {org_type!r}; expected one of: "
                           f"{', '.join(vocab.codes('htcds.org_Type'))}")
    if not vocab.is_valid("iso3166.alpha3", country):
        raise AccountError(f"country: unknown country code {country!r}; expected an ISO 3166-1 alpha-3 code "
                           f"such as MNG")
    if Organisation.objects.filter(code=code).exists():
        raise AccountError(f"code: an organisation with the code {code!r} already exists")
    organisation = Organisation(code=code, name=name, org_type=org_type, country=country)
    try:
        organisation.full_clean()
    except ValidationError as exc:
        raise AccountError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from None
    organisation.save()
    return organisation


@transaction.atomic
def user_create(*, username: str, organisation: Organisation, role: str, scope: str = Scope.ORGANISATION,
                group: str = "", service_account: bool = False) -> tuple[User, str | None]:
    """A new active user of ``organisation``; returns the user and the password to hand over (None for a
    service account, which has no usable password)."""
    _choice("role", role, Role.choices)
    _choice("scope", scope, Scope.choices)
    if User.objects.filter(username=username).exists():
        raise AccountError(f"username: a user named {username!r} already exists")
    if scope == Scope.GROUP and not group.strip():
        raise AccountError("group: a user with the scope 'group' needs a group name (--group)")
    user = User(username=username, organisation=organisation, role=role, scope=scope, group=group.strip(),
                is_service_account=service_account)
    password = None if service_account else new_password()
    if password is None:
        user.set_unusable_password()
    else:
        user.set_password(password)
    try:
        user.full_clean()
    except ValidationError as exc:
        raise AccountError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from None
    user.save()
    return user, password


def _user(username: str) -> User:
    user = User.objects.filter(username=username).first()
    if user is None:
        raise AccountError(f"username: no user named {username!r}")
    return user


@transaction.atomic
def user_deactivate(*, username: str) -> User:
    """Stop a user from logging in or calling the API (their records and audit trail stay)."""
    user = _user(username)
    user.is_active = False
    user.set_unusable_password()  # also revokes the API tokens of a service account
    user.save(update_fields=["is_active", "password"])
    return user


@transaction.atomic
def user_reset_password(*, username: str) -> str:
    """Give an active person's account a new random password and return it (old sessions end at their next
    request: Django ties sessions to the password hash)."""
    user = _user(username)
    if not user.is_active:
        raise AccountError(f"username: {username!r} is deactivated; create a new account instead")
    if user.is_service_account:
        raise AccountError(f"username: {username!r} is a service account; it uses API tokens, not a password")
    password = new_password()
    user.set_password(password)
    user.save(update_fields=["password"])
    return password
