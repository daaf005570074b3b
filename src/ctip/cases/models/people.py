"""A person in the case store (HTCDS ``prs_*``): identifying fields encrypted, blind indexes for search."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils.translation import gettext_lazy as _

from ctip.cases import crypto
from ctip.cases.fields import EncryptedDateField, EncryptedTextField
from ctip.cases.validators import VocabCode, VocabCodes

CHILD_AGE = 18

# field -> blind-index kind; each gets a ``<field>_bidx`` column (see ``Person.refresh_blind_indexes``).
BLIND_INDEXED = {
    "first_name": "name", "last_name": "name", "full_name": "name", "identity_number": "identity",
    "mobile_phone": "phone", "home_phone": "phone", "email": "email",
}


class Person(models.Model):
    """A victim, possible victim or person at risk. Identifying fields are encrypted at rest."""

    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT, related_name="people",
                                     verbose_name=_("organisation"))
    # Identifying: encrypted (AES-GCM); never filter on them, use the *_bidx columns.
    first_name = EncryptedTextField(_("first name"))
    middle_name = EncryptedTextField(_("middle name"))
    last_name = EncryptedTextField(_("second name"))
    birth_date = EncryptedDateField(_("birth date"))
    identity_number = EncryptedTextField(_("identity number"))
    email = EncryptedTextField(_("e-mail"))
    home_phone = EncryptedTextField(_("home phone"))
    mobile_phone = EncryptedTextField(_("mobile phone"))
    mailing_street = EncryptedTextField(_("street"))
    mailing_city = EncryptedTextField(_("city"))
    mailing_state = EncryptedTextField(_("province or aimag"))
    mailing_postal_code = EncryptedTextField(_("postal code"))
    # Blind indexes (keyed HMAC of the normalised value): exact search without plaintext.
    first_name_bidx = models.CharField(max_length=32, blank=True, null=True, db_index=True, editable=False)
    last_name_bidx = models.CharField(max_length=32, blank=True, null=True, db_index=True, editable=False)
    full_name_bidx = models.CharField(max_length=32, blank=True, null=True, db_index=True, editable=False)
    identity_number_bidx = models.CharField(max_length=32, blank=True, null=True, db_index=True, editable=False)
    mobile_phone_bidx = models.CharField(max_length=32, blank=True, null=True, db_index=True, editable=False)
    home_phone_bidx = models.CharField(max_length=32, blank=True, null=True, db_index=True, editable=False)
    email_bidx = models.CharField(max_length=32, blank=True, null=True, db_index=True, editable=False)
    # Not identifying on their own: kept in clear for lists, rules and statistics.
    gender = models.CharField(_("gender"), max_length=32, blank=True, validators=[VocabCode("htcds.prs_Gender")])
    citizenship = models.CharField(_("citizenship"), max_length=3, blank=True,
                                   validators=[VocabCode("iso3166.alpha3")])
    other_citizenships = models.JSONField(_("other citizenships"), default=list, blank=True,
                                          validators=[VocabCodes("iso3166.alpha3")])
    mailing_country = models.CharField(_("country"), max_length=3, blank=True,
                                       validators=[VocabCode("iso3166.alpha3")])
    marital_status = models.CharField(_("marital status"), max_length=32, blank=True,
                                      validators=[VocabCode("htcds.prs_MaritalStatus")])
    highest_education = models.CharField(_("highest level of education"), max_length=48, blank=True,
                                         validators=[VocabCode("htcds.prs_HighestLevelOfEducation")])
    primary_language = models.CharField(_("primary language"), max_length=8, blank=True)
    number_of_children = models.PositiveSmallIntegerField(_("number of children"), null=True, blank=True)
    deceased = models.BooleanField(_("deceased"), default=False)
    # Age: documented (from the birth date) or estimated; a person may be presumed a child.
    age_years = models.PositiveSmallIntegerField(_("age at registration"), null=True, blank=True)
    age_estimated = models.BooleanField(_("age is estimated"), default=False)
    appears_to_be_child = models.BooleanField(_("appears to be a child"), default=False)
    registered_on = models.DateField(_("registered on"), default=dt.date.today)
    is_synthetic = models.BooleanField(_("synthetic (demo)"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"Person #{self.pk}"  # never the name: str() ends up in logs

    @property
    def full_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.middle_name, self.last_name) if p)

    @property
    def is_child(self) -> bool:
        """A documented age under 18, or (age missing or estimated) the person appears to be a child."""
        if self.age_years is not None and not self.age_estimated:
            return self.age_years < CHILD_AGE
        return self.appears_to_be_child or (self.age_years is not None and self.age_years < CHILD_AGE)

    @property
    def child_presumed(self) -> bool:
        """A child by presumption (age missing or estimated), protected pending verification."""
        return self.is_child and (self.age_years is None or self.age_estimated)

    def refresh_blind_indexes(self) -> None:
        """Recompute every ``*_bidx`` column from the plaintext held by this instance."""
        for name, kind in BLIND_INDEXED.items():
            value = self.search_name if name == "full_name" else getattr(self, name)
            setattr(self, f"{name}_bidx", crypto.blind_index(value or None, kind))

    @property
    def search_name(self) -> str:
        """First and second name: what a worker types to find someone by name."""
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    def age_on(self, day: dt.date) -> int | None:
        """Age in whole years on ``day`` from the birth date, if known."""
        b = self.birth_date
        if not b:
            return None
        return _whole_years(b, day)

    def age_at(self, day: dt.date) -> int | None:
        """Age on ``day``: from the birth date, else the age at registration plus the whole years since.

        A person who returns years later (a second case) is older than ``age_years`` says: the age at
        registration stays as recorded, and each case reads the age on its own registration date.
        """
        documented = self.age_on(day)
        if documented is not None or self.age_years is None:
            return documented
        return self.age_years + max(_whole_years(self.registered_on, day), 0)

    def is_child_on(self, day: dt.date) -> bool:
        """``is_child`` as of ``day``: equal to it on the registration date, then growing up with the years.

        A presumption (appears to be a child, age unknown) is not aged: with no age at all it holds until a
        worker records one.
        """
        age = self.age_at(day)
        if age is None:
            return self.appears_to_be_child
        if not self.age_estimated:
            return age < CHILD_AGE
        return age < CHILD_AGE or (self.appears_to_be_child and age == self.age_years)


def _whole_years(start: dt.date, day: dt.date) -> int:
    return day.year - start.year - ((day.month, day.day) < (start.month, start.day))
