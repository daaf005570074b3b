"""Read a CSV or an Excel sheet into a Polars frame of text cells, with the 1-based data row in ``__row``.

The CSV fast path is Arrow's multi-threaded reader (every column as text, empty cells as null). When
Arrow refuses the file (ragged rows, a cut-off last line, bytes that are not UTF-8) a slow scan finds
the first offending rows so the message can name them.
"""

from __future__ import annotations

import csv
import datetime as dt
import logging
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import openpyxl
import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv

from ctip.exchange.errors import InvalidFile, cell_error
from ctip.exchange.messages import Message, message
from ctip.exchange.safe_csv import cell_limit
from ctip.exchange.sniff import Sniffed

logger = logging.getLogger(__name__)

ROW = "__row"
MAX_LOCATED = 20


def read_csv(path: Path, sniffed: Sniffed, *, multiline: bool = False) -> pl.DataFrame:
    """All cells as text; ``multiline`` allows line breaks inside quoted cells (slower, for form exports)."""
    frame = pl.from_arrow(read_csv_table(path, sniffed, multiline=multiline))
    assert isinstance(frame, pl.DataFrame)
    return frame.with_row_index(ROW, offset=1).with_columns(pl.col(ROW).cast(pl.Int64))


def read_csv_table(path: Path, sniffed: Sniffed, *, multiline: bool = False) -> pa.Table:
    """The CSV as an Arrow table of text columns (row i is data row i + 1; blank lines are skipped)."""
    names = _unique_names(path, list(sniffed.header))
    try:
        return pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(skip_rows=1, column_names=names, block_size=8 << 20),
            parse_options=pacsv.ParseOptions(delimiter=sniffed.delimiter, newlines_in_values=multiline),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names},
                                                 null_values=[""], strings_can_be_null=True,
                                                 quoted_strings_can_be_null=True),
        )
    except pa.ArrowInvalid as exc:
        raise _locate_problem(path, sniffed, names, str(exc)) from None


def read_xlsx_rows(path: Path, max_header_rows: int = 2,
                   limit: int | None = None) -> tuple[list[list[str]], list[list[object]]]:
    """The first sheet's first ``max_header_rows`` rows (as text) and the rows after them (raw values,
    at most ``limit`` rows in all when given)."""
    try:
        with open(path, "rb") as handle:  # a handle: openpyxl refuses a path by its extension alone
            wb = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            try:
                ws = wb.worksheets[0]
                rows = [list(r) for r in ws.iter_rows(values_only=True, max_row=limit)]
            finally:
                wb.close()
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many types for damaged workbooks
        raise _unreadable_workbook(path, exc) from None
    head = [[_text(v) or "" for v in r] for r in rows[:max_header_rows]]
    return head, rows[max_header_rows:]


def _unreadable_workbook(path: Path, exc: Exception) -> InvalidFile:
    """The refusal of a workbook openpyxl could not read: damaged (its ZIP container) or not what Excel
    writes. openpyxl's own text is English and may quote the file's content, so only its type is logged."""
    logger.info("openpyxl could not read a workbook: %s", type(exc).__name__)
    if isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError):
        return InvalidFile(message("damaged_xlsx", file=path.name))
    return InvalidFile(message("xlsx_unreadable", file=path.name))


def frame_from_rows(names: list[str], rows: list[list[object]], first_row: int = 1) -> pl.DataFrame:
    """Text frame from spreadsheet rows; rows empty in every named column are dropped (the HTCDS template
    numbers 1000 rows in an unnamed first column), numbering is kept."""
    width = len(names)
    named = [i for i, n in enumerate(names) if not n.startswith("__blank")]
    data: dict[str, list[str | None]] = {n: [] for n in names}
    numbers: list[int] = []
    for offset, raw in enumerate(rows):
        cells = [_text(v) for v in (list(raw) + [None] * width)[:width]]
        if all(cells[i] is None for i in named):
            continue
        numbers.append(first_row + offset)
        for name, cell in zip(names, cells, strict=True):
            data[name].append(cell)
    frame = pl.DataFrame({n: pl.Series(n, v, dtype=pl.String) for n, v in data.items()})
    return frame.with_columns(pl.Series(ROW, numbers, dtype=pl.Int64)).select([ROW, *names])


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def _unique_names(path: Path, names: list[str]) -> list[str]:
    seen: set[str] = set()
    for i, name in enumerate(names):
        if not name:
            names[i] = name = f"__blank_{i + 1}"
        if name in seen:
            raise InvalidFile(message("duplicate_column", file=path.name, column=name))
        seen.add(name)
    return names


class _BadByte(Exception):
    """A data line that is not UTF-8: its number (1 = first data line), its bytes and the decode error."""

    def __init__(self, line_no: int, raw: bytes, error: UnicodeDecodeError):
        super().__init__(line_no)
        self.line_no, self.raw, self.error = line_no, raw, error


def _text_lines(fh: BinaryIO, last: list[str]) -> Iterator[str]:
    """The data lines as text, one at a time (memory stays flat however large the file); ``last[0]`` is the
    line read last (where the csv module stopped, when it refuses one)."""
    for line_no, raw in enumerate(fh, start=1):
        try:
            last[0] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _BadByte(line_no, raw, exc) from None
        yield last[0]


