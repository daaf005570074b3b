"""The whole OSINT pipeline on a file or folder: intake → normalise → identify → risk → networks.

Per-post stages run batch by batch (``BATCH_SIZE`` posts), in this process or in worker processes
(``jobs``); the network stage needs every post at once. Nothing here prints: progress goes to an optional callback.
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from ctip import __version__
from ctip.osint.intake import iter_files, now_utc, read_paths
from ctip.osint.model import Custody, Post, Screened
from ctip.osint.networks import (
    Cluster,
    NetworkSettings,
    build_graph,
    cluster_posts,
    describe_clusters,
    near_duplicate_pairs,
)
from ctip.osint.present import TRIAGE_NOTICE
from ctip.osint.rules import RuleSet, load_rules
from ctip.osint.screen import screen_batch

BATCH_SIZE = 1000


@dataclass(slots=True)
class ScanResult:
    posts: list[Screened]
    custody: list[Custody]
    clusters: list[Cluster]
    graph: nx.Graph
    rules: RuleSet
    started_at: str
    finished_at: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    def summary(self) -> dict:
        """What ``ctip osint scan --json`` prints."""
        levels = Counter(p.level for p in self.posts)
        return {
            "posts": len(self.posts),
            "flagged": levels["medium"] + levels["high"],
            "levels": {level: levels[level] for level in ("high", "medium", "low", "none")},
            "clusters": len(self.clusters),
            "clusters_flagged": sum(c.level in ("medium", "high") for c in self.clusters),
            "files_read": sum(c.status == "read" for c in self.custody),
            "files_skipped": [{"path": c.path, "reason": c.reason, "code": c.reason_code, "params": c.reason_params}
                              for c in self.custody if c.status == "skipped"],
            "rules": self.rules.versions,
            "ctip_version": __version__,
            "started_at": self.started_at,
            "finished_at": self.finished_at,
            "notice": TRIAGE_NOTICE,
        }


def count_files(path: Path) -> int:
    return sum(1 for _ in iter_files(path))


def screen_posts(posts: list[Post], rules: RuleSet, progress: Callable[[int], None] | None = None) -> list[Screened]:
    """Per-post stages over ``posts`` in batches of ``BATCH_SIZE``, in this process."""
    out: list[Screened] = []
    for start in range(0, len(posts), BATCH_SIZE):
        batch = screen_batch(posts[start:start + BATCH_SIZE], rules)
        out.extend(batch)
        if progress:
            progress(len(batch))
    return out


_WORKER_RULES: RuleSet | None = None


def _load_worker_rules(rules_dir: Path | None) -> None:
    global _WORKER_RULES
    _WORKER_RULES = load_rules(rules_dir)


def _screen_in_worker(posts: list[Post]) -> list[Screened]:
    assert _WORKER_RULES is not None
    return screen_batch(posts, _WORKER_RULES)


def screen_posts_parallel(posts: list[Post], rules_dir: Path | None, jobs: int,
                          progress: Callable[[int], None] | None = None) -> list[Screened]:
    """The same as ``screen_posts`` on ``jobs`` worker processes (each loads the rules once); order kept."""
    batches = [posts[i:i + BATCH_SIZE] for i in range(0, len(posts), BATCH_SIZE)]
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    out: list[Screened] = []
    with context.Pool(jobs, initializer=_load_worker_rules, initargs=(rules_dir,)) as pool:
        for batch in pool.imap(_screen_in_worker, batches):
            out.extend(batch)
            if progress:
                progress(len(batch))
    return out


def analyse(screened: list[Screened], rules: RuleSet, settings: NetworkSettings | None = None
            ) -> tuple[list[Cluster], nx.Graph]:
    """Network stage over every screened post: near-duplicates, clusters, templates, graph."""
    settings = settings or NetworkSettings()
    pairs = near_duplicate_pairs(screened, settings)
    components = cluster_posts(screened, pairs, settings)
    clusters = describe_clusters(screened, components, medium=rules.scoring.medium, high=rules.scoring.high,
                                 pairs=pairs)
    return clusters, build_graph(screened, pairs)


def scan(path: Path, *, rules_dir: Path | None = None, settings: NetworkSettings | None = None, jobs: int = 1,
         on_file: Callable[[Custody], None] | None = None,
         on_posts: Callable[[int], None] | None = None) -> ScanResult:
    """Scan a file or folder (``jobs`` processes screen posts); raises ``IntakeProblem`` if the path does
    not exist and ``RulePackError`` for invalid rules."""
    rules = load_rules(rules_dir)
    started = now_utc()
    custody: list[Custody] = []
    posts: list[Post] = []
    for file_posts, record in read_paths(Path(path)):
        custody.append(record)
        posts.extend(file_posts)
        if on_file:
            on_file(record)
    if jobs > 1 and len(posts) > BATCH_SIZE:
        screened = screen_posts_parallel(posts, rules_dir, jobs, on_posts)
    else:
        screened = screen_posts(posts, rules, on_posts)
    clusters, graph = analyse(screened, rules, settings)
    result = ScanResult(screened, custody, clusters, graph, rules, started)
    result.finished_at = now_utc()
    return result
