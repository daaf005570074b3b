"""Fixtures shared by the publishing tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty ``CTIP_HOME`` of the test's own (the report-page tests share one with prepared releases)."""
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    return tmp_path
