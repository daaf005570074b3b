"""Vocabulary loading, raw-value normalisation and screening throughput.

``.venv/bin/python -m bench vocab``. Each figure is printed next to a baseline measured in the same
run: YAML parsing alone for loading, a plain ``dict.get`` for normalisation, and interview validation
alone for screening.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import yaml

from ctip import screening, vocab
from ctip.vocab import countries
from ctip.vocab.registry import DATA, Registry

RAW_AGES = ["9--17", "09--17", "0—8", "48+", "-99", "", "NA", "30--38", "18--20", "Unknown"]


def _best(fn, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def bench_loading() -> None:
    files = sorted(Path(DATA).glob("*.yaml"))
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    baseline = _best(lambda: [yaml.load(f.read_text(encoding="utf-8"), Loader=loader) for f in files])
    def cold() -> None:
        countries.country_labels.cache_clear()
        countries._mongolian_territories.cache_clear()
        Registry()

    full = _best(cold)
    registry = Registry()
    print(f"load {len(registry.schemes)} schemes, {len(registry.mappings)} mappings with CLDR country names: "
          f"{full * 1000:.0f} ms (baseline, YAML parsing only: {baseline * 1000:.0f} ms)")


def bench_normalise(n: int = 1_000_000) -> None:
    rng = random.Random(7)
    values = [rng.choice(RAW_AGES) for _ in range(n)]
    name = "ctdc2017.ageBroad->ctdc.age_band"
    table = vocab.mapping(name)
    baseline = _best(lambda: [table.get(v) for v in values])
    mapped = _best(lambda: [vocab.map_value(name, v) for v in values])
    print(f"map_value on {n:,} raw ageBroad values: {n / mapped:,.0f} values/s "
          f"(baseline dict.get on vocab.mapping(): {n / baseline:,.0f} values/s)")


def _random_interview(rng: random.Random) -> dict:
    def some(scheme: str, k: int) -> list[str]:
        return rng.sample(vocab.codes(scheme), rng.randint(0, k))

    data = {"person": {"age": rng.choice([None, rng.randint(0, 70)]), "age_estimated": rng.random() < 0.3,
                       "appears_to_be_child": rng.random() < 0.2},
            "acts": some("palermo.act", 2), "purposes": some("htcds.vic_TypeOfExploitation", 2)}
    if rng.random() < 0.5:
        data["means"] = some("palermo.means", 2)
        data["indicators"] = some("htcds.vic_MethodsOfControl", 3)
    absent = [e for e, key in (("act", "acts"), ("purpose", "purposes")) if not data[key] and rng.random() < 0.3]
    if not data.get("means") and not data.get("indicators") and rng.random() < 0.3:
        absent.append("means")
    data["absent"] = absent
    return data


def bench_screening(n: int = 50_000) -> None:
    rng = random.Random(11)
    documents = [_random_interview(rng) for _ in range(n)]
    baseline = _best(lambda: [screening.Interview.from_dict(d) for d in documents])
    full = _best(lambda: [screening.assess(screening.Interview.from_dict(d)).to_dict("mn") for d in documents])
    print(f"screen {n:,} interviews (validate + assess + Mongolian reasons): {n / full:,.0f} interviews/s, "
          f"{full / n * 1e6:.0f} µs each (baseline, validation only: {n / baseline:,.0f} interviews/s)")


def main() -> None:
    bench_loading()
    bench_normalise()
    bench_screening()


if __name__ == "__main__":
    main()
