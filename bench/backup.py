"""``ctip backup create``, ``ctip backup verify`` and ``ctip restore`` on a demo deployment.

``python -m bench backup`` makes a fresh SQLite deployment with ``CTIP_BENCH_CASES`` demo cases (default
2,000; ``ctip demo`` also fills the dataset and a few releases), then times, as an administrator runs them
(each command in its own process, so Python and Django start-up are included):

- the baseline, measured in the same run: the manual procedure the docs described before (SQLite online
  backup of the case store, plain copies of the dataset, releases and the OSINT store), in one process;
- ``ctip backup create``, ``ctip backup verify``;
- ``ctip restore --yes`` over the live deployment, with ``CTIP_BENCH_ERASED`` cases (default 100) listed in
  the erasure register since the backup, so the restore erases each again, then runs the retention rule.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _ctip(env: dict[str, str], *args: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "ctip", *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode:
        raise SystemExit(f"ctip {' '.join(args)} failed:\n{done.stderr}")
    return elapsed, done.stdout


def _manual_copy(home: Path, target: Path) -> None:
    """What docs/operations.md told an administrator to do by hand."""
    target.mkdir()
    source, copy = sqlite3.connect(home / "ctip.sqlite3"), sqlite3.connect(target / "ctip.sqlite3")
    source.backup(copy)
    copy.close()
    source.close()
    shutil.copyfile(home / "dataset.duckdb", target / "dataset.duckdb")
    for folder in ("dataset.batches", "releases", "osint"):
        if (home / folder).exists():
            shutil.copytree(home / folder, target / folder)


def main() -> None:
    cases = int(os.environ.get("CTIP_BENCH_CASES", "2000"))
    erased = int(os.environ.get("CTIP_BENCH_ERASED", "100"))
    home = Path(tempfile.mkdtemp(prefix="ctip-bench-backup-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CTIP_") and k != "DATABASE_URL"}
    env |= {"CTIP_HOME": str(home), "CTIP_TWO_FACTOR": "optional",
            "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}
    _ctip(env, "migrate")
    seconds, _ = _ctip(env, "demo", "--cases", str(cases))
    size = sum(p.stat().st_size for p in home.rglob("*") if p.is_file() and "keys" not in p.parts)
    print(f"deployment: {cases} demo cases, {size / 1e6:.1f} MB under CTIP_HOME (demo loaded in {seconds:.0f} s)")

    out = Path(tempfile.mkdtemp(prefix="ctip-bench-archives-"))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", f"from bench.backup import _manual_copy; from pathlib import Path; "
                    f"_manual_copy(Path({str(home)!r}), Path({str(out / 'manual')!r}))"],
                   env=env | {"PYTHONPATH": env["PYTHONPATH"] + os.pathsep + str(Path(__file__).resolve().parents[1])},
                   check=True)
    baseline = time.perf_counter() - start
    print(f"baseline  manual copy (SQLite .backup + cp of dataset, releases, OSINT), one process: {baseline:.2f} s")

    seconds, stdout = _ctip(env, "backup", "create", "--to", str(out))
    archive = Path(stdout.split("\t", 1)[0])
    print(f"ctip backup create: {seconds:.2f} s ({seconds / baseline:.1f}x the baseline; "
          f"archive {archive.stat().st_size / 1e6:.1f} MB)")
    seconds, _ = _ctip(env, "backup", "verify", str(archive))
    print(f"ctip backup verify: {seconds:.2f} s")

    with sqlite3.connect(home / "ctip.sqlite3") as con:
        ids = [r[0] for r in con.execute("SELECT public_id FROM cases_case WHERE anonymised_at IS NULL "
                                         "ORDER BY id LIMIT ?", [erased])]
    now = f"{dt.datetime.now(dt.UTC):%Y-%m-%dT%H:%M:%SZ}"
    (home / "keys" / "erasures.log").write_text("".join(f"{now}\t{i}\tno_longer_needed\n" for i in ids))
    seconds, stdout = _ctip(env, "restore", str(archive), "--yes")
    again = sum(line.startswith("re-erased\t") for line in stdout.splitlines())
    print(f"ctip restore --yes: {seconds:.2f} s, {again} cases erased again from the register "
          f"({(seconds / again * 1000) if again else 0:.0f} ms per case, restore included)")
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)
