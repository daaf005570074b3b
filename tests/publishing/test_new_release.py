"""The Releases page's "New release" form: data analysts make a release from the collaborative dataset."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from ctip import config
from ctip.dataset.store import Dataset
from ctip.disclosure import registry
from ctip.disclosure.ledger import PrivacyLedger

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(home):
    """The collaborative dataset holding the dataset tests' sample file (500 records)."""
    from tests.dataset.files import FIXTURE

    Dataset().import_file(FIXTURE)
    return Dataset()


@pytest.fixture
def analyst(make_user):
    client = Client()
    client.force_login(make_user("ana", role="data_analyst"))
    return client


def manifest(release_id: str) -> dict:
    return json.loads((config.releases_dir() / release_id / "manifest.json").read_text(encoding="utf-8"))


def release_folders() -> list[str]:
    root = config.releases_dir()
    return sorted(p.name for p in root.iterdir()) if root.exists() else []


def test_analyst_sees_the_form_with_the_budget_left(analyst, dataset):
    text = analyst.get("/releases/").content.decode()
    assert 'action="/releases/new#new-h"' in text and "New release" in text
    assert "Left for the collaborative dataset: ε = 10.0, δ = 0.000001." in text
    assert 'name="seed"' not in text, "releases made on the page draw a secret seed"
    assert "publishing/new_release.js" in text


@pytest.mark.parametrize(("fields", "expected"), [
    ({"method": "kanon", "k": "5", "kanon_method": "suppress"}, {"k": 5, "method": "suppress"}),
    ({"method": "aggregates-k", "k": "11", "max_length": "1", "columns": "gender, ageBroad"},
     {"k": 11, "max_length": 1, "columns": ["gender", "ageBroad"]}),
    ({"method": "aggregates-dp", "epsilon": "0.5", "delta": "1e-9", "max_length": "1", "columns": "gender"},
     {"mechanism": "gaussian", "max_length": 1, "columns": ["gender"]}),
    ({"method": "synthetic", "epsilon": "0.5", "delta": ""}, {"delta": 1e-9}),
])
def test_each_method_makes_a_release_with_the_parameters_given(analyst, dataset, fields, expected):
    response = analyst.post("/releases/new", {"release_id": "made-here", **fields}, follow=True)
    assert response.redirect_chain[-1][0] == "/releases/made-here/"
    assert "Release made-here created. It is not published" in response.content.decode()
    written = manifest("made-here")
    assert written["method"] == fields["method"] and written["source"] == "collaborative dataset"
    assert expected.items() <= written["parameters"].items()
    assert written["seed"] is None and written["published_at"] is None
    if fields["method"] in ("aggregates-dp", "synthetic"):
        assert written["epsilon"] == 0.5
        assert [e["release_id"] for e in PrivacyLedger().entries()] == ["made-here"]
    info = registry.load_release("made-here")
    assert not info.is_published


def test_budget_refusal_says_what_is_left_and_writes_nothing(analyst, dataset):
    PrivacyLedger().set_budget(epsilon=1.0, delta=1e-6)
    assert analyst.post("/releases/new", {"release_id": "first", "method": "synthetic", "epsilon": "0.75"}
                        ).status_code == 302
    response = analyst.post("/releases/new", {"release_id": "second", "method": "aggregates-dp",
                                              "epsilon": "0.5", "max_length": "1"})
    text = response.content.decode()
    assert response.status_code == 200
    assert "Refused: the records of the collaborative dataset have only ε = 0.25" in text
    assert release_folders() == ["first"]
    assert [e["release_id"] for e in PrivacyLedger().entries()] == ["first"]


def test_an_existing_id_is_refused(analyst, dataset):
    fields = {"method": "aggregates-k", "k": "11", "max_length": "1"}
    assert analyst.post("/releases/new", {"release_id": "tables", **fields}).status_code == 302
    before = (config.releases_dir() / "tables" / "manifest.json").read_bytes()
    text = analyst.post("/releases/new", {"release_id": "tables", **fields}).content.decode()
    assert "A release with this id exists already; choose another id." in text
    assert (config.releases_dir() / "tables" / "manifest.json").read_bytes() == before


@pytest.mark.parametrize(("fields", "message"), [
    ({"release_id": "Bad/Id", "method": "aggregates-k", "k": "11"}, "Use 1 to 64 small letters"),
    ({"release_id": "ok", "method": "kanon", "k": "1"}, "Must be a whole number from 2 up."),
    ({"release_id": "ok", "method": "synthetic"}, "Required for this method: a number greater than 0."),
    ({"release_id": "ok", "method": "aggregates-dp", "epsilon": "1", "delta": "2"},
     "Must be a number greater than 0 and less than 1."),
    ({"release_id": "ok", "method": "aggregates-k", "k": "11", "max_length": "9"}, "Must be a whole number from 1 to 4."),
    ({"release_id": "ok", "method": "aggregates-k", "k": "11", "columns": "gender, sex"}, "Unknown variable(s): sex."),
])
def test_bad_parameters_are_refused_at_the_field_saying_what_is_allowed(analyst, dataset, fields, message):
    text = analyst.post("/releases/new", fields).content.decode()
    assert message in text
    assert release_folders() == []


def test_an_empty_dataset_is_refused(analyst, home):
    text = analyst.post("/releases/new", {"release_id": "x", "method": "aggregates-k", "k": "11"}).content.decode()
    assert "The collaborative dataset is empty" in text
    assert release_folders() == []


@pytest.mark.parametrize("role", ["case_worker", "police_analyst", "org_admin", "supervisor"])
def test_other_roles_cannot_make_a_release(make_user, dataset, role):
    client = Client()
    client.force_login(make_user("someone", role=role))
    response = client.post("/releases/new", {"release_id": "x", "method": "aggregates-k", "k": "11"})
    assert response.status_code == 403
    assert release_folders() == []
    if role == "supervisor":
        assert 'action="/releases/new#new-h"' not in client.get("/releases/").content.decode()


def test_anonymous_users_are_sent_to_log_in(dataset):
    response = Client().post("/releases/new", {"release_id": "x", "method": "aggregates-k", "k": "11"})
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_form_needs_a_csrf_token(make_user, dataset):
    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("ana", role="data_analyst"))
    response = client.post("/releases/new", {"release_id": "x", "method": "aggregates-k", "k": "11"})
    assert response.status_code == 403 and release_folders() == []


def test_form_and_its_errors_in_mongolian(analyst, dataset):
    analyst.post("/i18n/setlang/", {"language": "mn", "next": "/releases/"})
    text = analyst.get("/releases/", HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "Шинэ нийтлэл" in text and "Нийтлэл үүсгэх" in text and "Хамтын өгөгдлийн санд үлдсэн" in text
    text = analyst.post("/releases/new", {"release_id": "ok", "method": "kanon", "k": "1"},
                        HTTP_ACCEPT_LANGUAGE="mn").content.decode()
    assert "2 буюу түүнээс их бүхэл тоо байх ёстой." in text
