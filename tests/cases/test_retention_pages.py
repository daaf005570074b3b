"""The retention page and the case page's retention panel, as supervisors and workers see them."""

from __future__ import annotations

import datetime as dt

import pytest

from ctip.cases import retention, services
from ctip.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_case(new_case, worker, supervisor):
    case = new_case()
    approval = services.closure_request(actor=worker, case=case, reason="Services completed")
    services.approval_decide(actor=supervisor, approval=approval, approve=True)
    Case.objects.filter(pk=case.pk).update(closed_on=dt.date(2015, 3, 2))
    case.refresh_from_db()
    return case


def _text(response) -> str:
    return response.content.decode()


def test_the_approvals_page_links_to_the_retention_page(client, supervisor):
    client.force_login(supervisor)
    assert 'href="/cases/retention/"' in _text(client.get("/cases/approvals/"))


def test_a_supervisor_sees_the_cases_due_without_names(client, supervisor, old_case):
    client.force_login(supervisor)

    html = _text(client.get("/cases/retention/"))

    assert old_case.public_id in html and "2015-03-02" in html and "2020-03-02" in html
    assert "Sarangerel" not in html
    assert f'for="id_anon-{old_case.public_id}-confirm"' in html
    assert f'for="id_hold-{old_case.public_id}-reason"' in html


def test_workers_may_not_open_the_retention_page(client, worker):
    client.force_login(worker)
    assert client.get("/cases/retention/").status_code == 403


def test_another_organisation_s_supervisor_does_not_see_the_case(client, user, old_case):
    client.force_login(user("supervisor", "shelter"))
    assert old_case.public_id not in _text(client.get("/cases/retention/"))
    response = client.post(f"/cases/{old_case.public_id}/anonymise/",
                           {f"anon-{old_case.public_id}-reason": "retention_period",
                            f"anon-{old_case.public_id}-confirm": "on"})
    assert response.status_code == 404
    assert not Case.objects.get(pk=old_case.pk).is_anonymised


def test_anonymising_needs_the_confirmation_box(client, supervisor, old_case):
    client.force_login(supervisor)

    response = client.post(f"/cases/{old_case.public_id}/anonymise/",
                           {f"anon-{old_case.public_id}-reason": "retention_period", "next": "retention"})

    assert response.status_code == 400
    assert "Tick the box to confirm that the erasure cannot be undone." in _text(response)
    assert not Case.objects.get(pk=old_case.pk).is_anonymised


def test_anonymise_now_from_the_retention_page(client, supervisor, old_case):
    client.force_login(supervisor)

    response = client.post(f"/cases/{old_case.public_id}/anonymise/",
                           {f"anon-{old_case.public_id}-reason": "retention_period",
                            f"anon-{old_case.public_id}-confirm": "on", "next": "retention"}, follow=True)

    html = _text(response)
    assert f"Case {old_case.public_id} anonymised: its identifying details were erased." in html
    assert "No case is due." in html
    assert Case.objects.get(pk=old_case.pk).is_anonymised


def test_a_hold_from_the_retention_page_moves_the_case_to_the_holds(client, supervisor, old_case):
    client.force_login(supervisor)

    response = client.post(f"/cases/{old_case.public_id}/hold/",
                           {f"hold-{old_case.public_id}-reason": "Prosecution under way", "next": "retention"},
                           follow=True)

    html = _text(response)
    assert "is on hold: the retention rule leaves it alone" in html and "No case is due." in html
    assert "Prosecution under way" in html
    hold = old_case.holds.get()
    response = client.post(f"/cases/{old_case.public_id}/hold/{hold.pk}/lift/", {"next": "retention"}, follow=True)
    assert "Hold lifted" in _text(response) and "No case is on hold." in _text(response)


def test_a_hold_without_a_reason_is_refused_next_to_the_field(client, supervisor, old_case):
    client.force_login(supervisor)

    response = client.post(f"/cases/{old_case.public_id}/hold/", {"next": "case"})

    assert response.status_code == 400
    assert "This field is required." in _text(response)
    assert not old_case.holds.exists()


