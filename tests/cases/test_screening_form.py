"""The screening form tells the worker, in their language and next to the field, when the ticked elements
contradict each other; the live suggestion panel shows the same message."""

from __future__ import annotations

import pytest

from ctip.cases.models import Screening

pytestmark = pytest.mark.django_db

CONTRADICTION = {"acts": ["recruitment"], "absent": ["act"]}


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "“Act” is ticked as found absent, but Acts are ticked too: untick one of them."),
    ("mn", "“Үйлдэл”-ийг байхгүй гэж тэмдэглэсэн ч Үйлдлүүд мөн тэмдэглэгдсэн байна: аль нэгийг нь болиулна уу."),
])
def test_preview_names_the_contradiction_in_the_readers_language(client, worker, new_case, lang, message):
    case = new_case()
    client.force_login(worker)

    response = client.post(f"/cases/{case.public_id}/screening/preview/", CONTRADICTION, HTTP_ACCEPT_LANGUAGE=lang)

    assert response.status_code == 400
    assert [problem["message"] for problem in response.json()["fields"]["absent"]] == [message]


def test_saving_a_contradiction_shows_it_at_the_field_and_writes_nothing(client, worker, new_case):
    case = new_case()
    client.force_login(worker)

    response = client.post(f"/cases/{case.public_id}/screening/", {**CONTRADICTION, "save": "1"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "“Act” is ticked as found absent, but Acts are ticked too" in html
    assert "gives evidence of it" not in html
    assert not Screening.objects.filter(case=case).exists()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_live_suggestion_panel_shows_the_contradiction(page, live_server, make_user, login):
    from ctip.cases import services

    worker = make_user("screener")
    case = services.case_create(actor=worker, first_name="Oyun", age_years=24)
    login(page, "screener")
    page.goto(f"{live_server.url}/cases/{case.public_id}/screening/")

    page.locator("#screening-form input[name=acts][value=recruitment]").check()
    page.locator("#screening-form input[name=absent][value=act]").check()

    reasons = page.locator("#suggestion-reasons")
    reasons.get_by_text("“Act” is ticked as found absent, but Acts are ticked too: untick one of them.").wait_for()
    page.locator("#screening-form input[name=absent][value=act]").uncheck()
    reasons.get_by_text("Act present: recruitment.").wait_for()


def test_saved_screening_shows_its_indicators_and_evidence_on_the_case_page(client, worker, new_case):
    case = new_case()
    client.force_login(worker)

    client.post(f"/cases/{case.public_id}/screening/", {
        "acts": ["recruitment"], "indicators": ["WithholdsDocuments"], "purposes": ["ForcedLabour"],
        "evidence_source": "interview", "evidence_note": "Паспортыг нь хураасан", "save": "1"})
    html = client.get(f"/cases/{case.public_id}/").content.decode()

    assert "Indicators: Withholds documents" in " ".join(html.split())
    assert "Evidence (Act, Means, Purpose): Interview with the person · Паспортыг нь хураасан" in html
