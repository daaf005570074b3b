"""One backup = one tar archive: the copies, and ``manifest.json`` with the SHA-256 of every member.

Layout inside ``ctip-backup-YYYYMMDDTHHMMSSZ.tar`` (mode 0600, written under a temporary name and renamed
when complete, so a listed archive is always whole)::

    casestore/ctip.sqlite3 | casestore/ctip.pgdump   the case store (identifying values still encrypted)
    dataset/dataset.duckdb, dataset/dataset.batches/*.parquet
    releases/...                                     every release folder
    osint/...                                        the OSINT store
    population/...                                   the installed population table, if any
    ledger/privacy_ledger.json                       the privacy ledger, if any
    manifest.json                                    format, ctip version, created at, case-store engine,
                                                     applied migrations, {member: {sha256, size}}

Never the keys: ``keys_dir()`` is not read. Pure module: no Django.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ctip import __version__, config
from ctip.backup import stores
from ctip.backup.stores import BackupError

FORMAT = "ctip-backup/1"
MANIFEST = "manifest.json"
CHUNK = 4 << 20


@dataclass
class Manifest:
    """What ``manifest.json`` says about an archive."""

    created_at: str
    ctip_version: str
    engine: str
    case_store_member: str
    migrations: dict[str, list[str]]
    members: dict[str, dict]
    format: str = FORMAT

    @classmethod
    def from_json(cls, raw: bytes, archive: Path) -> Manifest:
        try:
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                raise ValueError(f"format {data.get('format')!r}, expected {FORMAT!r}")
            return cls(**{k: data[k] for k in cls.__dataclass_fields__})
        except (ValueError, KeyError, TypeError) as exc:
            raise BackupError(f"{archive}: manifest.json is not a ctip backup manifest ({exc})") from None


@dataclass
class Verification:
    """What ``verify`` found: ``problems`` empty means the archive is sound."""

    manifest: Manifest | None
    problems: list[str] = field(default_factory=list)
    checked: int = 0


def create(target_dir: Path) -> tuple[Path, Manifest]:
    """Back up the case store, the dataset, releases and the OSINT store into one archive in ``target_dir``."""
    target_dir.mkdir(parents=True, exist_ok=True)
    if _inside(target_dir, config.keys_dir()):
        raise BackupError(f"{target_dir} is inside the keys folder: keep backups and keys apart")
    created = dt.datetime.now(dt.UTC)
    name = f"ctip-backup-{created:%Y%m%dT%H%M%SZ}.tar"
    store = stores.case_store()
    staging = Path(tempfile.mkdtemp(prefix=".ctip-backup-", dir=target_dir))
    try:
        (staging / "casestore").mkdir()
        copy = stores.copy_case_store(store, staging / "casestore")
        migrations = stores.applied_migrations(store, copy)
        stores.copy_dataset(staging / "dataset")
        stores.copy_tree(config.releases_dir(), staging / "releases")
        stores.copy_tree(config.osint_dir(), staging / "osint")
        stores.copy_tree(stores.population_dir(), staging / "population")
        stores.copy_ledger(staging / "ledger")
        files = sorted(p for p in staging.rglob("*") if p.is_file())
        manifest = Manifest(created_at=f"{created:%Y-%m-%dT%H:%M:%SZ}", ctip_version=__version__,
                            engine=store.engine, case_store_member=copy.relative_to(staging).as_posix(),
                            migrations=migrations, members={})
        partial = target_dir / f".{name}.partial"
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for path in files:
                member = path.relative_to(staging).as_posix()
                manifest.members[member] = {"sha256": _sha256(path), "size": path.stat().st_size}
                with path.open("rb") as fh:
                    tar.addfile(_info(member, path.stat().st_size, created), fh)
            body = json.dumps(manifest.__dict__, indent=2, sort_keys=True).encode()
            tar.addfile(_info(MANIFEST, len(body), created), io.BytesIO(body))
            tar.close()
            raw.flush()
            os.fsync(raw.fileno())
        archive = target_dir / name
        os.replace(partial, archive)
        _fsync_dir(target_dir)
        return archive, manifest
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        (target_dir / f".{name}.partial").unlink(missing_ok=True)


def verify(archive: Path, *, extract_to: Path | None = None) -> Verification:
    """Re-check every member's SHA-256 and size against the manifest, that nothing is missing or added,
    and that the case-store copy and the dataset catalog open. With ``extract_to``, the members are also
    written there (for a restore)."""
    try:
        tar = tarfile.open(archive, mode="r:")
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"{archive}: not a readable backup archive ({exc})") from None
    with tar:
        try:
            raw = tar.extractfile(MANIFEST)
        except KeyError:
            raise BackupError(f"{archive}: no manifest.json, so not a ctip backup") from None
        manifest = Manifest.from_json(raw.read(), archive)
        result = Verification(manifest)
        seen = set()
        scratch = Path(tempfile.mkdtemp(prefix="ctip-verify-")) if extract_to is None else None
        out_root = extract_to or scratch
        try:
            for info in tar:
                if info.name == MANIFEST:
                    continue
                expected = manifest.members.get(info.name)
                if expected is None or not info.isfile():
                    result.problems.append(f"{info.name}: not listed in the manifest")
                    continue
                seen.add(info.name)
                keep = extract_to is not None or info.name in (manifest.case_store_member, "dataset/dataset.duckdb")
                digest, size = _copy_hashing(tar, info, _safe_join(out_root, info.name) if keep else None)
                result.checked += 1
                if digest != expected["sha256"] or size != expected["size"]:
                    result.problems.append(f"{info.name}: SHA-256 or size differs from the manifest "
                                           "(the archive is damaged or was changed)")
            result.problems += [f"{m}: listed in the manifest but missing" for m in manifest.members if m not in seen]
            if not result.problems:
                check = stores.check_case_store_copy(out_root / manifest.case_store_member)
                if check != "ok":
                    result.problems.append(f"{manifest.case_store_member}: {check}")
                if (out_root / "dataset/dataset.duckdb").exists():
                    parts = {m.rsplit("/", 1)[-1] for m in manifest.members if m.startswith("dataset/dataset.batches/")}
                    check = stores.check_dataset_copy(out_root / "dataset/dataset.duckdb", parts)
                    if check != "ok":
                        result.problems.append(f"dataset/dataset.duckdb: {check}")
        finally:
            if scratch is not None:
                shutil.rmtree(scratch, ignore_errors=True)
    return result


def _info(name: str, size: int, created: dt.datetime) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, int(created.timestamp())
    return info


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _copy_hashing(tar: tarfile.TarFile, info: tarfile.TarInfo, target: Path | None) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    source = tar.extractfile(info)
    out = None
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        out = os.fdopen(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb")
    try:
        while chunk := source.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            if out:
                out.write(chunk)
    finally:
        if out:
            out.close()
    return digest.hexdigest(), size


def _safe_join(root: Path, member: str) -> Path:
    """``root/member``, refusing absolute names and ``..`` (a crafted archive must not write elsewhere)."""
    path = (root / member).resolve()
    if member.startswith("/") or not path.is_relative_to(root.resolve()):
        raise BackupError(f"archive member {member!r} points outside the restore folder")
    return path


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _inside(path: Path, folder: Path) -> bool:
    return path.resolve().is_relative_to(folder.resolve())
