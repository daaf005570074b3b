"""The labelled evaluation corpus: well formed, and the pipeline keeps its quality on it."""

from __future__ import annotations

import json
from pathlib import Path

from ctip.osint.evaluate import evaluate

CORPUS = Path(__file__).parent / "corpus" / "corpus.jsonl"


def test_corpus_covers_languages_labels_families_and_obfuscations():
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    assert {r["lang"] for r in records} >= {"en", "mn", "mn-Latn"}
    assert {r["label"] for r in records} == {"risky", "borderline", "benign"}
    groups = [r["group"] for r in records if not r["group"].startswith("single-")]
    assert len(set(groups)) >= 5
    assert {"spelled digits", "spaced digits", "emoji digits"} <= {r.get("obfuscation") for r in records}


def test_pipeline_quality_on_the_corpus_does_not_regress():
    result = evaluate(CORPUS)
    assert result["flagged"]["f1"] >= 0.9
    assert result["cluster_purity"] >= 0.9
    assert result["singletons_clustered"] == 0
