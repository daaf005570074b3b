"""Refusing sign-ins after repeated failures, with django-axes.

Five failed sign-ins (a wrong password, or a wrong second-factor code) for the same user name from the same
client address lock that pair out for 15 minutes (``AXES_*`` in ``ctip.web.settings``). The pair, not the
name alone: someone guessing from elsewhere cannot lock a person out of their own office. The lock applies
whether or not the user name exists, and the page says nothing about it. An administrator lifts it early
(``services.user_unlock``).
"""

from __future__ import annotations

from axes.backends import AxesStandaloneBackend
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import logout
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

LOGOUT_REASON = "ctip_logout_reason"  # request attribute: why the session ends (default: the person signed out)


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, skipped when there is no web request.

    Every web sign-in passes its request (the login form does); ``authenticate()`` without one comes from
    code on the server (a test client, a shell), where there is no client address to lock out."""

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_address(request: HttpRequest) -> str:
    """The client's address: the TCP peer's, or, behind ``CTIP_TRUSTED_PROXIES`` reverse proxies, the address
    the outermost trusted proxy saw (the header's entries before it can be forged by the client)."""
    proxies = settings.CTIP_TRUSTED_PROXIES
    peer = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return peer
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    return forwarded[-proxies] if len(forwarded) >= proxies else peer


def lockout_message() -> str:
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return _("Too many failed sign-ins. Signing in with this user name from this computer is blocked for "
             "%(minutes)d minutes. Try again later, or ask your organisation administrator to lift the block.") % {
        "minutes": minutes}


def lockout_response(request: HttpRequest, original_response: HttpResponse | None = None,
                     credentials: dict | None = None) -> HttpResponse:
    """The sign-in page with the lockout message (429). A half-finished sign-in (password given, code
    refused) is ended."""
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        setattr(request, LOGOUT_REASON, "locked out")
        logout(request)
    return render(request, "registration/login.html", {"locked_out": lockout_message(),
                                                       "next": request.POST.get("next", "")}, status=429)


def locked_usernames(usernames: list[str]) -> set[str]:
    """Which of ``usernames`` are locked out now from at least one address."""
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    rows = (AccessAttempt.objects.filter(username__in=usernames, attempt_time__gte=since)
            .values("username", "ip_address").annotate(failures=Sum("failures_since_start")))
    return {row["username"] for row in rows if row["failures"] >= settings.AXES_FAILURE_LIMIT}


def unlock(username: str) -> int:
    """Forget the failed sign-ins of ``username`` from every address; the number of records removed."""
    from axes.utils import reset

    return reset(username=username)
