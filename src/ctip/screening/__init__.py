"""Palermo screening: from what an interview found to a suggested trafficking status with reasons.

Pure module (no Django, no I/O). ``assess`` never decides: it suggests a status and explains it; a
person decides. See ``docs/screening.md`` for each rule and its legal source.

>>> from ctip import screening
>>> interview = screening.Interview.from_dict({
...     "person": {"age": None, "age_estimated": False, "appears_to_be_child": True},
...     "acts": ["recruitment"], "purposes": ["ForcedLabour"], "absent": ["means"]})
>>> suggestion = screening.assess(interview)
>>> suggestion.status.value, suggestion.child_presumed, suggestion.elements["means"].value
('ActualVictimOfTrafficking', True, 'not_required')
"""

from __future__ import annotations

from ctip.screening.interview import Interview, InvalidInterview, Person
from ctip.screening.rules import assess
from ctip.screening.suggestion import Finding, Suggestion, TraffickingStatus

# Bump when a rule or a reason changes, so stored suggestions say which engine produced them.
ENGINE_VERSION = "1.0"

__all__ = ["ENGINE_VERSION", "Finding", "InvalidInterview", "Interview", "Person", "Suggestion", "TraffickingStatus", "assess"]
