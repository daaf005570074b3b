"""The budget follows the records, not the dataset version: one more import does not reset it."""

from __future__ import annotations

import json

import pytest

from ctip.cli import main
from ctip.dataset.store import Dataset
from ctip.disclosure.errors import BudgetExceeded
from ctip.disclosure.ledger import PrivacyLedger
from ctip.disclosure.release import Request, create_release, privacy_accounts
from ctip.disclosure.simulate import make_ctdc_like

AGG = Request(method="aggregates-dp", epsilon=2.0, delta=1e-9, max_length=1)


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("CTIP_HOME", str(tmp_path))
    PrivacyLedger().set_budget(epsilon=3.0, delta=1e-6)
    return tmp_path


@pytest.fixture
def files(tmp_path):
    """Two CTDC v2024 files of different people."""
    paths = []
    for n, seed in ((600, 1), (500, 2)):
        path = tmp_path / f"partner-{seed}.csv"
        make_ctdc_like(n, seed=seed).write_csv(path)
        paths.append(path)
    return paths


def test_a_new_dataset_version_holding_released_records_has_no_fresh_budget(home, files):
    store = Dataset()
    store.import_file(files[0])
    create_release(store.frame(), AGG, "first")
    store.import_file(files[1])  # a new version: the first file's people are still in it
    with pytest.raises(BudgetExceeded, match=r"records imported from the file with SHA-256 [0-9a-f]{12}… have only epsilon=1,.*spent by first"):
        create_release(store.frame(), AGG, "second")
    assert not (home / "releases" / "second").exists()


def test_records_no_release_used_have_their_whole_budget(home, files):
    store = Dataset()
    report = store.import_file(files[0])
    create_release(store.frame(), AGG, "first")
    store.drop_batch(report.batch)
    store.import_file(files[1])  # disjoint records: parallel composition
    create_release(store.frame(), AGG, "other-people")
    assert PrivacyLedger().remaining_for(privacy_accounts(store.frame())).epsilon == pytest.approx(1.0)


def test_dropping_and_reimporting_a_file_does_not_reset_its_budget(home, files):
    store = Dataset()
    report = store.import_file(files[0])
    create_release(store.frame(), AGG, "first")
    store.drop_batch(report.batch)
    store.import_file(files[0])
    with pytest.raises(BudgetExceeded, match="spent by first"):
        create_release(store.frame(), AGG, "again")


def test_a_release_from_a_file_counts_for_the_same_records_in_the_dataset(home, files, capsys):
    assert main(["release", "aggregates", "--epsilon", "2", "--max-length", "1", "--input", str(files[0]),
                 "from-file"]) == 0
    Dataset().import_file(files[0])
    assert main(["release", "aggregates", "--epsilon", "2", "--max-length", "1", "from-dataset"]) == 2
    err = capsys.readouterr().err
    assert "spent by from-file" in err and "--set-budget" in err


def test_ledger_shows_what_the_dataset_has_left_and_every_budget_change(home, files, capsys):
    Dataset().import_file(files[0])
    assert main(["release", "aggregates", "--epsilon", "1", "--max-length", "1", "r1"]) == 0
    assert "these records have epsilon=2, " in capsys.readouterr().out
    assert main(["release", "ledger", "--set-budget", "5"]) == 0
    out = capsys.readouterr().out
    assert "collaborative dataset as it is now (1 source(s)): epsilon left 4" in out
    assert main(["release", "ledger", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["epsilon"] for c in data["budget_changes"]] == [3.0, 5.0]
    assert data["collaborative_dataset"]["remaining"]["epsilon"] == pytest.approx(4.0)
    assert data["entries"][0]["accounts"] == data["collaborative_dataset"]["accounts"]


def test_entries_from_before_accounts_count_against_every_release(tmp_path):
    path = tmp_path / "ledger.json"
    path.write_text(json.dumps({"budget": {"epsilon": 3.0, "delta": 1e-6}, "versions": {
        "old": [{"release_id": "legacy", "method": "synthetic", "epsilon": 2.5, "delta": 1e-9, "seed": None,
                 "created_at": "2026-01-01T00:00:00+00:00"}]}}))
    ledger = PrivacyLedger(path)
    with pytest.raises(BudgetExceeded, match="spent by legacy"):
        ledger.check("new", epsilon=1.0, delta=1e-9, accounts=["source:abc"])
