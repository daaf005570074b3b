"""The upload page and the batch list, as each role sees them."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from ctip.dataset.store import Dataset
from tests.dataset import files

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def dataset(tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_DATASET", str(tmp_path / "dataset.duckdb"))
    return Dataset()


@pytest.fixture
def analyst(client, make_user):
    make_user("ana", role="data_analyst")
    client.login(username="ana", password="ana-Pass-2024!")
    return client


def _upload(client, path, **extra):
    with open(path, "rb") as fh:
        return client.post(reverse("datahub:upload"), {"file": fh, **extra})


def test_analyst_uploads_previews_and_commits(analyst, dataset):
    response = _upload(analyst, files.FIXTURE)
    assert response.status_code == 302
    preview = analyst.get(response["Location"])
    page = preview.content.decode()
    assert 'id="detected-format">ctdc2017<' in page
    assert "Every row is valid." in page and "Belarus" in page
    assert dataset.batches() == []  # nothing written before commit
    token = response["Location"].rstrip("/").split("/")[-1]
    done = analyst.post(reverse("datahub:commit", args=[token]), {"action": "commit"}, follow=True)
    text = done.content.decode()
    assert "Imported 500 of 500 rows as batch" in text
    (batch,) = dataset.batches()
    assert batch.batch_id in text and batch.contributor == "CTDC"


def test_the_same_records_in_another_file_are_flagged_before_import(analyst, dataset, tmp_path):
    first = dataset.import_file(files.FIXTURE)
    resaved = files.ctdc2017_variant(tmp_path / "resaved.csv", delimiter=";", terms=True)
    response = _upload(analyst, resaved)
    page = analyst.get(response["Location"]).content.decode()
    assert f"These records were already imported as batch {first.batch}" in page
    assert "would count the same victims twice" in page
    token = response["Location"].rstrip("/").split("/")[-1]
    done = analyst.post(reverse("datahub:commit", args=[token]), {"action": "commit"}, follow=True)
    assert f"These records were already imported as batch {first.batch}; nothing was imported." in \
        done.content.decode()
    assert len(dataset.batches()) == 1


def test_invalid_rows_are_listed_and_need_explicit_skipping(analyst, dataset, tmp_path):
    header, rows = files.fixture_rows()
    rows[6]["gender"] = "Mael"
    response = _upload(analyst, files.write(tmp_path / "bad.csv", header, rows), contributor="IOM")
    page = analyst.get(response["Location"]).content.decode()
    assert "Mael" in page and 'name="skip_invalid"' in page
    token = response["Location"].rstrip("/").split("/")[-1]
    refused = analyst.post(reverse("datahub:commit", args=[token]), {"action": "commit"}, follow=True)
    assert "Nothing was imported" in refused.content.decode() and dataset.batches() == []
    analyst.post(reverse("datahub:commit", args=[token]), {"action": "commit", "skip_invalid": "on"})
    (batch,) = dataset.batches()
    assert batch.imported == 499 and batch.rejected == 1 and batch.contributor == "IOM"


def test_unreadable_file_shows_why_and_offers_no_commit(analyst, tmp_path):
    bad = tmp_path / "utf16.csv"
    bad.write_text(files.FIXTURE.read_text(), encoding="utf-16")
    response = _upload(analyst, bad)
    page = analyst.get(response["Location"]).content.decode()
    assert "UTF-16" in page and 'value="commit"' not in page


def test_someone_elses_upload_is_not_found(analyst, make_user, client):
    response = _upload(analyst, files.FIXTURE)
    make_user("other", role="data_analyst")
    client.logout()
    client.login(username="other", password="other-Pass-2024!")
    assert client.get(response["Location"]).status_code == 404


def test_drop_asks_for_confirmation(analyst, dataset):
    report = dataset.import_file(files.FIXTURE)
    confirm = analyst.get(reverse("datahub:drop", args=[report.batch]))
    assert "500 records" in confirm.content.decode() and dataset.batches()
    analyst.post(reverse("datahub:drop", args=[report.batch]))
    assert dataset.batches() == []


def test_an_organisation_administrator_drops_only_their_organisations_batches(client, make_user, dataset):
    ctdc = dataset.import_file(files.FIXTURE)  # contributed by CTDC
    header, rows = files.fixture_rows()
    own = dataset.import_file(files.write(dataset.path.parent / "own.csv", header, rows[:20]),
                              contributor="test-office")
    make_user("admin", role="org_admin")  # in the organisation test-office
    client.login(username="admin", password="admin-Pass-2024!")
    listing = client.get(reverse("datahub:batches")).content.decode()
    assert reverse("datahub:drop", args=[own.batch]) in listing
    assert reverse("datahub:drop", args=[ctdc.batch]) not in listing
    assert client.get(reverse("datahub:drop", args=[ctdc.batch])).status_code == 404
    assert client.post(reverse("datahub:drop", args=[ctdc.batch])).status_code == 404
    client.post(reverse("datahub:drop", args=[own.batch]))
    assert [b.batch_id for b in dataset.batches()] == [ctdc.batch]


@pytest.mark.parametrize("role,batches,upload", [
    ("data_analyst", 200, 200), ("org_admin", 200, 200), ("supervisor", 200, 403), ("sysadmin", 200, 403),
    ("case_worker", 403, 403), ("police_analyst", 403, 403),
])
def test_capabilities(client, make_user, role, batches, upload):
    make_user("u", role=role)
    client.login(username="u", password="u-Pass-2024!")
    assert client.get(reverse("datahub:batches")).status_code == batches
    assert client.get(reverse("datahub:upload")).status_code == upload


def test_anonymous_is_sent_to_login(client):
    assert client.get(reverse("datahub:batches"))["Location"].startswith("/login/")
    assert client.get(reverse("datahub:upload"))["Location"].startswith("/login/")


def test_batch_list_in_mongolian(analyst, dataset):
    dataset.import_file(files.FIXTURE)
    analyst.post(reverse("set_language"), {"language": "mn", "next": "/"})
    page = analyst.get(reverse("datahub:batches")).content.decode()
    assert "Хамтын өгөгдлийн сан" in page and re.search(r"Идэвхтэй багц: 1", page)


def test_the_case_store_batch_is_named_in_the_readers_language(analyst, dataset):
    """The case store's extract is listed by name, not by its internal code ('casestore', 'casestore extract')."""
    import polars as pl

    from ctip.cases.extract import CONTRIBUTOR

    dataset.replace_contributor(CONTRIBUTOR, pl.DataFrame({"gender": ["female"]}))
    dataset.import_file(files.FIXTURE, contributor="Partner NGO")
    page = analyst.get(reverse("datahub:batches")).content.decode()
    assert "<td>This platform&#x27;s case store</td>" in page
    assert "<td>De-identified extract of the case store</td>" in page
    assert '<td translate="no">Partner NGO</td>' in page and "casestore extract" not in page
    analyst.post(reverse("set_language"), {"language": "mn", "next": "/"})
    page = analyst.get(reverse("datahub:batches")).content.decode()
    assert "<td>Энэ платформын кейсийн сан</td>" in page and "case store" not in page