# The csv module words its refusals in English, so each one it gives (Python 3.11+, strict mode) has a message
# of its own: a substring of its wording, the cell-level code (``expected``) and the file-level code. A NUL byte
# never gets here: ``sniff`` refuses the file as binary first. The csv module's own text goes to the debug log.
CSV_REFUSALS = (
    ("field larger than field limit", "cell_too_long", "csv_cell_too_long"),
    ("new-line character seen in unquoted field", "csv_line_break", "csv_line_break_row"),
    ("unexpected end of data", "csv_unclosed_quote", "csv_unclosed_quote_row"),
    ("expected after", "csv_text_after_quote", "csv_text_after_quote_row"),
)
_FILE_CODE = {cell: file for _, cell, file in CSV_REFUSALS} | {"csv_syntax": "csv_bad_row"}


def csv_refusal(exc: csv.Error) -> Message:
    """What a row the csv module refused should have been (a cell-level message; ``csv_syntax`` for a
    refusal this table does not know, such as a wording of another Python version)."""
    logger.debug("the csv module refused a row: %s", exc)
    for wording, code, _ in CSV_REFUSALS:
        if wording in str(exc):
            return message(code, limit=csv.field_size_limit()) if code == "cell_too_long" else message(code)
    return message("csv_syntax")


def csv_row_refusal(file: str, row: int, column: str | None, why: Message) -> Message:
    """The file-level message of the row ``why`` (a ``csv_refusal``) is about."""
    code = _FILE_CODE[why.code]
    params: dict[str, object] = {"file": file, "row": row}
    if code == "csv_cell_too_long":
        params["limit"] = why.params["limit"]
    elif code == "csv_line_break_row":
        params["column"] = column or "?"
    return message(code, **params)


def _column_of_line_break(line: str, delimiter: str, names: list[str]) -> str | None:
    """The column of the first lone carriage return in ``line`` (a row on one line): the fields before it."""
    at = next((i for i, c in enumerate(line) if c == "\r" and line[i + 1:i + 2] != "\n"), None)
    if at is None:
        return None
    index = len(next(csv.reader([line[:at]], delimiter=delimiter), [""])) - 1
    return names[index] if 0 <= index < len(names) else str(index + 1)


def _locate_problem(path: Path, sniffed: Sniffed, names: list[str], arrow_message: str) -> InvalidFile:
    """Scan the file once, streaming, for what Arrow refused: a line that is not UTF-8, or rows whose
    number of fields differs from the header's (the first ``MAX_LOCATED``), or a cut-off last row, or a row
    the csv module refuses (strict mode: an unclosed quote, text after a closing quote, a lone carriage
    return, a cell over the size limit)."""
    errors: list[dict] = []
    found: list[int] = []  # the number of fields of each row in ``errors`` with a wrong number
    last_row = 0
    last_line = [""]
    ends_with_break = True
    with open(path, "rb") as fh, cell_limit():
        fh.readline()  # the header, already read by ``sniff``
        lines = _text_lines(fh, last_line)
        try:
            for row_no, fields in enumerate(csv.reader(lines, delimiter=sniffed.delimiter, strict=True), start=1):
                last_row = row_no
                if len(fields) != len(names) and len(errors) < MAX_LOCATED:
                    errors.append(cell_error(row_no, None, sniffed.delimiter.join(fields)[:80],
                                             message("field_count", expected=len(names), found=len(fields))))
                    found.append(len(fields))
        except _BadByte as bad:
            return _not_utf8(path, sniffed, names, bad)
        except csv.Error as exc:
            why = csv_refusal(exc)
            column = (_column_of_line_break(last_line[0], sniffed.delimiter, names)
                      if why.code == "csv_line_break" else None)
            errors.append(cell_error(last_row + 1, column, None, why))
        if fh.tell():
            fh.seek(-1, 2)
            ends_with_break = fh.read(1) in (b"\n", b"\r")
    if not errors:
        logger.debug("Arrow refused %s: %s", path.name, arrow_message)
        return InvalidFile(message("csv_unparsable", file=path.name))
    first = errors[0]
    if not found:  # the only problem is one the csv module refused
        return InvalidFile(csv_row_refusal(path.name, first["row"], first["column"],
                                           Message(first["code"], first["params"])), errors)
    if not ends_with_break and first["row"] == last_row:
        msg = message("truncated", file=path.name, row=first["row"], columns=len(names), found=found[0])
    else:
        msg = message("ragged_rows", file=path.name, count=len(errors), columns=len(names), row=first["row"],
                      found=found[0])
    return InvalidFile(msg, errors)


def _not_utf8(path: Path, sniffed: Sniffed, names: list[str], bad: _BadByte) -> InvalidFile:
    line = bad.raw.decode("utf-8", "replace").rstrip("\r\n")
    fields = next(csv.reader([line], delimiter=sniffed.delimiter), [])
    column = _column_of_bad_byte(fields, names)
    value = fields[names.index(column)] if column in names and names.index(column) < len(fields) else None
    msg = message("not_utf8_row_bom" if sniffed.bom else "not_utf8_row", file=path.name, row=bad.line_no,
                  byte=f"{bad.raw[bad.error.start]:02x}")
    return InvalidFile(msg, [cell_error(bad.line_no, column, value, message("utf8"))])


def _column_of_bad_byte(fields: list[str], names: list[str]) -> str | None:
    for i, value in enumerate(fields):
        if "\ufffd" in value and i < len(names):
            return names[i]
    return None
