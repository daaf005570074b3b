"""``ctip audit verify``: check the hash-chained audit log of the case store."""

from __future__ import annotations

import argparse


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("verify", help="walk the chain; exit 1 at the first broken link, else print 'ok' and the count")


def run(args: argparse.Namespace) -> int:
    from ctip.web import setup

    setup()
    from ctip.cases.audit import verify_chain

    report = verify_chain()
    print(report.message())
    return 0 if report.ok else 1
