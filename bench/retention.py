"""The retention rule on a store with many closed cases: listing the cases due, and anonymising them.

``python -m bench retention`` loads ``CTIP_BENCH_CASES`` synthetic demo cases (default 5,000) into a fresh
SQLite store (or the PostgreSQL database named by ``CTIP_BENCH_DATABASE_URL``), dates the closure of every
closed case ten years back, then times ``cases_due`` (count and listing, as ``ctip cases retention`` does)
and ``retention_apply`` on half of them. The baseline, in the same run, is ``case_delete`` (the only way to
get rid of a case before) on as many of the other half: anonymising writes more (every part, the person,
the audit) but keeps the rows.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time


def _setup() -> None:
    os.environ["CTIP_HOME"] = tempfile.mkdtemp(prefix="ctip-bench-retention-")
    if os.environ.get("CTIP_BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["CTIP_BENCH_DATABASE_URL"]
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ["CTIP_RETENTION_YEARS"] = "5"
    from ctip.web import setup

    setup()


def main() -> None:
    _setup()
    from django.core.management import call_command
    from django.db import connection

    from ctip.accounts.demo import create_demo_accounts
    from ctip.accounts.models import User
    from ctip.cases import retention, services
    from ctip.cases.demo import create_demo_cases
    from ctip.cases.models import CLOSED_STATUSES, Case

    count = int(os.environ.get("CTIP_BENCH_CASES", "5000"))
    call_command("migrate", interactive=False, verbosity=0)
    create_demo_accounts()
    create_demo_cases(seed=2024, count=count, batch_size=2000)
    supervisor = User.objects.get(username="supervisor")  # scope organisation: may delete its cases
    Case.objects.filter(closed_on__isnull=False).update(closed_on=dt.date.today())
    closed = Case.objects.filter(status__in=CLOSED_STATUSES, organisation_id=supervisor.organisation_id)
    closed.update(closed_on=dt.date.today() - dt.timedelta(days=3660))
    ids = list(closed.order_by("id").values_list("pk", flat=True))
    print(f"database: {connection.vendor}; {count:,} synthetic cases, {len(ids):,} of one organisation "
          "closed ten years ago")

    start = time.perf_counter()
    due = retention.cases_due().count()
    listed = len(list(retention.cases_due().values_list("public_id", "closed_on", "organisation__code")))
    print(f"cases_due: {due:,} due, counted and listed in {(time.perf_counter() - start) * 1000:.0f} ms")

    half = len(ids) // 2
    delete_ids, keep = ids[:half], ids[half:]
    start = time.perf_counter()
    for case in Case.objects.filter(pk__in=delete_ids).select_related("person"):
        services.case_delete(actor=supervisor, case=case, reason="bench")
    deleted = time.perf_counter() - start
    print(f"baseline case_delete: {half:,} cases in {deleted:.1f} s ({half / deleted:,.0f} cases/s)")

    start = time.perf_counter()
    outcome = retention.retention_apply()
    applied = time.perf_counter() - start
    done = len(outcome.anonymised)
    print(f"retention_apply: {done:,} cases anonymised ({len(outcome.failed)} failed) in {applied:.1f} s "
          f"({done / applied:,.0f} cases/s; {applied / max(done, 1) * 1000:.1f} ms a case, "
          f"{applied / max(deleted, 1e-9) * half / max(done, 1):.1f}x a deletion); {len(keep):,} expected, "
          f"{listed:,} listed before")
