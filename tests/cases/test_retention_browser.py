"""Anonymising a case in a real browser with the keyboard alone: labelled fields, the confirmation box."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_anonymises_a_closed_case_with_the_keyboard(page, live_server, make_user, login):
    from ctip.cases import services

    worker, other = make_user("kbworker"), make_user("kbother", role="supervisor")
    make_user("kbboss", role="supervisor")
    case = services.case_create(actor=worker, first_name="Sarangerel", last_name="Batbold", age_years=26)
    approval = services.closure_request(actor=worker, case=case, reason="Returned home")
    services.approval_decide(actor=other, approval=approval, approve=True)
    login(page, "kbboss")
    page.goto(f"{live_server.url}/cases/{case.public_id}/")

    summary = page.get_by_text("Anonymise the case", exact=True)
    summary.focus()
    page.keyboard.press("Enter")  # opens the <details>
    page.get_by_label("Reason for anonymising").select_option("no_longer_needed")
    page.get_by_label("I understand that the identifying details are erased for good").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.get_by_text(f"Case {case.public_id} anonymised").is_visible()
    assert "This case was anonymised on" in page.locator("#anonymised").inner_text()
    assert "No longer needed for the purpose it was collected for" in page.locator("#anonymised").inner_text()
    assert "Sarangerel" not in page.content()
