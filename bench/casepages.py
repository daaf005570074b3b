"""Server time of the case pages and the case API over many synthetic cases.

``.venv/bin/python -m bench casepages`` loads ``CTIP_BENCH_CASES`` demo cases (default 20,000; the issue's
figure is 100,000: ``CTIP_BENCH_CASES=100000``) into a fresh SQLite store (or ``DATABASE_URL``), then
times each request through Django's full stack (middleware, permission checks, audit, template) as a
case worker whose scope is the whole organisation, and prints median and p95. Baselines measured in
the same run: ``/healthz`` (the framework alone) and the selector's query without any page around it.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time

REPEAT = 40


def _setup(cases: int) -> None:
    os.environ.setdefault("CTIP_HOME", tempfile.mkdtemp(prefix="ctip-bench-casepages-"))
    os.environ.setdefault("CTIP_ALLOWED_HOSTS", "testserver")  # Django's test client, in process
    from ctip.web import setup

    setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from ctip.cases.demo import create_demo_cases

    start = time.perf_counter()
    made = create_demo_cases(seed=2024, count=cases, batch_size=2000)
    if made:
        print(f"loaded {made:,} demo cases in {time.perf_counter() - start:.1f} s")


def _times(fn, repeat: int = REPEAT) -> tuple[float, float]:
    fn()  # warm caches and connections
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(round(0.95 * len(samples))) - 1)]


def _row(label: str, fn) -> None:
    median, p95 = _times(fn)
    print(f"  {label:<52} median {median:8.1f} ms   p95 {p95:8.1f} ms")


def main() -> None:
    cases = int(os.environ.get("CTIP_BENCH_CASES", "20000"))
    _setup(cases)
    from django.test import Client

    from ctip.accounts.models import User
    from ctip.cases import selectors
    from ctip.cases.models import Case

    worker = User.objects.get(username="caseworker")
    worker.scope = "organisation"
    worker.save(update_fields=["scope"])
    total = Case.objects.count()
    sample = Case.objects.filter(organisation=worker.organisation).select_related("person").order_by("id")[total // 3]
    name = f"{sample.person.first_name} {sample.person.last_name}"
    client = Client()
    client.force_login(worker)

    def get(url: str):
        def fetch():
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        return fetch

    print(f"{total:,} cases in the store; case worker of {worker.organisation} (scope: organisation)")
    print("baselines:")
    _row("GET /healthz (framework only)", get("/healthz"))
    _row("selector: first 50 visible cases, no page", lambda: list(selectors.case_list_for(worker)[:50]))
    print("pages:")
    _row("GET /cases/ (first page, count, 50 rows)", get("/cases/"))
    _row("GET /cases/?status=Active&stage=service_provision", get("/cases/?status=Active&stage=service_provision"))
    _row("GET /cases/?page=20 (the last page of a capped list)", get("/cases/?page=20"))
    _row("GET /cases/?q=<exact name> (blind index)", get("/cases/?" + _query(name)))
    _row("GET /cases/?q=<case id>", get(f"/cases/?q={sample.public_id}"))
    _row("GET /cases/<id>/ (case page, audited view)", get(f"/cases/{sample.public_id}/"))
    print("API:")
    _row("GET /cases/api/cases/?limit=50", get("/cases/api/cases/?limit=50"))
    _row("GET /cases/api/cases/?q=<exact name>", get("/cases/api/cases/?" + _query(name)))


def _query(name: str) -> str:
    from urllib.parse import urlencode

    return urlencode({"q": name})


if __name__ == "__main__":
    main()
