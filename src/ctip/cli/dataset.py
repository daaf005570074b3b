"""``ctip dataset``: import partner files into the collaborative dataset, list and drop batches, export.

    ctip dataset import PATH [--format F] [--contributor NAME] [--dry-run] [--skip-invalid] [--json]
    ctip dataset batches [--json]
    ctip dataset drop-batch ID
    ctip dataset export --format ctdc2024|ctdc2017|htcds-csv|parquet PATH

Exit status 2 when a file is rejected (strict import: nothing written) or the arguments are wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ctip.cli import UsageError
from ctip.cli.language import say, worded
from ctip.exchange.messages import CATALOGUE

# the command's own words around the importer's messages (msgids; Mongolian in datahub/translations_mn.py)
CLI = {
    "no_file": "%(file)s: no such file",
    "row": "row %(row)s",
    "column": ", column %(column)s",
    "expected": "expected %(expected)s",
    "more": "… %(count)s more (use --json for up to 100)",
    "rejected": ("%(file)s: %(rejected)s of %(rows)s rows invalid (%(count)s problem(s)); nothing imported. Fix the "
                 "file, or use --skip-invalid to import the valid rows"),
    "duplicate": "This file was already imported as batch %(batch)s; nothing was imported.",
    "duplicate_records": "These records were already imported as batch %(batch)s; nothing was imported.",
}

IMPORT_FORMATS = ("ctdc2017", "ctdc2024", "ctdc2025", "htcds-xlsx", "htcds-csv", "kobo")
EXPORT_FORMATS = ("ctdc2024", "ctdc2017", "htcds-csv", "parquet")


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    imp = sub.add_parser("import", help="validate a file and add it to the dataset as one batch")
    imp.add_argument("path", metavar="PATH", help="CSV or .xlsx file")
    imp.add_argument("--format", dest="fmt", choices=IMPORT_FORMATS, help="override format detection")
    imp.add_argument("--contributor", help="organisation contributing the records (default CTDC for CTDC files)")
    imp.add_argument("--dry-run", action="store_true", help="validate and report; write nothing")
    imp.add_argument("--skip-invalid", action="store_true",
                     help="import the valid rows and write the rejected ones with reasons beside the store")
    imp.add_argument("--json", action="store_true", help="print one JSON object (batch, format, counts, errors)")
    bat = sub.add_parser("batches", help="list the active import batches")
    bat.add_argument("--json", action="store_true", help="print a JSON list")
    drop = sub.add_parser("drop-batch", help="delete every record of one batch")
    drop.add_argument("batch_id", metavar="ID")
    exp = sub.add_parser("export", help="write the whole dataset in an exchange format")
    exp.add_argument("--format", dest="fmt", required=True, choices=EXPORT_FORMATS)
    exp.add_argument("path", metavar="PATH", help="output file (a directory for parquet)")


def run(args: argparse.Namespace) -> int:
    from ctip.dataset.store import Dataset

    store = Dataset()
    return {"import": _import, "batches": _batches, "drop-batch": _drop, "export": _export}[args.action](store, args)


def _import(store, args: argparse.Namespace) -> int:
    try:
        report = store.import_file(Path(args.path), fmt=args.fmt, contributor=args.contributor,
                                   dry_run=args.dry_run, skip_invalid=args.skip_invalid)
    except FileNotFoundError:
        raise UsageError(say(f"{args.path}: no such file", CLI["no_file"], {"file": args.path})) from None
    except ValueError as exc:
        english = str(exc).strip("'\"")
        raise UsageError(worded(CATALOGUE, getattr(exc, "code", None), getattr(exc, "params", None), english)) from None
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    if not report.ok:
        print(f"ctip dataset: {_summary(report)}", file=sys.stderr)
        if not args.json:
            cell_errors = [e for e in report.errors if e["row"]]
            for error in cell_errors[:20]:
                print(f"  {_error_line(error)}", file=sys.stderr)
            if cell_errors and report.error_count > 20:
                more = report.error_count - 20
                print(f"  {say(f'… {more} more (use --json for up to 100)', CLI['more'], {'count': more})}",
                      file=sys.stderr)
        return 2
    if not args.json:
        print(_summary(report))
        for note in report.notes:
            print(f"  note: {worded(CATALOGUE, note.code, note.params, note.text)}")
    return 0


def _summary(report) -> str:
    """The report's one line, worded from the catalogues when the active language is Mongolian."""
    english = report.summary()
    if report.message_code and english == report.message:
        return worded(CATALOGUE, report.message_code, report.message_params, english)
    if report.status == "rejected":
        return say(english, CLI["rejected"], {"file": report.source_name, "rejected": report.rejected,
                                              "rows": report.rows_read, "count": report.error_count})
    if report.status == "duplicate":
        return say(english, CLI["duplicate_records" if report.duplicate_records else "duplicate"],
                   {"batch": report.duplicate_of_batch})
    return english


def _error_line(error: dict) -> str:
    """``row 12, column gender: 'Mael'; expected …``, leaving out the column and value a row-level problem
    (a malformed or truncated line) does not have."""
    place = say(f"row {error['row']}", CLI["row"], {"row": error["row"]})
    if error["column"] is not None:
        place += say(f", column {error['column']}", CLI["column"], {"column": error["column"]})
    value = "" if error["value"] is None else f" {error['value']!r};"
    expected = worded(CATALOGUE, error.get("code"), error.get("params"), error["expected"])
    return f"{place}:{value} {say(f'expected {expected}', CLI['expected'], {'expected': expected})}"


def _batches(store, args: argparse.Namespace) -> int:
    batches = store.batches()
    if args.json:
        print(json.dumps([{**b.__dict__, "imported_at": b.imported_at.isoformat(timespec="seconds"),
                           "dropped_at": None} for b in batches], ensure_ascii=False))
        return 0
    if not batches:
        print("no batches; add one with 'ctip dataset import PATH'")
        return 0
    print(f"{'batch':<22} {'format':<10} {'contributor':<16} {'rows':>8} {'rejected':>8}  imported at (UTC)  source")
    for b in batches:
        print(f"{b.batch_id:<22} {b.source_format:<10} {b.contributor[:16]:<16} {b.imported:>8} {b.rejected:>8}  "
              f"{b.imported_at:%Y-%m-%d %H:%M}   {b.source_name}")
    return 0


def _drop(store, args: argparse.Namespace) -> int:
    from ctip.dataset.store import BatchNotFound

    try:
        batch = store.drop_batch(args.batch_id)
    except BatchNotFound as exc:
        raise UsageError(str(exc)) from None
    print(f"dropped batch {batch.batch_id}: {batch.imported} records from {batch.source_name} removed")
    return 0


def _export(store, args: argparse.Namespace) -> int:
    from ctip.dataset.export import export

    target = Path(args.path)
    if not target.parent.is_dir():
        raise UsageError(f"{target.parent}: no such directory")
    try:
        count = export(store, args.fmt, target)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    print(f"exported {count} records as {args.fmt} to {target}")
    return 0
