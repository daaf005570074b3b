"""Organisations (HTCDS ``org_Type``) and users with one role and a scope."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser, UserManager
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
    # A deactivated organisation's accounts cannot sign in and its tokens are refused (``User.may_sign_in``); it
    # is no longer a referral target. Its cases, users and audit trail stay; the code never changes.
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")

    def __str__(self) -> str:
        return self.name


class CtipUserManager(UserManager):
    """Django's user manager, except that signing in with a password (``ModelBackend`` looks the account up by
    its natural key, the user name) does not find an account of a deactivated organisation: the sign-in fails
    like a wrong password, so a guesser learns nothing about the organisation. (Nothing else in ctip looks
    accounts up by natural key; ``User.objects.filter(username=...)`` still finds every account.)"""

    def get_by_natural_key(self, username):
        return self.get(organisation_active(), **{self.model.USERNAME_FIELD: username})


def organisation_active() -> models.Q:
    """The organisation part of ``User.may_sign_in`` as a query filter (an account may have no organisation)."""
    return models.Q(organisation__isnull=True) | models.Q(organisation__is_active=True)


class User(AbstractUser):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="users",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.CASE_WORKER)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices, default=Scope.SELF)
    group = models.CharField(_("group"), max_length=100, blank=True)
    is_service_account = models.BooleanField(_("service account"), default=False)
    # Set when an administrator issues the password (new account, reset, reactivation): the person must choose
    # their own at their next sign-in, and the issued one stops working at this time (``ctip.accounts.passwords``).
    # None: the password is the person's own (or the account has none).
    temporary_password_expires = models.DateTimeField(_("temporary password expires"), null=True, blank=True)

    objects = CtipUserManager()

    @property
    def may_sign_in(self) -> bool:
        """An active account of an active organisation (or of none): sessions, sign-ins and API tokens of any
        other account are refused."""
        return self.is_active and (self.organisation is None or self.organisation.is_active)

    @property
    def has_temporary_password(self) -> bool:
        """Whether the password was issued by an administrator and not yet replaced by the person's own."""
        return self.temporary_password_expires is not None

    def has_capability(self, capability: str) -> bool:
        from ctip.accounts.permissions import role_has

        return self.is_active and role_has(self.role, capability)
