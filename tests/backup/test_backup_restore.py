"""``ctip backup create|verify`` and ``ctip restore`` as an administrator runs them, on a real deployment
(SQLite, or PostgreSQL when the suite runs with a PostgreSQL ``DATABASE_URL``)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import tarfile
from pathlib import Path

import pytest

from tests.backup.deployment import (
    ANONYMISE,
    DELETE,
    FIRST_NAMES,
    HOLD,
    LIFT,
    SEED,
    Deployment,
    postgres_server,
)

# Marked so that ``make test`` runs them again on PostgreSQL; each deployment has its own database.
pytestmark = pytest.mark.django_db


@pytest.fixture
def deployment(tmp_path):
    made = []

    def make(name: str = "home") -> Deployment:
        made.append(Deployment(tmp_path / name))
        return made[-1]

    yield make
    for d in made:
        d.drop()


@pytest.fixture
def running(deployment, tmp_path):
    """A deployment with three cases, a dataset, a release and an OSINT file."""
    d = deployment()
    d.ctip("migrate")
    d.case_ids = d.python(SEED)
    d.ctip("cases", "extract")
    (d.home / "releases" / "r-2026-01").mkdir(parents=True)
    (d.home / "releases" / "r-2026-01" / "manifest.json").write_text('{"id": "r-2026-01"}')
    (d.home / "osint" / "scans" / "1").mkdir(parents=True)
    (d.home / "osint" / "scans" / "1" / "posts.jsonl").write_text('{"text": "job abroad"}\n')
    (d.home / "population").mkdir()
    (d.home / "population" / "population_by_sex_agegroup.csv").write_text("iso3,year,sex,age_group,population\n")
    (d.home / "privacy_ledger.json").write_text(LEDGER % 1.0)
    return d


LEDGER = '{"budget": {"epsilon": 10.0, "delta": 1e-06}, "spent": %s, "versions": {}}'



def _backup(d: Deployment, folder: Path) -> Path:
    done = d.ctip("backup", "create", "--to", str(folder))
    return Path(done.stdout.split("\t", 1)[0])


def test_backup_holds_every_part_but_the_keys(running, tmp_path):
    archive = _backup(running, tmp_path / "backups")
    assert archive.name.startswith("ctip-backup-") and archive.suffix == ".tar"
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))
    assert {"releases/r-2026-01/manifest.json", "osint/scans/1/posts.jsonl", "dataset/dataset.duckdb",
            "population/population_by_sex_agegroup.csv", "ledger/privacy_ledger.json"} <= set(names)
    assert manifest["case_store_member"] in names
    assert any(n.startswith("dataset/dataset.batches/") for n in names)
    assert not [n for n in names if n.startswith("keys") or "key" in n.rsplit("/", 1)[-1]]
    assert set(manifest["members"]) == set(names) - {"manifest.json"}
    assert "0004_retention" in manifest["migrations"]["cases"]
    verified = running.ctip("backup", "verify", str(archive))
    assert verified.stdout.startswith("ok\t") and "case store opens" in verified.stdout
    made = running.python("""
