"""A Mongolian reader sees no English: every role, every page of the nav bar and the main detail pages.

Each test loads the demo (``ctip demo``: organisations, one user per role, synthetic cases, the dataset
extract and a published release) plus two unpublished releases and an OSINT scan (or, for the empty
states, nothing but users), logs in through the login page, presses the
"Монгол" button as a user does, then visits pages and collects every piece of text a reader can meet:
text nodes (including closed ``<details>`` and table views filled by scripts), ``title``/``placeholder``/
``aria-label``/``alt`` attributes, button values, the window title, chart titles, legends and axis names
read from the ECharts instances, and the strings the dashboard hands to its script.

Untranslated English is what is left after removing what legitimately stays in Latin letters:

- the data itself: every free-text value stored in the case store (names, notes, organisation names,
  user names: what people typed), OSINT post texts and the release's own identifiers;
- codes and identifiers: tokens with digits, ``_``, ``@``, ``/``, ``.``, ``:`` or ``=`` inside (file names,
  URLs, case numbers), and elements a page marks as not to be translated (``<code>``, ``<kbd>``, ``<samp>``,
  ``translate="no"``, or a ``lang`` other than the page's, such as the "English" button or an English post);
- proper names the vocabulary keeps identical in Mongolian (its ``mn`` label equals the English one);
- the short list ``KEPT_AS_IS`` of acronyms and product names used as such in Mongolian.

Anything else in Latin letters (two letters or more) is reported with the page it was found on.
See ``docs/translations.md``.
"""

from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.conftest import password_for
from tests.web.mongolian import Audit, vocab_names

# the audit checks words, not storage: `make test` runs it in the SQLite pass only (`-m "not language_audit"`)
pytestmark = [pytest.mark.browser, pytest.mark.language_audit, pytest.mark.django_db(transaction=True)]



def _vocab_codes() -> set[str]:
    from ctip import vocab

    return {code for scheme in vocab.schemes() for code in vocab.codes(scheme)}


def _stored_free_text() -> list[str]:
    """Every free-text value of the case store and workspaces (what people typed, not codes)."""
    from django.apps import apps
    from django.db import models

    codes = _vocab_codes()
    values: list[str] = []
    for model in apps.get_models():
        if not model.__module__.startswith("ctip."):
            continue
        names = [f.attname for f in model._meta.concrete_fields
                 if isinstance(f, models.CharField | models.TextField) and not f.choices]
        for row in model.objects.values_list(*names) if names else []:
            values.extend(v for v in row if isinstance(v, str) and v and v not in codes)
    return values


def _osint_data(scan) -> list[str]:
    from ctip.workbench.selectors import scan_posts

    values = []
    for post in scan_posts(scan):
        values.extend(str(post[key]) for key in ("text", "author", "source", "url") if post.get(key))
    return values


ADS = [
    {"text": "Young girls wanted for karaoke in Macau! Salary 3000 USD per week, free visa and ticket. "
             "Contact Anna 88000011", "author": "anna", "posted_at": "2026-03-01"},
    {"text": "Young girls wanted for karaoke in Macau! Salary 3000 USD per week, free visa and ticket. "
             "Contact Sara 99000022", "author": "sara", "posted_at": "2026-03-04"},
    {"text": "Солонгост ажил, цалин өндөр, виз үнэгүй. Утас 95000033", "author": "bold", "posted_at": "2026-03-05"},
    {"text": "Selling a used bicycle in good condition, call 9500 0033"},
]


DRAFT_RELEASE = "audit-draft"  # a release nobody asked to publish yet
PENDING_RELEASE = "audit-pending"  # a release waiting for a supervisor
TABLE_RELEASES = {"audit-tables": {"method": "aggregates-k", "k": 5},  # one release of each other method, for
                  "audit-dp": {"method": "aggregates-dp", "epsilon": 0.5, "delta": 1e-9, "seed": 3}}  # their reports


