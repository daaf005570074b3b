"""The same person registered twice: the registration form shows the organisation's exact matches and lets the
worker open a new case for that person or register a different one; nothing is saved before the choice."""

from __future__ import annotations

import datetime as dt

import pytest

from ctip.cases import duplicates, services
from ctip.cases.errors import NotFound
from ctip.cases.models import AuditEvent, Case, Person

pytestmark = pytest.mark.django_db

FORM = {"first_name": "Sarangerel", "last_name": "Batbold", "birth_date": "1998-03-14", "gender": "Feminine",
        "citizenship": "MNG"}


@pytest.fixture
def registered(new_case):
    """Sarangerel, registered at IOM with her identity number and phone."""
    return new_case(identity_number="УБ98031412", mobile_phone="+976 88112233")


def _register(client, **data):
    return client.post("/cases/new/", {**FORM, **data})


def _text(response) -> str:
    return response.content.decode()


# ---- what counts as a match -------------------------------------------------------------------------------

@pytest.mark.parametrize("fields, reason", [
    ({"first_name": "Other", "identity_number": "уб 98031412"}, "identity_number"),
    ({"first_name": "Other", "mobile_phone": "+976 88112233"}, "phone"),
    ({"first_name": "Other", "home_phone": "8811 2233"}, "phone"),  # a Mongolian number without +976
    ({"first_name": "sarangerel", "last_name": "BATBOLD", "birth_date": dt.date(1998, 3, 14)}, "name_and_birth_date"),
    ({"first_name": "Sarangerel", "last_name": "Batbold", "age_years": 29, "age_estimated": True}, "name_and_age"),
])
def test_an_exact_identifier_or_the_name_with_the_age_is_a_match(worker, registered, fields, reason):
    matches = duplicates.possible_matches(worker, fields, registered_on=dt.date(2027, 6, 1))

    assert [m.person_id for m in matches] == [registered.person_id]
    assert reason in matches[0].reasons


@pytest.mark.parametrize("fields", [
    {"first_name": "Sarangerel", "last_name": "Batbold"},  # a name alone
    {"first_name": "Sarangerel", "last_name": "Batbold", "birth_date": dt.date(1998, 3, 15)},
    {"first_name": "Sarangerel", "last_name": "Batbold", "age_years": 40},
    {"first_name": "Saraa", "last_name": "Batbold", "birth_date": dt.date(1998, 3, 14)},  # spelt otherwise
    {"first_name": "Other", "mobile_phone": "+976 88112234"},
])
def test_anything_less_than_an_exact_match_is_not_one(worker, registered, fields):
    assert duplicates.possible_matches(worker, fields, registered_on=dt.date(2027, 6, 1)) == []


def test_another_organisation_s_people_are_never_matched(user, registered):
    shelter_worker = user("case_worker", "shelter")

    assert duplicates.possible_matches(shelter_worker, {"identity_number": "УБ98031412"}) == []


def test_an_anonymised_person_is_no_longer_matched(supervisor, worker, registered):
    from ctip.cases import retention

    approval = services.closure_request(actor=worker, case=registered, reason="Services completed")
    services.approval_decide(actor=supervisor, approval=approval, approve=True)
    retention.case_anonymise(actor=supervisor, case=registered, reason="erasure_request")

    assert duplicates.possible_matches(worker, {"identity_number": "УБ98031412"}) == []


def test_a_case_the_worker_may_not_open_is_listed_without_its_id(user, registered):
    colleague = user("case_worker", "iom", scope="self")

    [match] = duplicates.possible_matches(colleague, {"identity_number": "УБ98031412"})

    assert [c.public_id for c in match.cases] == [None]
    assert (match.cases[0].status, match.cases[0].module) == ("Active", "adult_victim")
    assert match.cases[0].module_label == "Adult victim"


# ---- the registration page --------------------------------------------------------------------------------