from ctip.cases.models import AuditEvent
result = AuditEvent.objects.filter(action="backup.create").values_list("entity_id", "changes").get()
""")
    assert made[0] == archive.name and made[1]["files"] == len(manifest["members"])
    assert running.ctip("audit", "verify").stdout.startswith("ok")


def test_identifying_values_stay_encrypted_inside_the_backup(running, tmp_path):
    archive = _backup(running, tmp_path / "backups")
    assert b"Sarangerel" not in archive.read_bytes()


def test_restore_erases_again_what_was_erased_since_the_backup(running, tmp_path):
    erased, held, kept = running.case_ids
    running.python(HOLD.format(case_id=held))
    archive = _backup(running, tmp_path / "backups")
    running.python(ANONYMISE.format(case_id=erased))
    running.python(LIFT.format(case_id=held))
    running.python(ANONYMISE.format(case_id=held))
    (running.home / "releases" / "r-2026-02").mkdir()
    (running.home / "privacy_ledger.json").write_text(LEDGER % 3.0)  # a release published since

    done = running.ctip("restore", str(archive), "--yes")

    assert f"re-erased\t{erased}" in done.stdout and f"re-erased\t{held}" in done.stdout
    assert "2 cases erased again from the erasure register" in done.stdout
    assert "Sarangerel" not in done.stdout + done.stderr
    assert running.python(FIRST_NAMES) == {erased: None, held: None, kept: "Altantsetseg"}
    assert sorted(p.name for p in (running.home / "releases").iterdir()) == ["r-2026-01"]
    assert (running.home / "osint" / "scans" / "1" / "posts.jsonl").exists()
    assert "kept the live privacy ledger" in done.stdout
    assert (running.home / "privacy_ledger.json").read_text() == LEDGER % 3.0  # spending is never rolled back
    assert running.ctip("audit", "verify").stdout.startswith("ok")
    restore_event = running.python("""
from ctip.cases.models import AuditEvent
result = AuditEvent.objects.filter(action="restore").values_list("entity_id", "changes").get()
""")
    assert restore_event[0] == archive.name and sorted(restore_event[1]["re_erased"]) == sorted([erased, held])
    # A second restore of the same archive erases them again: the register outlives every restore.
    again = running.ctip("restore", str(archive), "--yes")
    assert "2 cases erased again" in again.stdout
    if running.database_url:
        assert running.databases() == [running.dbname]  # no staged or previous database left behind


def test_restore_deletes_again_a_case_deleted_since_the_backup(running, tmp_path):
    deleted, anonymised_then_deleted, kept = running.case_ids
    running.python(ANONYMISE.format(case_id=anonymised_then_deleted))
    archive = _backup(running, tmp_path / "backups")
    running.python(DELETE.format(case_id=deleted))
    running.python(DELETE.format(case_id=anonymised_then_deleted))

    done = running.ctip("restore", str(archive), "--yes")

    assert f"deleted again\t{deleted}" in done.stdout and f"deleted again\t{anonymised_then_deleted}" in done.stdout
    assert "2 cases deleted again from the erasure register" in done.stdout
    assert running.python(FIRST_NAMES) == {kept: "Altantsetseg"}
    assert running.ctip("audit", "verify").stdout.startswith("ok")


def test_restore_into_an_empty_home_needs_no_confirmation(running, deployment, tmp_path):
    archive = _backup(running, tmp_path / "backups")
    fresh = deployment("fresh")
    shutil.copytree(running.home / "keys", fresh.home / "keys")  # the keys come from their own safe place
    done = fresh.ctip("restore", str(archive))
    assert "0 migrations applied" in done.stdout
    names = fresh.python(FIRST_NAMES)
    assert sorted(names.values()) == ["Altantsetseg", "Oyunchimeg", "Sarangerel"]  # the keys were there
    assert (fresh.home / "releases" / "r-2026-01" / "manifest.json").exists()
    assert (fresh.home / "population" / "population_by_sex_agegroup.csv").exists()
    assert "restored the privacy ledger" in done.stdout
    assert (fresh.home / "privacy_ledger.json").read_text() == LEDGER % 1.0


def test_restore_refuses_a_target_with_data_unless_confirmed(running, tmp_path):
    archive = _backup(running, tmp_path / "backups")
    running.python(ANONYMISE.format(case_id=running.case_ids[0]))
    done = running.ctip("restore", str(archive), check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert "the target is not empty" in done.stderr and "--yes" in done.stderr
    assert running.python(FIRST_NAMES)[running.case_ids[0]] is None


def test_a_damaged_archive_fails_verification_and_restores_nothing(running, tmp_path):
    archive = _backup(running, tmp_path / "backups")
    data = bytearray(archive.read_bytes())
    at = data.index(b"job abroad")
    data[at:at + 3] = b"JOB"
    archive.write_bytes(bytes(data))
    before = running.python(FIRST_NAMES)
    running.python(ANONYMISE.format(case_id=running.case_ids[1]))

    verified = running.ctip("backup", "verify", str(archive), check=False)
    assert verified.returncode == 1
    assert "osint/scans/1/posts.jsonl: SHA-256 or size differs from the manifest" in verified.stderr
    restored = running.ctip("restore", str(archive), "--yes", check=False)
    assert restored.returncode == 1 and "failed verification, nothing was restored" in restored.stderr
    assert running.python(FIRST_NAMES) == before | {running.case_ids[1]: None}
    assert not list(running.home.glob(".restore-*"))


def test_a_backup_from_a_newer_ctip_is_refused(running, tmp_path):
    running.python("""
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("INSERT INTO django_migrations (app, name, applied) VALUES ('cases', '9999_from_the_future', "
                   "CURRENT_TIMESTAMP)")