@pytest.fixture
def demo(tmp_path, monkeypatch):
    """The demo data (as ``ctip demo`` loads it) in a fresh CTIP_HOME, two unpublished releases, an OSINT
    scan, and known passwords."""
    from ctip.accounts.models import User
    from ctip.cases.models import Referral, ReferralState
    from ctip.cli.demo import load_demo
    from ctip.dashboard import sources
    from ctip.dataset.store import Dataset
    from ctip.disclosure.release import Request, create_release
    from ctip.publishing.services import publication_request
    from ctip.workbench.services import scan_create

    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    monkeypatch.delenv("CTIP_DATASET", raising=False)
    sources.clear_cache()
    sources.close_readers()
    load_demo(seed=11, cases=60, announce=False)
    for user in User.objects.all():
        user.set_password(password_for(user.username))
        user.save()
    shelter = Referral.objects.filter(to_organisation__code="shelter").order_by("pk")
    assert shelter.count() >= 2, "the demo should refer cases to the shelter"
    shelter.filter(pk__in=[r.pk for r in shelter[:2]]).update(state=ReferralState.IN_PROGRESS)
    for release_id in (DRAFT_RELEASE, PENDING_RELEASE):
        create_release(Dataset().frame(), Request(method="kanon", k=3), release_id)
    for release_id, request in TABLE_RELEASES.items():
        create_release(Dataset().frame(), Request(**request), release_id)
    publication_request(release_id=PENDING_RELEASE, user=User.objects.get(username="analyst"), note="Q1")
    police = User.objects.get(username="police")
    lines = "\n".join(json.dumps(ad) for ad in ADS).encode()
    scan = scan_create(user=police, name="March ads", files=[
        SimpleUploadedFile("ads.jsonl", lines), SimpleUploadedFile("blob.txt", b"\x00\x01binary")])
    yield scan
    sources.clear_cache()
    sources.close_readers()


@pytest.fixture
def audit(demo):
    from ctip.disclosure.registry import list_releases

    releases = [info.id for info in list_releases()]
    return Audit(data=_stored_free_text() + _osint_data(demo) + releases, names=vocab_names())


def _in_mongolian(page, live_server, username: str | None) -> None:
    """Log in through the login page (in English, as it opens) and press the Mongolian button."""
    page.goto(f"{live_server.url}/login/" if username else f"{live_server.url}/")
    if username:
        page.locator("#id_username").fill(username)
        page.locator("#id_password").fill(password_for(username))
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
    page.get_by_role("button", name="Монгол").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "mn"


def _nav_pages(page, audit: Audit, skip: str | None = None) -> list[str]:
    """Visit the home page and every page of the nav bar (but those whose address holds ``skip``)."""
    audit.check(page, "home")
    links = page.locator("header nav a").evaluate_all("links => links.map(a => a.href)")
    for url in links:
        if not (skip and skip in url):
            audit.visit(page, url)
    return links


def _first_link(page, url: str, selector: str) -> str:
    page.goto(url)
    return page.locator(selector).first.get_attribute("href")


def _send_each_form_empty(page, audit: Audit, url: str, label: str) -> None:
    """Send every form of a page's collapsible actions with nothing filled in: errors or messages."""
    page.goto(url)
    actions = page.locator("main details form[method=post]").evaluate_all(
        "forms => forms.map(f => f.getAttribute('action'))")
    assert actions
    for action in actions:
        page.goto(url)
        form = page.locator(f"main form[action='{action}']")
        if form.count():
            form.first.evaluate("f => f.requestSubmit()")
            audit.check(page, f"{label}: {action} sent empty")


def _submit(page, selector: str, **fields: str) -> None:
    form = page.locator(selector).first
    for name, value in fields.items():
        form.locator(f"[name='{name}']").evaluate("(el, value) => el.value = value", value)
    form.evaluate("f => f.requestSubmit()")
    page.wait_for_load_state()


ROLES = ["case_worker", "supervisor", "data_analyst", "police_analyst", "org_admin", "sysadmin"]


