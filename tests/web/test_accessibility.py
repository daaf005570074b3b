"""Every page each role reaches passes axe-core's WCAG 2.1 A and AA rules, in English and in Mongolian; a case
worker and a data analyst get their work done with the keyboard alone.

The audit loads the Mongolian audit's data once (``ctip demo`` plus unpublished releases and an OSINT scan:
``tests/web/test_mongolian_pages.py``), then, in one sub-test per role, crawls as ``tests/web/crawl.py`` does
: signs in through the login page and, in each language (chosen with the language buttons, as a person does),
visits the pages linked from the header, the detail pages behind them and the states a form shows after a
refused submission, and checks each twice (``tests/web/reflow.py``, ``WideAndNarrowAudit``): axe-core and text
spacing at 1280 px (``tests/web/axe.py``), then at 320 CSS px that the page does not scroll sideways (WCAG
1.4.10: what 1280 px gives at 400 % zoom; a table too wide may scroll in a container of its own that keyboard
users can reach and that has a name) and that no text is cut off. A failure lists every violation: page and language, rule id, impact,
the element and what axe-core says to fix. A second test does the same before any data exists.

The sign-in flow has a sub-test of its own ("second factor": a newcomer enrols an authenticator, sees the
recovery codes, gives a code after the password, then finds the sign-in page telling them an idle session
ended); the public's sub-test reaches the lockout page (429). Files the site serves as downloads but people
open in a browser (the subject-access page) are audited at their own address, the download header dropped
(``tests/web/crawl.py``, ``_open_download``); so is the OSINT scan's ``report.html``.

axe-core is injected by Playwright; the product's Content-Security-Policy would refuse that script, so the
audit uses a browser context of its own opened with ``bypass_csp=True`` (the product never serves axe-core).
The keyboard tests use the ordinary ``page`` (CSP on). See ``docs/accessibility.md``.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import password_for
from tests.web.crawl import AREAS, EMPTY_SITE_ROLES, crawl_empty_site
from tests.web.reflow import WideAndNarrowAudit
from tests.web.test_mongolian_pages import demo, empty_site  # noqa: F401  (the Mongolian audit's data: fixtures used by name)

# storage-independent, like the Mongolian audit: `make test` runs it in the SQLite pass only
pytestmark = [pytest.mark.browser, pytest.mark.language_audit, pytest.mark.django_db(transaction=True)]


def test_every_page_of_every_role_passes_wcag_aa_and_reflows(axe_page, live_server, request, settings, subtests):
    """One sub-test per role (the demo data loads once): each lists every violation on that role's pages."""
    scan = request.getfixturevalue("demo")
    settings.CTIP_RETENTION_YEARS = 1  # the demo's cases closed over a year ago are due: the retention page lists them
    for role, crawl in AREAS.items():
        with subtests.test(role=role):
            audit = crawl(axe_page, live_server, scan, WideAndNarrowAudit())
            assert len(audit.pages) >= 8, audit.pages
            if audit.violations:
                pytest.fail(f"{role}: " + audit.report(), pytrace=False)


@pytest.mark.usefixtures("empty_site")
def test_empty_pages_pass_wcag_aa_and_reflow(axe_page, live_server, subtests):
    """Before any data: empty lists, dashboards without figures, no release, no scan."""
    for role in EMPTY_SITE_ROLES:
        with subtests.test(role=role or "public"):
            audit = crawl_empty_site(axe_page, live_server, WideAndNarrowAudit(), role)
            if audit.violations:
                pytest.fail(f"{role or 'public'}: " + audit.report(), pytrace=False)


# --- keyboard only --------------------------------------------------------------------------------------------

# What the focused element looks like: a focus indicator is an outline (2px or more) or a box shadow. (Not
# `:focus-visible` alone: a date input's calendar button has the focus inside the input, which then matches
# only `:focus-within`.)
FOCUS_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
  return {
    html: el.outerHTML.slice(0, 120),
    visible: outline || style.boxShadow !== "none",
  };
}
"""


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching ``selector`` has the focus; every element met on the way must show
    a visible focus indicator."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUS_JS)
        if focused is None:
            continue
        assert focused["visible"], f"no visible focus indicator on {focused['html']}"
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached with {limit} presses of Tab on {page.url}")


def _log_in_by_keyboard(page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/login/")
    expect(page.locator("#id_username")).to_be_focused()  # the page opens with the focus on the user name
    page.keyboard.type(username)
    _tab_to(page, "#id_password")
    page.keyboard.type(password_for(username))
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/login/" not in page.url, page.locator("main").inner_text()


def test_case_worker_registers_a_case_with_the_keyboard_only(page, live_server, make_user):
    make_user("keyboard", role="case_worker")
    _log_in_by_keyboard(page, live_server, "keyboard")
    _tab_to(page, "header nav a[href='/cases/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cases/")
    page.keyboard.press("Tab")  # the first stop of every page: the skip link, shown while it has the focus
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    assert skip.bounding_box()["x"] >= 0
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    _tab_to(page, "main a[href='/cases/new/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cases/new/")
    _tab_to(page, "#id_first_name")
    page.keyboard.type("Saraa")
    _tab_to(page, "#id_age_years")
    page.keyboard.type("15")
    _tab_to(page, "#id_appears_to_be_child")
    page.keyboard.press("Space")
    expect(page.locator("#id_appears_to_be_child")).to_be_checked()
    _tab_to(page, "main form button[type=submit]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("ul.messages li").first).to_be_visible()
    expect(page.locator("main h1")).to_contain_text("Case")
    expect(page.locator("main")).to_contain_text("Saraa")


@pytest.fixture
def small_dataset(tmp_path, monkeypatch):
    """A collaborative dataset holding the 500-record CTDC sample, in a CTIP_HOME of its own."""
    from ctip.dashboard import sources
    from ctip.dataset.store import Dataset
    from tests.dataset import files

    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    monkeypatch.delenv("CTIP_DATASET", raising=False)
    sources.clear_cache()
    sources.close_readers()
    Dataset().import_file(files.FIXTURE)
    yield
    sources.clear_cache()
    sources.close_readers()


@pytest.mark.usefixtures("small_dataset")
def test_data_analyst_opens_a_dashboard_with_the_keyboard_only(page, live_server, make_user):
    make_user("keyboard", role="data_analyst")
    _log_in_by_keyboard(page, live_server, "keyboard")
    _tab_to(page, "header nav a[href='/dashboard/']")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dashboard/")
    expect(page.locator("[aria-busy=true]")).to_have_count(0)
    _tab_to(page, "main section:not(.chart-headline) details summary")
    page.keyboard.press("Enter")
    table = page.locator("main section:not(.chart-headline) details table").first
    expect(table).to_be_visible()
    expect(table.locator("tbody tr").first).to_be_visible()
