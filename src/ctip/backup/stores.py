"""Consistent copies of what ctip writes, and putting them back (pure: no Django).

The case store is SQLite (``config.sqlite_path()``) unless ``DATABASE_URL`` names PostgreSQL. SQLite is
copied with the online backup API (a consistent snapshot while ctip runs); PostgreSQL with
``pg_dump --format=custom`` (one transaction snapshot), restored with ``pg_restore`` into a fresh
database. The dataset's catalog and batch files are copied under the dataset's writer lock, so no import
can change them half-way (readers are never blocked). Releases and the OSINT store are folders of files.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import duckdb

from ctip import config
from ctip.dataset.store import Dataset


class BackupError(Exception):
    """A backup or restore step failed; the message says which and what to do."""


# ---- which case store ----------------------------------------------------------------------------

@dataclass(frozen=True)
class CaseStore:
    """The configured case store: ``engine`` is ``sqlite`` or ``postgresql``."""

    engine: str
    sqlite_file: Path | None = None
    pg: dict[str, str] | None = None  # host, port, user, password, dbname

    @property
    def label(self) -> str:
        if self.engine == "sqlite":
            return str(self.sqlite_file)
        return f"postgresql://{self.pg['user']}@{self.pg['host']}:{self.pg['port']}/{self.pg['dbname']}"


def case_store() -> CaseStore:
    """The case store ``DATABASE_URL`` selects (as the settings do), else the embedded SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        return CaseStore("sqlite", sqlite_file=config.sqlite_path())
    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        return CaseStore("sqlite", sqlite_file=Path(unquote(parts.path)).resolve())
    if parts.scheme in ("postgres", "postgresql", "pgsql"):
        return CaseStore("postgresql", pg={
            "host": parts.hostname or "127.0.0.1", "port": str(parts.port or 5432),
            "user": unquote(parts.username or ""), "password": unquote(parts.password or ""),
            "dbname": unquote(parts.path.lstrip("/"))})
    raise BackupError(f"DATABASE_URL scheme '{parts.scheme}' is not supported by backups: "
                      "expected sqlite:// or postgres://")


def _pg_env(pg: dict[str, str], dbname: str | None = None) -> dict[str, str]:
    """libpq environment: the password never appears on a command line."""
    return {**os.environ, "PGHOST": pg["host"], "PGPORT": pg["port"], "PGUSER": pg["user"],
            "PGPASSWORD": pg["password"], "PGDATABASE": dbname or pg["dbname"]}


def pg_connect(pg: dict[str, str], dbname: str | None = None):
    """An autocommit psycopg connection to ``dbname`` (default the configured database)."""
    import psycopg

    try:
        return psycopg.connect(host=pg["host"], port=pg["port"], user=pg["user"], password=pg["password"],
                               dbname=dbname or pg["dbname"], autocommit=True)
    except psycopg.Error as exc:
        raise BackupError(f"cannot connect to PostgreSQL database '{dbname or pg['dbname']}': {exc}") from None


def _tool_major(tool: str) -> int:
    path = shutil.which(tool)
    if not path:
        raise BackupError(f"{tool} not found: install Debian's postgresql-client (the same major version as "
                          "the server, or newer)")
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"\)\s*(\d+)", out).group(1))  # "pg_dump (PostgreSQL) 15.18 (Debian ...)"


def _check_tool_version(tool: str, pg: dict[str, str]) -> None:
    with pg_connect(pg) as con:
        server = int(con.execute("SHOW server_version_num").fetchone()[0]) // 10000
    client = _tool_major(tool)
    if client < server:
        raise BackupError(f"{tool} {client} is older than the PostgreSQL {server} server and cannot handle "
                          f"it: install postgresql-client-{server} and put its {tool} first on PATH")


# ---- copying the case store ----------------------------------------------------------------------

def copy_case_store(store: CaseStore, folder: Path) -> Path:
    """Write a consistent copy of the case store into ``folder``; return its path."""
    if store.engine == "sqlite":
        if not store.sqlite_file.exists():
            raise BackupError(f"no case store at {store.sqlite_file}: nothing to back up (run 'ctip migrate' "
                              "first, or set CTIP_HOME / DATABASE_URL to the deployment's)")
        target = folder / "ctip.sqlite3"
        source = sqlite3.connect(f"file:{store.sqlite_file}?mode=ro", uri=True)
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        finally:
            copy.close()
            source.close()
        return target
    _check_tool_version("pg_dump", store.pg)
    target = folder / "ctip.pgdump"
    _run(["pg_dump", "--format=custom", "--no-password", f"--file={target}"], store.pg, "pg_dump")
    return target


