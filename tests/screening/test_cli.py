"""``ctip screen``: JSON in, JSON out; bad input exits 2 with one message and nothing on standard output."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from ctip.cli import main

GOOD = {"person": {"age": None, "age_estimated": False, "appears_to_be_child": True},
        "acts": ["recruitment", "transportation"], "purposes": ["SexualExploitation"], "absent": ["means"]}


def ctip(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ctip", *args], input=stdin, capture_output=True, text=True)


def test_screen_reads_a_file_and_prints_the_suggestion(tmp_path):
    path = tmp_path / "interview.json"
    path.write_text(json.dumps(GOOD), encoding="utf-8")
    result = ctip("screen", str(path))
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out == {
        "status": "ActualVictimOfTrafficking", "child": True, "child_presumed": True,
        "elements": {"act": "yes", "means": "not_required", "purpose": "yes"},
        "requires_review": False, "reasons": out["reasons"],
    }
    assert any("presumed to be a child" in r for r in out["reasons"])


def test_screen_reads_standard_input_and_speaks_mongolian():
    result = ctip("screen", "-", "--lang", "mn", stdin=json.dumps(GOOD))
    assert result.returncode == 0, result.stderr
    reasons = json.loads(result.stdout)["reasons"]
    assert any("хүүхэд" in r for r in reasons)


def test_missing_file_exits_2_with_nothing_on_stdout(tmp_path):
    result = ctip("screen", str(tmp_path / "nope.json"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.strip() == f"ctip screen: {tmp_path / 'nope.json'}: no such file"


def test_unknown_code_exits_2_naming_the_field_and_valid_codes():
    result = ctip("screen", "-", stdin='{"means": ["bribery"]}')
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.strip() == (
        "ctip screen: standard input: means[0]: unknown code 'bribery'; expected one of: threat, force, "
        "coercion, abduction, fraud, deception, abuse_of_power, abuse_of_vulnerability, payments_to_controller")


def screen(capsys, monkeypatch, text: str, *args: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code = main(["screen", "-", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(("text", "message"), [
    ("{", "malformed JSON at line 1, column 2"),
    ("", "malformed JSON at line 1, column 1"),
    ('{"person": {"age": 15}, "person_name": "A"}', "person_name: unknown key; expected one of: person, acts"),
    ('{"person": {"age": -4}}', "person.age: expected a non-negative whole number of years, got -4"),
    ('{"person": {"age": 12.5}}', "person.age: expected a whole number of years or null, got 12.5"),
    ('{"person": {"age": "twelve"}}', "person.age: expected a whole number of years or null, got 'twelve'"),
    ('{"purposes": ["Begging"]}', "purposes[0]: unknown code 'Begging'; expected one of: ForcedLabour"),
    ('{"indicators": ["Beatings"]}', "indicators[0]: unknown code 'Beatings'; expected one of: PhysicalThreats"),
    ('{"absent": ["consent"]}', "absent[0]: unknown code 'consent'; expected one of: act, means, purpose"),
    ('{"acts": ["receipt"], "absent": ["act"]}', "absent: 'act' is listed as absent but 'acts' gives evidence"),
    ('["recruitment"]', "interview: expected a JSON object"),
])
def test_bad_input_exits_2_with_one_message(capsys, monkeypatch, text, message):
    code, out, err = screen(capsys, monkeypatch, text)
    assert (code, out) == (2, "")
    assert err.startswith("ctip screen: standard input: ") and message in err
    assert err.count("\n") == 1


def test_a_directory_is_not_a_file(capsys, tmp_path):
    assert main(["screen", str(tmp_path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "is a directory" in captured.err


def test_unknown_language_is_a_usage_error(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("{}"))
    with pytest.raises(SystemExit) as exit_:
        main(["screen", "-", "--lang", "fr"])
    assert exit_.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "invalid choice: 'fr'" in captured.err


def test_output_is_utf8_json_in_english_by_default(capsys, monkeypatch):
    code, out, _ = screen(capsys, monkeypatch, json.dumps({"acts": ["receipt"]}))
    assert code == 0
    data = json.loads(out)
    assert data["status"] == "PossibleVictimOfTrafficking"
    assert data["elements"] == {"act": "yes", "means": "unknown", "purpose": "unknown"}
    assert data["reasons"][0].startswith("The age is not known")
