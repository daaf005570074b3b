"""Report sections built from hand-written reports: the cases a small release rarely produces."""

from __future__ import annotations

from django.utils import translation

from ctip.publishing.report import report_sections


def rows_of(report: dict, language: str = "en") -> dict[str, list[tuple[str, str, str]]]:
    with translation.override(language):
        return {s.key: [(r.label + (f" {r.label_code}" if r.label_code else ""), r.value, r.hint) for r in s.rows]
                for s in report_sections(report)}


BASE = {"release": "syn-x", "method": "synthetic", "parameters": {"delta": 1e-9}, "epsilon": 1.0, "delta": 1e-9,
        "dataset_version": "abc", "created_at": "2026-03-01T10:00:00+00:00"}


def test_singling_out_not_assessable_says_how_many_combinations_were_found():
    report = {**BASE, "risk": {"singling_out": {"attacks": 3, "train_rate": None, "control_rate": None, "risk": None,
                                                "note": "not assessable: only 3 ..."}}}
    label, value, hint = rows_of(report)["risk"][0]
    assert (label, value) == ("Singling-out risk", "not assessable")
    assert "only 3 value combinations are unique" in hint and "at least 20" in hint
    label, value, hint = rows_of(report, "mn")["risk"][0]
    assert value == "үнэлэх боломжгүй" and "зөвхөн 3 утгын хослол" in hint


def test_too_small_a_table_for_a_control_set_is_said_plainly():
    report = {**BASE, "risk": {"note": "too few records to hold out a control set", "training_records": 12}}
    rows = rows_of(report)["risk"]
    assert ("Attacks", "not assessable", "too few records to hold out a control set") in rows
    assert ("Records used to fit the model", "12", "") in rows


def test_risk_shows_its_confidence_interval_and_the_attack_rates():
    report = {**BASE, "risk": {"linkability": {"attacks": 300, "train_rate": 0.18, "control_rate": 0.11,
                                               "risk": 0.0787, "ci": [0.0167, 0.1395]}}}
    label, value, hint = rows_of(report)["risk"][0]
    assert value == "0.079 (95% confidence interval 0.017 to 0.140)"
    assert "300 attacks: success on the people used 0.180, on people held out 0.110." in hint


def test_release_section_writes_epsilon_and_delta_as_given_and_the_date_for_reading():
    rows = rows_of(BASE)["release"]
    assert ("Privacy budget spent", "ε = 1, δ = 1e-09") == rows[-3][:2]
    assert ("Created", "2026-03-01 10:00 UTC", "") == rows[-1]


def test_an_unknown_block_of_lists_is_flattened_with_its_path():
    report = {**BASE, "future": {"cells": [{"column": "gender", "count": 1234}], "flag": True, "empty": None}}
    rows = rows_of(report)["other"]
    assert ("Other figure future.cells[0].count", "1,234", "") in rows
    assert ("Other figure future.flag", "yes", "") in rows
    assert ("Other figure future.empty", "—", "") in rows
