"""``ctip screen FILE|- [--lang en|mn]``: apply the Palermo screening rules to one JSON interview.

Input keys: ``person`` (``age``, ``age_estimated``, ``appears_to_be_child``), ``acts``, ``means``,
``purposes``, ``indicators``, ``absent``; unknown keys are an error. Output: the suggestion as JSON
(``status``, ``child``, ``child_presumed``, ``elements``, ``requires_review``, ``reasons``). Bad input
exits with status 2 and one message on standard error naming the field (and, for a code, the valid
codes); nothing is printed on standard output then.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ctip.cli import UsageError

LANGUAGES = ("en", "mn")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="interview as a JSON document; '-' reads standard input")
    parser.add_argument("--lang", choices=LANGUAGES, default="en", help="language of the reasons (default: en)")


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{path}: is a directory, expected a JSON file") from None
    except UnicodeDecodeError:
        raise UsageError(f"{path}: not UTF-8 text, expected a JSON file") from None
    except OSError as exc:
        raise UsageError(f"{path}: cannot be read ({exc.strerror})") from None


def _parse(text: str, source: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise UsageError(f"{source}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None


def run(args: argparse.Namespace) -> int:
    from ctip import screening

    source = "standard input" if args.file == "-" else args.file
    data = _parse(_read(args.file), source)
    try:
        interview = screening.Interview.from_dict(data)
    except screening.InvalidInterview as exc:
        raise UsageError(f"{source}: {exc}") from None
    suggestion = screening.assess(interview)
    json.dump(suggestion.to_dict(args.lang), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0