def test_a_match_is_shown_and_nothing_is_saved_before_the_choice(client, worker, registered):
    client.force_login(worker)
    before = (Case.objects.count(), Person.objects.count(), AuditEvent.objects.count())

    response = _register(client, identity_number="УБ98031412")

    html = _text(response)
    assert response.status_code == 200
    assert "This person may already be registered" in html
    assert f'href="/cases/{registered.public_id}/"' in html
    assert "the same identity number, name and birth date" in html
    assert "Only exact matches are found" in html
    assert "Open a new case for this person (match 1)" in html and "Register a different person" in html
    assert (Case.objects.count(), Person.objects.count(), AuditEvent.objects.count()) == before


def test_no_name_is_shown_that_the_worker_could_not_open(client, user, new_case):
    owner = user("case_worker", "iom", "owner", scope="self")
    new_case(actor=owner, first_name="Oyunaa", identity_number="AB123", middle_name="Hidden")
    colleague = user("case_worker", "iom", "colleague", scope="self")
    client.force_login(colleague)

    html = _text(_register(client, first_name="Someone", identity_number="AB123"))

    assert "a case you cannot open" in html
    assert "Oyunaa" not in html and "Hidden" not in html
    assert not any(c.public_id in html for c in Case.objects.filter(owner=owner))


def test_opening_a_new_case_for_the_person_keeps_one_person(client, worker, registered):
    client.force_login(worker)

    response = _register(client, identity_number="УБ98031412", email="sara@example.org",
                         choice=f"person-{registered.person_id}")

    assert response.status_code == 302
    second = Case.objects.exclude(pk=registered.pk).get()
    assert second.person_id == registered.person_id and Person.objects.count() == 1
    assert response["Location"] == f"/cases/{second.public_id}/"
    person = Person.objects.get()
    assert person.email == "sara@example.org"  # a detail the record lacked is added
    assert person.mobile_phone == "+976 88112233"
    created = AuditEvent.objects.get(case_public_id=second.public_id, action="create", entity="cases.case")
    assert created.changes["returning_person"] is True
    update = AuditEvent.objects.get(case_public_id=second.public_id, action="update", entity="cases.person")
    assert update.changes == {"email": "[identifying]"}


def test_details_on_record_are_never_overwritten(worker, registered):
    case = services.case_create_for_person(actor=worker, person_id=registered.person_id, first_name="Saraa",
                                           mobile_phone="+976 99999999", citizenship="CHN")

    person = Person.objects.get(pk=case.person_id)
    assert (person.first_name, person.mobile_phone, person.citizenship) == ("Sarangerel", "+976 88112233", "MNG")


def test_registering_a_different_person_is_audited_without_values(client, worker, registered):
    client.force_login(worker)

    response = _register(client, identity_number="УБ98031412", choice="new")

    assert response.status_code == 302
    assert Person.objects.count() == 2
    new = Case.objects.exclude(pk=registered.pk).get()
    declined = AuditEvent.objects.get(action="duplicate.declined")
    assert declined.case_public_id == new.public_id
    assert declined.changes == {"possible_matches": 1, "matched_on": ["identity_number", "name_and_birth_date"]}
    assert "98031412" not in str(declined.changes) and "Sarangerel" not in str(declined.changes)


def test_the_history_names_the_choice_in_words(client, supervisor, worker, registered):
    client.force_login(worker)
    _register(client, identity_number="УБ98031412", choice="new")
    new = Case.objects.exclude(pk=registered.pk).get()
    client.force_login(supervisor)

    html = _text(client.get(f"/cases/{new.public_id}/history/"))

    assert "Registered as a different person despite possible matches" in html
    assert "identity number, name and birth date" in html


def test_a_choice_of_a_person_who_does_not_match_saves_nothing(client, worker, registered, new_case):
    other = new_case(first_name="Nomin", birth_date=dt.date(2001, 1, 1))
    client.force_login(worker)
    before = Case.objects.count()

    response = _register(client, identity_number="УБ98031412", choice=f"person-{other.person_id}")

    assert response.status_code == 200 and Case.objects.count() == before
    assert "That person no longer matches the details given" in _text(response)


