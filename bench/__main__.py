"""``python -m bench [AREA ...]``: run every benchmark module (or the named ones) and print figures.

One area runs in this process; several run one after another, each in a process of its own, so that
each starts from a clean state (Django settings, ``CTIP_HOME``, caches, memory) and its figures are its own.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    # The benches time pages for a signed-in user through Django's test client (``force_login``); the second
    # factor is a sign-in step they do not time, and production's "required" would send every page to enrolment.
    os.environ.setdefault("CTIP_TWO_FACTOR", "optional")
    here = Path(__file__).parent
    names = argv or sorted(m.name for m in pkgutil.iter_modules([str(here)]) if not m.name.startswith("_"))
    if len(names) > 1:
        start, failed = time.perf_counter(), []
        for name in names:
            if subprocess.run([sys.executable, "-m", "bench", name], check=False).returncode != 0:
                failed.append(name)
        print(f"\n=== all benchmarks finished in {time.perf_counter() - start:.0f} s"
              f"{'; failed: ' + ', '.join(failed) if failed else ''}", flush=True)
        return 1 if failed else 0
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        if not hasattr(module, "main"):
            continue
        print(f"\n=== bench/{name}.py ===", flush=True)
        start = time.perf_counter()
        module.main()
        print(f"--- bench/{name}.py finished in {time.perf_counter() - start:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
