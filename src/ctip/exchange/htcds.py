"""HTCDS v2.0 data: the Excel template, KoboToolbox/ODK exports of the HTCDS XLSForm, ctip's HTCDS CSV.

Headers are matched on the field name (``vic_TypeOfExploitation``; the XLSForm's ``vic_Methods_of_Control``
spelling too, case and underscores ignored) or on its label (``Type of Exploitation``), after any Kobo
group path (``group_x/``). A multi-select arrives as one cell (codes or labels separated by spaces,
``;`` or ``,``) or as one column per choice (``vic_TypeOfExploitation/ForcedLabour`` with 1/0).

Identifying fields (names, contacts, birthdate, addresses) are read only to derive de-identified values
(age band and majority status at registration) and are never stored. Columns the dataset does not use
are ignored: forms carry many questions.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import polars as pl

from ctip import vocab
from ctip.dataset import schema
from ctip.exchange import codes
from ctip.exchange import htcds_layout as layout
from ctip.exchange.errors import InvalidFile
from ctip.exchange.harmonise import (
    BINARY_EXPECTED,
    FALSE_SPELLINGS,
    TRUE_SPELLINGS,
    Rule,
    apply_rules,
    binary_rule,
    code_rule,
    is_missing,
    norm,
    year_rule,
)
from ctip.exchange.messages import listed, message
from ctip.exchange.parsed import Parsed, complete
from ctip.exchange.sniff import Sniffed
from ctip.exchange.tabular import ROW, frame_from_rows, read_csv, read_xlsx_rows

DATE_EXPECTED = message("date")


def key(text: str) -> str:
    """Header spelling reduced to lower-case letters and digits."""
    return re.sub(r"[^0-9a-z]", "", text.casefold())


@cache
def _field_keys() -> dict[str, str]:
    table = {}
    for field, (label, _) in layout.FIELDS.items():
        table[key(field)] = field
        table[key(label)] = field
    return table


def _field_of(segment: str) -> str | None:
    return _field_keys().get(key(segment))


def detect_csv(header: tuple[str, ...] | list[str]) -> str | None:
    """``kobo`` or ``htcds-csv`` when the header holds HTCDS fields, else None."""
    fields = [h for h in header if _field_of(h.split("/")[-1]) or (len(h.split("/")) > 1 and _field_of(h.split("/")[-2]))]
    by_name = [h for h in fields if h.split("/")[-1].startswith(("prs_", "vic_", "cas_"))]
    if not by_name and len(set(fields)) < 3 and not any(h in layout.EXTENSIONS for h in header):
        return None
    lowered = {h.casefold() for h in header}
    if lowered & layout.KOBO_MARKERS or any("/" in h for h in header):
        return "kobo"
    return "htcds-csv"


def detect_xlsx(path: Path) -> str | None:
    """``htcds-xlsx`` for the template (field names in the first row, labels in the second), ``kobo``
    for an export with HTCDS questions, else None."""
    head, _ = read_xlsx_rows(path, max_header_rows=2, limit=2)
    if not head:
        return None
    first = [c for c in head[0] if c]
    if sum(1 for c in first if c.startswith(("prs_", "vic_", "cas_"))) >= 3 and len(head) > 1 and \
            any(_field_of(c) for c in head[1] if c):
        return "htcds-xlsx"
    return detect_csv(first) and "kobo"


def read(path: Path, sniffed: Sniffed, fmt: str) -> Parsed:
    """Read an HTCDS-shaped file (``htcds-xlsx``, ``htcds-csv`` or ``kobo``) into dataset rows."""
    if sniffed.kind == "xlsx":
        head, rows = read_xlsx_rows(path, max_header_rows=2)
        if not head:
            raise InvalidFile(message("xlsx_sheet_empty", file=path.name))
        if fmt == "htcds-xlsx":  # hidden row 1 = field names, row 2 = labels, data from row 3
            names = [c or f"__blank_{i + 1}" for i, c in enumerate(head[0])]
            raw = frame_from_rows(_dedupe(names), rows)
        else:
            names = [c or f"__blank_{i + 1}" for i, c in enumerate(head[0])]
            raw = frame_from_rows(_dedupe(names), ([head[1]] if len(head) > 1 else []) + rows)
    else:
        raw = read_csv(path, sniffed, multiline=True)
    fields, choices, meta, extensions = _resolve(raw.columns)
    if not fields and not choices and not extensions:
        raise InvalidFile(message("no_htcds_field", file=path.name, fields=listed(list(layout.FIELDS)[:5])))
    rules = _rules(raw, fields, choices, meta, extensions)
    frame, problems = apply_rules(raw, rules)
    notes = [message("htcds_fields", count=len(fields) + len(choices))]
    return Parsed(fmt, complete(frame), problems, raw.height, notes)


def _dedupe(names: list[str]) -> list[str]:
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name}__{seen[name]}")
    return out


def _resolve(columns: list[str]) -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, str], dict[str, str]]:
    """field -> column; field -> {choice code: column}; kobo meta -> column; extension -> column."""
    fields: dict[str, str] = {}
    choices: dict[str, dict[str, str]] = {}
    meta: dict[str, str] = {}
    extensions: dict[str, str] = {}
    ext_keys = {key(e): e for e in layout.EXTENSIONS}
    for column in columns:
        if column == ROW:
            continue
        parts = column.split("/")
        field = _field_of(parts[-1])
        if field and field not in fields:
            fields[field] = column
            continue
        if len(parts) > 1 and (parent := _field_of(parts[-2])) in layout.MULTI_SELECT:
            code = _choice_code(parent, parts[-1])
            if code:
                choices.setdefault(parent, {})[code] = column
            continue
        if column.casefold() in layout.KOBO_DATES or parts[-1].casefold() in layout.KOBO_DATES:
            meta.setdefault(parts[-1].casefold(), column)
        elif key(column) in ext_keys:
            extensions[ext_keys[key(column)]] = column
    return fields, choices, meta, extensions


def _choice_code(field: str, text: str) -> str | None:
    return _scheme_keys(layout.FIELDS[field][1] or "").get(key(text))


@cache
def _scheme_keys(scheme_name: str) -> dict[str, str]:
    """key(code) and key(English label) -> code."""
    if not scheme_name:
        return {}
    table = {}
    for code in vocab.codes(scheme_name):
        table[key(vocab.label(scheme_name, code, "en"))] = code
        table[key(code)] = code
    return table


def _rules(raw: pl.DataFrame, fields: dict[str, str], choices: dict[str, dict[str, str]], meta: dict[str, str],
           extensions: dict[str, str]) -> list[Rule]:
    rules: list[Rule] = [Rule("data_source", pl.lit("case_management"))]
    if "prs_Gender" in fields:
        rules.append(_single_select("gender", fields["prs_Gender"], "htcds.prs_Gender", layout.GENDER_MAPPING))
    if "prs_Citizenship" in fields:
        rules.append(_country("citizenship", raw, fields["prs_Citizenship"], strict=True))
    if "vic_LocationOfExploitation" in fields:  # a lookup/free text in HTCDS: used only when it names a country
        rules.append(_country("country_of_exploitation", raw, fields["vic_LocationOfExploitation"], strict=False))
    registration = _registration_date(fields, meta)
    if registration is not None:
        date_col, reg = registration
        rules.append(Rule("year_of_registration", reg.dt.year().cast(pl.Int16),
                          ~is_missing(date_col) & _date(date_col).is_null(), date_col, pl.col(date_col),
                          DATE_EXPECTED))
        if "prs_Birthdate" in fields:
            rules += _age_rules(fields["prs_Birthdate"], reg)
    if "vic_AgeWhenTrafficked" in fields:
        col = fields["vic_AgeWhenTrafficked"]
        age = pl.col(col).str.strip_chars().cast(pl.Float64, strict=False)
        ok = age.is_between(0, 120)
        rules.append(Rule("majority_status_at_exploit",
                          pl.when(ok).then(pl.when(age < 18).then(pl.lit("minor")).otherwise(pl.lit("adult"))),
                          ~is_missing(col) & ~ok.fill_null(False), col, pl.col(col), message("age")))
    for field, (group, mapping_name) in layout.MULTI_SELECT.items():
        if field in fields:
            rules += _multi_select_cell(raw, group, field, fields[field], mapping_name)
        elif field in choices:
            rules += _multi_select_columns(group, field, choices[field], mapping_name)
    rules += _extension_rules(extensions)
    return _last_wins(rules)


def _last_wins(rules: list[Rule]) -> list[Rule]:
    """Extension columns override derived values; keep one rule per output column, checks of all."""
    by_column: dict[str, Rule] = {}
    checks: list[Rule] = []
    for rule in rules:
        if rule.column in by_column and by_column[rule.column].invalid is not None:
            previous = by_column[rule.column]
            checks.append(Rule(f"__check_{len(checks)}", pl.lit(None), previous.invalid, previous.source,
                               previous.raw, previous.expected))
        by_column[rule.column] = rule
    return list(by_column.values()) + checks


def _single_select(column: str, source: str, scheme_name: str, mapping_name: str) -> Rule:
    keys = _scheme_keys(scheme_name)
    target = vocab.mapping(mapping_name)
    table = {k: target.get(code) for k, code in keys.items()}
    table.update({key(c): c for c in {v for v in target.values() if v}})  # dataset codes themselves
    cell = pl.col(source).str.to_lowercase().str.replace_all(r"[^0-9a-z]", "")
    known = cell.is_in(list(table))
    value = pl.when(is_missing(source)).then(None).otherwise(
        cell.replace_strict(list(table), list(table.values()), default=None, return_dtype=pl.String))
    return Rule(column, value, ~is_missing(source) & ~known, source, pl.col(source),
                message("choice", choices=listed(vocab.codes(scheme_name))))


def _country(column: str, raw: pl.DataFrame, source: str, *, strict: bool) -> Rule:
    """A country as alpha-2, alpha-3 or English name; a multi-select keeps its first country."""
    table = codes.countries()
    uniques = raw.get_column(source).drop_nulls().unique().to_list()
    parsed = {cell: _first_country(cell, table) for cell in uniques}
    cells = list(parsed)
    value = pl.col(source).replace_strict(cells, [parsed[c] for c in cells], default=None, return_dtype=pl.String)
    invalid = (~is_missing(source) & value.is_null()) if strict else None
    return Rule(column, value, invalid, source, pl.col(source), message("country_or_name"))


def _first_country(cell: str, table: dict[str, str]) -> str | None:
    text = cell.strip().casefold()
    if text in table:
        return table[text]
    for piece in re.split(r"[;,\n]+|\s+", text):
        if piece.strip() in table:
            return table[piece.strip()]
    return None


def _date(col: str) -> pl.Expr:
    return pl.col(col).str.strip_chars().str.slice(0, 10).str.to_date("%Y-%m-%d", strict=False)


def _registration_date(fields: dict[str, str], meta: dict[str, str]) -> tuple[str, pl.Expr] | None:
    """The referral date, else the Kobo submission/end/start/today date."""
    sources = ([fields["cas_IncomingReferralDate"]] if "cas_IncomingReferralDate" in fields else []) + \
        [meta[m] for m in layout.KOBO_DATES if m in meta]
    if not sources:
        return None
    return sources[0], pl.coalesce([_date(s) for s in sources])


WITHHELD = "(withheld: identifying field)"


def _age_rules(birth_col: str, registration: pl.Expr) -> list[Rule]:
    """Age band and majority status at registration, from the birthdate (never stored)."""
    birth = _date(birth_col)
    age = (registration.dt.year().cast(pl.Int32) - birth.dt.year().cast(pl.Int32)
           - ((registration.dt.month().cast(pl.Int32) * 100 + registration.dt.day().cast(pl.Int32))
              < (birth.dt.month().cast(pl.Int32) * 100 + birth.dt.day().cast(pl.Int32))).cast(pl.Int32))
    ok = age.is_between(0, 120)
    band = pl.lit(None, dtype=pl.String)
    for code in vocab.codes("ctdc.age_band"):  # ascending: the outermost test is the oldest band
        low = int(code.rstrip("+").split("-")[0])
        band = pl.when(age >= low).then(pl.lit(code)).otherwise(band)
    band = pl.when(ok).then(band).otherwise(None)
    invalid = ~is_missing(birth_col) & (birth.is_null() | (registration.is_not_null() & ~ok.fill_null(False)))
    majority = pl.when(ok).then(pl.when(age < 18).then(pl.lit("minor")).otherwise(pl.lit("adult")))
    # The problem names the row and column but not the birthdate itself: the report is shown on pages,
    # printed by the CLI and kept beside the store, none of which may hold an identifier.
    return [Rule("age_band", band, invalid, birth_col, pl.lit(WITHHELD), message("birthdate")),
            Rule("majority_status", majority)]


def _targets(group: str) -> list[str]:
    return [c.removeprefix(f"{group}_") for c in schema.BINARY_GROUPS[group]]


def _multi_select_cell(raw: pl.DataFrame, group: str, field: str, source: str, mapping_name: str) -> list[Rule]:
    """One cell listing the chosen codes or labels: chosen -> TRUE, others FALSE, empty cell -> NULL."""
    scheme_name = layout.FIELDS[field][1] or ""
    mapping = vocab.mapping(mapping_name)
    uniques = raw.get_column(source).drop_nulls().unique().to_list()
    parsed = {cell: _split_choices(cell, scheme_name) for cell in uniques}
    good = {c: sorted({mapping.get(code) for code in p if mapping.get(code)}) for c, p in parsed.items() if p is not None}
    bad = [c for c, p in parsed.items() if p is None]
    cells = list(good)
    chosen = pl.col(source).replace_strict(cells, [good[c] for c in cells], default=None,
                                           return_dtype=pl.List(pl.String))
    answered = ~is_missing(source) & pl.col(source).is_in(cells)
    rules = []
    for target in _targets(group):
        rules.append(Rule(f"{group}_{target}", pl.when(answered).then(chosen.list.contains(target)).otherwise(None)))
    rules[0] = Rule(rules[0].column, rules[0].value, pl.col(source).is_in(bad), source, pl.col(source),
                    message("choices", field=field, choices=listed(vocab.codes(scheme_name))))
    return rules


def _split_choices(cell: str, scheme_name: str) -> list[str] | None:
    """Codes named in a multi-select cell (codes or labels; separated by ';', ',', new lines or spaces)."""
    table = _scheme_keys(scheme_name)
    text = cell.strip()
    if text.casefold() in {m.casefold() for m in vocab.missing_markers()}:
        return []
    if key(text) in table:  # one label that itself contains ';' or ','
        return [table[key(text)]]
    out: list[str] = []
    for piece in re.split(r"[;,\n]+", text):
        piece = piece.strip()
        if not piece:
            continue
        if key(piece) in table:
            out.append(table[key(piece)])
            continue
        words = piece.split()
        i = 0
        while i < len(words):  # longest run of words that names a choice (labels contain spaces)
            for j in range(len(words), i, -1):
                if key(" ".join(words[i:j])) in table:
                    out.append(table[key(" ".join(words[i:j]))])
                    i = j
                    break
            else:
                return None
    return out


def _multi_select_columns(group: str, field: str, columns: dict[str, str], mapping_name: str) -> list[Rule]:
    """One column per choice (1/0, true/false): a row answered the question if any of them is filled."""
    mapping = vocab.mapping(mapping_name)
    answered = pl.any_horizontal([~is_missing(c) for c in columns.values()])
    rules = []
    for target in _targets(group):
        mine = [c for code, c in columns.items() if mapping.get(code) == target]
        chosen = pl.any_horizontal([norm(c).is_in(TRUE_SPELLINGS) for c in mine]) if mine else pl.lit(False)
        rules.append(Rule(f"{group}_{target}", pl.when(answered).then(chosen.fill_null(False)).otherwise(None)))
    for column in columns.values():
        rules.append(Rule(f"__check_{column}", pl.lit(None),
                          ~is_missing(column) & ~norm(column).is_in(TRUE_SPELLINGS + FALSE_SPELLINGS),
                          column, pl.col(column), BINARY_EXPECTED))
    return rules


def _extension_rules(extensions: dict[str, str]) -> list[Rule]:
    rules = []
    for name, column in extensions.items():
        target, scheme_name = layout.EXTENSIONS[name]
        if target == "year_of_registration":
            rules.append(year_rule(target, column))
        elif target == "is_abduction":
            rules.append(binary_rule(target, column))
        elif target == "country_of_exploitation":
            rules.append(code_rule(target, column, codes.countries(), message("country_alpha3")))
        else:
            table = {c.casefold(): c for c in vocab.codes(scheme_name or "")}
            rules.append(code_rule(target, column, table, codes.expected(scheme_name or "")))
    return rules
