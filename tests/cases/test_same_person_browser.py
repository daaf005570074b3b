"""The same person registered twice, in a real browser with the keyboard alone; and the navigation bar with its
retention entry, in both languages, on a laptop-sized screen."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_worker_opens_a_new_case_for_a_returning_person_with_the_keyboard(page, live_server, make_user, login):
    from ctip.cases import services
    from ctip.cases.models import Case, Person

    worker = make_user("dupworker")
    first = services.case_create(actor=worker, first_name="Sarangerel", last_name="Batbold", age_years=26,
                                 identity_number="УБ98031412")
    login(page, "dupworker")
    page.goto(f"{live_server.url}/cases/new/")
    page.get_by_label("First name").fill("Saraa")
    page.get_by_label("Age in years (if no birth date)").fill("26")
    page.get_by_label("Identity number").fill("уб98031412")
    with page.expect_navigation():
        page.get_by_label("Identity number").press("Enter")

    assert page.get_by_role("heading", name="This person may already be registered").is_visible()
    assert page.get_by_role("link", name=first.public_id).is_visible()
    assert Case.objects.count() == 1  # nothing saved yet
    page.get_by_role("button", name="Open a new case for this person (match 1)").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    second = Case.objects.exclude(pk=first.pk).get()
    assert Person.objects.count() == 1 and second.person_id == first.person_id
    assert page.get_by_role("link", name=first.public_id).is_visible()  # listed among the person's other cases


@pytest.mark.parametrize("language, label", [("en", "Retention"), ("mn", "Хадгалах хугацаа")])
def test_the_navigation_bar_fits_with_the_retention_entry(page, live_server, make_user, login, language, label):
    make_user("navboss", role="supervisor")
    page.set_viewport_size({"width": 1280, "height": 800})
    login(page, "navboss")
    page.goto(f"{live_server.url}/cases/")
    if language == "mn":
        with page.expect_navigation():
            page.get_by_role("button", name="Монгол").click()

    entry = page.get_by_role("link", name=label, exact=True)
    assert entry.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    box = entry.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
