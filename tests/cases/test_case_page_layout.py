"""The case page in a real browser with unusual input: very long names and numbers, Cyrillic and
right-to-left scripts must neither widen the page nor get lost."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_long_cyrillic_and_arabic_names_stay_within_the_page(page, live_server, make_user, login):
    from ctip.cases import services

    worker = make_user("longnames")
    first, last = "Ж" * 200, "محمدعلي" * 20
    case = services.case_create(actor=worker, first_name=first, last_name=last, age_years=22,
                                identity_number="9" * 100)
    page.set_viewport_size({"width": 800, "height": 700})
    login(page, "longnames")

    page.goto(f"{live_server.url}/cases/{case.public_id}/")

    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    name = page.locator("#person dd").first
    assert name.locator("bdi").all_inner_texts() == [first, last]
