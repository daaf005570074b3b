"""Labels for the codes the indicators report, in English or Mongolian, from ``ctip.vocab``."""

from __future__ import annotations

from ctip import vocab

COUNTRY_SCHEME = "iso3166.alpha3"


def label(scheme: str | None, code: str, lang: str = "en") -> str:
    """The label of ``code`` in ``scheme``; the code itself when the scheme has no label for it."""
    if scheme is None:
        return code
    try:
        if scheme == COUNTRY_SCHEME:
            return vocab.country_name(code, lang=lang)
        return vocab.label(scheme, code, lang=lang)
    except (LookupError, ValueError):
        return code
