"""Releases on disk: one folder per release under ``config.releases_dir()`` (the public contract).

A folder holds ``manifest.json``, ``records.csv`` (microdata, CTDC v2024; absent for aggregate-only
releases), ``aggregates.csv``, ``README.md``, ``report.html`` and ``report.json``. A release is public
only once ``published_at`` is set, which ``publish_release`` does after a supervisor's approval.

Writing a release is race-free: ``claim_release`` takes the id with one ``os.mkdir`` (which fails when the
folder exists, so of two writers of one id exactly one gets it), the files are written into a hidden staging
folder beside it, and ``commit_release`` renames the staging folder onto the claimed (empty) one in one step.
Until then the id's folder holds no ``manifest.json``, so it is never listed nor loaded as a release.

A writer killed between the claim and the rename (power cut, ``kill -9``, out of memory) leaves the empty
claimed folder and its staging folder. Such an id is *incomplete* once nothing has been written to it for
``STALE_AFTER`` (a release of 250,000 records takes about a minute at most, so ten minutes never catches
a writer still at work): ``incomplete_releases`` lists it and ``remove_incomplete`` removes the claim and
its staging, giving the id back. Younger claims are *being written* (``releases_being_written``, ``id_state``).
"""

from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from pathlib import Path

from ctip import config
from ctip.disclosure.errors import DisclosureError

RELEASE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
# a claim without a manifest, untouched for this long, belongs to a writer that stopped (see the docstring)
STALE_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class ReleaseInfo:
    """A release's manifest plus where it lives."""

    id: str
    method: str
    parameters: dict
    epsilon: float | None
    delta: float | None
    seed: int | None
    created_at: str
    dataset_version: str
    approved_by: str | None
    approved_at: str | None
    published_at: str | None
    path: Path

    @property
    def is_published(self) -> bool:
        return bool(self.published_at)

    def file(self, name: str) -> Path | None:
        """One of the release's files, or None when the release has none by that name."""
        path = self.path / name
        return path if path.is_file() else None

    def report(self) -> dict:
        path = self.file("report.json")
        return json.loads(path.read_text(encoding="utf-8")) if path else {}


class ReleaseExists(DisclosureError):
    """A release (or one being written) already has this id."""

    def __init__(self, release_id: str) -> None:
        super().__init__(f"release {release_id!r} exists already; choose another id")
        self.release_id = release_id


def check_release_id(release_id: str) -> str:
    """``release_id`` if it is a safe folder name (no path separator, no leading dot); else ``DisclosureError``."""
    if not RELEASE_ID.match(release_id or ""):
        raise DisclosureError(f"release id {release_id!r} must be 1-64 characters of a-z, 0-9, '.', '_', '-' "
                              "starting with a letter or digit (it names the folder under releases/)")
    return release_id


def release_id_taken(release_id: str, root: Path | None = None) -> bool:
    """Whether the id names a release, or one being written (claimed, not yet committed)."""
    return ((root or config.releases_dir()) / check_release_id(release_id)).exists()


