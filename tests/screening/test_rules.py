"""The Palermo screening rules of issue #2 (parts 3 and 4), one test per rule, table-driven."""

from __future__ import annotations

import pytest

from ctip import vocab
from ctip.screening import Finding, Interview, InvalidInterview, Person, TraffickingStatus, assess

ACTUAL, POSSIBLE, NOT = (TraffickingStatus.ACTUAL, TraffickingStatus.POSSIBLE, TraffickingStatus.NOT_A_VICTIM)
ADULT = {"age": 30, "age_estimated": False, "appears_to_be_child": False}
CHILD = {"age": 15, "age_estimated": False, "appears_to_be_child": False}


def run(**data):
    return assess(Interview.from_dict(data))


# Rule: an element is yes when any code (for means: any code or indicator) supports it, no when listed in
# absent, else unknown.
@pytest.mark.parametrize(("data", "element", "finding"), [
    ({"acts": ["harbouring"]}, "act", "yes"),
    ({"absent": ["act"]}, "act", "no"),
    ({}, "act", "unknown"),
    ({"means": ["deception"]}, "means", "yes"),
    ({"indicators": ["WithholdsDocuments"]}, "means", "yes"),
    ({"indicators": ["Other"]}, "means", "yes"),
    ({"absent": ["means"]}, "means", "no"),
    ({}, "means", "unknown"),
    ({"purposes": ["OrganRemoval"]}, "purpose", "yes"),
    ({"absent": ["purpose"]}, "purpose", "no"),
    ({"purposes": []}, "purpose", "unknown"),
])
def test_elements_are_three_valued(data, element, finding):
    assert run(person=ADULT, **data).elements[element] == Finding(finding)


# Rule: codes and absent for the same element is an error.
@pytest.mark.parametrize("data", [
    {"acts": ["receipt"], "absent": ["act"]},
    {"means": ["fraud"], "absent": ["means"]},
    {"indicators": ["DebtBondage"], "absent": ["means"]},
    {"purposes": ["ForcedLabour"], "absent": ["purpose"]},
])
def test_evidence_and_absence_of_one_element_is_an_error(data):
    with pytest.raises(InvalidInterview, match=r"^absent: '\w+' is listed as absent but '\w+' gives evidence"):
        Interview.from_dict(data)


# Rule: a person is a child when a documented (not estimated) age is under 18.
@pytest.mark.parametrize(("person", "child"), [
    ({"age": 0}, True), ({"age": 17}, True), ({"age": 18}, False), ({"age": 45}, False),
    ({"age": 25, "appears_to_be_child": True}, False),  # a documented age decides over appearance
    ({"age": 16, "appears_to_be_child": False}, True),
])
def test_documented_age_under_18_is_a_child(person, child):
    suggestion = run(person=person)
    assert (suggestion.child, suggestion.child_presumed) == (child, False)


# Rule: presumption of minority where the age is missing or estimated and the person appears to be a child.
@pytest.mark.parametrize(("person", "child", "presumed"), [
    ({"age": None, "appears_to_be_child": True}, True, True),
    ({"appears_to_be_child": True}, True, True),
    ({"age": 19, "age_estimated": True, "appears_to_be_child": True}, True, True),
    ({"age": 15, "age_estimated": True, "appears_to_be_child": True}, True, True),
    ({"age": None, "appears_to_be_child": False}, False, False),
    ({"age": 25, "age_estimated": True, "appears_to_be_child": False}, False, False),
    ({}, False, False),
])
def test_presumption_of_minority(person, child, presumed):
    suggestion = run(person=person)
    assert (suggestion.child, suggestion.child_presumed) == (child, presumed)


def test_estimated_age_under_18_without_appearance_is_flagged_in_the_reasons_only():
    suggestion = run(person={"age": 16, "age_estimated": True, "appears_to_be_child": False})
    assert not suggestion.child
    assert any("estimated age 16 is under 18" in r for r in suggestion.reasons())


# Rule: a child needs no means.
@pytest.mark.parametrize(("person", "data", "status"), [
    (CHILD, {"acts": ["recruitment"], "purposes": ["SexualExploitation"]}, ACTUAL),
    (CHILD, {"acts": ["recruitment"], "purposes": ["SexualExploitation"], "absent": ["means"]}, ACTUAL),
    (CHILD, {"acts": ["recruitment"], "means": ["deception"], "purposes": ["ForcedBegging"]}, ACTUAL),
    ({"appears_to_be_child": True}, {"acts": ["transfer"], "purposes": ["ForcedLabour"], "absent": ["means"]}, ACTUAL),
    (ADULT, {"acts": ["recruitment"], "purposes": ["SexualExploitation"]}, POSSIBLE),
    (ADULT, {"acts": ["recruitment"], "purposes": ["SexualExploitation"], "absent": ["means"]}, NOT),
])
def test_child_needs_no_means(person, data, status):
    suggestion = run(person=person, **data)
    assert suggestion.status == status
    assert (suggestion.elements["means"] == Finding.NOT_REQUIRED) == suggestion.child


