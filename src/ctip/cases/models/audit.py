"""The append-only, hash-chained audit log, and the access log of views of children's records."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("the audit log is append-only")

    def delete(self):
        raise PermissionError("the audit log is append-only")


class AuditEvent(models.Model):
    """One create, update, delete or view. ``hash`` = SHA-256 over the event and ``prev_hash``.

    ``seq`` numbers events 1, 2, 3, ... without gaps, so a deleted event breaks the chain as surely
    as an edited one. ``changes`` names the fields that changed; values of identifying (encrypted)
    fields are never written here, only the marker ``"[identifying]"``.
    """

    seq = models.BigIntegerField(unique=True)
    at = models.DateTimeField()
    actor_id = models.BigIntegerField(null=True)
    actor_username = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=32)  # create, update, delete, view, ...
    entity = models.CharField(max_length=64)  # model label, e.g. cases.case
    entity_id = models.CharField(max_length=64, blank=True)
    case_public_id = models.CharField(max_length=9, blank=True, db_index=True)
    changes = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["seq"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("the audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("the audit log is append-only")


class AccessLog(models.Model):
    """Who opened which child's record, when (besides the audit event every view writes)."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.SET_NULL, null=True, related_name="access_log")
    case_public_id = models.CharField(max_length=9, db_index=True)  # kept if the case is later deleted
    what = models.CharField(max_length=32, default="view")

    class Meta:
        ordering = ["-at", "-id"]
