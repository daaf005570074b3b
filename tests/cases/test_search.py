"""Finding a case by its id the way people type it: any case, with a space instead of the hyphen, and with
the letters Crockford base32 reads as digits (O for 0, I or L for 1)."""

from __future__ import annotations

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

    html = client.get("/cases/", {"q": "7k3m oq1a"}).content.decode()

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
