"""Finding a case by its id the way people type it: any case, with a space instead of the hyphen, and with
the letters Crockford base32 reads as digits (O for 0, I or L for 1)."""

from __future__ import annotations

import re

import pytest

from ctip.cases import selectors, services
from ctip.cases.models import Case

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("typed", ["7K3M-0Q1A", "7k3m-0q1a", "7K3M0Q1A", "7k3m 0q1a", "7K3M-OQ1A", "7k3m oqla",
                                   " 7K3M-0QIA "])
def test_case_id_is_found_however_it_is_typed(new_case, worker, typed):
    case = new_case()
    Case.objects.filter(pk=case.pk).update(public_id="7K3M-0Q1A")

    assert list(selectors.case_list_for(worker, search=typed).values_list("pk", flat=True)) == [case.pk]


def test_case_list_page_finds_a_case_id_typed_with_a_space(client, new_case, worker):
    case = new_case()
    Case.objects.filter(pk=case.pk).update(public_id="7K3M-0Q1A")
    client.force_login(worker)

    html = client.post("/cases/", {"q": "7k3m oq1a"}).content.decode()

    assert 'href="/cases/7K3M-0Q1A/"' in html


def test_my_cases_are_those_i_own_or_am_assigned_to(client, new_case, worker, user):
    colleague = user("case_worker", "iom", "colleague")
    mine, assigned, theirs = new_case(), new_case(actor=colleague), new_case(actor=colleague)
    services.case_assign(actor=colleague, case=assigned, workers=[worker])
    client.force_login(worker)

    html = client.get("/cases/", {"mine": "on"}).content.decode()
    everything = client.get("/cases/").content.decode()

    assert mine.public_id in html and assigned.public_id in html and theirs.public_id not in html
    assert theirs.public_id in everything
    assert 'name="mine"' in html and "Only cases I own or am assigned to" in html


def test_a_searched_name_never_travels_in_a_url(client, new_case, worker):
    """The search posts: the answer comes in the response (nothing to bookmark or keep in the history), its
    pages post again; a name put in the URL by hand is ignored; filters alone land on a plain URL."""
    case = new_case()
    client.force_login(worker)
    name = case.person.first_name
    found = client.post("/cases/", {"q": name})
    assert found.status_code == 200 and case.public_id in found.content.decode()
    hrefs = re.findall(r'(?:href|action)="([^"]*)"', found.content.decode())
    assert hrefs and not [h for h in hrefs if name in h or "q=" in h]
    assert "Cases found: 1" in found.content.decode()
    typed = client.get("/cases/", {"q": "no such name at all", "status": "Active"})
    assert typed.status_code == 200 and case.public_id in typed.content.decode()  # q ignored, status kept
    filtered = client.post("/cases/", {"q": "", "status": "Active"})
    assert filtered.status_code == 302 and filtered["Location"] == "/cases/?status=Active"


def test_the_pages_of_a_search_are_posted_again(client, new_case, worker):
    for _ in range(52):  # one name, more cases than a page holds
        new_case(first_name="Bat", last_name="Dorj")
    client.force_login(worker)
    first = client.post("/cases/", {"q": "Bat Dorj"}).content.decode()
    assert "Page 1 of 2" in first and 'name="page" value="2"' in first and 'name="q" value="Bat Dorj"' in first
    second = client.post("/cases/", {"q": "Bat Dorj", "page": "2"}).content.decode()
    case_link = re.compile(r'href="/cases/[0-9A-Z]{4}-[0-9A-Z]{4}/"')
    assert len(case_link.findall(first)) == 50
    assert "Page 2 of 2" in second and len(case_link.findall(second)) == 2
