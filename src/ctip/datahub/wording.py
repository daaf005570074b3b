"""The importer's messages in the page's language.

The exchange core words every problem in English and keeps its ``code`` and ``params`` beside the text
(``ctip.exchange.messages``). The catalogue's English template is the ``gettext`` msgid, so English pages
show exactly what the CLI prints and Mongolian pages the wording in ``translations_mn.py``. Parameters
(values, column names, lists of codes) are inserted as they are; on pages they are marked
``translate="no"`` (verbatim data, see ``docs/translations.md``). A message without a known code, or
whose parameters do not fit its template (a report staged by an older version), keeps its English text.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.html import escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ctip.exchange.htcds import WITHHELD
from ctip.exchange.messages import CATALOGUE
from ctip.web import wording


def worded(code: str | None, params: Mapping[str, object] | None, english: str) -> SafeString:
    """The importer's message ``code`` with ``params`` in the active language, as HTML: the wording escaped,
    each parameter in ``<span translate="no">``; ``english`` (escaped) when it cannot be worded."""
    return wording.worded(CATALOGUE, code, params, english, html=True)


def problem_rows(errors: list[dict]) -> list[dict]:
    """The report's problems with ``text``, the expected value in the active language (never blank), as
    HTML for the page."""
    rows = []
    for error in errors:
        value = error.get("value")
        english = error.get("expected") or "—"
        rows.append({**error, "text": worded(error.get("code"), error.get("params"), english),
                     "value": _(WITHHELD) if value == WITHHELD else value})  # shown instead of a birthdate
    return rows


def note_texts(notes: list) -> list[SafeString]:
    """How the file was read, in the active language, as HTML (notes are ``{"code", "params", "text"}``)."""
    return [worded(n.get("code"), n.get("params"), n.get("text", "")) if isinstance(n, dict) else escape(n)
            for n in notes]