@pytest.fixture
def empty_site(tmp_path, monkeypatch, make_user):
    """No case, no dataset, no release, no scan: one user per role."""
    from ctip.dashboard import sources

    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    monkeypatch.delenv("CTIP_DATASET", raising=False)
    sources.clear_cache()
    sources.close_readers()
    for role in ROLES:
        make_user(role, role=role)
    yield Audit(data=[*ROLES, "Test Office"], names=vocab_names())
    sources.clear_cache()
    sources.close_readers()


def test_empty_states_in_mongolian(page, live_server, empty_site):
    """What each role sees before any data: empty lists, empty dashboards, no release, no scan."""
    audit = empty_site
    _in_mongolian(page, live_server, None)
    _nav_pages(page, audit)
    for role in ROLES:
        page.goto(f"{live_server.url}/login/")
        page.locator("#id_username").fill(role)
        page.locator("#id_password").fill(password_for(role))
        page.locator("main button[type=submit]").click()
        page.wait_for_load_state()
        links = _nav_pages(page, audit)
        assert len(links) > 1, role
        page.locator("header form[action$='/logout/'] button").click()
        page.wait_for_load_state()
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_public_pages_in_mongolian(page, live_server, audit):
    _in_mongolian(page, live_server, None)
    assert _nav_pages(page, audit)
    audit.visit(page, f"{live_server.url}/login/", "login")
    page.locator("#id_username").fill("nobody")
    page.locator("#id_password").fill("not-a-password")
    page.locator("main button[type=submit]").click()
    audit.check(page, "login refused")
    audit.visit(page, f"{live_server.url}/no-such-page/", "404")
    audit.visit(page, f"{live_server.url}/public/#about-data", "public: about this data and downloads")
    assert page.locator("#about-data a[href$='/public/files/README.mn.md']").count() == 1
    audit.visit(page, f"{live_server.url}/public/?year_from=2030&year_to=2020", "public: empty year range")
    audit.visit(page, f"{live_server.url}/public/?year_from=1990&year_to=1990", "public: no data for these filters")
    page.goto(f"{live_server.url}/login/")
    page.context.clear_cookies(name="csrftoken")
    page.locator("#id_username").fill("nobody")
    page.locator("#id_password").fill("not-a-password")
    page.locator("main button[type=submit]").click()
    audit.check(page, "login: form expired (CSRF)")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_case_worker_pages_in_mongolian(page, live_server, audit):
    _in_mongolian(page, live_server, "caseworker")
    _nav_pages(page, audit)
    # an open case: a closed one is read-only until reopened (closed cases are visited further down)
    case = live_server.url + _first_link(page, f"{live_server.url}/cases/?status=Active",
                                         "main table a[href^='/cases/']")
    audit.visit(page, case, "case")
    audit.visit(page, f"{case}screening/", "screening")
    for box in page.locator("#screening-form input[type=checkbox]").all()[:8]:
        box.check()
    page.wait_for_load_state("networkidle")  # the live suggestion has come back
    audit.check(page, "screening: live suggestion")
    page.locator("#screening-form button[name=preview]").click()
    audit.check(page, "screening: suggestion shown")
    _send_each_form_empty(page, audit, case, "case")
    page.goto(case)
    _submit(page, "main form[action$='/notes/']", **{"note-text": "Бүртгэлийн шалгалт"})
    audit.check(page, "case: note added", message=True)
    for name in ("stage", "status", "module"):
        for value in page.locator(f"main select[name={name}] option[value]:not([value=''])").evaluate_all(
                "options => options.map(o => o.value)"):
            page.goto(f"{live_server.url}/cases/?{name}={value}")
            first = page.locator("main table a[href^='/cases/']").first
            if first.count():
                audit.visit(page, live_server.url + first.get_attribute("href"), f"case ({name} {value})")
        page.goto(f"{live_server.url}/cases/")
    audit.visit(page, f"{live_server.url}/cases/?page=2", "cases: second page")
    audit.visit(page, f"{live_server.url}/cases/?status=Active", "cases: active")
    _submit(page, "main form[role=search]", q="Оюун")
    audit.check(page, "cases: search finds nothing")
    audit.visit(page, f"{live_server.url}/cases/new/", "register a case")
    page.locator("main form button[type=submit]").last.click()
    audit.check(page, "register a case: refused")
    _submit(page, "main form.card", first_name="Оюун", age_years="15", email="not-an-address")
    audit.check(page, "register a case: bad e-mail")
    _submit(page, "main form.card", first_name="Оюун", age_years="15", email="")
    audit.check(page, "registered child case", message=True)
    _send_each_form_empty(page, audit, page.url, "new child case")
    audit.visit(page, f"{live_server.url}/osint/", "403")
    audit.visit(page, f"{live_server.url}/cases/NO-SUCH-CASE/", "404 case")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_partner_case_worker_pages_in_mongolian(page, live_server, audit):
    """A worker of the organisation a case was referred to: incoming referrals and the shared sections."""
    _in_mongolian(page, live_server, "shelterworker")
    _nav_pages(page, audit)
    page.goto(f"{live_server.url}/cases/referrals/")
    page.locator("#incoming form[action$='/accept/'] button[type=submit]").first.click()
    audit.check(page, "referral accepted", message=True)
    case = page.locator("#incoming a[href^='/cases/']").first.get_attribute("href")
    audit.visit(page, f"{live_server.url}{case}", "referred case")
    page.goto(f"{live_server.url}/cases/referrals/")
    page.locator("#incoming button[formaction$='/reject/']").first.click()
    audit.check(page, "referral rejected", message=True)
    audit.visit(page, f"{live_server.url}/cases/referrals/?state=Accepted", "referrals: accepted")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_supervisor_pages_in_mongolian(page, live_server, audit):
    from ctip.cli.demo import DEMO_RELEASE_ID

    _in_mongolian(page, live_server, "supervisor")
    _nav_pages(page, audit, skip="/data/")
    case = live_server.url + _first_link(page, f"{live_server.url}/cases/", "main table a[href^='/cases/']")
    audit.visit(page, case, "case")
    audit.visit(page, f"{live_server.url}/releases/{DEMO_RELEASE_ID}/", "release")
    audit.visit(page, f"{live_server.url}/releases/{DEMO_RELEASE_ID}/report/", "report of a synthetic release")
    audit.visit(page, f"{live_server.url}/releases/{PENDING_RELEASE}/report/", "report of a k-anonymous release")
    audit.visit(page, f"{live_server.url}/releases/{PENDING_RELEASE}/", "release to approve")
    _submit(page, "main form[action$='/approve']")
    audit.check(page, "release approved", message=True)
    page.goto(f"{live_server.url}/cases/approvals/")
    page.locator("main form[action*='/decide/'] button[value=approve]").first.click()
    audit.check(page, "approval decided", message=True)
    page.goto(f"{live_server.url}/cases/approvals/")
    page.locator("main form[action*='/decide/'] button[value=reject]").first.click()
    audit.check(page, "approval rejected", message=True)
    audit.visit(page, f"{live_server.url}/releases/{DRAFT_RELEASE}/", "release nobody asked for")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_data_analyst_pages_in_mongolian(page, live_server, audit):
    from ctip.cli.demo import DEMO_RELEASE_ID

    _in_mongolian(page, live_server, "analyst")
    _nav_pages(page, audit, skip="/data/")
    audit.visit(page, f"{live_server.url}/releases/{DEMO_RELEASE_ID}/", "release")
    for release_id in TABLE_RELEASES:
        audit.visit(page, f"{live_server.url}/releases/{release_id}/report/", f"report of {release_id}")
    audit.visit(page, f"{live_server.url}/releases/{DRAFT_RELEASE}/", "release to request")
    _submit(page, "main form[action$='/request']", note="Улирлын тоо")
    audit.check(page, "publication requested", message=True)
    audit.visit(page, f"{live_server.url}/releases/", "releases: new release form")
    _submit(page, "main form#new-release", release_id="tables-mn", k="1")
    audit.check(page, "new release: refused")
    assert page.locator("#id_k_error").is_visible()
    audit.visit(page, f"{live_server.url}/dashboard/?year_from=2030&year_to=2020", "dashboard: empty year range")
    audit.visit(page, f"{live_server.url}/dashboard/?contributor=casestore&sex=female&form=forced_labour",
                "dashboard: filtered")
    audit.visit(page, f"{live_server.url}/dashboard/?sex=эм", "dashboard: unknown sex")
    audit.visit(page, f"{live_server.url}/public/?citizenship=TUR", "public: a country below the threshold")
    audit.visit(page, f"{live_server.url}/password/", "change password")
    _submit(page, "main form[action$='/password/']", old_password="буруу нууц үг", new_password1="123",
            new_password2="1234")
    audit.check(page, "change password: refused")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_police_analyst_pages_in_mongolian(page, live_server, audit, demo):
    _in_mongolian(page, live_server, "police")
    _nav_pages(page, audit)
    results = f"{live_server.url}/osint/{demo.id}/"
    audit.visit(page, results, "OSINT scan")
    post = page.locator("main a[href*='/posts/']:not([href*='/download/'])").first.get_attribute("href")
    audit.visit(page, f"{live_server.url}{post}", "OSINT post")
    audit.visit(page, f"{results}clusters/c00001/", "OSINT cluster")
    audit.visit(page, f"{results}?level=flagged&family=venue", "OSINT scan filtered")
    page.goto(f"{live_server.url}/osint/")
    _submit(page, "main form[enctype]")
    audit.check(page, "OSINT upload without files")
    page.locator("main input[type=file]").set_input_files(files=[
        {"name": "more.csv", "mimeType": "text/csv", "buffer": b"text,author\nWork in Korea, call 99112233,bat\n"},
        {"name": "old.zip", "mimeType": "application/zip", "buffer": b"PK\x03\x04"}])
    _submit(page, "main form[enctype]")
    audit.check(page, "OSINT upload done", message=True)
    audit.visit(page, f"{live_server.url}/cases/", "403 cases")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


