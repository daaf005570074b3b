"""ISO 3166 countries, their Mongolian names and UN M49 regions."""

from __future__ import annotations

import pycountry
import pytest

from ctip import vocab


@pytest.mark.parametrize(("code", "alpha3"), [("MN", "MNG"), ("mng", "MNG"), ("496", "MNG"), ("KR", "KOR"), ("MO", "MAC")])
def test_country_alpha3_accepts_alpha2_alpha3_and_numeric(code, alpha3):
    assert vocab.country_alpha3(code) == alpha3


def test_country_alpha2():
    assert vocab.country_alpha2("CHN") == "CN"


def test_unknown_country_lists_valid_codes():
    with pytest.raises(vocab.UnknownCode, match="expected one of: ABW, AFG"):
        vocab.country_alpha3("XX")


def test_every_pycountry_country_is_a_code():
    assert len(vocab.codes("iso3166.alpha3")) == len(pycountry.countries)
    assert len(vocab.codes("iso3166.alpha2")) == len(pycountry.countries)


@pytest.mark.parametrize(("code", "en", "mn"), [
    ("MNG", "Mongolia", "Монгол"), ("CHN", "China", "Хятад"), ("KOR", "South Korea", "Өмнөд Солонгос"),
    ("JPN", "Japan", "Япон"), ("MAC", "Macao", None), ("TUR", None, None), ("KAZ", "Kazakhstan", None),
    ("RUS", None, "Орос"), ("ARE", None, None),
])
def test_main_destinations_have_mongolian_names(code, en, mn):
    name_mn = vocab.country_name(code, lang="mn")
    assert name_mn != vocab.country_name(code, lang="en")
    assert any("\u0400" <= c <= "\u04ff" for c in name_mn)
    if en:
        assert vocab.country_name(code) == en
    if mn:
        assert name_mn == mn


def test_every_country_has_a_mongolian_name_or_falls_back_to_english():
    for code in vocab.codes("iso3166.alpha3"):
        assert vocab.country_name(code, lang="mn")


@pytest.mark.parametrize(("code", "region", "sub_region", "intermediate"), [
    ("MNG", "142", "030", None), ("KOR", "142", "030", None), ("TUR", "142", "145", None),
    ("KEN", "002", "202", "014"), ("BRA", "019", "419", "005"), ("JEY", "150", "154", "830"),
    ("ATA", None, None, None),
])
def test_m49_regions(code, region, sub_region, intermediate):
    assert vocab.country_region(code, "region") == region
    assert vocab.country_region(code) == sub_region
    assert vocab.country_region(code, "intermediate_region") == intermediate


def test_every_country_region_code_has_labels():
    regions = set(vocab.codes("m49.region"))
    for code in vocab.codes("iso3166.alpha3"):
        for level in ("region", "sub_region", "intermediate_region"):
            value = vocab.country_region(code, level)
            assert value is None or value in regions, (code, level, value)
    assert vocab.label("m49.region", "030", lang="mn") == "Зүүн Ази"


def test_unknown_region_level():
    with pytest.raises(ValueError, match="expected one of: region, sub_region, intermediate_region"):
        vocab.country_region("MNG", "continent")


@pytest.mark.parametrize(("code", "alpha3"), [("ZR", "COD"), ("YU", "SRB"), ("XK", "SRB"), ("TP", "TLS")])
def test_former_codes_in_ctdc_files_map_to_their_successor(code, alpha3):
    assert vocab.country_alpha3(code) == alpha3


def test_former_code_table_points_to_real_countries():
    from ctip.vocab.countries import former_codes

    assert set(former_codes().values()) <= set(vocab.codes("iso3166.alpha3"))
