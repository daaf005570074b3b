"""Forms of the retention page and the case page's retention panel: anonymise a case, place a hold.

Several cases share the retention page, so each form is prefixed with its action and the case id
(``anon-7K3M-9Q2A-reason``): every field keeps a unique id and its own label.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ctip.cases.models import AnonymisationReason


class AnonymiseForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason for anonymising"), choices=AnonymisationReason.choices)
    confirm = forms.BooleanField(
        label=_("I understand that the identifying details are erased for good and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm that the erasure cannot be undone.")})

    def __init__(self, *args, public_id: str, **kwargs):
        super().__init__(*args, prefix=f"anon-{public_id}", **kwargs)


class HoldForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the hold"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2}),
                             help_text=_("For example: criminal proceedings are under way. Kept encrypted."))

    def __init__(self, *args, public_id: str, **kwargs):
        super().__init__(*args, prefix=f"hold-{public_id}", **kwargs)
