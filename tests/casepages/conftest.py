"""Fixtures of the case-page tests: an IOM-like office, a shelter, a police unit and another office,
with named users in each (password: ``tests.conftest.password_for(username)``)."""

from __future__ import annotations

import pytest

from ctip.accounts.models import Organisation


@pytest.fixture
def orgs(db):
    make = Organisation.objects.create
    return {
        "iom": make(name="IOM Mongolia", code="iom", org_type="CentralGovernmentOrganisation"),
        "shelter": make(name="Safe Shelter", code="shelter", org_type="NGO"),
        "police": make(name="Police Anti-Trafficking Unit", code="police", org_type="LawEnforcement"),
        "other": make(name="Other Office", code="other", org_type="NGO"),
    }


@pytest.fixture
def people(orgs):
    """One user per role that the tests use, keyed by username (no password: tests use ``force_login``;
    the browser test sets passwords for those who log in, since hashing one takes a noticeable time)."""
    from ctip.accounts.models import User

    spec = [
        ("caseworker", "case_worker", "iom"), ("supervisor", "supervisor", "iom"),
        ("shelterworker", "case_worker", "shelter"), ("police", "police_analyst", "police"),
        ("outsider", "case_worker", "other"), ("outsideboss", "supervisor", "other"),
        ("analyst", "data_analyst", "iom"), ("orgadmin", "org_admin", "iom"),
    ]
    return {name: User.objects.create(username=name, role=role, scope="organisation", organisation=orgs[org],
                                      password="!")
            for name, role, org in spec}


@pytest.fixture
def child_case(people):
    """A 16-year-old girl registered by the IOM case worker."""
    from ctip.cases import services

    return services.case_create(actor=people["caseworker"], first_name="Nomin", last_name="Batbold", age_years=16,
                                gender="Feminine", citizenship="MNG")
