"""The language of the messages ``ctip`` prints: English, or Mongolian where a catalogue words them.

``CTIP_LANGUAGE`` chooses (``mn`` or ``en``); without it the first of ``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES`` and ``LANG`` that is set does, as with GNU gettext (``mn_MN.UTF-8`` is Mongolian). Only
messages that come from the catalogues the pages use are translated: import problems
(``ctip.exchange.messages``), release refusals, OSINT intake problems. Argument help, tables and
progress stay English (docs/operations.md). Mongolian needs Django's translation machinery, so it is
set up only when Mongolian is asked for; English output never loads Django.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

_SOURCES = ("CTIP_LANGUAGE", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_active = "en"


def requested(environ: Mapping[str, str] | None = None) -> str:
    """``"mn"`` when the environment asks for Mongolian, else ``"en"``."""
    environ = os.environ if environ is None else environ
    for name in _SOURCES:
        value = (environ.get(name) or "").strip()
        if value:
            first = value.split(":")[0].lower()  # LANGUAGE may list several: mn:en
            return "mn" if first.startswith("mn") else "en"
    return "en"


def activate(environ: Mapping[str, str] | None = None) -> str:
    """Switch the messages of this process to the requested language; returns it."""
    global _active
    _active = requested(environ)
    if _active == "mn":
        from django.utils import translation

        from ctip.web import setup

        setup()
        translation.activate("mn")
    return _active


def reset() -> None:
    """Back to English (after a command, so that ``main`` called again in one process starts afresh)."""
    global _active
    if _active == "mn":
        from django.utils import translation

        translation.deactivate()
    _active = "en"


def active() -> str:
    """The language activated for this run (``"en"`` until ``activate``)."""
    return _active


def say(english: str, msgid: str | None = None, params: Mapping[str, object] | None = None) -> str:
    """``english`` as is, or in Mongolian the catalogue's translation of ``msgid`` filled with ``params``."""
    if _active != "mn" or msgid is None:
        return english
    from django.utils.translation import gettext

    try:
        return gettext(msgid) % dict(params or {})
    except (KeyError, TypeError, ValueError):
        return english


def worded(catalogue: Mapping[str, str], code: str | None, params: Mapping[str, object] | None,
           english: str) -> str:
    """A catalogued message (``code`` and ``params``) in the active language; ``english`` when it has no
    wording (English, or an unknown code)."""
    if _active != "mn":
        return english
    from ctip.web import wording

    return wording.worded(catalogue, code, params, english)
