"""Screening (Palermo elements with evidence, the engine's suggestion as produced) and the human determination."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.cases.fields import EncryptedTextField
from ctip.cases.validators import VocabCode


class Element(models.TextChoices):
    ACT = "act", _("Act")
    MEANS = "means", _("Means")
    PURPOSE = "purpose", _("Purpose")


class Screening(models.Model):
    """One screening interview: its input as given to ``ctip.screening.assess`` and the output, unchanged.

    ``interview`` holds the engine's input document (person, acts, means, purposes, indicators, absent);
    ``suggestion`` holds what the engine said (status, child, child_presumed, elements, requires_review,
    reasons in English and Mongolian). Neither is ever edited: a new screening is a new row.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="screenings")
    interview = models.JSONField(_("interview"))
    suggestion = models.JSONField(_("engine suggestion"))
    suggested_status = models.CharField(_("suggested status"), max_length=32)
    requires_review = models.BooleanField(_("requires review"), default=False)
    engine_version = models.CharField(max_length=32, blank=True)
    screened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    screened_on = models.DateField(_("screened on"), default=dt.date.today)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("screening")


class Evidence(models.Model):
    """What supports (or rules out) one Palermo element: indicator codes, source, note, date."""

    screening = models.ForeignKey(Screening, on_delete=models.CASCADE, related_name="evidence")
    element = models.CharField(_("element"), max_length=8, choices=Element.choices)
    codes = models.JSONField(_("indicator codes"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=24, validators=[VocabCode("ctip.evidence_source")])
    note = EncryptedTextField(_("note"))
    observed_on = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")


class Determination(models.Model):
    """The human decision on trafficking status, kept apart from the engine's suggestion.

    It takes effect (``Case.trafficking_status``) only once a supervisor approves it.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="determinations")
    screening = models.ForeignKey(Screening, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="determinations")
    status = models.CharField(_("trafficking status"), max_length=32,
                              validators=[VocabCode("htcds.vic_TraffickingStatus")])
    decision_org_type = models.CharField(_("deciding organisation type"), max_length=48,
                                         validators=[VocabCode("htcds.vic_TraffickingStatusDecisionMakingOrg")])
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_on = models.DateField(_("decided on"), default=dt.date.today)
    rationale = EncryptedTextField(_("rationale"))
    approved = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("determination")

    @property
    def approval_state(self) -> str:
        """``requested``, ``approved`` or ``rejected``: where the latest request for approval stands."""
        latest = max(self.approvals.all(), key=lambda a: (a.requested_at, a.pk), default=None)
        return latest.state if latest is not None else "requested"
