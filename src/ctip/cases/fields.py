"""Model fields whose values are encrypted at rest (see ``ctip.cases.crypto``).

Reading an instance gives the plaintext; the database holds only ``enc1:<kid>:...``. Such a field
cannot be filtered on (except ``isnull``): exact search goes through the blind-index columns, so a
query can never compare plaintext in SQL by accident.
"""

from __future__ import annotations

import datetime as dt

from django.db import models

from ctip.cases import crypto


class EncryptedTextField(models.TextField):
    """Identifying free text or name; ``None`` and ``""`` are stored as NULL."""

    identifying = True

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    @property
    def aad(self) -> str:
        return f"{self.model._meta.label_lower}.{self.name}"

    def _to_text(self, value) -> str:
        return str(value)

    def _from_text(self, text: str):
        return text

    def from_db_value(self, value, expression, connection):
        if value is None:
            return None
        return self._from_text(crypto.decrypt(value, aad=self.aad))

    def to_python(self, value):
        if value is None or value == "":
            return None
        return value

    def get_prep_value(self, value):
        if value is None or value == "":
            return None
        return crypto.encrypt(self._to_text(value), aad=self.aad)

    def get_lookup(self, lookup_name):
        return super().get_lookup(lookup_name) if lookup_name == "isnull" else None

    def value_to_string(self, obj):  # serialisation (dumpdata) keeps the ciphertext
        return self.get_prep_value(self.value_from_object(obj))


class EncryptedDateField(EncryptedTextField):
    """A date (such as a birth date) encrypted as its ISO text."""

    def _to_text(self, value) -> str:
        return value.isoformat() if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)).isoformat()

    def _from_text(self, text: str):
        return dt.date.fromisoformat(text)

    def to_python(self, value):
        if value is None or value == "":
            return None
        if isinstance(value, dt.date):
            return value
        return dt.date.fromisoformat(str(value))


def encrypted_fields(model) -> list[EncryptedTextField]:
    """The identifying (encrypted) fields of a model."""
    return [f for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