def _problem_row(page: str, row: int) -> str:
    """The problems table's line for a source row, tags stripped and spaces collapsed."""
    table = page[page.index('id="problems"'):]
    line = next(tr for tr in re.findall(r"<tr>(.*?)</tr>", table, re.S) if re.search(rf"<td>{row}</td>", tr))
    return " ".join(re.sub(r"<[^>]+>", " ", line).split())


def test_problems_are_worded_in_english(analyst, tmp_path):
    header, rows = files.fixture_rows()
    rows[6]["gender"] = "Mael"
    response = _upload(analyst, files.write(tmp_path / "bad.csv", header, rows), contributor="IOM")
    page = analyst.get(response["Location"]).content.decode()
    assert _problem_row(page, 7) == ("7 gender Mael one of Female, Male, Transgender/NonConforming, Unknown "
                                     "(or empty for missing)")
    # Row 7 is the seventh row under the header: a spreadsheet shows it as row 8.
    assert "Rows are numbered from 1, the first row below the header (row 2 in a spreadsheet)" in page


def test_problems_and_file_errors_are_worded_in_mongolian(analyst, tmp_path):
    analyst.post(reverse("set_language"), {"language": "mn", "next": "/"})
    header, rows = files.fixture_rows()
    rows[6]["gender"] = "Mael"
    rows[9]["yearOfRegistration"] = "20017"
    response = _upload(analyst, files.write(tmp_path / "bad.csv", header, rows), contributor="IOM")
    page = analyst.get(response["Location"]).content.decode()
    assert _problem_row(page, 7) == ("7 gender Mael дараахын аль нэг: Female, Male, Transgender/NonConforming, "
                                     "Unknown (мэдээлэлгүй бол хоосон)")
    assert _problem_row(page, 10) == "10 yearOfRegistration 20017 1990 оноос ирэх он хүртэлх он"
    assert "Мөрийг толгой мөрийн доорх эхний мөрөөс 1 гэж дугаарлана" in page
    assert "(or empty for missing)" not in page
    files.write(tmp_path / "header.csv", [h for h in header if h != "gender"], rows)
    response = _upload(analyst, tmp_path / "header.csv", contributor="IOM")
    page = " ".join(re.sub(r"<[^>]+>", "", analyst.get(response["Location"]).content.decode()).split())
    assert ("header.csv: толгой мөр ctdc2017 форматтай таарахгүй байна (заавал байх 1 багана дутуу: gender); "
            "юу ч импортлоогүй") in page
    assert "&#x27;gender&#x27; багана заавал байх ёстой" in page  # the header problem in the table


def test_an_unreadable_file_is_explained_in_mongolian(analyst, tmp_path):
    analyst.post(reverse("set_language"), {"language": "mn", "next": "/"})
    bad = tmp_path / "utf16.csv"
    bad.write_text(files.FIXTURE.read_text(), encoding="utf-16")
    page = analyst.get(_upload(analyst, bad)["Location"]).content.decode()
    assert 'translate="no">utf16.csv</span>: файл UTF-16 кодчилолтой' in page and "encoded as UTF-16" not in page


@pytest.mark.parametrize("code,mongolian", [
    ("xlsx_encrypted", "Excel файл нууц үгээр хамгаалагдсан (шифрлэгдсэн) тул уншиж чадсангүй"),
    ("xlsx_unreadable", "файлын агуулга Excel-ийн бичдэг хэлбэрт тохирохгүй тул уншиж чадсангүй"),
    ("damaged_xlsx", "файл Excel файл шиг эхэлсэн ч гэмтсэн эсвэл дутуу байна"),
])
def test_a_workbook_that_cannot_be_read_is_explained_in_mongolian_without_the_readers_english(
        analyst, tmp_path, code, mongolian):
    from tests.exchange.bad_files import BAD_FILES

    analyst.post(reverse("set_language"), {"language": "mn", "next": "/"})
    bad = BAD_FILES[code].make(tmp_path)
    page = analyst.get(_upload(analyst, bad)["Location"]).content.decode()
    text = " ".join(re.sub(r"<[^>]+>", "", page).split())
    assert f"{bad.name}: {mongolian}" in text
    for english in ("zip file", "File is not", "Excel workbook", "cannot be read", "export it again"):
        assert english not in text, english
