"""ISO 3166-1 countries (from ``pycountry``) with English and Mongolian names and UN M49 regions.

- Codes: every country ``pycountry`` knows, as alpha-2 (``iso3166.alpha2``) and alpha-3
  (``iso3166.alpha3``); the numeric code is accepted as input too.
- English name: ``pycountry``'s common name where it has one ("South Korea"), else its ISO name.
- Mongolian name: the Unicode CLDR name for the territory in the ``mn`` locale (through ``babel``);
  where CLDR has none, the English name (the fallback rule documented in ``docs/vocabularies.md``).
- Former codes met in CTDC files (``YU``, ``ZR``, ``XK``...): ``data/country_aliases.csv``.
- Regions: ``data/m49_countries.csv`` (UN M49 region, sub-region and intermediate region per
  country), used to generalise rare countries; region names are the ``m49.region`` scheme.
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

import pycountry

DATA = Path(__file__).parent / "data"
REGION_LEVELS = ("region", "sub_region", "intermediate_region")


@cache
def _mongolian_territories() -> dict[str, str]:
    from babel import Locale

    return dict(Locale("mn").territories)


def english_name(country) -> str:
    """The country's English short name as ISO 3166 (pycountry) gives it."""
    return getattr(country, "common_name", None) or country.name


@cache
def country_labels() -> dict[str, tuple[str, str, dict[str, str]]]:
    """alpha3 -> (alpha2, numeric, {"en": name, "mn": name}) for every ISO 3166-1 country."""
    mn = _mongolian_territories()
    out = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        en = english_name(c)
        out[c.alpha_3] = (c.alpha_2, c.numeric, {"en": en, "mn": mn.get(c.alpha_2, en)})
    return out


@cache
def m49_table() -> dict[str, dict[str, str | None]]:
    """alpha3 -> {"region", "sub_region", "intermediate_region"} (M49 codes, None where absent)."""
    with (DATA / "m49_countries.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["alpha3"]: {level: r[level] or None for level in REGION_LEVELS} for r in rows}


@cache
def former_codes() -> dict[str, str]:
    """Former or user-assigned codes met in CTDC files -> current alpha-3 (``data/country_aliases.csv``)."""
    with (DATA / "country_aliases.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return {r["code"]: r["alpha3"] for r in rows}
