"""Model-field validators that check codes against ``ctip.vocab`` when a record is cleaned.

Codes are not baked into the schema as ``choices``: the vocabulary is the single source of truth and
can grow without a migration. ``full_clean()`` (every service calls it) raises a field error naming
the unknown code and the valid ones.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible


def _check(scheme: str, code: str) -> None:
    from ctip import vocab

    if scheme == "iso3166.alpha3" and not vocab.is_valid(scheme, code):
        raise ValidationError(f"unknown country code {code!r}; expected an ISO 3166-1 alpha-3 code such as MNG")
    try:
        vocab.validate(scheme, code)
    except ValueError as exc:
        raise ValidationError(str(exc)) from None


@deconstructible
class VocabCode:
    """The value must be a code of ``scheme``."""

    def __init__(self, scheme: str):
        self.scheme = scheme

    def __call__(self, value) -> None:
        if value not in (None, ""):
            _check(self.scheme, value)

    def __eq__(self, other) -> bool:
        return isinstance(other, VocabCode) and other.scheme == self.scheme


@deconstructible
class VocabCodes:
    """The value must be a list of distinct codes of ``scheme``."""

    def __init__(self, scheme: str):
        self.scheme = scheme

    def __call__(self, value) -> None:
        if value in (None, ""):
            return
        if not isinstance(value, list):
            raise ValidationError(f"expected a list of {self.scheme} codes, got {type(value).__name__}")
        if len(set(value)) != len(value):
            raise ValidationError("a code is listed twice")
        for code in value:
            _check(self.scheme, code)

    def __eq__(self, other) -> bool:
        return isinstance(other, VocabCodes) and other.scheme == self.scheme
