"""One real bad file per message kind of ``ctip.exchange.messages``, and what importing it says.

``BAD_FILES[code]`` writes a file that makes the importer give the message ``code``; ``messages_of``
imports it (dry run) and gathers every message the import gave: the report's message, each problem,
each note, or the error raised.
"""

from __future__ import annotations

import csv
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl

from ctip.dataset.store import Dataset
from ctip.exchange import tabular
from ctip.exchange.ctdc import read_ctdc2024
from ctip.exchange.errors import ExchangeError
from ctip.exchange.sniff import sniff
from tests.dataset import files


@dataclass(frozen=True)
class Bad:
    """A bad file (``make`` writes it under a folder and returns its path) and how it is imported."""

    make: Callable[[Path], Path]
    fmt: str | None = None
    contributor: str | None = "test-office"
    via: str = "import"  # or "read_ctdc2024", "arrow_refused" (``csv_unparsable``), "unknown_csv_refusal"


def messages_of(bad: Bad, folder: Path, store: Dataset) -> list[dict]:
    """Every message (``code``, ``params``, English ``text``) importing the bad file gives."""
    path = bad.make(folder)
    try:
        if bad.via == "read_ctdc2024":
            read_ctdc2024(path)
            return []
        if bad.via == "unknown_csv_refusal":
            why = tabular.csv_refusal(csv.Error("a wording this Python version does not use"))
            return [why.as_dict(), tabular.csv_row_refusal(path.name, 4, None, why).as_dict()]
        if bad.via == "arrow_refused":
            sniffed = sniff(path)
            raise tabular._locate_problem(path, sniffed, list(sniffed.header), "CSV parse error: (what Arrow said)")
        report = store.import_file(path, fmt=bad.fmt, contributor=bad.contributor, dry_run=True)
    except ExchangeError as exc:
        return [{"code": exc.code, "params": exc.params, "text": str(exc)}]
    found = [{"code": e["code"], "params": e["params"], "text": e["expected"]} for e in report.errors]
    found += [note.as_dict() for note in report.notes]
    if report.message_code:
        found.append({"code": report.message_code, "params": report.message_params, "text": report.message})
    return found


