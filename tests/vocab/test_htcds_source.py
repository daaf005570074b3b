"""The committed HTCDS YAML matches the standard's field list it was generated from."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from ctip import vocab

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "htcds_vocab.py"


def _script():
    spec = importlib.util.spec_from_file_location("htcds_vocab", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def fields():
    script = _script()
    source = script.DOMAIN / "htcds_v2_fields.md"
    if not source.exists():
        pytest.skip(f"the HTCDS field list is not beside the repository ({source})")
    return script.parse_fields(source.read_text(encoding="utf-8"))


def test_every_htcds_picklist_is_a_scheme_with_the_published_codes(fields):
    assert {f"htcds.{f}" for f in fields} == {s for s in vocab.schemes() if s.startswith("htcds.")}
    for field, spec in fields.items():
        assert vocab.codes(f"htcds.{field}") == spec["codes"], field


def test_iso_coded_fields_are_left_to_the_country_schemes(fields):
    assert "prs_Citizenship" not in fields and "org_ShippingCountry" not in fields
