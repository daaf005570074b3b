"""CTDC files: the Global Dataset (k-anonymised, 2017-2021) and the Global Synthetic Dataset (v2024/v2025).

Readers accept the variants met in the wild: ``,`` or ``;`` separated, a leading terms-of-use column,
``isSlaveryAndPractices`` present or not, every missing marker, ``*Concatenated`` columns (checked
against the binary columns they summarise), v2025's ``sectorOf*`` names. Writers produce the
published layouts with CTDC spellings (``9--17`` / ``09--17``, alpha-2 / alpha-3, 1/0/-99 / 1-or-empty).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa

from ctip import vocab
from ctip.dataset import schema
from ctip.exchange import codes
from ctip.exchange import ctdc_layout as layout
from ctip.exchange.columnar import INVALID, Lookup, apply_lookups, encode, problems
from ctip.exchange.errors import InvalidFile, cell_error, problem_dicts, problems_frame
from ctip.exchange.harmonise import (
    BINARY_EXPECTED,
    MISSING,
    YEAR_EXPECTED,
    binary_mapper,
    code_mapper,
    year_mapper,
)
from ctip.exchange.messages import Message, listed, message
from ctip.exchange.parsed import Parsed, complete, with_all_columns
from ctip.exchange.sniff import Sniffed, sniff
from ctip.exchange.tabular import ROW, read_csv_table

FORMATS = ("ctdc2017", "ctdc2024")
# Vocabulary mappings that read (and, reversed, write) each categorical CTDC variable.
READ_MAPPINGS = {
    "Datasource": "ctdc2017.Datasource->ctip.data_source",
    "gender@ctdc2017": "ctdc2017.gender->ctip.gender",
    "ageBroad@ctdc2017": "ctdc2017.ageBroad->ctdc.age_band",
    "majorityStatus": "ctdc2017.majorityStatus->ctip.majority",
    "majorityStatusAtExploit": "ctdc2017.majorityStatusAtExploit->ctip.majority",
    "majorityEntry": "ctdc2017.majorityEntry->ctip.majority",
    "gender@ctdc2024": "ctdc2024.gender->ctip.gender",
    "ageBroad@ctdc2024": "ctdc2024.ageBroad->ctdc.age_band",
    "traffickMonths": "ctdc2024.traffickMonths->ctdc.traffick_months",
}
WRITE_2024 = {"gender": "ctip.gender->ctdc2024.gender", "age_band": "ctdc.age_band->ctdc2024.ageBroad",
              "traffick_months": "ctdc.traffick_months->ctdc2024.traffickMonths"}
TERMS_HINTS = ("term", "use", "ctdc", "disclaimer", "licen", "cite", "dataset")


def detect(header: tuple[str, ...] | list[str]) -> str | None:
    """``ctdc2024`` or ``ctdc2017`` from the column names, or None."""
    names = {h.strip().casefold() for h in header}
    if names & {"traffickmonths", "meansdebtbondageearnings", "meanswithholddocs", "sectoroflabouragriculture"}:
        return "ctdc2024"
    if names & {"yearofregistration", "meansofcontroldebtbondage", "majoritystatus", "datasource"}:
        return "ctdc2017"
    return None


def read(path: Path, sniffed: Sniffed, fmt: str) -> Parsed:
    """Read and harmonise a CTDC CSV of format ``fmt``."""
    columns, header_problems, notes = _resolve_header(list(sniffed.header), fmt)
    if header_problems:  # missing or unknown columns: nothing else is worth reading
        return Parsed(fmt, complete(pl.DataFrame({ROW: pl.Series([], dtype=pl.Int64)})),
                      problems_frame(header_problems), 0, notes)
    table = read_csv_table(path, sniffed)
    table = table.rename_columns([columns.get(n, n) for n in table.column_names])
    lookups = _lookups(fmt, set(columns.values()))
    mapped, invalid = apply_lookups(table, lookups)
    expected: dict[str, Message | list[Message]] = {lk.source: lk.expected for lk in lookups}
    if fmt == "ctdc2017":
        for variable, (positions, expected_labels) in _concatenated_problems(table, mapped, columns).items():
            invalid[variable], expected[variable] = positions, expected_labels
    frame = pl.from_arrow(pa.table(mapped)) if mapped else pl.DataFrame()
    assert isinstance(frame, pl.DataFrame)
    frame = frame.with_columns(pl.int_range(1, table.num_rows + 1, dtype=pl.Int64).alias(ROW))
    return Parsed(fmt, complete(frame), problems(table, invalid, expected), table.num_rows, notes)


def _resolve_header(header: list[str], fmt: str) -> tuple[dict[str, str], list[dict], list[Message]]:
    """File column -> canonical variable; problems for missing and unknown columns."""
    canonical = layout.CTDC2017_COLUMNS if fmt == "ctdc2017" else layout.CTDC2024_COLUMNS
    concatenated = list(layout.CTDC2017_CONCATENATED) if fmt == "ctdc2017" else []
    known = {c.casefold(): c for c in canonical + concatenated}
    known.update({alias.casefold(): code for alias, code in vocab.scheme(f"{fmt}.variable").aliases.items()})
    columns: dict[str, str] = {}
    problems_: list[dict] = []
    notes: list[Message] = []
    for i, name in enumerate(header):
        key = name.strip().casefold()
        if key in known:
            columns[name] = known[key]
        elif i == 0 and (not key or any(h in key for h in TERMS_HINTS)):
            notes.append(message("terms_column", column=name[:60]))
        else:
            problems_.append(cell_error(None, name, None, message("unknown_column", format=fmt,
                                                                  columns=listed(canonical + concatenated))))
    present = set(columns.values())
    for variable in canonical:
        if variable not in present and variable not in layout.CTDC2017_OPTIONAL:
            problems_.append(cell_error(None, variable, None, message("missing_column", column=variable, format=fmt)))
    return columns, problems_, notes


def _lookups(fmt: str, present: set[str]) -> list[Lookup]:
    categorical = layout.CTDC2017_CATEGORICAL if fmt == "ctdc2017" else layout.CTDC2024_CATEGORICAL
    binary = layout.CTDC2017_BINARY if fmt == "ctdc2017" else layout.CTDC2024_BINARY
    lookups: list[Lookup] = []
    for variable, column in categorical.items():
        if variable not in present:
            continue
        if variable == "yearOfRegistration":
            lookups.append(Lookup(column, variable, year_mapper, pa.int16(), YEAR_EXPECTED))
        elif variable in ("citizenship", "CountryOfExploitation"):
            lookups.append(Lookup(column, variable, code_mapper(codes.countries()), pa.string(), message("country")))
        else:
            mapping_name = READ_MAPPINGS.get(f"{variable}@{fmt}") or READ_MAPPINGS[variable]
            lookups.append(Lookup(column, variable, code_mapper(codes.lookup(mapping_name)), pa.string(),
                                  codes.expected(vocab.mapping_info(mapping_name).source_scheme)))
    lookups += [Lookup(column, variable, binary_mapper, pa.bool_(), BINARY_EXPECTED)
                for variable, column in binary.items() if variable in present]
    return lookups


def _concatenated_problems(table: pa.Table, mapped: dict[str, pa.Array],
                           columns: dict[str, str]) -> dict[str, tuple[np.ndarray, list[Message]]]:
    """A ``*Concatenated`` cell must list exactly the labels of its group's binary columns set to 1."""
    out: dict[str, tuple[np.ndarray, list[Message]]] = {}
    present = set(columns.values())
    for variable, group in layout.CTDC2017_CONCATENATED.items():
        if variable not in present:
            continue
        mapping_name = layout.CONCATENATED_MAPPINGS[variable]
        table_ = codes.lookup(mapping_name)
        labels = codes.reverse(mapping_name)
        prefix = f"{group}_"
        members = [col for col in schema.BINARY_GROUPS[group] if col in mapped and col.removeprefix(prefix) in labels]
        values, indices = encode(table.column(variable))
        parsed = [_parse_list(v, table_) for v in values]
        wrong = np.zeros(table.num_rows, dtype=bool)
        idx = indices.fill_null(-1).to_numpy(zero_copy_only=False) if len(values) else np.full(table.num_rows, -1)
        answered = idx >= 0
        unknown = np.array([p is INVALID for p in parsed] + [False])  # last slot: empty cell
        wrong |= unknown[idx]
        for col in members:
            code = col.removeprefix(prefix)
            listed = np.array([p is not INVALID and p is not None and code in p for p in parsed] + [False])
            is_set = mapped[col].fill_null(False).to_numpy(zero_copy_only=False)
            skip = np.array([p is None for p in parsed] + [True])  # missing marker: nothing to check
            wrong |= (listed[idx] != is_set) & ~skip[idx] & answered
        positions = np.flatnonzero(wrong)
        if len(positions):
            out[variable] = (positions, [_expected_labels(mapped, members, prefix, labels, int(p)) for p in positions])
    return out


