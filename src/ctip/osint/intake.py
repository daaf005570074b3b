"""Intake: files collected by analysts become ``Post`` records with a chain-of-custody record each.

Accepted: JSONL (``.jsonl``/``.ndjson``), CSV, ``.txt`` and ``.html`` files, or a folder of them
(walked in sorted order, symbolic links not followed). Every file's SHA-256, size and intake time
are recorded. Binary and undecodable files are reported and skipped; archives are never extracted.

``parse_file`` is pure (bytes in, records out); ``read_paths`` is the thin I/O wrapper.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from charset_normalizer import from_bytes

from ctip.osint.htmltext import html_to_text
from ctip.osint.messages import JSON_TYPES, Problem, json_problem, problem
from ctip.osint.model import Custody, Post

ARCHIVE_SUFFIXES = (".zip", ".tar", ".gz", ".tgz", ".bz2", ".xz", ".7z", ".rar", ".zst", ".jar", ".apk")
ARCHIVE_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x28\xb5\x2f\xfd")
TEXT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".txt": "txt",
                 ".html": "html", ".htm": "html"}
MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_POST_CHARS = 200_000  # longer texts are cut (noted in the custody record)
MAX_PROBLEMS = 20

# field aliases accepted in JSONL and CSV inputs
FIELDS = {
    "text": ("text", "body", "content", "message"),
    "url": ("url", "link"),
    "posted_at": ("posted_at", "date", "timestamp", "created_at"),
    "platform": ("platform", "site", "source"),
    "author": ("author", "handle", "user", "username"),
    "location": ("location", "place", "city"),
    "images": ("images", "image_paths", "image"),
}


class IntakeProblem(ValueError):
    """A file that cannot be read as posts (or a path that cannot be scanned): ``problem`` says why, as a code
    and parameters of ``ctip.osint.messages``; the exception's message is its English wording."""

    def __init__(self, code: str, **params: object) -> None:
        self.problem = problem(code, **params)
        super().__init__(self.problem.text)


