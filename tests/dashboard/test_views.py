"""The dashboards as users meet them: permissions, chart payloads, filters, languages, and a public
side that shows only published releases."""

from __future__ import annotations

import polars as pl
import pytest
from django.test import Client

from ctip.dashboard.charts import CHARTS
from ctip.dataset.store import Dataset
from tests.dashboard.helpers import make_release, release_frame
from tests.stats.records import AGGREGATES, write_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def analyst(make_user, home):
    write_dataset(home / "dataset.duckdb")
    client = Client()
    client.force_login(make_user("ana", role="data_analyst"))
    return client


def chart(client: Client, name: str, side: str = "dashboard", **params) -> dict:
    response = client.get(f"/{side}/chart/{name}.json", params)
    assert response.status_code == 200, response.content
    return response.json()


def test_internal_dashboard_is_for_analysts_only(make_user, home):
    client = Client()
    assert client.get("/dashboard/").status_code == 302  # to the login page
    client.force_login(make_user("carla", role="case_worker"))
    assert client.get("/dashboard/").status_code == 403
    assert client.get("/dashboard/chart/forms.json").status_code == 403


def test_internal_dashboard_lists_every_chart_with_its_filters(analyst):
    page = analyst.get("/dashboard/").content.decode()
    for name in CHARTS:
        assert f'data-chart="{name}"' in page
    for label in ("From year", "Contributor", "Citizenship", "Country of exploitation", "Form of exploitation"):
        assert label in page
    assert "ngo-a" in page  # contributor choices come from the dataset


@pytest.mark.parametrize("name", [c for c in CHARTS if c not in ("headline", "sdg")])  # sdg: a population
def test_every_chart_states_denominator_and_missing(analyst, name):
    payload = chart(analyst, name)
    assert payload["note"].startswith("Denominator: ")
    assert "Missing: " in payload["note"]
    assert payload["rows"] and payload["columns"]


def test_forms_chart_counts_with_the_group_denominator(analyst):
    payload = chart(analyst, "forms")
    rows = {r["code"]: r for r in payload["rows"]}
    assert (payload["denominator"], payload["missing"]) == (5, 2)
    assert rows["sexual_exploitation"]["count"] == 2 and rows["sexual_exploitation"]["share"] == 40.0
    assert "more than 100 %" in payload["note"]


def test_headline_figures(analyst):
    rows = {r["code"]: r for r in chart(analyst, "headline")["rows"]}
    assert rows["victims"]["value"] == "7"
    assert rows["children"]["value"] == "33.3\u00a0%"
    assert rows["female"]["value"] == "50.0\u00a0%"


def test_charts_follow_filters(analyst):
    assert chart(analyst, "headline", sex="female")["rows"][0]["value"] == "3"
    trend = chart(analyst, "trend", contributor="ngo-b")
    assert {r["code"]: r["count"] for r in trend["rows"]} == {"2020": 2}
    flows = chart(analyst, "flows", citizenship="MNG", year_from="2019", year_to="2019")
    assert [(r["source"], r["target"], r["count"]) for r in flows["rows"]] == [("MNG", "CHN", 1), ("MNG", "MNG", 1)]


def test_headline_without_records_shows_dashes_not_a_percent_sign(analyst):
    rows = {r["code"]: r for r in chart(analyst, "headline", year_from="2030")["rows"]}
    assert (rows["victims"]["value"], rows["children"]["value"], rows["female"]["value"]) == ("0", "–", "–")


def test_trend_shows_a_year_without_records_as_zero(analyst):
    trend = chart(analyst, "trend", contributor="ngo-a")  # ngo-a has records of 2019 and 2021, none of 2020
    assert [(r["label"], r["count"]) for r in trend["rows"]] == [("2019", 2), ("2020", 0), ("2021", 2)]


