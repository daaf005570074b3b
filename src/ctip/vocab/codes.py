"""Schemes, codes and their English and Mongolian labels."""

from __future__ import annotations

import sys
from typing import Any

from ctip.vocab.model import LANGUAGES, Scheme, UnknownCode
from ctip.vocab.registry import registry as _registry


def schemes() -> list[str]:
    """Names of every scheme, sorted."""
    return sorted(_registry().schemes)


def scheme(name: str) -> Scheme:
    """The scheme called ``name``; ``KeyError`` naming the known schemes if there is none."""
    try:
        return _registry().schemes[name]
    except KeyError:
        raise KeyError(f"unknown vocabulary scheme {name!r}; known schemes: {', '.join(schemes())}") from None


def codes(scheme_name: str) -> list[str]:
    """The scheme's codes in the order its source gives them."""
    return list(scheme(scheme_name).codes)


def _lang(lang: str | None) -> str:
    base = (lang or "en").split("-")[0].split("_")[0].lower()
    return base if base in LANGUAGES else "en"


def label(scheme_name: str, code: str, lang: str = "en") -> str:
    """The code's label in ``lang`` (``en`` or ``mn``; other languages get English)."""
    labels = scheme(scheme_name).codes.get(code)
    if labels is None:
        raise UnknownCode(scheme_name, code, codes(scheme_name))
    return labels.get(_lang(lang)) or labels["en"]


def title(scheme_name: str, lang: str = "en") -> str:
    """The scheme's own name in ``lang``."""
    titles = scheme(scheme_name).title
    return titles.get(_lang(lang)) or titles["en"]


def _active_language() -> str:
    """Django's active language when Django is loaded (forms and pages), else English."""
    if "django" in sys.modules:
        from django.utils import translation

        return _lang(translation.get_language())
    return "en"


def choices(scheme_name: str) -> list[tuple[str, Any]]:
    """``(code, label)`` pairs for Django forms and model fields.

    The labels are lazy: each renders in the language active when it is displayed. Django's
    ``lazy`` is imported only here, so the module itself stays free of Django.
    """
    from django.utils.functional import lazy

    def _label(code: str) -> str:
        return label(scheme_name, code, _active_language())

    lazy_label = lazy(_label, str)
    return [(code, lazy_label(code)) for code in codes(scheme_name)]


def is_valid(scheme_name: str, code: object) -> bool:
    """Whether ``code`` is one of the scheme's codes (exact spelling)."""
    return isinstance(code, str) and code in scheme(scheme_name).codes


def validate(scheme_name: str, code: object, field: str | None = None) -> str:
    """Return ``code`` if valid, else raise :class:`UnknownCode` naming ``field`` and the valid codes."""
    if not is_valid(scheme_name, code):
        raise UnknownCode(scheme_name, code, codes(scheme_name), field)
    return code  # type: ignore[return-value]
