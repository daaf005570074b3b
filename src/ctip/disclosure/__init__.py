"""Disclosure control: publish the collaborative dataset without exposing anyone (pure, no Django).

- ``kanon``: k-anonymous microdata (CTDC's suppression, or generalise-then-suppress);
- ``aggregates``: protected count tables (threshold plus secondary suppression) and DP counts;
- ``synthesis``: differentially private synthetic records from noisy marginals;
- ``noise``: the discrete Laplace and Gaussian samplers and the ε/δ/ρ conversions;
- ``metrics`` and ``risk``: utility (marginal TVD, NIST k-marginal) and anonymeter-style risks;
- ``ledger``: the privacy budget per dataset version; ``registry``: release folders;
- ``release``: builds a release folder from the dataset. See docs/privacy.md.
"""

from ctip.disclosure.aggregates import (
    DPAggregates,
    ThresholdAggregates,
    make_dp_aggregates,
    make_threshold_aggregates,
)
from ctip.disclosure.errors import BudgetExceeded, DisclosureError, InvalidParameter
from ctip.disclosure.kanon import KAnonymiser, k_anonymise, make_k_anonymiser
from ctip.disclosure.ledger import PrivacyLedger
from ctip.disclosure.synthesis import MarginalSynthesizer, make_synthesizer

__all__ = [
    "BudgetExceeded", "DPAggregates", "DisclosureError", "InvalidParameter", "KAnonymiser", "MarginalSynthesizer",
    "PrivacyLedger", "ThresholdAggregates", "k_anonymise", "make_dp_aggregates", "make_k_anonymiser",
    "make_synthesizer", "make_threshold_aggregates",
]
