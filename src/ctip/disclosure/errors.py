"""Domain errors of disclosure control; the CLI and pages turn them into messages."""

from __future__ import annotations

from ctip.disclosure._params import InvalidParameter


class DisclosureError(ValueError):
    """The data cannot be released as asked (unknown column, identifier column, empty table...)."""


class BudgetExceeded(DisclosureError):
    """A release would spend more privacy budget than is left for this dataset version."""


__all__ = ["BudgetExceeded", "DisclosureError", "InvalidParameter"]