def now_utc() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes) -> str:
    """Text of ``data``: UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when NUL bytes
    alternate with text bytes), else the detected encoding.

    Raises ``IntakeProblem`` for binary content (NUL bytes), text no encoding explains, or a decode that
    is not readable text (see ``unreadable``): junk starting ``FF FE`` is not a post.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _readable(_utf16(data, "utf-16"))
    head = data[:65536]
    if b"\x00" in head:
        encoding = utf16_without_bom(head)
        if encoding is None:
            raise IntakeProblem("binary")
        return _readable(_utf16(data, encoding))
    try:
        return _readable(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:1_000_000]).best()
    if best is not None and best.coherence > 0 and best.encoding not in ("utf_8", "ascii"):
        try:
            return _readable(data.decode(best.encoding))
        except (UnicodeDecodeError, LookupError):
            pass
    # Short Cyrillic files defeat statistical detection: accept Windows-1251 when it reads as Cyrillic.
    text = data.decode("cp1251", errors="replace")
    letters = _LETTER.findall(text)
    cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
    if letters and cyrillic >= len(letters) / 2 and sum(1 for c in letters if _USUAL.match(c)) >= 0.95 * len(letters):
        return _readable(text)
    raise IntakeProblem("undecodable")


MIN_UTF16_NULS = 4  # "Work" in UTF-16 has four; one NUL byte in a short file says nothing


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes of ``head`` (a file's first bytes) sit almost all at
    odd or almost all at even offsets, as the high bytes of Latin letters, digits and spaces do in UTF-16;
    None for other NUL bytes (binary content).

    >>> utf16_without_bom("Work in Seoul".encode("utf-16-le")), utf16_without_bom(b"\\x00\\x01\\x00\\x00binary")
    ('utf-16-le', None)
    """
    head = head[:len(head) - len(head) % 2]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    enough = max(MIN_UTF16_NULS, len(head) // 20)  # a tenth of the code units, and a few at least
    if odd >= enough and even <= odd // 20:
        return "utf-16-le"
    if even >= enough and odd <= even // 20:
        return "utf-16-be"
    return None


def _utf16(data: bytes, encoding: str) -> str:
    """``data`` decoded as UTF-16 (``utf-16`` reads the byte-order mark); invalid bytes (an unpaired
    surrogate, an odd length) mean it is not UTF-16 text, but binary data that starts like it."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise IntakeProblem("not_utf16", encoding=encoding.upper(), offset=exc.start) from None


UNREADABLE_SHARE = 0.1  # more than this share of control, unassigned or private-use characters is no text
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_NOT_TEXT = frozenset({"Cn", "Co", "Cs"})  # unassigned, private use, surrogate


def unreadable(text: str) -> float:
    """Share of the first 65,536 characters that no text holds: control characters (other than tab,
    line breaks and form feed), unassigned, private-use and surrogate code points, and U+FFFD."""
    sample = text[:65536]
    if not sample:
        return 0.0
    if sample.isascii():
        bad = len(_CONTROL.findall(sample))
    else:
        bad = sum(1 for c in sample if c == "\ufffd" or unicodedata.category(c) in _NOT_TEXT
                  or (c < "\xa0" and _CONTROL.match(c)))
    return bad / len(sample)


def _readable(text: str) -> str:
    """``text``, unless it is not text (a wrong decode of binary data): then ``IntakeProblem``."""
    share = unreadable(text)
    if share > UNREADABLE_SHARE:
        raise IntakeProblem("unreadable", share=f"{share:.0%}")
    return text


_LETTER = re.compile(r"[^\W\d_]")
_USUAL = re.compile(r"[A-Za-zА-Яа-яЁёӨөҮү]")


def _pick(record: dict, name: str) -> str:
    for alias in FIELDS[name]:
        value = record.get(alias)
        if value not in (None, ""):
            return value if isinstance(value, list) else str(value)
    return ""


def _cut(text: str, source: str, line: int, problems: list[Problem]) -> str:
    """``text`` cut to ``MAX_POST_CHARS``, noting the cut among the file's problems (custody record)."""
    if len(text) > MAX_POST_CHARS:
        problems.append(problem("text_cut", file=source, line=line, length=len(text), limit=MAX_POST_CHARS))
    return text[:MAX_POST_CHARS]


def _post(record: dict, *, source: str, digest: str, line: int, problems: list[Problem]) -> Post | None:
    text = _pick(record, "text")
    if not isinstance(text, str) or not text.strip():
        return None
    images = _pick(record, "images")
    if isinstance(images, str):
        images = [p for p in images.replace(";", "|").split("|") if p.strip()]
    return Post(
        post_id=f"{digest[:12]}-{line}", source_file=source, text=_cut(text, source, line, problems),
        url=str(_pick(record, "url")), posted_at=str(_pick(record, "posted_at")),
        platform=str(_pick(record, "platform")), author=str(_pick(record, "author")),
        location=str(_pick(record, "location")), images=[str(p).strip() for p in images],
        source_line=line,
    )


def _jsonl(text: str, source: str, digest: str, problems: list[Problem]) -> Iterator[Post]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(json_problem(source, number, exc))
            continue
        if not isinstance(record, dict):
            kind = type(record).__name__
            problems.append(problem("not_object", file=source, line=number, type=JSON_TYPES.get(kind, kind)))
            continue
        post = _post(record, source=source, digest=digest, line=number, problems=problems)
        if post is None:
            problems.append(problem("no_text", file=source, line=number))
        else:
            yield post


def _delimiter(text: str) -> str:
    """The separator of a CSV file, read off its header line: ``,``, or ``;`` (what Excel writes where the
    decimal mark is a comma, as in Russian or Mongolian settings), or a tab; ``,`` when the header has none."""
    header = text[:65536].split("\n", 1)[0]
    counts = {d: header.count(d) for d in ",;\t"}
    best = max(counts, key=lambda d: counts[d])  # ties go to the first: ","
    return best if counts[best] else ","


def _csv(text: str, source: str, digest: str, problems: list[Problem]) -> Iterator[Post]:
    csv.field_size_limit(MAX_FILE_BYTES)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if not any(alias in header for alias in FIELDS["text"]):
        raise IntakeProblem("no_text_column", expected=", ".join(FIELDS["text"]), found=", ".join(header) or "—")
    reader.fieldnames = header
    number = 1
    try:
        for number, row in enumerate(reader, start=2):
            post = _post(row, source=source, digest=digest, line=number, problems=problems)
            if post is None:
                problems.append(problem("empty_row", file=source, row=number))
            else:
                yield post
    except csv.Error:  # the csv module's own words are English: the row is what the analyst needs
        raise IntakeProblem("not_csv", row=number + 1) from None


def is_archive(name: str, data: bytes) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES) or data.startswith(ARCHIVE_MAGIC)


