"""Collaborative dataset import speed: ``ctip dataset import`` of a generated CTDC 2017 file vs ``duckdb.read_csv``.

``python -m bench dataset`` (default 1,000,000 rows; ``CTIP_BENCH_ROWS`` changes it). The file is written
once into a temporary folder with realistic sparsity (most binary cells missing, as in the CTDC data).
Both timings are wall clock on the same file in the same run, alternated and repeated (best of each
is reported, so a burst of load from other processes does not decide the ratio): the baseline is
DuckDB reading and materialising the CSV with type inference; the import is the whole command in a
new process (start-up included), which also hashes the file, validates every cell, maps every code
through the vocabulary and writes the batch.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

ROWS = int(os.environ.get("CTIP_BENCH_ROWS", "1000000"))
REPEATS = 2


def generate(path: Path, rows: int, seed: int = 7) -> None:
    """A CTDC 2017-format CSV (codebook v6.0 variables plus isSlaveryAndPractices), vectorised."""
    from ctip.exchange import ctdc_layout as layout

    rng = np.random.default_rng(seed)

    def pick(values: list[str], p: list[float] | None = None) -> np.ndarray:
        return rng.choice(np.array(values, dtype=object), size=rows, p=p)

    data: dict[str, object] = {
        "yearOfRegistration": pick([str(y) for y in range(2002, 2022)]),
        "Datasource": pick(["Case Management", "Hotline"], [0.75, 0.25]),
        "gender": pick(["Female", "Male", "Transgender/NonConforming", ""], [0.68, 0.29, 0.01, 0.02]),
        "ageBroad": pick(["0--8", "9--17", "18--20", "21--23", "24--26", "27--29", "30--38", "39--47", "48+",
                          "-99"]),
        "majorityStatus": pick(["Adult", "Minor", "-99"], [0.6, 0.25, 0.15]),
        "majorityStatusAtExploit": pick(["Adult", "Minor", "-99"], [0.1, 0.1, 0.8]),
        "majorityEntry": pick(["Adult", "Minor", "-99"], [0.15, 0.05, 0.8]),
        "citizenship": pick(["MN", "PH", "UA", "MD", "KH", "ZZ", "-99"]),
        "CountryOfExploitation": pick(["CN", "KR", "JP", "RU", "US", "TR", "-99"]),
    }
    for variable in layout.CTDC2017_BINARY:
        data[variable] = pick(["1", "0", "-99"], [0.05, 0.15, 0.80])
    data["RecruiterRelationship"] = pick([""])
    pl.DataFrame(data).write_csv(path)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ctip-bench-dataset-") as tmp:
        tmp_path = Path(tmp)
        source = tmp_path / "ctdc_generated.csv"
        start = time.perf_counter()
        generate(source, ROWS)
        size_mb = source.stat().st_size / 1e6
        print(f"generated {ROWS:,} rows ({size_mb:.0f} MB) in {time.perf_counter() - start:.1f} s")

        env = {**os.environ, "CTIP_HOME": str(tmp_path / "home")}
        env.pop("CTIP_DATASET", None)
        baselines, imports = [], []
        for attempt in range(REPEATS):  # alternate, so a burst of load on the machine hits both
            baselines.append(_time_baseline(source))
            elapsed, report = _time_import(source, env)
            if report is None:
                return
            imports.append(elapsed)
            print(f"run {attempt + 1}: duckdb.read_csv {baselines[-1]:.2f} s, ctip dataset import {elapsed:.2f} s")
            subprocess.run([sys.executable, "-m", "ctip", "dataset", "drop-batch", json.loads(report)["batch"]],
                           env=env, capture_output=True, check=True)
        baseline, elapsed = min(baselines), min(imports)
        print(f"baseline duckdb.read_csv (materialised), best of {REPEATS}: {baseline:.2f} s = "
              f"{ROWS / baseline:,.0f} rows/s")
        print(f"ctip dataset import (whole command, new process), best of {REPEATS}: {elapsed:.2f} s = "
              f"{ROWS / elapsed:,.0f} rows/s")
        print(f"ratio import / baseline: {elapsed / baseline:.2f}x  (aim: >= 200,000 rows/s and <= 3x)")
        print(f"report: {report.strip()[:200]}")


def _time_baseline(source: Path) -> float:
    start = time.perf_counter()
    table = duckdb.read_csv(str(source)).to_arrow_table()
    elapsed = time.perf_counter() - start
    assert table.num_rows == ROWS
    return elapsed


def _time_import(source: Path, env: dict[str, str]) -> tuple[float, str | None]:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "ctip", "dataset", "import", str(source), "--json"],
                            env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        print(f"import failed ({result.returncode}): {result.stderr[-2000:]}")
        return elapsed, None
    return elapsed, result.stdout


if __name__ == "__main__":
    main()
