"""The history page of a case: the audit trail and the access log of a child's record, for the owning
organisation's supervisors, without any identifying value."""

from __future__ import annotations

import re

import pytest

from ctip.cases import services
from ctip.cases.models import ConsentPurpose

pytestmark = pytest.mark.django_db


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


@pytest.fixture
def child_case(new_case, worker, orgs):
    case = new_case(first_name="Нарантуяа", last_name="Батболд", birth_date=None, age_years=15,
                    identity_number="УБ05231234")
    consent = services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                                      organisation=orgs["shelter"], given_by="guardian",
                                      guardian_name="Батболд Дорж", child_assent=True)
    services.consent_withdraw(actor=worker, consent=consent)
    return case


def test_supervisor_reads_who_did_what_to_the_case(client, supervisor, child_case):
    client.force_login(supervisor)

    text = _text(client.get(f"/cases/{child_case.public_id}/history/"))

    assert "History of case " + child_case.public_id in text
    assert "worker Consent withdrawn consent purpose : Sharing with a named organisation" in text
    created_person = text[text.index("worker Created person"):]
    assert "first name : changed (encrypted, not shown)" in created_person[:400]


def test_history_shows_no_identifying_value(client, supervisor, child_case):
    client.force_login(supervisor)

    html = client.get(f"/cases/{child_case.public_id}/history/").content.decode()

    for secret in ("Нарантуяа", "Батболд", "УБ05231234"):
        assert secret not in html


def test_history_lists_who_opened_a_childs_record(client, supervisor, worker, child_case):
    client.force_login(worker)
    client.get(f"/cases/{child_case.public_id}/")
    client.force_login(supervisor)

    html = client.get(f"/cases/{child_case.public_id}/history/").content.decode()

    access_log = html[html.index('id="access-log"'):]
    assert "<td>worker</td>" in access_log and "<td>boss</td>" in access_log


def test_case_page_links_the_history_for_supervisors_only(client, supervisor, worker, child_case):
    link = f'href="/cases/{child_case.public_id}/history/"'
    client.force_login(supervisor)
    assert link in client.get(f"/cases/{child_case.public_id}/").content.decode()
    client.force_login(worker)
    assert link not in client.get(f"/cases/{child_case.public_id}/").content.decode()


def test_history_is_refused_to_workers_and_hidden_from_other_organisations(client, user, worker, child_case):
    url = f"/cases/{child_case.public_id}/history/"
    client.force_login(worker)
    assert client.get(url).status_code == 403
    client.force_login(user("supervisor", "shelter"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url)["Location"] == f"/login/?next={url}"


def test_history_can_hide_the_views_to_show_the_changes(client, supervisor, child_case):
    client.force_login(supervisor)
    client.get(f"/cases/{child_case.public_id}/")

    text = _text(client.get(f"/cases/{child_case.public_id}/history/?views=hide"))

    assert " Viewed " not in text
    assert "Consent withdrawn" in text and "Show views too" in text
