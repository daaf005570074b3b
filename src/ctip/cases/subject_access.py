"""What the case store holds about one person (a subject access request), decrypted, section by section.

The report covers the person's record and every case of theirs that the requesting supervisor's
organisation owns, whichever case the download started from and whatever the supervisor's scope: the
request is the organisation's to answer in full (a returning person has several cases on one record,
``services.case_create_for_person``). Never another organisation's case. Other person records of the
organisation that match the person exactly (registered twice before the check at registration existed)
are named by their case ids, for the supervisor to judge and download too; they are not merged in, since
a match is not proof that two records are one person. Each value
comes with its field's label and a display in the reader's language (codes as their labels), so one
report renders as a readable page and as JSON. Building it writes a ``view`` audit event naming every
section for each case included (and an access-log line for a child's record).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Model
from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ctip.accounts.permissions import user_can
from ctip.cases import audit, duplicates, selectors
from ctip.cases.errors import NotFound, PermissionRefused
from ctip.cases.models import AccessLog, Case, Person, Section
from ctip.cases.templatetags.case_tags import code_label, country
from ctip.cases.validators import VocabCode, VocabCodes

# (related name on Case, title) in the order the report shows them.
PARTS = [
    ("consents", gettext_lazy("Consent")),
    ("screenings", gettext_lazy("Screening")),
    ("determinations", gettext_lazy("Determinations")),
    ("events", gettext_lazy("Trafficking events")),
    ("perpetrators", gettext_lazy("Perpetrators")),
    ("assessments", gettext_lazy("Needs assessments")),
    ("plans", gettext_lazy("Support plans")),
    ("services", gettext_lazy("Services")),
    ("notes", gettext_lazy("Case notes")),
    ("referrals", gettext_lazy("Referrals and transfers")),
    ("approvals", gettext_lazy("Approvals")),
    ("holds", gettext_lazy("Retention holds")),
]
# Columns that are links or bookkeeping rather than something held about the person.
SKIPPED = {"id", "case", "person", "screening", "plan", "determination", "updated_at"}
COUNTRY_FIELDS = {"citizenship", "mailing_country", "country"}
# The screening interview's lists, with their labels (as on the screening form) and vocabularies.
INTERVIEW_LISTS = {
    "acts": (gettext_lazy("Acts"), "palermo.act"),
    "means": (gettext_lazy("Means"), "palermo.means"),
    "purposes": (gettext_lazy("Purposes (types of exploitation)"), "htcds.vic_TypeOfExploitation"),
    "indicators": (gettext_lazy("Indicators (methods of control, evidence of means)"), "htcds.vic_MethodsOfControl"),
    "absent": (gettext_lazy("Elements examined and found absent"), "palermo.element"),
}
# Labels of the columns the models leave unlabelled (bookkeeping of who did what, when).
LABELS = {
    "approved": gettext_lazy("approved"), "assessed_by": gettext_lazy("assessed by"),
    "author": gettext_lazy("author"), "closed_at": gettext_lazy("closed at"),
    "closure_status": gettext_lazy("closed as"), "consent": gettext_lazy("consent"),
    "consent_overridden_by": gettext_lazy("shared without consent by"), "created_at": gettext_lazy("created at"),
    "created_by": gettext_lazy("created by"), "decided_at": gettext_lazy("decided at"),
    "decided_by": gettext_lazy("decided by"), "engine_version": gettext_lazy("screening engine version"),
    "last_activity_at": gettext_lazy("last activity"), "lifted_by": gettext_lazy("lifted by"),
    "organisation": gettext_lazy("organisation"), "placed_by": gettext_lazy("placed by"),
    "recorded_by": gettext_lazy("recorded by"), "requested_at": gettext_lazy("requested at"),
    "requested_by": gettext_lazy("requested by"), "responded_at": gettext_lazy("responded at"),
    "responded_by": gettext_lazy("responded by"), "screened_by": gettext_lazy("screened by"),
    "withdrawn_by": gettext_lazy("withdrawn by"),
}


@dataclass(frozen=True)
class Item:
    """One value: the field's name, its label and display in the reader's language, the JSON value."""

    name: str
    label: str
    value: object
    display: str


@dataclass(frozen=True)
class Part:
    key: str
    title: str
    records: list[list[Item]]


@dataclass(frozen=True)
class CaseReport:
    public_id: str
    facts: list[Item]
    parts: list[Part]


@dataclass(frozen=True)
class Report:
    """Everything held about one person in one organisation."""

    organisation: str
    requested_by: str
    generated_at: dt.datetime
    language: str
    person: list[Item]
    cases: list[CaseReport] = field(default_factory=list)
    # Other person records of the organisation with the same identifiers, and their cases the reader may open.
    other_records: list[duplicates.PossibleMatch] = field(default_factory=list)

    def as_json(self) -> dict:
        """Field names and stored values (codes stay codes), by case and section."""
        return {
            "organisation": self.organisation, "requested_by": self.requested_by,
            "generated_at": self.generated_at.isoformat(), "language": self.language,
            "person": {i.name: i.value for i in self.person},
            "cases": [{"public_id": c.public_id, "case": {i.name: i.value for i in c.facts},
                       **{p.key: [{i.name: i.value for i in record} for record in p.records] for p in c.parts}}
                      for c in self.cases],
            "other_matching_records": [{"matched_on": list(m.reasons), "cases": [c.public_id for c in m.cases]}
                                       for m in self.other_records],
        }


def _json_value(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Model):
        return str(value)
    return value


def _display(model_field, name: str, value, lang: str) -> str:
    """A value as a reader sees it: labels for codes and choices, countries by name, yes/no, ISO dates."""
    if name == "interview":
        return _interview_display(value)
    if name == "suggestion":  # the engine's reasons, in the reader's language, as it gave them then
        return "\n".join((value.get("reasons") or {}).get(lang) or (value.get("reasons") or {}).get("en") or [])
    if name == "suggested_status":
        return code_label(value, "htcds.vic_TraffickingStatus")
    if name == "sections":
        return ", ".join(str(dict(Section.choices).get(v, v)) for v in value)
    if name == "consent" and isinstance(value, Model):
        return f"{value.get_purpose_display()} ({value.given_on.isoformat()})"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    if model_field.choices and not isinstance(value, list | dict):
        return str(dict(model_field.flatchoices).get(value, value))
    if name in COUNTRY_FIELDS and isinstance(value, str):
        return country(value)
    for validator in model_field.validators:
        if isinstance(validator, VocabCode):
            return code_label(value, validator.scheme)
        if isinstance(validator, VocabCodes) and isinstance(value, list):
            if validator.scheme == "iso3166.alpha3":
                return ", ".join(country(code) for code in value)
            return ", ".join(code_label(code, validator.scheme) for code in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return _dict_display(value, lang)
    return str(value)


def _dict_display(value: dict, lang: str) -> str:
    """Any other JSON object: ``key: values`` pairs."""
    return "; ".join(f"{key}: {', '.join(map(str, item)) if isinstance(item, list) else item}"
                     for key, item in value.items() if item not in (None, "", []))


def _interview_display(interview: dict) -> str:
    """The screening interview's code lists, one line each, as labels (the person's age is shown elsewhere)."""
    lines = []
    for key, (title, scheme) in INTERVIEW_LISTS.items():
        codes = interview.get(key) or []
        if codes:
            lines.append(f"{title}: {', '.join(code_label(c, scheme) for c in codes)}")
    return "\n".join(lines)


def _items(instance: Model, lang: str, *, skip: frozenset[str] = frozenset()) -> list[Item]:
    """The non-empty values of ``instance``, field by field (relations by name, blind indexes left out)."""
    out = []
    for f in instance._meta.concrete_fields:
        if f.name in SKIPPED or f.name in skip or f.name.endswith("_bidx"):
            continue
        value = getattr(instance, f.name)
        if value in (None, "", [], {}) or (f.name == "is_synthetic" and not value):
            continue
        label = str(LABELS.get(f.name, f.verbose_name))
        out.append(Item(f.name, label[:1].upper() + label[1:], _json_value(value), _display(f, f.name, value, lang)))
    return out


def _records(case: Case, related: str, lang: str) -> list[list[Item]]:
    rows = []
    for instance in getattr(case, related).all():
        items = _items(instance, lang)
        if related == "screenings":
            for evidence in instance.evidence.all():
                items += [Item(f"evidence.{i.name}", f"{_('Evidence')}: {i.label}", i.value, i.display)
                          for i in _items(evidence, lang)]
        rows.append(items)
    return rows


def person_cases_for(actor, person: Person):
    """Every case of the person owned by the actor's organisation, oldest first."""
    return (Case.objects.filter(organisation_id=actor.organisation_id, person=person)
            .select_related("organisation", "owner").order_by("registered_on", "id"))


