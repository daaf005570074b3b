"""The Releases pages: analysts list, read reports and request publication; supervisors approve."""

from __future__ import annotations

import pytest
from django.test import Client

from ctip.disclosure import registry
from ctip.disclosure.release import Request, create_release
from ctip.disclosure.simulate import make_ctdc_like

pytestmark = pytest.mark.django_db


@pytest.fixture
def release(home):
    return create_release(make_ctdc_like(1500, seed=3), Request(method="aggregates-k", k=11), "agg-2026")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_analyst_sees_releases_and_the_ledger(make_user, release):
    analyst = make_user("ana", role="data_analyst")
    page = client_for(analyst).get("/releases/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "agg-2026" in text and "Privacy ledger" in text and "Not published" in text


def test_report_page_shows_quality_and_risk(make_user, release):
    analyst = make_user("ana", role="data_analyst")
    text = client_for(analyst).get("/releases/agg-2026/").content.decode()
    assert "Smallest published count" in text
    assert "No direct identifier column" in text


def test_publication_needs_a_request_then_a_supervisors_approval(make_user, release):
    analyst = make_user("ana", role="data_analyst")
    boss = make_user("sup", role="supervisor")
    assert client_for(boss).post("/releases/agg-2026/approve", follow=True).status_code == 200
    assert not registry.load_release("agg-2026").is_published
    page = client_for(analyst).post("/releases/agg-2026/request", {"note": "for the 2026 report"}, follow=True)
    assert "Publication requested: a supervisor must approve it." in page.content.decode()
    assert client_for(analyst).post("/releases/agg-2026/approve").status_code == 403
    page = client_for(boss).post("/releases/agg-2026/approve", follow=True)
    assert "Release approved and published to the public dashboard." in page.content.decode()
    info = registry.load_release("agg-2026")
    assert info.is_published and info.approved_by == "sup"
    assert registry.latest_published().id == "agg-2026"


def test_supervisor_can_reject(make_user, release):
    client_for(make_user("ana", role="data_analyst")).post("/releases/agg-2026/request")
    page = client_for(make_user("sup", role="supervisor")).post("/releases/agg-2026/reject", follow=True)
    assert "Publication rejected." in page.content.decode()
    assert not registry.load_release("agg-2026").is_published


@pytest.mark.parametrize("role", ["case_worker", "police_analyst", "org_admin"])
def test_other_roles_are_refused(make_user, release, role):
    assert client_for(make_user("someone", role=role)).get("/releases/").status_code == 403


def test_anonymous_users_are_sent_to_log_in(release):
    response = Client().get("/releases/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_unknown_release_and_file_are_404(make_user, release):
    client = client_for(make_user("ana", role="data_analyst"))
    assert client.get("/releases/nope/").status_code == 404
    assert client.get("/releases/agg-2026/files/secret.txt").status_code == 404
    assert client.get("/releases/agg-2026/files/aggregates.csv").status_code == 200


def test_detail_page_offers_the_readme_in_both_languages(make_user, release):
    client = client_for(make_user("ana", role="data_analyst"))
    detail = client.get("/releases/agg-2026/").content.decode()
    assert "/releases/agg-2026/files/README.md" in detail and "/releases/agg-2026/files/README.mn.md" in detail
    download = client.get("/releases/agg-2026/files/README.mn.md")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]
    assert b"".join(download.streaming_content) == (release.path / "README.mn.md").read_bytes()


def test_pages_in_mongolian(make_user, release):
    client = client_for(make_user("ana", role="data_analyst"))
    client.post("/i18n/setlang/", {"language": "mn", "next": "/releases/"})
    text = client.get("/releases/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "Нийтлэлүүд" in text and "Нууцлалын бүртгэл" in text
    assert "хамгаалсан тооны хүснэгт (босго)" in text, "the release method is named in Mongolian"


def test_supervisor_is_told_before_approving_synthetic_records_of_a_small_table(make_user, home):
    """A synthetic release of 500 records keeps many rare pairs: the report page says so, in both languages;
    a table release has no such note."""
    from ctip.dataset.store import Dataset
    from ctip.exchange.ctdc import to_ctdc2024
    from tests.dataset.files import FIXTURE

    dataset = Dataset(home / "sample.duckdb")
    dataset.import_file(FIXTURE)
    create_release(to_ctdc2024(dataset.frame()), Request(method="synthetic", epsilon=4.0, delta=1e-9, seed=1),
                   "syn-small")
    create_release(make_ctdc_like(1500, seed=3), Request(method="aggregates-k", k=11), "agg-2026")
    client = client_for(make_user("sup", role="supervisor"))
    text = client.get("/releases/syn-small/").content.decode()
    assert "Before approving:" in text and "held by fewer than 10 real people" in text
    assert "with 500 records the rare-pair removal is off" in text
    assert "95% confidence interval" in text  # the linkability risk's, next to its rate
    assert "Before approving:" not in client.get("/releases/agg-2026/").content.decode()
    client.post("/i18n/setlang/", {"language": "mn", "next": "/releases/"})
    text = client.get("/releases/syn-small/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "Батлахаас өмнө:" in text and "500 бүртгэлтэй үед ховор хосыг арилгах алхам ажиллахгүй" in text
    assert "95% итгэх завсар" in text