def _run(command: list[str], pg: dict[str, str], what: str, dbname: str | None = None) -> str:
    done = subprocess.run(command, env=_pg_env(pg, dbname), capture_output=True, text=True)
    if done.returncode:
        raise BackupError(f"{what} failed (exit {done.returncode}): {done.stderr.strip()[:2000]}")
    return done.stdout


def applied_migrations(store: CaseStore, copy: Path | None = None) -> dict[str, list[str]]:
    """``{app: [migration, ...]}`` applied in the SQLite ``copy`` (or the live PostgreSQL database)."""
    if store.engine == "sqlite":
        with sqlite3.connect(f"file:{copy or store.sqlite_file}?mode=ro", uri=True) as con:
            rows = con.execute("SELECT app, name FROM django_migrations ORDER BY id").fetchall()
    else:
        with pg_connect(store.pg) as con:
            rows = con.execute("SELECT app, name FROM django_migrations ORDER BY id").fetchall()
    applied: dict[str, list[str]] = {}
    for app, name in rows:
        applied.setdefault(app, []).append(name)
    return applied


def check_case_store_copy(member: Path) -> str:
    """``ok`` if the copy opens and is sound (SQLite ``integrity_check``; PostgreSQL ``pg_restore --list``),
    else the problem."""
    if member.suffix == ".sqlite3":
        try:
            with sqlite3.connect(f"file:{member}?mode=ro", uri=True) as con:
                result = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
                con.execute("SELECT count(*) FROM django_migrations").fetchone()
        except sqlite3.Error as exc:
            return f"the SQLite copy does not open: {exc}"
        return "ok" if result == ["ok"] else "SQLite integrity_check: " + "; ".join(result[:5])
    tool = shutil.which("pg_restore")
    if not tool:
        return "pg_restore not found: install Debian's postgresql-client to check a PostgreSQL backup"
    done = subprocess.run([tool, "--list", str(member)], capture_output=True, text=True)
    if done.returncode:
        return f"pg_restore --list failed: {done.stderr.strip()[:500]}"
    return "ok" if "TABLE DATA" in done.stdout else "pg_restore --list shows no table data"


# ---- restoring the case store --------------------------------------------------------------------

def is_case_store_empty(store: CaseStore) -> bool:
    """No table at all (a fresh install): restoring over it replaces nothing."""
    if store.engine == "sqlite":
        if not store.sqlite_file.exists():
            return True
        with sqlite3.connect(f"file:{store.sqlite_file}?mode=ro", uri=True) as con:
            return con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0] == 0
    with pg_connect(store.pg, "postgres") as con:
        if not con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [store.pg["dbname"]]).fetchone():
            return True
    with pg_connect(store.pg) as con:
        return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
                           ).fetchone()[0] == 0


def pg_restore_into(store: CaseStore, dump: Path, dbname: str) -> None:
    """Create database ``dbname`` (owned by ctip's role) and restore ``dump`` into it in one transaction."""
    _check_tool_version("pg_restore", store.pg)
    with pg_connect(store.pg, "postgres") as con:
        con.execute(f'CREATE DATABASE "{dbname}"')
    _run(["pg_restore", "--no-password", "--no-owner", "--exit-on-error", "--single-transaction",
          f"--dbname={dbname}", str(dump)], store.pg, "pg_restore", dbname)


def pg_drop(store: CaseStore, dbname: str) -> None:
    with pg_connect(store.pg, "postgres") as con:
        con.execute(f'DROP DATABASE IF EXISTS "{dbname}"')


def pg_swap(store: CaseStore, staged: str, previous: str) -> None:
    """Rename the live database to ``previous`` (if it exists) and ``staged`` to the live name."""
    live = store.pg["dbname"]
    import psycopg

    with pg_connect(store.pg, "postgres") as con:
        exists = con.execute("SELECT 1 FROM pg_database WHERE datname = %s", [live]).fetchone()
        try:
            if exists:
                con.execute(f'ALTER DATABASE "{live}" RENAME TO "{previous}"')
            try:
                con.execute(f'ALTER DATABASE "{staged}" RENAME TO "{live}"')
            except psycopg.Error:
                if exists:
                    con.execute(f'ALTER DATABASE "{previous}" RENAME TO "{live}"')
                raise
        except psycopg.Error as exc:
            raise BackupError(f"cannot swap the restored database in: {exc}. Stop 'ctip serve' and every other "
                              f"client of '{live}' (and make ctip's role its owner), then run the restore again"
                              ) from None