def test_a_choice_of_a_person_no_longer_matching_never_registers_someone_new(client, worker, registered):
    client.force_login(worker)

    response = _register(client, first_name="Nomin", birth_date="2001-01-01",
                         choice=f"person-{registered.person_id}")

    assert response.status_code == 200 and Person.objects.count() == 1 and Case.objects.count() == 1


def test_without_a_match_the_form_registers_at_once(client, worker, registered):
    client.force_login(worker)

    response = _register(client, first_name="Nomin", birth_date="2001-01-01")

    assert response.status_code == 302 and Person.objects.count() == 2
    assert not AuditEvent.objects.filter(action="duplicate.declined").exists()


def test_another_organisation_s_person_cannot_be_chosen(user, registered):
    shelter_worker = user("case_worker", "shelter")

    with pytest.raises(NotFound):
        services.case_create_for_person(actor=shelter_worker, person_id=registered.person_id)
    assert Case.objects.count() == 1


def test_a_worker_without_the_capability_cannot_open_a_case(user, registered):
    from ctip.cases.errors import PermissionRefused

    analyst = user("data_analyst", "iom")
    with pytest.raises(PermissionRefused):
        services.case_create_for_person(actor=analyst, person_id=registered.person_id)


def test_the_page_reads_in_mongolian(client, worker, registered):
    client.force_login(worker)

    html = _text(client.post("/cases/new/", {**FORM, "identity_number": "УБ98031412"}, HTTP_ACCEPT_LANGUAGE="mn"))

    assert "Энэ хүн аль хэдийн бүртгэгдсэн байж магадгүй" in html
    assert "Өөр хүн болгон бүртгэх" in html and "регистрийн дугаар" in html


# ---- the case page and the module of a returning person ---------------------------------------------------

def test_the_case_page_lists_the_person_s_other_cases(client, worker, registered):
    second = services.case_create_for_person(actor=worker, person_id=registered.person_id)
    client.force_login(worker)

    html = _text(client.get(f"/cases/{second.public_id}/"))

    assert "Other cases of this person" in html
    assert f'href="/cases/{registered.public_id}/"' in html
    html = _text(client.get(f"/cases/{second.public_id}/", HTTP_ACCEPT_LANGUAGE="mn"))
    assert "Энэ хүний бусад кейсүүд" in html


def test_other_cases_the_user_may_not_see_are_not_listed(client, user, worker, registered):
    mine_only = user("case_worker", "iom", "mine", scope="self")
    second = services.case_create_for_person(actor=mine_only, person_id=registered.person_id)
    client.force_login(mine_only)

    html = _text(client.get(f"/cases/{second.public_id}/"))

    assert "Other cases of this person" not in html and registered.public_id not in html


def test_a_child_who_returns_as_an_adult_gets_an_adult_case(worker, new_case):
    first = new_case(birth_date=None, age_years=16, registered_on=dt.date(2020, 5, 1))
    assert first.module == "child_victim"

    second = services.case_create_for_person(actor=worker, person_id=first.person_id,
                                             registered_on=dt.date(2023, 6, 1))

    assert second.module == "adult_victim"


def test_a_returning_adult_is_screened_and_consents_as_an_adult(worker, new_case):
    from ctip.cases import screening_adapter
    from ctip.cases.models import ConsentPurpose

    first = new_case(birth_date=None, age_years=16, age_estimated=True, appears_to_be_child=True,
                     registered_on=dt.date(2019, 5, 1))
    second = services.case_create_for_person(actor=worker, person_id=first.person_id,
                                             registered_on=dt.date(2025, 6, 1))

    assert screening_adapter.person_facts(first.person, first.registered_on) == {
        "age": 16, "age_estimated": True, "appears_to_be_child": True}
    assert screening_adapter.person_facts(second.person, second.registered_on) == {
        "age": 22, "age_estimated": True, "appears_to_be_child": False}
    assert first.child_at_registration and not second.child_at_registration
    consent = services.consent_record(actor=worker, case=second, purpose=ConsentPurpose.SERVICES)
    assert consent.given_by == "self"
