"""Generalisation hierarchies for k-anonymity: each step makes a value coarser, the last one empties it.

- ``ageBroad`` bands -> 0--17 / 18--29 / 30--47 / 48+ -> 0--17 / 18+ -> empty
- ``yearOfRegistration`` -> five-year period (2015--2019) -> empty
- countries (ISO alpha-3) -> UN M49 sub-region (``M49:030``) -> M49 region (``M49:142``) -> empty
- sectors of labour and of sexual exploitation -> empty (their group, isForcedLabour / isSexualExploit,
  stays in the record)
- any other column -> empty

Generalised values keep the CTDC spelling style so a reader sees the wider band or region directly.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ctip import vocab
from ctip.vocab.countries import m49_table

COUNTRY_COLUMNS = ("citizenship", "CountryOfExploitation", "citizenship_country", "country_of_exploitation")
_AGE_CUTS = ([0, 18, 30, 48], [0, 18])


def _age_lower(value: str) -> int | None:
    match = re.match(r"^\s*(\d+)", value)
    return int(match.group(1)) if match else None


def _band(value: str, cuts: list[int]) -> str | None:
    low = _age_lower(value)
    if low is None:
        return None
    start = max(c for c in cuts if c <= low)
    later = [c for c in cuts if c > start]
    return f"{start}--{later[0] - 1}" if later else f"{start}+"


def _year(value: str) -> str | None:
    if not value.isdigit():
        return None
    start = int(value) // 5 * 5
    return f"{start}--{start + 4}"


def _m49(level: str) -> Callable[[str], str | None]:
    def step(value: str) -> str | None:
        if value.startswith("M49:"):
            code = value[4:]
            return None if level == "sub_region" else _parent_region(code)
        try:
            code = vocab.country_region(value, level)
        except (KeyError, ValueError):
            return None
        return f"M49:{code}" if code else None
    return step


def _parent_region(sub_region: str) -> str | None:
    for row in m49_table().values():
        if row.get("sub_region") == sub_region:
            return f"M49:{row['region']}" if row.get("region") else None
    return None


def steps(column: str) -> list[Callable[[str], str | None]]:
    """The generalisation steps of ``column``, finest first; applying step i to a value at level i."""
    if column in ("ageBroad", "age_band"):
        return [lambda v: _band(v, _AGE_CUTS[0]), lambda v: _band(v, _AGE_CUTS[1]), lambda v: None]
    if column in ("yearOfRegistration", "year_of_registration"):
        return [_year, lambda v: None]
    if column in COUNTRY_COLUMNS:
        return [_m49("sub_region"), _m49("region"), lambda v: None]
    return [lambda v: None]
