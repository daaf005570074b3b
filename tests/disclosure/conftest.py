"""Fixtures shared by the release tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def home(tmp_path, monkeypatch):
    """An empty ``CTIP_HOME`` of the test's own."""
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    return tmp_path
