"""``ctip cases``: push the de-identified extract to the collaborative dataset; apply the retention rule.

``ctip cases retention`` lists the closed cases whose retention period (``CTIP_RETENTION_YEARS``) is over
and that no hold keeps: case id, closure date and organisation, never a name. ``--apply`` anonymises
them all, each in its own transaction, as the system (audited with an empty actor and the rule as reason).
"""

from __future__ import annotations

import argparse
import sys

from ctip.cli import UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    extract = sub.add_parser("extract", help="replace the case store's rows in the dataset with a fresh extract")
    extract.add_argument("--dry-run", action="store_true", help="count the rows without writing the dataset")
    retention = sub.add_parser(
        "retention", help="list the closed cases due for anonymisation (CTIP_RETENTION_YEARS after closure)",
        description="List closed cases whose retention period is over and that are not on hold (case id, "
                    "closure date, organisation). With --apply, anonymise them all: names, contacts, notes "
                    "and every other identifying or free-text value are erased for good; codes stay.")
    retention.add_argument("--apply", action="store_true", help="anonymise every case listed (irreversible)")


def run(args: argparse.Namespace) -> int:
    from ctip.web import setup

    setup()
    if args.action == "retention":
        return _retention(args)
    from ctip.cases.extract import CONTRIBUTOR, build_extract, push_extract

    if args.dry_run:
        frame = build_extract()
        print(f"{frame.height} de-identified records would replace contributor '{CONTRIBUTOR}' (dry run)")
        return 0
    report = push_extract()
    print(f"{report.imported} de-identified records now stand for contributor '{CONTRIBUTOR}' "
          f"(batch {report.batch})")
    return 0


def _retention(args: argparse.Namespace) -> int:
    from ctip.cases import retention

    try:
        years = retention.retention_years()
    except retention.RetentionSettingError as exc:
        raise UsageError(str(exc)) from None
    if not years:
        print("the retention rule is off (CTIP_RETENTION_YEARS=0): no case is due")
        return 0
    if args.apply:
        outcome = retention.retention_apply()
        for public_id in outcome.anonymised:
            print(f"anonymised\t{public_id}")
        for public_id, problem in outcome.failed.items():
            print(f"ctip cases retention: {public_id} not anonymised: {problem}", file=sys.stderr)
        print(f"{_cases(len(outcome.anonymised))} anonymised (closed {years} years ago or more)")
        return 1 if outcome.failed else 0
    due = retention.cases_due().values_list("public_id", "closed_on", "organisation__code")
    print("case id\tclosed on\torganisation")
    count = 0
    for public_id, closed_on, organisation in due.iterator():
        print(f"{public_id}\t{closed_on.isoformat()}\t{organisation}")
        count += 1
    print(f"{_cases(count)} due for anonymisation (closed {years} years ago or more, not on hold)")
    return 0


def _cases(n: int) -> str:
    return f"{n} case" if n == 1 else f"{n} cases"
