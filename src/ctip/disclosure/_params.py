"""Parameter validation shared by every disclosure estimator: one place, one error template.

Each estimator declares ``_parameter_constraints`` (name -> constraint); ``validate_params`` checks the
stored parameters against them and raises ``InvalidParameter`` worded as
"The 'epsilon' parameter of MarginalSynthesizer must be a float in (0, inf). Got -1 instead."
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

# δ of the Gaussian mechanisms when none is given: far below 1/number of records (the Laplace one needs none)
DEFAULT_DELTA = 1e-9


class InvalidParameter(ValueError):
    """A privacy or method parameter is outside its allowed range."""


@dataclass(frozen=True)
class Interval:
    """A number in an interval; ``closed`` says which ends are included ("left", "right", "both", "neither")."""

    kind: type
    low: float | None
    high: float | None
    closed: str = "left"

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return False
        if self.kind is int and not float(value).is_integer():
            return False
        if isinstance(value, float) and math.isnan(value):
            return False
        lo_ok = self.low is None or (value >= self.low if self.closed in ("left", "both") else value > self.low)
        hi_ok = self.high is None or (value <= self.high if self.closed in ("right", "both") else value < self.high)
        return lo_ok and hi_ok

    def describe(self) -> str:
        name = "an int" if self.kind is int else "a float"
        left = "[" if self.closed in ("left", "both") and self.low is not None else "("
        right = "]" if self.closed in ("right", "both") and self.high is not None else ")"
        low = "-inf" if self.low is None else f"{self.low:g}"
        high = "inf" if self.high is None else f"{self.high:g}"
        return f"{name} in {left}{low}, {high}{right}"


@dataclass(frozen=True)
class OneOf:
    """One of a fixed set of values."""

    options: tuple

    def accepts(self, value: Any) -> bool:
        return value in self.options

    def describe(self) -> str:
        return "one of " + ", ".join(repr(o) for o in self.options)


@dataclass(frozen=True)
class Optional:
    """``None`` or a value accepted by ``inner``."""

    inner: Interval | OneOf

    def accepts(self, value: Any) -> bool:
        return value is None or self.inner.accepts(value)

    def describe(self) -> str:
        return f"None or {self.inner.describe()}"


def check_param(owner: str, name: str, value: Any, constraint: Interval | OneOf | Optional,
                hint: str = "") -> None:
    """Raise ``InvalidParameter`` in the one template if ``value`` breaks ``constraint``."""
    if not constraint.accepts(value):
        message = f"The {name!r} parameter of {owner} must be {constraint.describe()}. Got {value!r} instead."
        raise InvalidParameter(message + (f" {hint}" if hint else ""))


def validate_params(estimator: Any) -> None:
    """Check every parameter an estimator declares in ``_parameter_constraints``."""
    hints = getattr(estimator, "_parameter_hints", {})
    for name, constraint in estimator._parameter_constraints.items():
        check_param(type(estimator).__name__, name, getattr(estimator, name), constraint, hints.get(name, ""))