""")
    archive = _backup(running, tmp_path / "backups")
    running.python(ANONYMISE.format(case_id=running.case_ids[2]))
    done = running.ctip("restore", str(archive), "--yes", check=False)
    assert done.returncode == 1
    assert "made by a newer ctip" in done.stderr and "cases.9999_from_the_future" in done.stderr
    assert running.python(FIRST_NAMES)[running.case_ids[2]] is None  # the live store was not touched
    assert not list(running.home.glob(".restore-*")) and not list(running.home.glob(".ctip.sqlite3.restore-*"))
    if running.database_url:
        assert running.databases() == [running.dbname]


def test_a_listed_case_that_cannot_be_erased_again_stops_the_restore(running, tmp_path):
    archive = _backup(running, tmp_path / "backups")
    with (running.home / "keys" / "erasures.log").open("a") as register:
        register.write(f"2026-11-28T10:00:00Z\t{running.case_ids[0]}\tforgotten_reason\n")
    (running.home / "releases" / "r-2026-02").mkdir()
    done = running.ctip("restore", str(archive), "--yes", check=False)
    assert done.returncode == 1
    assert f"{running.case_ids[0]}: unknown reason code 'forgotten_reason'" in done.stderr
    assert "stopped before replacing anything" in done.stderr
    assert (running.home / "releases" / "r-2026-02").exists()


def test_an_older_backup_gets_the_pending_migrations(deployment, tmp_path):
    old = deployment("old")
    old.ctip("migrate")
    old.ctip("manage", "migrate", "workbench", "0003")  # as an older ctip left it
    old.python(SEED)
    archive = _backup(old, tmp_path / "backups")
    fresh = deployment("fresh")
    done = fresh.ctip("restore", str(archive))
    assert "1 migrations applied: workbench.0004_accessevent_detail" in done.stdout
    assert fresh.python("""
from django.db.migrations.recorder import MigrationRecorder
result = MigrationRecorder.Migration.objects.filter(app="workbench", name="0004_accessevent_detail").exists()
""")


@pytest.mark.skipif(not postgres_server(), reason="PostgreSQL only (run with a PostgreSQL DATABASE_URL)")
def test_a_pg_dump_older_than_the_server_is_named(deployment, tmp_path):
    old_client = tmp_path / "old-client"
    old_client.mkdir()
    (old_client / "pg_dump").write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    (old_client / "pg_dump").chmod(0o755)
    d = deployment()
    d.env_extra = {"PATH": f"{old_client}:{os.environ['PATH']}"}
    done = d.ctip("backup", "create", "--to", str(tmp_path / "backups"), check=False)
    assert done.returncode == 1
    assert "pg_dump 9 is older than the PostgreSQL" in done.stderr and "install postgresql-client-" in done.stderr
    assert not list((tmp_path / "backups").glob("*.tar"))
