"""Merging two person records that are the same person (registered twice before the possible-match check
existed, or registered "as a different person" by mistake).

A supervisor of the organisation picks the record to keep and the other one (each by one of its cases), sees
both side by side and chooses, for each detail that differs, which value to keep. Every case of the other
person then belongs to the kept person; the other person record is erased (its encrypted values and blind
indexes overwritten, as anonymisation erases a person) and deleted. One ``person.merge`` audit event per
affected case names the fields taken from the other record, never a value. It cannot be undone.

Only when both people's cases all belong to the supervisor's organisation: a person known to another
organisation too would otherwise have their record changed by an organisation that does not hold all of it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ctip.accounts.permissions import user_can
from ctip.cases import audit, selectors
from ctip.cases.errors import ApplicationError, NotFound, PermissionRefused
from ctip.cases.fields import encrypted_fields
from ctip.cases.models import Case, Person
from ctip.cases.models.people import BLIND_INDEXED
from ctip.cases.services import _apply_age, _clean
from ctip.cases.templatetags.case_tags import code_label, country

KEEP, MERGE = "keep", "merge"
# The details compared, in the order the case page shows them. The age is one choice: the age recorded,
# whether it is estimated or presumed, and the registration date it was recorded on go together.
AGE = "age"
AGE_FIELDS = ("age_years", "age_estimated", "appears_to_be_child", "registered_on")
MERGE_FIELDS = ("first_name", "middle_name", "last_name", "birth_date", AGE, "gender", "citizenship",
                "identity_number", "mobile_phone", "home_phone", "email", "mailing_street", "mailing_city",
                "mailing_state", "mailing_postal_code", "mailing_country")


class MergeReason(models.TextChoices):
    """Why two records are one person. A code: it is written to the audit log in clear."""

    REGISTERED_TWICE = "registered_twice", _lazy("Registered twice before the possible-match check")
    DECLINED_BY_MISTAKE = "declined_by_mistake", _lazy("Registered as a different person by mistake")
    IDENTITY_CONFIRMED = "identity_confirmed", _lazy("The person confirmed both records are theirs")


@dataclass(frozen=True)
class Detail:
    """One detail of the two records, as the case page shows it."""

    field: str
    label: str
    keep: str
    other: str

    @property
    def differs(self) -> bool:
        return self.keep != self.other


def detail_label(field: str) -> str:
    """A compared detail as the case page names it (also for the history page's reading of ``fields_taken``)."""
    if field == AGE:
        return _("Age at registration")
    return str(Person._meta.get_field(field).verbose_name).capitalize()


def _show(person: Person, field: str) -> str:
    """The value as the case page shows it ("" when none)."""
    if field == AGE:
        if person.age_years is None:
            return _("Appears to be a child") if person.appears_to_be_child else ""
        age = str(person.age_years) + (f" ({_('estimated')})" if person.age_estimated else "")
        return f"{age}, {person.registered_on:%Y-%m-%d}"
    value = getattr(person, field)
    if value in (None, ""):
        return ""
    if field == "birth_date":
        return f"{value:%Y-%m-%d}"
    if field == "gender":
        return code_label(value, "htcds.prs_Gender")
    if field in ("citizenship", "mailing_country"):
        return country(value)
    return str(value)


def compare(keep: Person, other: Person) -> list[Detail]:
    """The details of both records, side by side (for the confirmation page)."""
    return [Detail(f, detail_label(f), _show(keep, f), _show(other, f)) for f in MERGE_FIELDS]


def default_choice(detail: Detail) -> str:
    """The kept record's value, unless it has none and the other has one."""
    return MERGE if not detail.keep and detail.other else KEEP


# ---- checks --------------------------------------------------------------------------------------

def check_mergeable(actor, keep: Case, merge: Case) -> None:
    """Refuse (``NotFound``, ``PermissionRefused`` or ``ApplicationError`` saying why) unless ``actor`` is a
    supervisor of the organisation that owns every case of both people, working on both cases as their owner."""
    for case in (keep, merge):
        access = selectors.case_access_for(actor, case)
        if access is None:
            raise NotFound()
        if not (access.can_edit and user_can(actor, "cases.approve") and case.organisation_id == actor.organisation_id):
            raise PermissionRefused(_("Only a supervisor of the organisation that owns both records can merge them."))
    if keep.person_id == merge.person_id:
        return
    if keep.is_anonymised or merge.is_anonymised:
        raise ApplicationError(_("An anonymised case cannot be merged: its person's details were erased."))
    elsewhere = Case.objects.filter(person_id__in=[keep.person_id, merge.person_id]).exclude(
        organisation_id=actor.organisation_id).count()
    if elsewhere:
        raise PermissionRefused(
            _("These records cannot be merged: %(count)s of their cases belong to another organisation (after a "
              "transfer, for example). Only records whose cases all belong to your organisation can be merged.")
            % {"count": elsewhere}, extra={"other_organisation_cases": elsewhere})


# ---- the merge -----------------------------------------------------------------------------------

@transaction.atomic
def person_merge(*, actor, keep: Case, merge: Case, choices: dict[str, str], reason: str) -> Person:
    """Make ``merge``'s person and ``keep``'s person one: ``keep``'s person stays, with the other's value of each
    field whose ``choices`` entry is ``"merge"`` (``MERGE_FIELDS``; unnamed fields keep the kept value, or take
    the other's when the kept record has none), every case of the other person moves to it, and the other
    person record is erased and deleted. ``reason`` is a ``MergeReason`` code. Irreversible; posting it again
    once done changes nothing (the two cases already share one person)."""
    if reason not in MergeReason.values:
        raise ApplicationError(_("Choose the reason for merging the records."),
                               extra={"fields": {"reason": [_("Choose one of the reasons.")]}})
    unknown = sorted(set(choices) - set(MERGE_FIELDS)) + sorted(f for f, c in choices.items() if c not in (KEEP, MERGE))
    if unknown:
        raise ApplicationError(_("Unknown fields: %(names)s") % {"names": ", ".join(unknown)})
    cases = {c.pk: c for c in Case.objects.select_for_update().filter(pk__in=[keep.pk, merge.pk])}
    keep, merge = cases[keep.pk], cases[merge.pk]
    check_mergeable(actor, keep, merge)
    if keep.person_id == merge.person_id:
        return keep.person  # already merged (a second post of the same form)
    people = {p.pk: p for p in Person.objects.select_for_update().filter(pk__in=[keep.person_id, merge.person_id])
              .order_by("pk")}
    person, other = people[keep.person_id], people[merge.person_id]
    taken = _take(person, other, choices)
    moved = list(Case.objects.filter(person=other).order_by("pk"))
    kept = list(Case.objects.filter(person=person).order_by("pk"))
    Case.objects.filter(person=other).update(person=person)
    _erase(other)
    for case in kept + moved:
        audit.record(actor=actor, action="person.merge", instance=person, case=case, changes={
            "reason": reason, "kept_person": person.pk, "merged_person": other.pk, "moved": case in moved,
            "fields_taken": taken})
    return person


def _take(person: Person, other: Person, choices: dict[str, str]) -> list[str]:
    """Copy the chosen values of ``other`` into ``person`` and save it; the fields that changed."""
    changed = []
    for field in MERGE_FIELDS:
        detail = Detail(field, "", _show(person, field), _show(other, field))
        if not detail.differs or choices.get(field, default_choice(detail)) != MERGE:
            continue
        for name in AGE_FIELDS if field == AGE else (field,):
            setattr(person, name, getattr(other, name))
        changed.append(field)
    _apply_age(person, person.registered_on)
    person.refresh_blind_indexes()
    _clean(person)
    person.save()
    return changed


def _erase(other: Person) -> None:
    """Overwrite the other record's identifying values and blind indexes, then delete it."""
    values = {f.name: None for f in encrypted_fields(Person)} | {f"{n}_bidx": None for n in BLIND_INDEXED}
    Person.objects.filter(pk=other.pk).update(**values)
    Person.objects.filter(pk=other.pk).delete()
