"""The erasure register: every anonymisation lists the case (id, time, reason code; never a value) beside the
keys, in the same operation, and an erasure that cannot be listed is not made."""

from __future__ import annotations

import datetime as dt

import pytest

from ctip.accounts.models import Organisation, User
from ctip.backup import register
from ctip.cases import retention, services
from ctip.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def own_register(tmp_path, monkeypatch):
    path = tmp_path / "keys-elsewhere" / "erasures.log"
    path.parent.mkdir()
    monkeypatch.setenv(register.SETTING, str(path))
    return path


@pytest.fixture
def people():
    org = Organisation.objects.create(name="IOM office", code="iom-r", org_type="CentralGovernmentOrganisation")
    return (User.objects.create(username="worker-r", role="case_worker", organisation=org),
            User.objects.create(username="boss-r", role="supervisor", organisation=org, scope="organisation"))


@pytest.fixture
def case(people):
    return services.case_create(actor=people[0], first_name="Sarangerel", last_name="Batbold", gender="Feminine",
                                citizenship="MNG", birth_date=dt.date(1998, 3, 14))


def test_the_default_register_lives_beside_the_keys(monkeypatch):
    from ctip import config

    monkeypatch.delenv(register.SETTING)
    assert register.register_path() == config.keys_dir() / "erasures.log"


def test_anonymising_lists_the_case_without_any_value(case, people, own_register):
    retention.case_anonymise(actor=people[1], case=case, reason="erasure_request")
    [line] = own_register.read_text().splitlines()
    at, case_id, reason = line.split("\t")
    assert (case_id, reason) == (case.public_id, "erasure_request")
    assert dt.datetime.strptime(at, "%Y-%m-%dT%H:%M:%SZ")
    assert "Sarangerel" not in line and "Batbold" not in line
    assert own_register.stat().st_mode & 0o777 == 0o600
    assert [e.case_id for e in register.read_register()] == [case.public_id]


def test_an_erasure_that_cannot_be_listed_is_not_made(case, people, own_register, monkeypatch):
    monkeypatch.setenv(register.SETTING, str(own_register.parent / "missing-folder" / "erasures.log"))
    with pytest.raises(register.RegisterError, match="cannot append to the erasure register .*the erasure was "
                                                     "not made"):
        retention.case_anonymise(actor=people[1], case=case, reason="erasure_request")
    case = Case.objects.select_related("person").get(pk=case.pk)
    assert case.anonymised_at is None and case.person.first_name == "Sarangerel"


def test_the_retention_rule_lists_what_it_erases(case, people, own_register, settings):
    settings.CTIP_RETENTION_YEARS = 5
    Case.objects.filter(pk=case.pk).update(status="Closed", closed_on=dt.date(2019, 1, 31))
    outcome = retention.retention_apply(today=dt.date(2026, 6, 1))
    assert outcome.anonymised == [case.public_id]
    assert own_register.read_text().split("\t")[1:] == [case.public_id, "retention_period\n"]


def test_a_malformed_register_line_is_named(own_register):
    own_register.write_text("2026-11-28T10:00:00Z\tAB12-CD34\tretention_period\nnot a line\n")
    with pytest.raises(register.RegisterError, match=r"erasures.log, line 2: 'not a line'"):
        register.read_register()
