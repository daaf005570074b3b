"""Anonymising a case: every identifying or free-text value is erased, codes and the audit trail stay, the
extract row is unchanged, the search no longer finds it, and it is read-only for good."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.apps import apps
from django.db import connection

from ctip.cases import audit, extract, retention, selectors, services
from ctip.cases.errors import ApplicationError, NotFound, PermissionRefused
from ctip.cases.fields import EncryptedTextField, encrypted_fields
from ctip.cases.models import AuditEvent, Case, ConsentPurpose, Person

pytestmark = pytest.mark.django_db

SECRETS = ["Sarangerel", "Batbold", "Dulmaa", "УБ98031412", "88112233", "70112233", "sara@example.org",
           "Peace Avenue 12", "Sukhbaatar", "Khan-Uul", "14200", "Karaoke bar", "Cotai",
           "Uncle Dorj", "nightly threats", "safe house", "She was met at the border", "bruises seen",
           "interview shows deception", "urgent shelter", "accepted quickly", "returned home safely",
           "agreed by boss", "Oyun", "debts to the recruiter", "goal: school"]
# Written in clear (not encrypted) since the first version, so the audit trail names them; erased from the tables.
CLEAR_TEXT = ["Dornogovi", "maternal aunt"]


@pytest.fixture
def full_case(new_case, worker, supervisor, orgs, user):
    """A closed case with every part recorded, identifying text everywhere."""
    case = new_case(middle_name="Dulmaa", identity_number="УБ98031412", mobile_phone="+976 88112233",
                    home_phone="70112233", email="sara@example.org", mailing_street="Peace Avenue 12",
                    mailing_city="Sukhbaatar", mailing_state="Khan-Uul", mailing_postal_code="14200")
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.STATISTICS)
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                            organisation=orgs["shelter"])
    services.case_update(actor=worker, case=case, exploitation_types=["SexualExploitation"], exploitation_months=14,
                         methods_of_control=["DebtBondage"], age_when_trafficked=17)
    services.event_add(actor=worker, case=case, event_type="Exploitation", country="MAC", state="Dornogovi",
                       city="Cotai", description="Karaoke bar", date=dt.date(2020, 5, 1))
    services.perpetrator_add(actor=worker, case=case, roles=["RecruiterOrIntermediary"], details="Uncle Dorj, nightly threats")
    screening = services.screening_record(
        actor=worker, case=case, interview={"acts": ["recruitment"], "means": ["deception"],
                                            "purposes": ["SexualExploitation"]},
        evidence=[{"element": "means", "source": "interview", "note": "interview shows deception"}])
    services.determination_request(actor=worker, case=case, status="ActualVictimOfTrafficking",
                                   decision_org_type="NGO", screening=screening,
                                   rationale="bruises seen")
    services.assessment_record(actor=worker, case=case, needs=["accommodation"], risk_summary="urgent shelter",
                               best_interests_summary="safe house", guardian_name="Oyun",
                               guardian_relationship="maternal aunt")
    services.plan_create(actor=worker, case=case, plan_type="Education", objectives="goal: school",
                         action_plan="debts to the recruiter")
    referral = services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                        service_type="accommodation", sections=["person"], details="safe house")
    services.referral_accept(actor=user("case_worker", "shelter"), referral=referral, note="accepted quickly")
    services.note_add(actor=worker, case=case, text="She was met at the border")
    approval = services.closure_request(actor=worker, case=case, reason="returned home safely")
    services.approval_decide(actor=supervisor, approval=approval, approve=True, comment="agreed by boss")
    case.refresh_from_db()
    return case


def _every_stored_text() -> str:
    """Every value of every case-store row but the audit log's, decrypted."""
    chunks = []
    for model in apps.get_app_config("cases").get_models():
        if model is AuditEvent:
            continue
        for row in model.objects.all().values():
            chunks.append(json.dumps(row, default=str, ensure_ascii=False))
    return "\n".join(chunks)


