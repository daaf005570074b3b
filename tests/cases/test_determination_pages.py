"""The person's decision on trafficking status: the form starts from the suggestion, the supervisor sees what
the engine suggested and whether it needs review, and the case page says where the decision stands."""

from __future__ import annotations

import re

import pytest

from ctip.cases import services
from ctip.cases.models import Determination

pytestmark = pytest.mark.django_db

NOT_TRAFFICKED_CHILD = {"acts": ["recruitment"], "absent": ["purpose"]}


@pytest.fixture
def screened_child(new_case, worker):
    case = new_case(birth_date=None, age_years=15)
    services.screening_record(actor=worker, case=case, interview=NOT_TRAFFICKED_CHILD)
    return case


def _selected(html: str, name: str) -> str:
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return re.search(r'<option value="([^"]*)"[^>]*selected', select).group(1)


def test_determination_form_starts_at_the_suggested_status(client, worker, screened_child):
    client.force_login(worker)

    html = client.get(f"/cases/{screened_child.public_id}/").content.decode()

    assert _selected(html, "determination-status") == "NotAVictimOfTrafficking"
    assert _selected(html, "determination-decision_org_type") == ""


def test_determination_without_deciding_organisation_is_refused(client, worker, screened_child):
    client.force_login(worker)

    response = client.post(f"/cases/{screened_child.public_id}/determination/",
                           {"determination-status": "NotAVictimOfTrafficking"})

    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert not Determination.objects.filter(case=screened_child).exists()


def test_supervisor_sees_the_suggestion_and_the_review_flag_in_the_queue(client, worker, supervisor, screened_child):
    services.determination_request(actor=worker, case=screened_child, status="NotAVictimOfTrafficking",
                                   decision_org_type="NGO", screening=screened_child.screenings.first())
    client.force_login(supervisor)

    row = client.get("/cases/approvals/").content.decode()

    assert "Suggested by the screening: Not a victim of trafficking" in re.sub(r"\s+", " ", row)
    assert "Requires review by a supervisor" in row


@pytest.mark.parametrize(("approve", "shown"), [(True, "approved"), (False, "rejected by a supervisor")])
def test_case_page_says_whether_the_determination_was_approved_or_rejected(
        client, worker, supervisor, screened_child, approve, shown):
    approval = services.determination_request(actor=worker, case=screened_child, status="NotAVictimOfTrafficking",
                                              decision_org_type="NGO", screening=screened_child.screenings.first())
    client.force_login(worker)
    assert "awaiting approval" in client.get(f"/cases/{screened_child.public_id}/").content.decode()

    services.approval_decide(actor=supervisor, approval=approval, approve=approve)

    html = client.get(f"/cases/{screened_child.public_id}/").content.decode()
    assert f"NGO · {Determination.objects.get().decided_on:%Y-%m-%d} · {shown}</li>" in html
