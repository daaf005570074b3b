"""Passwords an administrator issues (new account, reset, reactivation) are temporary.

The administrator reads such a password and passes it on, so it must not stay the account's secret: it works
``CTIP_TEMPORARY_PASSWORD_DAYS`` days (default 3), and only to sign in and choose one's own
(``signin_steps``). After that, signing in with it is refused with a message saying to ask an administrator for
a new one, and a session opened with it ends. Passwords set otherwise (``make_user`` in the tests, the demo's
published passwords, ``createsuperuser``, a person's own change) are not temporary.
"""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.utils import timezone

from ctip.accounts.models import User


def new_password() -> str:
    """A random password of 16 URL-safe characters (96 bits)."""
    return secrets.token_urlsafe(12)


def issue_temporary(user: User) -> str:
    """Give ``user`` (not saved) a new random password that expires in ``CTIP_TEMPORARY_PASSWORD_DAYS`` days
    and must be replaced at the next sign-in; return it, to hand over once."""
    password = new_password()
    user.set_password(password)
    user.temporary_password_expires = timezone.now() + dt.timedelta(days=settings.CTIP_TEMPORARY_PASSWORD_DAYS)
    return password


def temporary_expired(user: User) -> bool:
    """Whether ``user`` still has an issued password and its time is over."""
    expires = getattr(user, "temporary_password_expires", None)
    return expires is not None and timezone.now() >= expires
