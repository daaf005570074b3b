"""Every user can change their own password, in English or Mongolian, with the platform's password rules."""

from __future__ import annotations

import html

import pytest
from django.test import Client

from tests.conftest import password_for

pytestmark = pytest.mark.django_db

NEW = "seven quiet horses drink tea"


def logged_in(user) -> Client:
    client = Client()
    assert client.login(username=user.username, password=password_for(user.username))
    return client


def test_a_user_changes_their_password_and_stays_logged_in(make_user):
    user = make_user("tuya", role="case_worker")
    client = logged_in(user)
    assert 'href="/password/"' in client.get("/").content.decode()
    response = client.post("/password/", {"old_password": password_for("tuya"), "new_password1": NEW,
                                          "new_password2": NEW}, follow=True)
    assert "Your password was changed." in response.content.decode()
    assert client.get("/cases/").status_code == 200  # still logged in
    assert not Client().login(username="tuya", password=password_for("tuya"))
    assert Client().login(username="tuya", password=NEW)


@pytest.mark.parametrize("old, new1, new2, shown", [
    ("wrong password", NEW, NEW, "Your old password was entered incorrectly."),
    (None, "short", "short", "This password is too short. It must contain at least 12 characters."),
    (None, "123456789012345", "123456789012345", "This password is entirely numeric."),
    (None, NEW, NEW + " x", "The two password fields didn’t match."),
])
def test_a_refused_password_says_why_and_changes_nothing(make_user, old, new1, new2, shown):
    user = make_user("bold", role="supervisor")
    client = logged_in(user)
    response = client.post("/password/", {"old_password": old or password_for("bold"), "new_password1": new1,
                                          "new_password2": new2})
    assert response.status_code == 200 and shown in html.unescape(response.content.decode())
    assert Client().login(username="bold", password=password_for("bold"))


def test_the_password_page_speaks_mongolian(make_user):
    client = logged_in(make_user("saraa", role="data_analyst"))
    client.post("/i18n/setlang/", {"language": "mn", "next": "/"})
    page = client.post("/password/", {"old_password": "wrong password", "new_password1": "short",
                                      "new_password2": "short"}).content.decode()
    assert "Нууц үгээ солих" in page and "Хуучин нууц үгээ буруу оруулсан байна" in page


def test_anonymous_visitors_are_sent_to_log_in():
    response = Client().get("/password/")
    assert response.status_code == 302 and "/login/" in response["Location"]
