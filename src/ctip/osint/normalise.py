"""Normalisation: one canonical text per post, and a record of every obfuscation undone.

Steps, in order: Unicode NFKC (full-width, circled and mathematical digits become ASCII);
invisible characters and emoji keycaps removed (``9️⃣`` → ``9``); letters borrowed from another
script inside a word folded to the word's own script (``Сeoul`` → ``Seoul``), and look-alike
letters inside digit runs read as digits (``99O1l`` → ``99011``); ``[at]``/``(dot)`` mail tricks
undone; digits spelled out in English or Mongolian, or spaced and dotted apart, joined back
(``nine 9 one one 22 33`` → ``99112233``). Every change that hides a number is reported as an
``obfuscation`` hit at its place in the normalised text.
"""

from __future__ import annotations

import re
import unicodedata

from ctip.osint.model import Hit

FAMILY = "obfuscation"

_STYLED_DIGITS = re.compile(r"[\uff10-\uff19\u2460-\u24ff\u2776-\u2793\U0001d7ce-\U0001d7ff\U0001f100-\U0001f10a]|\d\ufe0f?\u20e3")
# A run of digits holding at least one styled digit (``99➊➊ 2233``): what a styled-digit hit points at.
_STYLED_RUN = re.compile(rf"(?:{_STYLED_DIGITS.pattern}|[0-9])(?:[ .\-]?(?:{_STYLED_DIGITS.pattern}|[0-9]))*")
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\ufe00-\ufe0f\u00ad]")
_KEYCAP = re.compile(r"([0-9#*])\ufe0f?\u20e3")
_MIXED_WORD = re.compile(r"[^\W_]+")
_HAS_CYR = re.compile(r"[\u0400-\u04ff]")
_HAS_LAT = re.compile(r"[A-Za-z]")
# Runs of six or more digits and look-alikes (not inside a word); ``lookalike`` folds those holding at
# least two real digits. The digit count is checked there, not in a look-ahead: a look-ahead re-scans
# the run from every start, which made a post of 200,000 '|' take minutes.
_DIGIT_LOOKALIKE = re.compile(r"(?<![^\W\d_])[0-9OoОоlI|Зз]{6,}(?![^\W\d_])")
# Each alternative starts only where a run of white space starts ``(?<!\s)``: a match starting inside
# the run would re-scan it from every position (quadratic on a post of many spaces), and the earliest
# start already tries every shorter one.
_MAIL_AT = re.compile(r"(?<!\s)\s*[\[({<]\s*(?:at|эт)\s*[\])}>]\s*|(?<!\s)\s+(?:at|эт)\s+"
                      r"(?=[\w.-]+\s*[\[({<]?\s*(?:dot|цэг)\b)",
                      re.I)
_MAIL_DOT = re.compile(r"(?<!\s)\s*[\[({<]\s*(?:dot|цэг)\s*[\])}>]\s*|(?<!\s)\s+(?:dot|цэг)\s+"
                       r"(?=(?:com|net|org|mn|ru|kr|cn)\b)",
                       re.I)

_CYR_TO_LAT = str.maketrans("аеорсухіјѕАВЕКМНОРСТХІЈЅ", "aeopcyxijsABEKMHOPCTXIJS")
_LAT_TO_CYR = str.maketrans("aeopcyxABEKMHOPCTX", "аеорсухАВЕКМНОРСТХ")
_DIGIT_FOLD = str.maketrans("OoОоlI|Зз", "000011133")
# Circled digits that NFKC leaves alone (dingbats ❶➀➊, double-circled ⓵, negative-circled ⓿): read as digits.
# Their "ten" forms (❿➉➓⓾) are left as they are: "10" would add a digit the writer may not have meant.
_DINGBAT_DIGITS = {c: str(unicodedata.digit(chr(c))) for c in [*range(0x2776, 0x2794), *range(0x24f5, 0x2500)]
                   if unicodedata.digit(chr(c), None) is not None}