def test_every_secret_is_held_before(full_case):
    text = _every_stored_text()
    assert [s for s in SECRETS + CLEAR_TEXT if s not in text] == []


def test_anonymising_erases_every_identifying_and_free_text_value(full_case, supervisor):
    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    text = _every_stored_text()
    assert [s for s in SECRETS + CLEAR_TEXT if s in text] == []
    person = Person.objects.get(pk=full_case.person_id)
    assert person.birth_date is None and person.age_years == 28 and person.gender == "Feminine"
    assert all(getattr(person, f"{n}_bidx") is None for n in ("first_name", "last_name", "full_name", "email"))


def test_no_encrypted_value_is_left_in_the_tables(full_case, supervisor):
    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    with connection.cursor() as cursor:
        for model in apps.get_app_config("cases").get_models():
            for field in encrypted_fields(model):
                cursor.execute(f"SELECT COUNT(*) FROM {model._meta.db_table} WHERE {field.column} IS NOT NULL")
                assert cursor.fetchone()[0] == 0, f"{model._meta.label}.{field.name}"


def test_every_encrypted_field_of_a_case_part_is_covered():
    covered = set(retention.CASE_PARTS) | {Case, Person, apps.get_model("cases", "Evidence")}
    with_secrets = {m for m in apps.get_app_config("cases").get_models()
                    if any(isinstance(f, EncryptedTextField) for f in m._meta.concrete_fields)}
    assert with_secrets <= covered


def test_the_case_keeps_its_codes_dates_and_status(full_case, supervisor):
    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    case = Case.objects.get(pk=full_case.pk)
    assert case.exploitation_types == ["SexualExploitation"] and case.exploitation_months == 14
    assert case.registered_on == full_case.registered_on and case.closed_on == full_case.closed_on
    assert case.status == "Closed" and case.events.get().country == "MAC"
    assert case.events.get().date == dt.date(2020, 5, 1)
    assert case.is_anonymised and case.anonymised_by == supervisor and case.anonymised_reason == "retention_period"


def test_the_extract_row_is_unchanged(full_case, supervisor):
    before = extract.build_extract()

    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    assert extract.build_extract().equals(before)


def test_the_search_no_longer_finds_it_but_its_id_does(full_case, supervisor):
    for text in ("Sarangerel", "Sarangerel Batbold", "УБ98031412", "88112233", "sara@example.org"):
        assert selectors.case_list_for(supervisor, search=text).exists()

    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    for text in ("Sarangerel", "Sarangerel Batbold", "УБ98031412", "88112233", "sara@example.org"):
        assert not selectors.case_list_for(supervisor, search=text).exists(), text
    assert list(selectors.case_list_for(supervisor, search=full_case.public_id)) == [full_case]


def test_the_audit_names_the_reason_and_no_value(full_case, supervisor):
    retention.case_anonymise(actor=supervisor, case=full_case, reason="erasure_request")

    event = AuditEvent.objects.get(action="anonymise", entity="cases.case")
    assert event.actor_username == supervisor.username
    assert event.changes == {"reason": "erasure_request", "person": "erased"}
    person_event = AuditEvent.objects.get(action="anonymise", entity="cases.person")
    assert set(person_event.changes.values()) == {audit.IDENTIFYING} and "first_name" in person_event.changes
    log = json.dumps(list(AuditEvent.objects.values("changes")), ensure_ascii=False)
    assert [s for s in SECRETS if s in log] == []
    assert audit.verify_chain().ok


def test_open_referrals_are_revoked(full_case, supervisor, user):
    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    assert full_case.referrals.get().state == "revoked"
    with pytest.raises(NotFound):
        selectors.case_get_for(user("case_worker", "shelter"), full_case.public_id)


