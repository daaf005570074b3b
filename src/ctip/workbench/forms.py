"""Forms of the OSINT workspace: the upload (several files at once) and the results filters."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

# The languages ``ctip.osint.language`` tells apart, by code.
LANGUAGE_NAMES = {
    "en": _("English"), "mn": _("Mongolian (Cyrillic)"), "mn-Latn": _("Mongolian (Latin)"), "ru": _("Russian"),
    "zh": _("Chinese"), "ko": _("Korean"), "ja": _("Japanese"), "und": _("unknown"),
}


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """A file field that accepts several files and cleans to a list of them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        return [single(d, initial) for d in data] if isinstance(data, list | tuple) else [single(data, initial)]


class UploadForm(forms.Form):
    name = forms.CharField(label=_("Name of this collection"), max_length=200, required=False)
    # an empty file is taken, as on the command line: the custody record lists it with 0 posts
    files = MultipleFileField(
        allow_empty_file=True,
        label=_("Files (JSONL, CSV, TXT or HTML)"),
        help_text=_("Archives are not extracted; binary and undecodable files are skipped and listed."),
    )


class FilterForm(forms.Form):
    level = forms.ChoiceField(label=_("Risk level"), required=False, choices=[
        ("", _("all")), ("flagged", _("flagged (medium or high)")), ("high", _("high")), ("medium", _("medium")),
        ("low", _("low")), ("none", _("none"))])
    family = forms.ChoiceField(label=_("Red-flag family"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False,
                                 choices=[("", _("all")), *LANGUAGE_NAMES.items()])
    text = forms.CharField(label=_("Text contains"), required=False)
    identifier = forms.CharField(label=_("Identifier contains"), required=False)

    def __init__(self, *args, families: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["family"].choices = [("", _("all"))] + sorted(families.items(), key=lambda kv: str(kv[1]))
