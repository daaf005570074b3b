"""The vocabulary's data model and its YAML loader.

A *scheme* is a named code list (``htcds.vic_TypeOfExploitation``, ``ctip.gender``) whose codes carry
labels in English (``en``) and Mongolian (``mn``). A *mapping* (``<source scheme>-><target scheme>``)
says, for every code of the source scheme, which target code(s) it corresponds to; ``null`` (one-to-one)
or ``[]`` (one-to-many) marks a code as explicitly unmapped.

Files in ``data/*.yaml`` have two optional top-level keys::

    schemes:
      ctip.gender:
        title: {en: Gender, mn: Хүйс}
        source: ctip dataset schema (src/ctip/dataset/schema.py)
        codes:
          female: {en: Female, mn: Эмэгтэй}
        aliases: {Woman: female}          # raw spellings met in the wild -> code (optional)
    mappings:
      ctdc2017.gender->ctip.gender:
        kind: one                          # one (value or null) | many (list, [] = unmapped)
        missing: true                      # the source's missing markers map to null (optional)
        source: CTDC codebook v6.0, variable 3
        map: {Male: male, Female: female, Unknown: null}

Every file is validated when loaded; a mistake raises :class:`VocabularyError` naming the file, the
entry and what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

LANGUAGES = ("en", "mn")


class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader (libyaml when available) that refuses a key repeated in one mapping.

    Plain YAML keeps the last of two equal keys silently, which would let a second definition of a
    scheme, mapping or code replace the first without anyone noticing.
    """

    def construct_mapping(self, node, deep=False):
        """The mapping, after checking that no key repeats."""
        seen: dict[object, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice in one mapping (lines {seen[key]} and {line}); "
                    "define each scheme, mapping and code once", key_node.start_mark)
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class VocabularyError(ValueError):
    """A vocabulary data file is malformed (raised when the vocabulary is loaded)."""


class UnknownCode(ValueError):
    """A code is not in its scheme; the message lists the valid codes."""

    def __init__(self, scheme: str, code: object, valid: Iterable[str], field: str | None = None):
        self.scheme, self.code, self.field = scheme, code, field
        self.valid = list(valid)
        where = f"'{field}'" if field else f"scheme {scheme}"
        super().__init__(f"unknown code {code!r} in {where}; expected one of: {', '.join(self.valid)}")


@dataclass(frozen=True)
class Scheme:
    """A code list with bilingual labels, in the order the source gives them."""

    name: str
    title: Mapping[str, str]
    source: str
    codes: Mapping[str, Mapping[str, str]]  # code -> {lang: label}
    aliases: Mapping[str, str] = field(default_factory=dict)  # raw spelling -> code
    file: str = ""


@dataclass(frozen=True)
class CodeMapping:
    """How each code of one scheme corresponds to the codes of another."""

    name: str
    source_scheme: str
    target_scheme: str
    many: bool
    pairs: Mapping[str, Any]  # code -> target code | None (one), or tuple of codes (many)
    missing: bool = False
    source: str = ""
    file: str = ""

    def unmapped(self) -> list[str]:
        """Source codes explicitly marked as having no counterpart."""
        return [c for c, t in self.pairs.items() if t is None or t == ()]


def _fail(file: str, where: str, message: str) -> VocabularyError:
    return VocabularyError(f"{file}: {where}: {message}")


def _labels(file: str, where: str, value: Any, *, require_mn: bool) -> dict[str, str]:
    if not isinstance(value, dict):
        raise _fail(file, where, f"expected a mapping of language to label like {{en: ..., mn: ...}}, got {value!r}")
    unknown = set(value) - set(LANGUAGES)
    if unknown:
        raise _fail(file, where, f"unknown language(s) {sorted(unknown)}; expected {', '.join(LANGUAGES)}")
    needed = LANGUAGES if require_mn else ("en",)
    for lang in needed:
        if not isinstance(value.get(lang), str) or not value[lang].strip():
            raise _fail(file, where, f"missing or empty '{lang}' label")
    return {k: str(v) for k, v in value.items()}