@pytest.mark.parametrize("change", [
    lambda case, worker: services.note_add(actor=worker, case=case, text="Called her."),
    lambda case, worker: services.case_reopen(actor=worker, case=case, reason="She came back"),
    lambda case, worker: services.consent_withdraw(actor=worker, consent=case.consents.first()),
    lambda case, worker: services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.RESEARCH),
    lambda case, worker: retention.hold_place(actor=case.anonymised_by, case=case, reason="trial"),
], ids=["note", "reopen", "withdraw", "consent", "hold"])
def test_an_anonymised_case_refuses_every_change(full_case, supervisor, worker, change):
    case = retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    with pytest.raises(ApplicationError, match="This case was anonymised"):
        change(case, worker)


def test_it_cannot_be_anonymised_twice(full_case, supervisor):
    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")
    with pytest.raises(ApplicationError, match="already anonymised"):
        retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")


def test_only_a_supervisor_of_the_owning_organisation_may_anonymise(full_case, worker, user):
    with pytest.raises(PermissionRefused, match="Only a supervisor"):
        retention.case_anonymise(actor=worker, case=full_case, reason="retention_period")
    with pytest.raises(NotFound):
        retention.case_anonymise(actor=user("supervisor", "police"), case=full_case, reason="retention_period")
    everywhere = user("supervisor", "shelter", scope="all")
    with pytest.raises(PermissionRefused):
        retention.case_anonymise(actor=everywhere, case=full_case, reason="retention_period")
    assert not Case.objects.get(pk=full_case.pk).is_anonymised


def test_a_reason_code_is_required(full_case, supervisor):
    with pytest.raises(ApplicationError, match="Choose the reason"):
        retention.case_anonymise(actor=supervisor, case=full_case, reason="she asked")


def test_an_open_case_is_refused_unless_the_person_withdrew_consent_and_asked_for_erasure(new_case, worker,
                                                                                          supervisor):
    case = new_case()
    consent = services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SERVICES)
    with pytest.raises(ApplicationError, match="Only a closed case"):
        retention.case_anonymise(actor=supervisor, case=case, reason="retention_period")
    with pytest.raises(ApplicationError, match="consent is still in force"):
        retention.case_anonymise(actor=supervisor, case=case, reason="erasure_request")

    services.consent_withdraw(actor=worker, consent=consent)
    retention.case_anonymise(actor=supervisor, case=case, reason="erasure_request")

    case.refresh_from_db()
    assert case.is_anonymised and case.status == "Closed" and case.closed_on is not None
    assert Person.objects.get(pk=case.person_id).first_name is None


def test_a_case_on_hold_is_refused_until_the_hold_is_lifted(full_case, supervisor):
    hold = retention.hold_place(actor=supervisor, case=full_case, reason="Prosecution 2024/17 under way")
    with pytest.raises(ApplicationError, match="on hold"):
        retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    retention.hold_lift(actor=supervisor, hold=hold)
    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    assert full_case.holds.get().reason is None


def test_a_person_with_another_live_case_keeps_their_details_there(full_case, supervisor, worker):
    live = Case.objects.create(person=full_case.person, organisation=full_case.organisation, owner=worker)

    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    anonymised = Case.objects.select_related("person").get(pk=full_case.pk)
    assert anonymised.person_id != live.person_id
    assert anonymised.person.first_name is None and anonymised.person.birth_date is None
    assert (anonymised.person.gender, anonymised.person.age_years) == ("Feminine", 28)
    assert Person.objects.get(pk=live.person_id).first_name == "Sarangerel"
    assert list(selectors.case_list_for(supervisor, search="Sarangerel")) == [live]
    event = AuditEvent.objects.get(action="anonymise", entity="cases.case")
    assert event.changes["person"] == "detached"


def test_the_last_live_case_erases_the_person(full_case, supervisor, worker):
    live = Case.objects.create(person=full_case.person, organisation=full_case.organisation, owner=worker,
                               status="Closed", closed_on=dt.date(2020, 1, 1))
    retention.case_anonymise(actor=supervisor, case=full_case, reason="retention_period")

    retention.case_anonymise(actor=supervisor, case=live, reason="retention_period")

    assert Person.objects.get(pk=live.person_id).first_name is None
    assert not selectors.case_list_for(supervisor, search="Sarangerel").exists()
