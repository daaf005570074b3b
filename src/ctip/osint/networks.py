"""Networks: near-duplicate posts (MinHash LSH over character shingles) and shared identifiers,
grouped into clusters, each described by its template, time span, places, identifiers and risk.

Character shingles work for any script (Cyrillic included) and survive small edits such as a
changed phone or name. Exact copies are collapsed before LSH so a post repeated ten thousand times
costs one query. Identifiers shared by very many posts (hubs: a platform's support line, a big
agency's domain) are down-weighted: their edges weigh ``1 / log2(1 + degree)`` and they stop linking
clusters above ``hub_limit`` posts, though they stay in the graph and in the cluster description.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import networkx as nx
import numpy as np
from datasketch import LeanMinHash, MinHashLSH

from ctip.osint.identifiers import is_service_number
from ctip.osint.model import Screened
from ctip.osint.template import build_template

LINKING_KINDS = ("phone", "email", "handle", "url", "domain")
SHINGLE = 5
MAX_SHINGLE_CHARS = 3000
MAX_CANDIDATES = 20  # links per post from LSH are enough: clusters are connected components


@dataclass(frozen=True, slots=True)
class NetworkSettings:
    """Parameters of the network stage (keyword-only, explicit)."""

    threshold: float = 0.5   # estimated Jaccard similarity of shingle sets for a near-duplicate edge
    num_perm: int = 64
    hub_limit: int = 50      # identifiers in more posts than this do not link clusters
    seed: int = 1


@dataclass(slots=True)
class Cluster:
    cluster_id: str
    post_ids: list[str]
    template: dict | None
    first_seen: str
    last_seen: str
    places: dict[str, int]
    identifiers: dict[str, int]
    authors: int
    risk: float
    level: str
    mean_post_risk: float
    network_cues: list[str] = field(default_factory=list)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    template_post_ids: list[str] = field(default_factory=list)  # the near-duplicate group the template describes

    def to_dict(self) -> dict:
        return {
            "cluster_id": self.cluster_id, "size": len(self.post_ids), "post_ids": self.post_ids,
            "template": self.template, "template_post_ids": self.template_post_ids, "first_seen": self.first_seen, "last_seen": self.last_seen,
            "places": self.places, "identifiers": self.identifiers, "authors": self.authors,
            "risk": round(self.risk, 4), "level": self.level, "mean_post_risk": round(self.mean_post_risk, 4),
            "network_cues": self.network_cues,
            "near_duplicates": [[a, b, round(sim, 3)] for a, b, sim in self.near_duplicates],
        }


def _shingle_key(text: str) -> str:
    """Lower-cased text with runs of white space made one space (first ``MAX_SHINGLE_CHARS`` characters)."""
    return " ".join(text[:2 * MAX_SHINGLE_CHARS].lower().split())[:MAX_SHINGLE_CHARS]


_MASK32 = np.uint64(0xFFFFFFFF)


@lru_cache(maxsize=8)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Affine maps ``h -> a·h + b mod 2^32`` (``a`` odd, so each is a bijection), fixed by the seed."""
    rng = np.random.RandomState(seed)
    a = rng.randint(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32) | np.uint32(1)
    b = rng.randint(0, 1 << 32, size=num_perm, dtype=np.uint64).astype(np.uint32)
    return a, b


