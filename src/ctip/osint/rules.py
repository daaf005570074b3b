"""Risk rules: versioned YAML packs of regular expressions, grouped in red-flag families.

A rules folder holds ``families.yaml`` (families, weights, thresholds) and one pack per language
(``en.yaml``, ``mn.yaml``, ``mn-Latn.yaml``...). Analysts add or edit packs without code; every pack is
validated on load and all its problems are reported at once, each naming the file, the rule and what
was expected. Rules may carry ``examples`` (must match) and ``counter_examples`` (must not), which
are checked on load too, so a pack documents and tests itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ctip.osint.model import Hit
from ctip.osint.transliterate import span_back

DEFAULT_RULES_DIR = Path(__file__).parent / "rules"
STRENGTHS = ("strong", "weak")
RULE_KEYS = {"id", "family", "strength", "pattern", "note", "examples", "counter_examples"}
PACK_KEYS = {"pack", "version", "languages", "transliterated_languages", "rules", "description"}
MAX_HITS_PER_RULE = 5
MAX_MATCH_CHARS = 100_000  # rules look at the first 100,000 characters of a post


class RulePackError(ValueError):
    """A rules folder or pack that cannot be used; the message lists every problem found."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    family: str
    strength: str
    pattern: re.Pattern
    pack: str
    note: str = ""
    # the same pattern without IGNORECASE, for lower-cased text (about twice as fast); None when the
    # pattern has upper-case characters (e.g. ``\W``) and lower-casing the text could change its meaning
    lowered: re.Pattern | None = None


@dataclass(frozen=True, slots=True)
class Pack:
    name: str
    version: str
    languages: tuple[str, ...]
    transliterated_languages: tuple[str, ...]
    rules: tuple[Rule, ...]
    path: str


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    weight: float
    label_en: str
    label_mn: str


