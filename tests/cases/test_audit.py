"""The audit log: every change and view is recorded, hash-chained, and tampering is found."""

from __future__ import annotations

import pytest
from django.db import connection

from ctip.cases import audit, selectors, services
from ctip.cases.models import AuditEvent
from ctip.cli import main

pytestmark = pytest.mark.django_db


def _tamper(sql: str, params: list) -> None:
    """Change the log as an attacker with the database owner's rights would: drop the guard, then edit."""
    with connection.cursor() as cur:
        if connection.vendor == "postgresql":
            cur.execute("ALTER TABLE cases_auditevent DISABLE TRIGGER cases_auditevent_no_update")
        else:
            cur.execute("DROP TRIGGER IF EXISTS cases_auditevent_no_update")
        cur.execute(sql, params)


def test_creates_updates_and_views_are_logged_without_identifying_values(new_case, worker):
    case = new_case(identity_number="УБ98031412")
    services.person_update(actor=worker, case=case, mobile_phone="+976 99112233", marital_status="Single")
    selectors.case_get_for(worker, case.public_id)
    events = list(AuditEvent.objects.filter(case_public_id=case.public_id))
    actions = [(e.action, e.entity) for e in events]
    assert ("create", "cases.person") in actions and ("create", "cases.case") in actions
    assert ("update", "cases.person") in actions and ("view", "cases.case") in actions
    update = next(e for e in events if e.action == "update" and e.entity == "cases.person")
    assert update.changes == {"marital_status": "Single", "mobile_phone": "[identifying]"}
    assert all(e.actor_username == "worker" for e in events)
    dump = repr([e.changes for e in events])
    for secret in ("Sarangerel", "Batbold", "99112233", "УБ98031412", "1998-03-14"):
        assert secret not in dump


def test_an_event_s_province_and_a_guardian_s_relationship_are_recorded_by_name_only(client, new_case, worker,
                                                                                      supervisor):
    case = new_case()
    services.event_add(actor=worker, case=case, event_type="Recruitment", country="MNG", state="Govi-Altai")
    services.assessment_record(actor=worker, case=case, needs=["accommodation"], guardian_name="Tsetseg",
                               guardian_relationship="maternal aunt")

    created = {e.entity: e.changes for e in AuditEvent.objects.filter(case_public_id=case.public_id, action="create")}

    assert created["cases.traffickingevent"]["state"] == audit.WITHHELD
    assert created["cases.traffickingevent"]["country"] == "MNG"  # a country is not withheld
    assert created["cases.needsassessment"]["guardian_relationship"] == audit.WITHHELD
    dump = repr(list(AuditEvent.objects.values_list("changes", flat=True)))
    assert "Govi-Altai" not in dump and "maternal aunt" not in dump
    client.force_login(supervisor)
    html = client.get(f"/cases/{case.public_id}/history/").content.decode()
    assert "changed (identifying, not kept in the log)" in html and "Govi-Altai" not in html


def test_verify_reports_ok_and_the_count(new_case, capsys):
    new_case()
    count = AuditEvent.objects.count()
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out.strip() == f"ok: {count} audit events, chain intact"


def test_an_edited_event_is_the_first_broken_link(new_case, capsys):
    new_case()
    new_case()
    target = AuditEvent.objects.order_by("seq")[2]
    _tamper("UPDATE cases_auditevent SET actor_username = %s WHERE id = %s", ["someone-else", target.pk])
    report = audit.verify_chain()
    assert not report.ok and report.broken_seq == target.seq
    assert main(["audit", "verify"]) == 1
    assert f"broken link at event {target.seq}" in capsys.readouterr().out


def test_a_deleted_event_breaks_the_chain(new_case):
    new_case()
    new_case()
    target = AuditEvent.objects.order_by("seq")[1]
    _tamper("DELETE FROM cases_auditevent WHERE id = %s", [target.pk])
    report = audit.verify_chain()
    assert not report.ok and report.broken_seq == target.seq and "missing" in report.problem


def test_a_rehashed_forgery_is_caught_by_the_next_link(new_case):
    new_case()
    new_case()
    target = AuditEvent.objects.order_by("seq")[1]
    forged = AuditEvent.objects.get(pk=target.pk)
    forged.action = "view"
    _tamper("UPDATE cases_auditevent SET action = %s, hash = %s WHERE id = %s",
            ["view", audit.event_hash(forged), target.pk])
    report = audit.verify_chain()
    assert not report.ok and report.broken_seq == target.seq + 1


def test_the_database_itself_refuses_updates_of_the_log(new_case):
    from django.db import DatabaseError, transaction

    new_case()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cur:
        cur.execute("UPDATE cases_auditevent SET action = 'view'")


def test_the_log_refuses_updates_and_deletes_through_the_orm(new_case):
    new_case()
    event = AuditEvent.objects.first()
    event.action = "changed"
    with pytest.raises(PermissionError):
        event.save()
    with pytest.raises(PermissionError):
        AuditEvent.objects.all().delete()
    with pytest.raises(PermissionError):
        AuditEvent.objects.update(action="x")