def shingle_hashes(text: str) -> np.ndarray:
    """32-bit hashes of every ``SHINGLE``-character window of the lower-cased text (vectorised).

    Each window of code points is folded by a polynomial hash; repeats are harmless because a MinHash
    takes minima. Works the same for any script.
    """
    key = _shingle_key(text) or " "
    points = np.frombuffer(key.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    if len(points) < SHINGLE:
        points = np.pad(points, (0, SHINGLE - len(points)))
    with np.errstate(over="ignore"):
        h = np.zeros(len(points) - SHINGLE + 1, dtype=np.uint64)
        for k in range(SHINGLE):
            h = h * np.uint64(1_000_003) + points[k:len(points) - SHINGLE + 1 + k]
        h ^= h >> np.uint64(29)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(32)
    return h & _MASK32


def minhash(text: str, settings: NetworkSettings) -> LeanMinHash:
    """MinHash signature of the post's character shingles, as a ``datasketch`` object for its LSH index.

    The construction is datasketch's "affine32" scheme (pre-mixed 32-bit hashes permuted by
    ``a·h + b mod 2^32``), computed here in one vectorised step for all shingles and slots.
    """
    a, b = _permutations(settings.num_perm, settings.seed)
    hashes = shingle_hashes(text).astype(np.uint32)
    values = np.multiply.outer(hashes, a) + b  # uint32 arithmetic: wraparound is the modulo 2^32
    return LeanMinHash(seed=settings.seed, hashvalues=values.min(axis=0), scheme="affine32")


def near_duplicate_pairs(batch: list[Screened], settings: NetworkSettings) -> list[tuple[str, str, float]]:
    """Pairs of post ids whose texts are near-duplicates, with their estimated Jaccard similarity."""
    groups: dict[str, list[str]] = defaultdict(list)
    for item in batch:
        groups[_shingle_key(item.normalised)].append(item.post.post_id)
    pairs: list[tuple[str, str, float]] = []
    for ids in groups.values():  # exact copies: chain them
        pairs.extend((a, b, 1.0) for a, b in zip(ids, ids[1:], strict=False))
    lsh = MinHashLSH(threshold=settings.threshold, num_perm=settings.num_perm)
    sketches: dict[str, np.ndarray] = {}
    for key, ids in groups.items():
        rep = ids[0]
        sketch = minhash(key, settings)  # the key is already in shingle form (the function is idempotent)
        for other in sorted(lsh.query(sketch))[:MAX_CANDIDATES]:  # sorted: the same links on every run
            similarity = float(np.count_nonzero(sketch.hashvalues == sketches[other])) / settings.num_perm
            if similarity >= settings.threshold:
                pairs.append((other, rep, similarity))
        lsh.insert(rep, sketch, check_duplication=False)
        sketches[rep] = sketch.hashvalues
    return pairs


def identifier_degrees(batch: list[Screened]) -> Counter:
    """How many posts carry each linking identifier."""
    degrees: Counter = Counter()
    for item in batch:
        degrees.update({i.key for i in item.identifiers if i.kind in LINKING_KINDS})
    return degrees


def build_graph(batch: list[Screened], pairs: list[tuple[str, str, float]]) -> nx.Graph:
    """Posts and identifiers as nodes; ``carries`` edges (hub-weighted) and ``near_duplicate`` edges."""
    graph = nx.Graph()
    degrees = identifier_degrees(batch)
    for item in batch:
        post = item.post
        graph.add_node(post.post_id, kind="post", label=post.post_id, risk=round(item.score, 4), level=item.level,
                       language=item.language, cluster=item.cluster, source=post.source_file)
        for ident in item.identifiers:
            if ident.kind not in LINKING_KINDS:
                continue
            degree = degrees[ident.key]
            graph.add_node(ident.key, kind=ident.kind, label=ident.value, platform=ident.platform, posts=degree)
            graph.add_edge(post.post_id, ident.key, type="carries", weight=round(1 / math.log2(1 + degree), 4))
    for a, b, similarity in pairs:
        graph.add_edge(a, b, type="near_duplicate", weight=round(similarity, 4))
    return graph


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_posts(batch: list[Screened], pairs: list[tuple[str, str, float]],
                  settings: NetworkSettings) -> dict[str, list[str]]:
    """Connected components of near-duplicate edges and shared identifiers (two posts or more), except hubs
    and Mongolian service numbers (organisations' public lines, quoted by unrelated posts)."""
    uf = _UnionFind()
    for item in batch:
        uf.find(item.post.post_id)
    for a, b, _ in pairs:
        uf.union(a, b)
    holders: dict[str, list[str]] = defaultdict(list)
    for item in batch:
        for key in {i.key for i in item.identifiers if i.kind in LINKING_KINDS}:
            holders[key].append(item.post.post_id)
    for key, ids in holders.items():
        if 2 <= len(ids) <= settings.hub_limit and not is_service_number(key):
            for other in ids[1:]:
                uf.union(ids[0], other)
    components: dict[str, list[str]] = defaultdict(list)
    for item in batch:
        components[uf.find(item.post.post_id)].append(item.post.post_id)
    return {root: ids for root, ids in components.items() if len(ids) >= 2}


def _cluster_risk(items: list[Screened], cues: list[str], medium: float, high: float) -> tuple[float, float, str]:
    mean = sum(i.score for i in items) / len(items)
    top = max(i.score for i in items)
    risk = 1 - (1 - (mean + top) / 2) * (1 - 0.15 * min(len(cues), 2))
    flagged = sum(i.level in ("medium", "high") for i in items)
    level = "high" if risk >= high and flagged else "medium" if risk >= medium and flagged else (
        "low" if risk > 0 else "none")
    return risk, mean, level


MAX_LINKS_SHOWN = 500


def near_duplicate_groups(pairs: list[tuple[str, str, float]]) -> dict[str, list[str]]:
    """Each post that has a near-duplicate, mapped to its group: the posts joined to it by near-duplicate
    links alone (connected components of those links, ids in sorted order)."""
    uf = _UnionFind()
    for a, b, _ in pairs:
        uf.union(a, b)
    members: dict[str, list[str]] = defaultdict(list)
    for post_id in list(uf.parent):
        members[uf.find(post_id)].append(post_id)
    groups: dict[str, list[str]] = {}
    for ids in members.values():
        ids.sort()
        groups.update(dict.fromkeys(ids, ids))  # one list shared by the group's posts
    return groups


def template_group(ids: list[str], groups: dict[str, list[str]]) -> list[str]:
    """The largest group of near-duplicate posts inside a cluster (the first in the cluster's order on a
    tie), or ``[]`` when no two of its posts are near-duplicates (they are linked by identifiers only).

    A template is only meaningful over posts written from one text: a post linked merely by a shared
    phone (the same number in an unrelated ad) would fill the slots with unrelated words.
    """
    best: list[str] = []
    for post_id in ids:
        group = groups.get(post_id, [])
        if len(group) > len(best):
            best = group
    return best


def describe_clusters(batch: list[Screened], components: dict[str, list[str]], *, medium: float,
                      high: float, pairs: list[tuple[str, str, float]] = ()) -> list[Cluster]:
    """Clusters, largest first, with template, time span, places, identifiers, network cues and risk.

    Sets ``cluster`` on each member post. The template describes the cluster's largest group of
    near-duplicate posts (``template_group``); a cluster without near-duplicates has none. Network cues
    (DOMAIN.md §5): one phone in several posts across several cities or authors; several authors of the
    near-duplicate group sharing its template.
    """
    by_id = {i.post.post_id: i for i in batch}
    links: dict[str, list[tuple[str, str, float]]] = defaultdict(list)
    root_of = {post_id: root for root, ids in components.items() for post_id in ids}
    for a, b, similarity in pairs:
        if a in root_of and len(links[root_of[a]]) < MAX_LINKS_SHOWN:
            links[root_of[a]].append((a, b, similarity))
    roots = {ids[0]: root for root, ids in components.items()}
    groups = near_duplicate_groups(list(pairs))
    ordered = sorted(components.values(), key=lambda ids: (-len(ids), ids[0]))
    clusters = []
    for number, ids in enumerate(ordered, start=1):
        items = [by_id[i] for i in ids]
        cluster_id = f"c{number:05d}"
        for item in items:
            item.cluster = cluster_id
        group = template_group(ids, groups)
        template = build_template([by_id[i].normalised for i in group]) if group else None
        dates = sorted(i.post.posted_at for i in items if i.post.posted_at)
        places = Counter(i.post.location for i in items if i.post.location)
        places.update(h.text.strip().title() for i in items for h in i.hits if h.family == "destination")
        idents = Counter(k for i in items for k in {x.key for x in i.identifiers if x.kind in LINKING_KINDS})
        authors = {i.post.author for i in items if i.post.author}
        cues = []
        phones = [k for k, n in idents.items() if k.startswith("phone:+") and n >= 2]
        if phones and (len(authors) >= 2 or len({i.post.location for i in items if i.post.location}) >= 2):
            cues.append("one phone across several authors or places")
        if template and len({by_id[i].post.author for i in group if by_id[i].post.author}) >= 2:
            cues.append("several authors share one text template")
        risk, mean, level = _cluster_risk(items, cues, medium, high)
        clusters.append(Cluster(
            cluster_id, ids, template.to_dict() if template else None, dates[0] if dates else "",
            dates[-1] if dates else "", dict(places.most_common(10)), dict(idents.most_common(20)),
            len(authors), risk, level, mean, cues, links.get(roots.get(ids[0], ""), []), group,
        ))
    return clusters
