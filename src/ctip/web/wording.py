"""Messages kept as a code and parameters, worded in the page's language.

The pure cores word a message in English and keep its ``code`` and ``params`` beside the text (the
importer's problems, a release's review notes). Their catalogue maps each code to its English template,
which is also the ``gettext`` msgid, so English pages show what the CLI prints and Mongolian pages the
app's translation. A message whose code is unknown, or whose parameters do not fit the template (written
by another version of ctip), keeps its English text.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def worded(catalogue: Mapping[str, str], code: str | None, params: Mapping[str, object] | None, english: str,
           *, html: bool = False) -> str | SafeString:
    """The message ``code`` of ``catalogue`` with ``params`` in the active language, else ``english``.

    ``html=True`` returns HTML: the wording escaped and each parameter (verbatim data) in
    ``<span translate="no">`` (see ``docs/translations.md``)."""
    template = catalogue.get(code or "")
    if template is None or not isinstance(params, Mapping):
        return escape(english) if html else english
    try:
        if not html:
            return _(template) % params
        marked = {name: format_html('<span translate="no">{}</span>', value) for name, value in params.items()}
        return mark_safe(escape(_(template)) % marked)  # the template and every parameter are escaped
    except (KeyError, TypeError, ValueError):
        return escape(english) if html else english
