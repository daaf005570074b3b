"""Two writers of the same release id at the same instant: exactly one gets it, the other the usual refusal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import polars as pl
import pytest

from ctip.cli import main
from ctip.disclosure import registry
from ctip.disclosure.ledger import PrivacyLedger
from ctip.disclosure.registry import ReleaseExists
from ctip.disclosure.release import Request, create_release
from ctip.disclosure.simulate import make_ctdc_like

WRITERS = 4


@pytest.fixture(scope="module")
def frame() -> pl.DataFrame:
    return make_ctdc_like(1500, seed=3)


def race(frame: pl.DataFrame, requests: list[Request], release_id: str) -> tuple[list, list]:
    """Run one ``create_release`` per request in threads released together; (winners, refusals)."""
    start = threading.Barrier(len(requests))
    won, refused, failed = [], [], []

    def write(request: Request) -> None:
        start.wait()
        try:
            won.append(create_release(frame, request, release_id))
        except ReleaseExists as exc:
            refused.append(exc)
        except BaseException as exc:  # anything else is the bug this file guards against
            failed.append(exc)

    threads = [threading.Thread(target=write, args=(r,)) for r in requests]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failed, failed
    return won, refused


def test_one_of_several_concurrent_writers_of_an_id_wins_and_the_folder_is_all_its_own(home, frame):
    # different methods write different files: a folder mixing two writers would show it
    requests = [Request(method="kanon", k=5), Request(method="aggregates-k", k=11, max_length=1),
                Request(method="kanon", k=11, kanon_method="suppress"), Request(method="aggregates-k", k=5)]
    won, refused = race(frame, requests, "same-id")
    assert len(won) == 1 and len(refused) == WRITERS - 1
    assert all(str(e) == "release 'same-id' exists already; choose another id" for e in refused)
    winner = won[0]
    manifest = json.loads((winner.path / "manifest.json").read_text(encoding="utf-8"))
    report = json.loads((winner.path / "report.json").read_text(encoding="utf-8"))
    assert manifest["method"] == report["method"] == winner.method
    assert manifest["parameters"] == report["parameters"]
    assert (winner.path / "records.csv").exists() == (winner.method == "kanon")
    assert [r.id for r in registry.list_releases()] == ["same-id"]
    assert sorted(p.name for p in (home / "releases").iterdir()) == ["same-id"], "no staging folder is left"


def test_concurrent_dp_writers_of_an_id_charge_the_ledger_once(home, frame):
    requests = [Request(method="aggregates-dp", epsilon=0.5 + i, delta=1e-9, max_length=1, seed=i,
                        columns=("gender", "ageBroad")) for i in range(WRITERS)]
    won, refused = race(frame, requests, "dp-tables")
    assert len(won) == 1 and len(refused) == WRITERS - 1
    entries = [e for e in PrivacyLedger().entries() if e["release_id"] == "dp-tables"]
    assert [e["epsilon"] for e in entries] == [won[0].epsilon], "only the release written spends budget"


def test_two_cli_processes_writing_one_id_at_once(home, frame, tmp_path):
    source = tmp_path / "in.csv"
    frame.write_csv(source)
    argv = [sys.executable, "-m", "ctip", "release", "aggregates", "--k", "11", "--max-length", "1",
            "--input", str(source), "cli-same"]
    env = {**os.environ, "CTIP_HOME": str(home)}
    runs = [subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)]
    results = sorted((p.wait(timeout=120), *p.communicate()) for p in runs)
    (ok, out_ok, _), (refused, out_refused, err_refused) = results
    assert (ok, refused) == (0, 2)
    assert "release cli-same written" in out_ok
    assert out_refused == ""
    # the loser is told the id is taken, or being written when the winner has not finished yet
    assert ("release 'cli-same' exists already; choose another id" in err_refused
            or "release 'cli-same' is being written now (by another run)" in err_refused)
    assert [r.id for r in registry.list_releases()] == ["cli-same"]


def claim_in_progress(home: Path, release_id: str) -> None:
    """What a writer's claim looks like while it computes: the id's folder, still empty."""
    registry.claim_release(release_id, home / "releases")


def test_an_id_being_written_is_not_listed_and_is_refused_on_the_command_line(home, frame, tmp_path, capsys):
    claim_in_progress(home, "busy")
    assert registry.list_releases() == []
    with pytest.raises(Exception, match="no release 'busy'"):
        registry.load_release("busy")
    source = tmp_path / "in.csv"
    frame.head(300).write_csv(source)
    assert main(["release", "kanon", "--k", "5", "--input", str(source), "busy"]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == ("ctip release: release 'busy' is being written now (by another run); wait "
                                    "until 'ctip release list' shows it")
    assert captured.out == ""
    assert list((home / "releases" / "busy").iterdir()) == [], "the other writer's claim is left alone"


def test_a_failed_write_gives_the_id_back(home, frame):
    with pytest.raises(Exception, match="may never be released"):
        create_release(frame.with_columns(pl.lit("a@b.mn").alias("email")), Request(method="kanon", k=5), "again")
    assert not (home / "releases" / "again").exists()
    assert create_release(frame, Request(method="kanon", k=5), "again").id == "again"
