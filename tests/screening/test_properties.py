"""Properties that hold for every valid interview (Hypothesis)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ctip import vocab
from ctip.screening import Finding, Interview, Person, TraffickingStatus, assess


def _subset(scheme: str):
    return st.lists(st.sampled_from(vocab.codes(scheme)), max_size=3, unique=True).map(tuple)


@st.composite
def interviews(draw):
    person = Person(age=draw(st.none() | st.integers(0, 99)), age_estimated=draw(st.booleans()),
                    appears_to_be_child=draw(st.booleans()))
    acts, means = draw(_subset("palermo.act")), draw(_subset("palermo.means"))
    purposes, indicators = draw(_subset("htcds.vic_TypeOfExploitation")), draw(_subset("htcds.vic_MethodsOfControl"))
    evidence = {"act": acts, "means": means + indicators, "purpose": purposes}
    absent = tuple(e for e in ("act", "means", "purpose") if not evidence[e] and draw(st.booleans()))
    return Interview(person, acts, means, purposes, indicators, absent)


@settings(max_examples=300, deadline=None)
@given(interviews())
def test_status_agrees_with_the_required_elements(interview):
    s = assess(interview)
    required = [f for f in s.elements.values() if f is not Finding.NOT_REQUIRED]
    if Finding.NO in required:
        assert s.status is TraffickingStatus.NOT_A_VICTIM
    elif Finding.UNKNOWN in required:
        assert s.status is TraffickingStatus.POSSIBLE
    else:
        assert s.status is TraffickingStatus.ACTUAL


@settings(max_examples=300, deadline=None)
@given(interviews())
def test_only_a_child_skips_means_and_a_childs_negative_is_always_reviewed(interview):
    s = assess(interview)
    assert (s.elements["means"] is Finding.NOT_REQUIRED) == s.child
    assert s.requires_review == (s.child and s.status is TraffickingStatus.NOT_A_VICTIM)
    assert not s.child_presumed or s.child


@settings(max_examples=200, deadline=None)
@given(interviews())
def test_adding_evidence_never_makes_a_suggestion_worse(interview):
    """Recording an act where none was known cannot turn a possible or actual suggestion into 'not'."""
    before = assess(interview)
    if interview.acts or "act" in interview.absent:
        return
    after = assess(Interview(interview.person, ("recruitment",), interview.means, interview.purposes,
                             interview.indicators, interview.absent))
    assert not (before.status is not TraffickingStatus.NOT_A_VICTIM and after.status is TraffickingStatus.NOT_A_VICTIM)


@settings(max_examples=100, deadline=None)
@given(interviews())
def test_reasons_exist_in_both_languages_sentence_for_sentence(interview):
    s = assess(interview)
    assert len(s.reasons("en")) == len(s.reasons("mn")) >= 5
