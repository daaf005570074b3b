"""Run one synthesiser on one CSV and write its synthetic CSV; prints one JSON line (wall time, CPU time
of all threads, peak memory).

    python bench/peers/run_one.py METHOD INPUT.csv OUTPUT.csv EPSILON SEED [DOMAINS.json]

METHOD: ctip (run with ctip's virtualenv), mst or pac-synth (run with bench/.peers/bin/python).
Every cell is read as text; empty cells are missing values. Each run is its own process, so the peak
resident memory printed is that run's own.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def run_ctip(path, out, epsilon, seed, domains):
    import os

    import polars as pl

    from ctip.disclosure.synthesis import MarginalSynthesizer

    data = pl.read_csv(path, infer_schema=False)
    options = json.loads(os.environ.get("CTIP_BENCH_OPTIONS", "{}"))  # the ctip variants of the bench
    start = time.perf_counter()
    synth = MarginalSynthesizer(epsilon=epsilon, delta=1e-9, seed=seed, domains=domains, **options).fit(data).sample()
    elapsed = time.perf_counter() - start
    synth.write_csv(out)
    return elapsed


def run_mst(path, out, epsilon, seed, domains):
    import numpy as np
    import pandas as pd
    from snsynth.mst import MSTSynthesizer

    np.random.seed(seed)
    data = pd.read_csv(path, dtype=str, keep_default_na=False)
    start = time.perf_counter()
    synth = MSTSynthesizer(epsilon=epsilon, delta=1e-9)
    synth.fit(data, categorical_columns=list(data.columns))
    # the fix: i.i.d. sampling from the model (mbi's default "round" invents correlations)
    rows = synth.synthesizer.synthetic_data(rows=len(data), method="sample")
    decompressed = synth.undo_compress_fn(rows)
    records = [tuple(t[1:]) for t in decompressed.df.itertuples()]
    result = pd.DataFrame(synth._transformer.inverse_transform(records), columns=data.columns)
    elapsed = time.perf_counter() - start
    result.to_csv(out, index=False)
    return elapsed


def run_pac(path, out, epsilon, seed, domains):
    import pacsynth
    import pandas as pd

    pacsynth.set_number_of_threads(2)
    data = pd.read_csv(path, dtype=str, keep_default_na=False)
    start = time.perf_counter()
    params = (pacsynth.DpAggregateSeededParametersBuilder().reporting_length(3).epsilon(epsilon).delta(1e-9)
              .use_synthetic_counts(True).build())
    synth = pacsynth.DpAggregateSeededSynthesizer(params)
    synth.fit(pacsynth.Dataset([list(data.columns)] + data.values.tolist()))
    rows = synth.sample()
    elapsed = time.perf_counter() - start
    pd.DataFrame(rows[1:], columns=rows[0]).to_csv(out, index=False)
    return elapsed


def main() -> None:
    method, path, out, epsilon, seed = sys.argv[1:6]
    domains = json.loads(open(sys.argv[6]).read()) if len(sys.argv) > 6 else None
    runner = {"ctip": run_ctip, "mst": run_mst, "pac-synth": run_pac}[method]
    before = resource.getrusage(resource.RUSAGE_SELF)
    elapsed = runner(path, out, float(epsilon), int(seed), domains)
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(json.dumps({"method": method, "seconds": round(elapsed, 2), "cpu_seconds": round(cpu, 2),
                      "peak_mb": round(after.ru_maxrss / 1024, 1)}))


if __name__ == "__main__":
    main()
