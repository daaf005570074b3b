"""Reading the account pages as a user does: a logged-in client, the page's text, a field's error."""

from __future__ import annotations

import re

from django.test import Client


def as_user(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def text(response) -> str:
    """The page's words, tags removed and spaces collapsed."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def field_error(response, field: str) -> str:
    """The error shown under a form field (empty when none)."""
    found = re.search(rf'id="id_{field}_error">([^<]*)<', response.content.decode())
    return found.group(1) if found else ""
