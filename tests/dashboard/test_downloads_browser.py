"""A visitor of the public dashboard reads "About this data" and downloads the published files, in English
and in Mongolian, in a real browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from ctip.disclosure import registry
from ctip.disclosure.release import Request, create_release
from ctip.disclosure.simulate import make_ctdc_like

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def download(page, name: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.locator("#about-data").get_by_role("link", name=name, exact=True).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def test_visitor_reads_about_this_data_and_downloads_in_both_languages(page, live_server, home):
    create_release(make_ctdc_like(600, seed=3), Request(method="kanon", k=5), "kanon-2026")
    folder = registry.publish_release("kanon-2026", approved_by="sam").path

    page.goto(f"{live_server.url}/public/")
    page.get_by_role("link", name="About this data and downloads").click()
    about = page.locator("#about-data")
    assert about.get_by_role("heading", name="About this data").is_visible()
    text = about.inner_text()
    assert "k-anonymous microdata" in text and "k = 5" in text
    assert "Source: ctip collaborative dataset, release kanon-2026" in text
    assert download(page, "records.csv") == ("kanon-2026-records.csv", (folder / "records.csv").read_bytes())
    assert download(page, "README.md") == ("kanon-2026-README.md", (folder / "README.md").read_bytes())

    page.get_by_role("button", name="Монгол").click()
    page.wait_for_load_state()
    about = page.locator("#about-data")
    assert about.get_by_role("heading", name="Энэ өгөгдлийн тухай").is_visible()
    text = about.inner_text()
    assert "k-нэргүйжүүлсэн бичил өгөгдөл" in text and "Эх сурвалж: ctip хамтын өгөгдлийн сан" in text
    name, body = download(page, "README.mn.md")
    assert (name, body) == ("kanon-2026-README.mn.md", (folder / "README.mn.md").read_bytes())
    assert "# Нийтлэл kanon-2026" in body.decode("utf-8")
