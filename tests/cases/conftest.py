"""Fixtures of the case-store tests: three organisations (IOM-like office, shelter, police) and users."""

from __future__ import annotations

import datetime as dt

import pytest

from ctip.accounts.models import Organisation, User


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English whatever language an earlier test left active."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def orgs(db):
    return {
        "iom": Organisation.objects.create(name="IOM office", code="iom-t", org_type="CentralGovernmentOrganisation"),
        "shelter": Organisation.objects.create(name="Shelter", code="shelter-t", org_type="NGO"),
        "police": Organisation.objects.create(name="Police unit", code="police-t", org_type="LawEnforcement"),
    }


@pytest.fixture
def user(orgs):
    """``user(role, org="iom", name=None, scope="organisation")`` creates a user of that role."""
    counter = {"n": 0}

    def make(role: str = "case_worker", org: str = "iom", name: str | None = None, scope: str = "organisation"):
        counter["n"] += 1
        return User.objects.create(username=name or f"{role}-{org}-{counter['n']}", role=role, scope=scope,
                                   organisation=orgs[org])

    return make


@pytest.fixture
def worker(user):
    return user("case_worker", "iom", "worker")


@pytest.fixture
def supervisor(user):
    return user("supervisor", "iom", "boss")


@pytest.fixture
def new_case(worker):
    """``new_case(**person_fields)`` registers a case as the IOM worker (an adult woman by default)."""
    from ctip.cases import services

    def make(actor=None, **fields):
        fields = {"first_name": "Sarangerel", "last_name": "Batbold", "gender": "Feminine", "citizenship": "MNG",
                  "birth_date": dt.date(1998, 3, 14), **fields}
        return services.case_create(actor=actor or worker, **fields)

    return make


@pytest.fixture
def environment_keys(monkeypatch, new_case):
    """Keys taken from the environment (CTIP_FIELD_KEYS) after one case was stored with file keys."""
    import base64
    import os

    from ctip.cases import crypto

    new_case()
    b64 = base64.urlsafe_b64encode(os.urandom(32)).decode()
    monkeypatch.setenv("CTIP_FIELD_KEYS", f"env1:{b64}")
    monkeypatch.setenv("CTIP_BLIND_INDEX_KEY", b64)
    yield
    monkeypatch.delenv("CTIP_FIELD_KEYS")
    crypto.keyring(refresh=True)