def test_sdg_chart_divides_the_latest_years_victims_by_the_cited_population(analyst):
    """2021 is the latest year: one victim (record 7) detected in China, divided by China's 2021 population
    from the shipped UN table (record 5, also of 2021, has no country of exploitation)."""
    from ctip.stats import load_population

    people = load_population().filter((pl.col("iso3") == "CHN") & (pl.col("year") == 2021))["population"].sum()
    payload = chart(analyst, "sdg")
    assert [(r["code"], r["count"], r["population"]) for r in payload["rows"]] == [("CHN", 1, people)]
    assert payload["rows"][0]["rate"] == pytest.approx(100_000 / people, rel=1e-2) and payload["rows"][0]["rate"] > 0
    assert "Year of registration 2021" in payload["note"]
    assert "Population: United Nations, Department of Economic and Social Affairs" in payload["note"]
    female = chart(analyst, "sdg", sex="female", year_to="2019")  # records 1 and 2: girls in China and Mongolia
    mng = load_population().filter((pl.col("iso3") == "MNG") & (pl.col("year") == 2019) & (pl.col("sex") == "female"))
    rows = {r["code"]: (r["count"], r["population"]) for r in female["rows"]}
    assert rows["MNG"] == (1, mng["population"].sum())  # the female population only
    assert [r["code"] for r in female["rows"]] == ["MNG", "CHN"]  # highest rate first
    assert chart(analyst, "sdg", sex="unknown")["rows"] == []
    assert "female and male" in chart(analyst, "sdg", sex="unknown")["note"]


def test_sdg_chart_says_when_the_years_are_beyond_the_population_table(make_user, home):
    Dataset(home / "dataset.duckdb").import_frame(
        pl.DataFrame({"country_of_exploitation": ["MNG"], "year_of_registration": [2031]},
                     schema_overrides={"year_of_registration": pl.Int16}),
        contributor="ngo-x", source_format="ctdc2017", source_sha256="1" * 64, source_name="future.csv")
    client = Client()
    client.force_login(make_user("ana", role="data_analyst"))
    payload = chart(client, "sdg")
    assert payload["rows"] == [] and "The population table ends in 2024" in payload["note"]


def test_public_sdg_chart_hides_small_countries(home):
    make_release(home / "releases", "rel-2026", release_frame(n_mng=12, n_chn=30, n_kor=3), published=True)
    client = Client()
    payload = chart(client, "sdg", side="public")  # 2022: 30 men in China and 3 girls in Korea
    assert [r["code"] for r in payload["rows"]] == ["CHN"]
    assert "fewer than 10 victims are not shown" in payload["note"]


def test_a_bad_filter_is_explained(analyst):
    response = analyst.get("/dashboard/chart/forms.json", {"sex": "woman"})
    assert response.status_code == 400
    assert response.json()["error"] == ("“woman” is not a value of Sex; choose one of: Female, Male, "
                                         "Transgender / non-conforming, Unknown.")
    page = analyst.get("/dashboard/", {"sex": "woman"}).content.decode()
    assert "“woman” is not a value of Sex" in page
    errors = {q: analyst.get("/dashboard/chart/trend.json", q).json()["error"] for q in (
        (("year_from", "2020"), ("year_to", "2010")), (("year_to", "soon"),), (("citizenship", "XX"),))}
    assert list(errors.values()) == ["The year range is empty: from 2020 to 2010.",
                                     "To year must be a year such as 2019, not “soon”.",
                                     "“XX” is not a country code for Citizenship; use an ISO 3166 code such as MNG."]


def test_a_bad_filter_is_explained_in_mongolian(analyst):
    analyst.cookies["django_language"] = "mn"
    error = analyst.get("/dashboard/chart/forms.json", {"sex": "woman"}).json()["error"]
    assert error.startswith("“woman” нь Хүйс-ийн утга биш; дараахаас сонгоно уу:")
    error = analyst.get("/dashboard/chart/forms.json", {"year_from": "2020", "year_to": "2010"}).json()["error"]
    assert error == "Оны хүрээ хоосон байна: 2020-аас 2010 хүртэл."


def test_mongolian_chart_labels_and_country_names(analyst):
    analyst.cookies["django_language"] = "mn"
    forms = chart(analyst, "forms")
    assert forms["title"] == "Мөлжлөгийн хэлбэрүүд"
    assert {r["code"]: r["label"] for r in forms["rows"]}["forced_labour"] == "Албадан хөдөлмөр"
    assert forms["note"].startswith("Хуваарь: ")
    citizenship = chart(analyst, "map_citizenship")
    assert {r["code"]: r["label"] for r in citizenship["rows"]}["MNG"] == "Монгол"


def test_unknown_chart_is_not_found(analyst):
    assert analyst.get("/dashboard/chart/nothing.json").status_code == 404


def test_empty_dataset_says_so(make_user, home):
    client = Client()
    client.force_login(make_user("ana", role="data_analyst"))
    assert "The collaborative dataset is empty" in client.get("/dashboard/").content.decode()
    assert chart(client, "forms")["denominator"] == 0