UNITS = {
    # English
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9,
    # Mongolian, Cyrillic (plain and attributive forms)
    "тэг": 0, "нэг": 1, "нэгэн": 1, "хоёр": 2, "гурав": 3, "гурван": 3, "дөрөв": 4, "дөрвөн": 4, "тав": 5,
    "таван": 5, "зургаа": 6, "зургаан": 6, "долоо": 7, "долоон": 7, "найм": 8, "найман": 8, "ес": 9,
    "есөн": 9,
    # Mongolian, Latin letters as written online
    "teg": 0, "neg": 1, "negen": 1, "hoyor": 2, "khoyor": 2, "hoyr": 2, "hoer": 2, "gurav": 3,
    "gurvan": 3, "dorov": 4, "durvu": 4, "dorvon": 4, "durvun": 4, "tav": 5, "tavan": 5, "zurgaa": 6,
    "zurgaan": 6, "doloo": 7, "doloon": 7, "naim": 8, "naiman": 8, "naym": 8, "yos": 9, "yes": 9,
    "yesun": 9, "esun": 9,
}
TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
    "арав": 10, "арван": 10, "хорь": 20, "хорин": 20, "гуч": 30, "гучин": 30, "дөч": 40, "дөчин": 40,
    "тавь": 50, "тавин": 50, "жар": 60, "жаран": 60, "дал": 70, "далан": 70, "ная": 80, "наян": 80,
    "ер": 90, "ерэн": 90,
    "arav": 10, "arvan": 10, "hori": 20, "horin": 20, "guch": 30, "guchin": 30, "doch": 40, "dochin": 40,
    "tavi": 50, "tavin": 50, "jar": 60, "jaran": 60, "dal": 70, "dalan": 70, "naya": 80, "nayan": 80,
    "yer": 90, "yeren": 90, "eren": 90,
}
_WORDS = {**UNITS, **TEENS, **TENS}
_WORD_ALT = "|".join(sorted(map(re.escape, _WORDS), key=len, reverse=True))
_WORD_OR_NUMBER = re.compile(r"\w+")
_SEPARATOR = re.compile(r"[ \t.\-_,/*·•|:]{1,3}")
# Opening hours (``10:00-18:00``, ``9.00 - 18.00``): numbers, not a hidden phone; left as written.
_HOURS = re.compile(r"^\d{1,2}[:.]\d{2}(?:\s*-\s*\d{1,2}[:.]\d{2})?$")
_DATE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")


def _fold_scripts(text: str) -> str:
    """Fold letters of the minority script inside mixed Latin/Cyrillic words into the majority script."""
    def fold(match: re.Match) -> str:
        word = match.group(0)
        if word.isascii():
            return word
        cyr = len(_HAS_CYR.findall(word))
        lat = len(_HAS_LAT.findall(word))
        if not cyr or not lat:
            return word
        return word.translate(_CYR_TO_LAT) if lat >= cyr else word.translate(_LAT_TO_CYR)

    return _MIXED_WORD.sub(fold, text) if _HAS_CYR.search(text) and _HAS_LAT.search(text) else text


def _decode_run(run: str, tokens: list[str]) -> tuple[str, str] | None:
    """Digits hidden in a run of number tokens, and how they were hidden; None to leave it alone."""
    words = [t for t in tokens if not t.isdigit()]
    if not words:
        if _DATE.match(run.strip()) or _HOURS.match(run.strip()) or len(tokens) < 3:
            return None
        digits = "".join(tokens)
        if not 6 <= len(digits) <= 15 or max(len(t) for t in tokens) > 4:
            return None
        # a usual way of writing a number (e.g. 2 000 000, 9911 2233) is joined but not called hidden
        spaced = sum(len(t) == 1 for t in tokens) >= 4
        return digits, ("spaced digits" if spaced else "")
    out: list[str] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token in TENS and i + 1 < len(tokens) and UNITS.get(tokens[i + 1], 0) > 0:
            out.append(str(TENS[token] + UNITS[tokens[i + 1]]))
            i += 2
            continue
        out.append(token if token.isdigit() else str(_WORDS[token]))
        i += 1
    digits = "".join(out)
    if len(digits) < 6:
        return None
    return digits, "digits spelled out"


def _number_runs(text: str) -> list[tuple[int, int, list[str]]]:
    """Spans of three or more number tokens (1–4 digits or number words) joined by short separators.

    A walk over word tokens with dictionary look-ups: much faster than one regular expression
    holding every number word.
    """
    runs: list[tuple[int, int, list[str]]] = []
    tokens = _WORD_OR_NUMBER.findall(text.lower())
    if sum(1 for t in tokens if t in _WORDS or (t.isdigit() and len(t) <= 4)) < 3:
        return runs  # fewer than three number tokens in the whole text: no run possible
    current: list[tuple[int, int, str]] = []
    for m in _WORD_OR_NUMBER.finditer(text):
        token = m.group(0).lower()
        numeric = (token.isdigit() and len(token) <= 4 and token.isascii()) or token in _WORDS
        joined = bool(current) and _SEPARATOR.fullmatch(text, current[-1][1], m.start()) is not None
        if numeric and (joined or not current):
            current.append((m.start(), m.end(), token))
            continue
        if len(current) >= 3:
            runs.append((current[0][0], current[-1][1], [t for _, _, t in current]))
        current = [(m.start(), m.end(), token)] if numeric else []
    if len(current) >= 3:
        runs.append((current[0][0], current[-1][1], [t for _, _, t in current]))
    return runs


