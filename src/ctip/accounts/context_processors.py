"""What every page needs to warn before a session ends (WCAG 2.2.1, timing adjustable): for idleness, and at
the absolute limit of 8 hours after signing in."""

from __future__ import annotations

import datetime as dt
import time

from django.conf import settings
from django.http import HttpRequest

from ctip.accounts.middleware import LAST_SEEN, SESSION_END_WARNING_SECONDS, SIGNED_IN_AT


def session_limits(request: HttpRequest) -> dict:
    """From the server's own clock and sign-in time, so that the page's warnings match what the server will do:
    the seconds left before the session ends for idleness and the whole idle allowance; when it ends in any case
    (``session_ends_at``), the seconds left until then, how long before it the notice shows, and whether it shows
    already (``session_end_due``, for a page without its script). Nothing when signed out."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and hasattr(request, "session")):
        return {}
    now = time.time()
    idle = settings.SESSION_IDLE_SECONDS
    last_seen = request.session.get(LAST_SEEN) or now
    ends = (request.session.get(SIGNED_IN_AT) or now) + settings.SESSION_COOKIE_AGE
    end_left = max(0, int(ends - now))
    return {
        "session_idle_seconds": idle, "session_idle_left": max(0, int(idle - (now - last_seen))),
        "session_ends_at": dt.datetime.fromtimestamp(ends, tz=dt.UTC), "session_end_left": end_left,
        "session_end_warning_seconds": SESSION_END_WARNING_SECONDS,
        "session_end_due": end_left <= SESSION_END_WARNING_SECONDS,
    }
