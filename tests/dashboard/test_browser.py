"""The dashboards in a real browser: filters redraw the charts, Mongolian labels, CSV download, and a
public page that never shows a figure that was not released."""

from __future__ import annotations

import csv
import io

import polars as pl
import pytest

from ctip.dataset.store import Dataset
from tests.dashboard.helpers import make_release, release_frame
from tests.stats.records import write_dataset

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch_console(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


def wait_ready(page) -> None:
    page.wait_for_selector("body[data-dashboard=ready]")


def headline(page, code: str) -> str:
    return page.locator(f"#chart-headline .figure-{code} strong").inner_text()


def forms_table(page) -> dict[str, str]:
    rows = page.locator("#chart-forms table tbody tr")
    cells = [[cell.text_content() for cell in rows.nth(i).locator("th[scope=row], td").all()]
             for i in range(rows.count())]
    return {label: count for label, count, _ in cells}


def test_analyst_filters_switches_to_mongolian_and_downloads_csv(page, live_server, make_user, login, home):
    write_dataset(home / "dataset.duckdb")
    make_user("ana", role="data_analyst")
    errors = watch_console(page)
    login(page, "ana")
    page.goto(f"{live_server.url}/dashboard/")
    wait_ready(page)
    assert headline(page, "victims") == "7"
    assert forms_table(page)["Forced labour"] == "2"
    assert page.locator("#chart-forms canvas").count() == 1
    assert page.locator("#chart-map_citizenship canvas").count() == 1

    page.get_by_label("Sex", exact=True).select_option("female")
    page.get_by_role("button", name="Apply filters").click()
    wait_ready(page)
    assert headline(page, "victims") == "3"
    assert forms_table(page)["Forced labour"] == "1"
    assert "sex=female" in page.url

    page.get_by_role("button", name="Монгол").click()
    wait_ready(page)
    assert page.locator("h1").inner_text() == "Хүн худалдаалалтын статистик: дотоод хяналтын самбар"
    assert page.locator("#title-forms").inner_text() == "Мөлжлөгийн хэлбэрүүд"
    assert headline(page, "victims") == "3"  # the filter survives the language switch
    assert forms_table(page)["Албадан хөдөлмөр"] == "1"

    with page.expect_download() as download:
        page.locator("#chart-forms").get_by_role("button", name="CSV татах").click()
    assert download.value.suggested_filename == "ctip-forms.csv"
    text = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Мөлжлөгийн хэлбэр", "Хохирогч", "Хуваарьт эзлэх хувь (%)"]
    assert ["Бэлгийн мөлжлөг", "2", "66.67"] in rows

    with page.expect_download() as image:
        page.locator("#chart-forms").get_by_role("button", name="Зураг татах").click()
    assert image.value.suggested_filename == "ctip-forms.png"
    assert not [e for e in errors if "Content Security Policy" in e or "Refused" in e], errors


def test_public_dashboard_shows_no_unreleased_figure(page, live_server, home):
    # The dataset holds Norwegian victims and a draft release holds Peruvian ones: neither is published.
    dataset = pl.DataFrame({"gender": ["male"] * 40, "citizenship": ["NOR"] * 40,
                            "country_of_exploitation": ["NOR"] * 40, "exploit_forced_labour": [True] * 40})
    Dataset(home / "dataset.duckdb").import_frame(dataset, contributor="ngo-x", source_format="ctdc2017",
                                                  source_sha256="0" * 64, source_name="test")
    draft = pl.DataFrame({"gender": ["female"] * 25, "citizenship": ["PER"] * 25,
                          "country_of_exploitation": ["PER"] * 25, "year_of_registration": [2020] * 25},
                         schema_overrides={"year_of_registration": pl.Int16})
    make_release(home / "releases", "draft", draft, published=False)

    page.goto(f"{live_server.url}/public/")
    assert "No statistics have been published yet" in page.locator("main").inner_text()
    assert page.locator("[data-chart]").count() == 0

    make_release(home / "releases", "rel-1", release_frame(n_mng=12, n_chn=30, n_kor=3), published=True)
    page.goto(f"{live_server.url}/public/")
    wait_ready(page)
    assert headline(page, "victims") == "45"
    html = page.content()
    assert "Mongolia" in html and "China" in html
    for unreleased in ("Norway", "Peru", "ngo-x", "South Korea"):  # Korea: below 10 on maps and flows
        assert unreleased not in html.replace(page.locator("#chart-headline").inner_html(), ""), unreleased
