"""The same merge posted twice at the same moment (a double click, two supervisors): one merges, the other finds
the two cases already on one person and changes nothing (PostgreSQL, where two writers really run at once)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from ctip.cases import merge
from ctip.cases.models import AuditEvent, Case, Person

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_simultaneous_merges_of_the_same_records_merge_once(supervisor, user, new_case):
    if connection.vendor != "postgresql":
        pytest.skip("needs two concurrent writers (PostgreSQL)")
    first = new_case(identity_number="УБ98031412")
    second = new_case(first_name="Saraa", mobile_phone="+976 88112233")
    colleague = user("supervisor", "iom", "boss2")
    first_done, outcome = threading.Event(), {}

    def merge_again():
        first_done.wait()
        try:
            person = merge.person_merge(actor=colleague, keep=first, merge=second, choices={},
                                        reason="registered_twice")
            outcome["second"] = person.pk
        finally:
            connection.close()

    worker = threading.Thread(target=merge_again)
    worker.start()
    with transaction.atomic():  # the first merge is made but not yet committed while the second one starts
        merge.person_merge(actor=supervisor, keep=first, merge=second, choices={}, reason="registered_twice")
        first_done.set()
        time.sleep(0.5)  # lets the second merge reach the cases' locks (it cannot pass them before commit)
    worker.join(timeout=30)

    assert outcome["second"] == first.person_id
    assert list(Person.objects.values_list("pk", flat=True)) == [first.person_id]
    assert set(Case.objects.values_list("person_id", flat=True)) == {first.person_id}
    assert AuditEvent.objects.filter(action="person.merge").count() == 2
