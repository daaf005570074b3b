"""The web skeleton: home page, health check, secure defaults, login and the Mongolian switch."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_home_says_what_ctip_is(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "Counter-trafficking information platform" in response.content.decode()


def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_security_headers_on_every_page(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_passwords_are_hashed_with_argon2(production_password_hashing, make_user):
    user = make_user("hasher")
    assert user.password.startswith("argon2$")


def test_wrong_password_is_refused(client, make_user):
    make_user("alice")
    response = client.post("/login/", {"username": "alice", "password": "not-her-password"})
    assert response.status_code == 200
    assert "did not match" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_home_in_mongolian(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="mn")
    assert "Хүн худалдаалахтай тэмцэх мэдээллийн платформ" in response.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_login_then_switch_to_mongolian(page, live_server, make_user, login):
    make_user("worker")
    login(page, "worker")
    assert page.get_by_text("worker · Case worker").is_visible()
    page.get_by_role("button", name="Монгол").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "mn"
    assert page.get_by_role("button", name="Гарах").is_visible()
    assert page.get_by_role("heading", name="Хүн худалдаалахтай тэмцэх мэдээллийн платформ").is_visible()


@pytest.mark.parametrize("role, shown", [("case_worker", True), ("supervisor", True), ("police_analyst", True),
                                         ("data_analyst", False), ("org_admin", False), ("sysadmin", False)])
def test_the_referrals_link_is_shown_only_to_roles_that_may_open_it(make_user, role, shown):
    from django.test import Client

    client = Client()
    client.force_login(make_user("someone", role=role))
    nav = client.get("/").content.decode()
    assert ('href="/cases/referrals/"' in nav) is shown
    assert client.get("/cases/referrals/").status_code == (200 if shown else 403)
