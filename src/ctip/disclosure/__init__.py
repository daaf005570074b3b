"""Disclosure control: publish the collaborative dataset without exposing anyone (pure, no Django).

- ``kanon``: k-anonymous microdata (CTDC's suppression, or generalise-then-suppress);
- ``aggregates``: protected count tables (threshold plus secondary suppression) and DP counts;
- ``synthesis``: differentially private synthetic records from noisy marginals;
- ``noise``: the discrete Laplace and Gaussian samplers and the ε/δ/ρ conversions;
- ``metrics`` and ``risk``: utility (marginal TVD, NIST k-marginal) and anonymeter-style risks;
- ``ledger``: the privacy budget per dataset version; ``registry``: release folders;
- ``release``: builds a release folder from the dataset. See docs/privacy.md.

The names below are imported on first use (PEP 562), so that reading the release registry (as the
public dashboard does) does not pull in numpy, polars and the estimators.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "DPAggregates": "aggregates", "ThresholdAggregates": "aggregates", "make_dp_aggregates": "aggregates",
    "make_threshold_aggregates": "aggregates",
    "BudgetExceeded": "errors", "DisclosureError": "errors", "InvalidParameter": "errors",
    "KAnonymiser": "kanon", "k_anonymise": "kanon", "make_k_anonymiser": "kanon",
    "PrivacyLedger": "ledger",
    "MarginalSynthesizer": "synthesis", "make_synthesizer": "synthesis",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])
