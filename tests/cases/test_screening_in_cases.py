"""Screening a case: the engine sees the person as the case store does (child, presumed child or adult)."""

from __future__ import annotations

import pytest

from ctip.cases import services

pytestmark = pytest.mark.django_db

CHILD_TRAFFICKING = {"acts": ["recruitment"], "purposes": ["SexualExploitation"]}


def test_estimated_age_under_18_is_screened_as_a_presumed_child(new_case, worker):
    case = new_case(birth_date=None, age_years=15, age_estimated=True, appears_to_be_child=False)
    assert case.module == "child_victim" and case.person.child_presumed

    screening = services.screening_record(actor=worker, case=case, interview=CHILD_TRAFFICKING)

    suggestion = screening.suggestion
    assert suggestion["status"] == "ActualVictimOfTrafficking"
    assert (suggestion["child"], suggestion["child_presumed"]) == (True, True)
    assert suggestion["elements"]["means"] == "not_required"
    assert not any("treated as an adult" in reason for reason in suggestion["reasons"]["en"])


@pytest.mark.parametrize(("age_years", "age_estimated", "appears"), [
    (15, False, False), (15, False, True), (30, False, True), (15, True, False), (17, True, True),
    (30, True, True), (30, True, False), (None, False, True),
])
def test_the_suggestion_and_the_case_agree_on_childhood(new_case, worker, age_years, age_estimated, appears):
    case = new_case(birth_date=None, age_years=age_years, age_estimated=age_estimated, appears_to_be_child=appears)

    suggestion = services.screening_record(actor=worker, case=case, interview=CHILD_TRAFFICKING).suggestion

    assert suggestion["child"] is case.person.is_child
    assert suggestion["child_presumed"] is case.person.child_presumed
    assert (case.module == "child_victim") is case.person.is_child


def test_screening_page_shows_the_presumed_child_suggestion(client, new_case, worker):
    case = new_case(birth_date=None, age_years=16, age_estimated=True)
    client.force_login(worker)

    response = client.post(f"/cases/{case.public_id}/screening/preview/", CHILD_TRAFFICKING)

    assert response.status_code == 200
    assert response.json()["headline"] == "Actual victim, presumed child, means not required"