def _encrypted_workbook(folder: Path) -> Path:
    """A real password-protected workbook, as Excel writes one (an OLE2 file holding the encrypted .xlsx)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = _workbook([["yearOfRegistration", "gender"], ["2019", "Female"]])(folder)
    path = folder / "protected.xlsx"
    with open(plain, "rb") as source, open(path, "wb") as out:
        OOXMLFile(source).encrypt("secret", out)
    return path


# --- CTDC files: the published 2017 sample with one thing wrong ---------------------------------

def _ctdc(folder: Path, name: str, change: Callable[[list[str], list[dict]], list[str] | None]) -> Path:
    header, rows = files.fixture_rows()
    header = change(header, rows) or header
    return files.write(folder / name, header, rows)


def _cell(column: str, value: str, row: int = 3) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        return _ctdc(folder, f"{column}.csv", lambda header, rows: rows[row].update({column: value}))
    return make


def _concatenated(exploit: dict[str, str], listed: str) -> Callable[[Path], Path]:
    def change(header: list[str], rows: list[dict]) -> list[str]:
        for row in rows:
            row.update(files.concatenated_cells(row))
        rows[0].update({**exploit, "typeOfExploitConcatenated": listed})
        return header + files.CONCATENATED
    return lambda folder: _ctdc(folder, "concatenated.csv", change)


def _text(name: str, text: str | bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path
    return make


def _fixture_text() -> str:
    return files.FIXTURE.read_text(encoding="utf-8")


def _fixture_lines(change: Callable[[list[str]], None], *, name: str = "lines.csv",
                   end: str = "\n") -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        lines = _fixture_text().splitlines()
        change(lines)
        (folder / name).write_text("\n".join(lines) + end, encoding="utf-8")
        return folder / name
    return make


def _cp1252(bom: bool) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        text = _fixture_text().replace("Case Management", "Case Managément", 1)
        (folder / "cp1252.csv").write_bytes((b"\xef\xbb\xbf" if bom else b"") + text.encode("cp1252"))
        return folder / "cp1252.csv"
    return make


def _v2024_bad_gender(folder: Path) -> Path:
    row = {name: "" for name in files.V2024_HEADER} | {"yearOfRegistration": "2022", "gender": "Mael"}
    return files.write(folder / "v2024.csv", files.V2024_HEADER, [row])


def _header_columns(drop: tuple[str, ...], add: tuple[str, ...]) -> Callable[[Path], Path]:
    def change(header: list[str], rows: list[dict]) -> list[str]:
        for row in rows:
            row.update({name: "x" for name in add})
        return [h for h in header if h not in drop] + list(add)
    return lambda folder: _ctdc(folder, "header.csv", change)


# --- HTCDS / Kobo CSV: one good row and one with the bad cell ----------------------------------

HTCDS_HEADER = ["prs_Gender", "prs_Citizenship", "prs_Birthdate", "vic_AgeWhenTrafficked", "vic_TypeOfExploitation",
                "cas_IncomingReferralDate", "ctip_YearOfRegistration", "ctip_CountryOfExploitation"]
HTCDS_ROW = {"prs_Gender": "Feminine", "prs_Citizenship": "MN", "prs_Birthdate": "2001-05-01",
             "vic_AgeWhenTrafficked": "19", "vic_TypeOfExploitation": "ForcedLabour",
             "cas_IncomingReferralDate": "2024-03-10", "ctip_YearOfRegistration": "2024",
             "ctip_CountryOfExploitation": "CHN"}


def _htcds(**bad: str) -> Callable[[Path], Path]:
    return lambda folder: files.write(folder / "htcds.csv", HTCDS_HEADER, [HTCDS_ROW, {**HTCDS_ROW, **bad}])


# --- workbooks and archives --------------------------------------------------------------------

def _workbook(rows: list[list[object]]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        wb = openpyxl.Workbook()
        for row in rows:
            wb.active.append(row)
        wb.save(folder / "book.xlsx")
        return folder / "book.xlsx"
    return make


def _zip(members: dict[str, bytes], *, zeros: int = 0) -> Callable[[Path], Path]:
    """A ZIP archive; ``zeros`` adds a member of that many zero bytes (compressed: a "ZIP bomb")."""
    def make(folder: Path) -> Path:
        with zipfile.ZipFile(folder / "book.xlsx", "w", compression=zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
            if zeros:
                with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
                    block = bytes(1 << 20)
                    for _ in range(zeros >> 20):
                        fh.write(block)
        return folder / "book.xlsx"
    return make


def _carriage_return(lines: list[str]) -> None:
    """A lone carriage return inside row 4: Arrow ends the row there, the csv module refuses the line."""
    lines[4] = lines[4].replace(",", ",\r", 1)


def _unclosed_quote(lines: list[str]) -> None:
    """Row 3 opens a quote in its second cell that nothing closes: it swallows the rest of the file."""
    lines[3] = lines[3].replace(",", ',"', 1)


def _text_after_quote(lines: list[str]) -> None:
    """Row 3 has text after a cell's closing quote, and row 9 lacks a field (so Arrow refuses the file)."""
    lines[3] = lines[3].replace(",", ',"x"y', 1)
    lines[9] = lines[9].rsplit(",", 1)[0]


