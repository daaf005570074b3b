"""OSINT workspace records, in tables of their own (never joined to the case store).

A ``Scan`` is one upload and its results; the files themselves live under
``config.osint_dir()/scans/<id>/`` (inputs and outputs). ``AccessEvent`` records every access.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scan(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=200)
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="osint_scans")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="osint_scans")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    posts = models.PositiveIntegerField(_("posts"), default=0)
    flagged = models.PositiveIntegerField(_("flagged"), default=0)
    clusters = models.PositiveIntegerField(_("clusters"), default=0)
    files_read = models.PositiveIntegerField(_("files read"), default=0)
    files_skipped = models.PositiveIntegerField(_("files skipped"), default=0)
    summary = models.JSONField(default=dict)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class AccessEvent(models.Model):
    class Action(models.TextChoices):
        UPLOAD = "upload", _("upload")
        LIST = "list", _("list scans")
        RESULTS = "results", _("view results")
        POST = "post", _("view post")
        CLUSTER = "cluster", _("view cluster")
        DOWNLOAD = "download", _("download")
        DENIED = "denied", _("refused: not this organisation's scan")
        UPLOAD_REFUSED = "upload_refused", _("upload refused")

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="osint_access")
    scan = models.ForeignKey(Scan, on_delete=models.SET_NULL, null=True, blank=True, related_name="access_events")
    action = models.CharField(max_length=16, choices=Action.choices)
    target = models.CharField(max_length=200, blank=True)
    # a refused upload: {"reason": code of services.REFUSALS, "params": {...}, "files": n, "bytes": n}
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
