"""Finding untranslated English in what a browser shows: the page's text, read by script, and the rules that
tell English from data, identifiers and names (see ``docs/translations.md``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from playwright.sync_api import expect

# Acronyms, units and product names written in Latin letters in Mongolian texts too.
KEPT_AS_IS = frozenset({
    "ctip", "healthz", "HTCDS", "CTDC", "SDG", "ID", "IOM", "UNODC", "GLOTIP", "ILO", "NRM", "OSINT", "DP", "NIST",
    "CSV", "JSON", "JSONL", "XLSX", "TXT", "PNG", "HTML", "PDF", "URL", "SHA", "NUL", "ISO", "UTC", "MB",
    "Excel", "Kobo", "KoboToolbox", "ODK",
    "QR",  # the code an authenticator app scans ("QR код")
    "API",  # a programming interface, written so in Mongolian technical text ("API түлхүүр")
    "CC", "BY", "IGO",  # a licence's name (CC BY 3.0 IGO), cited as it is
})

# Everything a reader can meet on the page, as a list of strings; elements not to be translated are skipped.
COLLECT_JS = r"""
() => {
  const SKIP = "script, style, noscript, template, code, kbd, samp, textarea, [translate=no]";
  const foreign = (el) => el.closest("[lang]").lang !== document.documentElement.lang;
  const skipped = (el) => !el || el.closest(SKIP) || foreign(el);
  const out = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent.trim() && !skipped(node.parentElement)) out.push(node.textContent);
  }
  for (const el of document.body.querySelectorAll("[title], [placeholder], [aria-label], [alt], input[value]")) {
    if (skipped(el)) continue;
    for (const name of ["title", "placeholder", "aria-label", "alt"]) {
      if (el.getAttribute(name)) out.push(el.getAttribute(name));
    }
    if (el.matches("input[type=submit], input[type=button], input[type=reset]")) out.push(el.value);
  }
  const leaves = (value) => typeof value === "string" ? [value]
    : value && typeof value === "object" ? Object.values(value).flatMap(leaves) : [];
  for (const script of document.querySelectorAll("script[type='application/json'][id$='-messages']")) {
    out.push(...leaves(JSON.parse(script.textContent)));
  }
  if (window.echarts) {
    for (const el of document.querySelectorAll("[data-role=canvas]")) {
      const chart = window.echarts.getInstanceByDom(el);
      if (!chart) continue;
      const option = chart.getOption();
      const list = (v) => Array.isArray(v) ? v : v ? [v] : [];
      for (const t of list(option.title)) out.push(t.text || "", t.subtext || "");
      for (const l of list(option.legend)) out.push(...list(l.data).map((d) => d.name || d));
      for (const axis of [...list(option.xAxis), ...list(option.yAxis)]) {
        out.push(axis.name || "", ...list(axis.data).map((d) => (d && d.value) || d));
      }
      for (const s of list(option.series)) out.push(s.name || "");
    }
  }
  return out.filter((s) => typeof s === "string" && s.trim());
}
"""

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
IDENTIFIER = re.compile(r"[0-9_@/.:=]")
EDGE_PUNCTUATION = "()[]{}«»“”\"'‘’,;:!?…·–—*"


@dataclass
class Audit:
    """What stays in Latin letters legitimately (data, names) and the leftovers found, page by page."""

    data: list[str]
    names: frozenset[str]
    leftovers: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self):
        ordered = sorted({d for d in self.data if d.strip()}, key=len, reverse=True)
        pattern = "|".join(map(re.escape, ordered))
        self._data = re.compile(rf"(?<!\w)(?:{pattern})(?!\w)") if ordered else None

    def english_words(self, text: str) -> list[str]:
        """The words of ``text`` that are untranslated English (empty when the text is fine)."""
        if self._data:
            text = self._data.sub(" ", text)
        words = []
        for token in text.split():
            token = token.strip(EDGE_PUNCTUATION).rstrip(".")  # a full stop ends a word; '.xlsx' stays a name
            if IDENTIFIER.search(token):
                continue
            for word in LATIN_WORD.findall(token):
                if len(word) > 1 and word not in KEPT_AS_IS and word not in self.names:
                    words.append(word)
        return words

    def check(self, page, label: str, *, message: bool = False) -> None:
        """Collect the page's text and record the strings holding English under ``label``; with ``message``,
        the page must show a flash message (what an action answered)."""
        page.wait_for_load_state()
        if message:
            expect(page.locator("ul.messages li").first).to_be_visible()
        expect(page.locator("[aria-busy=true]")).to_have_count(0)  # charts drawn, tables filled
        for text in page.evaluate(COLLECT_JS):
            text = " ".join(text.split())
            if self.english_words(text) and text not in self.leftovers.get(label, []):
                self.leftovers.setdefault(label, []).append(text)

    def visit(self, page, url: str, label: str | None = None) -> None:
        page.goto(url)
        self.check(page, label or url)

    def report(self) -> str:
        """Page by page, each string holding English (shortened) and its English words."""
        return "\n".join(f"{page}:\n" + "\n".join(f"    {text[:100]!r} {self.english_words(text)}" for text in texts)
                         for page, texts in self.leftovers.items())


def vocab_names() -> frozenset[str]:
    """Words of vocabulary labels kept identical in Mongolian (proper names such as 'WeChat')."""
    from ctip import vocab

    words: set[str] = set()
    for scheme in vocab.schemes():
        for code in vocab.codes(scheme):
            english = vocab.label(scheme, code, "en")
            if english == vocab.label(scheme, code, "mn"):
                words.update(LATIN_WORD.findall(english))
    return frozenset(words)