@pytest.mark.parametrize("username", ["sysadmin", "orgadmin"])
def test_administrator_pages_in_mongolian(page, live_server, audit, username):
    _in_mongolian(page, live_server, username)
    _nav_pages(page, audit, skip="/data/")
    audit.visit(page, f"{live_server.url}/releases/", "403 releases")
    users = f"{live_server.url}/accounts/users/"
    audit.visit(page, f"{users}?organisation=shelter", "users of one organisation")
    audit.visit(page, f"{users}new/", "add a user")
    _submit(page, "main form[action$='/users/new/']", role="")
    audit.check(page, "add a user: refused")
    _submit(page, "main form[action$='/users/new/']", username="туяа", scope="group")
    audit.check(page, "add a user: no group")
    _submit(page, "main form[action$='/users/new/']", username="туяа", scope="group", group="Хойд")
    audit.check(page, "user added, password shown once")
    assert page.locator("#new-password").count() == 1
    for action in ("reset-password", "deactivate", "reactivate"):
        page.goto(users)
        page.locator(f"main form[action$='/{action}/'] button").first.click()
        audit.check(page, action, message=action == "deactivate")
    audit.visit(page, f"{users}?username=zz", "users: no account matches")
    audit.visit(page, f"{users}?username=туяа", "users: found by name")
    page.locator("main a[href$='/change/']").first.click()
    audit.check(page, "change a role")
    _submit(page, "main form[action$='/change/']", role="")
    audit.check(page, "change a role: refused")
    _submit(page, "main form[action$='/change/']", role="supervisor")
    audit.check(page, "role changed", message=True)
    if username == "sysadmin":
        page.goto(f"{users}?username=orgadmin")
        page.locator("main a[href$='/change/']").first.click()
        _submit(page, "main form[action$='/change/']", role="case_worker")
        audit.check(page, "change a role: the last administrator")
        assert page.locator("#id_role_error").count() == 1
        audit.visit(page, f"{live_server.url}/accounts/organisations/", "organisations")
        audit.visit(page, f"{live_server.url}/accounts/organisations/new/", "add an organisation")
        _submit(page, "main form[action$='/organisations/new/']")
        audit.check(page, "add an organisation: refused")
        _submit(page, "main form[action$='/organisations/new/']", code="ub-police-2", name="Цагдаагийн хэлтэс",
                type="LawEnforcement")
        audit.check(page, "organisation added", message=True)
    else:
        audit.visit(page, f"{live_server.url}/accounts/organisations/", "403 organisations")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_sign_in_security_pages_in_mongolian(page, live_server, audit):
    """Enrolling an authenticator, the recovery codes, the code after the password, a blocked colleague."""
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.accounts.signin import code_for

    for _ in range(5):
        Client().post("/login/", {"username": "caseworker", "password": "wrong"})
    _in_mongolian(page, live_server, "orgadmin")
    audit.visit(page, f"{live_server.url}/accounts/me/", "your account")
    audit.visit(page, f"{live_server.url}/accounts/me/two-factor/", "set up an authenticator app")
    _submit(page, "main form[action$='/two-factor/']", code="000000")
    audit.check(page, "set up an authenticator app: wrong code")
    device = TOTPDevice.objects.get(user__username="orgadmin")
    device.throttle_reset()
    _submit(page, "main form[action$='/two-factor/']", code=code_for(device))
    audit.check(page, "recovery codes, shown once", message=True)
    audit.visit(page, f"{live_server.url}/accounts/me/", "your account: second factor on")
    audit.visit(page, f"{live_server.url}/accounts/users/?username=caseworker", "users: a blocked colleague")
    page.locator("main form[action$='/unlock/'] button").click()
    audit.check(page, "block lifted", message=True)
    page.locator("header form[action$='/logout/'] button").click()
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill("orgadmin")
    page.locator("#id_password").fill(password_for("orgadmin"))
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    audit.check(page, "sign-in code")
    def wrong_code():
        with page.expect_navigation():
            page.locator("main form[action$='/verify/'] #id_code").fill("000000")
            page.locator("main form[action$='/verify/'] button[type=submit]").click()

    wrong_code()
    audit.check(page, "sign-in code: wrong")
    wrong_code()
    audit.check(page, "sign-in code: wait after a wrong one")  # django-otp's delay
    for _ in range(4):
        TOTPDevice.objects.filter(user__username="orgadmin").update(throttling_failure_count=0)
        wrong_code()
    audit.check(page, "sign-in blocked")
    assert page.locator("#locked-out").count() == 1
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_dataset_pages_in_mongolian(page, live_server, audit, tmp_path):
    from tests.dataset import files

    broken = tmp_path / "broken.csv"
    header, rows = files.fixture_rows()
    rows[3] = rows[3] | {header[1]: "not-a-value"}
    files.write(broken, header, rows[:20])
    _in_mongolian(page, live_server, "analyst")
    audit.visit(page, f"{live_server.url}/data/", "dataset batches")
    for name, path in (("file with an invalid value", broken), ("valid file", files.FIXTURE)):
        audit.visit(page, f"{live_server.url}/data/upload/", "upload")
        page.locator("main input[type=file]").set_input_files(str(path))
        page.locator("main form button[type=submit]").click()
        page.wait_for_url(re.compile(r"/data/upload/[^/]+/$"))
        audit.check(page, f"upload preview: {name}")
    page.locator("main form[action$='/commit/'] button[value=commit]").click()
    audit.check(page, "batch committed")
    drop = page.locator("main a[href*='/drop/']").first.get_attribute("href")
    audit.visit(page, f"{live_server.url}{drop}", "drop a batch")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()
