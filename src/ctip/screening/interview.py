"""What a screening interview found: the person's age and the Palermo elements observed.

Consent is deliberately not a field: under Palermo Protocol Art. 3 (b) and (c) it is irrelevant once a
means was used, and irrelevant for a child, so the engine never asks for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ctip import vocab

# Interview list key -> the vocabulary scheme of its codes.
CODE_FIELDS: dict[str, str] = {
    "acts": "palermo.act",
    "means": "palermo.means",
    "purposes": "htcds.vic_TypeOfExploitation",
    "indicators": "htcds.vic_MethodsOfControl",
    "absent": "palermo.element",
}
# Which lists give evidence of each element (indicators are evidence of means).
EVIDENCE: dict[str, tuple[str, ...]] = {"act": ("acts",), "means": ("means", "indicators"), "purpose": ("purposes",)}
PERSON_KEYS = ("age", "age_estimated", "appears_to_be_child")
INTERVIEW_KEYS = ("person", *CODE_FIELDS)


class InvalidInterview(ValueError):
    """The interview is malformed; ``field`` names the offending key (``person.age``, ``means[2]``)."""

    def __init__(self, field: str, problem: str):
        self.field = field
        super().__init__(f"{field}: {problem}")


@dataclass(frozen=True)
class Person:
    """Age as documented or estimated, and whether the person appears to be a child."""

    age: int | None = None
    age_estimated: bool = False
    appears_to_be_child: bool = False

    def __post_init__(self) -> None:
        if self.age is not None and (isinstance(self.age, bool) or not isinstance(self.age, int)):
            raise InvalidInterview("person.age", f"expected a whole number of years or null, got {self.age!r}")
        if self.age is not None and self.age < 0:
            raise InvalidInterview("person.age", f"expected a non-negative whole number of years, got {self.age}")
        for name in ("age_estimated", "appears_to_be_child"):
            if not isinstance(getattr(self, name), bool):
                raise InvalidInterview(f"person.{name}", f"expected true or false, got {getattr(self, name)!r}")

    @classmethod
    def from_dict(cls, data: Any) -> Person:
        """A person from decoded JSON; ``InvalidInterview`` names the offending key."""
        if not isinstance(data, Mapping):
            raise InvalidInterview("person", f"expected an object with keys {', '.join(PERSON_KEYS)}, got {data!r}")
        _reject_unknown_keys(data, PERSON_KEYS, prefix="person.")
        return cls(**{k: data[k] for k in PERSON_KEYS if k in data})


@dataclass(frozen=True)
class Interview:
    """The findings of one screening interview, as codes. Lists keep their order, without repeats."""

    person: Person = field(default_factory=Person)
    acts: tuple[str, ...] = ()
    means: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()
    absent: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.person, Person):
            raise InvalidInterview("person", f"expected a Person, got {self.person!r}")
        for name, scheme in CODE_FIELDS.items():
            object.__setattr__(self, name, _codes(name, scheme, getattr(self, name)))
        for element, sources in EVIDENCE.items():
            given = [s for s in sources if getattr(self, s)]
            if element in self.absent and given:
                raise InvalidInterview(
                    "absent", f"'{element}' is listed as absent but '{given[0]}' gives evidence of it; "
                              f"remove one of them")

    @classmethod
    def from_dict(cls, data: Any) -> Interview:
        """Build an interview from decoded JSON, rejecting unknown keys, wrong types and unknown codes.

        >>> Interview.from_dict({"acts": ["recruitment"], "purposes": ["ForcedLabour"]}).acts
        ('recruitment',)
        """
        if not isinstance(data, Mapping):
            raise InvalidInterview("interview", f"expected a JSON object with keys {', '.join(INTERVIEW_KEYS)}")
        _reject_unknown_keys(data, INTERVIEW_KEYS)
        person = Person.from_dict(data["person"]) if data.get("person") is not None else Person()
        return cls(person=person, **{k: data[k] for k in CODE_FIELDS if data.get(k) is not None})


CONSENT_HINT = (" (consent is never an input: it is irrelevant once a means was used, and for a child; Palermo "
                "Protocol Art. 3 (b), (c))")


def _reject_unknown_keys(data: Mapping, allowed: Iterable[str], prefix: str = "") -> None:
    for key in data:
        if key not in allowed:
            hint = CONSENT_HINT if str(key).lower().startswith("consent") else ""
            raise InvalidInterview(f"{prefix}{key}", f"unknown key{hint}; expected one of: {', '.join(allowed)}")


def _codes(name: str, scheme: str, values: Any) -> tuple[str, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidInterview(name, f"expected a list of codes, got {values!r}")
    out: list[str] = []
    for i, code in enumerate(values):
        if not vocab.is_valid(scheme, code):
            raise InvalidInterview(f"{name}[{i}]", f"unknown code {code!r}; expected one of: "
                                                   f"{', '.join(vocab.codes(scheme))}")
        if code not in out:
            out.append(code)
    return tuple(out)