def parse_file(name: str, data: bytes, *, intake_at: str | None = None) -> tuple[list[Post], Custody]:
    """Posts in one file's bytes and the file's custody record (pure: no file system access).

    >>> posts, custody = parse_file("ad.txt", "Work in Seoul".encode())
    >>> posts[0].text, custody.status
    ('Work in Seoul', 'read')
    """
    digest = sha256_hex(data)
    custody = Custody(path=name, sha256=digest, size=len(data), intake_at=intake_at or now_utc(), status="read")
    kind = TEXT_SUFFIXES.get(Path(name).suffix.lower())
    try:
        if is_archive(name, data):
            raise IntakeProblem("archive")
        if kind is None:
            raise IntakeProblem("unsupported_type", suffix=Path(name).suffix or "—",
                                expected=", ".join(sorted(TEXT_SUFFIXES)))
        text = decode(data)
        problems: list[Problem] = []
        if kind == "jsonl":
            posts = list(_jsonl(text, name, digest, problems))
        elif kind == "csv":
            posts = list(_csv(text, name, digest, problems))
        else:
            body = html_to_text(text) if kind == "html" else text.strip()
            posts = [Post(post_id=f"{digest[:12]}-1", source_file=name, text=_cut(body, name, 1, problems),
                          source_line=1)] if body else []
    except IntakeProblem as exc:
        custody.skip(exc.problem)
        return [], custody
    except UnicodeError:
        custody.skip(problem("undecodable"))
        return [], custody
    if problems:
        shown = problems[:MAX_PROBLEMS]
        custody.reason = "; ".join(p.text for p in shown)
        if len(problems) > MAX_PROBLEMS:
            more = problem("more_problems", count=len(problems) - MAX_PROBLEMS)
            custody.reason += f" {more.text}"
            shown.append(more)
        custody.problems = [p.as_dict() for p in shown]
    custody.posts = len(posts)
    return posts, custody


def iter_files(path: Path) -> Iterator[Path]:
    """``path`` itself, or every regular file below it in sorted order (links not followed)."""
    if path.is_file():
        yield path
        return
    if not path.is_dir():
        raise IntakeProblem("no_path", path=str(path))
    for child in sorted(path.rglob("*")):
        if child.is_file() and not child.is_symlink() and not child.name.startswith("."):
            yield child


def read_paths(path: Path) -> Iterator[tuple[list[Post], Custody]]:
    """Read every file under ``path`` (one at a time, so memory follows the largest file).

    A file with the same bytes as one already read (the same export saved twice) is recorded and
    skipped: post ids come from the content's SHA-256, so its posts would repeat the first file's ids.
    """
    root = path if path.is_dir() else path.parent
    first_of: dict[str, str] = {}  # SHA-256 -> name of the first file read with that content
    for file in iter_files(path):
        name = str(file.relative_to(root)) if file != root else file.name
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            with file.open("rb") as fh:
                digest = hashlib.file_digest(fh, "sha256").hexdigest()
            yield [], Custody(path=name, sha256=digest, size=size, intake_at=now_utc(),
                              status="read").skip(problem("too_large", mb=MAX_FILE_BYTES // (1024 * 1024)))
            continue
        data = file.read_bytes()
        digest = sha256_hex(data)
        if digest in first_of:
            yield [], Custody(path=name, sha256=digest, size=size, intake_at=now_utc(),
                              status="read").skip(problem("duplicate", first=first_of[digest]))
            continue
        posts, custody = parse_file(name, data)
        if custody.status == "read":
            first_of[digest] = name
        yield posts, custody