def test_public_dashboard_waits_for_a_published_release(home):
    make_release(home / "releases", "draft-1", release_frame(20, 20), published=False)
    response = Client().get("/public/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "No statistics have been published yet" in page
    assert "data-chart" not in page and "echarts" not in page
    assert Client().get("/public/chart/headline.json").status_code == 404


def test_public_dashboard_reads_only_the_published_release(home):
    # The dataset file is not even a database: any attempt to read it would fail.
    (home / "dataset.duckdb").write_bytes(b"not a duckdb file: 987654 victims")
    make_release(home / "releases", "rel-2026", release_frame(n_mng=12, n_chn=30, n_kor=3), published=True)
    client = Client()
    page = client.get("/public/").content.decode()
    assert "rel-2026" in page and 'data-chart="forms"' in page
    assert chart(client, "headline", side="public")["rows"][0]["value"] == "45"
    assert 'name="contributor"' not in page  # releases carry no contributor
    citizenship = chart(client, "map_citizenship", side="public")
    # Korea has 3 victims: below 10, so the public map hides it.
    assert {r["code"]: r["count"] for r in citizenship["rows"]} == {"CHN": 30, "MNG": 12}
    assert "fewer than 10 victims are not shown" in citizenship["note"]
    flows = chart(client, "flows", side="public")
    assert {(r["source"], r["target"]) for r in flows["rows"]} == {("CHN", "CHN"), ("MNG", "MNG")}
    # Nor can Korea be reached through a filter typed into the address.
    response = client.get("/public/chart/headline.json", {"citizenship": "KOR"})
    assert response.status_code == 400
    assert "No statistics are published for South Korea: fewer than 10 victims." in response.json()["error"]
    assert chart(client, "headline", side="public", citizenship="CHN")["rows"][0]["value"] == "30"


def test_public_dashboard_draws_a_release_of_tables_without_filters(home):
    make_release(home / "releases", "dp-2026", None, published=True, aggregates=AGGREGATES)
    client = Client()
    page = client.get("/public/").content.decode()
    assert "tables of protected counts only" in page
    assert 'name="sex"' not in page and 'data-chart="forms"' in page
    headline = {r["code"]: r for r in chart(client, "headline", side="public")["rows"]}
    assert headline["victims"]["value"] == "–"
    assert headline["female"]["value"] == "56.3\u00a0%"  # 40 of 71 with sex known
    forms = chart(client, "forms", side="public")
    assert {r["code"]: (r["count"], r["share"]) for r in forms["rows"]}["forced_labour"] == (22, None)
    assert "no shares are shown" in forms["note"]
    citizenship = chart(client, "map_citizenship", side="public")
    assert {r["code"] for r in citizenship["rows"]} == {"MNG", "CHN"}  # Korea (5) hidden
    response = client.get("/public/chart/forms.json", {"sex": "female"})
    assert response.status_code == 400
    assert "cannot be filtered further" in response.json()["error"]


def test_a_damaged_published_release_shows_no_figure_and_says_so(home):
    path = make_release(home / "releases", "rel-bad", release_frame(12, 30), published=True)
    (path / "records.csv").write_text("yearOfRegistration,gender\n2021,Mael\n", encoding="utf-8")
    client = Client()
    response = client.get("/public/")
    assert response.status_code == 503
    page = response.content.decode()
    assert "The published release rel-bad cannot be read" in page and "data-chart" not in page
    response = client.get("/public/chart/headline.json")
    assert response.status_code == 503 and "cannot be read" in response.json()["error"]


def test_public_dashboard_draws_a_table_release_of_a_few_variables(home):
    """`ctip release aggregates --columns ...` published: the charts of those variables have figures, the
    others are empty, none fails."""
    from ctip.disclosure import registry
    from ctip.disclosure.release import Request, create_release
    from ctip.disclosure.simulate import make_ctdc_like

    create_release(make_ctdc_like(3000, seed=5), Request(method="aggregates-k", k=11,
                                                         columns=("gender", "citizenship")), "two-vars")
    registry.publish_release("two-vars", approved_by="sam")
    client = Client()
    assert client.get("/public/").status_code == 200
    for name in CHARTS:
        assert client.get(f"/public/chart/{name}.json").status_code == 200, name
    assert chart(client, "map_citizenship", side="public")["rows"]
    assert not chart(client, "forms", side="public")["rows"]


def test_sdg_chart_of_a_table_release_says_rates_need_records(home):
    make_release(home / "releases", "dp-2026", None, published=True, aggregates=AGGREGATES)
    payload = chart(Client(), "sdg", side="public")
    assert payload["rows"] == [] and "publishes tables only" in payload["note"]
