"""Intake: every format, the chain-of-custody record, and hostile files."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import datetime

from ctip.osint.intake import parse_file, read_paths


def test_jsonl_posts_carry_their_metadata():
    line = {"text": "Work in Seoul", "url": "https://x.example/1", "posted_at": "2026-01-02", "platform": "facebook",
            "handle": "anna", "location": "Darkhan", "images": ["a.jpg", "b.jpg"]}
    posts, custody = parse_file("posts.jsonl", (json.dumps(line) + "\n").encode())
    post = posts[0]
    assert (post.text, post.url, post.posted_at, post.platform, post.author, post.location, post.images) == (
        "Work in Seoul", "https://x.example/1", "2026-01-02", "facebook", "anna", "Darkhan", ["a.jpg", "b.jpg"])
    assert custody.status == "read" and custody.posts == 1


def test_bad_jsonl_lines_are_reported_and_the_rest_kept():
    data = b'{"text": "one"}\nnot json\n[1, 2]\n{"url": "no text"}\n{"text": "two"}\n'
    posts, custody = parse_file("p.jsonl", data)
    assert [p.text for p in posts] == ["one", "two"]
    assert "line 2: not JSON" in custody.reason and "line 3: expected a JSON object" in custody.reason
    assert "line 4: no 'text' field" in custody.reason


def test_csv_with_aliases_and_a_header_without_text_is_refused():
    posts, _ = parse_file("p.csv", b"Body,Date,City\nWork abroad,2026-02-01,Erdenet\n")
    assert (posts[0].text, posts[0].posted_at, posts[0].location, posts[0].source_line) == (
        "Work abroad", "2026-02-01", "Erdenet", 2)
    _, custody = parse_file("q.csv", b"a,b\n1,2\n")
    assert custody.status == "skipped" and "no text column" in custody.reason


def test_txt_and_html_files_are_one_post_each():
    posts, _ = parse_file("ad.txt", "  Ажил байна  \n".encode())
    assert posts[0].text == "Ажил байна"
    html = b"<html><head><title>t</title><style>p{}</style></head><body><p>Free <b>visa</b></p><script>alert(1)</script></body>"
    posts, _ = parse_file("ad.html", html)
    assert posts[0].text == "Free visa"


def test_custody_record_has_the_sha256_size_and_intake_time():
    data = b"Work in Seoul"
    _, custody = parse_file("ad.txt", data)
    assert custody.sha256 == hashlib.sha256(data).hexdigest()
    assert custody.size == len(data)
    assert datetime.fromisoformat(custody.intake_at).tzinfo is not None


def test_post_ids_are_stable_and_tied_to_the_file_hash():
    first, _ = parse_file("a.jsonl", b'{"text": "x"}\n{"text": "y"}\n')
    again, custody = parse_file("renamed.jsonl", b'{"text": "x"}\n{"text": "y"}\n')
    assert [p.post_id for p in first] == [p.post_id for p in again] == [f"{custody.sha256[:12]}-1",
                                                                        f"{custody.sha256[:12]}-2"]


def test_binary_file_is_skipped_with_a_reason():
    _, custody = parse_file("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert custody.status == "skipped" and "binary" in custody.reason


def test_undecodable_file_is_skipped():
    _, custody = parse_file("x.txt", bytes([0xff, 0xfe - 1, 0x81, 0x8d, 0x90]) * 3)
    assert custody.status == "skipped" and "undecodable" in custody.reason


def test_cp1251_cyrillic_is_decoded():
    text = "Солонгост ажил, өндөр цалин. Утас 88000011. Виз үнэгүй, байр хоол үнэгүй." * 3
    posts, custody = parse_file("ad.txt", text.replace("ө", "о").replace("ү", "у").encode("cp1251"))
    assert custody.status == "read" and posts[0].text.startswith("Солонгост ажил")


def test_archives_are_never_extracted(tmp_path):
    archive = tmp_path / "posts.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("inner.txt", "Work in Seoul")
    results = list(read_paths(tmp_path))
    assert [(c.path, c.status) for _, c in results] == [("posts.zip", "skipped")]
    assert "archive" in results[0][1].reason
    assert sorted(p.name for p in tmp_path.iterdir()) == ["posts.zip"]


def test_unsupported_type_is_reported():
    _, custody = parse_file("doc.pdf", b"%PDF-1.7")
    assert custody.status == "skipped" and "unsupported file type '.pdf'" in custody.reason


def test_folder_is_walked_in_order_and_hidden_files_ignored(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("second")
    (tmp_path / "1.txt").write_text("first")
    (tmp_path / ".hidden.txt").write_text("hidden")
    results = list(read_paths(tmp_path))
    assert [c.path for _, c in results] == ["1.txt", "b/2.txt"]


def test_a_line_of_several_megabytes_is_read():
    text = "free visa " * 400_000  # 4 MB on one line
    posts, custody = parse_file("big.jsonl", json.dumps({"text": text}).encode())
    assert custody.status == "read" and len(posts[0].text) == 200_000
    assert "big.jsonl, line 1: text of 4,000,000 characters cut to 200,000" in custody.reason


def test_a_csv_cell_of_megabytes_is_read():
    data = ("text\n" + "x" * 3_000_000 + "\n").encode()
    posts, custody = parse_file("big.csv", data)
    assert custody.status == "read" and len(posts) == 1


def test_deeply_nested_html_does_not_exhaust_the_stack():
    depth = 200_000
    html = "<div>" * depth + "Work in Macau" + "</div>" * depth
    posts, custody = parse_file("deep.html", html.encode())
    assert custody.status == "read" and posts[0].text == "Work in Macau"


def test_hostile_texts_are_screened_and_clustered():
    from ctip.osint.rules import load_rules
    from ctip.osint.scan import analyse
    from ctip.osint.screen import screen_batch

    rules = load_rules()
    texts = ["1 " * 100_000, "<" * 200_000, "x@y.mn " * 20_000, "free visa karaoke girls 9 9 0 0 0 0 1 1 " * 4000]
    posts, _ = parse_file("hostile.jsonl", "\n".join(json.dumps({"text": t}) for t in texts).encode())
    screened = screen_batch(posts, rules)
    analyse(screened, rules)
    assert [len(s.post.text) for s in screened] == [200_000, 200_000, 140_000, 160_000]
    assert screened[3].level in ("medium", "high")


def test_csv_separated_by_semicolons_or_tabs_is_read():
    """Excel with Russian or Mongolian settings writes ';'-separated CSV; some tools write tabs."""
    for sep in (";", "\t"):
        data = f"text{sep}author{sep}location\nKaraoke hostess, Macau{sep}anna{sep}Darkhan\n".encode()
        posts, custody = parse_file("p.csv", data)
        assert custody.status == "read"
        assert (posts[0].text, posts[0].author, posts[0].location) == ("Karaoke hostess, Macau", "anna", "Darkhan")


def test_a_json_line_with_empty_text_is_reported_as_such():
    _, custody = parse_file("p.jsonl", b'{"text": "   "}\n')
    assert "line 1: no 'text' field, or it is empty" in custody.reason


def test_a_second_copy_of_a_file_is_recorded_and_its_posts_read_once(tmp_path):
    """Post ids come from the content's SHA-256: a copy would repeat them and merge distinct rows."""
    data = b'{"text": "Karaoke hostess wanted in Macau"}\n{"text": "Selling a bike"}\n'
    (tmp_path / "a.jsonl").write_bytes(data)
    (tmp_path / "b.jsonl").write_bytes(data)
    read = list(read_paths(tmp_path))
    posts = [p for file_posts, _ in read for p in file_posts]
    assert len(posts) == 2 and len({p.post_id for p in posts}) == 2
    custody = {c.path: c for _, c in read}
    assert custody["b.jsonl"].status == "skipped" and custody["b.jsonl"].sha256 == custody["a.jsonl"].sha256
    assert custody["b.jsonl"].reason == "same content as a.jsonl: its posts are read once"


