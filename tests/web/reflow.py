"""Reflow (WCAG 1.4.10): a page shown 320 CSS px wide (1280 px at 400 % zoom) must not scroll sideways as a
whole; a data table too wide for it may scroll inside its own container, which keyboard users must then be
able to reach (axe-core's ``scrollable-region-focusable``). See ``docs/accessibility.md``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from playwright.sync_api import expect

from tests.web.axe import AxeAudit, Violation

WIDTH = 320  # CSS px: 1280 px at 400 %
HEIGHT = 640

# Does the document scroll sideways? If so, the elements that stick out past the right edge of the viewport (or
# whose content does) without a scrolling (or clipping) container of their own, innermost, furthest right
# first: the culprits.
OVERFLOW_JS = """
() => {
  const limit = window.innerWidth + 1;  // +1: sub-pixel rounding
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= limit) return null;
  const contained = el => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  // an element's right edge, or its content's when that spills out of it (a long word in a heading; not what a
  // scrolling container holds)
  const right = el => {
    const r = el.getBoundingClientRect();
    return getComputedStyle(el).overflowX === "visible" ? r.left + Math.max(r.width, el.scrollWidth) : r.right;
  };
  const out = [...document.body.querySelectorAll("*")].filter(el => {
    return el.getBoundingClientRect().width > 0 && right(el) > limit && !contained(el);
  });
  const innermost = out.filter(el => !out.some(other => other !== el && el.contains(other)));
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map(c => "." + c).join("");
  const path = el => {
    const parts = [];
    for (let a = el; a && a !== document.body && parts.length < 4; a = a.parentElement) parts.unshift(name(a));
    return parts.join(" > ");
  };
  const widest = innermost
    .map(el => ({el, right: right(el), width: el.getBoundingClientRect().width}))
    .sort((a, b) => b.right - a.right)
    .slice(0, 3)
    .map(({el, right, width}) => ({
      path: path(el), right: Math.round(right), width: Math.round(width),
      text: (el.innerText || el.getAttribute("aria-label") || "").trim().replace(/\\s+/g, " ").slice(0, 60),
    }));
  return {scrollWidth, innerWidth: window.innerWidth, widest};
}
"""


@dataclass
class ReflowAudit(AxeAudit):
    """Pages checked at 320 CSS px: sideways scrolling of the page (with the elements that cause it) and, with
    axe-core, scrolling containers keyboard users cannot reach. Findings are ``Violation`` s like axe-core's."""

    rules: list[str] | None = field(default_factory=lambda: ["scrollable-region-focusable"])

    def check(self, page, label: str) -> None:
        page.wait_for_load_state()
        expect(page.locator("[aria-busy=true]")).to_have_count(0)  # charts drawn, tables filled
        page.evaluate("() => document.querySelectorAll('details:not([open])').forEach(d => { d.open = true; })")
        overflow = page.evaluate(OVERFLOW_JS)
        super().check(page, label)
        if overflow:
            where = "; ".join(f"{w['path']} (right edge {w['right']} px, {w['width']} px wide: {w['text']!r})"
                              for w in overflow["widest"]) or "no single element found"
            summary = (f"the page is {overflow['scrollWidth']} px wide in a {overflow['innerWidth']} px viewport: "
                       f"it scrolls sideways. Widest: {where}")
            self.violations.append(Violation(self.pages[-1], "reflow (1.4.10)", "serious",
                                             overflow["widest"][0]["path"] if overflow["widest"] else "html",
                                             summary))


@dataclass
class WideAndNarrowAudit(AxeAudit):
    """Each page checked at two widths in one visit: every WCAG 2.1 A/AA rule of axe-core and text spacing at
    the context's width (1280 px), then the reflow checks of ``ReflowAudit`` at 320 CSS px; the width is put
    back before the crawl goes on. One crawl for both audits instead of two: the suite's longest test halves."""

    def check(self, page, label: str) -> None:
        super().check(page, label)
        wide = page.viewport_size
        page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
        try:
            # two frames: the resize event has run and the charts have been redrawn for the narrow width
            page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            ReflowAudit(violations=self.violations, pages=self.pages).check(page, f"{label} at {WIDTH} px")
        finally:
            page.set_viewport_size(wide)
