"""Filters shared by every indicator: year range, contributor, countries, sex, age group, form.

A :class:`Filters` turns into one SQL ``WHERE`` clause with bound parameters, so the same filter
means the same records for every breakdown, chart and the command line.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from ctip import vocab
from ctip.stats.categories import CHILD_STATUS_SQL, groups

# Codes from the vocabulary, plus ``unknown`` for records with the variable missing.
SEXES = (*vocab.codes("ctip.gender"), "unknown")
AGE_GROUPS = (*vocab.codes("stats.child_status"), "unknown")


class FilterError(ValueError):
    """A filter value the indicators cannot use; the message names the filter and the valid values.

    ``code`` and ``params`` say the same in data (``str(self)`` is the English message), so that pages
    can show it in the reader's language: codes ``year_range``, ``year``, ``sex``, ``age_group``, ``form``,
    ``country`` (params: the filter's ``field`` and ``value``, and ``expected`` or ``year_from``/``year_to``).
    """

    def __init__(self, message: str, *, code: str = "", **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


@dataclass(frozen=True)
class Filters:
    """Which records an indicator counts. ``None`` means no restriction.

    >>> Filters(year_from=2015, sex="female").where()
    ('WHERE year_of_registration >= ? AND gender = ?', [2015, 'female'])
    """

    year_from: int | None = None
    year_to: int | None = None
    contributor: str | None = None
    citizenship: str | None = None
    exploitation_country: str | None = None
    sex: str | None = None
    age_group: str | None = None
    form: str | None = None

    def __post_init__(self) -> None:
        if self.year_from is not None and self.year_to is not None and self.year_from > self.year_to:
            raise FilterError(f"year range is empty: from {self.year_from} to {self.year_to}", code="year_range",
                              year_from=self.year_from, year_to=self.year_to)
        if self.sex is not None and self.sex not in SEXES:
            raise FilterError(f"unknown sex {self.sex!r}; expected one of {', '.join(SEXES)}", code="sex",
                              field="sex", value=self.sex, expected=", ".join(SEXES))
        if self.age_group is not None and self.age_group not in AGE_GROUPS:
            raise FilterError(f"unknown age group {self.age_group!r}; expected one of {', '.join(AGE_GROUPS)}",
                              code="age_group", field="age_group", value=self.age_group,
                              expected=", ".join(AGE_GROUPS))
        if self.form is not None:
            forms = [c.code for c in groups()["exploitation"].categories]
            if self.form not in forms:
                raise FilterError(f"unknown form of exploitation {self.form!r}; expected one of {', '.join(forms)}",
                                  code="form", field="form", value=self.form, expected=", ".join(forms))
        for name in ("citizenship", "exploitation_country"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, country_code(value, name))

    @classmethod
    def from_mapping(cls, values: dict[str, str]) -> Filters:
        """Build from text values (query string, CLI); empty values mean no restriction."""
        kwargs: dict[str, object] = {}
        for f in fields(cls):
            raw = (values.get(f.name) or "").strip()
            if not raw:
                continue
            if f.name.startswith("year_"):
                if not raw.isdigit():
                    raise FilterError(f"{f.name.replace('_', ' ')} must be a year such as 2019; got {raw!r}",
                                      code="year", field=f.name, value=raw)
                kwargs[f.name] = int(raw)
            else:
                kwargs[f.name] = raw
        return cls(**kwargs)

    def as_dict(self) -> dict[str, object]:
        """The filters that are set, for reports and cache keys."""
        return {k: v for k, v in asdict(self).items() if v is not None}

    def where(self) -> tuple[str, list[object]]:
        """The SQL ``WHERE`` clause (empty when nothing is filtered) and its parameters."""
        clauses: list[str] = []
        params: list[object] = []
        if self.year_from is not None:
            clauses.append("year_of_registration >= ?")
            params.append(self.year_from)
        if self.year_to is not None:
            clauses.append("year_of_registration <= ?")
            params.append(self.year_to)
        for column, value in (("contributor", self.contributor), ("citizenship", self.citizenship),
                              ("country_of_exploitation", self.exploitation_country)):
            if value is not None:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.sex == "unknown":
            clauses.append("gender IS NULL")
        elif self.sex is not None:
            clauses.append("gender = ?")
            params.append(self.sex)
        if self.age_group == "unknown":
            clauses.append(f"({CHILD_STATUS_SQL}) IS NULL")
        elif self.age_group is not None:
            clauses.append(f"({CHILD_STATUS_SQL}) = ?")
            params.append(self.age_group)
        if self.form is not None:
            clauses.append(groups()["exploitation"].category(self.form).sql())
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def country_code(value: str, field: str) -> str:
    """ISO 3166-1 alpha-3 for an alpha-2 or alpha-3 code; a clear error otherwise."""
    try:
        return vocab.country_alpha3(value.strip())
    except (LookupError, ValueError) as exc:
        label = field.replace("_", " ")
        raise FilterError(f"unknown country {value!r} for {label}; expected an ISO 3166 code such as MNG",
                          code="country", field=field, value=value) from exc
