"""The dashboard's charts: each turns the indicators into one JSON payload for one chart.

A payload carries everything the page shows: the title, the kind of chart, the rows (code, label,
count, share) that feed the chart, its table view and its CSV, and a note stating the denominator
and the missing share. Labels come from ``ctip.vocab`` in the page's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import polars as pl
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctip.dashboard.sources import cached
from ctip.stats import Breakdown, FilterError, Filters, Indicators
from ctip.stats.labels import label
from ctip.stats.population import current_path, current_source, installed_path, load_population
from ctip.stats.sdg import sdg_latest_year
from ctip.stats.summary import HEADLINE_BREAKDOWNS, headline_from
from ctip.stats.tables import ReleaseTables

FLOW_LIMIT = 40  # largest flows drawn in the Sankey diagram; the table lists the same ones


@dataclass(frozen=True)
class Context:
    """What a chart is drawn from: the reader, the filters, the language and the disclosure threshold."""

    indicators: Indicators | ReleaseTables
    filters: Filters
    lang: str
    min_count: int  # counts below this are hidden on maps and flows (public: 10)
    version: str  # the source's version: breakdowns are cached per version and filters

    def breakdown(self, variable: str) -> Breakdown:
        """A breakdown, shared between the charts that rest on it (e.g. headline and forms)."""
        key = (self.version, "breakdown", variable, tuple(sorted(self.filters.as_dict().items())))
        return cached(key, lambda: self.indicators.breakdown(variable, self.filters))


def _pct(value: float | None) -> str:
    return "–" if value is None else number_format(round(value, 1), 1)


def _percent(value: float | None) -> str:
    """``36.9 %``, or a dash alone when there is no share (no record with the variable known)."""
    return "–" if value is None else f"{_pct(value)}\u00a0%"


def _note(b: Breakdown, rule: str) -> str:
    if b.missing is None:  # a release's tables publish neither the missing records nor group denominators
        if b.denominator is None:
            return _("Protected counts from the release's tables. How many victims have at least one category "
                     "recorded is not published, so no shares are shown.")
        return _("Denominator: %(denominator)s %(rule)s, from the release's tables; how many have it missing "
                 "is not published.") % {"denominator": number_format(b.denominator, force_grouping=True),
                                        "rule": rule}
    note = _("Denominator: %(denominator)s %(rule)s. Missing: %(missing)s of %(total)s records (%(share)s %%).") % {
        "denominator": number_format(b.denominator, force_grouping=True), "rule": rule,
        "missing": number_format(b.missing, force_grouping=True),
        "total": number_format(b.total, force_grouping=True), "share": _pct(b.missing_share),
    }
    if b.multi:
        note += " " + _("A victim can be counted in several categories, so shares may add up to more than 100 %.")
    return note


def _payload(kind: str, title: str, b: Breakdown, first_column: str, ctx: Context, *, rule: str,
             hidden_below: int = 0) -> dict:
    rows = [{"code": code, "label": label(b.vocab, code, ctx.lang), "count": n, "share": _round(b.share(code))}
            for code, n in b.counts.items()]
    note = _note(b, rule)
    if hidden_below:
        shown = [r for r in rows if r["count"] >= hidden_below]
        if len(shown) < len(rows):
            note += " " + _("Countries with fewer than %(k)s victims are not shown.") % {"k": hidden_below}
        rows = shown
    return {
        "kind": kind, "title": title, "note": note, "denominator": b.denominator, "missing": b.missing,
        "total": b.total, "multi": b.multi, "rows": rows,
        "columns": [first_column, str(_("Victims")), str(_("Share of denominator (%)"))],
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


TITLES = {
    "headline": gettext_lazy("Headline figures"),
    "forms": gettext_lazy("Forms of exploitation"),
    "sex_age": gettext_lazy("Sex and age"),
    "trend": gettext_lazy("Victims by year of registration"),
    "map_citizenship": gettext_lazy("Victims by citizenship"),
    "map_exploitation": gettext_lazy("Victims by country of exploitation"),
    "border": gettext_lazy("Domestic and cross-border trafficking"),
    "flows": gettext_lazy("Flows: citizenship → country of exploitation"),
    "means": gettext_lazy("Means of control"),
    "sectors": gettext_lazy("Sectors of labour exploitation"),
    "recruiter": gettext_lazy("Relation to the recruiter"),
    "duration": gettext_lazy("Duration of trafficking (months)"),
    "sdg": gettext_lazy("SDG 16.2.2: detected victims per 100,000 population"),
}
KNOWN = gettext_lazy("records with this variable known")
ANY_YES = gettext_lazy("records with at least one category recorded")


def _basis(known: str, denominator: int | None, missing: int | None) -> str:
    """"of N with age known; M unknown", leaving out what the source does not publish."""
    if denominator is None:
        return _("shares not published in this release's tables")
    text = _("of %(n)s with %(what)s known") % {"n": number_format(denominator, force_grouping=True),
                                                "what": known}
    if missing is not None:
        text += "; " + _("%(m)s unknown") % {"m": number_format(missing, force_grouping=True)}
    return text


def chart_headline(ctx: Context) -> dict:
    """Victims, share of children and of female victims, the leading forms of exploitation."""
    h = headline_from(*(ctx.breakdown(v) for v in HEADLINE_BREAKDOWNS))
    forms = ", ".join(label("stats.form", f["form"], ctx.lang) + ("" if f["share"] is None else
                      f" ({_pct(f['share'])}\u00a0%)") for f in h["leading_forms"]) or "–"
    victims = ("–", _("not published in this release's tables")) if h["records"] is None else (
        number_format(h["records"], force_grouping=True), _("records matching the filters"))
    children, female = h["children"], h["female"]
    rows = [
        {"code": "victims", "label": _("Victims"), "value": victims[0], "detail": victims[1]},
        {"code": "children", "label": _("Children"), "value": _percent(children["share"]),
         "detail": _basis(_("age"), children["denominator"], children["missing"])},
        {"code": "female", "label": _("Female"), "value": _percent(female["share"]),
         "detail": _basis(_("sex"), female["denominator"], female["missing"])},
        {"code": "forms", "label": _("Leading forms of exploitation"), "value": forms,
         "detail": _basis(_("a form of exploitation"), h["forms_denominator"], h["forms_missing"])},
    ]
    return {"kind": "headline", "title": str(TITLES["headline"]), "rows": rows,
            "note": _("Children: majority status when recorded, else the age band."),
            "columns": [str(_("Figure")), str(_("Value")), str(_("Basis"))], "total": h["records"]}


def _breakdown_chart(chart: str, variable: str, kind: str, first_column, rule=KNOWN) -> Callable[[Context], dict]:
    def build(ctx: Context) -> dict:
        b = ctx.breakdown(variable)
        hidden = ctx.min_count if kind == "map" else 0
        return _payload(kind, str(TITLES[chart]), b, str(first_column), ctx, rule=str(rule), hidden_below=hidden)

    return build


def chart_trend(ctx: Context) -> dict:
    """Victims by year of registration; a year without records inside the range shows as 0 instead of
    vanishing from the axis (which would draw 2015 → 2019 as one step). A release's tables are left as
    published: there an absent year may be a suppressed cell, not a zero."""
    b = ctx.breakdown("year")
    if b.missing is not None and b.counts:
        years = [int(y) for y in b.counts]
        b = replace(b, counts={str(y): b.counts.get(str(y), 0) for y in range(min(years), max(years) + 1)})
    return _payload("line", str(TITLES["trend"]), b, str(_("Year")), ctx, rule=str(KNOWN))


def chart_flows(ctx: Context) -> dict:
    """The largest citizenship → exploitation flows (Sankey), small ones hidden on the public side."""
    flows = ctx.indicators.flows(ctx.filters)
    shown = [f for f in flows.flows if f.count >= ctx.min_count][:FLOW_LIMIT]
    b = Breakdown("flows", {}, flows.denominator, flows.missing, flows.total)
    note = _note(b, str(_("records with both countries known")))
    note += " " + _("The %(n)s largest flows are drawn.") % {"n": len(shown)}
    if ctx.min_count > 1:
        note += " " + _("Flows with fewer than %(k)s victims are not shown.") % {"k": ctx.min_count}
    rows = [{"source": f.citizenship, "source_label": label("iso3166.alpha3", f.citizenship, ctx.lang),
             "target": f.exploitation, "target_label": label("iso3166.alpha3", f.exploitation, ctx.lang),
             "count": f.count} for f in shown]
    return {"kind": "sankey", "title": str(TITLES["flows"]), "note": note,
            "rows": rows, "denominator": flows.denominator, "missing": flows.missing, "total": flows.total,
            "columns": [str(_("Citizenship")), str(_("Country of exploitation")), str(_("Victims"))]}


def _population_source() -> str:
    """Where the SDG chart's population figures come from, in the page's language."""
    if current_path() == installed_path():
        return current_source()  # the citation given when it was installed, as written
    return _("United Nations, Department of Economic and Social Affairs, Population Division (2019), World "
             "Population Prospects 2019, CC BY 3.0 IGO")


def chart_sdg(ctx: Context) -> dict:
    """SDG 16.2.2, detected victims per 100,000 population, by country of exploitation, for the latest
    year the filtered records and the population table share (small countries hidden on the public side)."""
    columns = [str(_("Country of exploitation")), str(_("Victims")), str(_("Population")),
               str(_("Victims per 100,000 population"))]
    payload = {"kind": "rate", "title": str(TITLES["sdg"]), "rows": [], "columns": columns,
               "denominator": None, "missing": None, "total": None}
    if not isinstance(ctx.indicators, Indicators):
        return {**payload, "note": _("Rates need the records of a release; this release publishes tables only.")}
    try:
        year, table = sdg_latest_year(ctx.indicators, ctx.filters)
    except FilterError:  # a sex or age group the population table has no figures for
        return {**payload, "note": _("There are population figures for female and male children and adults "
                                     "only: choose another sex or age group to see rates.")}
    if year is None:
        last = int(load_population()["year"].max())
        if any(int(y) > last for y in ctx.breakdown("year").counts):
            return {**payload, "note": _("The population table ends in %(year)s: there are no population figures "
                                         "for the years selected.") % {"year": last}}
        return {**payload, "note": _("No record with a year and a country of exploitation matches the filters.")}
    rated = table.filter(pl.col("per_100k").is_not_null())
    shown = [r for r in rated.sort("per_100k", descending=True).iter_rows(named=True) if r["victims"] >= ctx.min_count]
    rows = [{"code": r["country"], "label": label("iso3166.alpha3", r["country"], ctx.lang), "count": r["victims"],
             "population": r["population"], "rate": r["per_100k"]} for r in shown]
    note = _("Year of registration %(year)s (the latest with population figures); the country is the country of "
             "exploitation. Population: %(source)s.") % {"year": year, "source": _population_source()}
    unrated = int(table.filter(pl.col("per_100k").is_null())["victims"].sum())
    if unrated:
        note += " " + _("%(n)s victims in countries without population figures are not counted.") % {
            "n": number_format(unrated, force_grouping=True)}
    if len(shown) < rated.height:
        note += " " + _("Countries with fewer than %(k)s victims are not shown.") % {"k": ctx.min_count}
    return {**payload, "rows": rows, "note": note}


CHARTS: dict[str, Callable[[Context], dict]] = {
    "headline": chart_headline,
    "forms": _breakdown_chart("forms", "exploitation", "bar", gettext_lazy("Form of exploitation"), ANY_YES),
    "sex_age": _breakdown_chart("sex_age", "sex_age", "bar", gettext_lazy("Group"),
                                gettext_lazy("records with sex and age known")),
    "trend": chart_trend,
    "map_citizenship": _breakdown_chart("map_citizenship", "citizenship", "map", gettext_lazy("Citizenship")),
    "map_exploitation": _breakdown_chart("map_exploitation", "exploitation_country", "map",
                                         gettext_lazy("Country of exploitation")),
    "border": _breakdown_chart("border", "border", "bar", gettext_lazy("Kind"),
                               gettext_lazy("records with both countries known")),
    "flows": chart_flows,
    "means": _breakdown_chart("means", "means", "bar", gettext_lazy("Means of control"), ANY_YES),
    "sectors": _breakdown_chart("sectors", "sectors", "bar", gettext_lazy("Sector"), ANY_YES),
    "recruiter": _breakdown_chart("recruiter", "recruiter", "bar", gettext_lazy("Relation"), ANY_YES),
    "duration": _breakdown_chart("duration", "duration", "bar", gettext_lazy("Months")),
    "sdg": chart_sdg,
}
