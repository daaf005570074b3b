"""First look at an uploaded file: is it text or a workbook, which encoding, which delimiter, which header.

Only the first bytes are read here; the full UTF-8 check happens while parsing (see ``tabular``).
Encodings other than UTF-8 are refused with a message saying how to re-save the file: the batch's
identity is the SHA-256 of the bytes sent, and guessing between Windows-1252, Windows-1251 (common
for Mongolian Cyrillic) and Latin-1 would silently corrupt values.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import olefile

from ctip.exchange.errors import InvalidFile
from ctip.exchange.messages import message

HEAD_BYTES = 64 * 1024
MAX_XLSX_BYTES = 256 * 2**20  # unpacked size of a workbook: its rows are read into memory
UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Sniffed:
    """What a file is: ``kind`` "csv" (with ``delimiter`` and ``header``) or "xlsx"."""

    kind: str
    delimiter: str | None = None
    header: tuple[str, ...] = ()
    bom: bool = False


def sniff(path: Path) -> Sniffed:
    """Classify ``path`` or raise ``InvalidFile`` with an actionable message."""
    with open(path, "rb") as fh:
        head = fh.read(HEAD_BYTES)
    if not head.strip():
        raise InvalidFile(message("empty_file", file=path.name))
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidFile(message(_ole_kind(path), file=path.name))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(head):
        raise InvalidFile(message("utf16", file=path.name))
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InvalidFile(message("binary_file", file=path.name, offset=nul))
    bom = head.startswith(UTF8_BOM)
    text = head[len(UTF8_BOM):] if bom else head
    first_line = text.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        header_text = first_line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidFile(message("header_not_utf8_bom" if bom else "header_not_utf8", file=path.name,
                                  byte=f"{first_line[exc.start]:02x}", position=exc.start)) from None
    delimiter = max((",", ";", "\t"), key=header_text.count)
    header = next(csv.reader(io.StringIO(header_text), delimiter=delimiter), [])
    if len(header) < 2:
        raise InvalidFile(message("no_header", file=path.name))
    return Sniffed("csv", delimiter, tuple(h.strip() for h in header), bom)


def _ole_kind(path: Path) -> str:
    """What an OLE2 compound file is: a password-protected workbook (Office keeps an encrypted .xlsx as an
    ``EncryptedPackage`` stream in one) or, as anything else of this container, a legacy .xls workbook."""
    try:
        with olefile.OleFileIO(str(path)) as ole:
            return "xlsx_encrypted" if ole.exists("EncryptedPackage") else "xls"
    except Exception:  # noqa: BLE001 - olefile raises many types for a malformed container; then the
        # legacy format's advice (save it as .xlsx or CSV) still helps
        return "xls"


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 text without a byte-order mark: NUL in (almost) every other byte and nowhere else."""
    sample = head[:2000]
    half = len(sample) // 2
    if half < 4:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return (odd > 0.9 * half and even < 0.05 * half) or (even > 0.9 * half and odd < 0.05 * half)


def _sniff_zip(path: Path) -> Sniffed:
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except zipfile.BadZipFile:
        raise InvalidFile(message("damaged_xlsx", file=path.name)) from None
    if "xl/workbook.xml" not in {m.filename for m in members}:
        raise InvalidFile(message("zip_not_xlsx", file=path.name))
    _check_expansion(path, members)
    return Sniffed("xlsx")


def _check_expansion(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a workbook that would unpack to more than ``MAX_XLSX_BYTES`` (a "ZIP bomb" or simply a
    sheet too large to read into memory); the sizes are the ones the archive declares, which the ZIP
    reader enforces while unpacking."""
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_XLSX_BYTES:
        raise InvalidFile(message("xlsx_too_large", file=path.name, size=unpacked // 2**20,
                                  limit=MAX_XLSX_BYTES // 2**20))
