"""Identifiers in a normalised post: phones (E.164), e-mails, URLs and domains, messenger and social
handles, and money amounts with their currency. All offline: phone metadata ships with
``phonenumbers`` and domains are checked against ``tldextract``'s bundled public-suffix snapshot.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

import phonenumbers
import tldextract

from ctip.osint.model import Identifier

DEFAULT_REGION = "MN"
# Numbers written without a country code are tried as Mongolian first, then in the main destinations.
NATIONAL_REGIONS = ("MN", "KR", "CN", "JP", "MO", "TR")
MAX_PHONE_CANDIDATES = 200  # per post: a hostile text of digits cannot cost millions of parses
MAX_NUMBERS = 1000  # numbers looked at for amounts, per post

_PHONE = re.compile(r"(?<![\w+@/=.])(?:\+|00)?\d[\d \t().\-]{5,20}\d(?![\w@])")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}\b")
_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>\"'()\[\]{}]{2,300}|\b(?:t\.me|wa\.me|m\.me|line\.me|"
                  r"open\.kakao\.com|fb\.com|facebook\.com|instagram\.com)/[^\s<>\"'()\[\]{}]{1,200}", re.I)
_BARE_DOMAIN = re.compile(r"(?<![\w@./-])(?:[A-Za-z0-9-]{1,63}\.){1,4}[A-Za-z]{2,24}(?![\w@-])")
# A capitalised word followed by another: a person's display name after a platform keyword, not a handle
_DISPLAY_NAME = re.compile(r"[A-Z][a-z]+")
_NEXT_NAME = re.compile(r" [A-ZА-ЯЁӨҮ][a-zа-яёөү]+")
_URL_PARTS = re.compile(r"((?:https?://)?)([^/?#]*)(.*)", re.I | re.S)
_AT_HANDLE = re.compile(r"(?<![\w.@])@([A-Za-z][A-Za-z0-9_.]{2,31})\b")

# platform -> spellings that introduce a handle; short or common words need a ':' or 'id' after them
_PLATFORMS = {
    "telegram": (r"telegram|телеграмм?|телеграм", r"tg"),
    "whatsapp": (r"whats\s?app|вотсап|ватсап|вацап", r"wa"),
    "wechat": (r"we\s?chat|weixin|微信|вичат|вичэт|вичет", r"wx"),
    "kakaotalk": (r"kakao\s?talk|kakao|카카오톡|카톡|какао\s?ток|какао", r"kt"),
    "line": (r"лайн", r"line"),
    "facebook": (r"facebook|фэйсбүүк|фейсбук|фэйсбүк", r"fb|фб"),
    "instagram": (r"instagram|insta|инстаграм|инста", r"ig"),
}
_HANDLE_VALUE = r"@?([A-Za-z0-9][A-Za-z0-9_.\-]{2,40})"
_PHONE_VALUE = r"(\+?\d[\d \-]{5,18}\d|[A-Za-z0-9][A-Za-z0-9_.\-]{2,40})"
_KEYWORD_HANDLES = [
    # possessive ``\s*+``: three optional runs of white space in a row would otherwise backtrack
    # through every split of a long run (a keyword followed by 60,000 spaces took half a minute)
    (platform, re.compile(rf"(?<![^\W\d_])(?:(?:{long})(?![^\W\d_])(?:\s*+id)?\s*+[:：=\-]?\s*+|"
                          rf"(?:{short})(?:\s*+id)?\s*+[:：=]\s*+)"
                          rf"{_PHONE_VALUE if platform == 'whatsapp' else _HANDLE_VALUE}", re.I))
    for platform, (long, short) in _PLATFORMS.items()
]
# Cheap pre-check before the keyword patterns: substrings of the lower-cased text (fast in C), and
# the short keywords only when a ':' or '=' follows them.
_KEYWORD_STEMS = ("telegram", "телеграм", "whats", "вотсап", "ватсап", "вацап", "chat", "weixin", "微信",
                  "вичат", "вичэт", "вичет", "kakao", "카카오", "카톡", "какао", "лайн", "facebook",
                  "фэйсбүүк", "фейсбук", "фэйсбүк", "insta", "инста")
_SHORT_KEYWORD = re.compile(r"(?:tg|wa|wx|kt|line|fb|фб|ig)\s*(?:id\s*)?[:：=]")
# Region hints: lower-case substrings naming a destination (checked only for numbers without '+').
_DESTINATIONS = [
    ("KR", ("korea", "солонгос", "solongos", "seoul", "сөүл", "busan", "пусан", "한국")),
    ("JP", ("japan", "япон", "yapon", "tokyo", "токио", "osaka", "日本")),
    ("TR", ("turkey", "türkiye", "турк", "turk", "istanbul", "истанбул", "ankara")),
    ("MO", ("macau", "macao", "макао", "makao", "澳門", "澳门")),
    ("CN", ("china", "хятад", "hyatad", "khyatad", "erlian", "эрээн", "ereen", "beijing", "бээжин", "中国")),
]
# A post in Mongolian, or naming Mongolia, is where a Mongolian service number (1800-1234) is meant as one.
MONGOLIAN_LANGUAGES = ("mn", "mn-Latn")
_MONGOLIA = ("mongol", "монгол", "ulaanbaatar", "улаанбаатар", "ulan bator", "ulan-bator")
# Toll-free (1800) and premium-rate (1900) lines: written 4+4, dialled only within Mongolia, so kept as
# written (no +976) with region MN. They are organisations' public lines (banks, operators, hotlines).
_SERVICE_NUMBER = re.compile(r"(1[89]00)[ .\-]?(\d{4})")
_URL_HANDLES = [
    # paths that are not accounts (invite links, shares, a platform's own pages) are no handles: two
    # unrelated posts with t.me/joinchat/... or facebook.com/marketplace/... must not be linked
    ("telegram", re.compile(r"t\.me/(?!(?:joinchat|addstickers|share|s|c)\b)([A-Za-z0-9_]{3,40})", re.I)),
    ("whatsapp", re.compile(r"wa\.me/\+?(\d{6,15})", re.I)),
    ("facebook", re.compile(r"(?:facebook|fb)\.com/(?!(?:profile\.php|groups|pages|marketplace|watch|events|"
                            r"photo\.php|photo|story\.php|permalink\.php|sharer|share|reel|hashtag|login)\b)"
                            r"([A-Za-z0-9.]{3,50})", re.I)),
    ("instagram", re.compile(r"instagram\.com/(?!(?:p|reel|reels|explore|stories|tv)\b)([A-Za-z0-9_.]{2,30})", re.I)),
    ("line", re.compile(r"line\.me/(?:ti/p/)?~?([A-Za-z0-9_.\-]{3,40})", re.I)),
    ("kakaotalk", re.compile(r"open\.kakao\.com/o/([A-Za-z0-9]{4,20})", re.I)),
    ("facebook", re.compile(r"m\.me/([A-Za-z0-9.]{3,50})", re.I)),
]
PLATFORM_DOMAINS = frozenset({
    "t.me", "wa.me", "m.me", "line.me", "kakao.com", "facebook.com", "fb.com", "instagram.com",
    "whatsapp.com", "telegram.org", "wechat.com", "qq.com", "gmail.com", "yahoo.com", "mail.ru",
    "google.com", "youtube.com", "tiktok.com",
    # link shorteners: one domain for links of everyone, so the domain links no one (the full link still does)
    "bit.ly", "tinyurl.com", "goo.gl", "t.co", "ow.ly", "is.gd", "cutt.ly", "rebrand.ly", "shorturl.at", "tiny.cc",
    "youtu.be",
    # mail, social and classified sites where unrelated people post side by side
    "hotmail.com", "outlook.com", "icloud.com", "naver.com", "daum.net", "163.com", "vk.com", "ok.ru",
    "twitter.com", "x.com", "linkedin.com", "zangia.mn", "unegui.mn",
})

_MULTIPLIERS = {"k": 1e3, "к": 1e3, "мянга": 1e3, "myanga": 1e3, "thousand": 1e3, "сая": 1e6, "sai": 1e6,
                "saya": 1e6, "million": 1e6, "mln": 1e6, "m": 1e6, "тэрбум": 1e9, "terbum": 1e9}
_CURRENCIES = {
    "USD": r"\$|usd|us\s?dollars?|dollars?|доллар|долл|dollar",
    "MNT": r"₮|mnt|төгрөг|төг|tugrug|tugrik|tug|togrog",
    "KRW": r"₩|krw|won|вон|원",
    "JPY": r"jpy|yen|иен|ен|円",
    "CNY": r"¥|cny|rmb|yuan|юань|юан|元",
    "EUR": r"€|eur|euro|евро",
    "TRY": r"₺|try|lira|лира|tl",
    "MOP": r"mop|pataca|патака",
    "AED": r"aed|dirham|дирхам",
    "RUB": r"₽|rub|руб|рубль",
}
_CUR_ALT = "|".join(f"(?P<{code}>{pattern})" for code, pattern in _CURRENCIES.items())
_NUMBER = r"\d{1,3}(?:[ ,.]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
_MULT = r"(?:\s?(?P<mult>k|к|мянга|myanga|thousand|сая|sai|saya|million|mln|тэрбум|terbum)(?![^\W\d_]))?"
_NUMBER_AT = re.compile(rf"(?<![\w.,])(?:{_NUMBER})")
_MONEY_AFTER = re.compile(rf"{_MULT}\s?(?:{_CUR_ALT})(?![^\W\d_])", re.I)
_MONEY_BEFORE = re.compile(rf"(?:{_CUR_ALT})\s?$", re.I)
_MULT_ONLY = re.compile(rf"{_MULT}(?![^\W\d_])", re.I)
_MNT_WORD_AFTER = re.compile(r"\s?(?P<mult>сая|sai|saya|тэрбум)(?![^\W\d_])", re.I)

@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    """Offline domain parser: bundled suffix snapshot, no download, no cache directory."""
    return tldextract.TLDExtract(cache_dir=None, suffix_list_urls=(), fallback_to_snapshot=True)


def registered_domain(host: str) -> str:
    """``example.co.kr`` for ``jobs.example.co.kr``; empty if the host has no public suffix."""
    parts = _extractor()(host.lower())
    return f"{parts.domain}.{parts.suffix}" if parts.domain and parts.suffix else ""


def region_hints(text: str) -> tuple[str, ...]:
    """Regions to try for national numbers: Mongolia, then the destinations the post names."""
    low = text.lower()
    named = [region for region, stems in _DESTINATIONS if any(stem in low for stem in stems)]
    return tuple(dict.fromkeys([DEFAULT_REGION, *named]))


def regions_for(digits: str, hints: tuple[str, ...]) -> tuple[str, ...]:
    """Regions to try for a number written without a country code.

    Mongolia and the destinations the post names; the other destinations only for a number in a
    form Mongolia does not use: a leading trunk ``0`` (Korea, Japan, Turkey) or eleven digits starting
    with ``1`` (a Chinese mobile). Otherwise a Mongolian service number such as 1800-1234, or a
    reference number, would be read as Korean and link unrelated posts.
    """
    if digits.startswith("0") or (len(digits) == 11 and digits.startswith("1")):
        return tuple(dict.fromkeys([*hints, *NATIONAL_REGIONS]))
    return hints


def parse_phone(candidate: str, regions: tuple[str, ...] = NATIONAL_REGIONS) -> tuple[str, str] | None:
    """E.164 form and region of a phone-like string; without a country code, ``regions`` are tried in order."""
    raw = candidate.strip()
    if raw.startswith("00"):
        raw = "+" + raw[2:]
    regions = (None,) if raw.startswith("+") else regions
    for region in regions:
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            return e164, phonenumbers.region_code_for_number(number) or ""
    return None


def service_number(candidate: str) -> str | None:
    """``1800-1234`` for a Mongolian toll-free or premium-rate number written 4+4, else None.

    A range of years (``1900-1950``) or of round amounts (``1900-2000``) is not a number.

    >>> service_number("1800 1234"), service_number("1900-1950"), service_number("1800-1900")
    ('1800-1234', None, None)
    """
    match = _SERVICE_NUMBER.fullmatch(candidate.strip())
    if not match:
        return None
    first, second = match.groups()
    if int(second) % 100 == 0 or (first == "1900" and 1900 <= int(second) <= 2099):
        return None
    return f"{first}-{second}"


def is_service_number(key: str) -> bool:
    """Whether an identifier key (``phone:1800-1234``) is a Mongolian service number: an organisation's
    public line quoted by unrelated posts, so it is shown but links no posts (like a hub)."""
    return key.startswith("phone:") and not key.startswith("phone:+")


def mongolian_context(text: str, language: str) -> bool:
    """A post in Mongolian (Cyrillic or Latin), or one naming Mongolia or Ulaanbaatar."""
    if language in MONGOLIAN_LANGUAGES:
        return True
    low = text.lower()
    return any(stem in low for stem in _MONGOLIA)


def _amount(text: str, mult: str | None) -> float:
    digits = re.sub(r"\s", "", text)
    if re.search(r"[.,]\d{1,2}$", digits) and not re.search(r"[.,]\d{3}$", digits):
        whole, frac = re.split(r"[.,](?=\d{1,2}$)", digits)
        value = float(re.sub(r"[.,]", "", whole) + "." + frac)
    else:
        value = float(re.sub(r"[.,]", "", digits))
    return value * _MULTIPLIERS.get((mult or "").lower(), 1.0)


def _url_value(url: str) -> str:
    """A URL with its scheme and host in lower case (they are case-blind; the path is not), so that
    ``https://Agency.MN/jobs`` and ``https://agency.mn/jobs`` are one identifier."""
    scheme, host, rest = _URL_PARTS.match(url).groups()
    return scheme.lower() + host.lower() + rest


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in taken)