def claim_release(release_id: str, root: Path | None = None) -> Path:
    """Take ``release_id`` for a release about to be written: its folder, created empty by one ``os.mkdir``.

    ``ReleaseExists`` when the folder exists (a release, or a claim by a concurrent writer). The claim is
    not a release (no ``manifest.json``); ``commit_release`` fills it, ``drop_claim`` gives it up."""
    path = (root or config.releases_dir()) / check_release_id(release_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.mkdir(path)
    except FileExistsError:
        raise ReleaseExists(release_id) from None
    return path


def commit_release(staging: Path, claimed: Path) -> None:
    """Make the written files the release, in one step: rename the staging folder (beside ``claimed``, on the
    same file system) onto the claimed empty folder. POSIX ``rename`` replaces an empty folder atomically, so
    readers see either no release or the whole one; a claimed folder that is not empty makes it fail."""
    os.rename(staging, claimed)


def drop_claim(claimed: Path) -> None:
    """Give up a claim after a failed write (only while the folder is still empty: never a release)."""
    try:
        os.rmdir(claimed)
    except OSError:
        pass


@dataclass(frozen=True)
class IncompleteRelease:
    """An id claimed by a writer that never finished: its empty folder and the staging folders left beside it.

    ``last_written`` is the newest modification time of the claim and its staging (UTC)."""

    id: str
    path: Path
    last_written: datetime
    staging: tuple[Path, ...]


class NotIncomplete(DisclosureError):
    """``remove_incomplete`` was asked for an id that is a release, is being written now, or is not there."""

    def __init__(self, release_id: str, older_than: timedelta) -> None:
        minutes = f"{older_than.total_seconds() / 60:g}"
        super().__init__(f"{release_id!r} is not an incomplete release untouched for {minutes} minutes (it is a "
                         "release, one being written now, or nothing); nothing removed")
        self.release_id = release_id


def _staging_of(root: Path, release_id: str) -> list[Path]:
    """The hidden staging folders of ``release_id`` (``.<id>.<random>``, the random part has no dot)."""
    prefix = f".{release_id}."
    return [p for p in root.iterdir() if p.name.startswith(prefix) and "." not in p.name[len(prefix):]
            and p.is_dir()] if root.exists() else []


def _unfinished(root: Path) -> list[IncompleteRelease]:
    """Every claimed id without a manifest (incomplete or being written), oldest activity first."""
    if not root.exists():
        return []
    found = []
    for path in root.iterdir():
        if not (RELEASE_ID.match(path.name) and path.is_dir()) or (path / "manifest.json").exists():
            continue
        staging = tuple(_staging_of(root, path.name))
        try:
            newest = max(p.stat().st_mtime for p in (path, *staging))
        except FileNotFoundError:  # its writer committed or gave it up meanwhile
            continue
        found.append(IncompleteRelease(path.name, path, datetime.fromtimestamp(newest, UTC), staging))
    return sorted(found, key=lambda r: (r.last_written, r.id))


def incomplete_releases(root: Path | None = None, *, older_than: timedelta = STALE_AFTER,
                        now: datetime | None = None) -> list[IncompleteRelease]:
    """Ids whose writer stopped: claimed, no manifest, nothing written for ``older_than``; oldest first."""
    now = now or datetime.now(UTC)
    return [r for r in _unfinished(root or config.releases_dir()) if now - r.last_written >= older_than]


def releases_being_written(root: Path | None = None, *, older_than: timedelta = STALE_AFTER) -> list[str]:
    """Ids claimed by a writer at work (no manifest yet, written to within ``older_than``)."""
    now = datetime.now(UTC)
    return [r.id for r in _unfinished(root or config.releases_dir()) if now - r.last_written < older_than]


def id_state(release_id: str, root: Path | None = None, *, older_than: timedelta = STALE_AFTER) -> str | None:
    """What holds ``release_id``: ``"release"``, ``"writing"`` (a writer at work), ``"incomplete"`` (its
    writer stopped ``older_than`` ago or more), or None when the id is free."""
    root = root or config.releases_dir()
    path = root / check_release_id(release_id)
    if not path.exists():
        return None
    if (path / "manifest.json").exists():
        return "release"
    unfinished = next((r for r in _unfinished(root) if r.id == release_id), None)
    if unfinished is None:  # committed or given up while we looked (or not a folder: taken all the same)
        return "release" if (path / "manifest.json").exists() else ("writing" if path.exists() else None)
    return "incomplete" if datetime.now(UTC) - unfinished.last_written >= older_than else "writing"


def remove_incomplete(release_id: str, root: Path | None = None, *, older_than: timedelta = STALE_AFTER,
                      now: datetime | None = None) -> IncompleteRelease:
    """Remove an incomplete release's staging folders then its claim, giving the id back.

    ``NotIncomplete`` unless ``release_id`` is incomplete for ``older_than``. The staging goes first: a writer
    that was only slow then fails to commit (its rename finds nothing) instead of being committed into a
    folder removed under it; the claim is removed only while it holds no manifest."""
    root = root or config.releases_dir()
    found = next((r for r in incomplete_releases(root, older_than=older_than, now=now) if r.id == release_id), None)
    if found is None:
        raise NotIncomplete(release_id, older_than)
    for staging in found.staging:
        shutil.rmtree(staging, ignore_errors=True)
    try:
        os.rmdir(found.path)
    except FileNotFoundError:
        pass
    except OSError:  # not empty: files put there by hand, never a release
        if (found.path / "manifest.json").exists():
            raise NotIncomplete(release_id, older_than) from None
        shutil.rmtree(found.path)
    return found


def _info(path: Path) -> ReleaseInfo:
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    names = {f.name for f in fields(ReleaseInfo)} - {"path"}
    return ReleaseInfo(**{n: manifest.get(n) for n in names}, path=path)


def list_releases(root: Path | None = None) -> list[ReleaseInfo]:
    """Every release, newest first (folders being written, ``.<id>.*`` staging folders, are not releases)."""
    root = root or config.releases_dir()
    found = ([_info(p) for p in root.iterdir() if RELEASE_ID.match(p.name) and (p / "manifest.json").is_file()]
             if root.exists() else [])
    return sorted(found, key=lambda r: (r.created_at or "", r.id), reverse=True)


def load_release(release_id: str, root: Path | None = None) -> ReleaseInfo:
    """The release ``release_id``; ``DisclosureError`` if there is none."""
    path = (root or config.releases_dir()) / check_release_id(release_id)
    if not (path / "manifest.json").is_file():
        raise DisclosureError(f"no release {release_id!r}")
    return _info(path)


def published_releases(root: Path | None = None) -> list[ReleaseInfo]:
    """Releases approved and published, newest publication first."""
    return sorted((r for r in list_releases(root) if r.is_published), key=lambda r: r.published_at or "",
                  reverse=True)


def latest_published(root: Path | None = None) -> ReleaseInfo | None:
    """The most recently published release (what the public dashboard shows), or None."""
    found = published_releases(root)
    return found[0] if found else None


def publish_release(release_id: str, *, approved_by: str, root: Path | None = None) -> ReleaseInfo:
    """Record a supervisor's approval and publish: sets approved_by, approved_at and published_at."""
    info = load_release(release_id, root)
    if info.is_published:
        return info
    path = info.path / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    now = datetime.now(UTC).isoformat(timespec="seconds")
    manifest.update(approved_by=approved_by, approved_at=now, published_at=now)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)
    return _info(info.path)
