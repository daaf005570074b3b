"""Benchmark of the indicator engine and the dashboards on a synthetic 1,000,000-record dataset.

``python -m bench stats`` (or ``CTIP_BENCH_RECORDS=200000 python -m bench stats`` for a quick run):

1. builds a dataset of pseudo-random records (DuckDB SQL, deterministic hashes; heavy missingness as
   in CTDC data) and imports it through the store, one batch per contributor;
2. for every chart endpoint of the internal dashboard, measures the server time through Django's
   test client with the result cache cleared before each request (the cold path: real queries on the
   open reader), next to the raw DuckDB queries that compute the same figure on the store's
   connection (the baseline), and the same endpoint served from the per-version cache;
3. loads the whole internal dashboard in headless Chromium (Playwright) until every chart is drawn.

Figures only: nothing passes or fails.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from ctip.dataset.schema import BINARY_GROUPS, DATA_COLUMNS

RUNS = 40
COUNTRIES = ["MNG", "CHN", "KOR", "JPN", "MAC", "TUR", "PHL", "UKR", "USA", "IDN", "VNM", "THA", "MMR", "KHM",
             "NPL", "IND", "BGD", "NGA", "GHA", "ROU", "MDA", "BLR", "RUS", "KAZ", "KGZ", "UZB", "HTI", "MEX"]
CONTRIBUTORS = ["iom-mongolia", "ngo-a", "ngo-b", "police"]
BANDS = ["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"]
# Share TRUE and share NULL of each binary group's columns (missing data are heavy, as in CTDC).
GROUP_RATES = {"exploit": (0.25, 0.3), "means": (0.15, 0.85), "means_group": (0.0, 1.0), "sector": (0.1, 0.8),
               "sex": (0.1, 0.8), "recruiter": (0.2, 0.7)}


def _hash(salt: int) -> str:
    """A pseudo-random unsigned integer per record, independent across salts (< 1000)."""
    return f"hash(i * 1000 + {salt})"


def _pick(values: list[str], salt: int, null_share: float = 0.0) -> str:
    array = "[" + ", ".join(f"'{v}'" for v in values) + "]"
    pick = f"list_element({array}::VARCHAR[], 1 + ({_hash(salt)} % {len(values)})::INTEGER)"
    return f"CASE WHEN ({_hash(salt + 500)} % 1000) < {int(null_share * 1000)} THEN NULL ELSE {pick} END"


def _bool(salt: int, true: float, null: float) -> str:
    u = f"(({_hash(salt)} % 100000) / 100000.0)"
    return f"CASE WHEN {u} < {null} THEN NULL WHEN {u} < {null + true} THEN TRUE ELSE FALSE END"


def make_dataset(path: Path, records: int) -> None:
    """Write ``records`` synthetic victim records into a new dataset at ``path``, through the store
    (one batch per contributor, as real imports would be)."""
    from ctip.dataset.store import Dataset

    exprs = {
        "data_source": _pick(["case_management", "hotline"], 2, 0.1),
        "year_of_registration": f"(2002 + {_hash(3)} % 23)::SMALLINT",
        "gender": _pick(["female", "female", "male", "transgender_nonconforming"], 4, 0.05),
        "age_band": _pick(BANDS, 5, 0.35),
        "majority_status": _pick(["adult", "adult", "minor"], 6, 0.3),
        "majority_status_at_exploit": _pick(["adult", "minor"], 7, 0.6),
        "majority_entry": _pick(["adult", "minor"], 8, 0.6),
        "citizenship": _pick(COUNTRIES, 9, 0.1),
        "country_of_exploitation": _pick(COUNTRIES[:12], 10, 0.2),
        "traffick_months": _pick(["0-12", "13-24", "25+"], 11, 0.5),
        "is_abduction": _bool(12, 0.05, 0.5),
    }
    salt = 100
    for group, columns in BINARY_GROUPS.items():
        true, null = GROUP_RATES[group]
        for column in columns:
            exprs[column] = _bool(salt, true, null)
            salt += 1
    columns = [c for c in DATA_COLUMNS if c != "contributor"]
    select = ", ".join(f"{exprs[c]} AS {c}" for c in columns)
    store = Dataset(path)
    share = records // len(CONTRIBUTORS)
    with duckdb.connect() as con:
        con.execute("SET enable_progress_bar = false")
        for n, contributor in enumerate(CONTRIBUTORS):
            first, last = n * share, records if n == len(CONTRIBUTORS) - 1 else (n + 1) * share
            frame = con.sql(f"SELECT {select} FROM range({first}, {last}) t(i)").pl()
            store.import_frame(frame, contributor=contributor, source_format="ctdc2017",
                               source_sha256=f"{n:064d}", source_name=f"bench-{contributor}")


def _time(fn, runs: int = RUNS) -> tuple[float, float]:
    """Median and p95 in milliseconds."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[max(0, int(round(0.95 * len(samples))) - 1)]


