"""``ctip backup create|verify`` and ``ctip restore``: one archive of everything ctip writes but the keys.

``ctip backup create [--to FOLDER]`` writes ``ctip-backup-YYYYMMDDTHHMMSSZ.tar`` (mode 0600) and prints its
path; ``ctip backup verify ARCHIVE`` re-checks every member's SHA-256 and that the case-store copy opens
(exit 1 if not); ``ctip restore ARCHIVE [--yes]`` restores it, migrates it, and erases again every case
listed in the erasure register. See ``ctip.backup`` and docs/operations.md ("Backups").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ctip.cli import UsageError


def configure_backup(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True)
    create = sub.add_parser("create", help="write one archive: case store, dataset, releases, OSINT store "
                                           "(never the keys)")
    create.add_argument("--to", metavar="FOLDER", type=Path, default=None,
                        help="folder for the archive (default CTIP_HOME/backups)")
    verify = sub.add_parser("verify", help="re-check an archive's hashes and that its case-store copy opens")
    verify.add_argument("archive", type=Path, metavar="ARCHIVE")


def run_backup(args: argparse.Namespace) -> int:
    from ctip.backup import archive
    from ctip.backup.stores import BackupError

    if args.action == "create":
        from ctip import config

        folder = args.to if args.to is not None else config.home() / "backups"
        try:
            path, manifest = archive.create(folder)
        except BackupError as exc:
            print(f"ctip backup: {exc}", file=sys.stderr)
            return 1
        size = path.stat().st_size
        from ctip.web import setup

        setup()
        from ctip.backup.replay import record_backup

        record_backup(archive=path.name, files=len(manifest.members), size=size, engine=manifest.engine)
        print(f"{path}\t{len(manifest.members)} files\t{size / 1e6:.1f} MB\t{manifest.engine} case store")
        print("the keys are not in the archive: keep a copy of CTIP_HOME/keys (or your key secrets) elsewhere")
        return 0
    if not args.archive.is_file():
        raise UsageError(f"{args.archive}: no such archive")
    try:
        result = archive.verify(args.archive)
    except BackupError as exc:
        print(f"ctip backup verify: {exc}", file=sys.stderr)
        return 1
    for problem in result.problems:
        print(f"ctip backup verify: {problem}", file=sys.stderr)
    if result.problems:
        return 1
    m = result.manifest
    print(f"ok\t{args.archive}\t{result.checked} files\tcreated {m.created_at}\tctip {m.ctip_version}\t"
          f"{m.engine} case store opens")
    return 0


def configure_restore(parser: argparse.ArgumentParser) -> None:
    parser.description = ("Restore a backup made by 'ctip backup create' into this CTIP_HOME and case store "
                          "(stop the web server and cron jobs first). The target must be empty unless --yes "
                          "is given. Pending migrations are applied, every case listed in the erasure register "
                          "is erased again, then the retention rule runs.")
    parser.add_argument("archive", type=Path, metavar="ARCHIVE")
    parser.add_argument("--yes", action="store_true",
                        help="replace the case store, dataset, releases and OSINT store that are there now")


def run_restore(args: argparse.Namespace) -> int:
    from ctip.backup import restore
    from ctip.backup.stores import BackupError

    if not args.archive.is_file():
        raise UsageError(f"{args.archive}: no such archive")
    try:
        result = restore.restore(args.archive.resolve(), confirmed=args.yes)
    except restore.NotEmpty as exc:
        raise UsageError(str(exc)) from None
    except BackupError as exc:
        print(f"ctip restore: {exc}", file=sys.stderr)
        return 1
    m = result.manifest
    print(f"restored {args.archive.name} (created {m.created_at} by ctip {m.ctip_version})")
    print(result.ledger)
    print(f"{len(result.migrated)} migrations applied" + (f": {', '.join(result.migrated)}" if result.migrated else ""))
    for case_id in result.replay.re_erased:
        print(f"re-erased\t{case_id}")
    for case_id in result.replay.deleted:
        print(f"deleted again\t{case_id}")
    if result.replay.deleted:
        print(f"{_cases(len(result.replay.deleted))} deleted again from the erasure register")
    print(f"{_cases(len(result.replay.re_erased))} erased again from the erasure register "
          f"({result.replay.already_erased} already erased in the backup, {result.replay.not_held} not in it)")
    if result.rule is None:
        print("the retention rule is off (CTIP_RETENTION_YEARS=0)")
        return 0
    for case_id in result.rule.anonymised:
        print(f"anonymised\t{case_id}")
    for case_id, problem in result.rule.failed.items():
        print(f"ctip restore: retention rule: {case_id} not anonymised: {problem}", file=sys.stderr)
    print(f"{_cases(len(result.rule.anonymised))} anonymised by the retention rule")
    return 1 if result.rule.failed else 0


def _cases(n: int) -> str:
    return f"{n} case" if n == 1 else f"{n} cases"
