"""Errors the importers raise, and the one shape of a cell problem.

A cell problem is a plain dict ``{"row": n, "column": ..., "value": ..., "expected": ..., "code": ...,
"params": {...}}`` (the shape the ``ctip dataset import --json`` report prints); ``row`` is the 1-based
data row in the source file, ``expected`` the English wording of the message ``code`` with ``params``
(see ``ctip.exchange.messages``). Readers keep problems in a Polars frame of the same columns, where
``params`` is JSON text.
"""

from __future__ import annotations

import json

import polars as pl

from ctip.exchange.messages import Message

PROBLEM_SCHEMA = {"row": pl.Int64, "column": pl.String, "value": pl.String, "expected": pl.String,
                  "code": pl.String, "params": pl.String}


class ExchangeError(ValueError):
    """An error worded from the message catalogue: ``str(self)`` is English, ``code`` and ``params`` let a
    page word it in the reader's language."""

    def __init__(self, message: Message):
        super().__init__(message.text)
        self.code = message.code
        self.params = dict(message.params)


class InvalidFile(ExchangeError):
    """The file cannot be imported as a whole (encoding, binary content, header, layout).

    The message says what is wrong and how to fix it; ``errors`` may carry cell problems in the
    report shape when the file was readable but its values were not.
    """

    def __init__(self, message: Message, errors: list[dict] | None = None):
        super().__init__(message)
        self.errors = errors or []


def cell_error(row: int | None, column: str | None, value: object, expected: Message) -> dict:
    """One problem in the report shape; ``value`` is kept as text (None when the cell is empty)."""
    return {"row": row, "column": column, "value": None if value is None else str(value),
            "expected": expected.text, "code": expected.code, "params": dict(expected.params)}


def empty_problems() -> pl.DataFrame:
    """A problems frame without rows."""
    return pl.DataFrame(schema=PROBLEM_SCHEMA)


def problems_frame(items: list[dict]) -> pl.DataFrame:
    """Problems frame from problem dicts (for file-level checks found in Python)."""
    if not items:
        return empty_problems()
    rows = [{**item, "params": json.dumps(item["params"], ensure_ascii=False, sort_keys=True)} for item in items]
    return pl.DataFrame(rows, schema=PROBLEM_SCHEMA)


def problem_dicts(problems: pl.DataFrame) -> list[dict]:
    """Problem dicts from (a slice of) a problems frame: ``params`` decoded from JSON text."""
    return [{**item, "params": json.loads(item["params"]) if item["params"] else {}}
            for item in problems.to_dicts()]
