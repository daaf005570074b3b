"""Trafficking events (HTCDS ``hte_*``) and perpetrator context (HTCDS ``per_*``)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.cases.fields import EncryptedTextField
from ctip.cases.validators import VocabCode, VocabCodes


class TraffickingEvent(models.Model):
    """Recruitment, transit or exploitation: where (country in clear, place encrypted) and when."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="events")
    event_type = models.CharField(_("type"), max_length=16, validators=[VocabCode("htcds.hte_Type")])
    country = models.CharField(_("country"), max_length=3, blank=True, validators=[VocabCode("iso3166.alpha3")])
    state = models.CharField(_("province or aimag"), max_length=100, blank=True)
    city = EncryptedTextField(_("city or place"))
    description = EncryptedTextField(_("description"))
    date = models.DateField(_("date"), null=True, blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("trafficking event")


class PerpetratorContext(models.Model):
    """What a perpetrator did in the process (``per_RoleInProcess``); never a name in clear."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="perpetrators")
    roles = models.JSONField(_("role in process"), default=list, validators=[VocabCodes("htcds.per_RoleInProcess")])
    relationship = models.CharField(_("relationship to the victim"), max_length=16, blank=True,
                                    validators=[VocabCode("htcds.vic_RelationshipToTrafficker")])
    details = EncryptedTextField(_("role details"))

    class Meta:
        verbose_name = _("perpetrator")
