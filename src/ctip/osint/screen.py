"""The per-post stages, each a pure function over a batch: normalise → identify → score.

``screen_batch`` chains them; each stage can also run alone (e.g. inside Spark ``mapPartitions``),
since it reads only its batch and the loaded ``RuleSet``.
"""

from __future__ import annotations

from ctip.osint.identifiers import find_identifiers
from ctip.osint.language import detect_language
from ctip.osint.model import Hit, Post, Screened
from ctip.osint.normalise import normalise
from ctip.osint.rules import RuleSet, match_rules, score
from ctip.osint.transliterate import to_latin

# Free web-mail providers: a recruiter writing from one gives no company behind the post.
FREE_MAIL = frozenset({"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "mail.ru", "yandex.ru",
                       "qq.com", "163.com", "naver.com", "daum.net", "icloud.com", "protonmail.com"})


def normalise_batch(posts: list[Post]) -> list[Screened]:
    """Stage 2: canonical text, obfuscation hits, language and (for Mongolian) the Latin form."""
    out = []
    for post in posts:
        text, obfuscations = normalise(post.text)
        language = detect_language(text)
        out.append(Screened(post=post, normalised=text, language=language, obfuscations=obfuscations))
    return out


def identify_batch(batch: list[Screened]) -> list[Screened]:
    """Stage 3: identifiers in each normalised text (phones, e-mails, URLs, domains, handles, money)."""
    for item in batch:
        item.identifiers = find_identifiers(item.normalised, item.language)
    return batch


def _derived_hits(item: Screened) -> list[Hit]:
    hits = []
    for ident in item.identifiers:
        if ident.kind == "email" and ident.value.rsplit("@", 1)[-1] in FREE_MAIL:
            hits.append(Hit("identifiers.free_mail", "anonymity", "weak", ident.start, ident.end, ident.text,
                            "identifiers"))
            break
    return hits


def risk_batch(batch: list[Screened], rules: RuleSet) -> list[Screened]:
    """Stage 4: rule hits (with rule, family and span) and the combined score and level."""
    for item in batch:
        latin, origin = to_latin(item.normalised) if item.language == "mn" else ("", [])
        item.latin = latin
        hits = match_rules(rules, item.normalised, item.language, latin, origin)
        item.hits = sorted(hits + item.obfuscations + _derived_hits(item), key=lambda h: (h.start, h.end))
        item.score, item.level, item.families = score(rules.scoring, item.hits)
    return batch


def screen_batch(posts: list[Post], rules: RuleSet) -> list[Screened]:
    """Stages 2–4 on one batch of posts."""
    return risk_batch(identify_batch(normalise_batch(posts)), rules)
