"""Uploaded files waiting for their owner to commit them: one private folder per upload under CTIP_HOME.

An upload may contain identifiers (an HTCDS sheet with names), so the staged copy lives only until it
is committed or discarded, is readable only by ctip (mode 0700), and is removed after a day at most.
"""

from __future__ import annotations

import json
import re
import secrets
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ctip import config

MAX_AGE_S = 24 * 3600
MAX_UPLOAD_BYTES = 2 * 2**30  # far above a 1,000,000-row CTDC file (about 150 MB)


class UploadTooLarge(ValueError):
    """The upload is larger than ``MAX_UPLOAD_BYTES``; nothing is kept."""
TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,64}$")


@dataclass(frozen=True)
class Staged:
    """An upload waiting for commit: its token, private folder and metadata (file name, owner, report)."""

    token: str
    folder: Path
    meta: dict

    @property
    def path(self) -> Path:
        """The uploaded file inside the folder."""
        return self.folder / self.meta["filename"]


def _root() -> Path:
    root = config.home() / "uploads"
    root.mkdir(parents=True, exist_ok=True)
    root.chmod(0o700)
    return root


def stage_upload(uploaded, *, user_id: int) -> Staged:
    """Save a Django ``UploadedFile`` in a fresh private folder.

    Raises :class:`UploadTooLarge` (and keeps nothing) when it exceeds ``MAX_UPLOAD_BYTES``.
    """
    purge_old()
    if uploaded.size is not None and uploaded.size > MAX_UPLOAD_BYTES:
        raise UploadTooLarge(_too_large(uploaded.size))
    token = secrets.token_urlsafe(24)
    folder = _root() / token
    folder.mkdir(mode=0o700)
    filename = _safe_name(uploaded.name)
    written = 0
    with open(folder / filename, "wb") as fh:
        for chunk in uploaded.chunks():
            written += len(chunk)
            if written > MAX_UPLOAD_BYTES:  # the declared size may lie
                fh.close()
                shutil.rmtree(folder, ignore_errors=True)
                raise UploadTooLarge(_too_large(written))
            fh.write(chunk)
    meta = {"filename": filename, "user_id": user_id, "created": time.time()}
    (folder / "meta.json").write_text(json.dumps(meta))
    return Staged(token, folder, meta)


def _safe_name(name: str | None) -> str:
    """The upload's own file name when it is a plain one (shown in reports and kept as the batch's
    source name), else ``upload``: no folders, no control characters, at most 200 bytes."""
    filename = Path((name or "").replace("\\", "/")).name
    plain = filename not in ("", ".", "..", "meta.json") and filename.isprintable()
    return filename if plain and len(filename.encode("utf-8")) <= 200 else "upload"


def _too_large(size: int) -> str:
    return (f"the file is larger than {MAX_UPLOAD_BYTES // 2**20} MiB (at least {size // 2**20} MiB); "
            "split it and upload the parts")


def save_meta(staged: Staged) -> None:
    """Write the metadata back beside the file."""
    (staged.folder / "meta.json").write_text(json.dumps(staged.meta))


def load_staged(token: str, *, user_id: int) -> Staged | None:
    """The upload, if it exists and belongs to this user (anything else looks the same: not found)."""
    if not TOKEN.match(token):
        return None
    folder = _root() / token
    try:
        meta = json.loads((folder / "meta.json").read_text())
    except (OSError, ValueError):
        return None
    if meta.get("user_id") != user_id:
        return None
    return Staged(token, folder, meta)


def discard(staged: Staged) -> None:
    """Delete the staged file and its folder."""
    shutil.rmtree(staged.folder, ignore_errors=True)


def purge_old(now: float | None = None) -> None:
    """Delete staged uploads older than ``MAX_AGE_S`` (they may hold identifiers)."""
    now = now or time.time()
    for folder in _root().iterdir():
        if folder.is_dir() and now - folder.stat().st_mtime > MAX_AGE_S:
            shutil.rmtree(folder, ignore_errors=True)
