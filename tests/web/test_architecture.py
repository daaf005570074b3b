"""The house rules of docs/architecture.md that code can check."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import ctip

PURE_CORES = ["vocab", "screening", "exchange", "dataset", "stats", "disclosure", "osint"]


@pytest.mark.parametrize("core", PURE_CORES)
def test_pure_core_imports_no_django(core):
    package = __import__(f"ctip.{core}", fromlist=["_"])
    modules = [f"ctip.{core}"] + [
        f"ctip.{core}.{m.name}" for m in pkgutil.walk_packages(package.__path__) if not m.name.startswith("_")
    ]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "leaked = sorted(m for m in sys.modules if m == 'django' or m.startswith('django.'))\n"
        "print(','.join(leaked))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"ctip.{core} imports Django: {out.stdout.strip()[:200]}"


def test_every_package_is_a_known_part():
    parts = {m.name for m in pkgutil.iter_modules(ctip.__path__)}
    django_apps = {"web", "accounts", "cases", "datahub", "dashboard", "publishing", "workbench"}
    operations = {"backup"}  # uses Django from outside the web process (the CLI), not a Django app
    assert parts <= set(PURE_CORES) | django_apps | operations | {"cli", "config", "__main__"}, parts


def test_no_template_comment_spans_lines():
    """Django's ``{# … #}`` ends at the line's end: a note written over two lines is shown to every reader
    (base.html once showed one on every page). Longer notes go in ``{% comment %}``."""
    from pathlib import Path

    root = Path(ctip.__file__).parent
    open_comments = [f"{path.relative_to(root)}:{number}"
                     for path in sorted(root.glob("*/templates/**/*.html"))
                     for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                     if line.count("{#") > line.count("#}")]
    assert not open_comments, f"a {{# comment #}} left open at the end of the line: {open_comments}"
