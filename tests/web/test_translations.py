"""Every Mongolian catalogue is compiled from its source and complete."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2] / "src" / "ctip"
CATALOGUES = sorted(ROOT.rglob("locale/mn/LC_MESSAGES/django.po"))


def test_there_are_catalogues():
    assert CATALOGUES


@pytest.mark.parametrize("po_path", CATALOGUES, ids=lambda p: p.parts[-5])
def test_mo_matches_po(po_path):
    po = polib.pofile(str(po_path))
    mo = polib.mofile(str(po_path.with_suffix(".mo")))
    assert {e.msgid: e.msgstr for e in po if e.msgstr} == {e.msgid: e.msgstr for e in mo if e.msgid}, (
        f"{po_path} changed since it was compiled: run 'python scripts/po.py'"
    )
    assert not po.untranslated_entries(), f"untranslated in {po_path}"
