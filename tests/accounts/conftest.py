"""Organisations, a system and an organisation administrator shared by the account-page tests."""

from __future__ import annotations

import pytest

from ctip.accounts.models import Organisation


@pytest.fixture
def shelter():
    return Organisation.objects.create(code="shelter", name="Safe Shelter", org_type="NGO")


@pytest.fixture
def police_unit():
    return Organisation.objects.create(code="police", name="Police Unit", org_type="LawEnforcement")


@pytest.fixture
def sysadmin(make_user, shelter):
    """A system administrator (of the shelter, scope all); some files define their own in another organisation."""
    return make_user("sysadmin", role="sysadmin", organisation=shelter, scope="all")


@pytest.fixture
def orgadmin(make_user, shelter):
    return make_user("orgadmin", role="org_admin", organisation=shelter)