def parse_scheme(file: str, name: str, spec: Any) -> Scheme:
    """Validate one scheme entry of a data file."""
    where = f"scheme {name}"
    if not isinstance(spec, dict):
        raise _fail(file, where, "expected a mapping with 'title', 'source' and 'codes'")
    extra = set(spec) - {"title", "source", "codes", "aliases"}
    if extra:
        raise _fail(file, where, f"unknown key(s) {sorted(extra)}; expected title, source, codes, aliases")
    if not isinstance(spec.get("source"), str):
        raise _fail(file, where, "'source' (where the codes come from) is required")
    codes = spec.get("codes")
    if not isinstance(codes, dict) or not codes:
        raise _fail(file, where, "'codes' must be a non-empty mapping of code to labels")
    parsed = {}
    for code, labels in codes.items():
        if not isinstance(code, str):
            raise _fail(file, f"{where}, code {code!r}", "codes must be strings (quote numbers in YAML)")
        parsed[code] = _labels(file, f"{where}, code {code}", labels, require_mn=False)
    aliases = spec.get("aliases") or {}
    if not isinstance(aliases, dict):
        raise _fail(file, where, "'aliases' must map raw spellings to codes")
    for raw, code in aliases.items():
        if code not in parsed:
            raise _fail(file, f"{where}, alias {raw!r}", f"points to unknown code {code!r}")
    title = _labels(file, f"{where}, title", spec.get("title"), require_mn=False)
    return Scheme(name, title, spec["source"], parsed, {str(k): v for k, v in aliases.items()}, file)


def parse_mapping(file: str, name: str, spec: Any) -> CodeMapping:
    """Validate the shape of one mapping entry (codes are checked once every scheme is loaded)."""
    where = f"mapping {name}"
    if "->" not in name:
        raise _fail(file, where, "a mapping is named '<source scheme>-><target scheme>'")
    source_scheme, target_scheme = name.split("->", 1)
    if not isinstance(spec, dict) or not isinstance(spec.get("map"), dict):
        raise _fail(file, where, "expected a mapping with 'kind', 'source' and 'map'")
    extra = set(spec) - {"kind", "missing", "source", "map"}
    if extra:
        raise _fail(file, where, f"unknown key(s) {sorted(extra)}; expected kind, missing, source, map")
    kind = spec.get("kind", "one")
    if kind not in ("one", "many"):
        raise _fail(file, where, f"'kind' must be 'one' or 'many', got {kind!r}")
    pairs: dict[str, Any] = {}
    for code, target in spec["map"].items():
        if kind == "one":
            if target is not None and not isinstance(target, str):
                raise _fail(file, f"{where}, code {code}", f"expected one target code or null, got {target!r}")
            pairs[str(code)] = target
        else:
            if not isinstance(target, list) or not all(isinstance(t, str) for t in target):
                raise _fail(file, f"{where}, code {code}", f"expected a list of target codes ([] if none), got {target!r}")
            pairs[str(code)] = tuple(target)
    return CodeMapping(name, source_scheme, target_scheme, kind == "many", pairs,
                       bool(spec.get("missing", False)), str(spec.get("source", "")), file)


def read_file(path: Path) -> tuple[list[Scheme], list[CodeMapping]]:
    """Parse and validate one data file."""
    file = path.name
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader) or {}
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{file}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or set(data) - {"schemes", "mappings"}:
        raise VocabularyError(f"{file}: top level must hold only 'schemes' and/or 'mappings'")
    schemes = [parse_scheme(file, n, s) for n, s in (data.get("schemes") or {}).items()]
    mappings = [parse_mapping(file, n, s) for n, s in (data.get("mappings") or {}).items()]
    return schemes, mappings


def check_mapping_codes(mapping: CodeMapping, schemes: Mapping[str, Scheme]) -> None:
    """Every key must be a source code (or alias) and every target a target code."""
    where = f"mapping {mapping.name}"
    for scheme_name in (mapping.source_scheme, mapping.target_scheme):
        if scheme_name not in schemes:
            raise _fail(mapping.file, where, f"unknown scheme {scheme_name!r}")
    source, target = schemes[mapping.source_scheme], schemes[mapping.target_scheme]
    for code, value in mapping.pairs.items():
        if code not in source.codes:
            raise _fail(mapping.file, f"{where}, code {code!r}",
                        f"not a code of {source.name}; expected one of: {', '.join(source.codes)}")
        for t in (value if mapping.many else (value,)):
            if t is not None and t not in target.codes:
                raise _fail(mapping.file, f"{where}, code {code!r}",
                            f"target {t!r} is not a code of {target.name}; expected one of: {', '.join(target.codes)}")
