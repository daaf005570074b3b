"""Forms of the merge pages: pick the other record by one of its case ids, then choose value by value."""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from ctip.cases.merge import KEEP, MERGE, Detail, MergeReason, default_choice


class PickForm(forms.Form):
    other = forms.CharField(label=_("Case id of the other record"), max_length=20,
                            help_text=_("A case of the other person record, for example 7K3M-9Q2A."))


class MergeForm(forms.Form):
    """One choice per detail that differs (the kept record's value or the other's), the reason, the confirmation."""

    reason = forms.ChoiceField(label=_("Reason for merging"), choices=[("", "—"), *MergeReason.choices])
    confirm = forms.BooleanField(
        label=_("I understand that the merge cannot be undone: the other record is erased and its cases move to "
                "the record kept."),
        error_messages={"required": _("Tick the box to confirm that the merge cannot be undone.")})

    def __init__(self, *args, details: list[Detail], **kwargs):
        super().__init__(*args, **kwargs)
        self.choice_fields = []
        for detail in details:
            if not detail.differs:
                continue
            name = f"field_{detail.field}"
            self.fields[name] = forms.ChoiceField(
                label=detail.label, widget=forms.RadioSelect, initial=default_choice(detail),
                choices=[(KEEP, format_lazy("{} ({})", detail.keep or _("none"), _("record kept"))),
                         (MERGE, format_lazy("{} ({})", detail.other or _("none"), _("other record")))])
            self.choice_fields.append(name)
        self.order_fields([*self.choice_fields, "reason", "confirm"])

    def choices(self) -> dict[str, str]:
        """``{field: "keep" | "merge"}`` from the cleaned data."""
        return {name.removeprefix("field_"): self.cleaned_data[name] for name in self.choice_fields}
