"""Where ctip keeps what it writes: everything lives under ``CTIP_HOME`` (default ``./var``).

Pure module: no Django. Each path helper creates its folder on first use.
"""

from __future__ import annotations

import os
from pathlib import Path


def home() -> Path:
    """The product's data folder: ``$CTIP_HOME`` or ``./var``."""
    path = Path(os.environ.get("CTIP_HOME", "var")).resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _sub(name: str) -> Path:
    path = home() / name
    path.mkdir(parents=True, exist_ok=True)
    return path


def keys_dir() -> Path:
    """Secret key, field-encryption keys and hashing keys (mode 0700)."""
    path = _sub("keys")
    path.chmod(0o700)
    return path


def releases_dir() -> Path:
    """Public releases produced by disclosure control, one folder each."""
    return _sub("releases")


def dataset_path() -> Path:
    """The collaborative dataset (DuckDB file), unless ``CTIP_DATASET`` names another."""
    override = os.environ.get("CTIP_DATASET")
    return Path(override).resolve() if override else home() / "dataset.duckdb"


def sqlite_path() -> Path:
    """The embedded case store used when ``DATABASE_URL`` is not set."""
    return home() / "ctip.sqlite3"


def osint_dir() -> Path:
    """OSINT workspaces, kept apart from case data."""
    return _sub("osint")
