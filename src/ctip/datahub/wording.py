"""The importer's messages, and the names of contributors, in the page's language.

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

from ctip.cases.extract import CONTRIBUTOR as CASE_STORE
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


def contributor_label(contributor: str) -> str:
    """Partners are named as they imported their files; the platform's own case store (its extract's
    internal contributor code) gets a name in the reader's language."""
    return _("This platform's case store") if contributor == CASE_STORE else contributor


def batch_row(batch) -> dict:
    """A batch as the batch list shows it: the case store's extract named in the reader's language
    (``own``), a partner's contributor and file name verbatim."""
    own = batch.contributor == CASE_STORE
    return {"batch": batch, "own": own, "contributor": contributor_label(batch.contributor),
            "source": _("De-identified extract of the case store") if own else batch.source_name}
