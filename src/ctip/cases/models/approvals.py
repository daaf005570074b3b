"""Approvals a supervisor gives: a screening determination, a case plan, a closure."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.cases.fields import EncryptedTextField


class ApprovalKind(models.TextChoices):
    DETERMINATION = "determination", _("Screening determination")
    CASE_PLAN = "case_plan", _("Case plan")
    CLOSURE = "closure", _("Closure")


class ApprovalState(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class Approval(models.Model):
    """A request for a supervisor's decision; the subject is the determination, the plan or the closure."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="approvals")
    kind = models.CharField(_("kind"), max_length=16, choices=ApprovalKind.choices)
    state = models.CharField(_("state"), max_length=12, choices=ApprovalState.choices,
                             default=ApprovalState.REQUESTED)
    determination = models.ForeignKey("cases.Determination", on_delete=models.CASCADE, null=True, blank=True,
                                      related_name="approvals")
    plan = models.ForeignKey("cases.SupportPlan", on_delete=models.CASCADE, null=True, blank=True,
                             related_name="approvals")
    closure_status = models.CharField(max_length=16, blank=True)  # Closed or ClosedReferred, for closures
    closure_reason = EncryptedTextField(_("reason for case closure"))
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    request_comment = EncryptedTextField(_("comment"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_comment = EncryptedTextField(_("decision comment"))

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("approval")
        indexes = [models.Index(fields=["state", "kind"], name="approval_queue")]
