"""The users list shows 50 accounts a page and finds accounts by the start of their user name; its addresses
carry only that, an organisation code and a page number."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from ctip.accounts.models import User
from tests.accounts.pages import as_user, text

pytestmark = pytest.mark.django_db

USERS = "/accounts/users/"


@pytest.fixture
def sysadmin(make_user, police_unit):
    return make_user("sysadmin", role="sysadmin", organisation=police_unit, scope="all")


def staff(organisation, count: int, prefix: str = "worker") -> None:
    User.objects.bulk_create(User(username=f"{prefix}{i:03d}", organisation=organisation, password="!")
                             for i in range(count))


def listed(response) -> list[str]:
    return re.findall(r'<th scope="row" id="account-\d+">([^<\s]+)', response.content.decode())


def pager_links(response) -> dict[str, str]:
    """rel -> the link's address."""
    return {rel: html.unescape(href) for href, rel in
            re.findall(r'<a href="([^"]+)" rel="(prev|next)">', response.content.decode())}


def test_fifty_accounts_a_page(orgadmin, shelter):
    staff(shelter, 119)  # and the administrator: 120 accounts
    client = as_user(orgadmin)

    first = client.get(USERS)
    assert len(listed(first)) == 50 and "Page 1 of 3" in text(first) and "Accounts found: 120" in text(first)
    assert listed(first)[:2] == ["orgadmin", "worker000"]
    assert "prev" not in pager_links(first)

    second = client.get(USERS + pager_links(first)["next"])
    assert listed(second)[0] == "worker049" and "Page 2 of 3" in text(second)

    last = client.get(USERS, {"page": 3})
    assert len(listed(last)) == 20 and listed(last)[-1] == "worker118" and "next" not in pager_links(last)
    assert listed(client.get(USERS, {"page": "9"})) == listed(last)  # past the end: the last page
    assert listed(client.get(USERS, {"page": "x"})) == listed(first)


def test_no_pager_for_one_page(orgadmin, shelter):
    staff(shelter, 10)

    assert not pager_links(as_user(orgadmin).get(USERS))


def test_a_search_finds_user_names_by_their_start(orgadmin, make_user, shelter):
    for name in ("tuya", "Tuul", "batu", "tuyaa"):
        make_user(name, organisation=shelter)
    client = as_user(orgadmin)

    assert listed(client.get(USERS, {"username": "tu"})) == ["Tuul", "tuya", "tuyaa"]
    assert listed(client.get(USERS, {"username": "TUYA"})) == ["tuya", "tuyaa"]
    assert listed(client.get(USERS, {"username": "tuyaa"})) == ["tuyaa"]
    nothing = client.get(USERS, {"username": "zz"})
    assert listed(nothing) == [] and "No account matches." in text(nothing) and "Accounts found: 0" in text(nothing)


def test_a_search_stays_within_the_administrators_organisation(orgadmin, make_user, police_unit):
    make_user("tuya", organisation=police_unit)

    assert listed(as_user(orgadmin).get(USERS, {"username": "tuya"})) == []


def test_the_pages_of_a_search_keep_the_search_and_nothing_else(sysadmin, shelter):
    staff(shelter, 60, prefix="tu")
    staff(shelter, 5, prefix="bat")

    first = as_user(sysadmin).get(USERS, {"username": "tu", "organisation": "shelter"})

    assert "Page 1 of 2" in text(first)
    query = parse_qs(urlsplit(pager_links(first)["next"]).query)
    assert query == {"username": ["tu"], "organisation": ["shelter"], "page": ["2"]}
    second = as_user(sysadmin).get(USERS + pager_links(first)["next"])
    assert listed(second) == [f"tu{i:03d}" for i in range(50, 60)]


def test_the_search_form_is_labelled_and_kept_filled_in(orgadmin):
    page = as_user(orgadmin).get(USERS, {"username": "tu"}).content.decode()

    assert '<form method="get" action="/accounts/users/" class="form filters" role="search"' in page
    assert '<label for="id_username">User name</label>' in page
    assert re.search(r'<input type="text" name="username" value="tu"[^>]*id="id_username"', page)
    assert 'name="organisation"' not in page  # an organisation administrator sees one organisation only
    assert f'<a href="{USERS}">Show everyone</a>' in page
