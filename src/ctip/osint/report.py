"""The offline ``report.html``: one self-contained file (inline CSS and SVG, no script, no outside URL).

Headings are bilingual (English · Mongolian) so one file serves both audiences, and so are the intake
problems of the chain of custody (the file may be passed on, so it does not depend on who ran the scan). The report lists
flagged clusters with their template and network, then flagged posts with highlighted hits, then the
chain-of-custody table. Long scans are capped (``MAX_CLUSTERS``, ``MAX_POSTS``); ``posts.csv`` has all.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from ctip.osint.messages import worded
from ctip.osint.present import TRIAGE_NOTICE, network_layout, score_breakdown, segments

if TYPE_CHECKING:
    from ctip.osint.model import Custody
    from ctip.osint.scan import ScanResult

MAX_CLUSTERS = 200
MAX_POSTS = 1000
LEVEL_ORDER = {"high": 0, "medium": 1, "low": 2, "none": 3}
STATUS = {"read": "read · уншсан", "skipped": "skipped · алгассан"}

CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem 1.5rem;color:#1b1b1b;
overflow-wrap:anywhere} .scroll{overflow-x:auto} @media (max-width:30rem){body{padding:.75rem}}
h1,h2,h3{line-height:1.2} .notice{background:#fff4ce;border-left:4px solid #b58100;padding:.6rem 1rem}
table{border-collapse:collapse;width:100%;font-size:13px} th,td{border-bottom:1px solid #ddd;padding:.3rem;
text-align:left;vertical-align:top} code{word-break:break-all} .lvl{font-weight:600;padding:0 .35rem;border-radius:3px}
.high{background:#b3261e;color:#fff} .medium{background:#e8a317} .low{background:#dfe6ee} .none{background:#eee}
mark{background:#ffe08a;border-bottom:2px solid #b58100} .post{border:1px solid #ddd;border-radius:6px;
padding:.6rem 1rem;margin:.8rem 0} .text{white-space:pre-wrap} .template{background:#f4f6f8;padding:.5rem}
svg{border:1px solid #ddd;background:#fcfcfc;max-width:100%;height:auto} .meta{color:#555;font-size:13px}
"""

_KIND_COLOUR = {"post": "#2f5d8a", "phone": "#b3261e", "email": "#6a3d9a", "handle": "#1b7a3a",
                "url": "#8a6d00", "domain": "#8a6d00"}


def _level(level: str) -> str:
    return f'<span class="lvl {escape(level)}">{escape(level)}</span>'


def highlighted(text: str, hits: list[dict], labels: dict[str, str]) -> str:
    """Escaped ``text`` with each hit wrapped in ``<mark>`` titled by its family and rule."""
    out = []
    for piece in segments(text, hits):
        hit = piece["hit"]
        if hit:
            title = f"{labels.get(hit['family'], hit['family'])} · {hit['rule']}"
            out.append(f'<mark title="{escape(title)}">{escape(piece["text"])}</mark>')
        else:
            out.append(escape(piece["text"]))
    return "".join(out)


