"""The pages this review added or changed, in Mongolian, read in a real browser: no English left (the rules of
``tests/web/mongolian.py``: data, names, identifiers and acronyms may stay in Latin letters)."""

from __future__ import annotations

import pytest

from tests.web.mongolian import Audit, vocab_names

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def story(make_user):
    """A child's case with a screening that needs review, a determination and a closure waiting for the
    supervisor, and a referral to a shelter that was accepted and then revoked by the consent's withdrawal."""
    from ctip.accounts.models import Organisation
    from ctip.cases import services

    office = Organisation.objects.create(name="Office", code="office", org_type="CentralGovernmentOrganisation")
    shelter = Organisation.objects.create(name="Shelter", code="shelter", org_type="NGO")
    worker = make_user("ajiltan", organisation=office)
    make_user("darga", "supervisor", office)
    helper = make_user("asragch", organisation=shelter)
    case = services.case_create(actor=worker, first_name="Наран", age_years=15, gender="Feminine",
                                citizenship="MNG")
    services.screening_record(actor=worker, case=case, interview={"acts": ["recruitment"], "absent": ["purpose"]})
    services.determination_request(actor=worker, case=case, status="NotAVictimOfTrafficking", decision_org_type="NGO",
                                   screening=case.screenings.first())
    consent = services.consent_record(actor=worker, case=case, purpose="share_organisation", organisation=shelter,
                                      given_by="guardian", guardian_name="Эх", child_assent=True)
    referral = services.referral_create(actor=worker, case=case, to_organisation=shelter,
                                        service_type="accommodation", sections=["person", "plan"])
    services.referral_accept(actor=helper, referral=referral)
    services.consent_withdraw(actor=worker, consent=consent)
    services.closure_request(actor=worker, case=case, reason="Гэр бүлдээ буцсан")
    return case


def _mongolian(page, login, username: str) -> None:
    login(page, username)
    page.get_by_role("button", name="Монгол").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "mn"


def _audit(case) -> Audit:
    return Audit(data=[case.public_id, "ajiltan", "darga", "asragch", "Office", "Shelter"], names=vocab_names())


def test_supervisor_pages_of_the_review_in_mongolian(page, live_server, login, story):
    audit = _audit(story)
    _mongolian(page, login, "darga")

    audit.visit(page, f"{live_server.url}/cases/approvals/", "approvals with a determination to review")
    audit.visit(page, f"{live_server.url}/cases/{story.public_id}/", "case page with determinations")
    audit.visit(page, f"{live_server.url}/cases/{story.public_id}/history/", "history")
    audit.visit(page, f"{live_server.url}/cases/{story.public_id}/history/?views=hide", "history without views")

    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()


def test_screening_contradiction_in_mongolian(page, live_server, login, story):
    audit = _audit(story)
    _mongolian(page, login, "ajiltan")
    page.goto(f"{live_server.url}/cases/{story.public_id}/screening/")

    page.locator("#screening-form input[name=acts][value=recruitment]").check()
    page.locator("#screening-form input[name=absent][value=act]").check()
    page.locator("#suggestion-reasons li", has_text="байхгүй гэж тэмдэглэсэн ч").wait_for()

    audit.check(page, "screening: contradiction in the live panel")
    assert not audit.leftovers, "English left on Mongolian pages:\n" + audit.report()
