"""An organisation administrator adds a colleague in a real browser, with the keyboard-reachable form, and the
colleague logs in with the temporary password shown once, then chooses their own."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_organisation_administrator_adds_a_user_who_then_logs_in(page, live_server, make_user, login):
    make_user("orgadmin", role="org_admin")
    login(page, "orgadmin")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Users").click()
    page.get_by_role("link", name="Add a user").click()
    page.get_by_label("User name").fill("tuya")
    page.get_by_label("Role").select_option(label="Supervisor")
    page.get_by_label("Scope").select_option(label="Own group")
    page.get_by_label("Group").fill("north")
    page.get_by_label("Group").press("Enter")  # submitted from the keyboard

    assert page.get_by_role("heading", name="Account tuya created").is_visible()
    assert page.get_by_text("This password is shown only once.").is_visible()
    password = page.locator("#new-password").inner_text()
    assert "/accounts/users/new/" in page.url and password not in page.url
    page.get_by_role("link", name="Back to the users").click()
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="tuya"))
    cells = row.get_by_role("cell").all_inner_texts()
    assert cells[:3] == ["Supervisor", "Own group", "north"]
    assert re.fullmatch(r"Active\s+Temporary password until \d{4}-\d\d-\d\d \d\d:\d\d UTC", cells[3])

    page.get_by_role("button", name="Log out").click()
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("User name").fill("tuya")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Choose your own password")).to_be_visible()
    page.get_by_label("Temporary password").fill(password)
    page.get_by_label("New password", exact=True).fill("quiet-river-copper-lantern")
    page.get_by_label("New password confirmation").fill("quiet-river-copper-lantern")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Your password is changed")).to_be_visible()
    assert page.get_by_text("tuya · Supervisor").is_visible()


def test_an_organisation_administrator_finds_a_colleague_and_changes_their_role_by_keyboard(
        page, live_server, make_user, login):
    admin = make_user("orgadmin", role="org_admin")
    for name in ("tuya", "bold"):
        make_user(name, organisation=admin.organisation)
    login(page, "orgadmin")
    page.goto(f"{live_server.url}/accounts/users/")

    page.get_by_label("User name").fill("tu")
    page.get_by_label("User name").press("Enter")
    assert page.get_by_role("rowheader").all_inner_texts() == ["tuya"]
    page.get_by_role("link", name="Change role").focus()
    page.keyboard.press("Enter")
    page.get_by_label("Role").select_option(label="Supervisor")
    page.get_by_label("Scope").select_option(label="Own group")
    page.get_by_label("Group").fill("north")
    page.get_by_label("Group").press("Enter")

    assert page.get_by_role("status").filter(has_text="tuya now has the role Supervisor").is_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="tuya"))
    assert row.get_by_role("cell").all_inner_texts()[:4] == ["Supervisor", "Own group", "north", "Active"]


def test_a_system_administrator_adds_an_organisation(page, live_server, make_user, login):
    make_user("root", role="sysadmin", scope="all")
    login(page, "root")
    page.goto(f"{live_server.url}/accounts/users/")

    page.get_by_role("link", name="Organisations").click()
    page.get_by_role("link", name="Add an organisation").click()
    page.get_by_label("Short code").fill("police-ub")
    page.get_by_label("Name", exact=True).fill("Police Unit Ulaanbaatar")
    page.get_by_label("Type").select_option(label="Law Enforcement")
    page.get_by_label("Name", exact=True).press("Enter")

    assert page.get_by_role("status").filter(has_text="Police Unit Ulaanbaatar is added.").is_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Police Unit Ulaanbaatar"))
    assert row.get_by_role("cell").all_inner_texts()[:5] == ["police-ub", "Law Enforcement", "Mongolia", "0",
                                                             "Active"]
