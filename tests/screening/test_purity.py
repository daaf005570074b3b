"""The screening engine is a pure core: no Django, runnable examples in its docstrings."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

import ctip.screening
import ctip.screening.interview
import ctip.screening.rules


@pytest.mark.parametrize("module", [ctip.screening, ctip.screening.interview, ctip.screening.rules])
def test_docstring_examples_run(module):
    result = doctest.testmod(module)
    assert result.attempted and not result.failed


def test_screening_imports_no_django():
    code = ("import sys; from ctip import screening; "
            "screening.assess(screening.Interview.from_dict({'acts': ['receipt']})); print('django' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
