"""Lookup tables from raw cell spellings to dataset codes (and back), all taken from ``ctip.vocab``.

Importers match cells case-insensitively, so every table here is keyed by the case-folded spelling.
Built once per process; the vocabulary is the single place where codes and their spellings live.
"""

from __future__ import annotations

from functools import cache

from ctip import vocab
from ctip.exchange.messages import Message, listed, message


@cache
def lookup(mapping_name: str) -> dict[str, str | None]:
    """Case-folded raw spelling -> target code (None = missing or explicitly unmapped), for a ``kind: one`` mapping.

    The target scheme's own codes map to themselves, so files written with dataset codes also read.
    """
    info = vocab.mapping_info(mapping_name)
    table: dict[str, str | None] = {code.casefold(): code for code in vocab.codes(info.target_scheme)}
    for raw, target in vocab.mapping(mapping_name).items():
        table[str(raw).strip().casefold()] = target
    return table


@cache
def countries() -> dict[str, str]:
    """Case-folded alpha-2, alpha-3 and English name -> alpha-3."""
    table: dict[str, str] = {}
    for a3 in vocab.codes("iso3166.alpha3"):
        table[a3.casefold()] = a3
        table[vocab.country_alpha2(a3).casefold()] = a3
        table[vocab.label("iso3166.alpha3", a3, "en").casefold()] = a3
    return table


@cache
def reverse(mapping_name: str) -> dict[str, str]:
    """Target code -> the source scheme's canonical code (first source code mapping to it), for writers."""
    out: dict[str, str] = {}
    for source_code, target in vocab.mapping_info(mapping_name).pairs.items():
        targets = target if isinstance(target, tuple) else (target,)
        for t in targets:
            if t is not None:
                out.setdefault(t, source_code)
    return out


def expected(scheme_name: str, limit: int = 12) -> Message:
    """The valid codes of a scheme (the first ``limit``), as the message of a cell with an unknown code."""
    return message("code", choices=listed(vocab.codes(scheme_name), limit))
