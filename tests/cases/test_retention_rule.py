"""The retention rule: closed cases are due N years after closure unless held or reopened; ``ctip cases
retention`` lists them without names and ``--apply`` anonymises them as the system."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from ctip.cases import retention, services
from ctip.cases.errors import ApplicationError, PermissionRefused
from ctip.cases.models import AuditEvent, Case, Person, RetentionHold
from ctip.cli import main

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def close(worker, supervisor):
    """``close(case, on)`` closes a case through an approved closure, then dates the closure ``on``."""
    def do(case, on: dt.date):
        approval = services.closure_request(actor=worker, case=case, reason="Services completed")
        services.approval_decide(actor=supervisor, approval=approval, approve=True)
        Case.objects.filter(pk=case.pk).update(closed_on=on)
        case.refresh_from_db()
        return case

    return do


@pytest.fixture
def old_case(new_case, close):
    return close(new_case(), dt.date(2020, 5, 31))


def test_default_is_five_years(settings, monkeypatch):
    monkeypatch.delenv("CTIP_RETENTION_YEARS", raising=False)
    assert retention.retention_years() == 5
    settings.CTIP_RETENTION_YEARS = "7"
    assert retention.retention_years() == 7


def test_environment_sets_the_years(monkeypatch):
    monkeypatch.setenv("CTIP_RETENTION_YEARS", "3")
    assert retention.retention_years() == 3


@pytest.mark.parametrize("value", ["five", "-1", "2.5"])
def test_a_malformed_setting_names_itself(settings, value):
    settings.CTIP_RETENTION_YEARS = value
    with pytest.raises(retention.RetentionSettingError, match="CTIP_RETENTION_YEARS=.*whole number of years"):
        retention.retention_years()


def test_a_case_is_due_n_years_after_closure(new_case, close, old_case):
    recent = close(new_case(first_name="Nomin"), dt.date(2021, 6, 2))
    new_case(first_name="Tuya")  # open

    due = list(retention.cases_due(today=TODAY))

    assert due == [old_case]
    assert recent not in retention.cases_due(today=TODAY)
    assert recent in retention.cases_due(today=dt.date(2026, 6, 2))
    assert retention.due_on(old_case.closed_on, 5) == dt.date(2025, 5, 31)


def test_zero_years_turns_the_rule_off(settings, old_case):
    settings.CTIP_RETENTION_YEARS = 0
    assert not retention.cases_due(today=TODAY).exists()


def test_a_hold_keeps_a_case_out_until_lifted(old_case, supervisor):
    hold = retention.hold_place(actor=supervisor, case=old_case, reason="Prosecution under way at the court")
    assert not retention.cases_due(today=TODAY).exists()

    retention.hold_lift(actor=supervisor, hold=hold)

    assert list(retention.cases_due(today=TODAY)) == [old_case]


def test_a_hold_is_audited_without_its_reason_which_is_encrypted(old_case, supervisor):
    hold = retention.hold_place(actor=supervisor, case=old_case, reason="Prosecution 2024/17")
    retention.hold_lift(actor=supervisor, hold=hold)

    placed = AuditEvent.objects.get(action="retention.hold")
    assert placed.changes == {"reason": "[identifying]"} and placed.actor_username == supervisor.username
    assert AuditEvent.objects.filter(action="retention.lift", case_public_id=old_case.public_id).exists()
    with connection.cursor() as cursor:
        cursor.execute("SELECT reason FROM cases_retentionhold")
        assert cursor.fetchone()[0].startswith("enc1:")
    assert RetentionHold.objects.get().reason == "Prosecution 2024/17"


def test_a_hold_needs_a_supervisor_of_the_owner_and_a_reason(old_case, worker, supervisor):
    with pytest.raises(PermissionRefused):
        retention.hold_place(actor=worker, case=old_case, reason="trial")
    with pytest.raises(ApplicationError, match="Give the reason"):
        retention.hold_place(actor=supervisor, case=old_case, reason="  ")
    retention.hold_place(actor=supervisor, case=old_case, reason="trial")
    with pytest.raises(ApplicationError, match="already on hold"):
        retention.hold_place(actor=supervisor, case=old_case, reason="trial")


def test_reopening_takes_a_case_out_of_the_rule(old_case, worker):
    services.case_reopen(actor=worker, case=old_case, reason="She came back")
    assert not retention.cases_due(today=TODAY).exists()


def test_a_supervisor_sees_only_their_organisation_s_cases_due(old_case, supervisor, user):
    assert list(retention.cases_due_for(supervisor, today=TODAY)) == [old_case]
    assert not retention.cases_due_for(user("supervisor", "shelter"), today=TODAY).exists()
    assert not retention.cases_due_for(user("case_worker", "iom"), today=TODAY).exists()


def test_the_command_lists_ids_dates_and_organisations_without_names(old_case, capsys, settings):
    settings.CTIP_RETENTION_YEARS = 1

    assert main(["cases", "retention"]) == 0

    out = capsys.readouterr().out
    assert f"{old_case.public_id}\t2020-05-31\tiom-t" in out
    assert "1 case due for anonymisation" in out
    assert "Sarangerel" not in out and "Batbold" not in out
    assert not Case.objects.get(pk=old_case.pk).is_anonymised


def test_the_command_applies_the_rule_as_the_system(old_case, new_case, close, capsys, settings):
    settings.CTIP_RETENTION_YEARS = 1
    held = close(new_case(first_name="Nomin"), dt.date(2019, 1, 1))
    retention.hold_place(actor=Case.objects.get(pk=held.pk).approvals.get().decided_by, case=held,
                         reason="Court case")

    assert main(["cases", "retention", "--apply"]) == 0

    out = capsys.readouterr().out
    assert f"anonymised\t{old_case.public_id}" in out and "1 case anonymised" in out
    case = Case.objects.get(pk=old_case.pk)
    assert case.is_anonymised and case.anonymised_by is None and case.anonymised_reason == "retention_period"
    assert Person.objects.get(pk=case.person_id).first_name is None
    event = AuditEvent.objects.get(action="anonymise", entity="cases.case")
    assert (event.actor_id, event.actor_username) == (None, "")
    assert event.changes == {"reason": "retention_period", "person": "erased", "retention_years": 1}
    assert not Case.objects.get(pk=held.pk).is_anonymised
    assert main(["cases", "retention", "--apply"]) == 0  # nothing left: idempotent
    assert "0 cases anonymised" in capsys.readouterr().out


def test_the_command_with_the_rule_off_does_nothing(old_case, capsys, settings):
    settings.CTIP_RETENTION_YEARS = 0
    assert main(["cases", "retention", "--apply"]) == 0
    assert "rule is off" in capsys.readouterr().out
    assert not Case.objects.get(pk=old_case.pk).is_anonymised


def test_the_command_refuses_a_malformed_setting(capsys, settings, db):
    settings.CTIP_RETENTION_YEARS = "five"
    assert main(["cases", "retention"]) == 2
    captured = capsys.readouterr()
    assert "CTIP_RETENTION_YEARS='five'" in captured.err and captured.out == ""
