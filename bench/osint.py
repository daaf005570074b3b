"""OSINT benchmark: throughput of intake → risk score, clustering time, and quality on the corpus.

Generates ``CTIP_BENCH_OSINT_POSTS`` synthetic posts (default 100,000; English, Mongolian Cyrillic and
Mongolian Latin; risky and benign; families of near-duplicates with changed names, phones and amounts;
some obfuscated numbers), writes them as one JSONL file and times each stage. Baseline measured in
the same run: one plain regular-expression pass (all rule patterns joined) over the same texts.
Anchor from the literature: InfoShield, about 140 documents/s on a laptop.
"""

from __future__ import annotations

import json
import os
import random
import re
import time
from collections import Counter
from multiprocessing import get_context
from pathlib import Path

from ctip.osint.evaluate import evaluate
from ctip.osint.intake import parse_file
from ctip.osint.networks import (
    NetworkSettings,
    build_graph,
    cluster_posts,
    describe_clusters,
    near_duplicate_pairs,
)
from ctip.osint.rules import load_rules
from ctip.osint.scan import screen_posts
from ctip.osint.screen import screen_batch

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "osint" / "corpus" / "corpus.jsonl"

TEMPLATES = [
    "Young girls wanted for karaoke in {city}! Salary {pay} USD per week, free visa and ticket. Contact {name} {phone}",
    "Hiring now: online casino customer service in {city}. Earn up to {pay} USD, flight ticket provided, no interview. "
    "WhatsApp {phone}",
    "{city}д массажны газарт 18-25 насны залуу бүсгүйчүүд авна. Өндөр цалинтай, виз онгоцны тийз үнэгүй. {name} утас {phone}",
    "Ereend zuugch busguichuud avna, {pay} sai tsalintai. Bair hool unegui, urichilgaa ugnu. Utas {phone}",
    "{name} LLC is hiring welders for projects in Ulaanbaatar. 3 years experience required. Interview at our office. "
    "Call {phone}",
    "Дэлгүүрт худалдагч авна. Ажлын цаг 9-18. Анкетаа биечлэн авчирна уу. {name} утас {phone}",
    "Selling a used {thing}, good condition, price {pay} thousand, call {name} on {phone}",
    "{name}: our reading club meets on Saturday at the library in {city}. Everyone welcome, free of charge.",
]
NAMES = ["Anna", "Sara", "Mira", "Tuya", "Zola", "Номин", "Сараа", "Ану", "Bold", "Dorj", "Oyun", "Saruul", "Khulan"]
CITIES = ["Macau", "Seoul", "Busan", "Tokyo", "Erlian", "Istanbul", "Dubai", "Cambodia", "Солонгос", "Эрээн"]
THINGS = ["sofa", "bicycle", "fridge", "piano", "car seat", "laptop", "desk", "camera"]
WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
SYLLABLES = ["ba", "to", "ri", "mu", "sa", "ke", "lo", "ni", "da", "ge", "shu", "ya", "zo", "ha", "che", "bi"]


def _words(rng: random.Random, count: int) -> str:
    """Filler of made-up words, so that unrelated posts share few character shingles."""
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(count))


def _phone(rng: random.Random, serial: int) -> str:
    """A distinct 8-digit number per ``serial`` (so only posts of one family share a phone), sometimes hidden."""
    digits = f"{rng.choice(['88', '99', '95', '94', '80', '86'])}{serial % 1_000_000:06d}"
    style = rng.random()
    if style < 0.05:
        return " ".join(WORDS[int(d)] for d in digits)
    if style < 0.10:
        return " ".join(digits)
    return digits


def generate(n: int, seed: int = 2026) -> list[dict]:
    """``n`` posts: about three in five in families of 2–30 near-duplicates, the rest one-off posts.

    A family shares a template and a body of 25–60 made-up words; each copy changes the name, city
    and amount, and half the copies change the phone. Phones are never shared across families.
    """
    rng = random.Random(seed)
    posts: list[dict] = []
    family = 0
    while len(posts) < n:
        family += 1
        template = rng.choice(TEMPLATES)
        copies = rng.randint(2, 30) if rng.random() < 0.08 else 1
        body = _words(rng, rng.randint(25, 60))  # what the copies of one family share besides the template
        family_phone = len(posts)
        for copy in range(min(copies, n - len(posts))):
            serial = family_phone if copy % 2 == 0 else len(posts)
            text = template.format(city=rng.choice(CITIES), pay=rng.choice(["3000", "3500", "4000", "5"]),
                                   name=rng.choice(NAMES), phone=_phone(rng, serial), thing=rng.choice(THINGS))
            posts.append({"text": f"{body} {text}", "author": rng.choice(NAMES).lower(),
                          "posted_at": f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                          "location": rng.choice(CITIES), "family": family})
    return posts


_WORKER_RULES = None


def _load_worker_rules() -> None:
    global _WORKER_RULES
    _WORKER_RULES = load_rules()


def _screen_part(posts):
    # only the verdicts travel back: as on Spark, screened records would stay where they were made
    return [(item.post.post_id, item.level, item.score) for item in screen_batch(posts, _WORKER_RULES)]