def find_money(text: str) -> list[Identifier]:
    """Amounts with a currency (symbol, code or word, English or Mongolian); ``сая`` alone means MNT.

    Numbers are found first and only their surroundings are searched for a currency, which keeps
    this fast on long texts.
    """
    found: list[Identifier] = []
    for n, m in enumerate(_NUMBER_AT.finditer(text)):
        if n >= MAX_NUMBERS:
            break
        before = _MONEY_BEFORE.search(text, max(0, m.start() - 16), m.start())
        after = _MONEY_AFTER.match(text, m.end())
        mnt = None if before or after else _MNT_WORD_AFTER.match(text, m.end())
        if before:
            currency = next(code for code in _CURRENCIES if before.group(code))
            tail = _MULT_ONLY.match(text, m.end())
            start, end, mult = before.start(), tail.end() if tail else m.end(), tail.group("mult") if tail else None
        elif after:
            currency = next(code for code in _CURRENCIES if after.group(code))
            start, end, mult = m.start(), after.end(), after.group("mult")
        elif mnt:
            currency, start, end, mult = "MNT", m.start(), mnt.end(), mnt.group("mult")
        else:
            continue
        try:
            amount = _amount(m.group(0), mult)
        except ValueError:
            continue
        if not math.isfinite(amount):  # hostile input: thousands of digits overflow a float
            continue
        value = f"{amount:.0f} {currency}" if amount == int(amount) else f"{amount:.2f} {currency}"
        found.append(Identifier("money", value, start, end, text[start:end], amount=amount, currency=currency))
    return found


