"""Every message the importers give, as data: a catalogue of message kinds (code -> English template).

A problem or an error carries a :class:`Message`: its ``code`` and ``params``, and the English ``text``
made from the template (what the CLI prints, the rejections file keeps and ``expected`` holds). Pages
word the same code and parameters in the reader's language: the template is the ``gettext`` msgid
(named ``%(name)s`` placeholders), so the English page and the CLI can never drift apart.

Parameters hold data, never English words: values, column names, counts and lists of codes (which
stay codes in every language). A message that would need an English word in a parameter is a kind
of its own (``concatenated_empty``, ``header_not_utf8_bom``).

>>> str(message("year", first=1990, last=2027))
'a year between 1990 and 2027'
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

RESAVE_HINT = "save it again as 'CSV UTF-8 (comma delimited)' (Excel, LibreOffice) or convert it with iconv"
_LOOKS_LEGACY = "looks like Windows-1252 or another legacy encoding: " + RESAVE_HINT
_HEADER = "%(file)s: the header does not match the %(format)s format ("
_MISSING = "%(missing_count)s required column(s) missing: %(missing)s"
_UNKNOWN = "%(unknown_count)s unknown column(s): %(unknown)s"

# Cell problems (a row, a column, the value, what was expected).
CELL = {
    "code": "one of %(choices)s (or empty for missing)",
    "choice": "one of %(choices)s (codes or labels)",
    "choices": "choices of %(field)s separated by spaces or ';': %(choices)s",
    "binary": "1 (yes), 0 (no) or empty/-99 (missing)",
    "year": "a year between %(first)s and %(last)s",
    "year_to_next": "a year between %(first)s and next year",
    "country": "an ISO 3166-1 country code (alpha-2 or alpha-3), or empty/ZZ for missing",
    "country_or_name": "an ISO 3166-1 country code (alpha-2 or alpha-3) or English country name",
    "country_alpha3": "an ISO 3166-1 alpha-3 country code",
    "date": "a date written YYYY-MM-DD (or an Excel date)",
    "birthdate": "a date written YYYY-MM-DD (or an Excel date), on or before the registration date",
    "age": "an age in years (0-120)",
    "concatenated": "'%(labels)s' (the labels of the %(group)s columns set to 1)",
    "concatenated_empty": "'empty' (the labels of the %(group)s columns set to 1)",
    "field_count": "%(expected)s fields as in the header, found %(found)s",
    "csv_line_break": "a line break only at the end of a row (this one is inside a cell that is not quoted)",
    "csv_unclosed_quote": "a closing quote (\") for the quoted cell that starts in this row",
    "csv_text_after_quote": "the delimiter or the end of the row right after a closing quote (\")",
    "csv_syntax": "well-formed CSV (check the delimiter and quoting)",
    "cell_too_long": "cells of at most %(limit)s characters",
    "utf8": "UTF-8 text",
}
# Header problems (a column, no row).
HEADER = {
    "unknown_column": "no such %(format)s variable; expected only: %(columns)s",
    "missing_column": "column '%(column)s' is required in %(format)s files",
}
# Whole-file errors and the import's own messages; ``%(file)s`` is the file's name.
FILE = {
    "empty_file": "%(file)s: the file is empty; expected a CSV or Excel file with a header row",
    "xls": "%(file)s: this is a legacy Excel 97-2003 (.xls) workbook; save it as .xlsx or as CSV UTF-8 and upload that",
    "utf16": "%(file)s: the file is encoded as UTF-16 (Excel's 'Unicode text'); only UTF-8 is accepted: " + RESAVE_HINT,
    "binary_file": "%(file)s: binary content (a NUL byte at offset %(offset)s); expected a CSV text file or an "
                   ".xlsx workbook",
    "header_not_utf8": "%(file)s: the header row is not UTF-8 (byte 0x%(byte)s at position %(position)s); it " + _LOOKS_LEGACY,
    "header_not_utf8_bom": "%(file)s: the header row is not UTF-8 (byte 0x%(byte)s at position %(position)s) although "
                           "the file starts with a UTF-8 byte-order mark; it " + _LOOKS_LEGACY,
    "no_header": "%(file)s: the first line has no column names separated by ',', ';' or tab; expected a header row",
    "damaged_xlsx": "%(file)s: the file starts like an Excel workbook but is damaged or truncated; export it again",
    "zip_not_xlsx": "%(file)s: a ZIP archive that is not an Excel workbook; expected .xlsx or CSV",
    "xlsx_too_large": "%(file)s: the workbook unpacks to %(size)s MiB, more than the %(limit)s MiB an Excel upload may "
                      "hold; save the sheet as CSV UTF-8 (CSV files have no such limit) or split it",
    "xlsx_unreadable": "%(file)s: the workbook's content is not what Excel writes, so it cannot be read; open it in "
                       "Excel or LibreOffice and save it again as 'Excel Workbook (.xlsx)' or as CSV UTF-8",
    "xlsx_encrypted": "%(file)s: the Excel workbook is protected by a password (encrypted), so it cannot be read; "
                      "open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with "
                      "Password) and save it again, or save the sheet as CSV UTF-8",
    "xlsx_sheet_empty": "%(file)s: the workbook's first sheet is empty",
    "duplicate_column": "%(file)s: column '%(column)s' appears twice in the header; each column once",
    "csv_unparsable": "%(file)s: the CSV cannot be parsed; check the delimiter and quoting",
    "csv_bad_row": "%(file)s: row %(row)s is not well-formed CSV; check the delimiter and quoting",
    "csv_line_break_row": "%(file)s: row %(row)s, column %(column)s: a line break inside a cell that is not quoted "
                          "(a lone carriage return); put the cell in quotes or remove the line break",
    "csv_unclosed_quote_row": "%(file)s: the quoted cell that starts in row %(row)s is never closed (the file ends "
                              "inside it); close the quote or remove it",
    "csv_text_after_quote_row": "%(file)s: row %(row)s has text after the closing quote of a cell; quote the whole "
                                "cell, and write a quote inside it as two (\"\")",
    "csv_cell_too_long": "%(file)s: row %(row)s has a cell longer than %(limit)s characters, which no value of "
                         "these formats is; check the quoting (an unclosed quote makes one cell of many lines)",
    "ragged_rows": "%(file)s: %(count)s row(s) do not have the header's %(columns)s columns, first at row %(row)s "
                   "(%(columns)s fields as in the header, found %(found)s); check the delimiter and quoting",
    "truncated": "%(file)s: the last row (%(row)s) is incomplete (%(columns)s fields as in the header, found "
                 "%(found)s) and the file does not end with a line break: the file looks truncated; upload the "
                 "complete file",
    "not_utf8_row": "%(file)s: row %(row)s is not UTF-8 text (byte 0x%(byte)s); the file " + _LOOKS_LEGACY,
    "not_utf8_row_bom": "%(file)s: row %(row)s is not UTF-8 text (byte 0x%(byte)s) although it starts with a UTF-8 "
                        "byte-order mark; the file " + _LOOKS_LEGACY,
    "no_htcds_field": "%(file)s: no HTCDS field found in the header; expected columns such as %(fields)s "
                      "(names or labels)",
    "unknown_file_format": "%(file)s: cannot tell the format from the header; expected a CTDC 2017 or v2024 CSV, the "
                           "HTCDS Excel template or a KoboToolbox/ODK export of the HTCDS form (or name it with "
                           "--format %(formats)s)",
    "ctdc_not_csv": "%(file)s: %(format)s files are CSV; this is an Excel workbook (save it as CSV UTF-8)",
    "ctdc2024_not_csv": "%(file)s: expected a CTDC v2024 CSV file",
    "ctdc2024_problems": "%(file)s: %(count)s problem(s), first: row %(row)s, column %(column)s, value %(value)s, "
                         "expected %(expected)s",
    "no_rows": "%(file)s: no data rows below the header; nothing to import",
    "header_missing": _HEADER + _MISSING + "); nothing imported",
    "header_unknown": _HEADER + _UNKNOWN + "); nothing imported",
    "header_missing_unknown": _HEADER + _MISSING + "; " + _UNKNOWN + "); nothing imported",
}
# Wrong arguments to an import (a format name, a contributor).
ARGUMENT = {
    "unknown_format": "unknown format %(format)s; expected one of: %(formats)s",
    "contributor_invalid": "contributor %(name)s: expected an organisation name or code of 1 to 80 printable "
                           "characters (no line breaks or control characters)",
    "contributor_missing": "name the contributing organisation (--contributor) for %(format)s files",
}
# Notes: how a file was read (not problems).
NOTE = {
    "terms_column": "ignored the leading column '%(column)s' (terms of use)",
    "htcds_fields": "read %(count)s HTCDS field(s); other columns are ignored",
}
CATALOGUE: dict[str, str] = {**CELL, **HEADER, **FILE, **ARGUMENT, **NOTE}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@dataclass(frozen=True)
class Message:
    """One message: its kind (``code``) and parameters; ``text`` is the English wording."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The English wording (the catalogue's template filled in)."""
        return CATALOGUE[self.code] % self.params

    def params_json(self) -> str:
        """The parameters as JSON text (how the problems frame stores them)."""
        return json.dumps(dict(self.params), ensure_ascii=False, sort_keys=True)

    def as_dict(self) -> dict:
        """``{"code", "params", "text"}``: the message in a JSON-ready shape (for reports and pages)."""
        return {"code": self.code, "params": dict(self.params), "text": self.text}

    def __str__(self) -> str:
        return self.text


def message(code: str, **params: object) -> Message:
    """The message of kind ``code``; ``ValueError`` unless ``params`` are exactly the template's placeholders."""
    if code not in CATALOGUE:
        raise ValueError(f"unknown message kind {code!r}; expected one of: {', '.join(CATALOGUE)}")
    names = placeholders(code)
    if set(params) != names:
        raise ValueError(f"message {code!r} takes {', '.join(sorted(names)) or 'no'} parameter(s), "
                         f"got {', '.join(sorted(params)) or 'none'}")
    return Message(code, params)


def placeholders(code: str) -> set[str]:
    """The parameter names of a message kind."""
    return set(PLACEHOLDER.findall(CATALOGUE[code]))


def listed(values: list[str], limit: int | None = None) -> str:
    """A list of codes or names as one parameter (``A, B, …`` when cut at ``limit``): it stays as is in
    every language."""
    shown = values if limit is None else values[:limit]
    return ", ".join(shown) + (", …" if limit is not None and len(values) > limit else "")
