"""The message catalogue: every kind is given by a real bad file, in English, with its code and parameters."""

from __future__ import annotations

import json

import pytest

from ctip.dataset.store import Dataset
from ctip.exchange import readers
from ctip.exchange.messages import CATALOGUE, message, placeholders
from tests.exchange.bad_files import BAD_FILES, messages_of


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return Dataset(tmp_path_factory.mktemp("store") / "dataset.duckdb")


def test_every_message_kind_has_a_bad_file():
    assert set(BAD_FILES) == set(CATALOGUE)


@pytest.mark.parametrize("code", list(BAD_FILES))
def test_a_bad_file_gives_its_message_in_english_with_code_and_params(code, store, tmp_path):
    found = [m for m in messages_of(BAD_FILES[code], tmp_path, store) if m["code"] == code]
    assert found, f"no {code!r} message from its bad file"
    for item in found:
        assert set(item["params"]) == placeholders(code)
        assert item["text"] == message(code, **item["params"]).text


def test_unknown_code_problem_names_the_file_spellings_as_data(store, tmp_path):
    (item,) = [m for m in messages_of(BAD_FILES["code"], tmp_path, store) if m["code"] == "code"]
    assert item["params"] == {"choices": "Female, Male, Transgender/NonConforming, Unknown"}
    assert item["text"] == "one of Female, Male, Transgender/NonConforming, Unknown (or empty for missing)"


def test_the_problems_frame_keeps_code_and_params_as_json(tmp_path):
    parsed = readers.parse(BAD_FILES["year"].make(tmp_path))
    (problem,) = parsed.problems.to_dicts()
    assert problem["row"] == 2 and problem["column"] == "ctip_YearOfRegistration" and problem["value"] == "20017"
    assert problem["code"] == "year" and json.loads(problem["params"])["first"] == 1990
    assert problem["expected"].startswith("a year between 1990 and ")


def test_a_message_takes_exactly_its_parameters():
    with pytest.raises(ValueError, match="takes first, last"):
        message("year", first=1990)
    with pytest.raises(ValueError, match="unknown message kind"):
        message("no-such-kind")
