"""Under ``CTIP_TWO_FACTOR=optional`` every page asks "is this account enrolled?" twice (the sign-in steps
middleware and the navigation bar): the database answers once per request."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ctip.accounts import twofactor
from tests.accounts.signin import code_for, sign_in

pytestmark = pytest.mark.django_db


def _enrolment_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return sum("otp_totp_totpdevice" in query["sql"] for query in queries.captured_queries)


@pytest.mark.parametrize("path", ["/", "/cases/", "/accounts/me/"])
def test_a_page_asks_the_database_once_whether_the_account_is_enrolled(client, make_user, monkeypatch, path):
    make_user("tuya")
    sign_in(client, "tuya")
    asked = []
    answer = twofactor.is_enrolled
    monkeypatch.setattr(twofactor, "is_enrolled", lambda user: asked.append(user) or answer(user))

    assert _enrolment_queries(client, path) == 1
    assert len(asked) >= 2  # the middleware, the navigation bar (and the account page) all asked


def test_the_answer_kept_follows_an_enrolment_and_a_reset(make_user):
    user = make_user("tuya")
    assert not twofactor.is_enrolled(user)
    device = twofactor.pending_device(user)

    assert twofactor.enrolment_confirm(user, device, code_for(device)) is not None
    assert twofactor.is_enrolled(user)
    twofactor.remove(user)
    assert not twofactor.is_enrolled(user)
