"""Compile every ``locale/*/LC_MESSAGES/django.po`` under src/ctip into its ``.mo`` (no GNU gettext needed)."""

from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent / "src" / "ctip"
for po_path in sorted(root.rglob("locale/*/LC_MESSAGES/*.po")):
    po = polib.pofile(str(po_path))
    po.save_as_mofile(str(po_path.with_suffix(".mo")))
    print(f"compiled {po_path.relative_to(root.parent.parent)} ({len(po.translated_entries())} messages)")
