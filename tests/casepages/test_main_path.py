"""The main path of issue #3 in a real browser, in English and in Mongolian.

A case worker of the IOM-like office registers a 16-year-old, screens her (recruitment, sexual
exploitation, no means recorded) and sees "Actual victim, child, means not required"; records consent
to share with the shelter; refers her for accommodation; a shelter worker accepts; a supervisor
approves the closure. Labels are looked up in the page's language through the real catalogues, and the
Mongolian run checks that they are Mongolian.
"""

from __future__ import annotations

import re

import pytest
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from ctip import vocab
from tests.conftest import password_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CYRILLIC = re.compile(r"[А-Яа-яӨөҮүЁё]")


def say(lang: str, msgid: str) -> str:
    """``msgid`` as the page shows it in ``lang``; in Mongolian it must really be Mongolian."""
    with translation.override(lang):
        text = str(gettext(msgid))
    if lang == "mn":
        assert CYRILLIC.search(text), f"no Mongolian translation for {msgid!r}"
    return text


def code(lang: str, scheme: str, value: str) -> str:
    return vocab.label(scheme, value, lang)


def sign_in(page, live_server, username: str) -> None:
    """Log in through the real login page, whatever its language (fields found by their ids)."""
    page.goto(f"{live_server.url}/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password_for(username))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def sign_out(page) -> None:
    page.locator(".session form[action$='/logout/'] button").click()
    page.wait_for_load_state()


def choose_language(page, lang: str) -> None:
    page.locator(f".lang button[value={lang}]").click()
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", lang)


def field(page, lang: str, msgid: str):
    return page.get_by_label(say(lang, msgid))


@pytest.fixture
def walkers(people):
    """The three people of the main path, with the passwords ``sign_in`` uses."""
    for name in ("caseworker", "shelterworker", "supervisor"):
        people[name].set_password(password_for(name))
        people[name].save(update_fields=["password"])
    return people


@pytest.mark.parametrize("lang", ["en", "mn"])
def test_main_path_from_registration_to_approved_closure(page, live_server, walkers, lang):
    t = lambda msgid: say(lang, msgid)  # noqa: E731
    errors: list[str] = []  # script errors and Content-Security-Policy violations (inline script or style)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)

    # The case worker registers a 16-year-old girl.
    sign_in(page, live_server, "caseworker")
    choose_language(page, lang)
    page.goto(f"{live_server.url}/cases/")
    page.get_by_role("link", name=t("Register a person")).click()
    field(page, lang, "First name").fill("Saruul")
    field(page, lang, "Second name").fill("Dorj")
    field(page, lang, "Age in years (if no birth date)").fill("16")
    field(page, lang, "Gender").select_option("Feminine")
    page.get_by_role("button", name=t("Register"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(t("Case"))
    expect(page.locator(".case-head")).to_contain_text(t("Child"))
    public_id = page.get_by_role("heading", level=1).inner_text().split()[-1]

    # She is screened: recruitment, sexual exploitation, no means recorded.
    page.get_by_role("link", name=t("New screening")).click()
    page.locator("#id_acts").get_by_label(code(lang, "palermo.act", "recruitment")).press("Space")  # by keyboard
    expect(page.locator("#id_acts").get_by_label(code(lang, "palermo.act", "recruitment"))).to_be_checked()
    page.locator("#id_purposes").get_by_label(
        code(lang, "htcds.vic_TypeOfExploitation", "SexualExploitation"), exact=True).check()
    expected = ", ".join([t("Actual victim"), t("child"), t("means not required")])
    expect(page.locator("#suggestion-headline")).to_have_text(expected)  # shown while filling in
    expect(page.locator("#suggestion-reasons li").first).to_be_visible()
    expect(page.locator("#suggestion-review")).to_be_hidden()  # a positive suggestion needs no review
    page.get_by_role("button", name=t("Save screening")).click()
    expect(page.locator("#screening .suggestion-headline").first).to_have_text(expected)

    # Consent to share with the shelter, given by her guardian, with her assent.
    page.get_by_text(t("Record consent"), exact=True).first.click()
    consent = page.locator("#consent form").last
    consent.get_by_label(t("Purpose")).select_option("share_organisation")
    consent.get_by_label(t("Organisation (for sharing with a named organisation)")).select_option(
        label="Safe Shelter")
    consent.get_by_label(t("Given by")).select_option("guardian")
    consent.get_by_label(t("Name of the parent or guardian")).fill("Dorj Bat")
    consent.get_by_label(t("The child assents")).select_option("yes")
    consent.get_by_role("button", name=t("Record consent")).click()
    expect(page.locator(".messages")).to_contain_text(t("Consent recorded."))
    expect(page.locator("#consent tbody")).to_contain_text(t("Sharing with a named organisation"))

    # Referral to the shelter for accommodation.
    page.get_by_text(t("Refer to another organisation"), exact=True).click()
    referral = page.locator("#referrals form")
    referral.get_by_label(t("Refer to")).select_option(label="Safe Shelter")
    referral.get_by_label(t("For the service")).select_option("accommodation")
    for section in ("Person", "Support plan and services"):
        referral.get_by_label(t(section), exact=True).check()
    referral.get_by_role("button", name=t("Send referral")).click()
    expect(page.locator(".messages")).to_contain_text(t("Referral sent."))
    expect(page.locator("#referrals .referral-state").first).to_contain_text(t("In progress"))

    # The case worker asks for closure: the case is handed on to the shelter.
    page.get_by_text(t("Request closure"), exact=True).first.click()
    closure = page.locator("#approvals form").last
    closure.get_by_label(t("Close as")).select_option("ClosedReferred")
    closure.get_by_label(t("Reason for closing")).fill("Placed in the shelter for long-term assistance.")
    closure.get_by_role("button", name=t("Request closure")).click()
    expect(page.locator(".messages")).to_contain_text(t("Closure sent to a supervisor for approval."))
    sign_out(page)

    # A shelter worker accepts the referral and then sees the shared sections only.
    sign_in(page, live_server, "shelterworker")
    page.get_by_role("link", name=t("Referrals"), exact=True).click()
    incoming = page.locator("#incoming")
    expect(incoming).to_contain_text(public_id)
    incoming.get_by_role("button", name=t("Accept")).click()
    expect(page.locator(".messages")).to_contain_text(t("Referral accepted."))
    expect(incoming.locator(".referral-state")).to_have_text(t("Accepted"))
    incoming.get_by_role("link", name=public_id).click()
    expect(page.locator("#person")).to_contain_text("Saruul")
    expect(page.locator("#consent")).to_have_count(0)
    expect(page.locator("#screening")).to_have_count(0)
    sign_out(page)

    # A supervisor approves the closure.
    sign_in(page, live_server, "supervisor")
    page.get_by_role("link", name=t("Approvals"), exact=True).click()
    queue = page.locator("#queue")
    expect(queue).to_contain_text(public_id)
    expect(queue).to_contain_text(t("Closure"))
    queue.get_by_label(t("Comment")).fill("Agreed.")
    queue.get_by_role("button", name=t("Approve")).click()
    expect(page.locator(".messages")).to_contain_text(t("Approved."))
    page.get_by_role("link", name=public_id).first.click()
    expect(page.locator(".case-head")).to_contain_text(t("Closed (referred)"))
    assert errors == []