def sqlite_swap(staged: Path, live: Path) -> None:
    """Replace the live SQLite file with ``staged`` in one rename, after folding the live file's
    write-ahead log in, so no stale ``-wal`` is replayed onto the restored file."""
    for path, pragma in ((staged, "PRAGMA journal_mode=DELETE"), (live, "PRAGMA wal_checkpoint(TRUNCATE)")):
        if path.exists():
            con = sqlite3.connect(path)
            try:
                con.execute(pragma)
            finally:
                con.close()
    os.replace(staged, live)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{live}{suffix}").unlink(missing_ok=True)
        Path(f"{staged}{suffix}").unlink(missing_ok=True)


# ---- the dataset, releases and the OSINT store ---------------------------------------------------

def copy_dataset(folder: Path) -> list[Path]:
    """Copy the dataset's catalog and batch files into ``folder`` (``dataset.duckdb`` and
    ``dataset.batches/``) under the dataset's writer lock; nothing when there is no dataset yet."""
    dataset = Dataset()
    if not dataset.path.exists():
        return []
    copied = []
    parts = folder / "dataset.batches"
    parts.mkdir(parents=True)
    with dataset._locked():  # the store's own writer lock: no import, drop or replace meanwhile
        shutil.copyfile(dataset.path, folder / "dataset.duckdb")
        copied.append(folder / "dataset.duckdb")
        for part in sorted(dataset.parts_dir.glob("*.parquet")):
            shutil.copyfile(part, parts / part.name)
            copied.append(parts / part.name)
    return copied


def check_dataset_copy(catalog: Path, part_names: set[str]) -> str:
    """``ok`` if the catalog opens and every active batch has a file among ``part_names``."""
    try:
        with duckdb.connect() as con:
            con.execute(f"ATTACH '{str(catalog).replace(chr(39), chr(39) * 2)}' AS c (READ_ONLY)")
            active = [r[0] for r in con.execute("SELECT batch_id FROM c.batches WHERE dropped_at IS NULL")
                      .fetchall()]
    except duckdb.Error as exc:
        return f"the dataset catalog does not open: {exc}"
    missing = [b for b in active if not any(name.startswith(f"{b}.") for name in part_names)]
    return "ok" if not missing else f"dataset batches without their files: {', '.join(missing)}"


def dataset_swap(staged_folder: Path) -> None:
    """Put a restored dataset in place: batch files first (new names only add), then the catalog in one
    rename. Files of batches the restored catalog does not know are removed by the next dataset write."""
    dataset = Dataset()
    catalog = staged_folder / "dataset.duckdb"
    with dataset._locked():
        if not catalog.exists():
            if dataset.path.exists():
                dataset.path.unlink()
            return
        dataset.parts_dir.mkdir(parents=True, exist_ok=True)
        for part in sorted((staged_folder / "dataset.batches").glob("*.parquet")):
            shutil.move(part, dataset.parts_dir / part.name)  # a rename unless CTIP_DATASET is on another disk
        beside = dataset.path.with_name(f"{dataset.path.name}.tmp-restore")  # removed as an orphan if left
        shutil.move(catalog, beside)
        os.replace(beside, dataset.path)


def copy_tree(source: Path, target: Path) -> list[Path]:
    """Copy the regular files under ``source`` into ``target`` (symbolic links are not followed)."""
    copied = []
    for path in sorted(source.rglob("*")):
        if path.is_file() and not path.is_symlink():
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
            copied.append(destination)
    return copied


def tree_swap(staged: Path, live: Path, graveyard: Path) -> None:
    """Replace folder ``live`` by ``staged`` with two renames (the old one goes to ``graveyard``); with
    nothing staged, ``live`` goes (ctip makes its folders again on first use)."""
    if live.exists():
        os.replace(live, graveyard)
    if staged.exists():
        os.replace(staged, live)


def population_dir() -> Path:
    """The installed population table's folder (``ctip stats population load``), if any."""
    return config.home() / "population"


def ledger_path() -> Path:
    """The privacy ledger (ε and δ spent by releases)."""
    from ctip.disclosure.ledger import default_path

    return default_path()


def copy_ledger(folder: Path) -> list[Path]:
    """Copy the privacy ledger (written by atomic rename, so a plain copy is consistent)."""
    if not ledger_path().exists():
        return []
    folder.mkdir(parents=True)
    shutil.copyfile(ledger_path(), folder / ledger_path().name)
    return [folder / ledger_path().name]


def ledger_restore(staged_folder: Path) -> str:
    """Put the archive's privacy ledger back only when there is none: a live ledger is kept, since the ε
    spent by releases published after the backup stays spent whatever the restore brings back."""
    staged = staged_folder / ledger_path().name
    if ledger_path().exists():
        return "kept the live privacy ledger (spending is never rolled back)"
    if not staged.exists():
        return "no privacy ledger in the backup"
    shutil.move(staged, ledger_path())
    return "restored the privacy ledger"
