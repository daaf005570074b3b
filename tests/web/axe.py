"""Running axe-core (vendored for the tests only, ``tests/web/vendor/axe-core``) on pages Playwright shows,
and collecting its WCAG 2.1 A/AA violations page by page (see ``docs/accessibility.md``).

The product's Content-Security-Policy allows only scripts served by ctip and would refuse the injected
axe-core: the audit runs in a browser context of its own opened with ``bypass_csp=True``. The product never
serves axe-core.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import expect

from tests.web.spacing import text_spacing_problems

AXE_JS = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# axe-core reports what it could not decide as "incomplete". Those count as violations here too (e.g. an
# aria-describedby naming an element that does not exist), except colour contrast over what it cannot measure
# (text over a picture or overlapping boxes): that is reviewed by eye (docs/accessibility.md).
RUN_AXE = """
runOnly => axe.run(document, {runOnly}).then(r => [
  ...r.violations,
  ...r.incomplete.filter(rule => rule.id !== "color-contrast").map(rule => ({...rule, id: rule.id + " (undecided)"})),
])
"""


@dataclass
class Violation:
    page: str
    rule: str
    impact: str
    target: str
    summary: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule} ({self.impact}) at {self.target}\n        {self.summary}"


@dataclass
class AxeAudit:
    """The violations found so far and the pages checked, in the order visited. ``rules``: only these axe-core
    rules (ids) instead of every WCAG 2.1 A/AA rule. After axe-core, each page is also checked with the text
    spacing of WCAG 1.4.12 applied (``tests/web/spacing.py``), which axe-core does not do."""

    violations: list[Violation] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)
    rules: list[str] | None = None

    def check(self, page, label: str) -> None:
        """Run axe-core on the page as it is now (charts drawn, tables filled) with every ``<details>`` open
        (axe-core skips hidden content: the case page's action forms, the charts' table views) and record what
        it finds."""
        page.wait_for_load_state()
        expect(page.locator("[aria-busy=true]")).to_have_count(0)
        page.evaluate("() => document.querySelectorAll('details:not([open])').forEach(d => { d.open = true; })")
        if not page.evaluate("() => typeof window.axe === 'object'"):
            page.add_script_tag(path=AXE_JS)
        language = page.locator("html").get_attribute("lang")
        label = f"{label} [{language}]"
        self.pages.append(label)
        run_only = {"type": "rule", "values": self.rules} if self.rules else {"type": "tag", "values": WCAG_TAGS}
        result = page.evaluate(RUN_AXE, run_only)
        for rule in result:
            for node in rule["nodes"]:
                summary = " ".join(node.get("failureSummary", "").split())
                target = " ".join(" ".join(t) if isinstance(t, list) else t for t in node["target"])
                self.violations.append(Violation(label, rule["id"], rule.get("impact") or "", target, summary))
        for problem in text_spacing_problems(page):
            self.violations.append(Violation(label, "text-spacing (1.4.12)", "serious", problem["target"],
                                             problem["summary"]))

    def visit(self, page, url: str, label: str | None = None) -> None:
        page.goto(url)
        self.check(page, label or url)

    def counts(self) -> Counter:
        """Violations (elements) by rule id."""
        return Counter(v.rule for v in self.violations)

    def report(self) -> str:
        by_rule = ", ".join(f"{rule}: {n}" for rule, n in self.counts().most_common())
        return (f"{len(self.violations)} WCAG 2.1 AA violations on {len(self.pages)} pages ({by_rule}):\n"
                + "\n".join(f"  {v}" for v in self.violations))
