"""The collaborative dataset's one table, ``records``: one de-identified victim record per row.

This module is the contract between the importers (``ctip.exchange``), the case-store extract,
statistics (``ctip.stats``) and disclosure control (``ctip.disclosure``). It holds no names,
identifiers, free text, dates finer than a year, or places finer than a country, ever.

Conventions:
- Categorical values are ``ctip.vocab`` codes (lower snake case); NULL means missing / unknown.
- Binary indicators are BOOLEAN: TRUE (the source said 1 / yes), FALSE (the source said 0 / no),
  NULL (missing: -99, empty, NA, ...). For a group of binary columns, a record is in the group's
  denominator only if at least one column of the group is TRUE (the CTDC codebook rule).
- Countries are ISO 3166-1 alpha-3.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    description: str
    vocab: str | None = None  # ctip.vocab scheme holding the allowed codes
    group: str | None = None  # binary-indicator group this column belongs to


PROVENANCE = [
    Column("record_id", "VARCHAR", "stable id: sha256 of batch id and source row, hex, first 20 chars"),
    Column("batch_id", "VARCHAR", "import batch that wrote the row"),
    Column("contributor", "VARCHAR", "organisation that contributed the record"),
    Column("source_sha256", "VARCHAR", "SHA-256 of the imported file (or of the extract)"),
    Column("source_row", "INTEGER", "1-based data row number in the source file"),
    Column("source_format", "VARCHAR", "ctdc2017 | ctdc2024 | htcds-xlsx | htcds-csv | kobo | casestore"),
]

CORE = [
    Column("data_source", "VARCHAR", "case_management | hotline", vocab="ctip.data_source"),
    Column("year_of_registration", "SMALLINT", "year the victim was registered"),
    Column("gender", "VARCHAR", "female | male | transgender_nonconforming", vocab="ctip.gender"),
    Column("age_band", "VARCHAR", "CTDC age band at registration: 0-8 9-17 18-20 21-23 24-26 27-29 30-38 39-47 48+",
           vocab="ctdc.age_band"),
    Column("majority_status", "VARCHAR", "adult | minor, at registration", vocab="ctip.majority"),
    Column("majority_status_at_exploit", "VARCHAR", "adult | minor, when exploited", vocab="ctip.majority"),
    Column("majority_entry", "VARCHAR", "adult | minor, when entering the trafficking process", vocab="ctip.majority"),
    Column("citizenship", "VARCHAR", "ISO 3166-1 alpha-3", vocab="iso3166.alpha3"),
    Column("country_of_exploitation", "VARCHAR", "ISO 3166-1 alpha-3", vocab="iso3166.alpha3"),
    Column("traffick_months", "VARCHAR", "trafficking duration band: 0-12 | 13-24 | 25+", vocab="ctdc.traffick_months"),
    Column("is_abduction", "BOOLEAN", "the victim was abducted"),
]

MEANS = ["debt_bondage", "takes_earnings", "restricts_financial_access", "threats", "psychological_abuse",
         "physical_abuse", "sexual_abuse", "false_promises", "psychoactive_substances", "restricts_movement",
         "restricts_medical_care", "excessive_working_hours", "uses_children", "threat_of_law_enforcement",
         "withholds_necessities", "withholds_documents", "other", "not_specified"]
# CTDC v2024 merged groups of the granular means (derivable from them; stored for v2024 sources).
MEANS_GROUPS = ["debt_bondage_earnings", "threats", "abuse_psy_phy_sex", "false_promises", "drugs_alcohol",
                "deny_basic_needs", "excessive_work_hours", "withhold_documents"]
EXPLOITATION = ["forced_labour", "sexual_exploitation", "forced_criminality", "forced_marriage", "forced_begging",
                "illegal_adoption", "organ_removal", "forced_military", "slavery_and_practices", "child_labour",
                "servitude", "surrogacy", "other", "sex_and_labour"]
SECTORS = ["agriculture", "aquafarming", "begging", "construction", "domestic_work", "hospitality",
           "illicit_activities", "manufacturing", "mining_or_drilling", "peddling", "transportation", "other",
           "not_specified"]
SEX_TYPES = ["prostitution", "pornography", "remote_interactive_services", "private_sexual_services"]
RECRUITER = ["intimate_partner", "friend", "family", "other", "unknown"]

BINARY_GROUPS: dict[str, list[str]] = {
    "means": [f"means_{m}" for m in MEANS],
    "means_group": [f"means_group_{m}" for m in MEANS_GROUPS],
    "exploit": [f"exploit_{e}" for e in EXPLOITATION],
    "sector": [f"sector_{s}" for s in SECTORS],
    "sex": [f"sex_{s}" for s in SEX_TYPES],
    "recruiter": [f"recruiter_{r}" for r in RECRUITER],
}

COLUMNS: list[Column] = PROVENANCE + CORE + [
    Column(name, "BOOLEAN", f"binary indicator ({group})", group=group)
    for group, names in BINARY_GROUPS.items()
    for name in names
]
COLUMN_NAMES = [c.name for c in COLUMNS]
DATA_COLUMNS = [c.name for c in COLUMNS if c not in PROVENANCE]

# Group bitmaps (derived, not part of the record; see ``ctip.dataset.bitmaps``): one BIGINT per binary group.
BITMAPS: dict[str, str] = {group: f"bits_{group}" for group in BINARY_GROUPS}
