"""The population table behind SDG 16.2.2: persons by country, year, sex and age group (0-17, 18+).

ctip ships UN DESA's World Population Prospects 2019 (CC BY 3.0 IGO) as
``ctip/stats/data/population_by_sex_agegroup.csv``; its README carries the citation. A newer table
with the same columns can be installed with ``ctip stats population load FILE --source CITATION``, which
validates it and copies it to ``CTIP_HOME/population/population_by_sex_agegroup.csv`` with its citation
beside it (``.source.txt``); that copy then wins, and its citation is printed and shown with every rate.
"""

from __future__ import annotations

import csv
import os
import tempfile
from importlib import resources
from pathlib import Path

import polars as pl

from ctip import config

FILE_NAME = "population_by_sex_agegroup.csv"
COLUMNS = ["iso3", "year", "sex", "age_group", "population"]
SEXES = {"female", "male"}
AGE_GROUPS = {"0-17", "18+"}
SHIPPED_SOURCE = ("United Nations, Department of Economic and Social Affairs, Population Division (2019). "
                  "World Population Prospects 2019, Online Edition. Rev. 1. CC BY 3.0 IGO.")


class PopulationError(ValueError):
    """A population file ctip cannot use; the message names the file, row, column and value."""


def installed_path() -> Path:
    """Where ``ctip stats population load`` puts a newer table."""
    return config.home() / "population" / FILE_NAME


def shipped_path() -> Path:
    """The population table shipped with ctip (package data)."""
    return Path(str(resources.files("ctip.stats") / "data" / FILE_NAME))


def current_path() -> Path:
    """The table in use: the installed one if present, else the one shipped with ctip."""
    installed = installed_path()
    return installed if installed.exists() else shipped_path()


def load_population(path: str | Path | None = None) -> pl.DataFrame:
    """The population table (columns ``iso3, year, sex, age_group, population``)."""
    return pl.read_csv(path or current_path(), schema_overrides={"year": pl.Int16, "population": pl.Int64})


def validate(path: Path) -> int:
    """Check every row of a population CSV; return the number of data rows."""
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or [c.strip() for c in reader.fieldnames] != COLUMNS:
            raise PopulationError(f"{path}: header must be {','.join(COLUMNS)}; got {reader.fieldnames}")
        seen: set[tuple[str, str, str, str]] = set()
        for row_number, row in enumerate(reader, start=2):
            _check_row(path, row_number, row)
            key = (row["iso3"], row["year"], row["sex"], row["age_group"])
            if key in seen:
                raise PopulationError(f"{path}, row {row_number}: duplicate row for {', '.join(key)}")
            seen.add(key)
    if not seen:
        raise PopulationError(f"{path}: no data rows")
    return len(seen)


def _check_row(path: Path, row_number: int, row: dict[str, str]) -> None:
    def fail(column: str, expected: str) -> PopulationError:
        return PopulationError(f"{path}, row {row_number}, column {column}: {row[column]!r}; expected {expected}")

    if len(row["iso3"]) != 3 or not row["iso3"].isalpha() or not row["iso3"].isupper():
        raise fail("iso3", "a 3-letter ISO 3166-1 alpha-3 code such as MNG")
    if not row["year"].isdigit() or not 1900 <= int(row["year"]) <= 2200:
        raise fail("year", "a year such as 2024")
    if row["sex"] not in SEXES:
        raise fail("sex", "female or male")
    if row["age_group"] not in AGE_GROUPS:
        raise fail("age_group", "0-17 or 18+")
    if not row["population"].isdigit():
        raise fail("population", "a whole number of persons")


def source_path() -> Path:
    """The citation of the installed table, kept beside it."""
    return installed_path().with_suffix(".source.txt")


def current_source() -> str:
    """How to cite the table in use: the shipped table's citation, or the one given when installing."""
    if current_path() == installed_path():
        cited = source_path().read_text(encoding="utf-8").strip() if source_path().exists() else ""
        return cited or f"{installed_path()} (installed with 'ctip stats population load'; no source recorded)"
    return SHIPPED_SOURCE


def install_population(source: str | Path, *, citation: str) -> tuple[Path, int]:
    """Validate ``source`` and atomically make it the population table in use, cited as ``citation`` (who
    published it, which edition, its licence: every SDG 16.2.2 rate names its denominator's source)."""
    source = Path(source)
    citation = " ".join(citation.split())
    if len(citation) < 10:
        raise PopulationError(f"--source {citation!r}: say who published the table, which edition and its licence, "
                              "e.g. 'United Nations, DESA, Population Division (2024). World Population "
                              "Prospects 2024. CC BY 3.0 IGO.'")
    if not source.is_file():
        raise PopulationError(f"{source}: no such file")
    rows = validate(source)
    target = installed_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    _replace(source_path(), citation.encode("utf-8"))
    _replace(target, source.read_bytes())
    return target, rows


def _replace(target: Path, content: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    os.replace(tmp, target)
