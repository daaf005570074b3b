"""The report page of a release: every figure of report.json laid out for a reviewer, in English and Mongolian."""

from __future__ import annotations

import html
import json
import shutil

import pytest
from django.test import Client

from ctip.disclosure.release import Request, create_release
from ctip.disclosure.simulate import make_ctdc_like

pytestmark = pytest.mark.django_db

RELEASES = {
    "syn-q1": Request(method="synthetic", epsilon=4.0, delta=1e-9, seed=1),
    "kanon-q1": Request(method="kanon", k=5),
    "agg-q1": Request(method="aggregates-k", k=11),
    "dp-q1": Request(method="aggregates-dp", epsilon=1.0, delta=1e-9, seed=2),
}


@pytest.fixture(scope="module")
def releases_home(tmp_path_factory):
    """One release of each method, made once for the module (the synthetic one takes a few seconds)."""
    home = tmp_path_factory.mktemp("report-page")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CTIP_HOME", str(home))
        frame = make_ctdc_like(1500, seed=3)
        for release_id, request in RELEASES.items():
            create_release(frame, request, release_id)
    return home


@pytest.fixture
def home(releases_home, monkeypatch):
    monkeypatch.setenv("CTIP_HOME", str(releases_home))
    return releases_home


def report_of(home, release_id: str) -> dict:
    return json.loads((home / "releases" / release_id / "report.json").read_text(encoding="utf-8"))


def page_text(user, release_id: str, language: str = "en") -> str:
    client = Client()
    client.force_login(user)
    if language != "en":
        client.post("/i18n/setlang/", {"language": language, "next": "/releases/"})
    response = client.get(f"/releases/{release_id}/report/")
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def three(value: float) -> str:
    return f"{value:,.3f}"


SHARE = {"en": "{share} ({count} of {total})", "mn": "{share} ({count}, нийт {total})"}
COUNT_OF = {"en": "{count} of {total}", "mn": "{count} (нийт {total},"}


def expected_figures(report: dict, language: str) -> list[str]:
    """What the page must show for each method, computed from report.json."""
    figures = [report["dataset_version"]]
    utility = report.get("utility")
    if utility:
        combos = utility["combinations_2way"]
        figures += [three(utility["nist_k_marginal_2way_0_1000"]), three(utility["k_marginal_3way"]),
                    three(utility["tvd_1way"]), three(utility["tvd_2way"]),
                    SHARE[language].format(share=three(combos["fabricated"]), total=f"{combos['combinations']:,}",
                                           count=f"{round(combos['fabricated'] * combos['combinations']):,}")]
        kept = utility.get("values_kept")  # common values the release keeps, and the worst kept
        if kept:
            figures += [f"{entry['column']} = {entry['value']}" for entry in kept["worst"]]
            figures += [f"{entry['released']:,}" for entry in kept["worst"]]
    method = report["method"]
    if method == "synthetic":
        risk = report["risk"]
        figures += [three(risk["linkability"]["risk"]), three(risk["max_inference_risk"]),
                    f"{risk['linkability']['attacks']:,}", "ε = 4, δ = 1e-09"]
        figures += [three(attack["risk"]) for attack in risk["inference"].values()]
        figures += list(risk["inference"])
        low, high = risk["linkability"]["ci"]
        figures.append({"en": f"95% confidence interval {three(low)} to {three(high)}",
                        "mn": f"95% итгэх завсар {three(low)}–{three(high)}"}[language])
    if method == "kanon":
        kanon = report["k_anonymity"]
        figures += [f"{kanon['cells_generalised']:,}", three(kanon["information_loss"]),
                    COUNT_OF[language].format(count=f"{kanon['records_suppressed']:,}",
                                              total=f"{kanon['records_in']:,}")]
    if method == "aggregates-k":
        suppression = report["suppression"]
        figures += [f"{suppression['cells_primary_suppressed']:,}", f"{suppression['cells_secondary_suppressed']:,}",
                    f"{suppression['records']:,}", str(report["risk"]["smallest_published_count"])]
    if method == "aggregates-dp":
        figures += [three(report["noise"]["sigma"]), three(report["noise"]["threshold"]), report["risk"]["guarantee"],
                    str(report["noise"]["tables"]), "ε = 1, δ = 1e-09"]
    return figures


SECTIONS = {
    "en": {"all": ["Release", "Risk", "Review notes", "Identifier check", "Internal, not for publication:"],
           "synthetic": ["Utility", "Singling-out risk", "Linkability risk", "Inference risk of", "Synthesis model"],
           "kanon": ["Utility", "k-anonymity", "Smallest group of identical records (k)"],
           "aggregates-k": ["Suppression", "Smallest published count"],
           "aggregates-dp": ["Noise", "Privacy guarantee"]},
    "mn": {"all": ["Нийтлэл", "Эрсдэл", "Хянагчид зориулсан тэмдэглэл", "Таних баганын шалгалт",
                   "Дотоод хэрэгцээнд, нийтлэхгүй:"],
           "synthetic": ["Ашиглалтын чанар", "Ялган таних эрсдэл", "Холбож таних эрсдэл", "Синтетик загвар"],
           "kanon": ["Ашиглалтын чанар", "k-нэргүйжүүлэлт", "Ижил бичлэгүүдийн хамгийн жижиг бүлэг (k)"],
           "aggregates-k": ["Нуулт", "Нийтэлсэн хамгийн бага тоо"],
           "aggregates-dp": ["Шуугиан", "Нууцлалын баталгаа"]},
}


