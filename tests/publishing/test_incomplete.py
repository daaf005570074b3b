"""Incomplete releases (a writer that stopped) on the Releases page and with ``ctip release``; the second
click on "Make the release" while the first is still being answered."""

from __future__ import annotations

import os
import time

import pytest
from django.test import Client

from ctip import config
from ctip.cases.audit import verify_chain
from ctip.cases.models import AuditEvent
from ctip.cli import main
from ctip.dataset.store import Dataset
from ctip.disclosure import registry
from ctip.disclosure.errors import DisclosureError
from ctip.disclosure.ledger import PrivacyLedger

pytestmark = pytest.mark.django_db


def stopped_writer(release_id: str, minutes: float = 30, *, charged: bool = False) -> None:
    """What a writer killed before its rename leaves: the claimed empty folder and a staging folder with
    files, untouched for ``minutes``; ``charged``: it had charged the ledger (a DP release)."""
    root = config.releases_dir()
    claimed = registry.claim_release(release_id, root)
    staging = root / f".{release_id}.k1ll3d"
    staging.mkdir()
    (staging / "aggregates.csv").write_text("attributes,values,count\n", encoding="utf-8")
    then = time.time() - minutes * 60
    for path in (staging / "aggregates.csv", staging, claimed):
        os.utime(path, (then, then))
    if charged:
        PrivacyLedger().charge("v1", release_id=release_id, method="aggregates-dp", epsilon=1.0, delta=1e-9)


@pytest.fixture
def dataset(home):
    from tests.dataset.files import FIXTURE

    Dataset().import_file(FIXTURE)


def signed_in(make_user, name: str, role: str) -> Client:
    client = Client()
    client.force_login(make_user(name, role=role))
    return client


def test_an_incomplete_release_is_shown_and_an_analyst_removes_it_after_confirming(make_user, home):
    stopped_writer("q3-tables", charged=True)
    analyst = signed_in(make_user, "ana", "data_analyst")
    page = analyst.get("/releases/").content.decode()
    assert "Incomplete releases" in page and "q3-tables" in page
    assert 'href="/releases/incomplete/q3-tables/remove"' in page
    assert "never finished: the charge stays" in page, "the ledger says the charge of a release never finished stays"

    confirm = analyst.get("/releases/incomplete/q3-tables/remove").content.decode()
    assert "Remove the incomplete release q3-tables?" in confirm and 'method="post"' in confirm
    assert (config.releases_dir() / "q3-tables").exists(), "asking is not removing"

    done = analyst.post("/releases/incomplete/q3-tables/remove", follow=True).content.decode()
    assert "The incomplete release q3-tables was removed; the id is free again." in done
    assert "Incomplete releases" not in done
    assert list(config.releases_dir().iterdir()) == [], "the claim and its staging folder are gone"
    event = AuditEvent.objects.get(action="release.incomplete_remove")
    assert (event.entity, event.entity_id, event.actor_username) == ("release", "q3-tables", "ana")
    assert event.changes == {"via": "Releases page"}
    assert verify_chain().ok
    assert [e["release_id"] for e in PrivacyLedger().entries()] == ["q3-tables"]


def test_a_supervisor_sees_an_incomplete_release_but_cannot_remove_it(make_user, home):
    stopped_writer("q3-tables")
    supervisor = signed_in(make_user, "sue", "supervisor")
    page = supervisor.get("/releases/").content.decode()
    assert "q3-tables" in page and "/releases/incomplete/q3-tables/remove" not in page
    assert supervisor.post("/releases/incomplete/q3-tables/remove").status_code == 403
    assert (config.releases_dir() / "q3-tables").exists()


def test_a_release_being_written_now_is_neither_listed_nor_removable(make_user, home):
    stopped_writer("busy", minutes=1)
    analyst = signed_in(make_user, "ana", "data_analyst")
    assert "Incomplete releases" not in analyst.get("/releases/").content.decode()
    assert analyst.post("/releases/incomplete/busy/remove").status_code == 404
    assert (config.releases_dir() / "busy").exists()
    assert not AuditEvent.objects.filter(action="release.incomplete_remove").exists()


def test_incomplete_releases_in_mongolian(make_user, home):
    stopped_writer("q3-tables")
    analyst = signed_in(make_user, "ana", "data_analyst")
    analyst.post("/i18n/setlang/", {"language": "mn", "next": "/releases/"})
    page = analyst.get("/releases/").content.decode()
    assert "Дуусаагүй нийтлэлүүд" in page and "q3-tables-г устгах" in page
    confirm = analyst.get("/releases/incomplete/q3-tables/remove").content.decode()
    assert "q3-tables дуусаагүй нийтлэлийг устгах уу?" in confirm


def test_a_second_submission_while_the_first_is_being_made_is_told_to_wait(make_user, dataset):
    registry.claim_release("q1", config.releases_dir())  # the first click's writer, still at work
    analyst = signed_in(make_user, "ana", "data_analyst")
    page = analyst.post("/releases/new", {"release_id": "q1", "method": "aggregates-k", "k": "11",
                                          "max_length": "1"}).content.decode()
    assert ("Release q1 is being made right now (by an earlier click or by someone else); wait until it "
            "appears in the list of releases. It will not be made twice.") in page
    assert list((config.releases_dir() / "q1").iterdir()) == [], "the first writer's claim is left alone"


def test_an_id_held_by_an_incomplete_release_says_so(make_user, dataset):
    stopped_writer("q1")
    analyst = signed_in(make_user, "ana", "data_analyst")
    page = analyst.post("/releases/new", {"release_id": "q1", "method": "kanon", "k": "5"}).content.decode()
    assert "Release q1 was never finished: its writing stopped (last written " in page
    assert "Remove the incomplete release, or choose another id." in page


def test_a_refusal_from_the_release_core_is_worded_without_its_english_text(make_user, dataset, monkeypatch):
    from ctip.disclosure import release

    def refuse(*args, **kwargs):
        raise DisclosureError("column 'victimName' would be released; drop it from the input")

    monkeypatch.setattr(release, "create_release", refuse)
    analyst = signed_in(make_user, "ana", "data_analyst")
    analyst.post("/i18n/setlang/", {"language": "mn", "next": "/releases/"})
    page = analyst.post("/releases/new", {"release_id": "q1", "method": "kanon", "k": "5"}).content.decode()
    assert "Эдгээр бүртгэлээс эдгээр параметрээр энэ нийтлэлийг үүсгэх боломжгүй." in page
    assert "victimName" not in page and "would be released" not in page


def test_ctip_release_list_and_clean_show_and_remove_incomplete_releases_audited(home, capsys):
    stopped_writer("stuck")
    registry.claim_release("busy", config.releases_dir())
    assert main(["release", "list"]) == 0
    out = capsys.readouterr().out
    assert "stuck" in out and "incomplete: its writing stopped" in out and "ctip release clean stuck" in out
    assert "busy                     being written now" in out, "a writer at work is not incomplete"

    assert main(["release", "clean", "busy"]) == 2
    assert "'busy' is not an incomplete release untouched for 10 minutes" in capsys.readouterr().err

    assert main(["release", "clean"]) == 0
    assert "removed incomplete release stuck" in capsys.readouterr().out
    assert sorted(p.name for p in config.releases_dir().iterdir()) == ["busy"]
    event = AuditEvent.objects.get(action="release.incomplete_remove")
    assert (event.entity_id, event.actor_id, event.changes) == ("stuck", None, {"via": "ctip release clean"})

    assert main(["release", "clean", "--older-than", "0"]) == 0, "an operator who knows no writer runs"
    assert list(config.releases_dir().iterdir()) == []
