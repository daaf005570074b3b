"""Which release method for which table size: every method on the same tables, judged on the figures a
reader of a release computes first.

``python -m bench disclosure_guide`` (about 30 s). Tables: the shared CTDC sample (500 records) and
generated CTDC-like tables of 2,000 and 20,000 records × 27. Methods: k-anonymous records (k = 11,
CTDC's suppression and ctip's generalise-then-suppress), protected tables (k = 11, 1- and 2-way),
DP tables (ε = 1, 1- and 2-way, Gaussian) and DP synthetic records (ε = 1 and 4, as released and with
the strict rare-pair threshold 14 applied whatever it moves). Printed per method:

- *1-way error*: over every value held by at least 10 real records (sex, age band, each country, each
  form of exploitation...), the mean of |released count − true count| / true count; a value the release
  does not give (suppressed, generalised away, not published) counts as an error of 100 %;
- *values lost*: how many of those values the release gives less than half their count (the
  ``values_kept`` check of a release's report);
- *2-way given*: the share of value pairs held by at least 10 real records that the release gives within
  20 % of the true count (pairs are what the dashboards cross: sex × age, citizenship × form...);
- *records*: the records released (k-anonymous and synthetic releases).

Synthetic and k-anonymous counts are counted in the released records as they are (no rescaling), as a
reader would. ε and k are the defaults of ``ctip release``; the figures are one seed (0).
"""

from __future__ import annotations

import itertools
import time

import polars as pl

from ctip.disclosure import simulate
from ctip.disclosure.aggregates import DPAggregates, ThresholdAggregates
from ctip.disclosure.kanon import k_anonymise
from ctip.disclosure.release import public_domains
from ctip.disclosure.synthesis import MarginalSynthesizer

MIN_TRUE = 10  # values and pairs held by fewer real records are not judged (they are not published anyway)
CLOSE = 0.2  # a pair is "given" when its released count is within 20 % of the true count


def _true_counts(real: pl.DataFrame, k: int) -> dict[tuple, int]:
    """{(columns, values): count} of every non-empty k-combination held by at least MIN_TRUE records."""
    out = {}
    for cols in itertools.combinations(real.columns, k):
        counts = real.drop_nulls(list(cols)).group_by(list(cols)).len()
        for row in counts.filter(pl.col("len") >= MIN_TRUE).iter_rows():
            out[(cols, tuple(row[:-1]))] = row[-1]
    return out


def _record_counts(records: pl.DataFrame, keys: dict[tuple, int]) -> dict[tuple, int]:
    out = {}
    for cols in {c for c, _ in keys}:
        counts = records.drop_nulls(list(cols)).group_by(list(cols)).len()
        for row in counts.iter_rows():
            out[(cols, tuple(row[:-1]))] = row[-1]
    return out


def _table_counts(table: pl.DataFrame) -> dict[tuple, int]:
    """{(columns, values): count} of an aggregates.csv-shaped frame (``attributes``, ``values``, ``count``)."""
    return {(tuple(a.split(";")), tuple(v.split(";"))): int(c)
            for a, v, c in table.select("attributes", "values", "count").iter_rows()}


def _judge(released: dict[tuple, int], one: dict[tuple, int], two: dict[tuple, int]) -> tuple[float, int, float]:
    """Mean relative 1-way error, values given less than half their count, share of pairs given within 20 %."""
    errors = [min(1.0, abs(released.get(key, 0) - true) / true) for key, true in one.items()]
    lost = sum(released.get(key, 0) < 0.5 * true for key, true in one.items())
    given = [abs(released.get(key, 0) - true) <= CLOSE * true for key, true in two.items()]
    return sum(errors) / max(1, len(errors)), lost, sum(given) / max(1, len(given))


def _methods(real: pl.DataFrame):
    domains = public_domains(real.columns)
    yield "k-anonymous records, CTDC suppression", lambda: ("records", k_anonymise(real, k=11, method="suppress")[0])
    yield "k-anonymous records, generalise first", lambda: ("records", k_anonymise(real, k=11)[0])
    yield "protected tables, k = 11", lambda: ("table", ThresholdAggregates(k=11, max_length=2).fit_transform(real))
    yield "DP tables, ε = 1", lambda: ("table", DPAggregates(epsilon=1.0, delta=1e-9, mechanism="gaussian",
                                                            seed=0, domains=domains).fit_transform(real))
    for epsilon, pairs in ((1.0, None), (1.0, 14), (4.0, None), (4.0, 14)):
        label = f"DP synthetic records, ε = {epsilon:g}" + (f", min_pair_count {pairs}" if pairs else "")
        yield label, lambda e=epsilon, p=pairs: ("records", MarginalSynthesizer(
            epsilon=e, delta=1e-9, seed=0, domains=domains, min_pair_count=p).fit(real).sample())


def guide(name: str, real: pl.DataFrame) -> None:
    real = real.select([pl.col(c).cast(pl.Utf8) for c in real.columns])
    one, two = _true_counts(real, 1), _true_counts(real, 2)
    print(f"\n-- {name}: {real.height:,} records × {real.width}; {len(one)} values and {len(two)} pairs held "
          f"by at least {MIN_TRUE} records")
    print(f"  {'method':<46} {'sec':>5} {'1-way error':>11} {'values lost':>11} {'2-way given':>11} {'records':>8}")
    for label, run in _methods(real):
        start = time.perf_counter()
        kind, out = run()
        seconds = time.perf_counter() - start
        released = _record_counts(out, {**one, **two}) if kind == "records" else _table_counts(out)
        error, lost, given = _judge(released, one, two)
        records = f"{out.height:>8,}" if kind == "records" else f"{'—':>8}"
        print(f"  {label:<46} {seconds:5.1f} {error:11.1%} {lost:>11} {given:11.1%} {records}", flush=True)


def main() -> None:
    from bench.disclosure import _ctdc_sample

    sample = _ctdc_sample()
    if sample is not None:
        guide("CTDC sample", sample[0])
    for size in (2_000, 20_000):
        guide("generated CTDC-like table (seed 4)", simulate.make_ctdc_like(size, seed=4))


if __name__ == "__main__":
    main()
