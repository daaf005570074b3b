"""The engine's suggestion in words a worker reads at a glance, in the page's language.

``headline`` gives e.g. "Actual victim, child, means not required"; the reasons are the engine's own
sentences, stored in both languages with the screening.
"""

from __future__ import annotations

from django.utils.translation import get_language
from django.utils.translation import gettext as _


def _status(code: str) -> str:
    return {
        "ActualVictimOfTrafficking": _("Actual victim"),
        "PossibleVictimOfTrafficking": _("Possible victim"),
        "NotAVictimOfTrafficking": _("Not a victim"),
    }.get(code, code)


def _age(suggestion: dict) -> str:
    if suggestion.get("child_presumed"):
        return _("presumed child")
    return _("child") if suggestion.get("child") else _("adult")


def _means(finding: str) -> str:
    return {
        "not_required": _("means not required"),
        "yes": _("means present"),
        "no": _("means absent"),
        "unknown": _("means not yet established"),
    }.get(finding, finding)


def headline(suggestion: dict) -> str:
    """One line: status, child or adult, and what the means element stands at."""
    means = (suggestion.get("elements") or {}).get("means", "unknown")
    return ", ".join([_status(suggestion.get("status", "")), _age(suggestion), _means(means)])


def reasons(suggestion: dict) -> list[str]:
    """The engine's reasons in the active language (English when that language is missing)."""
    stored = suggestion.get("reasons") or {}
    if isinstance(stored, list):  # a single-language list, as ``ctip screen`` prints it
        return stored
    lang = (get_language() or "en").split("-")[0]
    return list(stored.get(lang) or stored.get("en") or [])


def present(suggestion: dict) -> dict:
    """What the pages and the preview endpoint show of a suggestion."""
    return {"headline": headline(suggestion), "reasons": reasons(suggestion),
            "requires_review": bool(suggestion.get("requires_review")), "status": suggestion.get("status"),
            "elements": suggestion.get("elements") or {}}
