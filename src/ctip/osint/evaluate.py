"""Evaluation of the pipeline against a labelled corpus (JSONL with ``label`` and ``group`` per post).

Risk: a post's level maps to a predicted label (high/medium → risky, low → borderline,
none → benign); precision, recall and F1 per label, their macro average, and the flag decision
(flagged vs. risky). Clusters: purity (share of clustered posts whose cluster's majority group is
their own group) and how many labelled families were found whole (completeness).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from ctip.osint.intake import parse_file
from ctip.osint.rules import RuleSet, load_rules
from ctip.osint.scan import analyse, screen_posts

LABELS = ("risky", "borderline", "benign")
PREDICTED = {"high": "risky", "medium": "risky", "low": "borderline", "none": "benign"}


def _prf(tp: int, fp: int, fn: int) -> dict:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3), "support": tp + fn}


def evaluate(corpus: Path, rules: RuleSet | None = None) -> dict:
    """Scores of the risk levels and clusters on ``corpus``; also lists the posts the pipeline got wrong."""
    rules = rules or load_rules()
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    posts, _ = parse_file(corpus.name, corpus.read_bytes())
    screened = screen_posts(posts, rules)
    clusters, _ = analyse(screened, rules)
    truth = [r["label"] for r in records]
    predicted = [PREDICTED[s.level] for s in screened]
    per_label = {}
    for label in LABELS:
        tp = sum(t == p == label for t, p in zip(truth, predicted, strict=True))
        fp = sum(p == label and t != label for t, p in zip(truth, predicted, strict=True))
        fn = sum(t == label and p != label for t, p in zip(truth, predicted, strict=True))
        per_label[label] = _prf(tp, fp, fn)
    flag_tp = sum(t == "risky" and p == "risky" for t, p in zip(truth, predicted, strict=True))
    flag_fp = sum(t != "risky" and p == "risky" for t, p in zip(truth, predicted, strict=True))
    flag_fn = sum(t == "risky" and p != "risky" for t, p in zip(truth, predicted, strict=True))
    group_of = {s.post.post_id: r["group"] for s, r in zip(screened, records, strict=True)}
    clustered = majority = 0
    for cluster in clusters:
        counts = Counter(group_of[p] for p in cluster.post_ids)
        clustered += len(cluster.post_ids)
        majority += counts.most_common(1)[0][1]
    families = defaultdict(set)
    for post_id, group in group_of.items():
        if not group.startswith("single-"):
            families[group].add(post_id)
    whole = sum(any(members <= set(c.post_ids) for c in clusters) for members in families.values())
    wrong = [{"id": r["id"], "label": r["label"], "level": s.level, "score": round(s.score, 2),
              "families": s.families} for s, r in zip(screened, records, strict=True)
             if PREDICTED[s.level] != r["label"]]
    return {
        "posts": len(records),
        "labels": dict(Counter(truth)),
        "per_label": per_label,
        "macro_f1": round(sum(v["f1"] for v in per_label.values()) / len(LABELS), 3),
        "flagged": _prf(flag_tp, flag_fp, flag_fn),
        "clusters": len(clusters),
        "cluster_purity": round(majority / clustered, 3) if clustered else 0.0,
        "families_found_whole": f"{whole}/{len(families)}",
        "singletons_clustered": sum(1 for c in clusters for p in c.post_ids if group_of[p].startswith("single-")),
        "misclassified": wrong,
    }
