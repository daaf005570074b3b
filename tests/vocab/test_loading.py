"""Data files are validated on load, with errors that name the file, the entry and what was expected."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from ctip.vocab.model import VocabularyError
from ctip.vocab.registry import DATA, Registry


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    for name in ("ctip.yaml",):  # ctip.column must exist for the registry to complete it
        shutil.copy(DATA / name, tmp_path / name)
    return tmp_path


def write(folder: Path, text: str) -> None:
    (folder / "extra.yaml").write_text(textwrap.dedent(text), encoding="utf-8")


def test_the_shipped_files_load():
    registry = Registry()
    assert "htcds.vic_TypeOfExploitation" in registry.schemes


@pytest.mark.parametrize(("text", "message"), [
    ("schemes: [\n", r"extra.yaml: not valid YAML"),
    ("codes: {}\n", r"extra.yaml: top level must hold only 'schemes' and/or 'mappings'"),
    ("schemes:\n  x.y: {title: {en: T}, codes: {a: {en: A}}}\n", r"scheme x.y: 'source' .* is required"),
    ("schemes:\n  x.y: {title: {en: T}, source: s, codes: {}}\n", r"scheme x.y: 'codes' must be a non-empty mapping"),
    ("schemes:\n  x.y: {title: {en: T}, source: s, codes: {a: {mn: А}}}\n", r"scheme x.y, code a: missing or empty 'en' label"),
    ("schemes:\n  x.y: {title: {en: T}, source: s, codes: {a: {en: A, fr: A}}}\n", r"code a: unknown language\(s\) \['fr'\]"),
    ("schemes:\n  x.y: {title: {en: T}, source: s, codes: {1: {en: A}}}\n", r"codes must be strings"),
    ("schemes:\n  x.y: {title: {en: T}, source: s, codes: {a: {en: A}}, aliases: {A1: b}}\n",
     r"alias 'A1': points to unknown code 'b'"),
    ("schemes:\n  x.y: {title: {en: T}, source: s, codes: {a: {en: A}}, colour: red}\n", r"unknown key\(s\) \['colour'\]"),
    ("schemes:\n  ctip.gender: {title: {en: T}, source: s, codes: {a: {en: A}}}\n",
     r"scheme ctip.gender is already defined in ctip.yaml"),
    ("mappings:\n  ctip.gender->ctip.majority: {map: {female: adult}}\n"
     "  ctip.gender->ctip.majority: {map: {male: adult}}\n",
     r"extra.yaml: not valid YAML: .*key 'ctip.gender->ctip.majority' appears twice in one mapping \(lines 2 and 3\)"),
    ("mappings:\n  ctip.gender->ctip.majority: {map: {female: adult, female: minor}}\n",
     r"key 'female' appears twice in one mapping"),
    ("schemes:\n  x.y: {title: {en: T}, source: s, codes: {a: {en: A}}}\n  x.y: {title: {en: T}, source: s, codes: {b: {en: B}}}\n",
     r"key 'x.y' appears twice"),
    ("mappings:\n  a-b: {map: {}}\n", r"mapping a-b: a mapping is named '<source scheme>-><target scheme>'"),
    ("mappings:\n  ctip.gender->nope.x: {map: {female: x}}\n", r"mapping ctip.gender->nope.x: unknown scheme 'nope.x'"),
    ("mappings:\n  ctip.gender->ctip.majority: {map: {woman: adult}}\n",
     r"code 'woman': not a code of ctip.gender; expected one of: female, male"),
    ("mappings:\n  ctip.gender->ctip.majority: {map: {female: old}}\n",
     r"target 'old' is not a code of ctip.majority; expected one of: adult, minor"),
    ("mappings:\n  ctip.gender->ctip.majority: {kind: many, map: {female: adult}}\n", r"expected a list of target codes"),
    ("mappings:\n  ctip.gender->ctip.majority: {kind: some, map: {}}\n", r"'kind' must be 'one' or 'many'"),
])
def test_malformed_files_are_rejected_with_a_clear_error(data_dir, text, message):
    write(data_dir, text)
    with pytest.raises(VocabularyError, match=message):
        Registry(data_dir)


def test_a_mapping_defined_in_two_files_is_rejected(data_dir):
    spec = "mappings:\n  ctip.gender->ctip.majority: {map: {female: adult}}\n"
    (data_dir / "a.yaml").write_text(spec, encoding="utf-8")
    (data_dir / "b.yaml").write_text(spec, encoding="utf-8")
    with pytest.raises(VocabularyError, match=r"b.yaml: mapping ctip.gender->ctip.majority is already defined in a.yaml"):
        Registry(data_dir)
