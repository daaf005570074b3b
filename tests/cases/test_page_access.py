"""Deny by default on the case pages: anonymous visitors go to the login page, roles without the page get 403."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_of_the_screening_page_is_sent_to_log_in(client, new_case):
    case = new_case()

    response = client.get(f"/cases/{case.public_id}/screening/")

    assert response.status_code == 302
    assert response["Location"] == f"/login/?next=/cases/{case.public_id}/screening/"


@pytest.mark.parametrize("role", ["org_admin", "data_analyst", "sysadmin"])
def test_roles_without_referrals_are_refused_the_referral_inbox(client, user, role):
    client.force_login(user(role))

    assert client.get("/cases/referrals/").status_code == 403


@pytest.mark.parametrize("role", ["case_worker", "supervisor", "police_analyst"])
def test_roles_that_handle_referrals_open_the_inbox(client, user, role):
    org = "police" if role == "police_analyst" else "iom"
    client.force_login(user(role, org))

    response = client.get("/cases/referrals/")

    assert response.status_code == 200
    assert "Incoming" in response.content.decode()
