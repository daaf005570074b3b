"""Dataset rows as an HTCDS-shaped CSV: HTCDS v2.0 field names and codes, ``;``-joined multi-selects.

HTCDS v2.0 has no field for the year of registration, age band, majority status, country of
exploitation as a country, trafficking duration or abduction; those travel in ``ctip_*`` columns,
which ``ctip dataset import`` reads back. HTCDS records choices, not explicit "no": an indicator
that is FALSE is written as not chosen.
"""

from __future__ import annotations

import polars as pl

from ctip import vocab
from ctip.dataset import schema
from ctip.exchange import codes
from ctip.exchange import htcds_layout as layout
from ctip.exchange.parsed import with_all_columns

GROUP_FIELDS = {
    "means": ("vic_MethodsOfControl", "ctip.means->htcds.vic_MethodsOfControl"),
    "exploit": ("vic_TypeOfExploitation", "htcds.vic_TypeOfExploitation->ctip.exploit"),
    "sector": ("vic_ForcedLabourIndustry", "ctip.sector->htcds.vic_ForcedLabourIndustry"),
    "sex": ("vic_TypeOfSexExploitation", "htcds.vic_TypeOfSexExploitation->ctip.sex"),
    "recruiter": ("vic_RelationshipToTrafficker", "htcds.vic_RelationshipToTrafficker->ctip.recruiter"),
}


def to_htcds(frame: pl.DataFrame) -> pl.DataFrame:
    """One row per record: ``prs_Gender``, ``prs_Citizenship`` (alpha-2), the multi-select ``vic_*`` fields
    and the ``ctip_*`` extension columns."""
    gender = {k: v for k, v in vocab.mapping_info("ctip.gender->htcds.prs_Gender").pairs.items() if v}
    alpha2 = {a3: a2.upper() for a2, a3 in codes.countries().items() if len(a2) == 2}
    out: list[pl.Expr] = [
        pl.col("gender").replace_strict(gender, default=None, return_dtype=pl.String).alias("prs_Gender"),
        pl.col("citizenship").replace_strict(alpha2, default=None, return_dtype=pl.String).alias("prs_Citizenship"),
    ]
    for group, (field, mapping_name) in GROUP_FIELDS.items():
        out.append(_chosen(group, _to_htcds_codes(group, mapping_name)).alias(field))
    for name, (column, _) in layout.EXTENSIONS.items():
        expr = pl.col(column)
        if column == "is_abduction":
            expr = pl.when(expr).then(pl.lit("1")).when(~expr).then(pl.lit("0"))
        out.append(expr.cast(pl.String).alias(name))
    return with_all_columns(frame).select(out)


def _to_htcds_codes(group: str, mapping_name: str) -> dict[str, list[str]]:
    """Dataset code of the group -> HTCDS codes (mappings are stated in either direction)."""
    info = vocab.mapping_info(mapping_name)
    if info.source_scheme.startswith("ctip."):
        return {code: list(t) if info.many else ([t] if t else []) for code, t in info.pairs.items()}
    table: dict[str, list[str]] = {}
    for htcds_code, target in info.pairs.items():
        if target:
            table.setdefault(target, []).append(htcds_code)
    return table


def _chosen(group: str, table: dict[str, list[str]]) -> pl.Expr:
    parts = []
    for column in schema.BINARY_GROUPS[group]:
        for code in table.get(column.removeprefix(f"{group}_"), []):
            parts.append(pl.when(pl.col(column).fill_null(False)).then(pl.lit(code)))
    if not parts:
        return pl.lit(None, dtype=pl.String)
    joined = pl.concat_list(parts).list.drop_nulls().list.unique(maintain_order=True).list.join(";")
    return pl.when(joined == "").then(None).otherwise(joined)