@pytest.mark.parametrize("language", ["en", "mn"])
@pytest.mark.parametrize("release_id", list(RELEASES))
def test_report_page_shows_the_figures_of_report_json(make_user, home, release_id, language):
    report = report_of(home, release_id)
    text = page_text(make_user("sup", role="supervisor"), release_id, language)
    for figure in expected_figures(report, language):
        assert figure in text, f"{figure!r} missing from the {language} report page of {release_id}"
    for label in SECTIONS[language]["all"] + SECTIONS[language][report["method"]]:
        assert label in text, f"{label!r} missing from the {language} report page of {release_id}"


def test_synthetic_report_words_the_review_note_in_the_readers_language(make_user, home):
    supervisor = make_user("sup", role="supervisor")
    assert "with 1500 records the rare-pair removal is off" in page_text(supervisor, "syn-q1")
    assert "1500 бүртгэлтэй үед ховор хосыг арилгах алхам ажиллахгүй" in page_text(supervisor, "syn-q1", "mn")
    assert "Nothing in particular to weigh before approving." in page_text(supervisor, "agg-q1")


def test_unknown_keys_are_shown_not_dropped(make_user, home, tmp_path, monkeypatch):
    """A report written by another version: a new block, a new figure in a known block, a new parameter."""
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    shutil.copytree(home / "releases" / "agg-q1", tmp_path / "releases" / "agg-old")
    path = tmp_path / "releases" / "agg-old" / "report.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    report["future_block"] = {"score": 0.123456, "cells": 12345, "comment": "measured twice"}
    report["risk"]["new_risk"] = 0.5
    report["parameters"]["rounding"] = "base-5"
    path.write_text(json.dumps(report), encoding="utf-8")
    text = page_text(make_user("ana", role="data_analyst"), "agg-old")
    for shown in ("Other figures", "future_block.score", "0.123", "future_block.cells", "12,345",
                  "measured twice", "risk.new_risk", "0.500", "parameters.rounding", "base-5"):
        assert shown in text


def test_detail_page_links_to_the_report_page_and_files_stay_downloadable(make_user, home):
    client = Client()
    client.force_login(make_user("ana", role="data_analyst"))
    detail = client.get("/releases/agg-q1/").content.decode()
    assert 'href="/releases/agg-q1/report/">Full report</a>' in detail
    assert client.get("/releases/agg-q1/files/report.html").status_code == 200
    download = client.get("/releases/agg-q1/files/report.json")
    assert download.status_code == 200 and "attachment" in download["Content-Disposition"]


@pytest.mark.parametrize("role", ["case_worker", "police_analyst", "org_admin"])
def test_other_roles_are_refused_the_report(make_user, home, role):
    client = Client()
    client.force_login(make_user("someone", role=role))
    assert client.get("/releases/agg-q1/report/").status_code == 403


def test_anonymous_users_are_sent_to_log_in_from_the_report(home):
    response = Client().get("/releases/agg-q1/report/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_report_of_an_unknown_release_is_404(make_user, home):
    client = Client()
    client.force_login(make_user("ana", role="data_analyst"))
    assert client.get("/releases/nope/report/").status_code == 404


def test_the_variable_moved_most_and_a_lowered_threshold_are_worded_for_the_approver(make_user, home, tmp_path,
                                                                               monkeypatch):
    """A synthetic release that gave a sixth of the victims another citizenship (a strict rare-pair threshold
    on 20,000 records does): the page names the variable, in the reader's language, in the figures and the note."""
    from ctip.disclosure.release import synthetic_review_notes

    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    shutil.copytree(home / "releases" / "syn-q1", tmp_path / "releases" / "syn-moved")
    path = tmp_path / "releases" / "syn-moved" / "report.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    report["utility"]["tvd_1way_largest"] = {"column": "citizenship", "tvd": 0.1712}
    report["utility"]["combinations_2way"]["rare"] = 0.4
    report["review_notes"] = synthetic_review_notes(report["utility"], 0, 20_000, rule_threshold=14)
    path.write_text(json.dumps(report), encoding="utf-8")
    supervisor = make_user("sup", role="supervisor")
    english, mongolian = page_text(supervisor, "syn-moved"), page_text(supervisor, "syn-moved", "mn")
    assert "Variable moved most" in english and "0.171" in english and "citizenship" in english
    assert "17% of the records carry another value of “Citizenship” than in the real data" in english
    assert "Хамгийн их өөрчлөгдсөн хувьсагч" in mongolian
    assert "Бүртгэлийн 17% нь «Иргэншил» хувьсагчийн хувьд бодит өгөгдлийнхөөс өөр утгатай байна" in mongolian
    assert "The rare-pair threshold was lowered from 14 to 0" in english
    assert "Ховор хосын босгыг 14-аас 0 болгож бууруулсан" in mongolian
