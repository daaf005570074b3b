"""Write a Mongolian ``django.po`` from a Python dict of msgid -> msgstr: ``python scripts/po.py APP``.

Each app keeps its translations in ``src/ctip/APP/translations_mn.py`` (a dict named ``MN``) so they
can be edited as plain Python; this writes ``locale/mn/LC_MESSAGES/django.po`` and the compiled ``.mo``.
"""

import importlib.util
import sys
from pathlib import Path

import polib

root = Path(__file__).resolve().parent.parent / "src" / "ctip"
for app in sys.argv[1:] or [p.parent.name for p in root.glob("*/translations_mn.py")]:
    src = root / app / "translations_mn.py"
    spec = importlib.util.spec_from_file_location(f"tr_{app}", src)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "mn",
                   "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    for msgid, msgstr in module.MN.items():
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    out = root / app / "locale" / "mn" / "LC_MESSAGES"
    out.mkdir(parents=True, exist_ok=True)
    po.save(str(out / "django.po"))
    po.save_as_mofile(str(out / "django.mo"))
    print(f"{app}: {len(module.MN)} Mongolian messages")