def normalise(text: str) -> tuple[str, list[Hit]]:
    """Canonical text of a post and the obfuscation hits found while producing it.

    >>> normalise("Call nine nine one one 2 2 3 3")[0]
    'Call 99112233'
    """
    styled = _STYLED_DIGITS.search(text) is not None or "\U0001f51f" in text
    hints: dict[str, list[tuple[str, float]]] = {}  # rule -> [(digits it hid, where in the text, 0–1)]
    if styled:
        hints["normalise.styled_digits"] = _styled_hint(text)
    out = unicodedata.normalize("NFKC", text)
    if styled:
        out = out.translate(_DINGBAT_DIGITS)
    out = _KEYCAP.sub(r"\1", out)
    out = _INVISIBLE.sub("", out)
    out = out.replace("\U0001f51f", "10")
    hits: list[Hit] = []
    folded = out if out.isascii() else _fold_scripts(out)
    if folded != out:
        hits.append(Hit("normalise.mixed_script", FAMILY, "weak", 0, 0, "", "normalise"))
    out = folded
    low = out.lower()
    if "dot" in low or "цэг" in low or any(c in out for c in "[({<"):
        out = _MAIL_AT.sub("@", out)
        out = _MAIL_DOT.sub(".", out)

    def lookalike(match: re.Match) -> str:
        token = match.group(0)
        if token.isdigit() or sum(c.isdigit() for c in token) < 2:
            return token
        digits = token.translate(_DIGIT_FOLD)
        hints.setdefault("normalise.lookalike_digits", [(digits, match.start() / max(len(out), 1))])
        return digits

    folded = _DIGIT_LOOKALIKE.sub(lookalike, out)
    if folded != out:
        hits.append(Hit("normalise.lookalike_digits", FAMILY, "weak", 0, 0, "", "normalise"))
    out = folded
    pieces: list[str] = []
    length = 0  # characters in pieces so far
    last = 0
    for start_at, end_at, tokens in _number_runs(out):
        decoded = _decode_run(out[start_at:end_at], tokens)
        if decoded is None:
            continue
        digits, how = decoded
        pieces.append(out[last:start_at])
        start = length + start_at - last
        length = start + len(digits)
        pieces.append(digits)
        if how:
            rule = "normalise.spelled_digits" if how == "digits spelled out" else "normalise.spaced_digits"
            hits.append(Hit(rule, FAMILY, "weak", start, start + len(digits), digits, "normalise"))
        last = end_at
    if pieces:
        pieces.append(out[last:])
        out = "".join(pieces)
    if styled:
        hits.append(Hit("normalise.styled_digits", FAMILY, "weak", 0, 0, "", "normalise"))
    return out, _locate(out, hits, text, hints)


def _styled_hint(text: str) -> list[tuple[str, float]]:
    """Where a styled-digit hit should point: the digits of the first run holding a styled digit (found
    as one number when the run was joined), else of its longest group; each with where it starts (0–1)."""
    def digits(piece: str) -> str:
        plain = _KEYCAP.sub(r"\1", unicodedata.normalize("NFKC", piece).translate(_DINGBAT_DIGITS))
        return "".join(c for c in plain if c.isascii() and c.isdigit())

    for run in _STYLED_RUN.finditer(text):
        groups = [g for g in re.finditer(r"[^ .\-]+", run.group(0)) if _STYLED_DIGITS.search(g.group(0))]
        if groups:
            group = max(groups, key=lambda g: len(g.group(0)))
            return [(digits(run.group(0)), run.start() / max(len(text), 1)),
                    (digits(group.group(0)), (run.start() + group.start()) / max(len(text), 1))]
    return []


def _nearest(out: str, needle: str, where: float) -> tuple[int, int] | None:
    """The span of the occurrence of ``needle`` in ``out`` nearest to ``where`` (0–1 of the text)."""
    starts, at = [], out.find(needle)
    while at >= 0 and len(starts) < 1000:
        starts.append(at)
        at = out.find(needle, at + 1)
    if not starts:
        return None
    best = min(starts, key=lambda s: abs(s / max(len(out), 1) - where))
    return best, best + len(needle)


def _locate(out: str, hits: list[Hit], original: str, hints: dict[str, list[tuple[str, float]]]) -> list[Hit]:
    """Give span-less hits (mixed scripts, look-alike or styled digits) a span in the normalised text.

    Digit tricks point at the digits they hid (the occurrence nearest to where the trick was written),
    else at the first run of four or more digits; a mixed-script word at its first word that changed
    script. Hits with nothing to point at are dropped.
    """
    located = []
    for hit in hits:
        if hit.rule == "normalise.mixed_script":
            match = next((m for m in _MIXED_WORD.finditer(original) if _HAS_CYR.search(m.group(0))
                          and _HAS_LAT.search(m.group(0))), None)
            found = out.find(_fold_scripts(match.group(0))) if match else -1
            if found < 0:
                continue
            hit.start, hit.end = found, found + len(match.group(0))
            hit.text = out[hit.start:hit.end]
        elif hit.end == 0:
            span = next((found for needle, where in hints.get(hit.rule, [])
                         if needle and (found := _nearest(out, needle, where))), None)
            if span is None:
                match = re.search(r"\d{4,}", out)
                if match is None:
                    continue
                span = match.span()
            hit.start, hit.end = span
            hit.text = out[hit.start:hit.end]
        located.append(hit)
    return located
