"""Consent per purpose, and referrals and transfers between organisations (with the consent gate)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.cases.fields import EncryptedTextField
from ctip.cases.validators import VocabCode


class ConsentPurpose(models.TextChoices):
    SERVICES = "services", _("Receiving services")
    SHARE_ORGANISATION = "share_organisation", _("Sharing with a named organisation")
    SHARE_POLICE = "share_police", _("Sharing with the police")
    STATISTICS = "statistics", _("Non-identifiable reporting (statistics)")
    RESEARCH = "research", _("Research")


class GivenBy(models.TextChoices):
    SELF = "self", _("The person")
    GUARDIAN = "guardian", _("Parent or guardian")


class Consent(models.Model):
    """Consent for one purpose. Active until withdrawn; withdrawal takes effect everywhere at once,
    because every check reads this table at the moment of use (nothing caches a consent)."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="consents")
    purpose = models.CharField(_("purpose"), max_length=24, choices=ConsentPurpose.choices)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("organisation"))
    given_by = models.CharField(_("given by"), max_length=12, choices=GivenBy.choices, default=GivenBy.SELF)
    guardian_name = EncryptedTextField(_("guardian"))
    child_assent = models.BooleanField(_("child's assent"), null=True, blank=True)
    given_on = models.DateField(_("date"), default=dt.date.today)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["purpose", "-given_on", "-id"]
        verbose_name = _("consent")
        indexes = [
            models.Index(fields=["case", "purpose", "withdrawn_at"], name="consent_active"),
            # "which cases have this consent in force": police visibility and the extract
            models.Index(fields=["purpose", "withdrawn_at", "case"], name="consent_in_force"),
        ]

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class ReferralKind(models.TextChoices):
    REFERRAL = "referral", _("Referral")
    TRANSFER = "transfer", _("Transfer")


class ReferralState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    DONE = "done", _("Done")
    REVOKED = "revoked", _("Revoked")


OPEN_REFERRAL_STATES = (ReferralState.IN_PROGRESS, ReferralState.ACCEPTED)


class Section(models.TextChoices):
    """Parts of a case a referral can share."""

    PERSON = "person", _("Person")
    SCREENING = "screening", _("Screening")
    CONTEXT = "context", _("Trafficking context")
    ASSESSMENT = "assessment", _("Needs assessment")
    PLAN = "plan", _("Support plan and services")
    NOTES = "notes", _("Case notes")


class Referral(models.Model):
    """A referral shares chosen sections with another organisation for a service; a transfer moves ownership."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="referrals")
    kind = models.CharField(_("kind"), max_length=10, choices=ReferralKind.choices, default=ReferralKind.REFERRAL)
    from_organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="+",
                                          verbose_name=_("referring organisation"))
    to_organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT,
                                        related_name="incoming_referrals", verbose_name=_("referred organisation"))
    service_type = models.CharField(_("service"), max_length=24, blank=True,
                                    validators=[VocabCode("ctip.service_type")])
    reason = models.CharField(_("reason"), max_length=40, blank=True,
                              validators=[VocabCode("htcds.cas_ReasonForOutgoingReferral")])
    details = EncryptedTextField(_("details"))
    sections = models.JSONField(_("shared sections"), default=list)
    state = models.CharField(_("state"), max_length=12, choices=ReferralState.choices,
                             default=ReferralState.IN_PROGRESS)
    consent = models.ForeignKey(Consent, on_delete=models.PROTECT, null=True, blank=True, related_name="referrals")
    consent_overridden_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                                              blank=True, related_name="+")
    override_reason = EncryptedTextField(_("reason for sharing without consent"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+")
    responded_at = models.DateTimeField(null=True, blank=True)
    response_note = EncryptedTextField(_("response"))
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("referral")
        indexes = [
            models.Index(fields=["to_organisation", "state"], name="referral_inbox"),
            models.Index(fields=["from_organisation", "state"], name="referral_outbox"),
        ]

    def get_sections_display(self) -> str:
        """The shared sections as their names in the reader's language, comma-separated."""
        names = dict(Section.choices)
        return ", ".join(str(names.get(section, section)) for section in self.sections)
