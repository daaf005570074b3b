"""Template filters of the OSINT workspace: translated names for the codes the pipeline writes."""

from __future__ import annotations

from django import template
from django.utils.translation import gettext_lazy as _

from ctip.osint.messages import CATALOGUE, file_problem_of, formatted
from ctip.web.wording import worded
from ctip.workbench.forms import LANGUAGE_NAMES

register = template.Library()

LABELS = {
    "high": _("high"), "medium": _("medium"), "low": _("low"), "none": _("none"),
    "strong": _("strong"), "weak": _("weak"),
    "post": _("post"), "phone": _("phone"), "email": _("e-mail"), "url": _("web address"), "domain": _("domain"),
    "handle": _("handle"), "money": _("money"), "read": _("read"), "skipped": _("skipped"),
    "one phone across several authors or places": _("one phone across several authors or places"),
    "several authors share one text template": _("several authors share one text template"),
}


@register.filter
def label(code: str) -> str:
    """The translated name of a pipeline code (risk level, hit strength, identifier kind, network cue)."""
    return LABELS.get(code, code)


@register.filter
def language_name(code: str) -> str:
    """The translated name of a post's language code (``en``, ``mn-Latn``, ``und``...)."""
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def skip_reason(record: dict) -> str:
    """Why a file was skipped (a custody record, or an entry of the summary's ``files_skipped``) in the reader's
    language. A record written before reasons had codes is recognised by its English wording; a reason the
    pipeline does not know stays as given."""
    english = record.get("reason", "")
    code, params = record.get("reason_code") or record.get("code"), record.get("reason_params") or record.get("params")
    if not code and (found := file_problem_of(english)):
        code, params = found.code, found.params
    return worded(CATALOGUE, code, formatted(params or {}), english)


@register.filter
def problem(item: dict) -> str:
    """A per-line intake problem (``{"code", "params", "text"}`` of ``custody.json``) in the reader's language;
    one of a kind the pipeline does not know (an older scan) stays as its English text."""
    params = item.get("params")
    return worded(CATALOGUE, item.get("code"), formatted(params) if isinstance(params, dict) else None,
                  item.get("text", ""))
