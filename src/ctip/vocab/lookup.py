"""From raw spellings met in files to codes, and from one vocabulary to another."""

from __future__ import annotations

from functools import cache
from typing import Any

from ctip.vocab.codes import codes, scheme
from ctip.vocab.model import CodeMapping, UnknownCode
from ctip.vocab.registry import registry as _registry

MISSING_SCHEME = "ctdc.missing_marker"


def missing_markers() -> list[str]:
    """Spellings that mean "missing" in CTDC files in the wild (``-99``, empty, ``NA``, ...)."""
    return codes(MISSING_SCHEME)


@cache
def _folded_markers() -> frozenset[str]:
    return frozenset(m.casefold() for m in missing_markers())


def is_missing(raw: object) -> bool:
    """Whether a raw value is a missing marker (``None``, empty, ``-99``, ``NA``, ``ZZ``...; any case)."""
    return raw is None or str(raw).strip().casefold() in _folded_markers()


@cache
def _folded_codes(scheme_name: str) -> dict[str, str]:
    """Case-folded spelling -> code, for codes and aliases (exact codes win over aliases)."""
    s = scheme(scheme_name)
    table = {raw.casefold(): code for raw, code in s.aliases.items()}
    table.update({code.casefold(): code for code in s.codes})
    return table


def normalise(scheme_name: str, raw: object, field: str | None = None) -> str:
    """The scheme's code for a raw spelling: exact code, a declared alias, or a case-insensitive match.

    Raises :class:`UnknownCode` (naming ``field``) when nothing matches.
    """
    s = scheme(scheme_name)
    text = "" if raw is None else str(raw).strip()
    if text in s.codes:
        return text
    code = s.aliases.get(text) or _folded_codes(scheme_name).get(text.casefold())
    if code is None:
        raise UnknownCode(scheme_name, raw, s.codes, field)
    return code


def mappings() -> list[str]:
    """Names of every mapping (``<source scheme>-><target scheme>``), sorted."""
    return sorted(_registry().mappings)


def mapping_info(name: str) -> CodeMapping:
    """The mapping with its metadata (source and target scheme, kind, citation, unmapped codes)."""
    try:
        return _registry().mappings[name]
    except KeyError:
        raise KeyError(f"unknown vocabulary mapping {name!r}; known mappings: {', '.join(mappings())}") from None


def mapping(name: str) -> dict[str, Any]:
    """A lookup table for the mapping ``name``.

    Keys: every source code, plus the source scheme's raw spellings (aliases) and, for mappings that
    accept them, the missing markers. Values: the target code, or ``None`` when the code is explicitly
    unmapped or missing (``kind: one``); a tuple of target codes (``kind: many``).
    """
    m = mapping_info(name)
    table: dict[str, Any] = dict(m.pairs)
    for raw, code in scheme(m.source_scheme).aliases.items():
        table.setdefault(raw, m.pairs.get(code))
    if m.missing:
        for marker in missing_markers():
            table.setdefault(marker, () if m.many else None)
    return table


@cache
def _folded_mapping(name: str) -> dict[str, Any]:
    """Case-folded raw spelling -> target for ``map_value`` (missing markers, then aliases, then codes)."""
    m = mapping_info(name)
    table: dict[str, Any] = {}
    if m.missing:
        table.update({marker: () if m.many else None for marker in _folded_markers()})
    for raw, code in _folded_codes(m.source_scheme).items():
        table[raw] = m.pairs.get(code, () if m.many else None)
    return table


def map_value(name: str, raw: object, field: str | None = None) -> Any:
    """Map one raw value through the mapping ``name`` (trimming it and ignoring case).

    Missing markers give ``None`` (or ``()``) when the mapping accepts them; any other unknown value
    raises :class:`UnknownCode` naming ``field`` and the valid codes.
    """
    text = "" if raw is None else str(raw).strip()
    try:
        return _folded_mapping(name)[text.casefold()]
    except KeyError:
        source = mapping_info(name).source_scheme
        raise UnknownCode(source, raw, codes(source), field) from None
