"""Fixtures shared by the dashboard tests."""

from __future__ import annotations

import pytest

from ctip.dashboard import sources


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A fresh CTIP_HOME, with the dashboards' cached results and open readers forgotten before and after."""
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    monkeypatch.delenv("CTIP_DATASET", raising=False)
    sources.clear_cache()
    sources.close_readers()
    yield tmp_path
    sources.clear_cache()
    sources.close_readers()
