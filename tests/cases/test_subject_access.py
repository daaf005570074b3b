"""What is held about a person: a supervisor of the owning organisation downloads it, decrypted, in the reader's
language, never cached, audited as a view of every section; nothing of another organisation's cases."""

from __future__ import annotations

import json

import pytest

from ctip.cases import services
from ctip.cases.models import AccessLog, AuditEvent, Case, ConsentPurpose, Section

pytestmark = pytest.mark.django_db


@pytest.fixture
def person_cases(new_case, worker, orgs, user):
    """The same person with two cases at IOM and one at the shelter."""
    first = new_case(identity_number="УБ98031412", mobile_phone="+976 88112233", mailing_city="Sukhbaatar")
    services.note_add(actor=worker, case=first, text="She was met at the border")
    services.consent_record(actor=worker, case=first, purpose=ConsentPurpose.STATISTICS)
    services.event_add(actor=worker, case=first, event_type="Exploitation", country="MAC", city="Cotai",
                       description="Karaoke bar")
    services.case_update(actor=worker, case=first, exploitation_types=["SexualExploitation"])
    second = Case.objects.create(person=first.person, organisation=orgs["iom"], owner=worker)
    services.note_add(actor=worker, case=second, text="Came back in spring")
    shelter_worker = user("case_worker", "shelter")
    elsewhere = Case.objects.create(person=first.person, organisation=orgs["shelter"], owner=shelter_worker)
    services.note_add(actor=shelter_worker, case=elsewhere, text="Shelter secret note")
    return first, second, elsewhere


def _download(client, case, **params):
    return client.get(f"/cases/{case.public_id}/subject-access/", params)


def test_the_page_holds_everything_about_the_person_in_the_organisation(client, supervisor, person_cases):
    first, second, elsewhere = person_cases
    client.force_login(supervisor)

    response = _download(client, first)

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Disposition"].startswith(f'attachment; filename="subject-access-{first.public_id}-')
    html = response.content.decode()
    for held in ("Sarangerel", "Batbold", "1998-03-14", "УБ98031412", "+976 88112233", "Sukhbaatar",
                 "She was met at the border", "Came back in spring", "Cotai", "Karaoke bar", first.public_id,
                 second.public_id, "Non-identifiable reporting (statistics)", "Macao", "Sexual exploitation"):
        assert held in html, held
    assert "Shelter secret note" not in html and elsewhere.public_id not in html
    assert "<script" not in html and "style=" not in html


def test_the_json_holds_the_same_values(client, supervisor, person_cases):
    first, second, _ = person_cases
    client.force_login(supervisor)

    response = _download(client, first, format="json")

    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].endswith('.json"') and response["Cache-Control"] == "no-store"
    data = json.loads(response.content)
    assert data["person"]["first_name"] == "Sarangerel" and data["person"]["birth_date"] == "1998-03-14"
    assert [c["public_id"] for c in data["cases"]] == [first.public_id, second.public_id]
    assert data["cases"][0]["notes"][0]["text"] == "She was met at the border"
    assert data["cases"][0]["events"][0]["city"] == "Cotai"


def test_every_case_included_is_audited_as_a_view_of_every_section(client, supervisor, person_cases):
    first, second, elsewhere = person_cases
    client.force_login(supervisor)

    _download(client, first)

    views = AuditEvent.objects.filter(action="view", actor_username=supervisor.username)
    assert sorted(e.case_public_id for e in views) == sorted([first.public_id, second.public_id])
    for event in views:
        assert event.changes == {"sections": sorted(Section.values), "purpose": "subject_access", "format": "html"}


def test_a_child_s_record_is_written_to_the_access_log(client, supervisor, new_case):
    child = new_case(birth_date=None, age_years=15)
    client.force_login(supervisor)

    _download(client, child)

    assert AccessLog.objects.filter(case=child, user=supervisor, what="subject_access").count() == 1


def test_a_worker_may_not_download_it(client, worker, person_cases):
    client.force_login(worker)
    assert _download(client, person_cases[0]).status_code == 403


def test_another_organisation_s_supervisor_finds_nothing(client, user, person_cases):
    client.force_login(user("supervisor", "police"))
    assert _download(client, person_cases[0]).status_code == 404
    assert not AuditEvent.objects.filter(action="view", changes__purpose="subject_access").exists()


def test_the_shelter_s_supervisor_gets_the_shelter_s_case_only(client, user, person_cases):
    first, _, elsewhere = person_cases
    client.force_login(user("supervisor", "shelter"))

    html = _download(client, elsewhere).content.decode()

    assert "Shelter secret note" in html and "Sarangerel" in html
    assert "She was met at the border" not in html and first.public_id not in html


def test_it_reads_in_mongolian(client, supervisor, person_cases):
    client.force_login(supervisor)

    html = client.get(f"/cases/{person_cases[0].public_id}/subject-access/",
                      HTTP_ACCEPT_LANGUAGE="mn").content.decode()

    assert '<html lang="mn">' in html
    assert "Энэ хүний талаар хадгалж буй мэдээлэл" in html and "What is held about this person" not in html


def test_one_download_covers_every_case_of_a_returning_person(client, user, new_case):
    """Started from either case, and by a supervisor whose scope is their own cases only: the request is the
    organisation's to answer in full."""
    from ctip.cases.models import Person

    first_worker, second_worker = user("case_worker", "iom", "first"), user("case_worker", "iom", "second")
    first = new_case(actor=first_worker, identity_number="УБ98031412")
    services.note_add(actor=first_worker, case=first, text="First situation")
    second = services.case_create_for_person(actor=second_worker, person_id=first.person_id)
    services.note_add(actor=second_worker, case=second, text="Trafficked again")
    boss = user("supervisor", "iom", "boss-self", scope="self")
    services.case_assign(actor=second_worker, case=second, workers=[second_worker, boss])
    client.force_login(boss)

    data = json.loads(_download(client, second, format="json").content)

    assert Person.objects.count() == 1
    assert [c["public_id"] for c in data["cases"]] == [first.public_id, second.public_id]
    assert [c["notes"][0]["text"] for c in data["cases"]] == ["First situation", "Trafficked again"]


def test_another_record_with_the_same_identifiers_is_named_not_merged(client, supervisor, new_case):
    first = new_case(identity_number="УБ98031412")
    twice = new_case(first_name="Saraa", identity_number="УБ98031412")
    services.note_add(actor=twice.owner, case=twice, text="Registered a second time")
    client.force_login(supervisor)

    html = _download(client, first).content.decode()
    data = json.loads(_download(client, first, format="json").content)

    assert "Other records that may be this person" in html and twice.public_id in html
    assert "Registered a second time" not in html
    assert data["other_matching_records"] == [{"matched_on": ["identity_number"], "cases": [twice.public_id]}]