def _huge_cell(folder: Path) -> Path:
    """Row 3 holds a cell of 200,000 characters (as an unclosed quote makes): Arrow and the csv module refuse it."""
    lines = _fixture_text().splitlines()
    lines.insert(3, "2016," + "A" * 200_000)
    (folder / "huge.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "huge.csv"


def _truncated(folder: Path) -> Path:
    text = _fixture_text()
    (folder / "cut.csv").write_text(text[: len(text) // 2 - 17], encoding="utf-8")
    return folder / "cut.csv"


def _ragged(lines: list[str]) -> None:
    lines[5] += ",extra,cells"


BAD_FILES: dict[str, Bad] = {
    # cell problems
    "code": Bad(_cell("gender", "Mael")),
    "choice": Bad(_htcds(prs_Gender="Female-ish")),
    "choices": Bad(_htcds(vic_TypeOfExploitation="Juggling")),
    "binary": Bad(_cell("isForcedLabour", "2")),
    "year": Bad(_htcds(ctip_YearOfRegistration="20017")),
    "year_to_next": Bad(_cell("yearOfRegistration", "20017")),
    "country": Bad(_cell("citizenship", "Atlantis")),
    "country_or_name": Bad(_htcds(prs_Citizenship="Atlantis")),
    "country_alpha3": Bad(_htcds(ctip_CountryOfExploitation="Atlantis")),
    "date": Bad(_htcds(cas_IncomingReferralDate="31/12/2023")),
    "birthdate": Bad(_htcds(prs_Birthdate="2031-07-07")),
    "age": Bad(_htcds(vic_AgeWhenTrafficked="old")),
    "concatenated": Bad(_concatenated({"isForcedLabour": "1", "isSexualExploit": "0"}, "Sexual exploitation")),
    "concatenated_empty": Bad(_concatenated({"isForcedLabour": "0", "isSexualExploit": "0", "isOtherExploit": "0"},
                                            "Sexual exploitation")),
    "field_count": Bad(_fixture_lines(_ragged)),
    "csv_line_break": Bad(_fixture_lines(_carriage_return)),
    "csv_unclosed_quote": Bad(_fixture_lines(_unclosed_quote)),
    "csv_text_after_quote": Bad(_fixture_lines(_text_after_quote)),
    # every refusal of the csv module met has its own kind: this one is for a wording none of them has
    "csv_syntax": Bad(lambda folder: files.FIXTURE, via="unknown_csv_refusal"),
    "cell_too_long": Bad(_huge_cell),
    "utf8": Bad(_cp1252(bom=False)),
    # header problems
    "unknown_column": Bad(_header_columns((), ("victimName",))),
    "missing_column": Bad(_header_columns(("gender", "ageBroad"), ())),
    # whole files
    "empty_file": Bad(_text("empty.csv", "")),
    "xls": Bad(_text("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))),
    "utf16": Bad(lambda folder: _text("utf16.csv", _fixture_text().encode("utf-16"))(folder)),
    "binary_file": Bad(_text("blob.csv", bytes(range(256)) * 50)),
    "header_not_utf8": Bad(_text("h.csv", "gender,ann\xe9e\nMale,2019\n".encode("cp1252"))),
    "header_not_utf8_bom": Bad(_text("h.csv", b"\xef\xbb\xbf" + "gender,ann\xe9e\nMale,2019\n".encode("cp1252"))),
    "no_header": Bad(_text("one.csv", "just some words\nmore words\n")),
    "damaged_xlsx": Bad(_text("cut.xlsx", b"PK\x03\x04" + bytes(300))),
    "zip_not_xlsx": Bad(_zip({"notes.txt": b"hello"})),
    "xlsx_too_large": Bad(_zip({"xl/workbook.xml": b"<workbook/>"}, zeros=257 << 20)),
    "xlsx_unreadable": Bad(_zip({"xl/workbook.xml": b"not a workbook"})),
    "xlsx_encrypted": Bad(_encrypted_workbook),
    "xlsx_sheet_empty": Bad(_workbook([]), fmt="htcds-xlsx"),
    "duplicate_column": Bad(_text("dup.csv", "prs_Gender,prs_Gender,vic_TypeOfExploitation\nFeminine,,ForcedLabour\n")),
    # No file found makes Arrow refuse what the slow scan then finds well-formed: this message is the
    # fallback for such a refusal, so the scan is run on a good file as if Arrow had refused it.
    "csv_unparsable": Bad(lambda folder: files.FIXTURE, via="arrow_refused"),
    "csv_bad_row": Bad(lambda folder: files.FIXTURE, via="unknown_csv_refusal"),
    "csv_line_break_row": Bad(_fixture_lines(_carriage_return)),
    "csv_unclosed_quote_row": Bad(_fixture_lines(_unclosed_quote)),
    "csv_text_after_quote_row": Bad(_fixture_lines(_text_after_quote)),
    "csv_cell_too_long": Bad(_huge_cell),
    "ragged_rows": Bad(_fixture_lines(_ragged)),
    "truncated": Bad(_truncated),
    "not_utf8_row": Bad(_cp1252(bom=False)),
    "not_utf8_row_bom": Bad(_cp1252(bom=True)),
    "no_htcds_field": Bad(_text("people.csv", "name,phone\nA,1\n"), fmt="kobo"),
    "unknown_file_format": Bad(_text("people.csv", "name,phone\nA,1\n")),
    "ctdc_not_csv": Bad(_workbook([["yearOfRegistration", "gender"], ["2019", "Female"]]), fmt="ctdc2017"),
    "ctdc2024_not_csv": Bad(_workbook([["yearOfRegistration", "gender"], ["2019", "Woman"]]), via="read_ctdc2024"),
    "ctdc2024_problems": Bad(_v2024_bad_gender, via="read_ctdc2024"),
    "no_rows": Bad(lambda folder: files.write(folder / "header_only.csv", files.fixture_rows()[0], [])),
    "header_missing": Bad(_header_columns(("gender", "ageBroad"), ())),
    "header_unknown": Bad(_header_columns((), ("victimName",))),
    "header_missing_unknown": Bad(_header_columns(("gender",), ("victimName",))),
    # wrong arguments
    "unknown_format": Bad(lambda folder: files.FIXTURE, fmt="csv"),
    "contributor_invalid": Bad(lambda folder: files.FIXTURE, contributor="IOM\nMongolia"),
    "contributor_missing": Bad(_htcds(), contributor=None),
    # notes
    "terms_column": Bad(lambda folder: files.ctdc2017_variant(folder / "terms.csv", terms=True)),
    "htcds_fields": Bad(_htcds()),
}
