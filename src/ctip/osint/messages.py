"""The problems intake notes while reading a file, as data: a catalogue of kinds (code -> English template).

A problem is a :class:`Problem`: its ``code`` and ``params``, and the English ``text`` made from the
template (what ``custody.json`` keeps beside the code and parameters, and what the CLI and the offline
report show). The workspace pages word the same code and parameters in the reader's language: the
template is the ``gettext`` msgid, so the English page and the custody record never drift apart (as
``ctip.exchange.messages`` does for dataset imports).

Parameters hold data (file names, line numbers, counts, JSON type names), never English words, with
one exception: ``detail`` in ``not_json`` is the JSON parser's own description of the error.

>>> problem("empty_row", file="ads.csv", row=3).text
'ads.csv, row 3: empty text'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

CATALOGUE: dict[str, str] = {
    "text_cut": "%(file)s, line %(line)s: text of %(length)s characters cut to %(limit)s",
    "not_json": "%(file)s, line %(line)s: not JSON (%(detail)s at column %(column)s)",
    "not_object": "%(file)s, line %(line)s: expected a JSON object, got %(type)s",
    "no_text": "%(file)s, line %(line)s: no 'text' field, or it is empty",
    "empty_row": "%(file)s, row %(row)s: empty text",
    "more_problems": "(and %(count)s more)",
}
GROUPED = frozenset({"length", "limit"})  # numbers written with thousands separators (4,000,000)
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
JSON_TYPES = {"list": "array", "str": "string", "int": "number", "float": "number", "bool": "boolean",
              "NoneType": "null"}


def formatted(params: Mapping[str, object]) -> dict[str, object]:
    """The parameters as the templates write them: ``GROUPED`` numbers with thousands separators."""
    return {k: f"{v:,}" if k in GROUPED and isinstance(v, int) else v for k, v in params.items()}


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of one file: its kind (``code``) and parameters; ``text`` is the English wording."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return CATALOGUE[self.code] % formatted(self.params)

    def as_dict(self) -> dict:
        """``{"code", "params", "text"}``, as ``custody.json`` keeps it."""
        return {"code": self.code, "params": dict(self.params), "text": self.text}


def problem(code: str, **params: object) -> Problem:
    """The problem of kind ``code``; ``ValueError`` unless ``params`` are exactly the template's placeholders."""
    if code not in CATALOGUE:
        raise ValueError(f"unknown problem kind {code!r}; expected one of: {', '.join(CATALOGUE)}")
    names = set(PLACEHOLDER.findall(CATALOGUE[code]))
    if set(params) != names:
        raise ValueError(f"problem {code!r} takes {', '.join(sorted(names))}, got {', '.join(sorted(params))}")
    return Problem(code, params)
