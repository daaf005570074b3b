"""The problems intake notes while reading files, as data: a catalogue of kinds (code -> wording).

A problem is a :class:`Problem`: its ``code`` and ``params``, and the English ``text`` made from the
template (what ``custody.json`` keeps beside the code and parameters). ``CATALOGUE`` holds the English
templates, ``CATALOGUE_MN`` the Mongolian ones; they are the only wording of these problems: the CLI prints
``worded(..., "en")``, ``report.html`` shows both languages, and the workspace pages word the same code
with ``gettext`` (the English template is the msgid, and the workspace's Mongolian catalogue is built
from ``CATALOGUE_MN``), so no two places can drift apart.

Two kinds of problem: ``LINE`` problems (one line of a file that was read; the file's other lines are
kept) and ``FILE`` problems (why a whole file was skipped, or a path that cannot be scanned).
Parameters hold data (file names, line numbers, counts, JSON type names, encodings), never English
words: a line the JSON parser refuses gets a kind for each refusal it words (``JSON_ERRORS``), ``not_json``
for any other, never the parser's English text.

>>> problem("empty_row", file="ads.csv", row=3).text
'ads.csv, row 3: empty text'
>>> worded("too_large", {"mb": 512}, "mn")
'512 MB-аас том'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

LINE: dict[str, str] = {
    "text_cut": "%(file)s, line %(line)s: text of %(length)s characters cut to %(limit)s",
    "json_value": "%(file)s, line %(line)s: not JSON (a value expected at column %(column)s)",
    "json_name": "%(file)s, line %(line)s: not JSON (a field name in double quotes expected at column %(column)s)",
    "json_delimiter": "%(file)s, line %(line)s: not JSON ('%(delimiter)s' expected at column %(column)s)",
    "json_extra": "%(file)s, line %(line)s: not JSON (more text after the object, from column %(column)s)",
    "json_unterminated": "%(file)s, line %(line)s: not JSON (the text value starting at column %(column)s is "
                         "never closed)",
    "json_control": "%(file)s, line %(line)s: not JSON (a control character inside a text value at column "
                    "%(column)s)",
    "json_escape": "%(file)s, line %(line)s: not JSON (an invalid \\ escape at column %(column)s)",
    "not_json": "%(file)s, line %(line)s: not JSON (at column %(column)s)",
    "not_object": "%(file)s, line %(line)s: expected a JSON object, got %(type)s",
    "no_text": "%(file)s, line %(line)s: no 'text' field, or it is empty",
    "empty_row": "%(file)s, row %(row)s: empty text",
    "more_problems": "(and %(count)s more)",
}
FILE: dict[str, str] = {
    "binary": "binary content (NUL bytes)",
    "undecodable": "undecodable: not UTF-8, UTF-16 or Windows-1251, and no other encoding fits",
    "unreadable": "unreadable: %(share)s of the characters are control or unassigned characters",
    "not_utf16": "not readable as %(encoding)s: invalid bytes at offset %(offset)s",
    "no_text_column": "CSV header has no text column (expected one of %(expected)s; found %(found)s)",
    "not_csv": "not readable as CSV from row %(row)s on (a quote or line break the CSV format does not allow)",
    "archive": "archive: never extracted; unpack it yourself and scan the folder",
    "unsupported_type": "unsupported file type '%(suffix)s'; expected one of %(expected)s",
    "too_large": "larger than %(mb)s MB",
    "duplicate": "same content as %(first)s: its posts are read once",
    "no_path": "%(path)s: no such file or folder",
}
CATALOGUE: dict[str, str] = {**LINE, **FILE}

CATALOGUE_MN: dict[str, str] = {
    "text_cut": "%(file)s, %(line)s-р мөр: %(length)s тэмдэгттэй бичвэрийг %(limit)s тэмдэгт хүртэл таслав",
    "json_value": "%(file)s, %(line)s-р мөр: JSON биш (%(column)s-р баганад утга байх ёстой)",
    "json_name": "%(file)s, %(line)s-р мөр: JSON биш (%(column)s-р баганад давхар хашилттай талбарын нэр байх ёстой)",
    "json_delimiter": "%(file)s, %(line)s-р мөр: JSON биш (%(column)s-р баганад '%(delimiter)s' байх ёстой)",
    "json_extra": "%(file)s, %(line)s-р мөр: JSON биш (объектын дараа %(column)s-р баганаас илүү текст байна)",
    "json_unterminated": "%(file)s, %(line)s-р мөр: JSON биш (%(column)s-р баганад эхэлсэн текст утга хаагдаагүй)",
    "json_control": "%(file)s, %(line)s-р мөр: JSON биш (%(column)s-р баганад текст утгын дотор удирдах тэмдэгт "
                    "байна)",
    "json_escape": "%(file)s, %(line)s-р мөр: JSON биш (%(column)s-р баганад \\ тэмдэгтийн буруу хослол)",
    "not_json": "%(file)s, %(line)s-р мөр: JSON биш (%(column)s-р баганад)",
    "not_object": "%(file)s, %(line)s-р мөр: JSON объект байх ёстой, %(type)s байна",
    "no_text": "%(file)s, %(line)s-р мөр: 'text' талбар алга, эсвэл хоосон",
    "empty_row": "%(file)s, %(row)s-р мөр: бичвэр хоосон",
    "more_problems": "(мөн өөр %(count)s)",
    "binary": "хоёртын агуулга (NUL байт)",
    "undecodable": "тайлах боломжгүй: UTF-8, UTF-16, Windows-1251 биш, өөр ямар ч кодчилол тохирохгүй",
    "unreadable": "уншигдахгүй: тэмдэгтийн %(share)s нь удирдах эсвэл тодорхойлогдоогүй тэмдэгт",
    "not_utf16": "%(encoding)s кодчиллоор уншигдахгүй: %(offset)s байрлалд буруу байт байна",
    "no_text_column": "CSV-ийн толгой мөрөнд текстийн багана алга (дараахын аль нэг байх ёстой: %(expected)s; "
                      "олдсон: %(found)s)",
    "not_csv": "%(row)s-р мөрөөс эхлэн CSV хэлбэрээр уншигдахгүй (CSV-д зөвшөөрөгдөөгүй хашилт эсвэл мөр шилжилт)",
    "archive": "архив: задлахгүй; өөрөө задлаад хавтсыг шалгуулна уу",
    "unsupported_type": "дэмжигдээгүй файлын төрөл '%(suffix)s'; дараахын аль нэг байх ёстой: %(expected)s",
    "too_large": "%(mb)s MB-аас том",
    "duplicate": "%(first)s файлтай агуулга нь ижил: нийтлэлүүдийг нэг л удаа уншина",
    "no_path": "%(path)s: ийм файл эсвэл хавтас алга",
}
TEMPLATES = {"en": CATALOGUE, "mn": CATALOGUE_MN}
# The JSON parser's refusals (``JSONDecodeError.msg``, how it starts) and their kind; ``not_json`` for others.
JSON_ERRORS = (("Expecting value", "json_value"), ("Expecting property name", "json_name"),
               ("Expecting ':' delimiter", "json_delimiter"), ("Expecting ',' delimiter", "json_delimiter"),
               ("Extra data", "json_extra"), ("Unterminated string", "json_unterminated"),
               ("Invalid control character", "json_control"), ("Invalid \\", "json_escape"))
GROUPED = frozenset({"length", "limit"})  # numbers written with thousands separators (4,000,000)
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
JSON_TYPES = {"list": "array", "str": "string", "int": "number", "float": "number", "bool": "boolean",
              "NoneType": "null"}


def formatted(params: Mapping[str, object]) -> dict[str, object]:
    """The parameters as the templates write them: ``GROUPED`` numbers with thousands separators."""
    return {k: f"{v:,}" if k in GROUPED and isinstance(v, int) else v for k, v in params.items()}


def worded(code: str, params: Mapping[str, object], lang: str = "en") -> str:
    """The problem ``code`` with ``params`` in ``lang`` ("en" or "mn"); ``KeyError`` for an unknown code."""
    return TEMPLATES[lang][code] % formatted(params)


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem of one file: its kind (``code``) and parameters; ``text`` is the English wording."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return worded(self.code, self.params)

    def as_dict(self) -> dict:
        """``{"code", "params", "text"}``, as ``custody.json`` keeps it."""
        return {"code": self.code, "params": dict(self.params), "text": self.text}


def problem(code: str, **params: object) -> Problem:
    """The problem of kind ``code``; ``ValueError`` unless ``params`` are exactly the template's placeholders."""
    if code not in CATALOGUE:
        raise ValueError(f"unknown problem kind {code!r}; expected one of: {', '.join(CATALOGUE)}")
    names = set(PLACEHOLDER.findall(CATALOGUE[code]))
    if set(params) != names:
        raise ValueError(f"problem {code!r} takes {', '.join(sorted(names))}, got {', '.join(sorted(params))}")
    return Problem(code, params)


def json_problem(file: str, line: int, error) -> Problem:
    """The problem of a JSONL line the parser refused (``error``: its ``json.JSONDecodeError``)."""
    for start, code in JSON_ERRORS:
        if error.msg.startswith(start):
            if code == "json_delimiter":
                return problem(code, file=file, line=line, column=error.colno, delimiter=start[11])
            return problem(code, file=file, line=line, column=error.colno)
    return problem("not_json", file=file, line=line, column=error.colno)


def _pattern(template: str) -> re.Pattern:
    parts = PLACEHOLDER.split(template)  # text, name, text, name, ..., text
    return re.compile("".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>.*?)" for i, p in enumerate(parts)))


_FILE_PATTERNS = {code: _pattern(template) for code, template in FILE.items()}


def file_problem_of(reason: str) -> Problem | None:
    """The file problem whose English wording is ``reason`` (a custody record written before reasons had
    codes), or None: so older scans are worded from the same catalogue too."""
    for code, pattern in _FILE_PATTERNS.items():
        if match := pattern.fullmatch(reason):
            return Problem(code, match.groupdict())
    return None
