"""Template filters of the OSINT workspace: translated names for the codes the pipeline writes."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

LABELS = {
    "high": _("high"), "medium": _("medium"), "low": _("low"), "none": _("none"),
    "strong": _("strong"), "weak": _("weak"),
    "phone": _("phone"), "email": _("e-mail"), "url": _("web address"), "domain": _("domain"),
    "handle": _("handle"), "money": _("money"),
    "one phone across several authors or places": _("one phone across several authors or places"),
    "several authors share one text template": _("several authors share one text template"),
}


@register.filter
def label(code: str) -> str:
    """The translated name of a pipeline code (risk level, hit strength, identifier kind, network cue)."""
    return LABELS.get(code, code)
