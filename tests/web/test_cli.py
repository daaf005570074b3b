"""The one ``ctip`` command."""

from __future__ import annotations

import subprocess
import sys

from ctip import __version__
from ctip.cli import COMMANDS, main


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"ctip {__version__}"


def test_help_lists_every_command(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in COMMANDS:
        assert f"  {name} " in out


def test_unknown_command_is_a_usage_error(capsys):
    assert main(["frobnicate"]) == 2
    assert "unknown command 'frobnicate'" in capsys.readouterr().err


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "ctip", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("ctip ")


def test_every_command_module_imports_and_has_help():
    for name in COMMANDS:
        result = subprocess.run([sys.executable, "-m", "ctip", name, "--help"], capture_output=True, text=True)
        assert result.returncode == 0, f"ctip {name} --help failed: {result.stderr[-500:]}"
