"""Needs assessment (best interests and guardian for a child), support plan and services, case notes."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.cases.fields import EncryptedTextField
from ctip.cases.validators import VocabCode, VocabCodes


class NeedsAssessment(models.Model):
    """Individual needs; for a child also the best-interests assessment and the guardian."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="assessments")
    needs = models.JSONField(_("needs"), default=list, blank=True, validators=[VocabCodes("ctip.service_type")])
    risk_summary = EncryptedTextField(_("risks and vulnerabilities"))
    best_interests_done = models.BooleanField(_("best-interests assessment done"), default=False)
    best_interests_summary = EncryptedTextField(_("best-interests assessment"))
    guardian_name = EncryptedTextField(_("guardian"))
    guardian_relationship = models.CharField(_("guardian's relationship"), max_length=64, blank=True)
    assessed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assessed_on = models.DateField(_("assessed on"), default=dt.date.today)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-assessed_on", "-id"]
        verbose_name = _("needs assessment")


class PlanState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class SupportPlan(models.Model):
    """HTCDS support plan (``spl_*``); services are delivered once a supervisor approves it."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="plans")
    plan_type = models.CharField(_("type"), max_length=40, validators=[VocabCode("htcds.spl_Type")])
    objectives = EncryptedTextField(_("objectives"))
    action_plan = EncryptedTextField(_("action plan"))
    planned_end = models.DateField(_("planned end date"), null=True, blank=True)
    actual_end = models.DateField(_("actual end date"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=12, choices=PlanState.choices, default=PlanState.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("support plan")


class SupportService(models.Model):
    """One service of a plan: type, provider, planned and actual dates, outcome."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="services")
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, null=True, blank=True, related_name="services")
    service_type = models.CharField(_("service"), max_length=24, validators=[VocabCode("ctip.service_type")])
    provider = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="services_provided", verbose_name=_("provider"))
    planned_start = models.DateField(_("planned start"), null=True, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    actual_start = models.DateField(_("actual start"), null=True, blank=True)
    actual_end = models.DateField(_("actual end"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=16, blank=True, validators=[VocabCode("ctip.service_outcome")])
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["planned_start", "id"]
        verbose_name = _("service")

    def clean(self) -> None:
        """An end date never comes before its start date (planned or actual)."""
        errors = {f"{kind}_end": _("The end date is before the start date.") for kind in ("planned", "actual")
                  if getattr(self, f"{kind}_start") and getattr(self, f"{kind}_end")
                  and getattr(self, f"{kind}_end") < getattr(self, f"{kind}_start")}
        if errors:
            raise ValidationError(errors)


class CaseNote(models.Model):
    """A formal update from a worker (HTCDS ``cco_CaseComment``), encrypted at rest."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+")
    text = EncryptedTextField(_("note"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("case note")
