"""Countries: ISO 3166-1 codes, names in English and Mongolian, and UN M49 regions."""

from __future__ import annotations

from functools import cache

from ctip.vocab import countries as _countries
from ctip.vocab.codes import codes, label
from ctip.vocab.model import UnknownCode


@cache
def _country_index() -> dict[str, str]:
    """alpha-2, alpha-3 and numeric code (and former codes met in CTDC files) -> alpha-3."""
    index = dict(_countries.former_codes())
    for a3, (a2, numeric, _) in _countries.country_labels().items():
        index.update({a2: a3, numeric: a3, a3: a3})
    return index


def _country(code: object) -> str:
    """alpha-3 for an alpha-2, alpha-3 or numeric ISO 3166-1 code (case-insensitive)."""
    text = str(code).strip().upper() if code is not None else ""
    try:
        return _country_index()[text]
    except KeyError:
        raise UnknownCode("iso3166.alpha3", code, [], None) from None


def country_alpha3(code: str) -> str:
    """ISO 3166-1 alpha-3 for an alpha-2, alpha-3 or numeric code: ``country_alpha3("MN") == "MNG"``.

    Former codes found in CTDC files map to their successor (``ZR`` -> ``COD``, ``XK`` -> ``SRB``).
    """
    try:
        return _country(code)
    except UnknownCode:
        raise UnknownCode("iso3166.alpha3", code, codes("iso3166.alpha3")) from None


def country_alpha2(code: str) -> str:
    """ISO 3166-1 alpha-2 for an alpha-2, alpha-3 or numeric code."""
    try:
        return _countries.country_labels()[_country(code)][0]
    except UnknownCode:
        raise UnknownCode("iso3166.alpha2", code, codes("iso3166.alpha2")) from None


def country_name(code: str, lang: str = "en") -> str:
    """The country's name in ``lang`` (Mongolian from CLDR; English where CLDR has none)."""
    return label("iso3166.alpha3", country_alpha3(code), lang)


def country_region(code: str, level: str = "sub_region") -> str | None:
    """The country's UN M49 ``region``, ``sub_region`` or ``intermediate_region`` code (``m49.region``).

    ``None`` where M49 defines none (Antarctica; intermediate regions exist only in some sub-regions).
    """
    if level not in _countries.REGION_LEVELS:
        raise ValueError(f"unknown M49 level {level!r}; expected one of: {', '.join(_countries.REGION_LEVELS)}")
    return _countries.m49_table()[country_alpha3(code)][level]
