"""``ctip osint``: screen collected online posts for trafficking red flags (offline).

``ctip osint scan PATH --out DIR [--rules DIR] [--json] [--jobs N]`` reads files or a folder, writes
``posts.csv``, ``clusters.json``, ``graph.graphml``, ``report.html`` (and the custody record) into
DIR, and with ``--json`` prints a summary on stdout. ``ctip osint rules [DIR]`` checks rule packs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ctip.cli import UsageError


def configure(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    scan = sub.add_parser("scan", help="scan a file or folder of collected posts")
    scan.add_argument("path", type=Path, help="a .jsonl, .csv, .txt or .html file, or a folder of them")
    scan.add_argument("--out", type=Path, required=True, help="folder for posts.csv, clusters.json, graph.graphml, "
                      "report.html (created if missing)")
    scan.add_argument("--rules", type=Path, default=None, help="folder of rule packs (default: the packs shipped)")
    scan.add_argument("--json", action="store_true", help="print a JSON summary on stdout")
    scan.add_argument("--jobs", type=int, default=1, metavar="N",
                      help="processes that screen posts (default 1; e.g. 2 on a two-core machine)")
    scan.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    rules = sub.add_parser("rules", help="validate a folder of rule packs and list them")
    rules.add_argument("path", type=Path, nargs="?", default=None, help="rules folder (default: shipped packs)")


def _scan(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ctip.osint.intake import IntakeProblem
    from ctip.osint.output import write_outputs
    from ctip.osint.present import TRIAGE_NOTICE
    from ctip.osint.rules import RulePackError
    from ctip.osint.scan import count_files, scan

    if not args.path.exists():
        raise UsageError(f"{args.path}: no such file or folder")
    if args.jobs < 1:
        raise UsageError(f"--jobs must be 1 or more; got {args.jobs}")
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"--out {args.out}: exists and is not a folder")
    disable = True if args.no_progress else None  # None: shown only when stderr is a terminal
    files = tqdm(total=count_files(args.path), unit="file", desc="intake", file=sys.stderr, disable=disable)
    posts = tqdm(unit="post", desc="screened", file=sys.stderr, disable=disable)
    try:
        result = scan(args.path, rules_dir=args.rules, jobs=args.jobs, on_file=lambda _: files.update(1),
                      on_posts=posts.update)
    except IntakeProblem as exc:
        raise UsageError(_worded(exc.problem.code, exc.problem.params)) from None
    except RulePackError as exc:
        raise UsageError(str(exc)) from None
    finally:
        files.close()
        posts.close()
    summary = write_outputs(result, args.out)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print(f"{summary['posts']} posts, {summary['flagged']} flagged, {summary['clusters']} clusters, "
              f"{len(summary['files_skipped'])} files skipped; report: {args.out / 'report.html'}")
        print(TRIAGE_NOTICE)
    _problems(result.custody)
    return 0


def _worded(code: str, params) -> str:
    """An intake problem from ``ctip.osint.messages`` (the catalogue the pages and report.html use), in the
    language ``CTIP_LANGUAGE`` chose (``ctip.cli.language``)."""
    from ctip.cli.language import active
    from ctip.osint.messages import worded

    return worded(code, params, active())


def _problems(custody: list) -> None:
    """Skipped files and unreadable lines on stderr, worded from the intake catalogue."""
    for c in custody:
        if c.status == "skipped":
            print(f"skipped {c.path}: {_worded(c.reason_code, c.reason_params)}", file=sys.stderr)
        elif c.problems:
            print(f"read {c.path}, except (custody.json keeps the list):", file=sys.stderr)
            for p in c.problems:
                print(f"  {_worded(p['code'], p['params'])}", file=sys.stderr)


def _rules(args: argparse.Namespace) -> int:
    from ctip.osint.rules import RulePackError, load_rules

    try:
        rules = load_rules(args.path)
    except RulePackError as exc:
        raise UsageError(f"rule packs are not valid:\n{exc}") from None
    for pack in rules.packs:
        print(f"{pack.path}: pack {pack.name} {pack.version}, {len(pack.rules)} rules, "
              f"languages {', '.join(pack.languages + pack.transliterated_languages)}")
    return 0


def run(args: argparse.Namespace) -> int:
    return _scan(args) if args.action == "scan" else _rules(args)
