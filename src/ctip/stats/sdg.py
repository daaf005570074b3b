"""SDG indicator 16.2.2: detected victims of trafficking per 100,000 population, by sex, age and form.

The country is the country of exploitation (CTDC's proxy for where the victim was detected) and the
year the year of registration. Victims whose sex or age is unknown count only in the ``all`` rows of
that dimension; every sex × age × form cell of a country and year is listed, zeros included;
rows whose country or year is outside the population table have no rate.

A sex, age group or form filter keeps only the rows of that sex, age group or form: the other rows
would divide the selected victims by a population they are not part of (female victims per 100,000
people of both sexes) or report the victims of other groups, all filtered out, as zero.
"""

from __future__ import annotations

from dataclasses import replace

import polars as pl

from ctip.stats.categories import CHILD_STATUS_SQL, groups
from ctip.stats.engine import Indicators
from ctip.stats.filters import FilterError, Filters
from ctip.stats.population import load_population

ALL = "all"
KEYS = ["country", "year", "sex", "age_group"]
AGE_GROUPS = {"child": "0-17", "adult": "18+"}  # child status (``Filters.age_group``) -> population age group


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
    or all), victims, population, per_100k`` (three significant digits: one victim among China's 1.4
    billion people is 0.0000712, not 0.0).
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
    people = people.with_columns(pl.col("year").cast(pl.Int16))
    # Only the countries and years with victims: the cube over the whole table costs more than the query.
    people = _cube(people.join(victims.select("country", "year").unique(), on=["country", "year"], how="semi"),
                   "population", [])
    result = cube.join(people, on=KEYS, how="left").with_columns(
        (pl.col("victims") * 100_000 / pl.col("population")).round_sig_figs(3).alias("per_100k")
    )
    return result.filter(_selected(filters or Filters())).sort(["country", "year", "form", "sex", "age_group"])


def _selected(filters: Filters) -> pl.Expr:
    """The rows a sex, age group or form filter selects (see the module docstring)."""
    keep = pl.lit(True)
    if filters.sex is not None:
        if filters.sex not in ("female", "male"):
            raise FilterError(f"SDG 16.2.2 has rates for female and male victims only (the population table has "
                              f"no other sex); got sex {filters.sex!r}", code="sdg_sex", field="sex",
                              value=filters.sex)
        keep &= pl.col("sex") == filters.sex
    if filters.age_group is not None:
        if filters.age_group not in AGE_GROUPS:
            raise FilterError(f"SDG 16.2.2 has rates for children and adults only; got age group "
                              f"{filters.age_group!r}", code="sdg_age_group", field="age_group",
                              value=filters.age_group)
        keep &= pl.col("age_group") == AGE_GROUPS[filters.age_group]
    if filters.form is not None:
        keep &= pl.col("form") == filters.form
    return keep


def sdg_latest_year(indicators: Indicators, filters: Filters | None = None,
                    population: pl.DataFrame | None = None) -> tuple[int | None, pl.DataFrame]:
    """SDG 16.2.2 by country of exploitation for one year, as a dashboard shows it.

    The year is the latest year of registration of the filtered records (with a country of exploitation)
    that the population table covers; the rows are those of the filters' sex, age group and form (``all``
    where a filter is not set), one per country with detected victims: ``country, victims, population,
    per_100k`` (population and rate None where the table lacks the country). ``(None, empty)`` when no
    record qualifies.
    """
    filters = filters or Filters()
    _selected(filters)  # a sex or age group without population figures is refused before any query
    people = population if population is not None else load_population()
    where, params = filters.where()
    where = f"{where} AND" if where else "WHERE"
    year = indicators.connection.execute(
        f"SELECT max(year_of_registration) FROM {indicators.table} {where} country_of_exploitation IS NOT NULL "
        f"AND year_of_registration <= ?", [*params, int(people["year"].max())]).fetchall()[0][0]
    columns = ["country", "victims", "population", "per_100k"]
    if year is None:
        return None, pl.DataFrame(schema={"country": pl.String, "victims": pl.Int64, "population": pl.Int64,
                                          "per_100k": pl.Float64})
    table = sdg_16_2_2(indicators, replace(filters, year_from=year, year_to=year), people)
    selected = table.filter((pl.col("sex") == (filters.sex or ALL))
                            & (pl.col("age_group") == AGE_GROUPS.get(filters.age_group or "", ALL))
                            & (pl.col("form") == (filters.form or ALL)) & (pl.col("victims") > 0))
    return int(year), selected.select(columns)
