"""Template filters of the OSINT workspace: translated names for the codes the pipeline writes."""

from __future__ import annotations

import re

from django import template
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ctip.osint.messages import CATALOGUE, formatted
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

# Why ``ctip.osint.intake`` skipped a file: its English reason (a pattern) and the same in the reader's language.
SKIP_REASONS = [
    (re.compile(r"binary content \(NUL bytes\)"), _("binary content (NUL bytes)")),
    (re.compile(r"undecodable: .*"), _("undecodable: not UTF-8, UTF-16 or Windows-1251, and no other encoding fits")),
    (re.compile(r"CSV header has no text column \(expected one of (?P<expected>.*); found (?P<found>.*)\)"),
     _("CSV header has no text column (expected one of %(expected)s; found %(found)s)")),
    (re.compile(r"archive: .*"), _("archive: never extracted; unpack it yourself and scan the folder")),
    (re.compile(r"unsupported file type '(?P<suffix>.*)'; expected one of (?P<expected>.*)"),
     _("unsupported file type '%(suffix)s'; expected one of %(expected)s")),
    (re.compile(r"larger than (?P<mb>\d+) MB"), _("larger than %(mb)s MB")),
    (re.compile(r"same content as (?P<first>.*): its posts are read once"),
     _("same content as %(first)s: its posts are read once")),
    (re.compile(r"unreadable: (?P<share>\d+%) of the characters are control or unassigned characters"),
     _("unreadable: %(share)s of the characters are control or unassigned characters")),
    (re.compile(r"not readable as (?P<encoding>UTF-16(?:-LE|-BE)?): invalid bytes at offset (?P<offset>\d+)"),
     _("not readable as %(encoding)s: invalid bytes at offset %(offset)s")),
]


@register.filter
def label(code: str) -> str:
    """The translated name of a pipeline code (risk level, hit strength, identifier kind, network cue)."""
    return LABELS.get(code, code)


@register.filter
def language_name(code: str) -> str:
    """The translated name of a post's language code (``en``, ``mn-Latn``, ``und``...)."""
    return LANGUAGE_NAMES.get(code, code)


@register.filter
def skip_reason(reason: str) -> str:
    """Why a file was skipped, in the reader's language (a reason the pipeline does not know stays as given)."""
    for pattern, text in SKIP_REASONS:
        if match := pattern.fullmatch(reason):
            return str(text) % match.groupdict()
    return reason


@register.filter
def problem(item: dict) -> str:
    """A per-line intake problem (``{"code", "params", "text"}`` of ``custody.json``) in the reader's language;
    one of a kind the pipeline does not know (an older scan) stays as its English text."""
    template_text = CATALOGUE.get(item.get("code", ""))
    if template_text is None:
        return item.get("text", "")
    try:
        return gettext(template_text) % formatted(item.get("params", {}))
    except (KeyError, TypeError, ValueError):
        return item.get("text", "")
