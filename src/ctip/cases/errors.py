"""The one error type of the case store's services, and the 404-not-403 ``NotFound``.

Views and the API turn ``ApplicationError`` into a message (page) or a 400 JSON body
``{"message": ..., "extra": {...}}``; ``NotFound`` into a 404 whose text does not reveal whether
the case exists (a missing case and a forbidden one look the same).
"""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext


class ApplicationError(Exception):
    """A request the service refuses: ``message`` for people, ``extra`` for machines (field errors)."""

    def __init__(self, message: str, extra: dict | None = None):
        super().__init__(message)
        self.message = message
        self.extra = extra or {}


class PermissionRefused(ApplicationError):
    """The user may see the case but not do this to it (for example approve without being a supervisor)."""


class ConsentRequired(ApplicationError):
    """A referral or disclosure that needs a consent the person has not given (or has withdrawn)."""


class NotFound(Http404):
    """No such case *for this user*: raised identically for a missing and a forbidden case."""

    def __init__(self, what: str = "case"):
        super().__init__(gettext("Nothing found with that id."))
        self.what = what
