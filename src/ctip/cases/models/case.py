"""The case: one person's file in one organisation, with its status, workflow stage and NRM phase."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.cases.fields import EncryptedTextField
from ctip.cases.models.retention import AnonymisationReason
from ctip.cases.validators import VocabCode, VocabCodes

# Crockford's base32 without I, L, O, U: easy to read aloud and type.
PUBLIC_ID_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def new_public_id() -> str:
    """A short random public id such as ``7K3M-9Q2A`` (40 bits; collisions are checked on insert)."""
    raw = "".join(secrets.choice(PUBLIC_ID_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


class Module(models.TextChoices):
    ADULT_VICTIM = "adult_victim", _("Adult victim")
    CHILD_VICTIM = "child_victim", _("Child victim")
    AT_RISK = "at_risk", _("Person at risk")


class Stage(models.TextChoices):
    """Where the case stands, computed from what has been recorded (``ctip.cases.workflow``)."""

    NEW = "new", _("New")
    SCREENING = "screening", _("Screening")
    ASSESSMENT = "assessment", _("Assessment")
    CASE_PLAN = "case_plan", _("Case plan")
    SERVICE_PROVISION = "service_provision", _("Service provision")
    CLOSED = "closed", _("Closed")
    REOPENED = "reopened", _("Reopened")


class NrmPhase(models.TextChoices):
    """Phase of the national referral mechanism."""

    IDENTIFICATION = "identification", _("Identification")
    FIRST_ASSISTANCE = "first_assistance", _("First assistance and reflection period")
    LONG_TERM_ASSISTANCE = "long_term_assistance", _("Long-term assistance")
    RETURN_REINTEGRATION = "return_reintegration", _("Return and reintegration")
    PROCEEDINGS = "proceedings", _("Criminal and civil proceedings")


class CaseStatus(models.TextChoices):
    """HTCDS ``cas_Status``."""

    ACTIVE = "Active", _("Active")
    FOLLOW_UP = "FollowUp", _("Follow-up")
    CLOSED = "Closed", _("Closed")
    CLOSED_REFERRED = "ClosedReferred", _("Closed (referred)")


CLOSED_STATUSES = (CaseStatus.CLOSED, CaseStatus.CLOSED_REFERRED)


class CaseQuerySet(models.QuerySet):
    """Pages of cases are fetched with a "deferred join": first the ids of the page from the narrow case
    table (indexes can serve the filter and the order), then the rows with their joins for those ids only.
    Without it the database joins people, organisations and owners for every matching case before
    sorting, which costs tens of milliseconds per 10,000 cases.
    """

    def _fetch_all(self):
        if self._result_cache is None and self._iterable_class is models.query.ModelIterable \
                and self.query.select_related and self.query.is_sliced:
            ids = list(self.values_list("pk", flat=True))
            rows = self._chain()
            rows.query.clear_limits()
            rows.query.clear_ordering(force=True)
            by_pk = {obj.pk: obj for obj in rows.filter(pk__in=ids)}
            self._result_cache = [by_pk[pk] for pk in ids if pk in by_pk]
            self._prefetch_done = True
            return
        super()._fetch_all()


class Case(models.Model):
    """A person's case in its owning organisation; victim context (HTCDS ``vic_*``) lives here too."""

    public_id = models.CharField(_("case id"), max_length=9, unique=True, default=new_public_id, editable=False)
    person = models.ForeignKey("cases.Person", on_delete=models.PROTECT, related_name="cases",
                               verbose_name=_("person"))
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="cases",
                                     verbose_name=_("organisation"))
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="owned_cases",
                              verbose_name=_("case owner"))
    assigned_workers = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="assigned_cases",
                                              verbose_name=_("assigned workers"))
    module = models.CharField(_("module"), max_length=16, choices=Module.choices, default=Module.ADULT_VICTIM)
    status = models.CharField(_("status"), max_length=16, choices=CaseStatus.choices, default=CaseStatus.ACTIVE)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.NEW)
    nrm_phase = models.CharField(_("NRM phase"), max_length=24, choices=NrmPhase.choices,
                                 default=NrmPhase.IDENTIFICATION)
    # Latest approved determination (HTCDS vic_TraffickingStatus), kept here for lists and the extract.
    trafficking_status = models.CharField(_("trafficking status"), max_length=32, blank=True,
                                          validators=[VocabCode("htcds.vic_TraffickingStatus")])
    # Victim context (HTCDS vic_*), codes from ctip.vocab.
    recruitment_methods = models.JSONField(_("method of recruitment"), default=list, blank=True,
                                           validators=[VocabCodes("htcds.vic_MethodOfRecruitment")])
    recruitment_websites = models.JSONField(_("recruitment websites and apps"), default=list, blank=True,
                                            validators=[VocabCodes("htcds.vic_RecruitmentWebsitesAndApps")])
    methods_of_control = models.JSONField(_("methods of control"), default=list, blank=True,
                                          validators=[VocabCodes("htcds.vic_MethodsOfControl")])
    exploitation_types = models.JSONField(_("types of exploitation"), default=list, blank=True,
                                          validators=[VocabCodes("htcds.vic_TypeOfExploitation")])
    sex_exploitation_types = models.JSONField(_("types of sexual exploitation"), default=list, blank=True,
                                              validators=[VocabCodes("htcds.vic_TypeOfSexExploitation")])
    labour_sector = models.CharField(_("forced labour industry"), max_length=64, blank=True,
                                     validators=[VocabCode("htcds.vic_ForcedLabourIndustry")])
    relationship_to_trafficker = models.CharField(_("relationship to trafficker"), max_length=16, blank=True,
                                                  validators=[VocabCode("htcds.vic_RelationshipToTrafficker")])
    age_when_trafficked = models.PositiveSmallIntegerField(_("age when trafficked"), null=True, blank=True)
    exploitation_months = models.PositiveSmallIntegerField(_("months in exploitation"), null=True, blank=True)
    registered_on = models.DateField(_("registered on"), default=dt.date.today)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closure_reason = EncryptedTextField(_("reason for case closure"))
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)
    # Anonymisation (``ctip.cases.retention``): identifying and free-text values erased, codes kept.
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)
    anonymised_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                      related_name="+", verbose_name=_("anonymised by"))
    anonymised_reason = models.CharField(_("reason for anonymisation"), max_length=24, blank=True,
                                         choices=AnonymisationReason.choices)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    last_activity_at = models.DateTimeField(null=True, blank=True)

    objects = CaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("case")
        ordering = ["-updated_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status", "-updated_at"], name="case_org_status"),
            models.Index(fields=["organisation", "stage", "-updated_at"], name="case_org_stage"),
            models.Index(fields=["organisation", "-updated_at", "-id"], name="case_org_recent"),
            models.Index(fields=["owner", "-updated_at"], name="case_owner_recent"),
            models.Index(fields=["status", "closed_on"], name="case_retention"),  # cases due
        ]

    def __str__(self) -> str:
        return self.public_id

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES

    @property
    def is_anonymised(self) -> bool:
        return self.anonymised_at is not None

    @property
    def child_at_registration(self) -> bool:
        """The person was a child (documented or presumed) when this case was registered: for a person who
        returns years later, their first case may be a child's and the second an adult's."""
        return self.person.is_child_on(self.registered_on)