def _other_records(actor, person: Person) -> list[duplicates.PossibleMatch]:
    """Other person records of the organisation matching ``person`` exactly, with only their cases the
    supervisor may open (named by id)."""
    found = []
    for match in duplicates.matches_of_person(actor, person):
        cases = tuple(c for c in match.cases if c.public_id)
        if cases:
            found.append(duplicates.PossibleMatch(match.person_id, match.reasons, cases))
    return found


def subject_access_report(*, actor, case: Case, output: str = "html") -> Report:
    """Everything held about the person of ``case`` in the actor's organisation, audited as a view of every
    section of every case included. A supervisor of the owning organisation only (``NotFound`` for a case
    they may not see, ``PermissionRefused`` for a worker)."""
    access = selectors.case_access_for(actor, case)
    if access is None or actor.organisation_id != case.organisation_id:
        raise NotFound()
    if not (access.can_edit and user_can(actor, "cases.approve")):
        raise PermissionRefused(_("Only a supervisor of the organisation that owns the case can download what "
                                  "is held about the person."))
    lang = (get_language() or "en")[:2]
    person = Person.objects.get(pk=case.person_id)
    cases = list(person_cases_for(actor, person))
    report = Report(organisation=str(case.organisation), requested_by=actor.username, generated_at=timezone.now(),
                    language=lang, person=_items(person, lang), other_records=_other_records(actor, person))
    for item in cases:
        audit.record(actor=actor, action="view", instance=item, case=item,
                     changes={"sections": sorted(Section.values), "purpose": "subject_access", "format": output})
        if person.is_child or item.module == "child_victim":
            AccessLog.objects.create(user=actor, case=item, case_public_id=item.public_id, what="subject_access")
        parts = [Part(key, str(title), _records(item, key, lang)) for key, title in PARTS]
        report.cases.append(CaseReport(item.public_id, _items(item, lang, skip=frozenset({"public_id"})),
                                       [p for p in parts if p.records]))
    return report
