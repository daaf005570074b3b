"""SDG 16.2.2 rates and the population table behind them (shipped, or installed by the user)."""

from __future__ import annotations

import polars as pl
import pytest

from ctip.stats import FilterError, Filters, PopulationError, install_population, load_population, sdg_16_2_2
from ctip.stats.population import current_path, current_source, shipped_path
from tests.stats.records import indicators

# Mongolia 2019: 500,000 people. Victims detected there in 2019: record 2 only (a girl, sexual exploitation).
POPULATION = pl.DataFrame({
    "iso3": ["MNG"] * 4, "year": [2019] * 4, "sex": ["female", "female", "male", "male"],
    "age_group": ["0-17", "18+", "0-17", "18+"], "population": [100_000, 200_000, 100_000, 100_000],
})


def _rate(table: pl.DataFrame, **where) -> tuple[int, int, float]:
    row = table.filter(**where).row(0, named=True)
    return row["victims"], row["population"], row["per_100k"]


def test_rate_per_100000_by_sex_age_and_form():
    table = sdg_16_2_2(indicators(), population=POPULATION)
    mng = {"country": "MNG", "year": 2019}
    assert _rate(table, **mng, sex="all", age_group="all", form="all") == (1, 500_000, 0.2)
    assert _rate(table, **mng, sex="female", age_group="0-17", form="all") == (1, 100_000, 1.0)
    assert _rate(table, **mng, sex="male", age_group="all", form="all") == (0, 200_000, 0.0)
    assert _rate(table, **mng, sex="all", age_group="all", form="sexual_exploitation") == (1, 500_000, 0.2)
    assert _rate(table, **mng, sex="all", age_group="all", form="forced_labour") == (0, 500_000, 0.0)


def test_countries_without_population_have_no_rate():
    table = sdg_16_2_2(indicators(), population=POPULATION)
    victims, population, rate = _rate(table, country="CHN", year=2019, sex="all", age_group="all", form="all")
    assert (victims, population, rate) == (1, None, None)


def test_rates_follow_filters():
    table = sdg_16_2_2(indicators(), Filters(sex="male"), population=POPULATION)
    assert table.filter(country="MNG").is_empty()


def test_a_sex_filter_keeps_only_that_sex_rates():
    """Female victims are divided by the female population only, and male rows (filtered out) are not shown
    as zero victims."""
    whole = sdg_16_2_2(indicators(), population=POPULATION)
    female = sdg_16_2_2(indicators(), Filters(sex="female"), population=POPULATION)
    assert set(female["sex"]) == {"female"}
    mng = {"country": "MNG", "year": 2019, "form": "all"}
    assert _rate(female, **mng, sex="female", age_group="all") == _rate(whole, **mng, sex="female", age_group="all")
    assert _rate(female, **mng, sex="female", age_group="all") == (1, 300_000, 0.333)


def test_age_and_form_filters_keep_only_their_rows():
    table = sdg_16_2_2(indicators(), Filters(age_group="child", form="sexual_exploitation"), population=POPULATION)
    assert set(table["age_group"]) == {"0-17"} and set(table["form"]) == {"sexual_exploitation"}
    assert _rate(table, country="MNG", year=2019, sex="all") == (1, 200_000, 0.5)


@pytest.mark.parametrize("filters", [Filters(sex="unknown"), Filters(sex="transgender_nonconforming"),
                                     Filters(age_group="unknown")])
def test_no_rate_for_groups_the_population_table_lacks(filters):
    with pytest.raises(FilterError, match="SDG 16.2.2 has rates for"):
        sdg_16_2_2(indicators(), filters, population=POPULATION)


def test_shipped_population_covers_mongolia():
    table = load_population(shipped_path())
    mng = table.filter((pl.col("iso3") == "MNG") & (pl.col("year") == 2020))
    assert mng.height == 4
    assert 3_000_000 < mng["population"].sum() < 3_500_000


def test_a_newer_population_table_can_be_installed(tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path / "home"))
    source = tmp_path / "wpp2024.csv"
    POPULATION.write_csv(source)
    target, rows = install_population(source, citation="UN DESA, World Population Prospects 2024, CC BY 3.0 IGO")
    assert rows == 4
    assert current_path() == target
    assert current_source() == "UN DESA, World Population Prospects 2024, CC BY 3.0 IGO"
    assert load_population().equals(POPULATION.with_columns(pl.col("year").cast(pl.Int16)))


@pytest.mark.parametrize(("line", "message"), [
    ("MNG,2019,woman,0-17,5", "row 2, column sex: 'woman'; expected female or male"),
    ("MNG,2019,female,0-14,5", "row 2, column age_group: '0-14'; expected 0-17 or 18\\+"),
    ("MN,2019,female,0-17,5", "row 2, column iso3: 'MN'; expected a 3-letter ISO 3166-1 alpha-3 code"),
    ("MNG,2019,female,0-17,5.5", "row 2, column population: '5.5'; expected a whole number"),
])
def test_a_bad_population_file_is_refused_with_its_row(tmp_path, monkeypatch, line, message):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path / "home"))
    source = tmp_path / "bad.csv"
    source.write_text("iso3,year,sex,age_group,population\n" + line + "\n")
    with pytest.raises(PopulationError, match=message):
        install_population(source, citation="A statistics office, population estimates 2024")
    assert current_path() == shipped_path() and current_source().startswith("United Nations")


def test_a_population_table_without_a_citation_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path / "home"))
    source = tmp_path / "wpp2024.csv"
    POPULATION.write_csv(source)
    with pytest.raises(PopulationError, match="say who published the table"):
        install_population(source, citation="  ")
    assert current_path() == shipped_path()


def test_latest_year_rates_by_country():
    """2019 is the last year the table covers (POPULATION): Mongolia's one girl among 500,000 people."""
    from ctip.stats.sdg import sdg_latest_year

    year, table = sdg_latest_year(indicators(), population=POPULATION)
    assert year == 2019
    assert table.to_dicts() == [{"country": "CHN", "victims": 1, "population": None, "per_100k": None},
                                {"country": "MNG", "victims": 1, "population": 500_000, "per_100k": 0.2}]
    year, girls = sdg_latest_year(indicators(), Filters(sex="female", age_group="child"), population=POPULATION)
    assert girls.filter(country="MNG").row(0) == ("MNG", 1, 100_000, 1.0)
    assert sdg_latest_year(indicators(), Filters(year_from=2030), population=POPULATION)[0] is None
