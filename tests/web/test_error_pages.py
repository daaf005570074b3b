"""The error pages Django renders without a browser round trip speak the reader's language."""

from __future__ import annotations

import re

from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.web.mongolian import Audit


def _visible_text(html: str) -> list[str]:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return [t.strip() for t in re.split(r"<[^>]+>", html) if t.strip()]


def test_server_error_page_in_mongolian():
    with translation.override("mn"):
        response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500 and '<html lang="mn">' in page
    assert "Алдаа гарлаа" in page
    audit = Audit(data=[], names=frozenset())
    assert [t for t in _visible_text(page) if audit.english_words(t)] == []


def test_server_error_page_in_english():
    with translation.override("en"):
        page = server_error(RequestFactory().get("/")).content.decode()
    assert "Something went wrong" in page and '<html lang="en">' in page
