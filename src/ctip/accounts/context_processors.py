"""What every page needs to warn before an idle session ends (WCAG 2.2.1, timing adjustable)."""

from __future__ import annotations

import time

from django.conf import settings
from django.http import HttpRequest

from ctip.accounts.middleware import LAST_SEEN


def session_limits(request: HttpRequest) -> dict:
    """Seconds this signed-in session has left before it ends for idleness (the server's own clock, so the
    page's warning matches what the server will do), and the whole idle allowance; nothing when signed out."""
    user = getattr(request, "user", None)
    if not (user and user.is_authenticated and hasattr(request, "session")):
        return {}
    idle = settings.SESSION_IDLE_SECONDS
    last_seen = request.session.get(LAST_SEEN) or time.time()
    return {"session_idle_seconds": idle, "session_idle_left": max(0, int(idle - (time.time() - last_seen)))}
