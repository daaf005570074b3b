"""``ctip stats``: trafficking statistics from the collaborative dataset.

    ctip stats [--json] [filters]          every indicator (text report, or one JSON object)
    ctip stats sdg [--csv] [filters]       SDG 16.2.2: victims per 100,000 population
    ctip stats population load FILE --source CITATION   install a newer population table (validated)
    ctip stats population show             which population table is in use
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ctip.cli import UsageError

FILTER_OPTIONS = [
    ("--year-from", "year_from", "Y", "first year of registration"),
    ("--year-to", "year_to", "Y", "last year of registration"),
    ("--contributor", "contributor", "ORG", "contributing organisation"),
    ("--citizenship", "citizenship", "ISO", "citizenship (ISO 3166 alpha-3 or alpha-2)"),
    ("--exploitation-country", "exploitation_country", "ISO", "country of exploitation (ISO 3166)"),
    ("--sex", "sex", "S", "female, male, transgender_nonconforming or unknown"),
    ("--age-group", "age_group", "G", "child, adult or unknown"),
    ("--form", "form", "F", "form of exploitation (GLOTIP category, e.g. forced_labour)"),
]


def _add_filters(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    for flag, dest, metavar, help_ in FILTER_OPTIONS:
        group.add_argument(flag, dest=dest, metavar=metavar, help=help_)
    parser.add_argument("--dataset", metavar="PATH", help="dataset file (default: CTIP_HOME/dataset.duckdb)")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a text report")
    _add_filters(parser)
    sub = parser.add_subparsers(dest="action", metavar="{sdg,population}")
    sdg = sub.add_parser("sdg", help="SDG 16.2.2: detected victims per 100,000 population")
    sdg.add_argument("--csv", action="store_true",
                     help="print every row as CSV (by form too) instead of a table of all forms together")
    _add_filters(sdg)
    population = sub.add_parser("population", help="the population table behind SDG 16.2.2")
    population_sub = population.add_subparsers(dest="population_action", required=True, metavar="{load,show}")
    load = population_sub.add_parser("load", help="validate FILE and make it the population table in use")
    load.add_argument("file", metavar="FILE", help="CSV with columns iso3,year,sex,age_group,population")
    load.add_argument("--source", required=True, metavar="CITATION",
                      help="how to cite the table (publisher, edition, licence); shown with every rate")
    population_sub.add_parser("show", help="print which population table is in use")


def _filters(args: argparse.Namespace):
    from ctip.stats import FilterError, Filters

    try:
        return Filters.from_mapping({dest: getattr(args, dest) for _, dest, _, _ in FILTER_OPTIONS})
    except FilterError as exc:
        raise UsageError(str(exc)) from exc


def _indicators(args: argparse.Namespace):
    from ctip import config
    from ctip.stats import Indicators

    path = args.dataset or config.dataset_path()
    if not Path(path).exists():
        raise UsageError(f"no collaborative dataset at {path}; import data first with 'ctip dataset import FILE'")
    return Indicators.from_dataset(path)


def run(args: argparse.Namespace) -> int:
    if args.action == "population":
        return _population(args)
    filters = _filters(args)
    indicators = _indicators(args)
    try:
        if args.action == "sdg":
            return _sdg(indicators, filters, csv=args.csv)
        from ctip.stats import summary
        from ctip.stats.report import text_report

        result = summary(indicators, filters)
        print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else text_report(result))
        return 0
    finally:
        indicators.close()


def _sdg(indicators, filters, *, csv: bool) -> int:
    import polars as pl

    from ctip.exchange.safe_csv import neutralise
    from ctip.stats import FilterError, sdg_16_2_2
    from ctip.stats.population import current_source

    try:
        table = sdg_16_2_2(indicators, filters)
    except FilterError as exc:
        raise UsageError(str(exc)) from exc
    if csv:
        sys.stdout.write(neutralise(table).write_csv(null_value=""))
        return 0
    form = filters.form or "all"
    with pl.Config(tbl_rows=-1, tbl_hide_dataframe_shape=True, tbl_hide_column_data_types=True):
        print(table.filter(pl.col("form") == form).drop("form"))
    scope = "all forms of exploitation; by form: ctip stats sdg --csv" if form == "all" else f"form {form}"
    print(f"Victims per 100,000 population, {scope}")
    print(f"Population: {current_source()}")
    return 0


def _population(args: argparse.Namespace) -> int:
    from ctip.stats import PopulationError, install_population
    from ctip.stats.population import current_path, current_source

    if args.population_action == "show":
        print(f"{current_path()}\n{current_source()}")
        return 0
    try:
        target, rows = install_population(args.file, citation=args.source)
    except PopulationError as exc:
        raise UsageError(str(exc)) from exc
    print(f"population table installed: {rows} rows -> {target}")
    return 0
