"""Calls the Palermo screening engine (``ctip.screening``) and keeps its answer as plain JSON.

The stored suggestion has the keys of ``ctip screen``'s output (``status``, ``child``,
``child_presumed``, ``elements``, ``requires_review``) and ``reasons`` in both languages
(``{"en": [...], "mn": [...]}``), so a page can show it in the reader's language years later, exactly
as the engine produced it then.
"""

from __future__ import annotations

from ctip import screening


class InvalidInterview(ValueError):
    """The interview document is not valid engine input (the message names the field and valid codes)."""


def person_facts(person) -> dict:
    """The engine's ``person`` input from a case-store person (age, whether estimated, appearance).

    ``appears_to_be_child`` is the engine's "there are reasons to believe the person is a child". The
    case store counts an estimated age under 18 as such a reason (``Person.is_child``, docs/data-model.md),
    so the engine gets it too: otherwise a person the case page shows as a presumed child, whose case
    opened as a child's, would be screened as an adult who needs means.
    """
    return {"age": person.age_years, "age_estimated": bool(person.age_estimated),
            "appears_to_be_child": bool(person.appears_to_be_child or person.child_presumed)}


def assess(interview: dict) -> dict:
    """The engine's suggestion for ``interview`` as a JSON-ready dict (raises ``InvalidInterview``)."""
    try:
        parsed = screening.Interview.from_dict(interview)
    except screening.InvalidInterview as exc:
        raise InvalidInterview(str(exc)) from exc
    suggestion = screening.assess(parsed)
    result = suggestion.to_dict("en")
    result["reasons"] = {lang: list(suggestion.reasons(lang)) for lang in ("en", "mn")}
    return result


def engine_version() -> str:
    return screening.ENGINE_VERSION