@dataclass(frozen=True, slots=True)
class Scoring:
    version: str
    families: dict[str, Family]
    strength: dict[str, float]
    medium: float
    high: float
    min_families_to_flag: int
    min_families_for_high: int


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Everything the risk stage needs: the scoring table and the packs, by language."""

    scoring: Scoring
    packs: tuple[Pack, ...] = field(default_factory=tuple)

    @property
    def versions(self) -> dict[str, str]:
        return {"families": self.scoring.version, **{p.name: p.version for p in self.packs}}


def _read_yaml(path: Path) -> object:
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f", line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise RulePackError(f"{path.name}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulePackError(f"{path.name}: cannot be read ({exc})") from None


def _number(value: object, where: str, problems: list[str], low: float = 0.0, high: float = 1.0) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        problems.append(f"{where} must be a number in [{low}, {high}]; got {value!r}")
        return 0.0
    return float(value)


def load_scoring(path: Path) -> Scoring:
    """Families, weights and level thresholds from ``families.yaml``; raises ``RulePackError``."""
    data = _read_yaml(path)
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("families"), dict) or not data["families"]:
        raise RulePackError(f"{path.name}: expected a mapping with a non-empty 'families' mapping")
    families = {}
    for fid, spec in data["families"].items():
        spec = spec if isinstance(spec, dict) else {}
        label = spec.get("label") if isinstance(spec.get("label"), dict) else {}
        if not label.get("en") or not label.get("mn"):
            problems.append(f"{path.name}: family '{fid}' needs label.en and label.mn")
        weight = _number(spec.get("weight"), f"{path.name}: family '{fid}' weight", problems)
        families[str(fid)] = Family(str(fid), weight, str(label.get("en", fid)), str(label.get("mn", fid)))
    strength = data.get("strength") or {}
    levels = data.get("levels") or {}
    scoring = Scoring(
        version=str(data.get("version", "")),
        families=families,
        strength={s: _number(strength.get(s), f"{path.name}: strength.{s}", problems) for s in STRENGTHS},
        medium=_number(levels.get("medium"), f"{path.name}: levels.medium", problems),
        high=_number(levels.get("high"), f"{path.name}: levels.high", problems),
        min_families_to_flag=int(_number(data.get("min_families_to_flag"), f"{path.name}: min_families_to_flag",
                                         problems, 2, 20)),
        min_families_for_high=int(_number(data.get("min_families_for_high"),
                                          f"{path.name}: min_families_for_high", problems, 2, 20)),
    )
    if not scoring.version:
        problems.append(f"{path.name}: 'version' is missing")
    if scoring.medium > scoring.high:
        problems.append(f"{path.name}: levels.medium ({scoring.medium}) must not exceed levels.high ({scoring.high})")
    if problems:
        raise RulePackError("\n".join(problems))
    return scoring


def _rule(spec: object, index: int, pack: str, families: dict[str, Family], where: str,
          problems: list[str]) -> Rule | None:
    if not isinstance(spec, dict):
        problems.append(f"{where}, rule {index}: expected a mapping with id, family, strength and pattern")
        return None
    rid = spec.get("id")
    at = f"{where}, rule {index} ({rid!r})"
    before = len(problems)
    unknown = set(spec) - RULE_KEYS
    if unknown:
        problems.append(f"{at}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(RULE_KEYS))}")
    if not isinstance(rid, str) or not re.fullmatch(r"[\w.-]+", rid):
        problems.append(f"{at}: 'id' must be a word like 'en.pay.high'")
    if spec.get("family") not in families:
        problems.append(f"{at}: unknown family {spec.get('family')!r}; expected one of {', '.join(families)}")
    if spec.get("strength") not in STRENGTHS:
        problems.append(f"{at}: strength must be 'strong' or 'weak'; got {spec.get('strength')!r}")
    try:
        pattern = re.compile(str(spec.get("pattern") or ""), re.IGNORECASE)
    except re.error as exc:
        problems.append(f"{at}: pattern is not a valid regular expression ({exc})")
        return None
    if not spec.get("pattern") or pattern.search("") is not None:
        problems.append(f"{at}: pattern is missing or matches empty text (it would fire everywhere)")
    for example in spec.get("examples") or []:
        if pattern.search(str(example)) is None:
            problems.append(f"{at}: example {example!r} does not match the pattern")
    for example in spec.get("counter_examples") or []:
        if pattern.search(str(example)) is not None:
            problems.append(f"{at}: counter-example {example!r} matches the pattern")
    if len(problems) > before:
        return None
    source = str(spec["pattern"])
    lowered = re.compile(source) if source == source.lower() else None
    return Rule(rid, spec["family"], spec["strength"], pattern, pack, str(spec.get("note", "")), lowered)


def load_pack(path: Path, families: dict[str, Family]) -> Pack:
    """One rule pack; every problem in it is reported together in one ``RulePackError``."""
    data = _read_yaml(path)
    where = path.name
    if not isinstance(data, dict):
        raise RulePackError(f"{where}: expected a mapping with pack, version, languages and rules")
    problems: list[str] = []
    unknown = set(data) - PACK_KEYS
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(sorted(unknown))}; allowed: {', '.join(sorted(PACK_KEYS))}")
    for key in ("pack", "version"):
        if not data.get(key):
            problems.append(f"{where}: '{key}' is missing")
    languages = data.get("languages") or []
    if not isinstance(languages, list) or not languages:
        problems.append(f"{where}: 'languages' must be a non-empty list (e.g. [en])")
        languages = []
    specs = data.get("rules")
    if not isinstance(specs, list) or not specs:
        problems.append(f"{where}: 'rules' must be a non-empty list")
        specs = []
    rules = [_rule(spec, i, str(data.get("pack")), families, where, problems) for i, spec in enumerate(specs, 1)]
    seen: set[str] = set()
    for rule in filter(None, rules):
        if rule.id in seen:
            problems.append(f"{where}: rule id '{rule.id}' is used twice")
        seen.add(rule.id)
    if problems:
        raise RulePackError("\n".join(problems))
    return Pack(str(data["pack"]), str(data["version"]), tuple(map(str, languages)),
                tuple(map(str, data.get("transliterated_languages") or [])), tuple(filter(None, rules)), where)


def load_rules(directory: Path | None = None) -> RuleSet:
    """The scoring table and every ``*.yaml`` pack in ``directory`` (default: the packs shipped with ctip).

    >>> sorted(p.name for p in load_rules().packs)
    ['cjk', 'en', 'mn', 'mn-Latn']
    """
    directory = Path(directory) if directory else DEFAULT_RULES_DIR
    if not directory.is_dir():
        raise RulePackError(f"{directory}: rules folder not found")
    families_path = directory / "families.yaml"
    if not families_path.is_file():
        families_path = DEFAULT_RULES_DIR / "families.yaml"
    scoring = load_scoring(families_path)
    packs, problems = [], []
    for path in sorted(directory.glob("*.yaml")):
        if path.name == "families.yaml":
            continue
        try:
            packs.append(load_pack(path, scoring.families))
        except RulePackError as exc:
            problems.append(str(exc))
    names = [p.name for p in packs]
    problems += [f"pack name '{n}' is used by more than one file" for n in set(names) if names.count(n) > 1]
    if problems:
        raise RulePackError("\n".join(problems))
    if not packs:
        raise RulePackError(f"{directory}: no rule packs (*.yaml besides families.yaml)")
    return RuleSet(scoring, tuple(packs))


def match_rules(rules: RuleSet, text: str, language: str, latin: str = "",
                origin: list[int] | None = None) -> list[Hit]:
    """Every rule hit in a normalised post; spans index ``text`` (hits in ``latin`` are mapped back)."""
    hits: list[Hit] = []
    head = text[:MAX_MATCH_CHARS]
    for pack in rules.packs:
        if language in pack.languages:
            target, mapped = head, False
        elif language in pack.transliterated_languages and latin:
            target, mapped = latin[:MAX_MATCH_CHARS], True
        else:
            continue
        lower = target.lower()
        same_length = len(lower) == len(target)  # spans stay valid only if lower-casing kept the length
        for rule in pack.rules:
            if same_length and rule.lowered is not None:
                matches = rule.lowered.finditer(lower)
            else:
                matches = rule.pattern.finditer(target)
            for n, m in enumerate(matches):
                if n >= MAX_HITS_PER_RULE:
                    break
                start, end = span_back(origin or [], m.start(), m.end(), len(text)) if mapped else m.span()
                hits.append(Hit(rule.id, rule.family, rule.strength, start, end, text[start:end], pack.name))
    return _without_overlaps(hits)


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Drop a hit when another of the same family already covers an overlapping span (strong first)."""
    kept: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.strength != "strong", h.start)):
        if not any(k.family == hit.family and hit.start < k.end and k.start < hit.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: (h.start, h.end))


def score(scoring: Scoring, hits: list[Hit]) -> tuple[float, str, list[str]]:
    """Risk score in [0, 1], level (none, low, medium, high) and the families that fired.

    Families combine as independent cues: ``1 - prod(1 - weight * strength)``. One family alone,
    however strong, stays ``low``: flags need ``min_families_to_flag`` families, and ``high`` also
    needs a strong hit and ``min_families_for_high`` families.
    """
    best: dict[str, float] = {}
    for hit in hits:
        value = scoring.strength.get(hit.strength, 0.0)
        best[hit.family] = max(best.get(hit.family, 0.0), value)
    remaining = 1.0
    for family, value in best.items():
        remaining *= 1.0 - scoring.families[family].weight * value if family in scoring.families else 1.0
    risk = 1.0 - remaining
    families = sorted(best)
    strong = any(h.strength == "strong" for h in hits)
    if not families:
        level = "none"
    elif (len(families) >= scoring.min_families_for_high and strong and risk >= scoring.high):
        level = "high"
    elif len(families) >= scoring.min_families_to_flag and risk >= scoring.medium:
        level = "medium"
    else:
        level = "low"
    return risk, level, families
