"""Model-field validators that check codes against ``ctip.vocab`` when a record is cleaned.

Codes are not baked into the schema as ``choices``: the vocabulary is the single source of truth and
can grow without a migration. ``full_clean()`` (every service calls it) raises a field error naming
the unknown code and the valid ones, in the request's language (pages and the JSON API alike); codes
stay codes.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _


def _check(scheme: str, code: str) -> None:
    from ctip import vocab

    if vocab.is_valid(scheme, code):
        return
    if scheme == "iso3166.alpha3":
        raise ValidationError(_("unknown country code %(code)s; expected an ISO 3166-1 alpha-3 code such as MNG"),
                              code="unknown_country", params={"code": repr(code)})
    raise ValidationError(_("unknown code %(code)s; expected one of: %(codes)s"), code="unknown_code",
                          params={"code": repr(code), "codes": ", ".join(vocab.codes(scheme))})


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
            raise ValidationError(_("expected a list of %(scheme)s codes, got %(type)s"), code="not_a_list",
                                  params={"scheme": self.scheme, "type": type(value).__name__})
        if len(set(value)) != len(value):
            raise ValidationError(_("a code is listed twice"), code="duplicate_code")
        for code in value:
            _check(self.scheme, code)

    def __eq__(self, other) -> bool:
        return isinstance(other, VocabCodes) and other.scheme == self.scheme
