"""The Palermo rules (DOMAIN.md §1; issue #2 parts 3 and 4), applied to one interview.

1. An element is ``yes`` when any code supports it (for means: any means or method of control), ``no``
   when listed in ``absent``, else ``unknown`` (Palermo Protocol Art. 3 (a); three-valued elements).
2. A person is a child when a documented age is under 18; where the age is missing or only estimated,
   when they appear to be a child (presumption of minority, CoE Convention Art. 10(3)).
3. A child needs no means: means is ``not_required`` (Art. 3 (c), (d)).
4. All required elements ``yes`` -> actual victim; any required element ``no`` -> not a victim;
   otherwise possible victim (who is already eligible for assistance).
5. A child suggested "not a victim" always requires review.
Consent is never an input (Art. 3 (b)); the result is a suggestion with reasons, never a decision.
"""

from __future__ import annotations

from ctip.screening.interview import EVIDENCE, Interview, Person
from ctip.screening.reasons import Codes, Indicators, Reason
from ctip.screening.suggestion import Finding, Suggestion, TraffickingStatus

ADULT_AGE = 18


def assess(interview: Interview) -> Suggestion:
    """Suggest a trafficking status for ``interview`` and say why. Pure and side-effect free.

    >>> from ctip.screening import Interview, Person, assess
    >>> s = assess(Interview(person=Person(age=15), acts=("recruitment",), purposes=("SexualExploitation",)))
    >>> s.status.value, s.elements["means"].value
    ('ActualVictimOfTrafficking', 'not_required')
    """
    child, presumed, reasons = _childhood(interview.person)
    elements = {element: _finding(interview, element) for element in EVIDENCE}
    if child:
        elements["means"] = Finding.NOT_REQUIRED
    reasons += _element_reasons(interview, elements)
    if child or elements["means"] is Finding.YES:
        reasons.append(Reason("consent_irrelevant"))
    status, status_reason = _status(elements)
    reasons.append(status_reason)
    requires_review = child and status is TraffickingStatus.NOT_A_VICTIM
    if requires_review:
        reasons.append(Reason("review_child"))
    reasons.append(Reason("suggestion_only"))
    return Suggestion(status, child, presumed, elements, requires_review, tuple(reasons))


def _childhood(person: Person) -> tuple[bool, bool, list[Reason]]:
    """(child, child_presumed, reasons): a documented age decides; otherwise appearance presumes."""
    if person.age is not None and not person.age_estimated:
        child = person.age < ADULT_AGE
        return child, False, [Reason("child_documented" if child else "adult_documented", {"age": person.age})]
    how = "missing" if person.age is None else "estimated"
    values = {} if person.age is None else {"age": person.age}
    if person.appears_to_be_child:
        return True, True, [Reason(f"child_presumed_{how}", values)]
    reasons = [Reason(f"adult_presumed_{how}", values)]
    if person.age is not None and person.age < ADULT_AGE:
        reasons.append(Reason("estimated_under_18", values))
    return False, False, reasons


def _finding(interview: Interview, element: str) -> Finding:
    if any(getattr(interview, source) for source in EVIDENCE[element]):
        return Finding.YES
    return Finding.NO if element in interview.absent else Finding.UNKNOWN


def _element_reasons(interview: Interview, elements: dict[str, Finding]) -> list[Reason]:
    reasons = []
    act, means, purpose = elements["act"], elements["means"], elements["purpose"]
    reasons.append(Reason("act_yes", {"acts": Codes("palermo.act", interview.acts)}) if act is Finding.YES
                   else Reason(f"act_{act.value}"))
    if means is Finding.NOT_REQUIRED:
        reasons.append(Reason("means_not_required"))
    elif means is not Finding.YES:
        reasons.append(Reason(f"means_{means.value}"))
    if interview.means:  # recorded evidence is shown even when a child needs none
        reasons.append(Reason("means_yes", {"means": Codes("palermo.means", interview.means)}))
    if interview.indicators:
        reasons.append(Reason("means_indicators", {"indicators": Indicators(interview.indicators)}))
    reasons.append(Reason("purpose_yes", {"purposes": Codes("htcds.vic_TypeOfExploitation", interview.purposes)})
                   if purpose is Finding.YES else Reason(f"purpose_{purpose.value}"))
    return reasons


def _status(elements: dict[str, Finding]) -> tuple[TraffickingStatus, Reason]:
    required = [e for e, f in elements.items() if f is not Finding.NOT_REQUIRED]
    absent = tuple(e for e in required if elements[e] is Finding.NO)
    if absent:
        return TraffickingStatus.NOT_A_VICTIM, Reason("status_not", {"elements": Codes("palermo.element", absent)})
    unknown = tuple(e for e in required if elements[e] is Finding.UNKNOWN)
    if unknown:
        return TraffickingStatus.POSSIBLE, Reason("status_possible", {"elements": Codes("palermo.element", unknown)})
    return TraffickingStatus.ACTUAL, Reason("status_actual", {"elements": Codes("palermo.element", tuple(required))})
