"""Writing a scan to disk: ``posts.csv``, ``posts.jsonl``, ``clusters.json``, ``custody.json``,
``graph.graphml``, ``report.html`` and ``summary.json`` (with each output's SHA-256).

CSV cells that a spreadsheet would run as a formula (starting with ``= + - @``, tab or carriage
return) are prefixed with an apostrophe, and so is such a character after a ``;``: a spreadsheet that
splits on ``;`` (Excel with Russian or Mongolian settings) would otherwise cut ``anna;=cmd`` into a
formula cell.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import networkx as nx

from ctip.osint.intake import sha256_hex
from ctip.osint.report import render_report
from ctip.osint.scan import ScanResult

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_AFTER_SEMICOLON = re.compile(r";(?=[=+\-@\t\r])")
POSTS_COLUMNS = ["post_id", "source_file", "source_line", "language", "risk_score", "risk_level", "families",
                 "identifiers", "cluster", "url", "posted_at", "platform", "author", "location"]


def safe_cell(value: object) -> str:
    """A CSV cell no spreadsheet will evaluate.

    >>> safe_cell("=HYPERLINK(1)"), safe_cell("+97699112233"), safe_cell("ok"), safe_cell("anna;=1+1")
    ("'=HYPERLINK(1)", "'+97699112233", 'ok', "anna;'=1+1")
    """
    text = "" if value is None else str(value)
    if ";" in text:
        text = _AFTER_SEMICOLON.sub(";'", text)
    return "'" + text if text[:1] in FORMULA_STARTS else text


def write_posts_csv(result: ScanResult, path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(POSTS_COLUMNS)
        for item in result.posts:
            post = item.post
            row = [post.post_id, post.source_file, post.source_line, item.language, f"{item.score:.3f}",
                   item.level, ";".join(item.families), ";".join(dict.fromkeys(i.key for i in item.identifiers)),
                   item.cluster, post.url, post.posted_at, post.platform, post.author, post.location]
            writer.writerow([safe_cell(v) for v in row])


def _json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def write_outputs(result: ScanResult, out: Path) -> dict:
    """Write every output file into ``out`` (created if needed) and return the summary."""
    out.mkdir(parents=True, exist_ok=True)
    write_posts_csv(result, out / "posts.csv")
    with (out / "posts.jsonl").open("w", encoding="utf-8") as fh:
        for item in result.posts:
            fh.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    _json(out / "clusters.json", {"rules": result.rules.versions, "clusters": [c.to_dict() for c in result.clusters]})
    _json(out / "custody.json", {"started_at": result.started_at, "finished_at": result.finished_at,
                                 "files": [c.to_dict() for c in result.custody]})
    nx.write_graphml(result.graph, out / "graph.graphml")
    (out / "report.html").write_text(render_report(result), encoding="utf-8")
    summary = result.summary()
    summary["outputs"] = {name: sha256_hex((out / name).read_bytes()) for name in
                          ("posts.csv", "posts.jsonl", "clusters.json", "custody.json", "graph.graphml", "report.html")}
    _json(out / "summary.json", summary)
    return summary
