"""The filter form above both dashboards: choices drawn from the data the dashboard shows."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ctip import vocab
from ctip.dashboard.sources import Source
from ctip.datahub.wording import contributor_label
from ctip.stats.categories import groups
from ctip.stats.labels import label


def _countries(indicators, variable: str, lang: str, min_count: int) -> list[tuple[str, str]]:
    codes = [code for code, n in indicators.breakdown(variable).counts.items() if n >= min_count]
    return sorted(((code, label("iso3166.alpha3", code, lang)) for code in codes), key=lambda c: c[1])


def filter_form(source: Source, keys: list[str], lang: str, min_count: int) -> list[dict]:
    """One entry per filter: name, label, kind (select or year) and choices (code, label).

    Countries with fewer than ``min_count`` victims are left out, as on the maps.
    """
    with source.indicators() as indicators:
        years = [int(y) for y in indicators.breakdown("year").counts]
        fields = [
            {"name": "year_from", "label": _("From year"), "kind": "year", "min": min(years, default=""),
             "max": max(years, default="")},
            {"name": "year_to", "label": _("To year"), "kind": "year", "min": min(years, default=""),
             "max": max(years, default="")},
            {"name": "contributor", "label": _("Contributor"), "kind": "select",
             "choices": [(c, contributor_label(c)) for c in sorted(indicators.breakdown("contributor").counts)]},
            {"name": "citizenship", "label": _("Citizenship"), "kind": "select",
             "choices": _countries(indicators, "citizenship", lang, min_count)},
            {"name": "exploitation_country", "label": _("Country of exploitation"), "kind": "select",
             "choices": _countries(indicators, "exploitation_country", lang, min_count)},
        ]
    fields += [
        {"name": "sex", "label": _("Sex"), "kind": "select",
         "choices": [(c, label("ctip.gender", c, lang)) for c in vocab.codes("ctip.gender")]
         + [("unknown", _("Unknown"))]},
        {"name": "age_group", "label": _("Age group"), "kind": "select",
         "choices": [(c, label("stats.child_status", c, lang)) for c in vocab.codes("stats.child_status")]
         + [("unknown", _("Unknown"))]},
        {"name": "form", "label": _("Form of exploitation"), "kind": "select",
         "choices": [(c.code, label("stats.form", c.code, lang)) for c in groups()["exploitation"].categories]},
    ]
    return [f for f in fields if f["name"] in keys]
