"""The de-identified extract: case-store cases as rows of the collaborative dataset (``dataset/schema.py``).

Which cases: every case whose person's consent to non-identifiable reporting (``statistics``) is in force
at the moment of the extract, except people at risk and cases determined "not a victim". Withdrawing
that consent removes the case at the next extract, because ``push_extract`` replaces all of the case
store's rows in the dataset at once.

One row per case, so a person with two cases is two records. A case is one trafficking situation and
its assistance: a worker opens a second case for a returning person (``services.case_create_for_person``)
when they were trafficked again, and continues the open case when it is the same situation. CTDC rows are
"victims of trafficking case records", each describing one situation (its year of registration, means,
type and country of exploitation, duration); merging two situations into one row would mix them or drop
one, and UNODC's counts of detected victims likewise count a person in each year they are detected. What
the dataset counts is therefore registrations of victims, not distinct people (docs/cases-same-person.md). The rows
carry nothing that links them to one another: no person key crosses, on purpose.

What crosses: only coarse, coded facts — the year of registration (never a date), countries (never a
place), the CTDC age band (never an age), sex and vocabulary codes. No name, identity number, contact,
free text, case id or database id crosses: rows are sorted by their own values, so not even the order of
cases survives, and the dataset gives each row a new id of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

import polars as pl
from django.db.models import Exists, OuterRef, Prefetch

from ctip import vocab
from ctip.cases.models import Case, Consent, ConsentPurpose, Module, Screening, TraffickingEvent
from ctip.dataset import schema

CONTRIBUTOR = "casestore"
EXCLUDED_STATUS = "NotAVictimOfTrafficking"


def age_band(age: int | None) -> str | None:
    """The CTDC age band (``ctdc.age_band`` code) containing ``age``."""
    if age is None:
        return None
    for code in vocab.codes("ctdc.age_band"):
        low, _, high = code.partition("-")
        if code.endswith("+") and age >= int(code[:-1]):
            return code
        if high and int(low) <= age <= int(high):
            return code
    return None


def traffick_months(months: int | None) -> str | None:
    if months is None:
        return None
    return "0-12" if months <= 12 else "13-24" if months <= 24 else "25+"


def _majority(age: int | None) -> str | None:
    return None if age is None else ("minor" if age < 18 else "adult")


def _binary_group(group: str, true_codes: Iterable[str | None], prefix: str) -> dict[str, bool | None]:
    """Set a binary group: NULL throughout when nothing is known, else TRUE for each code and FALSE elsewhere."""
    columns = schema.BINARY_GROUPS[group]
    hits = {f"{prefix}{c}" for c in true_codes if c}
    if not hits:
        return dict.fromkeys(columns)
    return {c: c in hits for c in columns}


def _many(mapping: str, codes: Iterable[str]) -> list[str]:
    table = vocab.mapping(mapping)
    out: list[str] = []
    for code in codes:
        value = table.get(code)
        out.extend(value if isinstance(value, tuple | list) else [value] if value else [])
    return out


def case_row(case: Case) -> dict:
    """One dataset row (data columns only) for a case, with its person, events and screenings prefetched."""
    person = case.person
    age = person.age_at(case.registered_on)  # a returning person is older at their second case
    means = _many("htcds.vic_MethodsOfControl->ctip.means", case.methods_of_control)
    exploit = _many("htcds.vic_TypeOfExploitation->ctip.exploit", case.exploitation_types)
    if "sexual_exploitation" in exploit and "forced_labour" in exploit:
        exploit.append("sex_and_labour")
    exploitation_countries = [e.country for e in case.events.all() if e.event_type == "Exploitation" and e.country]
    screening = next(iter(case.screenings.all()), None)
    means_given = (screening.interview.get("means") or []) if screening else []
    row = {
        "data_source": "case_management",
        "year_of_registration": case.registered_on.year,
        "gender": vocab.mapping("htcds.prs_Gender->ctip.gender").get(person.gender) if person.gender else None,
        "age_band": age_band(age),
        "majority_status": "minor" if person.is_child_on(case.registered_on) else _majority(age),
        "majority_status_at_exploit": _majority(case.age_when_trafficked),
        "majority_entry": _majority(case.age_when_trafficked),
        "citizenship": person.citizenship or None,
        "country_of_exploitation": exploitation_countries[0] if exploitation_countries else None,
        "traffick_months": traffick_months(case.exploitation_months),
        "is_abduction": True if "abduction" in means_given else None,
    }
    row |= _binary_group("means", means, "means_")
    row |= _binary_group("means_group", _many("ctip.means->ctip.means_group", means), "means_group_")
    row |= _binary_group("exploit", exploit, "exploit_")
    sector = vocab.mapping("htcds.vic_ForcedLabourIndustry->ctip.sector").get(case.labour_sector)
    row |= _binary_group("sector", [sector] if sector else [], "sector_")
    row |= _binary_group("sex", _many("htcds.vic_TypeOfSexExploitation->ctip.sex", case.sex_exploitation_types),
                         "sex_")
    recruiter = vocab.mapping("htcds.vic_RelationshipToTrafficker->ctip.recruiter").get(
        case.relationship_to_trafficker)
    row |= _binary_group("recruiter", [recruiter] if recruiter else [], "recruiter_")
    return row


def eligible_cases():
    """Cases whose consent to non-identifiable reporting is in force now (and that are victims or possibly so)."""
    consent = Consent.objects.filter(case=OuterRef("pk"), purpose=ConsentPurpose.STATISTICS,
                                     withdrawn_at__isnull=True)
    return (Case.objects.filter(Exists(consent)).exclude(module=Module.AT_RISK)
            .exclude(trafficking_status=EXCLUDED_STATUS)
            .select_related("person")
            .prefetch_related(Prefetch("events", queryset=TraffickingEvent.objects.order_by("date", "id")),
                              Prefetch("screenings", queryset=Screening.objects.order_by("-created_at", "-id"))))


def build_extract(*, chunk: int = 2000) -> pl.DataFrame:
    """The extract as a Polars frame in the dataset schema's data columns, rows sorted by value."""
    rows = [case_row(case) for case in eligible_cases().iterator(chunk_size=chunk)]
    types = {c.name: _polars_type(c.sql_type) for c in schema.COLUMNS if c.name in schema.DATA_COLUMNS}
    frame = pl.DataFrame(rows, schema=types, orient="row") if rows else pl.DataFrame(schema=types)
    frame = frame.select(schema.DATA_COLUMNS)
    return frame.sort(schema.DATA_COLUMNS, nulls_last=True)


def _polars_type(sql_type: str):
    return {"VARCHAR": pl.Utf8, "SMALLINT": pl.Int16, "INTEGER": pl.Int32, "BOOLEAN": pl.Boolean}[sql_type]


def push_extract(dataset=None):
    """Replace the case store's rows in the collaborative dataset with a fresh extract; return the report."""
    from ctip.dataset.store import Dataset

    dataset = dataset or Dataset()
    return dataset.replace_contributor(CONTRIBUTOR, build_extract(), source_format="casestore")
