"""Merging two records of one person: a supervisor of the organisation owning every case of both compares them,
chooses the values to keep, gives a reason and confirms; the cases move, the other record is erased, one audit
event per case names fields only; the collaborative dataset still counts one record per case."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.utils import translation

from ctip.cases import merge, selectors, services
from ctip.cases.errors import PermissionRefused
from ctip.cases.extract import build_extract
from ctip.cases.models import AuditEvent, Case, ConsentPurpose, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def twice(new_case):
    """Sarangerel registered twice at IOM: once with her identity number, once (spelt Saraa) with her phone."""
    first = new_case(identity_number="УБ98031412")
    second = new_case(first_name="Saraa", birth_date=None, age_years=27, age_estimated=True,
                      mobile_phone="+976 88112233")
    return first, second


def _merge(actor, keep, other, reason="declined_by_mistake", **choices):
    return merge.person_merge(actor=actor, keep=keep, merge=other, choices=choices, reason=reason)


def _page(client, case, other=None, **data):
    url = f"/cases/{case.public_id}/merge/"
    if data:
        return client.post(url, {"other": other.public_id, **data})
    return client.get(url, {"other": other.public_id} if other else {})


def test_every_case_of_the_other_record_moves_and_the_other_record_is_gone(supervisor, twice):
    first, second = twice
    gone = second.person_id

    person = _merge(supervisor, first, second)

    assert set(Case.objects.values_list("person_id", flat=True)) == {person.pk} == {first.person_id}
    assert not Person.objects.filter(pk=gone).exists()


def test_the_values_chosen_are_kept_and_found_by_search(supervisor, twice):
    first, second = twice

    person = _merge(supervisor, first, second, first_name="keep", age="keep")

    person.refresh_from_db()
    assert (person.first_name, person.birth_date) == ("Sarangerel", dt.date(1998, 3, 14))
    assert person.mobile_phone == "+976 88112233"  # the kept record had none: the other's value by default
    found = selectors.case_list_for(supervisor, search="88112233")
    assert {c.public_id for c in found} == {first.public_id, second.public_id}


def test_the_other_records_value_can_be_chosen(supervisor, twice):
    first, second = twice

    person = _merge(supervisor, first, second, first_name="merge")

    person.refresh_from_db()
    assert person.first_name == "Saraa"
    assert {c.public_id for c in selectors.case_list_for(supervisor, search="Saraa Batbold")} \
        == {first.public_id, second.public_id}
    assert not selectors.case_list_for(supervisor, search="Sarangerel Batbold").exists()


def test_one_audit_event_per_case_names_fields_never_values(supervisor, twice):
    first, second = twice

    _merge(supervisor, first, second, first_name="merge")

    events = AuditEvent.objects.filter(action="person.merge").order_by("seq")
    assert [e.case_public_id for e in events] == [first.public_id, second.public_id]
    assert [e.changes["moved"] for e in events] == [False, True]
    assert events[0].changes["fields_taken"] == ["first_name", "mobile_phone"]
    assert events[0].changes["reason"] == "declined_by_mistake"
    logged = json.dumps([e.changes for e in events], ensure_ascii=False)
    assert "Saraa" not in logged and "88112233" not in logged


def test_posting_the_merge_twice_changes_nothing_more(supervisor, twice):
    first, second = twice
    _merge(supervisor, first, second)

    again = _merge(supervisor, first, second)

    assert again.pk == first.person_id
    assert AuditEvent.objects.filter(action="person.merge").count() == 2


def test_a_case_worker_cannot_merge(worker, twice):
    with pytest.raises(PermissionRefused):
        _merge(worker, *twice)
    assert Person.objects.count() == 2


def test_records_with_a_case_in_another_organisation_are_refused_and_say_why(supervisor, orgs, new_case, twice):
    first, second = twice
    third = services.case_create_for_person(actor=first.owner, person_id=second.person_id, first_name="Saraa")
    Case.objects.filter(pk=third.pk).update(organisation=orgs["shelter"])  # as an accepted transfer leaves it

    with pytest.raises(PermissionRefused, match="1 of their cases belong to another organisation"):
        _merge(supervisor, first, second)
    assert Person.objects.count() == 2


def test_an_unknown_reason_is_refused(supervisor, twice):
    with pytest.raises(Exception, match="reason"):
        _merge(supervisor, *twice, reason="because")


def test_the_dataset_still_counts_one_record_per_case(supervisor, worker, twice):
    for case in twice:
        services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.STATISTICS)
    before = build_extract()

    _merge(supervisor, *twice)

    after = build_extract()
    assert after.height == before.height == 2


# ---- the pages --------------------------------------------------------------------------------------------

def test_the_case_page_offers_the_merge_to_a_supervisor_only(client, supervisor, worker, twice):
    client.force_login(worker)
    assert "Merge with another record" not in client.get(f"/cases/{twice[0].public_id}/").content.decode()
    assert client.get(f"/cases/{twice[0].public_id}/merge/").status_code == 403

    client.force_login(supervisor)
    assert "Merge with another record" in client.get(f"/cases/{twice[0].public_id}/").content.decode()


def test_the_pick_page_lists_exact_matches_and_takes_a_case_id(client, supervisor, new_case, twice):
    first, _second = twice
    duplicate = new_case(first_name="Other", identity_number="УБ98031412")
    client.force_login(supervisor)

    page = _page(client, first).content.decode()

    assert f"?other={duplicate.public_id}" in page
    assert "Case id of the other record" in page


def test_both_records_are_shown_side_by_side_with_a_warning(client, supervisor, twice):
    first, second = twice
    client.force_login(supervisor)

    page = _page(client, first, second).content.decode()

    assert "Sarangerel" in page and "Saraa" in page and "+976 88112233" in page
    assert "cannot be undone" in page
    assert 'name="field_first_name"' in page and 'name="field_last_name"' not in page  # only what differs


def test_the_merge_is_confirmed_and_the_case_page_shows_both_cases(client, supervisor, twice):
    first, second = twice
    client.force_login(supervisor)

    unconfirmed = _page(client, first, second, field_first_name="merge", reason="registered_twice")
    assert unconfirmed.status_code == 400 and Person.objects.count() == 2

    choices = {"field_first_name": "merge", "field_birth_date": "keep", "field_age": "keep",
               "field_identity_number": "keep", "field_mobile_phone": "merge"}
    done = _page(client, first, second, **choices, reason="registered_twice", confirm="on")
    assert done.status_code == 302 and done["Location"] == f"/cases/{first.public_id}/"
    page = client.get(done["Location"]).content.decode()
    assert "The records were merged" in page and second.public_id in page and "Saraa" in page
    assert _page(client, first, second, reason="registered_twice", confirm="on").status_code == 302  # again


def test_a_case_the_supervisor_cannot_open_is_not_found(client, supervisor, user, twice):
    shelter_case = services.case_create(actor=user("case_worker", "shelter"), first_name="X")
    client.force_login(supervisor)

    page = _page(client, twice[0], shelter_case)

    assert page.status_code == 400 and "No case with this id that you may open" in page.content.decode()


def test_the_merge_page_in_mongolian(client, supervisor, twice):
    client.force_login(supervisor)
    with translation.override("mn"):
        page = client.get(f"/cases/{twice[0].public_id}/merge/", {"other": twice[1].public_id},
                          HTTP_ACCEPT_LANGUAGE="mn")
    assert "Нэг хүний хоёр бүртгэлийг нэгтгэх" in page.content.decode()


def test_the_history_reads_the_merge_in_words(client, supervisor, twice):
    first, second = twice
    _merge(supervisor, first, second, first_name="merge")
    client.force_login(supervisor)

    page = client.get(f"/cases/{second.public_id}/history/").content.decode()

    assert "Two records of the person merged" in page
    assert "Registered as a different person by mistake" in page
    assert "First name" in page and "Saraa" not in page


def test_showing_both_records_is_audited_as_a_view_of_each(client, supervisor, twice):
    client.force_login(supervisor)

    _page(client, *twice)

    views = AuditEvent.objects.filter(action="view", actor_username=supervisor.username)
    assert sorted((e.case_public_id, tuple(e.changes["sections"])) for e in views) \
        == sorted((c.public_id, ("person",)) for c in twice)
