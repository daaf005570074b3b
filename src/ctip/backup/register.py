"""The erasure register: one line per anonymised or deleted case, outside the database and outside every backup.

A restored backup brings back values erased after it was taken. The register remembers those erasures
so that ``ctip restore`` can apply them again. It lives beside the keys (``keys_dir()/erasures.log``,
or the file ``CTIP_ERASURE_REGISTER`` names), which backups never contain, and holds no value: a line is
``<UTC time>\\t<case public id>\\t<reason code>``. Anonymisation appends its line inside the erasure's
transaction, before the commit: if the line cannot be written, the erasure fails and nothing is erased.

Pure module: no Django.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ctip import config

SETTING = "CTIP_ERASURE_REGISTER"
DELETED = "deleted"  # the reason code of a case deleted outright (not anonymised): a restore deletes it again
FILE_NAME = "erasures.log"
_replaying: contextvars.ContextVar[bool] = contextvars.ContextVar("erasure_replay", default=False)


class RegisterError(OSError):
    """The register cannot be written or read; the message names the file and what to do."""


@dataclass(frozen=True)
class Erasure:
    """One line of the register."""

    at: dt.datetime
    case_id: str
    reason: str


def register_path() -> Path:
    """``$CTIP_ERASURE_REGISTER``, else ``erasures.log`` in the keys folder."""
    override = os.environ.get(SETTING)
    return Path(override).resolve() if override else config.keys_dir() / FILE_NAME


def record_erasure(case_id: str, reason: str, *, at: dt.datetime | None = None) -> None:
    """Append the erasure of ``case_id`` and fsync it; raise ``RegisterError`` if that fails.

    Does nothing while ``replaying()``: re-erasing a restored case repeats an erasure already listed.
    """
    if _replaying.get():
        return
    for text, name in ((case_id, "case id"), (reason, "reason")):
        if not text or any(ch in text for ch in "\t\r\n"):
            raise ValueError(f"erasure register: {name} {text!r} must be non-empty, without tabs or line breaks")
    at = (at or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    line = f"{at:%Y-%m-%dT%H:%M:%SZ}\t{case_id}\t{reason}\n".encode()
    path = register_path()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
    except OSError as exc:
        raise RegisterError(f"cannot append to the erasure register {path} ({exc.strerror or exc}): the erasure "
                            f"was not made. Make the file writable by ctip, or set {SETTING} to a file it can "
                            "write (beside the keys, never inside CTIP_HOME's backed-up folders)") from exc


def read_register() -> list[Erasure]:
    """Every erasure listed, oldest first; an absent register lists none. A malformed line is an error
    naming the file and the line, since skipping it could leave an erased case restored."""
    path = register_path()
    if not path.exists():
        return []
    erasures = []
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise RegisterError(f"cannot read the erasure register {path}: {exc.strerror or exc}") from exc
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        parts = line.split("\t")
        try:
            if len(parts) != 3 or not parts[1] or not parts[2]:
                raise ValueError("expected three tab-separated fields")
            at = dt.datetime.strptime(parts[0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
        except ValueError as exc:
            raise RegisterError(f"{path}, line {number}: {line!r} is not '<UTC time>\\t<case id>\\t<reason>' "
                                f"({exc})") from None
        erasures.append(Erasure(at, parts[1], parts[2]))
    return erasures


@contextlib.contextmanager
def replaying() -> Iterator[None]:
    """While re-applying listed erasures after a restore, anonymisation does not list them a second time."""
    token = _replaying.set(True)
    try:
        yield
    finally:
        _replaying.reset(token)
