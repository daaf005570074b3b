"""Retention of identifying data: why a case was anonymised, and holds that keep a case out of the rule."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.cases.fields import EncryptedTextField


class AnonymisationReason(models.TextChoices):
    """Why a case's identifying data was erased. A code, not free text: it is written to the audit log in
    clear, and free text could name the person the erasure is meant to forget."""

    RETENTION_PERIOD = "retention_period", _("The retention period is over")
    ERASURE_REQUEST = "erasure_request", _("The person withdrew consent and asked for erasure")
    NO_LONGER_NEEDED = "no_longer_needed", _("No longer needed for the purpose it was collected for")


class RetentionHold(models.Model):
    """Keeps a case out of the retention rule (a prosecution or a claim needs the file) until lifted.

    A case is on hold while one of its holds has no ``lifted_at``; the reason is encrypted, since it may
    name a court case or the person, and is erased with the rest when the case is anonymised.
    """

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="holds")
    reason = EncryptedTextField(_("reason for the hold"))
    placed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    placed_at = models.DateTimeField(_("placed at"), auto_now_add=True)
    lifted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+")
    lifted_at = models.DateTimeField(_("lifted at"), null=True, blank=True)

    class Meta:
        ordering = ["-placed_at", "-id"]
        verbose_name = _("retention hold")
        indexes = [models.Index(fields=["case", "lifted_at"], name="hold_active")]

    @property
    def is_active(self) -> bool:
        return self.lifted_at is None
