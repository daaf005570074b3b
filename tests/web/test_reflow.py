"""Reflow (WCAG 1.4.10): every page of every role, in English and in Mongolian (longer words), before any data
and with the demo data, shown 320 CSS px wide (what 1280 px gives at 400 % zoom), does not scroll sideways as
a whole; tables too wide for it scroll in a container of their own that keyboard users can reach and that has
a name (axe-core's ``scrollable-region-focusable``).

The pages are those of the axe-core audit (``tests/web/crawl.py``); a failure names the page, the language and
the widest elements sticking out. axe-core is injected, so the browser context bypasses the CSP as in
``tests/web/test_accessibility.py``.
"""

from __future__ import annotations

import pytest

from tests.web.crawl import AREAS, EMPTY_SITE_ROLES, crawl_empty_site
from tests.web.reflow import HEIGHT, WIDTH, ReflowAudit
from tests.web.test_mongolian_pages import demo, empty_site  # noqa: F401  (fixtures used by name)

pytestmark = [pytest.mark.browser, pytest.mark.language_audit, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def narrow_page(browser):
    """A page 320 CSS px wide, in a context that lets Playwright inject axe-core despite the page's CSP."""
    context = browser.new_context(bypass_csp=True, locale="en-GB", viewport={"width": WIDTH, "height": HEIGHT})
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def test_no_page_of_any_role_scrolls_sideways_at_320_px(narrow_page, live_server, request, settings, subtests):
    scan = request.getfixturevalue("demo")
    settings.CTIP_RETENTION_YEARS = 1  # the retention page lists the demo's old closed cases
    for role, crawl in AREAS.items():
        with subtests.test(role=role):
            audit = crawl(narrow_page, live_server, scan, ReflowAudit())
            assert len(audit.pages) >= 8, audit.pages
            if audit.violations:
                pytest.fail(f"{role}: " + audit.report(), pytrace=False)


@pytest.mark.usefixtures("empty_site")
def test_no_empty_page_scrolls_sideways_at_320_px(narrow_page, live_server, subtests):
    for role in EMPTY_SITE_ROLES:
        with subtests.test(role=role or "public"):
            audit = crawl_empty_site(narrow_page, live_server, ReflowAudit(), role)
            if audit.violations:
                pytest.fail(f"{role or 'public'}: " + audit.report(), pytrace=False)
