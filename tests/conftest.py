"""Shared fixtures: a real headless Chromium (Debian's, through Playwright), users and organisations.

Tests that touch the case store carry ``@pytest.mark.django_db`` (or use a fixture that does):
``make test`` runs exactly those a second time on PostgreSQL.
"""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

os.environ.setdefault("CTIP_HOME", tempfile.mkdtemp(prefix="ctip-test-"))
# Playwright's sync API runs an event loop in the test thread; Django's ORM is still used synchronously.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(autouse=True)
def password_alone_signs_in(settings):
    """Accounts sign in with a password alone (``CTIP_TWO_FACTOR=optional``) unless a test sets
    ``settings.CTIP_TWO_FACTOR = "required"`` (production's default; see tests/accounts)."""
    settings.CTIP_TWO_FACTOR = "optional"


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Tests hash passwords with a fast hasher: production's Argon2 costs about 0.15 s and 100 MB per hash
    or check, minutes over the suite. Tests about the stored hash ask for ``production_password_hashing``."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def production_password_hashing(settings):
    """The password hashers exactly as production configures them (Argon2 first)."""
    from ctip.web import settings as production

    settings.PASSWORD_HASHERS = list(production.PASSWORD_HASHERS)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def axe_page(browser):
    """A page in a context of its own that lets Playwright inject axe-core despite the page's CSP (the
    accessibility audits: ``tests/web/axe.py``); every other page test keeps the CSP."""
    context = browser.new_context(bypass_csp=True, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


@pytest.fixture
def organisation(db):
    from ctip.accounts.models import Organisation

    return Organisation.objects.create(name="Test Office", code="test-office", org_type="NGO")


@pytest.fixture
def make_user(db):
    """Create a user with a role in an organisation; the password is the username + '-Pass-2024!'."""
    from ctip.accounts.models import Organisation, User

    def make(username: str, role: str = "case_worker", organisation=None, scope: str = "organisation"):
        if organisation is None:
            organisation, _ = Organisation.objects.get_or_create(
                code="test-office", defaults={"name": "Test Office", "org_type": "NGO"}
            )
        user = User(username=username, role=role, scope=scope, organisation=organisation)
        user.set_password(password_for(username))
        user.save()
        return user

    return make


def password_for(username: str) -> str:
    return f"{username}-Pass-2024!"


@pytest.fixture
def login(live_server):
    """Log a user in through the real login page."""

    def do(page, username: str):
        page.goto(f"{live_server.url}/login/")
        page.get_by_label("User name").fill(username)
        page.get_by_label("Password").fill(password_for(username))
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state()

    return do
