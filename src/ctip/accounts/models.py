"""Organisations (HTCDS ``org_Type``) and users with one role and a scope."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASE_WORKER = "case_worker", _("Case worker")
    SUPERVISOR = "supervisor", _("Supervisor")
    ORG_ADMIN = "org_admin", _("Organisation administrator")
    POLICE_ANALYST = "police_analyst", _("Police analyst")
    DATA_ANALYST = "data_analyst", _("Data analyst")
    SYSADMIN = "sysadmin", _("System administrator")


class Scope(models.TextChoices):
    """Which cases a user's role applies to (Primero's self | group | agency | all)."""

    SELF = "self", _("Own cases")
    GROUP = "group", _("Own group")
    ORGANISATION = "organisation", _("Own organisation")
    ALL = "all", _("All organisations")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200, unique=True)
    code = models.SlugField(_("short code"), max_length=40, unique=True)
    # HTCDS org_Type code; validated against ctip.vocab by forms and services.
    org_type = models.CharField(_("type"), max_length=64)
    country = models.CharField(_("country"), max_length=3, default="MNG")
    is_demo = models.BooleanField(_("demo (synthetic)"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="users",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.CASE_WORKER)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices, default=Scope.SELF)
    group = models.CharField(_("group"), max_length=100, blank=True)
    is_service_account = models.BooleanField(_("service account"), default=False)

    def has_capability(self, capability: str) -> bool:
        from ctip.accounts.permissions import role_has

        return self.is_active and role_has(self.role, capability)
