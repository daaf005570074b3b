"""The Django project: settings, URLs, the shared page layout and the home page."""

from __future__ import annotations

import os


def setup() -> None:
    """Configure Django for use from the CLI or a notebook (idempotent)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ctip.web.settings")
    import django

    django.setup()