def _raw_queries() -> dict[str, str]:
    """For each chart, the hand-written DuckDB query (or queries) computing the same figure."""
    from ctip.stats.categories import CHILD_STATUS_SQL, SEX_AGE_SQL, groups

    def group_sql(name: str) -> str:  # over the group bitmaps, as the engine counts
        g = groups()[name]
        return ("SELECT " + ", ".join(f"count_if({c.sql()})" for c in g.categories)
                + f", count_if({g.denominator_sql()}), count(*) FROM records")

    return {
        "headline": [f"SELECT {CHILD_STATUS_SQL}, sum(n) FROM (SELECT majority_status, age_band, count(*) AS n "
                     "FROM records GROUP BY ALL) GROUP BY 1", "SELECT gender, count(*) FROM records GROUP BY 1",
                     group_sql("exploitation")],
        "forms": group_sql("exploitation"),
        "sex_age": f"SELECT {SEX_AGE_SQL}, sum(n) FROM (SELECT gender, majority_status, age_band, count(*) AS n "
                   "FROM records GROUP BY ALL) GROUP BY 1",
        "trend": "SELECT year_of_registration, count(*) FROM records GROUP BY 1",
        "map_citizenship": "SELECT citizenship, count(*) FROM records GROUP BY 1",
        "map_exploitation": "SELECT country_of_exploitation, count(*) FROM records GROUP BY 1",
        "border": "SELECT citizenship = country_of_exploitation, sum(n) FROM (SELECT citizenship, "
                  "country_of_exploitation, count(*) AS n FROM records GROUP BY ALL) GROUP BY 1",
        "flows": "SELECT citizenship, country_of_exploitation, count(*) FROM records GROUP BY ALL",
        "means": group_sql("means"),
        "sectors": group_sql("sectors"),
        "recruiter": group_sql("recruiter"),
        "duration": "SELECT traffick_months, count(*) FROM records GROUP BY 1",
        # the latest year with population figures, then victims of that year by country, sex and age
        "sdg": ["SELECT max(year_of_registration) FROM records WHERE country_of_exploitation IS NOT NULL "
                "AND year_of_registration <= 2024",
                "SELECT country_of_exploitation, gender, majority_status, age_band, count(*) FROM records "
                "WHERE year_of_registration = 2024 GROUP BY ALL"],
    }


def _boolean_queries() -> dict[str, str]:
    """The binary-group figures counted over the BOOLEAN columns themselves (no bitmaps): the design the
    bitmaps replaced, printed for comparison."""
    from ctip.stats.categories import groups

    def group_sql(name: str) -> str:
        g = groups()[name]
        return ("SELECT " + ", ".join(f"count_if({' OR '.join(c.columns)})" for c in g.categories)
                + f", count_if({' OR '.join(g.columns)}), count(*) FROM records")

    return {"forms": group_sql("exploitation"), "means": group_sql("means"), "sectors": group_sql("sectors"),
            "recruiter": group_sql("recruiter")}


def _client():
    from django.test import Client

    from ctip.accounts.models import Organisation, User

    org, _ = Organisation.objects.get_or_create(code="bench", defaults={"name": "Bench", "org_type": "NGO"})
    user, _ = User.objects.get_or_create(username="bench-analyst",
                                         defaults={"role": "data_analyst", "organisation": org})
    user.set_password("bench-analyst-Pass-2024!")
    user.save()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client, user


