"""A release whose writer was killed: listed as incomplete once it is old enough, removable, its charge kept."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest

from ctip.cli import main
from ctip.disclosure import registry
from ctip.disclosure.ledger import PrivacyLedger
from ctip.disclosure.registry import NotIncomplete
from ctip.disclosure.release import Request, create_release
from ctip.disclosure.simulate import make_ctdc_like

# A writer that stops for good right before its last step (the rename of the staging folder onto the
# claimed id): the worst moment to be killed, with every file written and the ledger charged.
WRITER = textwrap.dedent("""
    import sys, time
    from ctip.disclosure import release
    from ctip.disclosure.simulate import make_ctdc_like

    def stop_before_commit(staging, claimed):
        print("READY", flush=True)
        time.sleep(600)

    release.commit_release = stop_before_commit
    request = release.Request(method="aggregates-dp", epsilon=1.0, delta=1e-9, max_length=1, seed=7,
                              columns=("gender", "ageBroad"))
    release.create_release(make_ctdc_like(400, seed=5), request, sys.argv[1])
""")


def kill_a_writer_of(release_id: str, home: Path) -> None:
    """Start a real writer of ``release_id`` and kill it (SIGKILL: no clean-up runs) before it commits."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, release_id], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "CTIP_HOME": str(home)})
    try:
        assert writer.stdout.readline().strip() == "READY"
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)


def age(release_id: str, home: Path, minutes: float) -> None:
    """Make the claim and its staging look untouched for ``minutes`` (as if the writer died that long ago)."""
    root = home / "releases"
    then = time.time() - minutes * 60
    for path in [root / release_id, *(p for p in root.iterdir() if p.name.startswith(f".{release_id}."))]:
        os.utime(path, (then, then))


def test_a_killed_writer_leaves_an_incomplete_release_that_is_listed_removed_and_keeps_its_charge(home, capsys):
    kill_a_writer_of("killed", home)
    root = home / "releases"
    assert registry.list_releases() == [], "no manifest in the claimed folder: not a release"
    assert sorted(p.name for p in root.iterdir())[1:] == ["killed"]
    staging = next(p for p in root.iterdir() if p.name.startswith(".killed."))
    assert (staging / "aggregates.csv").is_file(), "its noisy output reached the disk"
    assert [e["release_id"] for e in PrivacyLedger().entries()] == ["killed"], "charged before writing"

    assert registry.id_state("killed") == "writing", "just stopped: could still be a writer at work"
    assert registry.incomplete_releases() == []
    age("killed", home, minutes=11)
    assert registry.id_state("killed") == "incomplete"
    (found,) = registry.incomplete_releases()
    assert found.id == "killed" and found.staging == (staging,)

    removed = registry.remove_incomplete("killed")
    assert removed.id == "killed"
    assert list(root.iterdir()) == [], "the claim and its staging are gone"
    assert registry.id_state("killed") is None
    assert [e["release_id"] for e in PrivacyLedger().entries()] == ["killed"], "the charge stays"
    assert main(["release", "ledger"]) == 0
    (line,) = [line for line in capsys.readouterr().out.splitlines() if "killed" in line]
    assert "epsilon=1 delta=1e-09" in line and line.endswith("(never finished: the charge stays)")
    assert main(["release", "ledger", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["entries"][0]["finished"] is False
    assert create_release(make_ctdc_like(300, seed=1), Request(method="kanon", k=5), "killed").id == "killed"


def test_a_claim_written_to_recently_is_a_writer_at_work_and_is_left_alone(home):
    registry.claim_release("busy", home / "releases")
    assert registry.id_state("busy") == "writing"
    assert registry.incomplete_releases() == []
    with pytest.raises(NotIncomplete, match="'busy' is not an incomplete release untouched for 10 minutes"):
        registry.remove_incomplete("busy")
    assert (home / "releases" / "busy").is_dir()
    assert registry.incomplete_releases(older_than=timedelta(0))[0].id == "busy", "an operator may say 0"


def test_a_release_is_never_taken_for_an_incomplete_one(home):
    create_release(make_ctdc_like(300, seed=1), Request(method="kanon", k=5), "done")
    age("done", home, minutes=120)
    assert registry.incomplete_releases() == []
    with pytest.raises(NotIncomplete):
        registry.remove_incomplete("done")
    assert [r.id for r in registry.list_releases()] == ["done"]


def test_staging_folders_belong_to_their_own_id_only(home):
    root = home / "releases"
    for release_id in ("a", "a.b"):
        registry.claim_release(release_id, root)
    (root / ".a.b.x1y2z3").mkdir()  # the staging of id "a.b", not of id "a"
    (root / ".a.k9k9k9").mkdir()
    age("a", home, 30)
    age("a.b", home, 30)
    found = {r.id: [p.name for p in r.staging] for r in registry.incomplete_releases()}
    assert found == {"a": [".a.k9k9k9"], "a.b": [".a.b.x1y2z3"]}
    registry.remove_incomplete("a")
    assert sorted(p.name for p in root.iterdir()) == [".a.b.x1y2z3", "a.b"]