def network_svg(posts: list[dict], near_duplicates: list | None = None) -> str:
    """A cluster's posts and identifiers as an inline SVG (no script); near-duplicates dashed."""
    layout = network_layout(posts, near_duplicates)
    parts = [f'<svg viewBox="0 0 {layout["width"]} {layout["height"]}" width="{layout["width"]}" '
             f'height="{layout["height"]}" role="img" aria-label="network">']
    for e in layout["edges"]:
        dash = ' stroke-dasharray="4 3"' if e["kind"] == "near" else ""
        parts.append(f'<line x1="{e["x1"]}" y1="{e["y1"]}" x2="{e["x2"]}" y2="{e["y2"]}" stroke="#767676"{dash}/>')  # 4.4:1 on the drawing's background (WCAG 1.4.11)
    for n in layout["nodes"]:
        colour = _KIND_COLOUR.get(n["kind"], "#555")
        radius = 7 if n["kind"] == "post" else 5
        parts.append(f'<circle cx="{n["x"]}" cy="{n["y"]}" r="{radius}" fill="{colour}">'
                     f'<title>{escape(n["kind"])}: {escape(str(n["label"]))}</title></circle>')
        if n["kind"] != "post":
            parts.append(f'<text x="{n["x"] + 8}" y="{n["y"] + 4}" font-size="10">{escape(str(n["label"])[:40])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _cluster_html(cluster, posts_by_id: dict[str, dict]) -> str:
    members = [posts_by_id[p] for p in cluster.post_ids if p in posts_by_id]
    template = cluster.template
    rows = [f'<section class="post" id="{escape(cluster.cluster_id)}"><h3>{escape(cluster.cluster_id)} · '
            f'{len(cluster.post_ids)} posts · {_level(cluster.level)} {cluster.risk:.2f}</h3>']
    group = len(cluster.template_post_ids)
    if template:
        rows.append(f'<p><strong>Template · Загвар</strong> (MDL {template["compression"]:.2f})</p>'
                    f'<p class="template">{escape(template["text"])}</p>')
        for number, values in enumerate(template["slots"], start=1):
            rows.append(f'<p class="meta">slot {number}: {escape(" | ".join(values))}</p>')
        if group < len(cluster.post_ids):
            rows.append(f"<p class=meta>Built from the {group} near-duplicate posts of this cluster; the others are "
                        f"linked by identifiers they share. Энэ кластерын бараг ижил {group} нийтлэлээс гаргасан; "
                        "бусад нь ижил таних тэмдгээр холбогдсон.</p>")
    elif group:
        rows.append(f"<p class=meta>No template: its {group} near-duplicate posts share too little wording for a "
                    f"template to describe them more briefly. Загвар алга: бараг ижил {group} нийтлэлийн нийтлэг "
                    "үг хэллэг загвараар товч илэрхийлэхэд хэтэрхий цөөн.</p>")
    else:
        rows.append("<p class=meta>No template: no two posts of this cluster are near-duplicates; they are linked "
                    "only by identifiers they share. Загвар алга: энэ кластерын аль ч хоёр нийтлэл бараг ижил биш; "
                    "зөвхөн ижил таних тэмдгээр холбогдсон.</p>")
    rows.append(f'<p class="meta">{escape(cluster.first_seen or "?")} – {escape(cluster.last_seen or "?")} · '
                f'places: {escape(", ".join(cluster.places) or "—")} · authors: {cluster.authors}</p>')
    if cluster.network_cues:
        rows.append(f'<p><strong>Network cues:</strong> {escape("; ".join(cluster.network_cues))}</p>')
    if cluster.identifiers:
        rows.append("<p class=meta>" + ", ".join(f"<code>{escape(k)}</code> ×{n}"
                                                  for k, n in cluster.identifiers.items()) + "</p>")
    rows.append(network_svg(members, cluster.near_duplicates))
    rows.append("<p class=meta>" + " ".join(f'<a href="#{escape(p)}">{escape(p)}</a>' for p in cluster.post_ids[:200])
                + "</p></section>")
    return "".join(rows)


def bilingual(code: str, params: dict, english: str) -> str:
    """An intake problem in English, then in Mongolian (``ctip.osint.messages``), as HTML; a problem of a kind
    this version does not know keeps the English it was written with."""
    try:
        en, mn = worded(code, params, "en"), worded(code, params, "mn")
    except (KeyError, TypeError, ValueError):
        return escape(english)
    return f'{escape(en)}<br><span lang="mn">{escape(mn)}</span>'


def custody_notes(custody: Custody) -> str:
    """Why a file was skipped, or the problems of the lines that could not be read, in both languages."""
    if custody.status == "skipped":
        return bilingual(custody.reason_code, custody.reason_params, custody.reason)
    return "".join(["<ul>", *(f"<li>{bilingual(p['code'], p['params'], p['text'])}</li>" for p in custody.problems),
                    "</ul>"]) if custody.problems else ""


def _explanation(result: ScanResult, post: dict, labels: dict[str, str]) -> str:
    """How the post's score came about: per family, the hit that counted, its rule and weight × strength."""
    breakdown = score_breakdown(result.rules.scoring, post["hits"])
    items = "".join(
        f"<li>{escape(labels.get(r['family'], r['family']))}: «{escape(r['hit']['text'])}» "
        f"<code>{escape(r['hit']['rule'])}</code> {r['weight']:.2f} × {r['strength_value']:.2f} = {r['factor_text']}</li>"
        for r in breakdown["rows"])
    return (f'<details class="meta"><summary>How the score was computed · Оноог хэрхэн тооцсон бэ: '
            f'<code>{escape(breakdown["formula"])}</code></summary><ul>{items}</ul></details>')


def render_report(result: ScanResult) -> str:
    """The whole report as one HTML string."""
    labels = {f.id: f"{f.label_en} · {f.label_mn}" for f in result.rules.scoring.families.values()}
    summary = result.summary()
    posts = [p.to_dict() for p in result.posts]
    posts_by_id = {p["post_id"]: p for p in posts}
    clusters = sorted(result.clusters, key=lambda c: (LEVEL_ORDER[c.level], -c.risk))[:MAX_CLUSTERS]
    flagged = sorted((p for p in posts if p["level"] in ("high", "medium")), key=lambda p: -p["score"])[:MAX_POSTS]
    html = [
        "<!doctype html><html lang=en><head><meta charset=utf-8>",
        "<meta name=viewport content='width=device-width, initial-scale=1'>",
        f"<title>OSINT scan report · ctip</title><style>{CSS}</style></head><body>",
        "<main><h1>OSINT scan report · OSINT шалгалтын тайлан</h1>",
        f'<p class="notice"><strong>{escape(TRIAGE_NOTICE)}</strong><br>Оноо нь зөвхөн эрэмбэлэлт, нотлох '
        "баримт биш: аль нийтлэлийг түрүүлж унших ёстойг заана, хүн худалдаалсан гэдгийг батлахгүй.</p>",
        f"<p>Posts · Нийтлэл: <strong>{summary['posts']}</strong> · flagged · тэмдэглэсэн: "
        f"<strong>{summary['flagged']}</strong> · clusters · кластер: <strong>{summary['clusters']}</strong> · "
        f"files skipped · алгассан файл: <strong>{len(summary['files_skipped'])}</strong></p>",
        f"<p class=meta>Scan {escape(result.started_at)} – {escape(result.finished_at)}; rules "
        f"{escape(', '.join(f'{k} {v}' for k, v in result.rules.versions.items()))}.</p>",
        f"<h2>Clusters · Кластерууд ({len(clusters)} of {len(result.clusters)})</h2>",
        *(_cluster_html(c, posts_by_id) for c in clusters),
        f"<h2>Flagged posts · Тэмдэглэсэн нийтлэлүүд ({len(flagged)} of {summary['flagged']})</h2>",
    ]
    for post in flagged:
        html.append(
            f'<section class="post" id="{escape(post["post_id"])}"><h3>{escape(post["post_id"])} '
            f'{_level(post["level"])} {post["score"]:.2f}</h3><p class="meta">{escape(post["source_file"])} · '
            f'{escape(post["language"])} · {escape(post["posted_at"])} · {escape(post["location"])} · '
            f'{escape(", ".join(labels.get(f, f) for f in post["families"]))}'
            f'{" · cluster " + escape(post["cluster"]) if post["cluster"] else ""}</p>'
            f'<p class="text">{highlighted(post["normalised"], post["hits"], labels)}</p>'
            f'{_explanation(result, post, labels)}'
            f'<p class="meta">{escape(", ".join(i["kind"] + ": " + i["value"] for i in post["identifiers"]))}</p>'
            "</section>")
    # a table too wide for a phone scrolls in a region of its own, which keyboard users can reach (WCAG 1.4.10)
    html.append("<h2 id=custody>Chain of custody · Нотлох баримтын хадгалалт</h2>"
                "<div class=scroll role=region aria-labelledby=custody tabindex=0><table><tr><th>file · файл</th>"
                "<th>SHA-256</th><th>bytes · байт</th><th>intake (UTC) · хүлээн авсан (UTC)</th><th>status · төлөв</th>"
                "<th>posts · нийтлэл</th><th>problems · асуудал</th></tr>")
    for c in result.custody:
        received = f" (uploaded as · байршуулсан нэр: {escape(c.received_as)})" if c.received_as else ""
        html.append(f"<tr><td>{escape(c.path)}{received}</td><td><code>{c.sha256}</code></td><td>{c.size}</td>"
                    f"<td>{escape(c.intake_at)}</td><td>{STATUS.get(c.status, escape(c.status))}</td><td>{c.posts}</td>"
                    f"<td>{custody_notes(c)}</td></tr>")
    html.append("</table></div></main></body></html>")
    return "\n".join(html)