def _parse_list(value: str, table: dict[str, str | None]) -> object:
    text = value.strip()
    if text.casefold() in MISSING:
        return None
    out = set()
    for label in text.split(";"):
        label = label.strip().casefold()
        if not label:
            continue
        if label not in table:
            return INVALID
        if table[label]:
            out.add(table[label])
    return out


def _expected_labels(mapped: dict[str, pa.Array], members: list[str], prefix: str, labels: dict[str, str],
                     position: int) -> Message:
    chosen = [labels[c.removeprefix(prefix)] for c in members if mapped[c][position].as_py() is True]
    group = prefix.rstrip("_")
    return message("concatenated", labels="; ".join(chosen), group=group) if chosen else \
        message("concatenated_empty", group=group)


# --- contract helpers used by releases and dashboards -------------------------------------------

def read_ctdc2024(path: str | Path) -> pl.DataFrame:
    """A CTDC v2024/v2025 CSV as a frame in dataset-schema data columns; ``InvalidFile`` if any cell is wrong."""
    path = Path(path)
    sniffed = sniff(path)
    if sniffed.kind != "csv":
        raise InvalidFile(message("ctdc2024_not_csv", file=path.name))
    parsed = read(path, sniffed, "ctdc2024")
    if parsed.problems.height:
        first = parsed.problems.row(0, named=True)
        raise InvalidFile(message("ctdc2024_problems", file=path.name, count=parsed.problems.height, row=first["row"],
                                  column=first["column"], value=repr(first["value"]), expected=first["expected"]),
                          problem_dicts(parsed.problems.head(100)))
    return parsed.frame.drop("source_row")