def find_identifiers(text: str, language: str = "") -> list[Identifier]:
    """Every identifier in ``text`` (a normalised post in ``language``), in order of position.

    Mongolian service numbers (``1800-1234``) are read only in a post in Mongolian or naming Mongolia.

    >>> [i.key for i in find_identifiers("WhatsApp: +976 9911 2233, mail anna.k@example.mn")]
    ['handle:whatsapp:97699112233', 'phone:+97699112233', 'email:anna.k@example.mn']
    """
    found: list[Identifier] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    has_at = "@" in text
    for m in _EMAIL.finditer(text) if has_at else ():
        found.append(Identifier("email", m.group(0).lower(), m.start(), m.end(), m.group(0)))
        taken.append((m.start(), m.end()))
    hosts: list[tuple[str, int, int]] = []
    for m in _URL.finditer(text) if "/" in text or "www." in low else ():
        url = m.group(0).rstrip(".,;:!?")
        end = m.start() + len(url)
        found.append(Identifier("url", _url_value(url), m.start(), end, url))
        taken.append((m.start(), end))
        host = re.sub(r"^(?:https?://)?", "", url, flags=re.I).split("/")[0].split(":")[0]
        hosts.append((host, m.start(), end))
        for platform, pattern in _URL_HANDLES:
            hm = pattern.search(url)
            if hm:
                found.append(Identifier("handle", hm.group(1).lower(), m.start(), end, url, platform=platform))
                break
    keywords = any(stem in low for stem in _KEYWORD_STEMS) or _SHORT_KEYWORD.search(low) is not None
    for platform, pattern in _KEYWORD_HANDLES if keywords else ():
        for m in pattern.finditer(text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            value = m.group(1).rstrip(".-")
            if _DISPLAY_NAME.fullmatch(value) and _NEXT_NAME.match(text, m.end(1)):
                continue  # "Facebook: Anna Bat" names a person; "anna" alone would link every Anna
            digits = re.sub(r"\D", "", value)
            if platform == "whatsapp" and len(digits) >= 7:
                phone = parse_phone(value if value.startswith("+") else "+" + digits) or parse_phone(value)
                value = phone[0].lstrip("+") if phone else digits
            found.append(Identifier("handle", value.lower(), m.start(), m.end(), m.group(0), platform=platform))
            if not value.isdigit():  # a WhatsApp number is also read as a phone below
                taken.append((m.start(), m.end()))
    for m in _BARE_DOMAIN.finditer(text):
        if not _overlaps(m.start(), m.end(), taken) and registered_domain(m.group(0)):
            hosts.append((m.group(0), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for host, start, end in hosts:
        domain = registered_domain(host)
        if domain and domain not in PLATFORM_DOMAINS:
            found.append(Identifier("domain", domain, start, end, host))
    money = find_money(text)
    found.extend(money)
    for m in _AT_HANDLE.finditer(text) if has_at else ():
        if not _overlaps(m.start(), m.end(), taken) and not any(
                i.kind == "handle" and i.start <= m.start() < i.end for i in found):
            found.append(Identifier("handle", m.group(1).lower(), m.start(), m.end(), m.group(0)))
    money_spans = [(i.start, i.end) for i in money]
    regions: tuple[str, ...] | None = None
    mongolian: bool | None = None
    for n, m in enumerate(_PHONE.finditer(text)):
        if n >= MAX_PHONE_CANDIDATES:
            break
        if _overlaps(m.start(), m.end(), taken + money_spans):
            continue
        digits = re.sub(r"\D", "", m.group(0))
        if not 7 <= len(digits) <= 15:
            continue
        if regions is None and not m.group(0).startswith(("+", "00")):
            regions = region_hints(text)
        service = service_number(m.group(0))
        if service is not None and mongolian is None:
            mongolian = mongolian_context(text, language)
        if service is not None and mongolian:  # before the destinations: Korea has 1800 numbers too
            found.append(Identifier("phone", service, m.start(), m.end(), m.group(0), region="MN"))
            continue
        parsed = parse_phone(m.group(0), regions_for(digits, regions) if regions else NATIONAL_REGIONS)
        if parsed:
            found.append(Identifier("phone", parsed[0], m.start(), m.end(), m.group(0), region=parsed[1]))
    found.sort(key=lambda i: (i.start, i.kind))
    return _dedupe(found)


def _dedupe(found: list[Identifier]) -> list[Identifier]:
    seen: set[tuple[str, int]] = set()
    out = []
    for ident in found:
        if (ident.key, ident.start) not in seen:
            seen.add((ident.key, ident.start))
            out.append(ident)
    return out