def bench_endpoints(dataset: Path) -> None:
    from django.urls import reverse

    from ctip.dashboard import sources
    from ctip.dashboard.charts import CHARTS
    from ctip.dataset.store import Dataset

    client, _ = _client()
    start = time.perf_counter()
    assert client.get(reverse("dashboard:internal_chart", args=["trend"])).status_code == 200
    print(f"first chart request of a new process (imports, opens the reader): "
          f"{(time.perf_counter() - start) * 1000:.0f} ms")
    sources.close_readers()
    sources.clear_cache()
    start = time.perf_counter()
    assert client.get(reverse("dashboard:internal_chart", args=["trend"])).status_code == 200
    print(f"first chart request after an import (reopens the reader): {(time.perf_counter() - start) * 1000:.0f} ms")
    raw = _raw_queries()
    con = Dataset(dataset).connect(read_only=True)
    print(f"{'chart':<18}{'cold median':>12}{'cold p95':>10}{'raw median':>12}{'raw p95':>9}"
          f"{'ratio':>7}{'cached p95':>12}   (ms)")
    for chart in CHARTS:
        url = reverse("dashboard:internal_chart", args=[chart])

        def cold(url=url):
            sources.clear_cache()  # results only: the reader stays open, as between two imports
            assert client.get(url).status_code == 200

        cold_med, cold_p95 = _time(cold)
        queries = raw[chart] if isinstance(raw[chart], list) else [raw[chart]]
        raw_med, raw_p95 = _time(lambda queries=queries: [con.execute(q).fetchall() for q in queries])
        client.get(url)
        _, warm_p95 = _time(lambda url=url: client.get(url))
        print(f"{chart:<18}{cold_med:>12.1f}{cold_p95:>10.1f}{raw_med:>12.1f}{raw_p95:>9.1f}"
              f"{cold_p95 / raw_p95:>7.1f}{warm_p95:>12.1f}")
    print("binary groups counted over their BOOLEAN columns instead of the bitmaps (raw DuckDB):")
    for chart, query in _boolean_queries().items():
        med, p95 = _time(lambda query=query: con.execute(query).fetchall())
        print(f"  {chart:<16}{med:>12.1f}{p95:>10.1f}")
    con.close()


def bench_browser(live_url: str, session_cookie: str) -> None:
    from playwright.sync_api import sync_playwright

    from ctip.dashboard import sources

    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-quic"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=args, headless=True)
        warm_up = browser.new_context()  # start the browser's processes, as a user's browser already runs
        warm_up.new_page().goto(f"{live_url}/healthz")
        warm_up.close()

        def load(page, label: str, clear: bool) -> None:
            if clear:
                sources.close_readers()
                sources.clear_cache()
            start = time.perf_counter()
            page.goto(f"{live_url}/dashboard/")
            page.wait_for_selector("body[data-dashboard=ready]", timeout=60_000)
            print(f"dashboard loaded in headless Chromium, {label}: {(time.perf_counter() - start) * 1000:.0f} ms")

        for _ in range(3):  # a new visitor: empty browser cache (new context), results not cached
            context = browser.new_context()
            context.add_cookies([{"name": "sessionid", "value": session_cookie, "url": live_url}])
            page = context.new_page()
            load(page, "first visit after an import (empty browser and result caches)", True)
        load(page, "returning visitor after an import (browser cache warm, results not cached)", True)
        for _ in range(2):
            load(page, "both caches warm", False)
        browser.close()


def _serve():
    """Serve the Django app on a free port in a thread (waitress), for the browser measurement."""
    import threading

    from waitress.server import create_server

    from ctip.web.wsgi import application

    server = create_server(application, host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    return server, f"http://127.0.0.1:{server.effective_port}"


def main() -> None:
    import logging

    logging.getLogger("waitress").setLevel(logging.ERROR)
    logging.getLogger("django.request").setLevel(logging.ERROR)
    records = int(os.environ.get("CTIP_BENCH_RECORDS", "1000000"))
    home = Path(tempfile.mkdtemp(prefix="ctip-bench-"))
    os.environ["CTIP_HOME"] = str(home)
    os.environ.pop("CTIP_DATASET", None)
    dataset = home / "dataset.duckdb"
    start = time.perf_counter()
    make_dataset(dataset, records)
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    size = sum(p.stat().st_size for p in home.rglob("*") if p.is_file())
    print(f"dataset: {records:,} records built in {time.perf_counter() - start:.1f} s ({size / 1e6:.0f} MB)")

    from ctip.web import setup

    setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    bench_endpoints(dataset)

    client, user = _client()
    server, url = _serve()
    try:
        bench_browser(url, client.cookies["sessionid"].value)
    finally:
        server.close()
