"""Dashboard pages and their per-chart JSON endpoints (thin: figures come from ``ctip.stats``).

``/dashboard/`` (capability ``dashboard.internal``) draws the whole collaborative dataset;
``/public/`` (anonymous) draws only the latest published release and says so when there is none, and
describes that release ("About this data"); ``/public/files/<name>`` serves its protected files and READMEs
(``ctip.disclosure.readme.PUBLIC_FILES``), nothing else.
"""

from __future__ import annotations

import logging

from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ctip.accounts.permissions import capability_required
from ctip.dashboard import sources
from ctip.dashboard.charts import CHARTS, TITLES, Context
from ctip.dashboard.filters import filter_form
from ctip.disclosure import readme
from ctip.disclosure.registry import latest_published
from ctip.stats import FilterError, Filters
from ctip.stats.labels import COUNTRY_SCHEME, label

logger = logging.getLogger(__name__)
PUBLIC_MIN_COUNT = 10  # maps and flows hide countries with fewer victims (CTDC practice)
FILTER_KEYS = ["year_from", "year_to", "contributor", "citizenship", "exploitation_country", "sex",
               "age_group", "form"]
PUBLIC_FILTER_KEYS = [k for k in FILTER_KEYS if k != "contributor"]
COUNTRY_FILTERS = ("citizenship", "exploitation_country")


def _lang() -> str:
    return "mn" if (get_language() or "en").startswith("mn") else "en"


def _form(source: sources.Source, keys: list[str], min_count: int) -> list[dict]:
    return sources.cached((source.version, "filter-form", tuple(keys), _lang()),
                          lambda: filter_form(source, keys, _lang(), min_count))


def _filters(request: HttpRequest, source: sources.Source, keys: list[str], min_count: int) -> Filters:
    """The request's filters; on the public side a country hidden from the maps cannot be selected."""
    filters = Filters.from_mapping({k: request.GET.get(k, "") for k in keys})
    if min_count > 1:
        selected = filters.as_dict()
        for field in _form(source, keys, min_count):
            value = selected.get(field["name"])
            if field["name"] in COUNTRY_FILTERS and value and value not in dict(field["choices"]):
                country = label(COUNTRY_SCHEME, value, _lang())
                raise FilterError(_("No statistics are published for %(country)s: fewer than %(k)s victims.")
                                  % {"country": country, "k": min_count})
    return filters


def _chart_json(request: HttpRequest, source: sources.Source, chart: str, keys: list[str],
                min_count: int) -> JsonResponse:
    if chart not in CHARTS:
        raise Http404(_("No such chart."))
    try:
        filters = _filters(request, source, keys, min_count)
    except FilterError as exc:
        return JsonResponse({"error": filter_error_text(exc)}, status=400)
    if filters.as_dict() and not source.filterable:
        return JsonResponse({"error": _("This release publishes tables of protected counts only, which cannot "
                                        "be filtered further.")}, status=400)
    lang = _lang()
    key = (source.version, chart, tuple(sorted(filters.as_dict().items())), lang)

    def compute() -> dict:
        with source.indicators() as indicators:
            return CHARTS[chart](Context(indicators, filters, lang, min_count, source.version))

    payload = sources.cached(key, compute)
    return JsonResponse({"chart": chart, **payload}, json_dumps_params={"ensure_ascii": False})


def _page(request: HttpRequest, template: str, source: sources.Source, keys: list[str], chart_url: str,
          min_count: int, **extra) -> HttpResponse:
    try:
        filters = _filters(request, source, keys, min_count)
        error = ""
    except FilterError as exc:
        filters, error = Filters(), filter_error_text(exc)
    form = _form(source, keys, min_count) if source.filterable else []
    selected = filters.as_dict()
    form = [{**field, "value": str(selected.get(field["name"], ""))} for field in form]
    config = {"chartUrl": chart_url, "query": request.GET.urlencode() if not error else "",
              "geojson": static("dashboard/world.geojson")}
    return render(request, template, {"form": form, "filter_error": error, "config": config,
                                      "messages_js": _script_messages(), "charts": list(TITLES.items()),
                                      "source": source, "min_count": min_count, **extra})


FILTER_LABELS = {"year_from": gettext_lazy("From year"), "year_to": gettext_lazy("To year"),
                 "sex": gettext_lazy("Sex"), "age_group": gettext_lazy("Age group"),
                 "form": gettext_lazy("Form of exploitation"), "citizenship": gettext_lazy("Citizenship"),
                 "exploitation_country": gettext_lazy("Country of exploitation")}
# The vocabulary naming the values of each choice filter, to word "choose one of" with labels, not codes.
CHOICE_SCHEMES = {"sex": "ctip.gender", "age_group": "stats.child_status", "form": "stats.form"}


def filter_error_text(exc: FilterError) -> str:
    """The filter error in the page's language (the statistics core words it in English only)."""
    p = exc.params
    field = str(FILTER_LABELS.get(str(p.get("field", "")), p.get("field", "")))
    if exc.code == "year_range":
        return _("The year range is empty: from %(start)s to %(end)s.") % {"start": p["year_from"],
                                                                           "end": p["year_to"]}
    if exc.code == "year":
        return _("%(field)s must be a year such as 2019, not “%(value)s”.") % {"field": field, "value": p["value"]}
    if exc.code == "country":
        return _("“%(value)s” is not a country code for %(field)s; use an ISO 3166 code such as MNG.") % {
            "field": field, "value": p["value"]}
    if exc.code in ("sex", "age_group", "form"):
        scheme = CHOICE_SCHEMES[exc.code]
        expected = ", ".join(_("Unknown") if code == "unknown" else label(scheme, code, _lang())
                             for code in str(p["expected"]).split(", "))
        return _("“%(value)s” is not a value of %(field)s; choose one of: %(expected)s.") % {
            "field": field, "value": p["value"], "expected": expected}
    return str(exc)  # errors worded by the pages themselves are translated already