def test_the_case_page_offers_supervisors_retention_actions(client, supervisor, worker, old_case):
    client.force_login(supervisor)
    html = _text(client.get(f"/cases/{old_case.public_id}/"))
    assert "Retention and erasure" in html and "Due for anonymisation on 2020-03-02" in html
    assert f'action="/cases/{old_case.public_id}/anonymise/"' in html
    assert f'href="/cases/{old_case.public_id}/subject-access/"' in html

    client.force_login(worker)
    html = _text(client.get(f"/cases/{old_case.public_id}/"))
    assert "Retention and erasure" not in html and "/anonymise/" not in html and "/subject-access/" not in html


def test_an_anonymised_case_page_says_so_and_offers_no_change(client, supervisor, old_case):
    retention.case_anonymise(actor=supervisor, case=old_case, reason="retention_period")
    client.force_login(supervisor)

    html = _text(client.get(f"/cases/{old_case.public_id}/"))

    assert "This case was anonymised on" in html and "The retention period is over" in html
    assert f"Anonymised by {supervisor.username}." in html
    assert "Sarangerel" not in html
    for path in ("reopen/", "consents/", "anonymise/", "hold/", "notes/", "/withdraw/"):
        assert f"/cases/{old_case.public_id}/{path}" not in html, path


def test_the_pages_speak_mongolian(client, supervisor, old_case):
    client.force_login(supervisor)

    html = _text(client.get("/cases/retention/", HTTP_ACCEPT_LANGUAGE="mn"))
    assert "Хадгалах хугацаа" in html and "Retention:" not in html

    retention.case_anonymise(actor=supervisor, case=old_case, reason="retention_period")
    html = _text(client.get(f"/cases/{old_case.public_id}/", HTTP_ACCEPT_LANGUAGE="mn"))
    assert "нэргүйжүүлсэн" in html and "This case was anonymised" not in html


def test_the_history_shows_the_anonymisation_by_the_rule(client, supervisor, old_case, settings):
    from ctip.cli import main

    settings.CTIP_RETENTION_YEARS = 5
    assert main(["cases", "retention", "--apply"]) == 0
    client.force_login(supervisor)

    html = _text(client.get(f"/cases/{old_case.public_id}/history/"))

    assert "Anonymised: identifying details erased" in html and "The retention period is over" in html
    assert "retention period (years after closure)" in html


def test_the_case_list_marks_anonymised_cases(client, supervisor, old_case):
    retention.case_anonymise(actor=supervisor, case=old_case, reason="retention_period")
    client.force_login(supervisor)

    html = _text(client.get("/cases/"))

    assert old_case.public_id in html and "Anonymised" in html


def test_the_api_says_when_a_case_was_anonymised_and_refuses_changes(client, supervisor, worker, old_case, orgs):
    import json

    from ctip.accounts.models import User
    from ctip.cases.api import token_issue

    account = User.objects.create(username="iom-sync", role="case_worker", scope="organisation",
                                  organisation=orgs["iom"], is_service_account=True, password="!")
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token_issue(account)}"}
    assert client.get(f"/cases/api/cases/{old_case.public_id}", **bearer).json()["anonymised_at"] is None
    retention.case_anonymise(actor=supervisor, case=old_case, reason="retention_period")

    detail = client.get(f"/cases/api/cases/{old_case.public_id}", **bearer).json()
    response = client.post(f"/cases/api/cases/{old_case.public_id}/notes", data=json.dumps({"text": "x"}),
                           content_type="application/json", **bearer)

    assert detail["anonymised_at"] is not None and detail["person"]["first_name"] is None
    assert response.status_code == 400
    assert response.json()["message"].startswith("This case was anonymised")


def test_a_malformed_setting_is_shown_on_the_page_not_a_crash(client, supervisor, old_case, settings):
    settings.CTIP_RETENTION_YEARS = "five"
    client.force_login(supervisor)

    response = client.get("/cases/retention/")
    case_page = client.get(f"/cases/{old_case.public_id}/")

    assert response.status_code == 200 and "CTIP_RETENTION_YEARS=&#x27;five&#x27;" in _text(response)
    assert case_page.status_code == 200 and "CTIP_RETENTION_YEARS" in _text(case_page)


def test_with_the_rule_off_the_page_says_so(client, supervisor, old_case, settings):
    settings.CTIP_RETENTION_YEARS = 0
    client.force_login(supervisor)

    html = _text(client.get("/cases/retention/"))

    assert "The retention rule is off (CTIP_RETENTION_YEARS=0)" in html and "No case is due." in html
