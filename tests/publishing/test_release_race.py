"""Two analysts submitting the same release id on the Releases page at the same instant."""

from __future__ import annotations

import threading

import pytest
from django.db import connections
from django.test import Client

from ctip import config
from ctip.dataset.store import Dataset
from ctip.disclosure import registry

TAKEN = "A release with this id exists already; choose another id."
BEING_MADE = ("Release %s is being made right now (by an earlier click or by someone else); wait until it appears "
              "in the list of releases. It will not be made twice.")


@pytest.fixture
def dataset(home):
    from tests.dataset.files import FIXTURE

    Dataset().import_file(FIXTURE)


def analyst(make_user, name: str) -> Client:
    client = Client()
    client.force_login(make_user(name, role="data_analyst"))
    return client


@pytest.mark.django_db(transaction=True)
def test_two_analysts_submitting_one_id_at_once_one_gets_it_the_other_is_told_at_the_field(make_user, dataset):
    clients = [analyst(make_user, "ana"), analyst(make_user, "bat")]
    forms = [{"release_id": "q1", "method": "kanon", "k": "5", "kanon_method": "suppress"},
             {"release_id": "q1", "method": "aggregates-k", "k": "11", "max_length": "1"}]
    start = threading.Barrier(2)
    responses: list = [None, None]

    def submit(i: int) -> None:
        start.wait()
        try:
            responses[i] = clients[i].post("/releases/new", forms[i])
        finally:
            connections.close_all()  # this thread's own database connection

    threads = [threading.Thread(target=submit, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200, 302], "one release is made, the other form comes back"
    winner = next(i for i, r in enumerate(responses) if r.status_code == 302)
    refused = responses[1 - winner].content.decode()
    # told the id is taken, or that the other release is still being made when it has not finished yet
    assert (TAKEN in refused or BEING_MADE % "q1" in refused) and "Server Error" not in refused
    assert registry.load_release("q1").method == forms[winner]["method"]
    assert sorted(p.name for p in config.releases_dir().iterdir()) == ["q1"]


@pytest.mark.django_db
def test_an_id_being_written_is_refused_at_the_field_and_not_listed(make_user, dataset):
    registry.claim_release("busy")  # another analyst's release, still being computed
    client = analyst(make_user, "ana")
    page = client.get("/releases/").content.decode()
    assert "/releases/busy/" not in page
    text = client.post("/releases/new", {"release_id": "busy", "method": "aggregates-k", "k": "11"}).content.decode()
    assert BEING_MADE % "busy" in text
    assert list((config.releases_dir() / "busy").iterdir()) == []


@pytest.mark.django_db
def test_the_refusal_of_an_id_being_written_in_mongolian(make_user, dataset):
    registry.claim_release("busy")
    client = analyst(make_user, "ana")
    client.post("/i18n/setlang/", {"language": "mn", "next": "/releases/"})
    text = client.post("/releases/new", {"release_id": "busy", "method": "aggregates-k", "k": "11"},
                       HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert ("busy нийтлэлийг яг одоо үүсгэж байна (өмнөх товшилтоор эсвэл өөр хүн); нийтлэлүүдийн жагсаалтад "
            "гарч иртэл хүлээнэ үү. Хоёр удаа үүсгэхгүй.") in text
