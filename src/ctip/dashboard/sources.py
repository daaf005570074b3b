"""Where each dashboard's figures come from, and what keeps chart requests fast.

- The internal dashboard reads the collaborative dataset through the store's read-only connection
  (``ctip.dataset.store.Dataset.connect``: a view over the active batches' Parquet files). Readers
  lock nothing, so an open reader never blocks an import; when the catalog file changes (the store
  renames a new catalog over the old one on every write), the reader is reopened.
- The public dashboard reads only the latest *published* release (``ctip.disclosure.registry``):
  its CTDC v2024 ``records.csv``, harmonised by ``ctip.exchange.ctdc.read_ctdc2024``, or, for a
  release of protected counts only, its ``aggregates.csv`` (:class:`ctip.stats.tables.ReleaseTables`:
  no filters). It never opens the collaborative dataset.

Each source has a *version* (the catalog file's inode, size and modification time; the release's
folder and publication time). One reader per kind of source stays open for the current version
(opening costs more than most queries), queries on it are serialised by a lock, and chart results
are cached per version, chart, filters and language.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import polars as pl

from ctip import config
from ctip.stats import Indicators
from ctip.stats.tables import ReleaseTables

CACHE_SIZE = 1024
_cache: OrderedDict[tuple, Any] = OrderedDict()
_cache_lock = threading.Lock()
_reader_lock = threading.RLock()
_readers: dict[str, tuple[str, Indicators | ReleaseTables]] = {}  # kind -> (version, open reader)


@dataclass(frozen=True)
class Source:
    """A dataset to draw charts from: ``version`` keys the cache, ``open`` builds a reader."""

    kind: str  # "internal" | "public"
    version: str
    open: Callable[[], Indicators | ReleaseTables]
    empty: bool
    release_id: str | None = None
    filterable: bool = True  # False for a release's tables, which cannot be filtered further
    release: Any = None  # the public side's ``ReleaseInfo`` (its folder, for "About this data" and downloads)

    @contextmanager
    def indicators(self) -> Iterator[Indicators | ReleaseTables]:
        """The open reader for this version (reopened when the version changed), used under a lock."""
        with _reader_lock:
            current = _readers.get(self.kind)
            if current is None or current[0] != self.version:
                if current is not None:
                    current[1].close()
                _readers[self.kind] = (self.version, self.open())
            yield _readers[self.kind][1]


def cached(key: tuple, compute: Callable[[], Any]) -> Any:
    """The cached value for ``key``, computing and storing it on a miss (LRU, thread-safe)."""
    with _cache_lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    value = compute()
    with _cache_lock:
        _cache[key] = value
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return value


def clear_cache() -> None:
    """Forget cached results (tests, benchmarks)."""
    with _cache_lock:
        _cache.clear()


def close_readers() -> None:
    """Close the open readers; the next request reopens them (tests, benchmarks)."""
    with _reader_lock:
        for _, reader in _readers.values():
            reader.close()
        _readers.clear()


def internal_source() -> Source:
    """The collaborative dataset, or an empty table when nothing has been imported yet."""
    path = config.dataset_path()
    if not path.exists():
        return Source("internal", "empty", lambda: Indicators.from_frame(pl.DataFrame()), empty=True)
    stat = path.stat()
    version = f"{path}|{stat.st_ino}|{stat.st_size}|{stat.st_mtime_ns}"
    return Source("internal", version, lambda: Indicators.from_dataset(path), empty=False)


def _release_reader(release) -> Indicators | ReleaseTables:
    from ctip.exchange.ctdc import read_ctdc2024

    records = release.file("records.csv")
    if records:
        return Indicators.from_frame(read_ctdc2024(records))
    return ReleaseTables.from_csv(release.file("aggregates.csv"))


def public_source() -> Source | None:
    """The latest published release, or None while nothing is published."""
    from ctip.disclosure.registry import latest_published

    release = latest_published()
    if release is None:
        return None
    microdata = release.file("records.csv") is not None
    return Source("public", f"release:{release.path}:{release.published_at}", lambda: _release_reader(release),
                  empty=not microdata and release.file("aggregates.csv") is None, release_id=release.id,
                  filterable=microdata, release=release)
