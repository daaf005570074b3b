"""Every page each role reaches passes axe-core's WCAG 2.1 A and AA rules, in English and in Mongolian; a case
worker and a data analyst get their work done with the keyboard alone.

The audit loads the Mongolian audit's data once (``ctip demo`` plus unpublished releases and an OSINT scan:
``tests/web/test_mongolian_pages.py``), then, in one sub-test per role, signs in through the login page and,
in each language (chosen with the language buttons, as a person does), visits the pages linked from the
header, the detail pages behind them and the states a form shows after a refused submission, and runs
axe-core on each (``tests/web/axe.py``). A failure lists every violation: page and language, rule id, impact,
the element and what axe-core says to fix. A second test does the same before any data exists.

The sign-in flow has a sub-test of its own ("second factor": a newcomer enrols an authenticator, sees the
recovery codes, gives a code after the password, then finds the sign-in page telling them an idle session
ended); the public's sub-test reaches the lockout page (429). Files the site serves as downloads but people
open in a browser (the subject-access page) are audited at their own address, the download header dropped
(``_open_download``).

axe-core is injected by Playwright; the product's Content-Security-Policy would refuse that script, so the
audit uses a browser context of its own opened with ``bypass_csp=True`` (the product never serves axe-core).
The keyboard tests use the ordinary ``page`` (CSP on). See ``docs/accessibility.md``.
"""

from __future__ import annotations

import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.conftest import password_for
from tests.web.axe import AxeAudit
from tests.web.test_mongolian_pages import (  # noqa: F401  (the Mongolian audit's data: fixtures used by name)
    DRAFT_RELEASE,
    PENDING_RELEASE,
    ROLES,
    TABLE_RELEASES,
    demo,
    empty_site,
)

# storage-independent, like the Mongolian audit: `make test` runs it in the SQLite pass only
pytestmark = [pytest.mark.browser, pytest.mark.language_audit, pytest.mark.django_db(transaction=True)]

LANGUAGES = {"en": "English", "mn": "Монгол"}