def _script_messages() -> dict[str, str]:
    """Strings the chart script shows, in the page's language."""
    return {"victims": _("Victims"), "share": _("Share"), "noData": _("No data for these filters."),
            "error": _("This chart could not be loaded."), "year": _("Year"),
            "per100k": _("Victims per 100,000 population")}


@require_GET
@capability_required("dashboard.internal")
def internal(request: HttpRequest) -> HttpResponse:
    """The internal dashboard over the whole collaborative dataset (analysts and above)."""
    source = sources.internal_source()
    return _page(request, "dashboard/internal.html", source, FILTER_KEYS,
                 reverse("dashboard:internal_chart", args=["CHART"]), min_count=1)


@require_GET
@capability_required("dashboard.internal")
def internal_chart(request: HttpRequest, chart: str) -> JsonResponse:
    """One chart's JSON for the internal dashboard."""
    return _chart_json(request, sources.internal_source(), chart, FILTER_KEYS, min_count=1)


@require_GET
def public(request: HttpRequest) -> HttpResponse:
    """The public dashboard: the latest published release, or a notice that none exists (or that the
    published release cannot be read: a damaged file shows no figure rather than an error page)."""
    source = sources.public_source()
    if source is None:
        return render(request, "dashboard/public_none.html")
    try:
        return _page(request, "dashboard/public.html", source, PUBLIC_FILTER_KEYS,
                     reverse("dashboard:public_chart", args=["CHART"]), min_count=PUBLIC_MIN_COUNT,
                     release_id=source.release_id, about=_about(source), downloads=_downloads(source.release))
    except (OSError, ValueError):  # InvalidFile and the tables' errors are ValueErrors
        logger.exception("published release %s cannot be read", source.release_id)
        return render(request, "dashboard/public_none.html", {"unreadable": source.release_id}, status=503)


@require_GET
def public_chart(request: HttpRequest, chart: str) -> JsonResponse:
    """One chart's JSON from the latest published release; 404 while none is published."""
    source = sources.public_source()
    if source is None:
        raise Http404(_("No release has been published yet."))
    try:
        return _chart_json(request, source, chart, PUBLIC_FILTER_KEYS, min_count=PUBLIC_MIN_COUNT)
    except (OSError, ValueError):
        logger.exception("published release %s cannot be read", source.release_id)
        return JsonResponse({"error": _("The published figures cannot be read at the moment.")}, status=503)


# What each public file is, for the download list (the file names themselves stay as they are).
FILE_DESCRIPTIONS = {
    "records.csv": gettext_lazy("the released records, one line each, in the CTDC v2024 format (synthetic records are not real people)"),
    "records_generalised.csv": gettext_lazy("the same records with their generalised values (wider age bands, "
                                            "periods of years, regions)"),
    "aggregates.csv": gettext_lazy("the protected counts"),
    "README.md": gettext_lazy("how the data were protected and how to use and cite them, in English"),
    "README.mn.md": gettext_lazy("how the data were protected and how to use and cite them, in Mongolian"),
}
CONTENT_TYPES = {".csv": "text/csv; charset=utf-8", ".md": "text/markdown; charset=utf-8"}


def _about(source: sources.Source) -> dict:
    """"About this data": the published release's method, privacy parameters, records, percentages and
    citation in the page's language (the README's own sentences), cached per release version and language."""
    release = source.release

    def compute() -> dict:
        facts = readme.summary(readme.release_manifest(release.path), _lang())
        return {**facts, "published": (release.published_at or "")[:10]}

    return sources.cached((source.version, "about", _lang()), compute)


def _size(n_bytes: int) -> str:
    if n_bytes < 1024 * 1024:
        return _("%(size)s kB") % {"size": max(1, round(n_bytes / 1024))}
    return _("%(size)s MB") % {"size": f"{n_bytes / (1024 * 1024):.1f}"}


def _downloads(release) -> list[dict]:
    """The public files present in the release folder, in ``PUBLIC_FILES`` order (an older release without
    ``README.mn.md`` lists the English README only)."""
    readme_langs = {name: lang for lang, name in readme.README_NAMES.items()}
    found = [(name, release.file(name)) for name in readme.PUBLIC_FILES]
    return [{"name": name, "url": reverse("dashboard:public_file", args=[name]), "size": _size(path.stat().st_size),
             "description": FILE_DESCRIPTIONS[name], "lang": readme_langs.get(name, "")}
            for name, path in found if path]


@require_GET
def public_file(request: HttpRequest, name: str) -> FileResponse:
    """One public file of the latest published release, as a UTF-8 attachment. Any other name (reports,
    manifest, unknown names), a file the release lacks, or no published release at all: 404."""
    release = latest_published() if name in readme.PUBLIC_FILES else None
    path = release.file(name) if release is not None else None
    if path is None:
        raise Http404(_("No such file."))
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"{release.id}-{name}",
                        content_type=CONTENT_TYPES[path.suffix])
