"""Forms of the case pages: they collect and label input; the services in ``ctip.cases.services``
validate it again and do the writing (a form never saves anything itself).

Code lists come from ``ctip.vocab`` (labels in the reader's language) or the models' own choices.
"""

from __future__ import annotations

import functools
import unicodedata

from django import forms
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ctip import vocab
from ctip.accounts.models import Organisation
from ctip.cases.models import (
    CaseStatus,
    ConsentPurpose,
    GivenBy,
    Module,
    NrmPhase,
    Section,
    Stage,
)
from ctip.cases.templatetags.case_tags import org_name
from ctip.screening.interview import EVIDENCE

BLANK = [("", "—")]


@functools.cache
def _choices(scheme: str) -> list[tuple[str, object]]:
    """``vocab.choices`` built once per scheme: the labels are lazy (they render in the reader's
    language), and building them is costly enough to show on every page that has a form."""
    return vocab.choices(scheme)


def _country_choices() -> list[tuple[str, str]]:
    """Countries in the reader's language, in alphabetical order of their names (a worker looks for
    "Mongolia" or "Монгол", not for its code)."""
    return _countries_by_name((get_language() or "en").split("-")[0])


@functools.cache
def _countries_by_name(lang: str) -> list[tuple[str, str]]:
    names = [(code, vocab.country_name(code, lang)) for code in vocab.codes("iso3166.alpha3")]
    return sorted(names, key=lambda item: (_collation_key(item[1]), item[0]))


# The Mongolian Cyrillic alphabet: "ө" follows "о" and "ү" follows "у" (in Unicode both come after "я").
MONGOLIAN_ALPHABET = "абвгдеёжзийклмноөпрстуүфхцчшщъыьэюя"


def _collation_key(name: str) -> str:
    """Case-insensitive; Latin letters sort without their accents ("Åland" with "A"); Cyrillic letters in
    the Mongolian alphabet's order ("й", "ё", "ө", "ү" are letters of their own)."""
    out = []
    for char in name.casefold():
        if char in MONGOLIAN_ALPHABET:
            out.append(chr(0x0430 + MONGOLIAN_ALPHABET.index(char)))
        elif "\u00c0" <= char <= "\u024f":
            out.append(unicodedata.normalize("NFKD", char)[0])
        else:
            out.append(char)
    return "".join(out)


def _multi(scheme: str, label, required: bool = False) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(label=label, choices=_choices(scheme), required=required,
                                     widget=forms.CheckboxSelectMultiple)


class DateInput(forms.DateInput):
    input_type = "date"


class CaseFilterForm(forms.Form):
    """Filters of the case list; every field is optional and an invalid value is simply ignored."""

    q = forms.CharField(label=_("Search (case id or exact name, identity number, phone, e-mail)"),
                        required=False, max_length=200)
    status = forms.ChoiceField(label=_("Status"), choices=BLANK + list(CaseStatus.choices), required=False)
    stage = forms.ChoiceField(label=_("Stage"), choices=BLANK + list(Stage.choices), required=False)
    module = forms.ChoiceField(label=_("Module"), choices=BLANK + list(Module.choices), required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none(),
                                          required=False, empty_label="—")
    mine = forms.BooleanField(label=_("Only cases I own or am assigned to"), required=False)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations if organisations is not None else \
            Organisation.objects.none()
        self.fields["organisation"].label_from_instance = org_name  # its cases stay findable


