"""How the dataset's columns roll up into the categories the indicators report.

Everything here is SQL over the dataset schema (``ctip.dataset.schema``): derived variables
(child status, GLOTIP sex × age), the GLOTIP forms of exploitation, the CTDC v2024 merged means of
control, sectors and recruiter relations. The code lists and their labels live in ``ctip.vocab``
(``stats.*``, ``ctip.*``); the mapping from dataset columns to GLOTIP forms is the vocabulary
mapping ``ctip.exploit->glotip.form``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ctip.dataset.bitmaps import any_true_sql
from ctip.dataset.schema import BINARY_GROUPS, EXPLOITATION, MEANS, MEANS_GROUPS, RECRUITER, SECTORS

CHILD_AGE_BANDS = ("0-8", "9-17")
# Binary columns that record that the source did *not* say (CTDC 2017 "Not Specified" / "Unknown"): TRUE in
# one of them is no information about the group, so it neither counts as a category nor puts the record in
# the group's denominator (the CTDC codebook counts "only those who provided information"; CTDC v2024 has
# no such columns, so the same records give the same shares whether they came as 2017 or v2024 files).
UNSPECIFIED = frozenset({"means_not_specified", "sector_not_specified", "recruiter_unknown"})
FORM_MAPPING = "ctip.exploit->glotip.form"
MEANS_MAPPING = "ctip.means->ctip.means_group"

# Child status: majority status when present, else the age band (CTDC bands are split at 18).
CHILD_STATUS_SQL = (
    "CASE WHEN majority_status = 'minor' THEN 'child' WHEN majority_status = 'adult' THEN 'adult' "
    f"WHEN age_band IN ({', '.join(repr(b) for b in CHILD_AGE_BANDS)}) THEN 'child' "
    "WHEN age_band IS NOT NULL THEN 'adult' END"
)

# GLOTIP's sex × age groups; transgender / non-conforming people are kept apart instead of
# being folded into a binary group, and anyone whose sex or age is unknown is NULL (missing).
SEX_AGE_SQL = (
    "CASE WHEN gender = 'transgender_nonconforming' THEN 'transgender_nonconforming' "
    f"WHEN gender IN ('female', 'male') THEN CASE ({CHILD_STATUS_SQL}) "
    "WHEN 'adult' THEN CASE gender WHEN 'female' THEN 'women' ELSE 'men' END "
    "WHEN 'child' THEN CASE gender WHEN 'female' THEN 'girls' ELSE 'boys' END END END"
)

BORDER_SQL = (
    "CASE WHEN citizenship IS NULL OR country_of_exploitation IS NULL THEN NULL "
    "WHEN citizenship = country_of_exploitation THEN 'domestic' ELSE 'cross_border' END"
)


@dataclass(frozen=True)
class Category:
    """One reported category of a binary group: TRUE when any of its source columns is TRUE."""

    code: str
    columns: tuple[str, ...]

    def sql(self) -> str:
        """TRUE when any of its columns is TRUE, else FALSE (read from the group bitmaps)."""
        return any_true_sql(self.columns)


@dataclass(frozen=True)
class Group:
    """A group of binary fields with the CTDC denominator rule (at least one TRUE in ``columns``, the
    group's columns that carry information: ``UNSPECIFIED`` ones are left out)."""

    name: str
    vocab: str
    categories: tuple[Category, ...]
    columns: tuple[str, ...]

    def denominator_sql(self) -> str:
        """TRUE for records with at least one TRUE in the group (the CTDC denominator), else FALSE."""
        return any_true_sql(self.columns)

    def category(self, code: str) -> Category:
        """The category with this code; ``KeyError`` if there is none."""
        for category in self.categories:
            if category.code == code:
                return category
        raise KeyError(code)


def _means() -> tuple[Category, ...]:
    """The CTDC v2024 merged means of control (``ctip.means->ctip.means_group``, after Stöckl et al.
    2021), each TRUE when its v2024 column or any of its granular CTDC 2017 means is TRUE; then the
    granular means the merge leaves out but that say something (other), each on its own."""
    from ctip import vocab

    mapping = vocab.mapping(MEANS_MAPPING)
    categories = [Category(group, (f"means_group_{group}", *(f"means_{m}" for m in MEANS if mapping[m] == group)))
                  for group in MEANS_GROUPS]
    categories += [Category(m, (f"means_{m}",)) for m in MEANS
                   if mapping[m] is None and f"means_{m}" not in UNSPECIFIED]
    return tuple(categories)


def _forms() -> tuple[Category, ...]:
    """Forms of exploitation in GLOTIP's categories, in the order of the ``stats.form`` scheme.

    Each dataset ``exploit_*`` column goes to its GLOTIP form (``ctip.exploit->glotip.form``),
    except those GLOTIP files under "other forms" without being CTDC's ``isOtherExploit``: they
    keep a key of their own, so ``other`` stays exactly ``exploit_other``.
    """
    from ctip import vocab

    mapping = vocab.mapping(FORM_MAPPING)
    columns: dict[str, list[str]] = {code: [] for code in vocab.codes("stats.form")}
    for code in EXPLOITATION:
        form = mapping[code]
        key = code if form == "other" and code != "other" else form
        columns[key].append(f"exploit_{code}")
    return tuple(Category(code, tuple(cols)) for code, cols in columns.items() if cols)


def _informative(*names: str) -> tuple[str, ...]:
    """The columns of these schema groups that carry information (not ``UNSPECIFIED``)."""
    return tuple(c for name in names for c in BINARY_GROUPS[name] if c not in UNSPECIFIED)


def _one_each(prefix: str, codes: list[str]) -> tuple[Category, ...]:
    return tuple(Category(code, (f"{prefix}{code}",)) for code in codes if f"{prefix}{code}" not in UNSPECIFIED)


@cache
def groups() -> dict[str, Group]:
    """The binary groups the indicators report, by name."""
    return {
        "exploitation": Group("exploitation", "stats.form", _forms(), _informative("exploit")),
        "means": Group("means", "stats.means_of_control", _means(), _informative("means", "means_group")),
        "sectors": Group("sectors", "ctip.sector", _one_each("sector_", SECTORS), _informative("sector")),
        "recruiter": Group("recruiter", "ctip.recruiter", _one_each("recruiter_", RECRUITER),
                           _informative("recruiter")),
    }


# Single-valued variables: name -> (SQL expression, ctip.vocab scheme of its codes or None, input columns).
# A derived variable names its input columns: it is counted over their (few) distinct combinations,
# so its CASE expression runs on a handful of grouped rows instead of every record.
VARIABLES: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "gender": ("gender", "ctip.gender", ()),
    "majority": ("majority_status", "ctip.majority", ()),
    "child_status": (CHILD_STATUS_SQL, "stats.child_status", ("majority_status", "age_band")),
    "sex_age": (SEX_AGE_SQL, "stats.sex_age", ("gender", "majority_status", "age_band")),
    "age_band": ("age_band", "ctdc.age_band", ()),
    "year": ("year_of_registration", None, ()),
    "citizenship": ("citizenship", "iso3166.alpha3", ()),
    "exploitation_country": ("country_of_exploitation", "iso3166.alpha3", ()),
    "border": (BORDER_SQL, "stats.border", ("citizenship", "country_of_exploitation")),
    "duration": ("traffick_months", "ctdc.traffick_months", ()),
    "contributor": ("contributor", None, ()),
    "data_source": ("data_source", "ctip.data_source", ()),
}