# Rule: all required elements yes -> actual; any required element no -> not; otherwise possible.
@pytest.mark.parametrize(("person", "data", "status"), [
    (ADULT, {"acts": ["recruitment"], "means": ["fraud"], "purposes": ["ForcedLabour"]}, ACTUAL),
    (ADULT, {"acts": ["receipt"], "indicators": ["DebtBondage"], "purposes": ["Servitude"]}, ACTUAL),
    (ADULT, {"acts": ["recruitment"], "means": ["fraud"]}, POSSIBLE),
    (ADULT, {}, POSSIBLE),
    (ADULT, {"means": ["threat"], "purposes": ["ForcedLabour"]}, POSSIBLE),
    (ADULT, {"absent": ["act"], "means": ["fraud"], "purposes": ["ForcedLabour"]}, NOT),
    (ADULT, {"absent": ["purpose"]}, NOT),
    (ADULT, {"absent": ["act", "means", "purpose"]}, NOT),
    (ADULT, {"acts": ["recruitment"], "means": ["fraud"], "absent": ["purpose"]}, NOT),
    (CHILD, {"acts": ["recruitment"]}, POSSIBLE),
    (CHILD, {"absent": ["act"], "purposes": ["ForcedLabour"]}, NOT),
])
def test_status_follows_the_required_elements(person, data, status):
    assert run(person=person, **data).status == status


# Rule: a negative suggestion for a child always requires review (and only that).
@pytest.mark.parametrize(("person", "data", "review"), [
    (CHILD, {"absent": ["act"]}, True),
    (CHILD, {"absent": ["purpose"], "acts": ["recruitment"]}, True),
    ({"appears_to_be_child": True}, {"absent": ["act", "purpose"]}, True),
    ({"age": 17, "age_estimated": True, "appears_to_be_child": True}, {"absent": ["act"]}, True),
    (ADULT, {"absent": ["act"]}, False),
    (CHILD, {"acts": ["recruitment"]}, False),
    (CHILD, {"acts": ["recruitment"], "purposes": ["ForcedMarriage"]}, False),
])
def test_negative_suggestion_for_a_child_requires_review(person, data, review):
    suggestion = run(person=person, **data)
    assert suggestion.requires_review is review
    assert any("must be reviewed by a supervisor" in r for r in suggestion.reasons()) is review


# Rule: consent is never an input.
@pytest.mark.parametrize("data", [
    {"consent": True},
    {"person": {"age": 20, "consented": True}},
])
def test_consent_is_not_an_input(data):
    with pytest.raises(InvalidInterview, match="unknown key"):
        Interview.from_dict(data)


def test_consent_is_stated_irrelevant_once_a_means_is_present():
    reasons = run(person=ADULT, means=["coercion"]).reasons()
    assert any("consent" in r and "irrelevant" in r for r in reasons)


# Rule: a suggestion with reasons, never a decision.
@pytest.mark.parametrize("lang", ["en", "mn"])
def test_suggestion_gives_reasons_and_never_decides(lang):
    suggestion = run(person=CHILD, acts=["recruitment"], purposes=["ForcedLabour"])
    reasons = suggestion.reasons(lang)
    assert len(reasons) >= 4 and all(r.endswith(".") for r in reasons)
    assert set(suggestion.to_dict(lang)) == {"status", "child", "child_presumed", "elements", "requires_review",
                                             "reasons"}
    last = reasons[-1]
    assert ("not a decision" in last) if lang == "en" else ("шийдвэр биш" in last)


def test_mongolian_reasons_are_in_cyrillic_and_name_the_codes():
    reasons = run(person=ADULT, acts=["recruitment"], indicators=["DebtBondage"]).reasons("mn")
    assert all(any("\u0400" <= c <= "\u04ff" for c in r) for r in reasons)
    assert any(vocab.label("htcds.vic_MethodsOfControl", "DebtBondage", "mn").lower() in r.lower() for r in reasons)


def test_indicators_name_the_means_they_evidence():
    reasons = run(person=ADULT, indicators=["FalsePromises"]).reasons()
    assert "Methods of control recorded, each evidence of means: false promises (fraud, deception)." in reasons


def test_status_codes_are_htcds_statuses_and_findings_are_vocab_codes():
    assert {s.value for s in TraffickingStatus} == set(vocab.codes("htcds.vic_TraffickingStatus"))
    assert [f.value for f in Finding] == vocab.codes("screening.finding")


def test_assess_is_pure():
    interview = Interview(person=Person(age=15), acts=("recruitment",), purposes=("ForcedLabour",))
    assert assess(interview) == assess(interview)
    assert interview == Interview(person=Person(age=15), acts=("recruitment",), purposes=("ForcedLabour",))