def _timed(fn, *args):
    """``fn(*args)`` with its wall-clock and CPU seconds (CPU time is robust when other jobs share the cores)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def _rate(n: int, wall: float, cpu: float) -> str:
    return f"{n / wall:,.0f} posts/s wall, {n / cpu:,.0f} posts per CPU-second"


def _parallel_screen(posts: list) -> tuple[int, float, float]:
    """Screen on two worker processes; wall seconds and the workers' CPU seconds."""
    batches = [posts[i:i + 5000] for i in range(0, len(posts), 5000)]
    before = os.times()
    wall = time.perf_counter()
    pool = get_context("fork").Pool(2, initializer=_load_worker_rules)
    verdicts = [item for part in pool.map(_screen_part, batches) for item in part]
    pool.close()
    pool.join()
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return len(verdicts), time.perf_counter() - wall, cpu


def _clustering(screened, posts, records, rules) -> None:
    settings = NetworkSettings()
    pairs, t1, c1 = _timed(near_duplicate_pairs, screened, settings)
    components, t2, c2 = _timed(cluster_posts, screened, pairs, settings)
    clusters, t3, c3 = _timed(lambda: describe_clusters(screened, components, medium=rules.scoring.medium,
                                                        high=rules.scoring.high, pairs=pairs))
    graph, t4, c4 = _timed(build_graph, screened, pairs)
    print(f"clustering {len(posts):,} posts: {t1 + t2 + t3 + t4:.1f} s wall, {c1 + c2 + c3 + c4:.1f} s CPU "
          f"(aim < 60 s; MinHash LSH {t1:.1f} s, components {t2:.1f} s, templates and descriptions {t3:.1f} s, "
          f"graph {t4:.1f} s)")
    family_of = {post.post_id: record["family"] for post, record in zip(posts, records, strict=True)}
    clustered = sum(len(c.post_ids) for c in clusters)
    majority = sum(Counter(family_of[p] for p in c.post_ids).most_common(1)[0][1] for c in clusters)
    print(f"  {len(clusters):,} clusters holding {clustered:,} posts, purity {majority / max(1, clustered):.3f} "
          f"against the generated families; graph {graph.number_of_nodes():,} nodes, "
          f"{graph.number_of_edges():,} edges")


def main() -> None:
    n = int(os.environ.get("CTIP_BENCH_OSINT_POSTS", "100000"))
    rules = load_rules()
    print(f"generating {n:,} posts ...", flush=True)
    records = generate(n)
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    texts = [r["text"] for r in records]
    print(f"  {len(data) / 1e6:.1f} MB of JSONL, {sum(map(len, texts)) / n:.0f} characters per post; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    # baseline: every rule pattern, one after the other, over each lower-cased raw text (no normalising,
    # no identifiers, no scoring) -- what a plain keyword scanner would do
    patterns = [re.compile(r.pattern.pattern) for p in rules.packs for r in p.rules]
    def plain_pass() -> int:
        lowered = (t.lower() for t in texts)
        return sum(1 for low in lowered if [p.search(low) for p in patterns].count(None) < len(patterns))

    matched, wall, cpu = _timed(plain_pass)
    print(f"baseline  plain regex pass ({len(patterns)} rule patterns over the raw texts, "
          f"{matched:,} posts match): {_rate(n, wall, cpu)}")
    (posts, _), t_in, c_in = _timed(parse_file, "bench.jsonl", data)
    print(f"intake    SHA-256 and JSON parsing: {_rate(n, t_in, c_in)}")
    screened, t_risk, c_risk = _timed(screen_posts, posts, rules)
    print(f"screen    normalise + identifiers + rules, 1 process: {_rate(n, t_risk, c_risk)}")
    print(f"intake→risk, 1 process: {_rate(n, t_in + t_risk, c_in + c_risk)} (aim ≥ 2,000; InfoShield ≈ 140 "
          f"docs/s); {sum(s.level in ('medium', 'high') for s in screened):,} flagged")
    count, t_par, c_par = _parallel_screen(posts)
    assert count == n
    print(f"intake→risk, 2 processes (verdicts returned): {n / (t_in + t_par):,.0f} posts/s wall, "
          f"{n / (c_in + c_par):,.0f} posts per CPU-second")
    _clustering(screened, posts, records, rules)

    result = evaluate(CORPUS, rules)
    print(f"\nquality on the labelled corpus ({result['posts']} posts: {result['labels']})")
    for label, m in result["per_label"].items():
        print(f"  {label:<10} precision {m['precision']:.3f}  recall {m['recall']:.3f}  F1 {m['f1']:.3f}  "
              f"(n={m['support']})")
    f = result["flagged"]
    print(f"  flagged    precision {f['precision']:.3f}  recall {f['recall']:.3f}  F1 {f['f1']:.3f}  "
          f"(medium/high vs. risky)")
    print(f"  macro F1 {result['macro_f1']:.3f}; cluster purity {result['cluster_purity']:.3f}; "
          f"families found whole {result['families_found_whole']}; one-off posts wrongly clustered "
          f"{result['singletons_clustered']}")
    for wrong in result["misclassified"]:
        print(f"    {wrong['id']}: labelled {wrong['label']}, scored {wrong['level']} {wrong['score']} "
              f"{','.join(wrong['families'])}")