def test_utf16_without_a_byte_order_mark_is_read():
    """Excel's "Unicode text" without its BOM: NUL bytes alternate with text bytes; it is text, not binary."""
    lines = [json.dumps({"text": "Солонгост ажил, утас 88000011"}, ensure_ascii=False), json.dumps({"text": "Work"})]
    for encoding in ("utf-16-le", "utf-16-be"):
        posts, custody = parse_file("ads.jsonl", "\n".join(lines).encode(encoding))
        assert custody.status == "read", (encoding, custody.reason)
        assert [p.text for p in posts] == ["Солонгост ажил, утас 88000011", "Work"]
    posts, custody = parse_file("ad.txt", "text,author\nWork in Seoul,anna\n".encode("utf-16-le"))
    assert custody.status == "read" and posts[0].text.startswith("text,author")


def test_junk_starting_like_utf16_is_skipped_as_unreadable_not_taken_as_a_post():
    structured = b"\xff\xfe" + bytes([1, 0, 2, 0, 0, 0, 7, 0, 0xe0, 0xf8, 3, 0, 0, 0, 0x10, 0]) * 50
    posts, custody = parse_file("dump.txt", structured)
    assert (posts, custody.status) == ([], "skipped")
    assert custody.reason.startswith("unreadable: ") and "control or unassigned characters" in custody.reason
    unpaired = b"\xff\xfe" + "Work in Seoul".encode("utf-16-le") + b"\x00\xdc" + b"A\x00" * 10
    _, custody = parse_file("dump.txt", unpaired)
    assert custody.status == "skipped" and custody.reason == "not readable as UTF-16: invalid bytes at offset 28"
    _, custody = parse_file("bin.txt", b"\x00\x01\x02\x00\x00\x00\xff\xff" * 40)
    assert custody.status == "skipped" and custody.reason == "binary content (NUL bytes)"


def test_per_line_problems_carry_a_code_and_parameters_beside_the_english_text():
    data = b'{"text": "one"}\nnot json\n[1, 2]\n{"url": "no text"}\n' + json.dumps({"text": "x" * 200_001}).encode()
    _, custody = parse_file("p.jsonl", data)
    assert [(p["code"], p["params"]) for p in custody.problems] == [
        ("json_value", {"file": "p.jsonl", "line": 2, "column": 1}),
        ("not_object", {"file": "p.jsonl", "line": 3, "type": "array"}),
        ("no_text", {"file": "p.jsonl", "line": 4}),
        ("text_cut", {"file": "p.jsonl", "line": 5, "length": 200_001, "limit": 200_000})]
    assert custody.problems[3]["text"] == "p.jsonl, line 5: text of 200,001 characters cut to 200,000"
    assert custody.reason == "; ".join(p["text"] for p in custody.problems)
    _, custody = parse_file("r.csv", b"text,author\n" + b",anna\n" * 25)
    assert [p["code"] for p in custody.problems] == ["empty_row"] * 20 + ["more_problems"]
    assert custody.problems[0]["params"] == {"file": "r.csv", "row": 2}
    assert custody.problems[-1]["params"] == {"count": 5} and custody.reason.endswith("; r.csv, row 21: empty text (and 5 more)")
