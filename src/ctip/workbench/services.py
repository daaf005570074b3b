"""Writes of the OSINT workspace: running a scan on uploaded files, and the access log."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from ctip import config
from ctip.osint.output import write_outputs
from ctip.osint.scan import scan
from ctip.workbench.models import AccessEvent, Scan

NAME_MAX = Scan._meta.get_field("name").max_length

MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # about 50,000 posts: scanned within the request; the CLI takes more


# Why an upload was refused: code -> English wording (the gettext msgid; pages word it in the reader's language).
# Parameters are numbers and form codes, never a file or collection name: those may name people.
REFUSALS: dict[str, str] = {
    "no_organisation": "the account has no organisation",
    "no_file": "no file chosen",
    "too_large": "over the size limit of %(limit)s bytes",
    "name_too_long": "the collection's name is longer than %(max)s characters",
    "form_invalid": "the form was not valid (%(errors)s)",
}


class WorkbenchError(ValueError):
    """An upload the workspace cannot take; the message says why, ``reason`` (a code of ``REFUSALS``) and
    ``params`` say it for the access log."""

    def __init__(self, message: str, reason: str, **params: object) -> None:
        super().__init__(message)
        self.reason, self.params = reason, params


def form_refusal(errors: dict) -> tuple[str, dict]:
    """The refusal of an upload form's errors (``form.errors.as_data()``): a code of ``REFUSALS`` and its
    parameters (field names and error codes only, no values)."""
    codes = {name: [e.code or "invalid" for e in found] for name, found in errors.items()}
    if "required" in codes.get("files", []):
        return "no_file", {}
    if codes == {"name": ["max_length"]}:
        return "name_too_long", {"max": NAME_MAX}
    return "form_invalid", {"errors": ", ".join(f"{name}: {'/'.join(c)}" for name, c in codes.items()) or "—"}


def upload_refused(*, user, reason: str, params: dict | None = None, files: list | None = None) -> None:
    """Log a refused upload: why (a code of ``REFUSALS`` and its parameters), and how many files of how many
    bytes (no names: they may name people)."""
    sizes = [f.size for f in files or []]
    params = params or {}
    access_log(user=user, action=AccessEvent.Action.UPLOAD_REFUSED,
               target=f"{REFUSALS[reason] % params}; {len(sizes)} file(s), {sum(sizes)} bytes",
               detail={"reason": reason, "params": params, "files": len(sizes), "bytes": sum(sizes)})


def scan_folder(scan_id) -> Path:
    """Where one scan's inputs and outputs live: ``osint_dir()/scans/<id>/``."""
    return config.osint_dir() / "scans" / str(scan_id)


def _safe_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^\w.\-]+", "_", Path(name).name).lstrip(".") or "upload"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{n}_{base}"
    taken.add(candidate)
    return candidate


def access_log(*, user, action: str, scan: Scan | None = None, target: str = "", detail: dict | None = None) -> None:
    """Record that ``user`` did ``action`` (on ``scan``/``target``; ``detail``: a refused upload's reason)."""
    AccessEvent.objects.create(user=user, action=action, scan=scan, target=target[:200], detail=detail or {})


def scan_create(*, user, name: str, files: list) -> Scan:
    """Store the uploaded files, scan them, write the outputs and record the scan (and its upload)."""
    if not files:
        raise WorkbenchError(_("Choose at least one file."), "no_file")
    if sum(f.size for f in files) > MAX_UPLOAD_BYTES:
        raise WorkbenchError(_("Uploads are limited to %(mb)d MB; scan larger collections with the "
                               "'ctip osint scan' command.") % {"mb": MAX_UPLOAD_BYTES // (1024 * 1024)},
                             "too_large", limit=MAX_UPLOAD_BYTES)
    record = Scan(name=name.strip() or files[0].name, organisation=user.organisation, created_by=user)
    folder = scan_folder(record.id)
    inputs = folder / "input"
    inputs.mkdir(parents=True)
    try:
        taken: set[str] = set()
        received_as: dict[str, str] = {}  # stored name -> name as uploaded, where they differ
        for upload in files:
            stored = _safe_name(upload.name, taken)
            if stored != upload.name:
                received_as[stored] = upload.name
            with (inputs / stored).open("wb") as fh:
                for chunk in upload.chunks():
                    fh.write(chunk)
        result = scan(inputs)
        for record_of_file in result.custody:
            record_of_file.received_as = received_as.get(record_of_file.path, "")
        summary = write_outputs(result, folder / "output")
        with transaction.atomic():
            record.posts, record.flagged, record.clusters = summary["posts"], summary["flagged"], summary["clusters"]
            record.files_read, record.files_skipped = summary["files_read"], len(summary["files_skipped"])
            record.summary = summary
            record.full_clean()
            record.save()
            access_log(user=user, action=AccessEvent.Action.UPLOAD, scan=record, target=record.name)
    except Exception:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return record
