"""Two system administrators demoting an organisation's last two administrators at the same moment: one
demotion passes, the other is refused, so the organisation keeps an administrator (PostgreSQL, where two
writers really run at once; SQLite has a single writer)."""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, transaction

from ctip.accounts import services
from ctip.accounts.models import Organisation, User

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_simultaneous_demotions_leave_one_administrator(make_user):
    if connection.vendor != "postgresql":
        pytest.skip("needs two concurrent writers (PostgreSQL)")
    shelter = Organisation.objects.create(code="shelter", name="Safe Shelter", org_type="NGO")
    for name in ("first", "second"):
        make_user(name, role="org_admin", organisation=shelter)
    first_done, outcome = threading.Event(), {}

    def demote_second():
        first_done.wait()
        try:
            services.user_change(username="second", role="case_worker")
            outcome["second"] = "demoted"
        except services.AccountError as exc:
            outcome["second"] = exc.message
        finally:
            connection.close()

    worker = threading.Thread(target=demote_second)
    worker.start()
    with transaction.atomic():  # the first demotion is made but not yet committed while the second one starts
        services.user_change(username="first", role="case_worker")
        first_done.set()
        time.sleep(0.5)  # lets the second demotion reach the organisation's lock (it cannot pass it before commit)
    worker.join(timeout=30)

    assert outcome["second"] == ("'second' is the last active administrator of Safe Shelter; make another user "
                                 "its administrator first")
    assert dict(User.objects.values_list("username", "role")) == {"first": "case_worker", "second": "org_admin"}
