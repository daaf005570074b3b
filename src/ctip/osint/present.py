"""Presentation helpers shared by the offline report and the workbench pages (pure, no Django).

``segments`` cuts a text into plain and highlighted pieces; ``score_breakdown`` explains a score
family by family; ``network_layout`` places a cluster's posts and identifiers on a plane, for an SVG
drawn without any script.
"""

from __future__ import annotations

import networkx as nx

from ctip.osint.rules import Scoring

MAX_LAYOUT_NODES = 120
TRIAGE_NOTICE = ("Scores are triage, not evidence: they say which posts an analyst should read first, "
                 "never that trafficking took place.")


def segments(text: str, hits: list[dict], limit: int = 20_000) -> list[dict]:
    """Pieces of ``text[:limit]`` in order: ``{"text", "hit"}`` where ``hit`` is the first hit covering it.

    >>> [(s["text"], bool(s["hit"])) for s in segments("free visa now", [{"start": 0, "end": 9}])]
    [('free visa', True), (' now', False)]
    """
    text = text[:limit]
    spans = sorted((h for h in hits if h["end"] > h["start"] and h["start"] < len(text)), key=lambda h: h["start"])
    out, pos = [], 0
    for hit in spans:
        start, end = max(hit["start"], pos), min(hit["end"], len(text))
        if start >= end:
            continue
        if start > pos:
            out.append({"text": text[pos:start], "hit": None})
        out.append({"text": text[start:end], "hit": hit})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:], "hit": None})
    return out


def score_breakdown(scoring: Scoring, hits: list[dict]) -> dict:
    """How a post's score came about: per family that fired, the hit that counted (the strongest, then
    the first), its rule and text, the family weight and hit strength, and their product; then the
    score ``1 - prod(1 - weight * strength)`` and the thresholds the level was judged against.

    A family the scoring table does not know (an analyst's pack naming a removed family) counts 0.
    """
    best: dict[str, dict] = {}
    for hit in hits:
        value = scoring.strength.get(hit["strength"], 0.0)
        if hit["family"] not in best or value > best[hit["family"]]["strength_value"]:
            best[hit["family"]] = {**hit, "strength_value": value}
    rows = []
    for family, hit in best.items():
        weight = scoring.families[family].weight if family in scoring.families else 0.0
        factor = weight * hit["strength_value"]
        rows.append({"family": family, "hit": hit, "weight": weight, "strength_value": hit["strength_value"],
                     "factor": factor, "factor_text": _figure(factor)})
    rows.sort(key=lambda r: (-r["factor"], r["family"]))
    remaining = 1.0
    for row in rows:
        remaining *= 1.0 - row["factor"]
    factors = " × ".join(f"(1 − {r['factor_text']})" for r in rows) or "1"
    return {"rows": rows, "score": 1.0 - remaining, "formula": f"1 − {factors} = {1.0 - remaining:.2f}",
            "medium": scoring.medium, "high": scoring.high,
            "min_families_to_flag": scoring.min_families_to_flag,
            "min_families_for_high": scoring.min_families_for_high}


def _figure(value: float) -> str:
    """A factor as written in the explanation: up to three decimals, no trailing zeros (0.45, 0.075)."""
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


def network_layout(posts: list[dict], near_duplicates: list | None = None, *, width: int = 640,
                   height: int = 420) -> dict:
    """Nodes (posts and the identifiers they carry) and edges of one cluster, with pixel coordinates.

    Edges are ``carries`` (post to identifier) or ``near`` (two near-duplicate posts).
    """
    graph = nx.Graph()
    for post in posts[:MAX_LAYOUT_NODES]:
        graph.add_node(post["post_id"], kind="post", label=post["post_id"], level=post.get("level", "none"))
        for ident in post.get("identifiers", []):
            if ident["kind"] in ("phone", "email", "handle", "url", "domain"):
                key = f"{ident['kind']}:{ident.get('platform') or ''}:{ident['value']}"
                graph.add_node(key, kind=ident["kind"], label=ident["value"], level="")
                graph.add_edge(post["post_id"], key, kind="carries")
    for a, b, *_ in near_duplicates or []:
        if a in graph and b in graph:
            graph.add_edge(a, b, kind="near")
    if not graph:
        return {"nodes": [], "edges": [], "width": width, "height": height}
    positions = nx.spring_layout(graph, seed=7) if len(graph) > 1 else {next(iter(graph)): (0.0, 0.0)}
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def place(node: str) -> tuple[int, int]:
        x, y = positions[node]
        # leave room on the right for identifier labels
        return (int(30 + (x - min(xs)) / span_x * (width - 170)), int(30 + (y - min(ys)) / span_y * (height - 60)))

    nodes = [{"id": n, "x": place(n)[0], "y": place(n)[1], **graph.nodes[n]} for n in graph]
    edges = [{"x1": place(a)[0], "y1": place(a)[1], "x2": place(b)[0], "y2": place(b)[1], "kind": kind}
             for a, b, kind in graph.edges(data="kind")]
    return {"nodes": nodes, "edges": edges, "width": width, "height": height}
