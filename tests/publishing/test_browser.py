"""In a real browser: an analyst requests publication, a supervisor approves it."""

from __future__ import annotations

import re

import pytest

from ctip.disclosure import registry
from ctip.disclosure.release import Request, create_release
from ctip.disclosure.simulate import make_ctdc_like


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_analyst_requests_and_supervisor_publishes(page, live_server, make_user, login, tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    create_release(make_ctdc_like(1500, seed=4), Request(method="aggregates-k", k=11), "web-agg")
    make_user("ana", role="data_analyst")
    make_user("sup", role="supervisor")

    login(page, "ana")
    page.goto(f"{live_server.url}/releases/")
    page.get_by_role("link", name="web-agg").click()
    page.get_by_label("Note for the supervisor").fill("quarterly figures")
    page.get_by_role("button", name="Request publication").click()
    assert page.get_by_text("Publication requested: a supervisor must approve it.").is_visible()
    page.get_by_role("button", name="Log out").click()

    login(page, "sup")
    page.goto(f"{live_server.url}/releases/web-agg/")
    assert page.get_by_text("quarterly figures").is_visible()
    page.get_by_role("button", name="Approve and publish").click()
    assert page.get_by_text("Release approved and published to the public dashboard.").is_visible()
    assert registry.load_release("web-agg").is_published


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_analyst_makes_a_release_with_the_keyboard(page, live_server, make_user, login, tmp_path, monkeypatch):
    """The form shows only the chosen method's parameters, works from the keyboard alone and shows a refused
    value at its field."""
    from ctip.dataset.store import Dataset
    from tests.dataset.files import FIXTURE

    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    Dataset().import_file(FIXTURE)
    make_user("ana", role="data_analyst")

    login(page, "ana")
    page.goto(f"{live_server.url}/releases/")
    assert page.get_by_label("Smallest group size (k)").is_visible()
    assert not page.get_by_label("Privacy budget to spend (ε)").is_visible()
    page.get_by_label("Release id").fill("dp-tables")
    page.get_by_label("differentially private counts").focus()
    page.keyboard.press("Space")
    assert not page.get_by_label("Smallest group size (k)").is_visible()
    page.get_by_label("Privacy budget to spend (ε)").fill("-1")
    page.get_by_label("Longest combination of variables").fill("1")
    page.get_by_label("Longest combination of variables").press("Enter")
    page.wait_for_url("**/releases/new#new-h")
    assert page.get_by_text("Must be a number greater than 0.").is_visible()
    page.get_by_label("Privacy budget to spend (ε)").fill("1")
    page.get_by_label("Longest combination of variables").press("Enter")
    page.wait_for_url(re.compile(r"/releases/dp-tables/(#.*)?$"))
    assert page.get_by_text("Release dp-tables created. It is not published").is_visible()
    assert registry.load_release("dp-tables").epsilon == 1.0


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_form_says_a_release_is_being_made_and_sends_it_once(page, live_server, make_user, login, tmp_path,
                                                                 monkeypatch):
    """While the server makes the release, the button says so and refuses a second press, and a status
    message tells a screen reader what is happening. The page's submissions are counted and held back in the
    browser (Playwright waits for a pending navigation before it looks at the page)."""
    from ctip.dataset.store import Dataset
    from tests.dataset.files import FIXTURE

    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    Dataset().import_file(FIXTURE)
    make_user("ana", role="data_analyst")
    login(page, "ana")
    page.goto(f"{live_server.url}/releases/")
    status = page.locator("#new-release-status")
    assert status.get_attribute("role") == "status" and status.inner_text() == ""
    page.evaluate("""() => {
        window.sent = 0;  // listens after the page's script: counts what it lets through, then holds it back
        document.getElementById("new-release").addEventListener("submit", (event) => {
            if (!event.defaultPrevented) window.sent += 1;
            event.preventDefault();
        });
    }""")
    page.get_by_label("Release id").fill("slow-one")
    page.get_by_role("button", name="Make the release").click()
    assert status.inner_text().startswith("The release is being made: this takes from a few seconds")
    working = page.get_by_role("button", name="Making the release…")
    assert working.get_attribute("aria-disabled") == "true"
    working.click(force=True)  # a second press while the first is being answered
    page.get_by_label("Release id").press("Enter")  # or Enter in a field
    assert page.evaluate("window.sent") == 1