@pytest.fixture
def axe_page(browser):
    """A page in a context of its own that lets Playwright inject axe-core despite the page's CSP."""
    context = browser.new_context(bypass_csp=True, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _log_in(page, live_server, username: str) -> None:
    """Sign in through the login page, as nobody first (the previous role's cookies are dropped)."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password_for(username))
    with page.expect_navigation():
        page.locator("main button[type=submit]").click()


def _choose_language(page, code: str) -> None:
    with page.expect_navigation():
        page.locator("header .lang button", has_text=LANGUAGES[code]).click()
    assert page.locator("html").get_attribute("lang") == code


def _submit_empty(page, selector: str) -> None:
    """Send a form as it is, past the browser's own checks of ``required`` fields: the server's answer (the
    form again, with its errors) is the page to audit."""
    with page.expect_navigation():
        page.locator(selector).first.evaluate("f => { f.noValidate = true; f.requestSubmit(); }")


def _refused(page) -> None:
    """The form came back refused: a field is marked invalid (Django sets ``aria-invalid`` with its errors)."""
    expect(page.locator("main [aria-invalid=true]").first).to_be_attached()


def _audit(page, live_server, paths: list[tuple[str, str]], states=None) -> AxeAudit:
    """For the user signed in (if any), in each language: the home page, every page linked from the header (nav
    bar, account, password), ``paths`` (label, path), then ``states(page, audit)`` for pages reached by acting
    on a form."""
    audit = AxeAudit()
    for code in LANGUAGES:
        page.goto(f"{live_server.url}/")
        _choose_language(page, code)
        audit.check(page, "home")
        for url in page.locator("header nav a, header .session a").evaluate_all("links => links.map(a => a.href)"):
            audit.visit(page, url)
        for label, path in paths:
            audit.visit(page, f"{live_server.url}{path}", label)
        if states:
            states(page, audit)
    return audit


def _first_href(page, url: str, selector: str) -> str:
    page.goto(url)
    return page.locator(selector).first.get_attribute("href")


def _open_download(page, url: str) -> None:
    """Open a page the site serves as a download (``Content-Disposition: attachment``) in the browser, as a
    person does with the saved file: the response is the site's own, only the header asking for a download is
    dropped, so the page keeps its address (and its style sheet)."""
    def inline(route):
        response = route.fetch()
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-disposition"}
        route.fulfill(response=response, headers=headers)

    page.route(url, inline)
    try:
        page.goto(url)
    finally:
        page.unroute(url)


def _password_step(page, live_server, username: str, password: str | None = None) -> int:
    """Send the login form (keeping the language chosen); the HTTP status of the answer."""
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password or password_for(username))
    with page.expect_navigation() as answer:
        page.locator("main button[type=submit]").click()
    return answer.value.status


def _public(page, live_server, scan) -> AxeAudit:
    def states(page, audit):
        _password_step(page, live_server, "nobody", "not-a-password")
        audit.check(page, "login refused")
        lang = page.locator("html").get_attribute("lang")
        statuses = [_password_step(page, live_server, f"guesser-{lang}", "not-a-password") for _ in range(6)]
        assert statuses[-1] == 429, statuses
        expect(page.locator("#locked-out")).to_be_visible()
        audit.check(page, "login blocked after five failures (429)")

    page.context.clear_cookies()
    return _audit(page, live_server, [
        ("login", "/login/"), ("404", "/no-such-page/"),
        ("public: no data for these filters", "/public/?year_from=1990&year_to=1990"),
    ], states)


def _case_worker(page, live_server, scan) -> AxeAudit:
    _log_in(page, live_server, "caseworker")
    case = _first_href(page, f"{live_server.url}/cases/?status=Active", "main table a[href^='/cases/']")

    def states(page, audit):
        page.goto(f"{live_server.url}/cases/new/")
        _submit_empty(page, "main form.card")
        audit.check(page, "register a case: refused")
        page.goto(f"{live_server.url}{case}screening/")
        for box in page.locator("#screening-form input[type=checkbox]").all()[:4]:
            box.check()
        page.wait_for_load_state("networkidle")
        audit.check(page, "screening: live suggestion")
        page.goto(f"{live_server.url}{case}")
        _submit_empty(page, "main form[action$='/notes/']")
        audit.check(page, "case: empty note refused")
        page.goto(f"{live_server.url}/password/")
        page.locator("#id_old_password").fill("wrong")
        _submit_empty(page, "main form[action$='/password/']")
        audit.check(page, "change password: refused")

    return _audit(page, live_server, [
        ("case", case), ("case history", f"{case}history/"), ("screening", f"{case}screening/"),
        ("register a case", "/cases/new/"), ("cases: second page", "/cases/?page=2"),
        ("403", "/osint/"), ("set up a second factor", "/accounts/me/two-factor/"),
    ], states)


def _partner_case_worker(page, live_server, scan) -> AxeAudit:
    _log_in(page, live_server, "shelterworker")
    return _audit(page, live_server, [("referrals: accepted", "/cases/referrals/?state=Accepted")])


def _retention_cases(supervisor) -> tuple[str, str, str]:
    """Three of the supervisor's closed demo cases, one left due, one put on hold, one anonymised (through
    the retention services, as the panel's forms do): their pages show the panel's three states."""
    from ctip.cases import retention
    from ctip.cases.models import Case, RetentionHold

    due = list(retention.cases_due_for(supervisor).order_by("public_id")[:3])
    assert len(due) == 3, "the demo should hold closed cases past a one-year retention period"
    if not RetentionHold.objects.filter(case=due[1], lifted_at__isnull=True).exists():
        retention.hold_place(actor=supervisor, case=due[1], reason="Criminal proceedings under way")
    if Case.objects.get(pk=due[2].pk).anonymised_at is None:
        retention.case_anonymise(actor=supervisor, case=due[2], reason="no_longer_needed")
    return tuple(f"/cases/{case.public_id}/" for case in due)


def _supervisor(page, live_server, scan) -> AxeAudit:
    from ctip.accounts.models import User
    from ctip.cli.demo import DEMO_RELEASE_ID

    due, held, anonymised = _retention_cases(User.objects.get(username="supervisor"))
    _log_in(page, live_server, "supervisor")
    case = _first_href(page, f"{live_server.url}/cases/", "main table a[href^='/cases/']")
    report_html = _first_href(page, f"{live_server.url}/releases/{DEMO_RELEASE_ID}/",
                              "main a[href$='/files/report.html']")

    def states(page, audit):
        page.goto(f"{live_server.url}/cases/retention/")
        _submit_empty(page, "#due form[action$='/anonymise/']")
        _refused(page)
        audit.check(page, "retention: anonymising without the confirmation refused")
        page.goto(f"{live_server.url}{due}")
        _submit_empty(page, "#retention form[action$='/hold/']")
        _refused(page)
        audit.check(page, "case: hold without a reason refused")
        _open_download(page, f"{live_server.url}{due}subject-access/")
        audit.check(page, "subject-access download (HTML)")

    return _audit(page, live_server, [
        ("case", case), ("release", f"/releases/{DEMO_RELEASE_ID}/"),
        ("report of a synthetic release", f"/releases/{DEMO_RELEASE_ID}/report/"),
        ("report of a k-anonymous release", f"/releases/{PENDING_RELEASE}/report/"),
        ("release to approve", f"/releases/{PENDING_RELEASE}/"),
        ("release's report.html", report_html),
        ("retention", "/cases/retention/"), ("case due for anonymisation", due), ("case on hold", held),
        ("anonymised case", anonymised),
    ], states)


def _data_analyst(page, live_server, scan) -> AxeAudit:
    from tests.dataset import files

    def states(page, audit):
        page.goto(f"{live_server.url}/releases/")
        _submit_empty(page, "main form#new-release")
        audit.check(page, "new release: refused")
        page.goto(f"{live_server.url}/data/upload/")
        page.locator("main input[type=file]").set_input_files(str(files.FIXTURE))
        page.locator("main form button[type=submit]").click()
        page.wait_for_url("**/data/upload/*/")
        audit.check(page, "upload preview")

    _log_in(page, live_server, "analyst")
    return _audit(page, live_server, [
        *[(f"report of {r}", f"/releases/{r}/report/") for r in TABLE_RELEASES],
        ("release to request", f"/releases/{DRAFT_RELEASE}/"), ("upload", "/data/upload/"),
        ("dashboard: filtered", "/dashboard/?contributor=casestore&sex=female&form=forced_labour"),
        ("dashboard: empty year range", "/dashboard/?year_from=2030&year_to=2020"),
        ("dashboard: unknown sex", "/dashboard/?sex=unknown"),
    ], states)


def _police_analyst(page, live_server, scan) -> AxeAudit:
    results = f"/osint/{scan.id}/"
    _log_in(page, live_server, "police")
    post = _first_href(page, f"{live_server.url}{results}", "main a[href*='/posts/']:not([href*='/download/'])")

    def states(page, audit):
        page.goto(f"{live_server.url}/osint/")
        _submit_empty(page, "main form[enctype]")
        audit.check(page, "OSINT upload without files")

    return _audit(page, live_server, [
        ("OSINT scan", results), ("OSINT post", post), ("OSINT cluster", f"{results}clusters/c00001/"),
        ("OSINT scan filtered", f"{results}?level=flagged&family=venue"),
    ], states)


def _administrator(page, live_server, scan) -> AxeAudit:
    from ctip.accounts import services
    from ctip.accounts.models import User

    user = User.objects.get(username="caseworker")
    robot = User.objects.filter(username="exchange-robot").first() or services.user_create(
        username="exchange-robot", organisation=user.organisation, role=user.role, service_account=True)[0]
    rename = f"/accounts/organisations/{user.organisation.code}/rename/"

    def states(page, audit):
        page.goto(f"{live_server.url}/accounts/users/new/")
        _submit_empty(page, "main form[action$='/users/new/']")
        audit.check(page, "add a user: refused")
        page.goto(f"{live_server.url}/accounts/organisations/new/")
        _submit_empty(page, "main form[action$='/organisations/new/']")
        audit.check(page, "add an organisation: refused")
        page.goto(f"{live_server.url}/accounts/users/{user.pk}/change/")
        page.locator("main form[action$='/change/'] [name=role]").evaluate("el => el.value = ''")
        _submit_empty(page, "main form[action$='/change/']")
        audit.check(page, "change a role: refused")
        page.goto(f"{live_server.url}/accounts/users/")
        with page.expect_navigation():
            page.locator(f"main form[action$='/users/{user.pk}/reset-password/'] button").click()
        audit.check(page, "password reset, shown once")
        page.goto(f"{live_server.url}/accounts/users/")
        with page.expect_navigation():
            page.locator(f"main form[action$='/users/{robot.pk}/token/'] button").click()
        audit.check(page, "service account's API token, shown once")
        page.goto(f"{live_server.url}{rename}")
        page.locator("main form[action$='/rename/'] [name=name]").fill("")
        _submit_empty(page, "main form[action$='/rename/']")
        _refused(page)
        audit.check(page, "rename an organisation: refused")

    _log_in(page, live_server, "sysadmin")
    return _audit(page, live_server, [
        ("add a user", "/accounts/users/new/"), ("change a role", f"/accounts/users/{user.pk}/change/"),
        ("organisations", "/accounts/organisations/"), ("add an organisation", "/accounts/organisations/new/"),
        ("rename an organisation", rename),
    ], states)


def _totp(secret: str, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the key typed out on the enrolment page."""
    key = "".join(secret.split())
    totp = TOTP(b32decode(key + "=" * (-len(key) % 8)), step=30, t0=0, digits=6)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def _second_factor(page, live_server, scan) -> AxeAudit:
    """A newcomer's sign-in security, in each language: their account page, setting up an authenticator
    (refused without a code), the recovery codes shown once, the code asked after the password (refused
    without a code), then the sign-in page telling them an idle session ended."""
    from django.contrib.sessions.backends.db import SessionStore

    from ctip.accounts import twofactor
    from ctip.accounts.middleware import LAST_SEEN
    from ctip.accounts.models import User

    colleague = User.objects.get(username="caseworker")
    newcomer = User.objects.filter(username="newcomer").first() or User(
        username="newcomer", role=colleague.role, scope=colleague.scope, organisation=colleague.organisation)
    newcomer.set_password(password_for("newcomer"))
    newcomer.save()
    audit = AxeAudit()
    for code in LANGUAGES:
        twofactor.remove(newcomer)
        _log_in(page, live_server, "newcomer")
        _choose_language(page, code)
        audit.visit(page, f"{live_server.url}/accounts/me/", "your account, no second factor")
        audit.visit(page, f"{live_server.url}/accounts/me/two-factor/", "set up a second factor")
        _submit_empty(page, "main form[action$='/two-factor/']")
        _refused(page)
        audit.check(page, "set up a second factor: no code")
        secret = page.locator("#secret").inner_text()
        page.locator("#id_code").fill(_totp(secret))
        with page.expect_navigation():
            page.locator("main form[action$='/two-factor/'] button[type=submit]").click()
        audit.check(page, "recovery codes, shown once")
        audit.visit(page, f"{live_server.url}/accounts/me/", "your account, with a second factor")
        with page.expect_navigation():
            page.locator("header form[action$='/logout/'] button").click()
        _password_step(page, live_server, "newcomer")
        audit.check(page, "sign-in code")
        _submit_empty(page, "main form[action$='/verify/']")
        _refused(page)
        audit.check(page, "sign-in code: refused")
        page.locator("#id_code").fill(_totp(secret, steps_ahead=1))
        with page.expect_navigation():
            page.locator("main form[action$='/verify/'] button[type=submit]").click()
        assert "/verify/" not in page.url, page.locator("main").inner_text()
        cookie = next(c for c in page.context.cookies() if c["name"] == "sessionid")
        session = SessionStore(session_key=cookie["value"])
        session[LAST_SEEN] = time.time() - 31 * 60  # half an hour away from a shared computer
        session.save()
        page.reload()
        assert "/login/" in page.url
        expect(page.locator("ul.messages li").first).to_be_visible()  # why the session ended
        audit.check(page, "sign-in page: the idle session ended")
    assert {label.rsplit(" [", 1)[1] for label in audit.pages} == {"en]", "mn]"}, audit.pages
    return audit


AREAS = {
    "public": _public, "case worker": _case_worker, "partner case worker": _partner_case_worker,
    "supervisor": _supervisor, "data analyst": _data_analyst, "police analyst": _police_analyst,
    "administrator": _administrator, "second factor": _second_factor,
}


def test_every_page_of_every_role_passes_wcag_aa(axe_page, live_server, request, settings, subtests):
    """One sub-test per role (the demo data loads once): each lists every violation on that role's pages."""
    scan = request.getfixturevalue("demo")
    settings.CTIP_RETENTION_YEARS = 1  # the demo's cases closed over a year ago are due: the retention page lists them
    for role, crawl in AREAS.items():
        with subtests.test(role=role):
            audit = crawl(axe_page, live_server, scan)
            assert len(audit.pages) >= 8, audit.pages
            if audit.violations:
                pytest.fail(f"{role}: " + audit.report(), pytrace=False)


@pytest.mark.usefixtures("empty_site")
def test_empty_pages_pass_wcag_aa(axe_page, live_server, subtests):
    """Before any data: empty lists, dashboards without figures, no release, no scan."""
    for role in [None, *ROLES]:
        with subtests.test(role=role or "public"):
            if role:
                _log_in(axe_page, live_server, role)
            else:
                axe_page.context.clear_cookies()
            audit = _audit(axe_page, live_server, [])
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
