"""``ctip demo`` gives a newcomer something on every page: cases, dataset records and a published release."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def test_demo_loads_cases_dataset_and_a_published_release(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | {"CTIP_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "ctip", "demo", "--cases", "150", "--seed", "7"],
                         capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert "Created 150 synthetic demo cases (seed 7)" in run.stdout
    for username in ("caseworker", "supervisor", "orgadmin", "shelterworker", "police", "analyst", "sysadmin"):
        assert f"  {username} " in run.stdout

    manifest = json.loads((tmp_path / "releases" / "demo-synthetic" / "manifest.json").read_text())
    assert manifest["method"] == "synthetic" and manifest["published_at"] and manifest["approved_by"] == "supervisor"
    assert manifest["seed"] is None  # the seed of a DP release is never published

    stats = subprocess.run([sys.executable, "-m", "ctip", "stats", "--json"], capture_output=True, text=True,
                           env=env, timeout=120)
    records = json.loads(stats.stdout)["records"]
    assert 0 < records <= 150  # only cases whose consent allows statistics cross over

    again = subprocess.run([sys.executable, "-m", "ctip", "demo"], capture_output=True, text=True, env=env,
                           timeout=300)
    assert again.returncode == 0 and "Created" not in again.stdout and "Demo logins" not in again.stdout
