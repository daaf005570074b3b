"""Template filters of the release pages: translated names of the release methods."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

METHODS = {
    "kanon": _("k-anonymous microdata"),
    "aggregates-k": _("protected count tables (threshold)"),
    "aggregates-dp": _("differentially private counts"),
    "synthetic": _("differentially private synthetic records"),
}


@register.filter
def method_label(code: str) -> str:
    """The translated name of a release method (``kanon``, ``aggregates-k``, ...); unknown codes as given."""
    return METHODS.get(code, code)
