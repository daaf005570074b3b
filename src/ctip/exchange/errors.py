"""Errors the importers raise: one for a file that cannot be read at all, one shape for cell problems.

A cell problem is a plain dict ``{"row": n, "column": ..., "value": ..., "expected": ...}`` (the shape the
``ctip dataset import --json`` report prints); ``row`` is the 1-based data row in the source file.
"""

from __future__ import annotations


class InvalidFile(ValueError):
    """The file cannot be imported as a whole (encoding, binary content, header, layout).

    The message says what is wrong and how to fix it; ``errors`` may carry cell problems in the
    report shape when the file was readable but its values were not.
    """

    def __init__(self, message: str, errors: list[dict] | None = None):
        super().__init__(message)
        self.errors = errors or []


def cell_error(row: int | None, column: str | None, value: object, expected: str) -> dict:
    """One problem in the report shape; ``value`` is kept as text (None when the cell is empty)."""
    return {"row": row, "column": column, "value": None if value is None else str(value), "expected": expected}
