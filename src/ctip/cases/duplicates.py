"""Is the person being registered already known to the organisation? Exact matches through the blind indexes.

Before a registration is saved, the person's details are compared with the people who have a case owned by
the user's organisation (never another organisation's: a registration form must not become a way to learn
whom another organisation assists). A person matches when any of these is the same:

- the identity document number;
- a phone number (the mobile or home phone given against either stored phone) or the e-mail address;
- the name (first and second) *and* the birth date; when either side has only an age, the name and an
  age within one year of each other on the date of registration (an estimated age is rarely exact).

A name alone never matches: common names would flood the worker with strangers. The comparison is exact
after normalisation (case, spacing and width of letters do not matter; phones compare their digits, a
Mongolian number with or without +976):
blind indexes are keyed hashes, so a name spelt differently, a typing error or a new phone number is
not found. The birth date has no blind index; it is compared after decryption, only for the few people
whose name matched.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ctip.cases import crypto, selectors
from ctip.cases.models import Case, CaseStatus, Module, Person

MAX_MATCHES = 10
NAME_CANDIDATES = 200  # people sharing a name whose birth date or age is compared
AGE_TOLERANCE = 1


class MatchReason(models.TextChoices):
    """Why a person was shown as a possible match, strongest first."""

    IDENTITY_NUMBER = "identity_number", _("identity number")
    EMAIL = "email", _("e-mail")
    PHONE = "phone", _("phone")
    NAME_AND_BIRTH_DATE = "name_and_birth_date", _("name and birth date")
    NAME_AND_AGE = "name_and_age", _("name and age (within a year)")


STRENGTH = {reason: rank for rank, reason in enumerate(MatchReason.values)}


@dataclass(frozen=True)
class MatchedCase:
    """A case of a matched person, as the user may see it: the id only when they may open the case."""

    public_id: str | None
    status: str  # HTCDS cas_Status code
    module: str
    registered_on: dt.date
    closed_on: dt.date | None

    @property
    def status_label(self) -> str:
        return str(CaseStatus(self.status).label)

    @property
    def module_label(self) -> str:
        return str(Module(self.module).label)


@dataclass(frozen=True)
class PossibleMatch:
    """A person of the organisation whose recorded details equal those being registered."""

    person_id: int
    reasons: tuple[str, ...]
    cases: tuple[MatchedCase, ...]

    @property
    def reason_labels(self) -> list[str]:
        return [str(MatchReason(r).label) for r in self.reasons]


def organisation_people(organisation_id: int):
    """People with at least one case owned by the organisation that is not anonymised."""
    live = Case.objects.filter(person=OuterRef("pk"), organisation_id=organisation_id, anonymised_at__isnull=True)
    return Person.objects.filter(Exists(live))


def _any_of(kind: str, value, columns: list[str]) -> Q | None:
    digests = crypto.blind_indexes(value or None, kind)
    if not digests:
        return None
    q = Q()
    for column in columns:
        q |= Q(**{f"{column}__in": digests})
    return q


def _identifier_reasons(people, fields: dict) -> dict[int, set[str]]:
    """People whose identity number, phone or e-mail equals one given."""
    found: dict[int, set[str]] = {}
    phones = ["mobile_phone_bidx", "home_phone_bidx"]
    checks = [(MatchReason.IDENTITY_NUMBER, _any_of("identity", fields.get("identity_number"), ["identity_number_bidx"])),
              (MatchReason.EMAIL, _any_of("email", fields.get("email"), ["email_bidx"])),
              (MatchReason.PHONE, _any_of("phone", fields.get("mobile_phone"), phones)),
              (MatchReason.PHONE, _any_of("phone", fields.get("home_phone"), phones))]
    for reason, q in checks:
        if q is None:
            continue
        for pk in people.filter(q).values_list("pk", flat=True)[:MAX_MATCHES * 5]:
            found.setdefault(pk, set()).add(reason)
    return found


def _given_age(fields: dict, day: dt.date) -> int | None:
    birth = fields.get("birth_date")
    if birth:
        return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))
    return fields.get("age_years")


def _name_reasons(people, fields: dict, day: dt.date) -> dict[int, set[str]]:
    """People with the same name whose birth date is the same, or whose age is within a year."""
    name = " ".join(p for p in (fields.get("first_name"), fields.get("last_name")) if p)
    q = _any_of("name", name, ["full_name_bidx"])
    given_age = _given_age(fields, day)
    if q is None or given_age is None:
        return {}
    found: dict[int, set[str]] = {}
    for person in people.filter(q)[:NAME_CANDIDATES]:
        if fields.get("birth_date") and person.birth_date:
            if person.birth_date == fields["birth_date"]:
                found[person.pk] = {MatchReason.NAME_AND_BIRTH_DATE}
            continue  # two birth dates that differ: not the same person, whatever the ages
        age = person.age_at(day)
        if age is not None and abs(age - given_age) <= AGE_TOLERANCE:
            found[person.pk] = {MatchReason.NAME_AND_AGE}
    return found


def _cases_of(user, organisation_id: int, person_ids: list[int]) -> dict[int, list[MatchedCase]]:
    """The organisation's live cases of these people, newest first; ids only of the cases ``user`` may open."""
    cases = list(Case.objects.filter(person_id__in=person_ids, organisation_id=organisation_id,
                                     anonymised_at__isnull=True).order_by("-registered_on", "-id"))
    q = selectors.visible_cases_q(user)
    visible = set(Case.objects.filter(q, pk__in=[c.pk for c in cases]).values_list("pk", flat=True)) if q else set()
    out: dict[int, list[MatchedCase]] = {}
    for case in cases:
        out.setdefault(case.person_id, []).append(MatchedCase(
            public_id=case.public_id if case.pk in visible else None, status=case.status,
            module=case.module, registered_on=case.registered_on,
            closed_on=case.closed_on))
    return out


def possible_matches(user, fields: dict, *, registered_on: dt.date | None = None) -> list[PossibleMatch]:
    """People of ``user``'s organisation who may be the person described by ``fields`` (``Person`` fields as
    given to ``services.case_create``), strongest match first, at most ``MAX_MATCHES``. Nothing is written.

    >>> possible_matches(worker, {"first_name": "Saraa", "identity_number": "УБ98031412"})  # doctest: +SKIP
    """
    if user.organisation_id is None:
        return []
    day = registered_on or timezone.localdate()
    people = organisation_people(user.organisation_id)
    reasons = _identifier_reasons(people, fields)
    for pk, found in _name_reasons(people, fields, day).items():
        reasons.setdefault(pk, set()).update(found)
    ranked = sorted(reasons, key=lambda pk: (min(STRENGTH[r] for r in reasons[pk]), -pk))[:MAX_MATCHES]
    cases = _cases_of(user, user.organisation_id, ranked)
    return [PossibleMatch(pk, tuple(sorted(reasons[pk], key=STRENGTH.__getitem__)), tuple(cases.get(pk, ())))
            for pk in ranked]


def matches_of_person(user, person: Person) -> list[PossibleMatch]:
    """Other person records of ``user``'s organisation that match ``person`` exactly (registered twice before
    the check existed, or by another route): for the subject access report, so nothing held is missed."""
    fields = {name: getattr(person, name) for name in ("first_name", "last_name", "birth_date", "identity_number",
                                                       "mobile_phone", "home_phone", "email")}
    fields["age_years"] = person.age_at(timezone.localdate())
    return [m for m in possible_matches(user, fields) if m.person_id != person.pk]
