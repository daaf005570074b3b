"""Text spacing (WCAG 1.4.12): with the spacing a reader's own style sheet may set (line height 1.5 × the font
size, 2 em after paragraphs, letter spacing 0.12 em, word spacing 0.16 em), no text is cut off by a box that
hides what overflows it, and no control, label or heading runs into another. See ``docs/accessibility.md``.

The style sheet is the one WCAG's understanding document gives for testing; it is added to the page as a
``<style>`` element, which the site's Content-Security-Policy would refuse: the audits' browser contexts
bypass the CSP (``tests/web/axe.py``).
"""

from __future__ import annotations

SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

# Boxes that hide what overflows them and whose text no longer fits; then pairs of controls, labels and headings
# whose boxes (each line of an inline element on its own) overlap by more than 2 px both ways.
PROBLEMS_JS = """
() => {
  const shown = el => {
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== "hidden";
  };
  const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
    + [...el.classList].map(c => "." + c).join("");
  const path = el => {
    const parts = [];
    for (let a = el; a && a !== document.body && parts.length < 3; a = a.parentElement) parts.unshift(name(a));
    return parts.join(" > ");
  };
  const text = el => (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().replace(/\\s+/g, " ").slice(0, 50);
  const problems = [];
  const hides = value => value === "hidden" || value === "clip";
  for (const el of document.body.querySelectorAll("*")) {
    const style = getComputedStyle(el);
    if (!(hides(style.overflowX) || hides(style.overflowY)) || !shown(el) || !text(el)) continue;
    const cutY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
    const cutX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    if (cutY || cutX) {
      problems.push({target: path(el), summary: `text cut off (${el.scrollWidth}×${el.scrollHeight} px of text in a `
        + `${el.clientWidth}×${el.clientHeight} px box that hides the rest): ${JSON.stringify(text(el))}`});
    }
  }
  const selector = "button, label, a, input:not([type=hidden]), select, textarea, summary, legend, h1, h2, h3, th";
  const boxes = [...document.querySelectorAll(selector)].filter(shown)
    .flatMap(el => [...el.getClientRects()].filter(r => r.width > 1 && r.height > 1).map(r => ({el, r})));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      if (a.el === b.el || a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (w > 2 && h > 2) {
        problems.push({target: path(a.el), summary: `overlaps ${path(b.el)} by ${Math.round(w)}×${Math.round(h)} px: `
          + `${JSON.stringify(text(a.el))} and ${JSON.stringify(text(b.el))}`});
      }
    }
  }
  return problems;
}
"""


def text_spacing_problems(page) -> list[dict]:
    """Apply the text spacing to the page as it is and list what gets cut off or overlaps (``target``,
    ``summary``). The spacing is taken off again, so that the next check sees the page as the site draws it."""
    style = page.add_style_tag(content=SPACING_CSS)
    try:
        page.evaluate("() => new Promise(requestAnimationFrame)")  # laid out again
        return page.evaluate(PROBLEMS_JS)
    finally:
        style.evaluate("element => element.remove()")
