"""Two rules applied on every request of a signed-in person: sessions end when idle or too old (or when the
person's organisation has been deactivated, or their temporary password has expired), and a session with a
sign-in step left (its code, its own password, enrolment: ``signin_steps``) opens only the page of that step.

A shelter's computer is shared: a session left open must not stay usable. It ends after
``CTIP_SESSION_IDLE_MINUTES`` without a request (default 30; counted to the minute) and 8 hours after sign-in
whatever the activity (``SESSION_COOKIE_AGE``); every page warns ``SESSION_END_WARNING_SECONDS`` before that
absolute end (``context_processors``). The person lands on the sign-in page with a message saying why, and comes
back to the page they were on.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from ctip.accounts import passwords, signin_steps
from ctip.accounts.signin_audit import LOGOUT_REASON

SIGNED_IN_AT = "ctip_signed_in_at"
LAST_SEEN = "ctip_last_seen"
_REFRESH_SECONDS = 60  # write the last-seen time at most once a minute (one session write, not one a request)
SESSION_END_WARNING_SECONDS = 10 * 60  # the notice before the 8 hours are over: time to save what one is typing


def _return_path(request: HttpRequest) -> str:
    """Where to come back to: this page for a GET, the page the form was on otherwise."""
    if request.method == "GET":
        return request.get_full_path()
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()},
                                                   require_https=request.is_secure()):
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return "/"


def _is_api_call(request: HttpRequest) -> bool:
    return "/api/" in request.path or request.headers.get("Accept", "").startswith("application/json")


class SessionLimitsMiddleware:
    """End a signed-in session that has been idle too long, is older than the absolute limit, or belongs to an
    account of a deactivated organisation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            ended = self._check(request)
            if ended is not None:
                return ended
        return self.get_response(request)

    def _check(self, request: HttpRequest) -> HttpResponse | None:
        now = time.time()
        session = request.session
        signed_in, last_seen = session.get(SIGNED_IN_AT), session.get(LAST_SEEN)
        if not request.user.may_sign_in:  # an administrator deactivated the account's organisation
            return self._end(request, "organisation deactivated", _(
                "Your session ended: your organisation's access to ctip has been deactivated. Ask a system "
                "administrator if you think this is a mistake."))
        if passwords.temporary_expired(request.user):
            return self._end(request, "temporary password expired", _(
                "Your session ended: the temporary password you signed in with has expired before you chose your "
                "own. Ask your administrator for a new one."))
        if signed_in is None:  # a session opened before these limits existed: count from now
            session[SIGNED_IN_AT] = signed_in = now
        if now - signed_in > settings.SESSION_COOKIE_AGE:
            return self._end(request, "expired", _("Your session ended: 8 hours have passed since you signed in. "
                                                   "Please sign in again."))
        if last_seen is not None and now - last_seen > settings.SESSION_IDLE_SECONDS:
            minutes = settings.SESSION_IDLE_SECONDS // 60
            return self._end(request, "idle", _("Your session ended after %(minutes)d minutes without activity, so "
                                                "that nobody else can use it on this computer. Please sign in "
                                                "again.") % {"minutes": minutes})
        if last_seen is None or now - last_seen >= _REFRESH_SECONDS:
            session[LAST_SEEN] = now
        return None

    def _end(self, request: HttpRequest, reason: str, message: str) -> HttpResponse | None:
        back = _return_path(request)
        setattr(request, LOGOUT_REASON, reason)
        logout(request)
        if _is_api_call(request):
            return None  # the API answers an anonymous caller itself (401)
        messages.warning(request, message)
        return redirect_to_login(back)


def start_session_clock(sender, request, user, **kwargs) -> None:
    """``user_logged_in`` receiver: the 8 hours and the idle time count from this sign-in."""
    if request is not None and hasattr(request, "session"):
        request.session[SIGNED_IN_AT] = request.session[LAST_SEEN] = time.time()


class SignInStepsMiddleware:
    """Send a person who gave only their password to the page of their next sign-in step (``signin_steps``):
    the code page (enrolled), the password page (a temporary password), the enrolment page
    (``CTIP_TWO_FACTOR=required``, not enrolled yet); nothing else opens until then."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view, args, kwargs) -> HttpResponse | None:
        step = signin_steps.pending_step(request.user)
        if step is None:
            return None
        view_name = request.resolver_match.view_name if request.resolver_match is not None else None
        if signin_steps.may_open(step, view_name):
            return None
        return redirect(f"{reverse(step)}?{urlencode({'next': _return_path(request)})}")