def to_ctdc2024(frame: pl.DataFrame) -> pl.DataFrame:
    """The 27 CTDC v2024 variables (text cells, CTDC spellings) from dataset-schema rows."""
    frame = with_all_columns(frame)
    out: list[pl.Expr] = [
        pl.col("year_of_registration").cast(pl.String).alias("yearOfRegistration"),
        _write("gender", WRITE_2024["gender"]).alias("gender"),
        _write("age_band", WRITE_2024["age_band"]).alias("ageBroad"),
        pl.col("citizenship").alias("citizenship"),
        pl.col("country_of_exploitation").alias("CountryOfExploitation"),
        _write("traffick_months", WRITE_2024["traffick_months"]).alias("traffickMonths"),
    ]
    for variable, column in layout.CTDC2024_BINARY.items():
        out.append(_one_or_empty(_v2024_indicator(column)).alias(variable))
    return frame.select(out)


def to_ctdc2017(frame: pl.DataFrame) -> pl.DataFrame:
    """The CTDC 2017 layout (codebook v6.0 plus isSlaveryAndPractices): alpha-2, 1/0/-99."""
    frame = with_all_columns(frame)
    out: list[pl.Expr] = [pl.col("year_of_registration").cast(pl.String).alias("yearOfRegistration")]
    for variable, column in layout.CTDC2017_CATEGORICAL.items():
        if variable == "yearOfRegistration":
            continue
        if variable in ("citizenship", "CountryOfExploitation"):
            alpha2 = {a3: a2 for a2, a3 in codes.countries().items() if len(a2) == 2}
            expr = pl.col(column).replace_strict(alpha2, default=None, return_dtype=pl.String).str.to_uppercase()
        else:
            expr = _spell(column, READ_MAPPINGS.get(f"{variable}@ctdc2017") or READ_MAPPINGS[variable])
        out.append(expr.fill_null("-99").alias(variable))
    for variable, column in layout.CTDC2017_BINARY.items():
        out.append(pl.when(pl.col(column)).then(pl.lit("1")).when(~pl.col(column)).then(pl.lit("0"))
                   .otherwise(pl.lit("-99")).alias(variable))
    return frame.select(out).select(layout.CTDC2017_COLUMNS)


def _spell(column: str, mapping_name: str) -> pl.Expr:
    table = codes.reverse(mapping_name)
    return pl.col(column).replace_strict(table, default=None, return_dtype=pl.String)


def _write(column: str, mapping_name: str) -> pl.Expr:
    table = {k: v for k, v in vocab.mapping_info(mapping_name).pairs.items() if v is not None}
    return pl.col(column).replace_strict(table, default=None, return_dtype=pl.String)


def _one_or_empty(expr: pl.Expr) -> pl.Expr:
    return pl.when(expr.fill_null(False)).then(pl.lit("1")).otherwise(pl.lit(None, dtype=pl.String))


def _v2024_indicator(column: str) -> pl.Expr:
    """A v2024 indicator, derived from the granular 2017 columns when the row came from a 2017 source."""
    if column.startswith("means_group_"):
        group = column.removeprefix("means_group_")
        members = [m for m, g in vocab.mapping("ctip.means->ctip.means_group").items() if g == group]
        return pl.col(column).fill_null(pl.any_horizontal([pl.col(f"means_{m}") for m in members]))
    if column == "exploit_forced_labour":
        return pl.any_horizontal(pl.col(column), pl.col("exploit_sex_and_labour"))
    if column == "exploit_sexual_exploitation":
        return pl.any_horizontal(pl.col(column), pl.col("exploit_sex_and_labour"))
    if column == "exploit_other":
        return pl.any_horizontal([pl.col(f"exploit_{e}") for e in layout.OTHER_EXPLOIT_2024])
    return pl.col(column)
