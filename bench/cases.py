"""Case-list and search server time on a large case store, against the raw SQL of the same list.

``python -m bench cases`` loads ``CTIP_BENCH_CASES`` synthetic demo cases (default 20,000; the issue's
100,000 with ``CTIP_BENCH_CASES=100000``, ~15 minutes to load) into a fresh SQLite store (or the
PostgreSQL database named by ``CTIP_BENCH_DATABASE_URL``), then times each query as the pages run it:
the selector with the scope rules, one page of 50 rows with names decrypted, and the count for the
pager. The baseline is a hand-written SQL query returning the same page and count, in the same run.
When the case-list page exists (``cases:list``) it is also timed through Django's test client.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

REPEAT = 40
PAGE = 50


def _setup() -> None:
    os.environ["CTIP_HOME"] = tempfile.mkdtemp(prefix="ctip-bench-cases-")
    if os.environ.get("CTIP_BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["CTIP_BENCH_DATABASE_URL"]
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("CTIP_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")
    from ctip.web import setup

    setup()


def _timed(fn, repeat: int = REPEAT) -> tuple[float, float]:
    fn()  # warm up
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def _selector_page(user, **filters):
    from ctip.cases.selectors import case_list_for

    def run():
        cases = case_list_for(user, **filters)
        total = cases.count()
        rows = [(c.public_id, c.person.first_name, c.person.last_name, c.status, c.stage) for c in cases[:PAGE]]
        return total, rows

    return run


def _raw_page(org_id: int, where: str = "", params: tuple = ()):
    from django.db import connection

    sql = ("SELECT c.public_id, p.first_name, p.last_name, c.status, c.stage FROM cases_case c "
           "JOIN cases_person p ON p.id = c.person_id WHERE c.organisation_id = %s" + where +
           " ORDER BY c.updated_at DESC, c.id DESC LIMIT %s")
    count_sql = ("SELECT COUNT(*) FROM cases_case c JOIN cases_person p ON p.id = c.person_id "
                 "WHERE c.organisation_id = %s" + where)

    def run():
        with connection.cursor() as cur:
            cur.execute(count_sql, (org_id, *params))
            cur.fetchone()
            cur.execute(sql, (org_id, *params, PAGE))
            return cur.fetchall()

    return run


def _client_page(user, query: str):
    from django.test import Client
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("cases:list")
    except NoReverseMatch:
        return None
    client = Client()
    client.force_login(user)

    def run():
        response = client.get(url + query)
        assert response.status_code == 200, response.status_code

    return run


def _load_cases() -> int:
    """A fresh store (migrated, demo accounts) with ``CTIP_BENCH_CASES`` synthetic cases; prints the load rate."""
    from django.core.management import call_command
    from django.db import connection

    from ctip.accounts.demo import create_demo_accounts
    from ctip.cases.demo import create_demo_cases

    count = int(os.environ.get("CTIP_BENCH_CASES", "20000"))
    call_command("migrate", interactive=False, verbosity=0)
    create_demo_accounts()
    start = time.perf_counter()
    create_demo_cases(seed=2024, count=count, batch_size=2000)
    load = time.perf_counter() - start
    print(f"database: {connection.vendor}; loaded {count:,} synthetic cases in {load:.1f} s "
          f"({count / load:,.0f} cases/s, bulk inserts with field encryption)")
    return count


def main() -> None:
    _setup()
    from ctip.accounts.models import User
    from ctip.cases import crypto
    from ctip.cases.models import Case

    count = _load_cases()

    worker, police = User.objects.get(username="caseworker"), User.objects.get(username="police")
    org = worker.organisation_id
    sample = Case.objects.filter(organisation_id=org).select_related("person").order_by("id")[count // 3]
    name = f"{sample.person.first_name} {sample.person.last_name}"
    name_bidx = crypto.blind_index(name, "name")
    phone = sample.person.mobile_phone or "+976 99999999"
    phone_bidx = crypto.blind_index(phone, "phone")
    scenarios = [
        ("list, organisation scope", _selector_page(worker), _raw_page(org), ""),
        ("list, status=Active", _selector_page(worker, status="Active"),
         _raw_page(org, " AND c.status = %s", ("Active",)), "?status=Active"),
        ("list, stage=case_plan", _selector_page(worker, stage="case_plan"),
         _raw_page(org, " AND c.stage = %s", ("case_plan",)), "?stage=case_plan"),
        ("search exact name (first second)", _selector_page(worker, search=name),
         _raw_page(org, " AND p.full_name_bidx = %s", (name_bidx,)), ""),
        ("search case id", _selector_page(worker, search=sample.public_id),
         _raw_page(org, " AND c.public_id = %s", (sample.public_id,)), f"?q={sample.public_id}"),
        ("search phone", _selector_page(worker, search=phone),
         _raw_page(org, " AND p.mobile_phone_bidx = %s", (phone_bidx,)), ""),
        ("police analyst list (referred + consent)", _selector_page(police), None, ""),
    ]
    print(f"{'query (page of 50 + count)':<42} {'selector ms (median / p95)':>28} {'raw SQL ms':>18} "
          f"{'page ms':>18}")
    for label, selector, raw, query in scenarios:
        med, p95 = _timed(selector)
        raw_txt = "{:.1f} / {:.1f}".format(*_timed(raw)) if raw else "-"
        client = _client_page(worker, query) if label.startswith(("list, o", "list, s", "search case")) else None
        page_txt = "{:.1f} / {:.1f}".format(*_timed(client, 15)) if client else "-"
        print(f"{label:<42} {med:>14.1f} / {p95:<10.1f} {raw_txt:>18} {page_txt:>18}")
