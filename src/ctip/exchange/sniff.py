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

from ctip.exchange.errors import InvalidFile

HEAD_BYTES = 64 * 1024
MAX_XLSX_BYTES = 256 * 2**20  # unpacked size of a workbook: its rows are read into memory
UTF8_BOM = b"\xef\xbb\xbf"
RESAVE_HINT = "save it again as 'CSV UTF-8 (comma delimited)' (Excel, LibreOffice) or convert it with iconv"


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
        raise InvalidFile(f"{path.name}: the file is empty; expected a CSV or Excel file with a header row")
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(path)
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise InvalidFile(f"{path.name}: this is a legacy Excel 97-2003 (.xls) workbook; save it as .xlsx "
                          "or as CSV UTF-8 and upload that")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(head):
        raise InvalidFile(f"{path.name}: the file is encoded as UTF-16 (Excel's 'Unicode text'); "
                          f"only UTF-8 is accepted: {RESAVE_HINT}")
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InvalidFile(f"{path.name}: binary content (a NUL byte at offset {nul}); expected a CSV text "
                          "file or an .xlsx workbook")
    bom = head.startswith(UTF8_BOM)
    text = head[len(UTF8_BOM):] if bom else head
    first_line = text.split(b"\n", 1)[0].rstrip(b"\r")
    try:
        header_text = first_line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidFile(
            f"{path.name}: the header row is not UTF-8 (byte 0x{first_line[exc.start]:02x} at position "
            f"{exc.start}){' although the file starts with a UTF-8 byte-order mark' if bom else ''}; "
            f"it looks like Windows-1252 or another legacy encoding: {RESAVE_HINT}") from None
    delimiter = max((",", ";", "\t"), key=header_text.count)
    header = next(csv.reader(io.StringIO(header_text), delimiter=delimiter), [])
    if len(header) < 2:
        raise InvalidFile(f"{path.name}: the first line has no column names separated by ',', ';' or tab; "
                          "expected a header row")
    return Sniffed("csv", delimiter, tuple(h.strip() for h in header), bom)


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
        raise InvalidFile(f"{path.name}: the file starts like an Excel workbook but is damaged or truncated; "
                          "export it again") from None
    if "xl/workbook.xml" not in {m.filename for m in members}:
        raise InvalidFile(f"{path.name}: a ZIP archive that is not an Excel workbook; expected .xlsx or CSV")
    _check_expansion(path, members)
    return Sniffed("xlsx")


def _check_expansion(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a workbook that would unpack to more than ``MAX_XLSX_BYTES`` (a "ZIP bomb" or simply a
    sheet too large to read into memory); the sizes are the ones the archive declares, which the ZIP
    reader enforces while unpacking."""
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_XLSX_BYTES:
        raise InvalidFile(f"{path.name}: the workbook unpacks to {unpacked // 2**20} MiB, more than the "
                          f"{MAX_XLSX_BYTES // 2**20} MiB an Excel upload may hold; save the sheet as CSV UTF-8 "
                          "(CSV files have no such limit) or split it")
