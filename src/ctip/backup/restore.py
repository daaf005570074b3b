"""``ctip restore``: put a backup back, migrate it, erase again what was erased since, then swap it in.

Everything happens on a staged copy first: the archive is verified and unpacked into
``CTIP_HOME/.restore-<stamp>/``; the case store is restored beside the live one (a ``.restore`` SQLite
file, or a new PostgreSQL database ``<name>_restore_<stamp>``); this process's Django is pointed at the
staged store to refuse a newer ctip's backup, apply pending migrations, re-apply the erasure register, run
the retention rule and audit the restore. Only then is each part swapped in by rename: the case store
first (the step that can be refused, by PostgreSQL clients still connected), then the dataset, releases,
the OSINT store and the population table. The privacy ledger is put back only when there is none: the ε
spent since the backup stays spent. Any failure before the swap leaves the live data untouched.

Must run in a process whose Django is not set up yet (the CLI's), since it chooses the database.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ctip import config
from ctip.backup import archive as archive_mod
from ctip.backup import stores
from ctip.backup.stores import BackupError


class NotEmpty(BackupError):
    """The target holds data and the user did not confirm replacing it."""


@dataclass
class RestoreResult:
    """What the restore did, for the CLI to print."""

    manifest: archive_mod.Manifest
    migrated: list[str]
    replay: object  # replay.ReplayOutcome
    rule: object  # retention.RuleOutcome | None (None when the rule is off)
    ledger: str  # what became of the privacy ledger


def occupied(store: stores.CaseStore) -> list[str]:
    """What a restore would replace: the parts of the target that hold data."""
    found = []
    if not stores.is_case_store_empty(store):
        found.append(f"case store {store.label}")
    if config.dataset_path().exists():
        found.append(f"dataset {config.dataset_path()}")
    for folder in (config.releases_dir(), config.osint_dir(), stores.population_dir()):
        if folder.exists() and any(folder.iterdir()):
            found.append(f"folder {folder}")
    return found


def restore(archive: Path, *, confirmed: bool) -> RestoreResult:
    """Restore ``archive`` over the configured ``CTIP_HOME`` and case store (see the module docstring)."""
    from django.apps import apps

    if apps.ready:
        raise BackupError("restore must run in a fresh process (ctip restore): Django is already set up")
    store = stores.case_store()
    present = occupied(store)
    if present and not confirmed:
        raise NotEmpty("the target is not empty: " + "; ".join(present) + ". Stop ctip (the web server and "
                       "cron jobs), then run again with --yes to replace it with the backup")
    stamp = f"{dt.datetime.now(dt.UTC):%Y%m%dt%H%M%S}_{secrets.token_hex(2)}"
    staging = config.home() / f".restore-{stamp}"
    staging.mkdir(mode=0o700)
    staged_db: Path | str | None = None
    try:
        checked = archive_mod.verify(archive, extract_to=staging / "files")
        if checked.problems:
            raise BackupError(f"{archive} failed verification, nothing was restored: " + "; ".join(checked.problems))
        manifest = checked.manifest
        if manifest.engine != store.engine:
            raise BackupError(f"{archive} holds a {manifest.engine} case store but this deployment uses "
                              f"{store.engine} (DATABASE_URL): restore it into a {manifest.engine} deployment")
        staged_db = _staged_name(store, stamp)
        _stage_case_store(store, staging / "files" / manifest.case_store_member, staged_db)
        migrated, replay, rule = _prepare(store, staged_db, manifest, archive.name)
        ledger = _swap(store, staged_db, staging, stamp)
        staged_db = None
        return RestoreResult(manifest, migrated, replay, rule, ledger)
    finally:
        _close_django()
        if staged_db is not None:
            _drop_staged(store, staged_db)
        shutil.rmtree(staging, ignore_errors=True)


def _staged_name(store: stores.CaseStore, stamp: str) -> Path | str:
    """Where the case store is restored first: a hidden file beside the live SQLite file, or a database
    named after the live one (PostgreSQL names stop at 63 characters)."""
    if store.engine == "sqlite":
        return store.sqlite_file.with_name(f".{store.sqlite_file.name}.restore-{stamp}")
    return f"{store.pg['dbname'][:30]}_restore_{stamp}"


def _stage_case_store(store: stores.CaseStore, copy: Path, staged: Path | str) -> None:
    if store.engine == "sqlite":
        shutil.move(copy, staged)
    else:
        stores.pg_restore_into(store, copy, staged)


def _prepare(store, staged_db, manifest, archive_name: str):
    """Point Django at the staged store; refuse a newer ctip's backup; migrate; erase again; audit."""
    if store.engine == "sqlite":
        os.environ["DATABASE_URL"] = f"sqlite:///{staged_db}"
    else:
        pg = store.pg
        os.environ["DATABASE_URL"] = (f"postgres://{quote(pg['user'], safe='')}:{quote(pg['password'], safe='')}"
                                      f"@{pg['host']}:{pg['port']}/{staged_db}")
    from ctip.web import setup

    setup()
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from ctip.backup import replay as replay_mod
    from ctip.cases import retention

    executor = MigrationExecutor(connection)
    unknown = sorted(f"{app}.{name}" for app, name in executor.loader.applied_migrations
                     if (app, name) not in executor.loader.disk_migrations)
    if unknown:
        raise BackupError(f"the backup was made by a newer ctip ({manifest.ctip_version}): its case store has "
                          f"migrations this ctip does not know ({', '.join(unknown)}). Install that ctip "
                          "version or later, then restore. Nothing was restored")
    try:
        years = retention.retention_years()
    except retention.RetentionSettingError as exc:
        raise BackupError(str(exc)) from None
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    migrated = [f"{m.app_label}.{m.name}" for m, _ in plan]
    if migrated:
        call_command("migrate", interactive=False, verbosity=0)
    outcome = replay_mod.reapply_erasures()
    if outcome.failed:
        raise BackupError("cases listed in the erasure register could not be erased again, so the restore "
                          "was stopped before replacing anything: " +
                          "; ".join(f"{k}: {v}" for k, v in sorted(outcome.failed.items())))
    rule = retention.retention_apply() if years else None
    replay_mod.record_restore(archive=archive_name, created_at=manifest.created_at, migrated=migrated,
                              replay=outcome, rule=rule)
    return migrated, outcome, rule


def _close_django() -> None:
    from django.apps import apps

    if apps.ready:
        from django.db import connections

        connections.close_all()


def _swap(store, staged_db, staging: Path, stamp: str) -> str:
    _close_django()
    if store.engine == "sqlite":
        stores.sqlite_swap(staged_db, store.sqlite_file)
    else:
        previous = f"{store.pg['dbname'][:30]}_before_{stamp}"
        stores.pg_swap(store, staged_db, previous)
        stores.pg_drop(store, previous)
    files = staging / "files"
    stores.dataset_swap(files / "dataset")
    graveyard = staging / "replaced"
    graveyard.mkdir()
    stores.tree_swap(files / "releases", config.releases_dir(), graveyard / "releases")
    stores.tree_swap(files / "osint", config.osint_dir(), graveyard / "osint")
    stores.tree_swap(files / "population", stores.population_dir(), graveyard / "population")
    return stores.ledger_restore(files / "ledger")


def _drop_staged(store, staged_db) -> None:
    if store.engine == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{staged_db}{suffix}").unlink(missing_ok=True)
    else:
        stores.pg_drop(store, staged_db)
