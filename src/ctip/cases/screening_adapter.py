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


def person_facts(person, on=None) -> dict:
    """The engine's ``person`` input from a case-store person (age, whether estimated, appearance), as of
    ``on`` (a case's registration date; default the person's own registration).

    ``appears_to_be_child`` is the engine's "there are reasons to believe the person is a child". The
    case store counts an estimated age under 18 as such a reason (``Person.is_child``, docs/data-model.md),
    so the engine gets it too: otherwise a person the case page shows as a presumed child, whose case
    opened as a child's, would be screened as an adult who needs means. For a person who returns years
    later (a second case), the age is the age then, and an appearance noted at the first registration no
    longer counts: only a still-estimated age under 18 does.
    """
    day = on or person.registered_on
    age = person.age_at(day)
    if age is not None and person.age_years is not None and age != person.age_years:
        appears = person.is_child_on(day) and person.age_estimated
    else:
        appears = person.appears_to_be_child or person.child_presumed
    return {"age": age, "age_estimated": bool(person.age_estimated), "appears_to_be_child": bool(appears)}


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
