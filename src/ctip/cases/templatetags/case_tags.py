"""Template filters of the case pages: code labels from ``ctip.vocab`` in the page's language."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ctip import vocab

register = template.Library()


@register.filter
def code_label(code: str, scheme: str) -> str:
    """``{{ code|code_label:"htcds.prs_Gender" }}``: the label, or the code itself if it is unknown."""
    if code in (None, ""):
        return ""
    try:
        return vocab.label(scheme, code, get_language() or "en")
    except ValueError:
        return code


@register.filter
def code_labels(codes, scheme: str) -> str:
    """A list of codes as a comma-separated list of labels."""
    return ", ".join(code_label(c, scheme) for c in codes or [])


@register.filter
def country(code: str) -> str:
    if not code:
        return ""
    try:
        return vocab.country_name(code, get_language() or "en")
    except ValueError:
        return code


@register.filter
def org_name(organisation) -> str:
    """``{{ referral.to_organisation|org_name }}``: the name, marked "(deactivated)" when the organisation was
    deactivated (its records stay, but it takes no new referral, transfer or consent)."""
    if organisation is None:
        return ""
    if getattr(organisation, "is_active", True):
        return organisation.name
    return _("%(name)s (deactivated)") % {"name": organisation.name}
