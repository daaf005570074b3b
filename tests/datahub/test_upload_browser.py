"""The upload path in a real browser: choose a file, see the report, commit, find the batch, drop it."""

from __future__ import annotations

import re

import pytest

from ctip.dataset.store import Dataset
from tests.dataset import files


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_analyst_uploads_a_ctdc_file_and_drops_it(page, live_server, make_user, login, tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_DATASET", str(tmp_path / "dataset.duckdb"))
    make_user("analyst", role="data_analyst")
    login(page, "analyst")
    page.goto(f"{live_server.url}/data/")
    page.get_by_role("link", name="Upload a file").click()
    page.get_by_label("File (CSV or .xlsx)").set_input_files(str(files.FIXTURE))
    page.get_by_role("button", name="Upload and validate").click()
    page.wait_for_url(re.compile(r"/data/upload/[^/]+/$"))
    assert page.locator("#detected-format").inner_text() == "ctdc2017"
    assert page.get_by_text("Every row is valid.").is_visible()
    assert page.locator("#preview tbody tr").count() == 10
    page.get_by_role("button", name="Commit").click()
    page.wait_for_url(re.compile(r"/data/$"))
    assert page.get_by_text(re.compile(r"Imported 500 of 500 rows as batch")).is_visible()
    (batch,) = Dataset().batches()
    row = page.get_by_role("row").filter(has_text=batch.batch_id)
    row.get_by_role("link", name=re.compile("Drop")).click()
    page.get_by_role("button", name="Drop the batch").click()
    page.wait_for_url(re.compile(r"/data/$"))
    assert page.get_by_text("The dataset is empty").is_visible()
    assert Dataset().batches() == []


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_mongolian_reader_sees_the_problems_in_mongolian(page, live_server, make_user, login, tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_DATASET", str(tmp_path / "dataset.duckdb"))
    header, rows = files.fixture_rows()
    rows[6]["gender"] = "Mael"
    bad = files.write(tmp_path / "bad.csv", header, rows)
    make_user("analyst", role="data_analyst")
    login(page, "analyst")
    page.goto(f"{live_server.url}/data/upload/")
    page.get_by_role("button", name="Монгол").click()
    page.get_by_label("Файл (CSV эсвэл .xlsx)").set_input_files(str(bad))
    page.get_by_role("button", name="Байршуулж шалгах").click()
    page.wait_for_url(re.compile(r"/data/upload/[^/]+/$"))
    problem = page.locator("#problems tbody tr").filter(has_text="Mael")
    assert problem.locator("td").all_inner_texts() == [
        "7", "gender", "Mael", "дараахын аль нэг: Female, Male, Transgender/NonConforming, Unknown (мэдээлэлгүй бол хоосон)"]
    assert page.get_by_role("columnheader", name="Хүлээгдэж буй утга").is_visible()
