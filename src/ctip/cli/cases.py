"""``ctip cases extract``: push the de-identified extract of the case store to the collaborative dataset."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    extract = sub.add_parser("extract", help="replace the case store's rows in the dataset with a fresh extract")
    extract.add_argument("--dry-run", action="store_true", help="count the rows without writing the dataset")


def run(args: argparse.Namespace) -> int:
    from ctip.web import setup

    setup()
    from ctip.cases.extract import CONTRIBUTOR, build_extract, push_extract

    if args.dry_run:
        frame = build_extract()
        print(f"{frame.height} de-identified records would replace contributor '{CONTRIBUTOR}' (dry run)")
        return 0
    report = push_extract()
    print(f"{report.imported} de-identified records now stand for contributor '{CONTRIBUTOR}' "
          f"(batch {report.batch})")
    return 0
