"""The ``ctip.vocab`` contract other parts rely on."""

from __future__ import annotations

import pytest

from ctip import vocab
from ctip.dataset import schema

DATASET_SCHEMES = {
    "ctip.gender": ["female", "male", "transgender_nonconforming"],
    "ctip.majority": ["adult", "minor"],
    "ctip.data_source": ["case_management", "hotline"],
    "ctdc.age_band": ["0-8", "9-17", "18-20", "21-23", "24-26", "27-29", "30-38", "39-47", "48+"],
    "ctdc.traffick_months": ["0-12", "13-24", "25+"],
}


@pytest.mark.parametrize(("name", "expected"), DATASET_SCHEMES.items())
def test_dataset_schemes_hold_the_schema_codes(name, expected):
    assert vocab.codes(name) == expected


def test_every_vocab_scheme_named_by_the_dataset_schema_exists():
    for column in schema.COLUMNS:
        if column.vocab:
            assert vocab.codes(column.vocab), column.name


@pytest.mark.parametrize("group", sorted(schema.BINARY_GROUPS))
def test_binary_group_schemes_list_the_schema_columns(group):
    assert [f"{group}_{c}" for c in vocab.codes(f"ctip.{group}")] == schema.BINARY_GROUPS[group]


def test_column_scheme_is_exactly_the_dataset_data_columns():
    assert vocab.codes("ctip.column") == schema.DATA_COLUMNS
    assert vocab.label("ctip.column", "means_debt_bondage") == "Means of control: debt bondage"


@pytest.mark.parametrize("field", [
    "vic_TypeOfExploitation", "vic_MethodsOfControl", "vic_TraffickingStatus", "org_Type", "cas_Status",
    "spl_Type", "hte_Type", "per_RoleInProcess", "prs_Gender", "vic_ForcedLabourIndustry",
])
def test_htcds_picklists_are_schemes(field):
    assert vocab.codes(f"htcds.{field}")


def test_htcds_codes_are_as_published():
    assert vocab.codes("htcds.vic_TraffickingStatus") == [
        "PossibleVictimOfTrafficking", "ActualVictimOfTrafficking", "NotAVictimOfTrafficking"]
    assert "ForcedMilitaryByNonStateActors" in vocab.codes("htcds.vic_TypeOfExploitation")
    assert "" not in vocab.codes("htcds.spl_Type")  # the standard's trailing "; " is no code


def test_label_in_english_and_mongolian():
    assert vocab.label("htcds.vic_TypeOfExploitation", "SexualExploitation") == "Sexual exploitation"
    assert vocab.label("htcds.vic_TypeOfExploitation", "SexualExploitation", lang="mn") == "Бэлгийн мөлжлөг"
    assert vocab.label("ctip.gender", "female", lang="mn-MN") == "Эмэгтэй"
    assert vocab.label("ctip.gender", "female", lang="fr") == "Female"


def test_unknown_code_lists_the_valid_codes():
    with pytest.raises(vocab.UnknownCode, match=r"unknown code 'Mael' in 'gender'; expected one of: female, male"):
        vocab.validate("ctip.gender", "Mael", field="gender")
    assert isinstance(vocab.UnknownCode("s", "x", []), ValueError)


def test_validate_returns_the_code_and_is_valid_is_exact():
    assert vocab.validate("palermo.act", "recruitment") == "recruitment"
    assert vocab.is_valid("palermo.act", "harbouring")
    assert not vocab.is_valid("palermo.act", "Harbouring")
    assert not vocab.is_valid("palermo.act", None)


def test_unknown_scheme_names_the_known_ones():
    with pytest.raises(KeyError, match="known schemes: .*ctip.gender"):
        vocab.codes("ctip.nope")


def test_contract_scheme_names_exist():
    names = set(vocab.schemes())
    for name in ["palermo.act", "palermo.means", "palermo.element", "glotip.form", "ilo.forced_labour_indicator",
                 "ctdc2017.ageBroad", "ctdc2017.gender", "ctdc2024.ageBroad", "ctdc2024.gender",
                 "ctdc2024.traffickMonths", "iso3166.alpha3", "iso3166.alpha2", "m49.region"]:
        assert name in names


def test_glotip_forms_are_unodc_forms():
    assert vocab.codes("glotip.form") == ["sexual_exploitation", "forced_labour", "forced_criminality",
                                          "forced_marriage", "begging", "baby_selling", "organ_removal",
                                          "mixed", "other"]


def test_ilo_has_eleven_indicators():
    assert len(vocab.codes("ilo.forced_labour_indicator")) == 11


def test_choices_render_in_the_active_language():
    from django.utils import translation

    pairs = dict(vocab.choices("ctip.gender"))
    with translation.override("mn"):
        assert str(pairs["female"]) == "Эмэгтэй"
    with translation.override("en"):
        assert str(pairs["female"]) == "Female"


def test_the_package_imports_no_django():
    import subprocess
    import sys

    code = "import sys, ctip.vocab as v; v.codes('ctip.gender'); v.country_name('MN'); print('django' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_docstring_examples_run():
    import doctest

    import ctip.vocab

    assert doctest.testmod(ctip.vocab, raise_on_error=False).failed == 0
