"""Validation of interviews: each error names the field and, for a code, the valid codes."""

from __future__ import annotations

import pytest

from ctip import vocab
from ctip.screening import Interview, InvalidInterview, Person


@pytest.mark.parametrize(("data", "field", "message"), [
    ([], "interview", "expected a JSON object"),
    ({"victim": {}}, "victim", "unknown key; expected one of: person, acts, means, purposes, indicators, absent"),
    ({"person": {"name": "x"}}, "person.name", "unknown key; expected one of: age, age_estimated, appears_to_be_child"),
    ({"person": "child"}, "person", "expected an object"),
    ({"person": {"age": -1}}, "person.age", "expected a non-negative whole number"),
    ({"person": {"age": 15.5}}, "person.age", "expected a whole number of years or null, got 15.5"),
    ({"person": {"age": "15"}}, "person.age", "expected a whole number"),
    ({"person": {"age": True}}, "person.age", "expected a whole number"),
    ({"person": {"age_estimated": "yes"}}, "person.age_estimated", "expected true or false"),
    ({"person": {"appears_to_be_child": 1}}, "person.appears_to_be_child", "expected true or false"),
    ({"acts": "recruitment"}, "acts", "expected a list of codes"),
    ({"acts": ["recruitment", "kidnap"]}, "acts[1]", "unknown code 'kidnap'; expected one of: recruitment, "
                                                      "transportation, transfer, harbouring, receipt"),
    ({"means": ["Force"]}, "means[0]", "unknown code 'Force'; expected one of: threat, force"),
    ({"purposes": ["forced_labour"]}, "purposes[0]", "expected one of: ForcedLabour, SexualExploitation"),
    ({"indicators": ["Threats"]}, "indicators[0]", "expected one of: PhysicalThreats, ThreatsLawEnforcement"),
    ({"absent": ["acts"]}, "absent[0]", "unknown code 'acts'; expected one of: act, means, purpose"),
])
def test_invalid_interviews_name_the_field(data, field, message):
    with pytest.raises(InvalidInterview) as err:
        Interview.from_dict(data)
    assert err.value.field == field
    assert str(err.value).startswith(f"{field}: ")
    assert message in str(err.value)


def test_an_unknown_code_error_lists_every_valid_code():
    with pytest.raises(InvalidInterview) as err:
        Interview.from_dict({"purposes": ["Trafficking"]})
    for code in vocab.codes("htcds.vic_TypeOfExploitation"):
        assert code in str(err.value)


def test_missing_keys_mean_nothing_recorded():
    interview = Interview.from_dict({})
    assert interview == Interview(person=Person())
    assert Interview.from_dict({"person": None, "acts": None}) == interview


def test_repeated_codes_are_kept_once_in_order():
    assert Interview.from_dict({"acts": ["receipt", "recruitment", "receipt"]}).acts == ("receipt", "recruitment")


def test_interviews_built_in_code_are_validated_too():
    with pytest.raises(InvalidInterview, match=r"^acts\[0\]: unknown code"):
        Interview(acts=("smuggling",))
    with pytest.raises(InvalidInterview, match=r"^person.age:"):
        Person(age=-3)
