"""The importer's messages in the page's language: every kind in English and Mongolian, from a real bad file."""

from __future__ import annotations

import html
import re

import pytest
from django.utils import translation
from django.utils.html import strip_tags

from ctip.datahub.translations_mn import IMPORT_MESSAGES
from ctip.datahub.wording import note_texts, problem_rows, worded
from ctip.dataset.store import Dataset
from ctip.exchange.htcds import WITHHELD
from ctip.exchange.messages import CATALOGUE, PLACEHOLDER
from tests.exchange.bad_files import BAD_FILES, messages_of

CYRILLIC = re.compile("[А-Яа-яЁёӨөҮү]")


def _text(markup: str) -> str:
    """What a reader sees of a worded message (it is HTML for the page)."""
    return html.unescape(strip_tags(markup))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return Dataset(tmp_path_factory.mktemp("store") / "dataset.duckdb")


def test_every_message_kind_has_a_mongolian_wording_with_the_same_placeholders():
    assert set(IMPORT_MESSAGES) == set(CATALOGUE)
    for code, text in IMPORT_MESSAGES.items():
        assert set(PLACEHOLDER.findall(text)) == set(PLACEHOLDER.findall(CATALOGUE[code])), code
        assert CYRILLIC.search(text), code


@pytest.mark.parametrize("code", list(BAD_FILES))
def test_a_bad_files_message_is_worded_in_english_and_mongolian(code, store, tmp_path):
    found = [m for m in messages_of(BAD_FILES[code], tmp_path, store) if m["code"] == code]
    assert found
    for item in found:
        with translation.override("en"):
            assert _text(worded(code, item["params"], "fallback")) == item["text"]
        with translation.override("mn"):
            assert _text(worded(code, item["params"], "fallback")) == IMPORT_MESSAGES[code] % item["params"]


def test_parameters_stay_as_they_are_in_mongolian_marked_not_to_translate():
    with translation.override("mn"):
        markup = worded("code", {"choices": "Female, Male, <Unknown>"}, "fallback")
    assert markup == ('дараахын аль нэг: <span translate="no">Female, Male, &lt;Unknown&gt;</span> '
                      "(мэдээлэлгүй бол хоосон)")


def test_a_problem_without_a_known_code_keeps_its_english_text():
    problems = [
        {"row": 1, "column": "gender", "value": "x", "expected": "one of A, B"},  # staged before codes existed
        {"row": 2, "column": "gender", "value": "x", "expected": "one of A, B", "code": "retired", "params": {}},
        {"row": 3, "column": "gender", "value": "x", "expected": "one of A, B", "code": "code", "params": {}},
        {"row": 4, "column": None, "value": None, "expected": None},
    ]
    with translation.override("mn"):
        texts = [_text(p["text"]) for p in problem_rows(problems)]
        notes = note_texts(["read 3 HTCDS field(s); other columns are ignored",
                            {"code": "htcds_fields", "params": {"count": 3}, "text": "read 3 HTCDS field(s)…"}])
    assert texts == ["one of A, B", "one of A, B", "one of A, B", "—"]
    assert [_text(n) for n in notes] == ["read 3 HTCDS field(s); other columns are ignored",
                                         "HTCDS-ийн 3 талбар уншлаа; бусад баганыг тооцохгүй"]


def test_a_withheld_birthdate_is_worded_in_mongolian():
    with translation.override("mn"):
        (row,) = problem_rows([{"row": 2, "column": "prs_Birthdate", "value": WITHHELD, "expected": "…",
                                "code": "birthdate", "params": {}}])
    assert row["value"] == "(нуусан: хувь хүнийг таних талбар)"
    assert _text(row["text"]).startswith("YYYY-MM-DD хэлбэрээр бичсэн огноо")


@pytest.mark.parametrize("code", ["csv_line_break_row", "csv_unclosed_quote_row", "csv_text_after_quote_row",
                                  "csv_cell_too_long"])
def test_a_row_the_csv_module_refuses_is_worded_without_its_english(code, store, tmp_path):
    found = messages_of(BAD_FILES[code], tmp_path, store)
    assert {m["code"] for m in found} >= {code}
    for item in found:
        assert "detail" not in item["params"]
        with translation.override("mn"):
            text = _text(worded(item["code"], item["params"], "fallback"))
        assert not re.search(r"new-line|unquoted|expected after|end of data|field limit", text), text
        assert CYRILLIC.search(text)