class RegistrationForm(forms.Form):
    """A person and their new case. The age is documented (birth date) or given, possibly estimated."""

    first_name = forms.CharField(label=_("First name"), max_length=200)
    last_name = forms.CharField(label=_("Second name"), max_length=200, required=False)
    birth_date = forms.DateField(label=_("Birth date"), required=False, widget=DateInput)
    age_years = forms.IntegerField(label=_("Age in years (if no birth date)"), required=False, min_value=0,
                                   max_value=120)
    age_estimated = forms.BooleanField(label=_("The age is estimated"), required=False)
    appears_to_be_child = forms.BooleanField(label=_("Appears to be a child"), required=False)
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=[])
    citizenship = forms.ChoiceField(label=_("Citizenship"), required=False, choices=[])
    identity_number = forms.CharField(label=_("Identity number"), max_length=100, required=False)
    mobile_phone = forms.CharField(label=_("Mobile phone"), max_length=50, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    module = forms.ChoiceField(label=_("Module"), required=False,
                               choices=[("", _("Decide from the age"))] + list(Module.choices))
    nrm_phase = forms.ChoiceField(label=_("NRM phase"), required=False, choices=BLANK + list(NrmPhase.choices))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gender"].choices = BLANK + _choices("htcds.prs_Gender")
        self.fields["citizenship"].choices = BLANK + _country_choices()

    def clean(self):
        data = super().clean()
        if data.get("birth_date") is None and data.get("age_years") is None and not data.get("appears_to_be_child"):
            raise forms.ValidationError(_("Give the birth date, the age (estimated if need be), or tick "
                                          "'Appears to be a child'."))
        return data

    def person_fields(self) -> dict:
        """The ``Person`` fields for ``services.case_create`` (blank optional fields left out)."""
        data = self.cleaned_data
        names = ["first_name", "last_name", "birth_date", "age_years", "gender", "citizenship", "identity_number",
                 "mobile_phone", "email"]
        fields = {n: data[n] for n in names if data.get(n) not in (None, "")}
        fields["age_estimated"] = bool(data.get("age_estimated"))
        fields["appears_to_be_child"] = bool(data.get("appears_to_be_child"))
        return fields


class ScreeningForm(forms.Form):
    """The Palermo elements seen in the interview; the person's age comes from the case."""

    acts = _multi("palermo.act", _("Acts"))
    means = _multi("palermo.means", _("Means"))
    purposes = _multi("htcds.vic_TypeOfExploitation", _("Purposes (types of exploitation)"))
    indicators = _multi("htcds.vic_MethodsOfControl", _("Indicators (methods of control, evidence of means)"))
    absent = _multi("palermo.element", _("Elements examined and found absent"))
    evidence_source = forms.ChoiceField(label=_("Source of the evidence"), required=False, choices=[])
    evidence_note = forms.CharField(label=_("Evidence note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["evidence_source"].choices = BLANK + _choices("ctip.evidence_source")

    def clean(self):
        """An element ticked as found absent while evidence of it is ticked too is a contradiction: say so
        next to the field, in the reader's words (the engine would refuse it in terms of its JSON keys)."""
        data = super().clean()
        for element, sources in EVIDENCE.items():
            ticked = [str(self.fields[name].label) for name in sources if data.get(name)]
            if element in (data.get("absent") or []) and ticked:
                self.add_error("absent", _("“%(element)s” is ticked as found absent, but %(ticked)s are ticked "
                                           "too: untick one of them.") % {
                    "element": vocab.label("palermo.element", element, get_language() or "en"),
                    "ticked": ", ".join(ticked)})
        return data

    def interview(self) -> dict:
        """The engine's interview document (without ``person``, which the service fills from the case)."""
        return {key: list(self.cleaned_data.get(key) or []) for key in ("acts", "means", "purposes", "indicators",
                                                                         "absent")}

    def evidence(self) -> list[dict]:
        """One evidence item per element with codes, from the chosen source (if a source is given)."""
        source = self.cleaned_data.get("evidence_source")
        if not source:
            return []
        data, note = self.cleaned_data, self.cleaned_data.get("evidence_note", "")
        items = [("act", data.get("acts")), ("means", (data.get("means") or []) + (data.get("indicators") or [])),
                 ("purpose", data.get("purposes"))]
        return [{"element": element, "codes": list(codes), "source": source, "note": note}
                for element, codes in items if codes]


class DeterminationForm(forms.Form):
    """A worker's determination of trafficking status, sent to a supervisor for approval.

    The status starts at the latest suggestion (``suggested``); the deciding organisation type starts
    blank, so nobody records "Police" (the first code) by just pressing the button.
    """

    prefix = "determination"  # several forms share the case page: keep their ids apart

    status = forms.ChoiceField(label=_("Trafficking status"), choices=[])
    decision_org_type = forms.ChoiceField(label=_("Deciding organisation type"), choices=[])
    rationale = forms.CharField(label=_("Rationale"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, suggested: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = _choices("htcds.vic_TraffickingStatus")
        self.fields["decision_org_type"].choices = BLANK + _choices("htcds.vic_TraffickingStatusDecisionMakingOrg")
        if suggested:
            self.fields["status"].initial = suggested


class ConsentForm(forms.Form):
    prefix = "consent"  # several forms share the case page: keep their ids apart

    purpose = forms.ChoiceField(label=_("Purpose"), choices=ConsentPurpose.choices)
    organisation = forms.ModelChoiceField(label=_("Organisation (for sharing with a named organisation)"),
                                          queryset=Organisation.objects.none(), required=False, empty_label="—")
    given_by = forms.ChoiceField(label=_("Given by"), choices=GivenBy.choices)
    guardian_name = forms.CharField(label=_("Name of the parent or guardian"), required=False, max_length=200)
    child_assent = forms.TypedChoiceField(
        label=_("The child assents"), required=False, empty_value=None,
        choices=[("", _("Not applicable (adult)")), ("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: {"yes": True, "no": False}.get(v))
    given_on = forms.DateField(label=_("Date"), required=False, widget=DateInput)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations if organisations is not None else \
            Organisation.objects.none()


def _case_label(name: str):
    """The label of a ``Case`` field on a form: its verbose name, capitalised, in the reader's language."""
    from ctip.cases.models import Case

    return capfirst(Case._meta.get_field(name).verbose_name)


class CaseContextForm(forms.Form):
    """The case's module, NRM phase and victim context (HTCDS ``vic_*``), as ``services.case_update`` takes them."""

    prefix = "context"
    CODES = {"recruitment_methods": "htcds.vic_MethodOfRecruitment",
             "recruitment_websites": "htcds.vic_RecruitmentWebsitesAndApps",
             "methods_of_control": "htcds.vic_MethodsOfControl",
             "exploitation_types": "htcds.vic_TypeOfExploitation",
             "sex_exploitation_types": "htcds.vic_TypeOfSexExploitation"}

    module = forms.ChoiceField(label=_case_label("module"), choices=Module.choices)
    nrm_phase = forms.ChoiceField(label=_case_label("nrm_phase"), choices=NrmPhase.choices)
    recruitment_methods = _multi(CODES["recruitment_methods"], _case_label("recruitment_methods"))
    recruitment_websites = _multi(CODES["recruitment_websites"], _case_label("recruitment_websites"))
    methods_of_control = _multi(CODES["methods_of_control"], _case_label("methods_of_control"))
    exploitation_types = _multi(CODES["exploitation_types"], _case_label("exploitation_types"))
    sex_exploitation_types = _multi(CODES["sex_exploitation_types"], _case_label("sex_exploitation_types"))
    labour_sector = forms.ChoiceField(label=_case_label("labour_sector"), required=False, choices=[])
    relationship_to_trafficker = forms.ChoiceField(label=_case_label("relationship_to_trafficker"), required=False,
                                                   choices=[])
    age_when_trafficked = forms.IntegerField(label=_case_label("age_when_trafficked"), required=False, min_value=0,
                                             max_value=120)
    exploitation_months = forms.IntegerField(label=_case_label("exploitation_months"), required=False, min_value=0,
                                             max_value=1200)

    def __init__(self, *args, case=None, **kwargs):
        if case is not None and not args and "data" not in kwargs:
            kwargs.setdefault("initial", {name: getattr(case, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)
        self.fields["labour_sector"].choices = BLANK + _choices("htcds.vic_ForcedLabourIndustry")
        self.fields["relationship_to_trafficker"].choices = BLANK + _choices("htcds.vic_RelationshipToTrafficker")


class _SharingForm(forms.Form):
    """What a referral and a transfer both ask: the organisation, the HTCDS reason, details and, for those
    who may override the consent gate (supervisors), the reason for sharing without consent."""

    to_organisation = forms.ModelChoiceField(label=_("Refer to"), queryset=Organisation.objects.none(),
                                             empty_label="—")
    reason = forms.ChoiceField(label=_("Reason"), required=False, choices=[])
    details = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    override_reason = forms.CharField(
        label=_("Reason for sharing without consent (supervisors only)"), required=False,
        widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, organisations=None, can_override: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].queryset = organisations if organisations is not None else \
            Organisation.objects.none()
        self.fields["reason"].choices = BLANK + _choices("htcds.cas_ReasonForOutgoingReferral")
        if not can_override:
            del self.fields["override_reason"]


class ReferralForm(_SharingForm):
    """Share chosen sections with another organisation for a service."""

    prefix = "referral"  # several forms share the case page: keep their ids apart
    field_order = ["to_organisation", "service_type", "sections", "reason", "details", "override_reason"]

    service_type = forms.ChoiceField(label=_("For the service"), choices=[])
    sections = forms.MultipleChoiceField(label=_("Sections to share"), choices=Section.choices,
                                         widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_type"].choices = _choices("ctip.service_type")


class NoteForm(forms.Form):
    prefix = "note"  # several forms share the case page: keep their ids apart

    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), max_length=10_000)


class ClosureForm(forms.Form):
    prefix = "closure"  # several forms share the case page: keep their ids apart

    status = forms.ChoiceField(label=_("Close as"), choices=[(CaseStatus.CLOSED, CaseStatus.CLOSED.label),
                                                           (CaseStatus.CLOSED_REFERRED,
                                                            CaseStatus.CLOSED_REFERRED.label)])
    reason = forms.CharField(label=_("Reason for closing"), widget=forms.Textarea(attrs={"rows": 2}))


class ResponseForm(forms.Form):
    """A free-text note with an answer (referral response, approval decision)."""

    note = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}),
                           max_length=2000)


class EventForm(forms.Form):
    """A recruitment, transit or exploitation event (HTCDS ``hte_*``); the place is encrypted."""

    prefix = "event"

    event_type = forms.ChoiceField(label=_("Event"), choices=[])
    country = forms.ChoiceField(label=_("Country"), required=False, choices=[])
    state = forms.CharField(label=_("Province or aimag"), required=False, max_length=100)
    city = forms.CharField(label=_("City or place"), required=False, max_length=200)
    date = forms.DateField(label=_("Date"), required=False, widget=DateInput)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event_type"].choices = _choices("htcds.hte_Type")
        self.fields["country"].choices = BLANK + _country_choices()


class AssessmentForm(forms.Form):
    """Individual needs; for a child also the best-interests assessment and the guardian."""

    prefix = "assessment"

    needs = _multi("ctip.service_type", _("Needs"))
    risk_summary = forms.CharField(label=_("Risks and vulnerabilities"), required=False,
                                   widget=forms.Textarea(attrs={"rows": 2}))
    best_interests_done = forms.BooleanField(label=_("Best-interests assessment done (child)"), required=False)
    best_interests_summary = forms.CharField(label=_("Best-interests assessment"), required=False,
                                             widget=forms.Textarea(attrs={"rows": 2}))
    guardian_name = forms.CharField(label=_("Guardian"), required=False, max_length=200)
    guardian_relationship = forms.CharField(label=_("Guardian's relationship to the child"), required=False,
                                            max_length=64)


class PlanForm(forms.Form):
    """A support plan (HTCDS ``spl_Type``) with its first services, sent to a supervisor for approval."""

    prefix = "plan"

    plan_type = forms.ChoiceField(label=_("Support plan type"), choices=[])
    objectives = forms.CharField(label=_("Objectives"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    planned_end = forms.DateField(label=_("Planned end date"), required=False, widget=DateInput)
    services = _multi("ctip.service_type", _("Services"))
    provider = forms.ModelChoiceField(label=_("Provider of these services"), queryset=Organisation.objects.none(),
                                      required=False, empty_label=_("Our organisation"))
    submit = forms.BooleanField(label=_("Send the plan to a supervisor for approval"), required=False, initial=True)

    def __init__(self, *args, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan_type"].choices = _choices("htcds.spl_Type")
        self.fields["provider"].queryset = organisations if organisations is not None else \
            Organisation.objects.none()


class ReopenForm(forms.Form):
    prefix = "reopen"

    reason = forms.CharField(label=_("Reason for reopening"), widget=forms.Textarea(attrs={"rows": 2}))


class TransferForm(_SharingForm):
    """Hand the whole case to another organisation; it becomes the owner once it accepts."""

    prefix = "transfer"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_organisation"].label = _("Transfer to")


class PersonForm(forms.Form):
    """The person's identifying details. A blank field clears the stored value."""

    prefix = "person"

    TEXT = ("first_name", "middle_name", "last_name", "identity_number", "mobile_phone", "home_phone", "email",
            "mailing_street", "mailing_city", "mailing_state", "mailing_postal_code", "mailing_country")

    first_name = forms.CharField(label=_("First name"), max_length=200)
    middle_name = forms.CharField(label=_("Middle name"), max_length=200, required=False)
    last_name = forms.CharField(label=_("Second name"), max_length=200, required=False)
    birth_date = forms.DateField(label=_("Birth date"), required=False, widget=DateInput)
    age_years = forms.IntegerField(label=_("Age in years (if no birth date)"), required=False, min_value=0,
                                   max_value=120)
    age_estimated = forms.BooleanField(label=_("The age is estimated"), required=False)
    appears_to_be_child = forms.BooleanField(label=_("Appears to be a child"), required=False)
    identity_number = forms.CharField(label=_("Identity number"), max_length=100, required=False)
    mobile_phone = forms.CharField(label=_("Mobile phone"), max_length=50, required=False)
    home_phone = forms.CharField(label=_("Home phone"), max_length=50, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    mailing_street = forms.CharField(label=_("Street"), max_length=200, required=False)
    mailing_city = forms.CharField(label=_("City or place"), max_length=200, required=False)
    mailing_state = forms.CharField(label=_("Province or aimag"), max_length=100, required=False)
    mailing_postal_code = forms.CharField(label=_("Postal code"), max_length=20, required=False)
    mailing_country = forms.ChoiceField(label=_("Country"), required=False, choices=[])

    def __init__(self, *args, person=None, **kwargs):
        if person is not None and not args:
            kwargs.setdefault("initial", {name: getattr(person, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)
        self.fields["mailing_country"].choices = BLANK + _country_choices()

    def clean(self):
        data = super().clean()
        if data.get("birth_date") is None and data.get("age_years") is None and not data.get("appears_to_be_child"):
            raise forms.ValidationError(_("Give the birth date, the age (estimated if need be), or tick "
                                          "'Appears to be a child'."))
        return data

    @classmethod
    def person_fields_from(cls, data: dict) -> dict:
        """Every field of the form for ``services.person_update`` (blank text clears the value)."""
        fields = {name: data.get(name) or "" for name in cls.TEXT}
        fields.update(birth_date=data.get("birth_date"), age_years=data.get("age_years"),
                      age_estimated=bool(data.get("age_estimated")),
                      appears_to_be_child=bool(data.get("appears_to_be_child")))
        return fields


class ServiceForm(forms.Form):
    """A service inside a support plan or on its own, with planned and (once known) actual dates."""

    prefix = "service"

    service_type = forms.ChoiceField(label=_("Service"), choices=[])
    plan = forms.ModelChoiceField(label=_("Part of the plan"), queryset=None, required=False,
                                  empty_label=_("Outside any plan"))
    provider = forms.ModelChoiceField(label=_("Provider"), queryset=Organisation.objects.none(), required=False,
                                      empty_label=_("Our organisation"))
    planned_start = forms.DateField(label=_("Planned start"), required=False, widget=DateInput)
    planned_end = forms.DateField(label=_("Planned end"), required=False, widget=DateInput)
    actual_start = forms.DateField(label=_("Actual start"), required=False, widget=DateInput)
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=DateInput)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=[])

    def __init__(self, *args, plans=None, organisations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service_type"].choices = _choices("ctip.service_type")
        self.fields["plan"].queryset = plans
        self.fields["plan"].label_from_instance = _plan_label
        self.fields["provider"].queryset = organisations if organisations is not None else \
            Organisation.objects.none()
        self.fields["outcome"].choices = BLANK + _choices("ctip.service_outcome")


def _plan_label(plan) -> str:
    return f"{vocab.label('htcds.spl_Type', plan.plan_type, get_language() or 'en')} · {plan.get_state_display()}"


class ServiceUpdateForm(forms.Form):
    """Dates and outcome of one service; the prefix carries the service's id (one form per row)."""

    planned_start = forms.DateField(label=_("Planned start"), required=False, widget=DateInput)
    planned_end = forms.DateField(label=_("Planned end"), required=False, widget=DateInput)
    actual_start = forms.DateField(label=_("Actual start"), required=False, widget=DateInput)
    actual_end = forms.DateField(label=_("Actual end"), required=False, widget=DateInput)
    outcome = forms.ChoiceField(label=_("Outcome"), required=False, choices=[])

    def __init__(self, *args, service, **kwargs):
        kwargs.setdefault("prefix", f"service-{service.pk}")
        if not args:
            kwargs.setdefault("initial", {name: getattr(service, name) for name in self.base_fields})
        super().__init__(*args, **kwargs)
        self.service = service
        self.fields["outcome"].choices = BLANK + _choices("ctip.service_outcome")


class PerpetratorForm(forms.Form):
    """What a perpetrator did in the process (HTCDS ``per_RoleInProcess``); no name is asked."""

    prefix = "perpetrator"

    roles = _multi("htcds.per_RoleInProcess", _("Role in the process"), required=True)
    relationship = forms.ChoiceField(label=_("Relationship to the victim"), required=False, choices=[])
    details = forms.CharField(label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["relationship"].choices = BLANK + _choices("htcds.vic_RelationshipToTrafficker")


class AssignForm(forms.Form):
    """The workers of the owning organisation assigned to the case (none: only the owner)."""

    prefix = "assign"

    workers = forms.ModelMultipleChoiceField(label=_("Assigned workers"), queryset=None, required=False,
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, workers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["workers"].queryset = workers
        self.fields["workers"].label_from_instance = lambda u: u.get_full_name() or u.username
