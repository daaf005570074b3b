"""The public can read how the published release was protected, how to cite it, and download its protected
files and READMEs, in English and Mongolian; nothing else of a release folder, and nothing unpublished."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ctip.disclosure import readme, registry
from ctip.disclosure.release import Request, create_release
from ctip.disclosure.simulate import make_ctdc_like
from tests.dashboard.helpers import make_release, release_frame

pytestmark = pytest.mark.django_db

KANON_FILES = ("records.csv", "records_generalised.csv", "aggregates.csv", "README.md", "README.mn.md")
DP_TABLES = Request(method="aggregates-dp", epsilon=0.5, delta=1e-9, seed=4, columns=("gender", "citizenship"))


@pytest.fixture(scope="module")
def frame():
    return make_ctdc_like(600, seed=3)


def published(frame, request: Request, release_id: str):
    create_release(frame, request, release_id)
    return registry.publish_release(release_id, approved_by="sam")


def links(page: str) -> set[str]:
    return {name for name in readme.PUBLIC_FILES if f'href="/public/files/{name}"' in page}


def test_public_page_says_how_the_release_was_protected_and_links_its_files(home, frame):
    info = published(frame, DP_TABLES, "dp-2026")
    page = Client().get("/public/").content.decode()
    about = page[page.index('id="about-data"'):]
    assert "About this data" in about
    assert "differentially private tables" in about and "random noise is added to every count" in about
    assert "ε = 0.5, δ = 1e-09 (differential privacy)." in about
    assert "ε (epsilon) bounds how much the release can reveal about any one person" in about
    assert f'datetime="{info.published_at[:10]}"' in about
    assert "none: this release publishes tables of counts only" in about
    assert "state that denominator with every percentage" in about
    cited = readme.citation(json.loads((info.path / "manifest.json").read_text()), "en")
    assert cited in about and cited in (info.path / "README.md").read_text()
    assert links(about) == {"aggregates.csv", "README.md", "README.mn.md"}
    assert 'hreflang="mn"' in about and "report.json" not in page and "manifest.json" not in page


def test_public_page_in_mongolian(home, frame):
    info = published(frame, DP_TABLES, "dp-2026")
    client = Client()
    client.cookies["django_language"] = "mn"
    page = client.get("/public/").content.decode()
    about = page[page.index('id="about-data"'):]
    assert "Энэ өгөгдлийн тухай" in about and "Өгөгдөл татах" in about
    assert "дифференциал нууцлалтай тооны хүснэгт" in about
    assert "ε = 0.5, δ = 1e-09 (дифференциал нууцлал)." in about and "ε (эпсилон)" in about
    cited = readme.citation(json.loads((info.path / "manifest.json").read_text()), "mn")
    assert cited.startswith("Эх сурвалж: ctip хамтын өгөгдлийн сан, нийтлэл dp-2026")
    assert cited in about and cited in (info.path / "README.mn.md").read_text()
    assert links(about) == {"aggregates.csv", "README.md", "README.mn.md"}
    assert "өгөгдлийг хэрхэн хамгаалсан, хэрхэн ашиглаж иш татах тухай, монгол хэлээр" in about


def test_k_anonymous_release_states_k_and_its_records(home, frame):
    info = published(frame, Request(method="kanon", k=5), "kanon-2026")
    page = Client().get("/public/").content.decode()
    about = page[page.index('id="about-data"'):]
    assert "k-anonymous microdata" in about and "k = 5 (every combination" in about
    records = json.loads((info.path / "manifest.json").read_text())["records"]
    assert f"<dd>{records}</dd>" in about
    assert "ε" not in about
    assert links(about) == set(KANON_FILES)


@pytest.mark.parametrize("name", KANON_FILES)
def test_each_public_file_downloads_with_the_folders_exact_bytes(home, frame, name):
    info = published(frame, Request(method="kanon", k=5), "kanon-2026")
    response = Client().get(f"/public/files/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (info.path / name).read_bytes()
    kind = "text/csv" if name.endswith(".csv") else "text/markdown"
    assert response["Content-Type"] == f"{kind}; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="kanon-2026-{name}"'


@pytest.mark.parametrize("path", [
    "report.json", "report.html", "manifest.json", "secrets.txt", "records.CSV", "..", "../manifest.json",
    "..%2Fmanifest.json", "%2E%2E%2Fkanon-2026%2Fmanifest.json", "records.csv/../report.json",
    "../../ledger.json", "%2Fetc%2Fpasswd",
])
def test_internal_unknown_and_traversing_names_are_not_found(home, frame, path):
    published(frame, Request(method="kanon", k=5), "kanon-2026")
    (home / "releases" / "kanon-2026" / "secrets.txt").write_text("internal")
    assert Client().get(f"/public/files/{path}").status_code == 404


def test_newer_unpublished_releases_are_never_served(home, frame):
    tables = published(frame, DP_TABLES, "dp-2026")
    create_release(frame, Request(method="kanon", k=5), "kanon-requested")  # newest, not published
    approved = make_release(home / "releases", "kanon-approved", release_frame(20, 20), published=False)
    manifest = json.loads((approved / "manifest.json").read_text())
    manifest.update(approved_by="sam", approved_at="2030-01-01T00:00:00+00:00", created_at="2030-01-01")
    (approved / "manifest.json").write_text(json.dumps(manifest))
    client = Client()
    assert client.get("/public/files/records.csv").status_code == 404
    assert client.get("/public/files/records_generalised.csv").status_code == 404
    readme_response = client.get("/public/files/README.md")
    assert b"".join(readme_response.streaming_content) == (tables.path / "README.md").read_bytes()
    page = client.get("/public/").content.decode()
    assert "dp-2026" in page and "kanon-requested" not in page and "kanon-approved" not in page


def test_nothing_is_served_while_nothing_is_published(home, frame):
    create_release(frame, Request(method="kanon", k=5), "kanon-draft")
    client = Client()
    for name in KANON_FILES:
        assert client.get(f"/public/files/{name}").status_code == 404
    page = client.get("/public/").content.decode()
    assert "No statistics have been published yet" in page and "/public/files/" not in page


def test_an_older_release_without_a_mongolian_readme_links_only_the_english_one(home):
    path = make_release(home / "releases", "old-2025", release_frame(12, 30), published=True)
    (path / "README.md").write_text("# Release old-2025\n", encoding="utf-8")
    client = Client()
    for lang in ("en", "mn"):
        client.cookies["django_language"] = lang
        page = client.get("/public/").content.decode()
        assert links(page) == {"records.csv", "README.md"}
        assert "<dd>42</dd>" in page  # the old manifest has no count: the rows of records.csv
    assert client.get("/public/files/README.mn.md").status_code == 404
    assert b"".join(client.get("/public/files/README.md").streaming_content) == b"# Release old-2025\n"
