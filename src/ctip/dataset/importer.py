"""``Dataset.import_file``: detect, read, validate, then write one batch (or explain why not)."""

from __future__ import annotations

import csv
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl

from ctip.dataset.report import MAX_ERRORS, ImportReport
from ctip.dataset.store import Dataset, file_sha256, new_batch_id
from ctip.exchange import readers
from ctip.exchange.errors import ExchangeError, InvalidFile, cell_error, problem_dicts
from ctip.exchange.messages import Message, listed, message
from ctip.exchange.parsed import Parsed
from ctip.exchange.safe_csv import neutralise_cell

PREVIEW_ROWS = 10
CONTRIBUTOR = re.compile(r"^[^\x00-\x1f\x7f]{1,80}$")
# Publications of the CTDC itself: the contributor is known from the format.
DEFAULT_CONTRIBUTOR = {"ctdc2017": "CTDC", "ctdc2024": "CTDC"}


def import_file(store: Dataset, path: Path, *, fmt: str | None, contributor: str | None, dry_run: bool,
                skip_invalid: bool) -> ImportReport:
    """See :meth:`Dataset.import_file`. Raises ``FileNotFoundError`` / ``ValueError`` for bad arguments."""
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such file")
    if fmt is not None:
        fmt = readers.canonical_format(fmt)
    with ThreadPoolExecutor(max_workers=1) as pool:  # hash while parsing: both mostly release the GIL
        hashing = pool.submit(file_sha256, path)
        try:
            parsed: Parsed | InvalidFile = readers.parse(path, fmt)
        except InvalidFile as exc:
            parsed = exc
        sha = hashing.result()
    duplicate = store.find_duplicate(sha)
    if duplicate:
        return ImportReport("duplicate", fmt, path.name, sha, contributor, duplicate_of_batch=duplicate)
    if isinstance(parsed, InvalidFile):
        why = Message(parsed.code, parsed.params)
        errors = parsed.errors or [cell_error(None, None, None, why)]
        return ImportReport("invalid", fmt, path.name, sha, contributor, errors=errors[:MAX_ERRORS],
                            error_count=len(errors), message=str(parsed), message_code=why.code,
                            message_params=dict(why.params), rejected=len({e["row"] for e in errors if e["row"]}))
    if parsed.rows_read == 0 and not parsed.file_level_problems():
        empty = message("no_rows", file=path.name)
        return ImportReport("invalid", parsed.format, path.name, sha, contributor, message=empty.text,
                            message_code=empty.code, message_params=dict(empty.params),
                            errors=[cell_error(None, None, None, empty)], error_count=1)
    contributor = check_contributor(contributor) or DEFAULT_CONTRIBUTOR.get(parsed.format)
    if not contributor:
        raise ExchangeError(message("contributor_missing", format=parsed.format))
    problems = parsed.problems
    errors = problem_dicts(problems.head(MAX_ERRORS))
    bad_rows = parsed.rejected_rows
    report = ImportReport("dry_run", parsed.format, path.name, sha, contributor, rows_read=parsed.rows_read,
                          rejected=len(bad_rows), errors=errors, error_count=problems.height, notes=parsed.notes,
                          preview=parsed.frame.head(PREVIEW_ROWS).to_dicts())
    if parsed.file_level_problems() or (problems.height and not skip_invalid):
        report.status = "rejected"
        if parsed.file_level_problems():
            header = _header_message(path.name, parsed.format, problems.filter(pl.col("row").is_null()))
            report.message, report.message_code, report.message_params = header.text, header.code, dict(header.params)
        return report
    valid = parsed.frame.filter(~pl.col("source_row").is_in(list(bad_rows))) if bad_rows else parsed.frame
    report.imported = valid.height
    same = store.find_same_records(valid)
    if same:
        return ImportReport("duplicate", parsed.format, path.name, sha, contributor, rows_read=parsed.rows_read,
                            duplicate_of_batch=same, duplicate_records=True)
    if dry_run:
        return report
    batch_id = new_batch_id()
    rejections = _write_rejections(store, batch_id, path.name, problems) if bad_rows else None
    try:
        written = store.import_frame(valid, contributor=contributor, source_format=parsed.format,
                                     source_sha256=sha, source_name=path.name, rows_read=parsed.rows_read,
                                     rejected=len(bad_rows), batch_id=batch_id)
    except BaseException:  # no batch: no reasons file naming one
        if rejections:
            rejections.unlink(missing_ok=True)
        raise
    if written.status == "duplicate":  # another import of the same file or records won the race
        if rejections:
            rejections.unlink(missing_ok=True)
        report.status, report.duplicate_of_batch, report.imported = "duplicate", written.duplicate_of_batch, 0
        report.duplicate_records = store.find_duplicate(sha) is None
        return report
    report.status, report.batch = "imported", batch_id
    report.rejected_path = str(rejections) if rejections else None
    return report


def check_contributor(name: str | None) -> str | None:
    """The contributor's name, trimmed (None when empty); ``ExchangeError`` (a ``ValueError``) unless 1 to 80
    printable characters.

    The name is stored on every row and shown on pages and in exports, so it is kept short and plain.
    """
    if name is None:
        return None
    text = name.strip()
    if not text:
        return None
    if not CONTRIBUTOR.match(text):
        raise ExchangeError(message("contributor_invalid", name=repr(name[:100])))
    return text


def _header_message(name: str, fmt: str, header_problems: pl.DataFrame) -> Message:
    missing = [p["column"] for p in header_problems.iter_rows(named=True) if p["code"] == "missing_column"]
    unknown = [p["column"] for p in header_problems.iter_rows(named=True) if p["code"] != "missing_column"]
    if missing and unknown:
        return message("header_missing_unknown", file=name, format=fmt, missing_count=len(missing),
                       missing=listed(missing, 8), unknown_count=len(unknown), unknown=listed(unknown, 8))
    if missing:
        return message("header_missing", file=name, format=fmt, missing_count=len(missing), missing=listed(missing, 8))
    return message("header_unknown", file=name, format=fmt, unknown_count=len(unknown), unknown=listed(unknown, 8))


def rejected_dir(store: Dataset) -> Path:
    """Where ``--skip-invalid`` writes the reasons, beside the store."""
    path = store.path.parent / "rejected"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _write_rejections(store: Dataset, batch_id: str, source_name: str, problems: pl.DataFrame) -> Path:
    """One line per rejected cell: row, column, value, expected (never whole rows: they may hold identifiers)."""
    target = rejected_dir(store) / f"{batch_id}.csv"
    with open(target, "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "row", "column", "value", "expected"])
        for item in problems.iter_rows(named=True):
            writer.writerow([neutralise_cell(source_name), item["row"], neutralise_cell(item["column"]),
                             neutralise_cell(item["value"]), neutralise_cell(item["expected"])])
    return target
