"""Intake problems have one wording, in English and Mongolian: custody.json, report.html and the CLI use it."""

from __future__ import annotations

import html
import json
import re

import pytest

from ctip.cli import main
from ctip.osint.messages import CATALOGUE, CATALOGUE_MN, FILE, file_problem_of, problem, worded


def test_every_problem_kind_has_a_mongolian_wording_with_the_same_placeholders():
    assert CATALOGUE_MN.keys() == CATALOGUE.keys()
    for code, english in CATALOGUE.items():
        assert sorted(re.findall(r"%\((\w+)\)s", CATALOGUE_MN[code])) == sorted(re.findall(r"%\((\w+)\)s", english))
        assert not re.search("[A-Za-z]{4,}", re.sub(r"%\(\w+\)s|JSON|CSV|UTF-\d+|Windows|MB|NUL|'text'", "",
                                                      CATALOGUE_MN[code])), f"English left in {code}"


@pytest.mark.parametrize("code", sorted(FILE))
def test_a_skip_reason_written_before_it_had_a_code_is_recognised(code):
    params = {name: f"v{i}" for i, name in enumerate(re.findall(r"%\((\w+)\)s", FILE[code]))}
    found = file_problem_of(problem(code, **params).text)
    assert (found.code, dict(found.params)) == (code, params)


def write_inputs(folder):
    folder.mkdir()
    good = json.dumps({"text": "Work in Seoul, good pay, call 88000011"})
    (folder / "ads.jsonl").write_text(good + "\n[1, 2]\n", encoding="utf-8")
    (folder / "old.zip").write_bytes(b"PK\x03\x04rest")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 text")


def test_report_html_words_skip_reasons_and_line_problems_in_english_and_mongolian(tmp_path, capsys):
    write_inputs(tmp_path / "in")
    assert main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    report = html.unescape((tmp_path / "out" / "report.html").read_text(encoding="utf-8"))
    for code, params in [("archive", {}), ("not_object", {"file": "ads.jsonl", "line": 2, "type": "array"}),
                         ("unsupported_type", {"suffix": ".pdf", "expected": ".csv, .htm, .html, .jsonl, "
                                                                             ".ndjson, .txt"})]:
        assert worded(code, params, "en") in report
        assert worded(code, params, "mn") in report
    assert "архив: задлахгүй; өөрөө задлаад хавтсыг шалгуулна уу" in report
    custody = json.loads((tmp_path / "out" / "custody.json").read_text(encoding="utf-8"))["files"]
    skipped = {c["path"]: c for c in custody if c["status"] == "skipped"}
    assert skipped["old.zip"]["reason_code"] == "archive"
    assert skipped["notes.pdf"]["reason_params"]["suffix"] == ".pdf"


def test_the_cli_prints_skip_reasons_and_line_problems_from_the_same_catalogue(tmp_path, capsys):
    write_inputs(tmp_path / "in")
    assert main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert f"skipped old.zip: {CATALOGUE['archive']}" in err
    assert f"  {worded('not_object', {'file': 'ads.jsonl', 'line': 2, 'type': 'array'})}" in err
    assert "read ads.jsonl, except" in err


@pytest.mark.parametrize(("line", "code", "params"), [
    ("not json", "json_value", {"column": 1}),
    ('{"text" "x"}', "json_delimiter", {"column": 9, "delimiter": ":"}),
    ('{"text": "x" "y"}', "json_delimiter", {"column": 14, "delimiter": ","}),
    ('{"text": "x"} more', "json_extra", {"column": 15}),
    ('{"text": "x', "json_unterminated", {"column": 10}),
    ('{text: "x"}', "json_name", {"column": 2}),
    ('{"text": "\\q"}', "json_escape", {"column": 11}),
])
def test_a_line_the_json_parser_refuses_gets_a_kind_of_its_own_without_the_parsers_english(line, code, params):
    from ctip.osint.intake import parse_file

    _, custody = parse_file("p.jsonl", (json.dumps({"text": "ok"}) + "\n" + line + "\n").encode())
    (found,) = custody.problems
    assert (found["code"], found["params"]) == (code, {"file": "p.jsonl", "line": 2, **params})
    assert "Expecting" not in found["text"] and "Expecting" not in worded(code, found["params"], "mn")
