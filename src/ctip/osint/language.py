"""Language of a post: script counts first, then short word lists to split languages sharing a script.

Codes: ``en`` English, ``mn`` Mongolian in Cyrillic, ``mn-Latn`` Mongolian in Latin letters,
``ru`` Russian, ``zh`` Chinese, ``ko`` Korean, ``ja`` Japanese (kana present), ``und`` unknown.
Why rules rather than a statistical detector: no maintained offline detector knows Mongolian
written in Latin letters, and posts are short and mixed; these rules are transparent, fast and
testable. Limits are listed in ``docs/osint.md``.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "mn", "mn-Latn", "ru", "zh", "ko", "ja", "und")

_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_MN_LETTERS = re.compile(r"[өүӨҮ]")
_WORD = re.compile(r"[^\W\d_]+")

_EN = frozenset("""the and to for you with work job jobs we are is of in no our your salary apply call per
month week need needed looking hiring girls ladies free visa ticket contact only now please this that will
be at on as from experience required abroad company send good pay paid hour day""".split())
_MN = frozenset("""ба нь бол энэ байна юм гэж ажил ажилд ажлын авна хүн хүний цалин цалинтай залуу бүсгүй сар
сарын утас холбогдох хийх шаардлагагүй эмэгтэй гадаад улсад улс манай та таны бид орон сууц хоол үнэгүй
байр хэрэгтэй яаралтай ирээрэй""".split())
_RU = frozenset("""и в не на что с для работа работу зарплата по от мы вы без опыта месяц звоните это как
девушки девушек требуются требуется проживание бесплатно оплата билет""".split())
_MN_LATN = frozenset("""ajil ajild ajlin ajliin avna tsalin tsalintai sar saryn sariin sarin hun huniig bna
baina bolno ene ni ba zar holbogdoh utas ugui shaardlagagui emegtei busgui zaluu gadaad uls ulsad hiih
hereg heregtei manai bid tanai yaraltai unegui hool bair oron suuts irne ireerei""".split())


def detect_language(text: str) -> str:
    """Best guess among ``LANGUAGES`` for ``text`` (looks at its first 4,000 characters).

    >>> detect_language("Солонгост ажил, цалин сайн"), detect_language("Solongost ajil, tsalin sain bna")
    ('mn', 'mn-Latn')
    """
    sample = text[:4000]
    if sample.isascii():  # only whether there are letters matters then
        hangul = kana = han = cyrillic = 0
        latin = 1 if _LATIN.search(sample) else 0
    else:
        hangul, kana, han = (len(p.findall(sample)) for p in (_HANGUL, _KANA, _HAN))
        cyrillic, latin = len(_CYRILLIC.findall(sample)), len(_LATIN.findall(sample))
    top = max(hangul, kana + han, cyrillic, latin)
    if top == 0:
        return "und"
    if top == hangul:
        return "ko"
    if top == kana + han and top > cyrillic and top > latin:
        return "ja" if kana else "zh"
    words = [w.lower() for w in _WORD.findall(sample)]
    if cyrillic >= latin:
        if _MN_LETTERS.search(sample):
            return "mn"
        mn, ru = sum(w in _MN for w in words), sum(w in _RU for w in words)
        return "ru" if ru > mn else "mn"
    en, mn_latn = sum(w in _EN for w in words), sum(w in _MN_LATN for w in words)
    if en == mn_latn == 0:
        return "und" if len(words) < 3 else "en"
    return "mn-Latn" if mn_latn > en else "en"
