"""``ctip osint scan`` and ``ctip osint rules`` end to end, through the real command."""

from __future__ import annotations

import csv
import json
import re

from ctip.cli import main

RISKY = ("Young girls wanted for karaoke in Macau! Salary 3000 USD per week, free visa and ticket. "
         "Contact Anna 88000011")


def write_inputs(folder):
    folder.mkdir()
    lines = [{"text": RISKY, "author": "anna", "posted_at": "2026-03-01", "location": "Darkhan"},
             {"text": RISKY.replace("Anna 88000011", "Sara 99000022"), "author": "=HYPERLINK(\"x\")",
              "posted_at": "2026-03-04", "location": "Erdenet"},
             {"text": "Selling a used bicycle, call 9500 0033"}]
    (folder / "posts.jsonl").write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    (folder / "ad.html").write_text("<p>Массажны газарт залуу бүсгүйчүүд авна. Виз үнэгүй.</p>", encoding="utf-8")
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "old.zip").write_bytes(b"PK\x03\x04rest")


def test_scan_writes_every_output_and_a_json_summary(tmp_path, capsys):
    write_inputs(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["osint", "scan", str(tmp_path / "in"), "--out", str(out), "--json", "--no-progress"]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert (summary["posts"], summary["flagged"], summary["clusters"]) == (4, 3, 1)
    assert {s["path"] for s in summary["files_skipped"]} == {"blob.txt", "old.zip"}
    assert "triage, not evidence" in summary["notice"]
    assert "skipped old.zip: archive" in captured.err
    for name in ("posts.csv", "clusters.json", "graph.graphml", "report.html", "custody.json"):
        assert (out / name).is_file()
    clusters = json.loads((out / "clusters.json").read_text())["clusters"]
    assert clusters[0]["size"] == 2 and "[…]" in clusters[0]["template"]["text"]


def test_posts_csv_has_the_columns_and_is_formula_safe(tmp_path, capsys):
    write_inputs(tmp_path / "in")
    main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"])
    rows = list(csv.DictReader((tmp_path / "out" / "posts.csv").open(encoding="utf-8")))
    assert {"post_id", "source_file", "risk_score", "risk_level", "families", "identifiers", "language"} <= set(rows[0])
    authors = [r["author"] for r in rows]
    assert "'=HYPERLINK(\"x\")" in authors
    flagged = next(r for r in rows if r["author"] == "anna")
    assert flagged["risk_level"] in ("medium", "high") and "phone:+97688000011" in flagged["identifiers"]
    assert 0 <= float(flagged["risk_score"]) <= 1


def test_report_is_self_contained_and_says_scores_are_triage(tmp_path):
    write_inputs(tmp_path / "in")
    main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"])
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    assert "triage, not evidence" in html and "нотлох баримт биш" in html
    assert "<mark" in html and "<svg" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)
    assert "<script" not in html


def test_custody_record_lists_every_file_with_its_hash(tmp_path):
    import hashlib

    write_inputs(tmp_path / "in")
    main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"])
    files = json.loads((tmp_path / "out" / "custody.json").read_text())["files"]
    by_path = {f["path"]: f for f in files}
    assert set(by_path) == {"posts.jsonl", "ad.html", "blob.txt", "old.zip"}
    data = (tmp_path / "in" / "posts.jsonl").read_bytes()
    assert by_path["posts.jsonl"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert by_path["blob.txt"]["status"] == "skipped"


def test_missing_path_is_a_usage_error(tmp_path, capsys):
    assert main(["osint", "scan", str(tmp_path / "nope"), "--out", str(tmp_path / "out")]) == 2
    captured = capsys.readouterr()
    assert "no such file or folder" in captured.err and captured.out == ""


def test_bad_rules_are_a_usage_error_naming_the_problem(tmp_path, capsys):
    write_inputs(tmp_path / "in")
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "x.yaml").write_text("pack: x\nversion: '1'\nlanguages: [en]\nrules:\n  - id: a\n    family: nope\n"
                                  "    strength: weak\n    pattern: 'x'\n")
    assert main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--rules", str(rules)]) == 2
    assert "unknown family 'nope'" in capsys.readouterr().err
    assert main(["osint", "rules", str(rules)]) == 2


def test_rules_command_lists_the_packs(capsys):
    assert main(["osint", "rules"]) == 0
    assert "pack mn-Latn" in capsys.readouterr().out


def test_the_same_input_gives_the_same_results(tmp_path):
    write_inputs(tmp_path / "in")
    for out in ("one", "two"):
        main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / out), "--no-progress"])
    for name in ("posts.csv", "clusters.json", "posts.jsonl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_two_jobs_give_the_same_results_as_one(tmp_path, monkeypatch):
    monkeypatch.setattr("ctip.osint.scan.BATCH_SIZE", 2)  # several batches from a small input
    write_inputs(tmp_path / "in")
    assert main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "one"), "--no-progress"]) == 0
    assert main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "two"), "--no-progress",
                 "--jobs", "2"]) == 0
    for name in ("posts.csv", "clusters.json"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_posts_csv_stays_formula_safe_when_a_spreadsheet_splits_on_semicolons(tmp_path):
    """Excel with Russian or Mongolian settings splits CSV cells on ';' (honouring quotes)."""
    (tmp_path / "in").mkdir()
    line = {"text": "Work in Seoul", "author": "anna;=HYPERLINK(\"x\")", "location": "Darkhan;@SUM(1)"}
    (tmp_path / "in" / "p.jsonl").write_text(json.dumps(line), encoding="utf-8")
    main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"])
    with (tmp_path / "out" / "posts.csv").open(encoding="utf-8", newline="") as fh:
        cells = [cell for row in csv.reader(fh, delimiter=";") for cell in row]
    assert cells and not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


def test_report_explains_each_flagged_score(tmp_path):
    write_inputs(tmp_path / "in")
    main(["osint", "scan", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--no-progress"])
    html = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    posts = [json.loads(line) for line in (tmp_path / "out" / "posts.jsonl").read_text().splitlines()]
    anna = next(p for p in posts if "Anna" in p["text"])
    section = html[html.index(f'id="{anna["post_id"]}"'):]
    section = section[:section.index("</section>")]
    assert "How the score was computed" in section and f"= {anna['score']:.2f}</code>" in section
    assert "<code>en.venue.sexualised</code> 0.35 × 1.00 = 0.35" in section
