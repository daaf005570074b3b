"""The pages each role reaches, crawled as a person does: shared by the page audits (axe-core at full width,
reflow at 320 CSS px, see ``docs/accessibility.md``).

Each crawl signs in through the login page and, in English and then in Mongolian (chosen with the language
buttons), visits the home page, every page linked from the header, the detail pages behind them and the
states a form shows after a refused submission, calling ``audit.check(page, label)`` on each. ``audit`` is
any object with ``check(page, label)``, ``visit(page, url, label)`` and a ``pages`` list (``tests/web/axe.py``,
``tests/web/reflow.py``). The data is the Mongolian audit's (``demo`` of ``tests/web/test_mongolian_pages.py``).
"""

from __future__ import annotations

import time
from base64 import b32decode
from typing import Protocol

from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.conftest import password_for
from tests.web.test_mongolian_pages import DRAFT_RELEASE, PENDING_RELEASE, ROLES, TABLE_RELEASES

LANGUAGES = {"en": "English", "mn": "Монгол"}


class Audit(Protocol):
    """What a crawl reports each page to."""

    pages: list[str]

    def check(self, page, label: str) -> None: ...

    def visit(self, page, url: str, label: str | None = None) -> None: ...


def log_in(page, live_server, username: str) -> None:
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


def _audit(page, live_server, audit: Audit, paths: list[tuple[str, str]], states=None) -> Audit:
    """For the user signed in (if any), in each language: the home page, every page linked from the header (nav
    bar, account, password), ``paths`` (label, path), then ``states(page, audit)`` for pages reached by acting
    on a form."""
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


def _public(page, live_server, scan, audit: Audit) -> Audit:
    def states(page, audit):
        _password_step(page, live_server, "nobody", "not-a-password")
        audit.check(page, "login refused")
        lang = page.locator("html").get_attribute("lang")
        statuses = [_password_step(page, live_server, f"guesser-{lang}", "not-a-password") for _ in range(6)]
        assert statuses[-1] == 429, statuses
        expect(page.locator("#locked-out")).to_be_visible()
        audit.check(page, "login blocked after five failures (429)")

    page.context.clear_cookies()
    return _audit(page, live_server, audit, [
        ("login", "/login/"), ("404", "/no-such-page/"),
        ("public: no data for these filters", "/public/?year_from=1990&year_to=1990"),
    ], states)


def _case_worker(page, live_server, scan, audit: Audit) -> Audit:
    log_in(page, live_server, "caseworker")
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

    return _audit(page, live_server, audit, [
        ("case", case), ("case history", f"{case}history/"), ("screening", f"{case}screening/"),
        ("register a case", "/cases/new/"), ("cases: second page", "/cases/?page=2"),
        ("403", "/osint/"), ("set up a second factor", "/accounts/me/two-factor/"),
    ], states)


def _partner_case_worker(page, live_server, scan, audit: Audit) -> Audit:
    log_in(page, live_server, "shelterworker")
    return _audit(page, live_server, audit, [("referrals: accepted", "/cases/referrals/?state=Accepted")])


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


def _supervisor(page, live_server, scan, audit: Audit) -> Audit:
    from ctip.accounts.models import User
    from ctip.cli.demo import DEMO_RELEASE_ID

    due, held, anonymised = _retention_cases(User.objects.get(username="supervisor"))
    log_in(page, live_server, "supervisor")
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

    return _audit(page, live_server, audit, [
        ("case", case), ("release", f"/releases/{DEMO_RELEASE_ID}/"),
        ("report of a synthetic release", f"/releases/{DEMO_RELEASE_ID}/report/"),
        ("report of a k-anonymous release", f"/releases/{PENDING_RELEASE}/report/"),
        ("release to approve", f"/releases/{PENDING_RELEASE}/"),
        ("release's report.html", report_html),
        ("retention", "/cases/retention/"), ("case due for anonymisation", due), ("case on hold", held),
        ("anonymised case", anonymised),
    ], states)


def _data_analyst(page, live_server, scan, audit: Audit) -> Audit:
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

    log_in(page, live_server, "analyst")
    return _audit(page, live_server, audit, [
        *[(f"report of {r}", f"/releases/{r}/report/") for r in TABLE_RELEASES],
        ("release to request", f"/releases/{DRAFT_RELEASE}/"), ("upload", "/data/upload/"),
        ("dashboard: filtered", "/dashboard/?contributor=casestore&sex=female&form=forced_labour"),
        ("dashboard: empty year range", "/dashboard/?year_from=2030&year_to=2020"),
        ("dashboard: unknown sex", "/dashboard/?sex=unknown"),
    ], states)


def _police_analyst(page, live_server, scan, audit: Audit) -> Audit:
    results = f"/osint/{scan.id}/"
    log_in(page, live_server, "police")
    post = _first_href(page, f"{live_server.url}{results}", "main a[href*='/posts/']:not([href*='/download/'])")

    report_html = f"{live_server.url}{results}download/report/"

    def states(page, audit):
        page.goto(f"{live_server.url}/osint/")
        _submit_empty(page, "main form[enctype]")
        audit.check(page, "OSINT upload without files")
        _open_download(page, report_html)
        audit.check(page, "OSINT report.html (download)")

    return _audit(page, live_server, audit, [
        ("OSINT scan", results), ("OSINT post", post), ("OSINT cluster", f"{results}clusters/c00001/"),
        ("OSINT scan filtered", f"{results}?level=flagged&family=venue"),
    ], states)


def _administrator(page, live_server, scan, audit: Audit) -> Audit:
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

    log_in(page, live_server, "sysadmin")
    return _audit(page, live_server, audit, [
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


def _second_factor(page, live_server, scan, audit: Audit) -> Audit:
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
    for code in LANGUAGES:
        twofactor.remove(newcomer)
        log_in(page, live_server, "newcomer")
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


def crawl_empty_site(page, live_server, audit: Audit, role: str | None) -> Audit:
    """Before any data (``empty_site``): the pages of one role (``None``: the public)."""
    if role:
        log_in(page, live_server, role)
    else:
        page.context.clear_cookies()
    return _audit(page, live_server, audit, [])


EMPTY_SITE_ROLES = [None, *ROLES]
