"""SDG indicator 16.2.2: detected victims of trafficking per 100,000 population, by sex, age and form.

The country is the country of exploitation (CTDC's proxy for where the victim was detected) and the
year the year of registration. Victims whose sex or age is unknown count only in the ``all`` rows of
that dimension; every sex × age × form cell of a country and year is listed, zeros included;
rows whose country or year is outside the population table have no rate.
"""

from __future__ import annotations

import polars as pl

from ctip.stats.categories import CHILD_STATUS_SQL, groups
from ctip.stats.engine import Indicators
from ctip.stats.filters import Filters
from ctip.stats.population import load_population

ALL = "all"
KEYS = ["country", "year", "sex", "age_group"]


def _cube(frame: pl.DataFrame, value: str, extra: list[str]) -> pl.DataFrame:
    """Add the ``all`` totals over sex, age group and both, keeping the ``extra`` key columns."""
    parts = []
    for sex_all in (False, True):
        for age_all in (False, True):
            part = frame
            if sex_all:
                part = part.with_columns(pl.lit(ALL).alias("sex"))
            if age_all:
                part = part.with_columns(pl.lit(ALL).alias("age_group"))
            parts.append(part.group_by(KEYS + extra).agg(pl.col(value).sum()))
    cube = pl.concat(parts)
    return cube.filter(pl.col("sex").is_not_null() & pl.col("age_group").is_not_null())


def sdg_16_2_2(indicators: Indicators, filters: Filters | None = None,
               population: pl.DataFrame | None = None) -> pl.DataFrame:
    """Victims, population and rate per 100,000 for every country and year with detected victims.

    Columns: ``country, year, sex (female|male|all), age_group (0-17|18+|all), form (a GLOTIP form
    or all), victims, population, per_100k``.
    """
    forms = groups()["exploitation"].categories
    where, params = (filters or Filters()).where()
    where = f"{where} AND" if where else "WHERE"
    sums = ", ".join(f'coalesce(count_if({c.sql()}), 0)::BIGINT AS "{c.code}"' for c in forms)
    victims = indicators.connection.sql(
        f"SELECT country_of_exploitation AS country, year_of_registration::SMALLINT AS year, "
        f"CASE WHEN gender IN ('female', 'male') THEN gender END AS sex, "
        f"CASE ({CHILD_STATUS_SQL}) WHEN 'child' THEN '0-17' WHEN 'adult' THEN '18+' END AS age_group, "
        f'count(*) AS "{ALL}", {sums} FROM {indicators.table} '
        f"{where} country_of_exploitation IS NOT NULL AND year_of_registration IS NOT NULL GROUP BY ALL",
        params=params,
    ).pl()
    victims = victims.with_columns(pl.col("sex").fill_null("unknown"), pl.col("age_group").fill_null("unknown"))
    long = victims.unpivot(index=KEYS, variable_name="form", value_name="victims")
    cube = _cube(long, "victims", ["form"]).filter(~pl.col("sex").is_in(["unknown"])
                                                   & ~pl.col("age_group").is_in(["unknown"]))
    grid = (victims.select("country", "year").unique()
            .join(pl.DataFrame({"sex": ["female", "male", ALL]}), how="cross")
            .join(pl.DataFrame({"age_group": ["0-17", "18+", ALL]}), how="cross")
            .join(pl.DataFrame({"form": [ALL, *(c.code for c in forms)]}), how="cross"))
    cube = grid.join(cube, on=[*KEYS, "form"], how="left").with_columns(pl.col("victims").fill_null(0))
    people = (population if population is not None else load_population()).rename({"iso3": "country"})
    people = _cube(people.with_columns(pl.col("year").cast(pl.Int16)), "population", [])
    result = cube.join(people, on=KEYS, how="left").with_columns(
        (pl.col("victims") * 100_000 / pl.col("population")).round(3).alias("per_100k")
    )
    return result.sort(["country", "year", "form", "sex", "age_group"])
