"""Latin transliteration of Mongolian Cyrillic, with an offset map back to the Cyrillic text.

The Latin form follows the spelling most used online (х→h, ж→j, ц→ts, ө→o, ү→u), which is also
the form the Mongolian-Latin rule pack is written in; so one pack matches posts written in either
script, and every hit in the transliteration is reported at its place in the original text.
"""

from __future__ import annotations

_TABLE = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s",
    "т": "t", "у": "u", "ү": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "",
    "ы": "i", "ь": "i", "э": "e", "ю": "yu", "я": "ya",
}


def to_latin(text: str) -> tuple[str, list[int]]:
    """The lower-case Latin form of ``text`` and, for each of its characters, the index it came from.

    >>> to_latin("Хятад")[0]
    'hyatad'
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text.lower()):
        latin = _TABLE.get(char, char)
        out.append(latin)
        origin.extend([index] * len(latin))
    return "".join(out), origin


def span_back(origin: list[int], start: int, end: int, length: int) -> tuple[int, int]:
    """Map the span ``[start, end)`` of a transliteration back to the source text of ``length`` chars."""
    if not origin:
        return start, end
    first = origin[min(start, len(origin) - 1)]
    last = origin[min(end, len(origin)) - 1] + 1 if end > start else first
    return first, min(last, length)
