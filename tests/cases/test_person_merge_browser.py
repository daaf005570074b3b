"""Merging two records of one person in a real browser with the keyboard alone, from the case page."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_supervisor_merges_two_records_with_the_keyboard(page, live_server, make_user, login):
    from ctip.cases import services
    from ctip.cases.models import Case, Person

    worker = make_user("mergeworker")
    make_user("mergeboss", role="supervisor", organisation=worker.organisation)
    first = services.case_create(actor=worker, first_name="Sarangerel", last_name="Batbold", age_years=26,
                                 identity_number="УБ98031412")
    second = services.case_create(actor=worker, first_name="Saraa", last_name="Batbold", age_years=26,
                                  identity_number="УБ98031412", mobile_phone="+976 88112233")
    login(page, "mergeboss")
    page.goto(f"{live_server.url}/cases/{first.public_id}/")

    with page.expect_navigation():
        page.get_by_role("link", name="Merge with another record of this person").press("Enter")
    with page.expect_navigation():
        page.get_by_role("link", name=second.public_id).press("Enter")

    assert page.get_by_role("table", name="The two records side by side").is_visible()
    assert page.get_by_text("The merge cannot be undone.").is_visible()
    first_name = page.get_by_role("group", name="First name")
    first_name.get_by_role("radio", name="Saraa").focus()
    page.keyboard.press("Space")
    page.get_by_label("Reason for merging").select_option("registered_twice")
    page.get_by_label("I understand that the merge cannot be undone").press("Space")
    with page.expect_navigation():
        page.get_by_role("button", name="Merge the records").press("Enter")

    assert page.get_by_text("The records were merged").is_visible()
    assert page.get_by_role("link", name=second.public_id).is_visible()  # now one of the person's other cases
    assert Person.objects.count() == 1 and Case.objects.get(pk=second.pk).person_id == first.person_id
    assert Person.objects.get().first_name == "Saraa"


def test_the_merge_pages_are_in_mongolian(page, live_server, make_user, login):
    from ctip.cases import services
    from tests.web.mongolian import Audit, vocab_names

    worker = make_user("mnworker")
    make_user("mnboss", role="supervisor", organisation=worker.organisation)
    first = services.case_create(actor=worker, first_name="Sarangerel", last_name="Batbold", age_years=26,
                                 identity_number="УБ98031412")
    second = services.case_create(actor=worker, first_name="Saraa", last_name="Batbold", age_years=27,
                                  identity_number="УБ98031412")
    audit = Audit(data=["Sarangerel", "Saraa", "Batbold", "mnworker", "mnboss", "Test Office"], names=vocab_names())
    login(page, "mnboss")
    page.goto(f"{live_server.url}/cases/{first.public_id}/")
    with page.expect_navigation():
        page.get_by_role("button", name="Монгол").click()

    audit.check(page, "case page")
    audit.visit(page, f"{live_server.url}/cases/{first.public_id}/merge/", "pick")
    audit.visit(page, f"{live_server.url}/cases/{first.public_id}/merge/?other={second.public_id}", "compare")
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()  # nothing chosen: errors shown
    audit.check(page, "compare with errors", message=False)
    page.locator("#id_reason").select_option("registered_twice")
    page.locator("#id_confirm").check()
    with page.expect_navigation():
        page.locator("main form[method=post] button[type=submit]").click()
    audit.check(page, "merged", message=True)

    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()
