"""Cluster templates with variable slots, chosen by minimum description length (MDL).

The idea comes from InfoShield (Lee et al., ICDE 2021): posts written from one template differ in a
few places (a phone, a name, a city). Align every post of a cluster to a reference post; a reference
word stays in the template when writing it once, plus the exceptions, costs fewer bits than letting
every post spell it out; runs of the other words become slots. A template is kept only if it makes
the cluster's description shorter than writing each post on its own. This is a re-implementation
from the paper's description, simplified to pairwise alignment against one reference.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+|[^\w\s]")
MAX_POSTS = 40       # posts aligned per cluster (a deterministic sample of larger clusters)
MAX_TOKENS = 400     # words per post considered
SLOT = "[…]"


@dataclass(slots=True)
class Template:
    """A cluster template: its text with slots, example slot values and the MDL figures."""

    text: str
    slots: list[list[str]] = field(default_factory=list)
    bits_raw: float = 0.0
    bits_template: float = 0.0

    @property
    def compression(self) -> float:
        return self.bits_template / self.bits_raw if self.bits_raw else 1.0

    def to_dict(self) -> dict:
        return {"text": self.text, "slots": self.slots, "bits_raw": round(self.bits_raw, 1),
                "bits_template": round(self.bits_template, 1), "compression": round(self.compression, 3)}


def _tokens(text: str) -> list[re.Match]:
    """Word, number and punctuation tokens of ``text`` (the first ``MAX_TOKENS``), with their spans."""
    out = []
    for match in _TOKEN.finditer(text):
        if len(out) == MAX_TOKENS:
            break
        out.append(match)
    return out


def build_template(texts: list[str]) -> Template | None:
    """The MDL template of a cluster's texts, or None when no template shortens their description.

    >>> t = build_template(["Work in Seoul call 99112233", "Work in Busan call 88223344"])
    >>> t.text
    'Work in […] call […]'
    """
    if len(texts) < 2:
        return None
    sample = sorted(texts, key=len)[:: max(1, len(texts) // MAX_POSTS)][:MAX_POSTS]
    spans = [_tokens(t) for t in sample]
    docs = [[m.group(0) for m in d] for d in spans]
    lowered = [[w.lower() for w in d] for d in docs]
    ref_index = sorted(range(len(docs)), key=lambda i: len(docs[i]))[len(docs) // 2]
    ref = lowered[ref_index]
    if not ref:
        return None
    vocab = {w for d in lowered for w in d}
    word_bits = math.log2(max(2, len(vocab)))
    position_bits = math.log2(max(2, len(ref)))
    n = len(docs)
    # alignment[j][i] = index in doc j of reference token i, when they match
    alignment: list[dict[int, int]] = []
    for doc in lowered:
        blocks = SequenceMatcher(None, ref, doc, autojunk=False).get_matching_blocks()
        alignment.append({b.a + k: b.b + k for b in blocks for k in range(b.size)})
    constant = []
    for i in range(len(ref)):
        matches = sum(1 for a in alignment if i in a)
        keep_cost = word_bits + (n - matches) * (word_bits + position_bits)
        slot_cost = n * word_bits
        constant.append(keep_cost < slot_cost)
    # per post: the constant reference positions it matched, and where they sit in the post
    anchors = [sorted((i, a[i]) for i in a if constant[i]) for a in alignment]
    anchor_refs = [[r for r, _ in pairs] for pairs in anchors]
    # runs of non-constant reference tokens become slots; collect each post's slot text
    # the template is the reference post as written, each slot's run of words replaced by ``[…]``
    ref_text, ref_spans = sample[ref_index], spans[ref_index]
    pieces: list[str] = []
    written = ref_spans[0].start()  # how far into the reference text the template has got
    slots: list[list[str]] = []
    i = 0
    while i < len(ref):
        if constant[i]:
            i += 1
            continue
        j = i
        while j < len(ref) and not constant[j]:
            j += 1
        pieces += [ref_text[written:ref_spans[i].start()], SLOT]
        written = ref_spans[j - 1].end()
        values = []
        for text, d, pairs, refs in zip(sample, spans, anchors, anchor_refs, strict=True):
            k = bisect_left(refs, i)  # anchors before the slot are pairs[:k], after it pairs[k:]
            before = pairs[k - 1][1] if k else -1
            after = pairs[k][1] if k < len(pairs) else len(d)
            # the slot's value as the post wrote it (spacing and punctuation kept), not re-joined tokens
            values.append(text[d[before + 1].start():d[after - 1].end()] if before + 1 < after else "")
        slots.append(sorted(set(values))[:8])
        i = j
    bits_raw = sum(len(d) for d in docs) * word_bits
    template_words = sum(constant)
    slot_words = sum(len(d) for d in docs) - template_words * n
    exceptions = sum(1 for a in alignment for i in range(len(ref)) if constant[i] and i not in a)
    bits_template = (template_words * word_bits + len(slots) * position_bits
                     + max(0, slot_words + exceptions) * word_bits + exceptions * position_bits)
    if not template_words or bits_template >= bits_raw:
        return None
    pieces.append(ref_text[written:ref_spans[-1].end()])
    return Template("".join(pieces), slots, bits_raw, bits_template)
