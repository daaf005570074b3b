"""One object with every indicator, as ``ctip stats --json`` prints it.

The first keys are flat counts (``records``, ``gender``, ``majority``, ``sex_age``, ``exploitation``,
``citizenship``, ``flows``) so scripts can read them directly; ``breakdowns`` repeats every
breakdown with its denominator, missing count and shares.
"""

from __future__ import annotations

from ctip import vocab
from ctip.stats.engine import Breakdown, Indicators
from ctip.stats.filters import Filters

# The flat keys list every code of their vocabulary scheme (zero when absent), then ``unknown``.
FLAT_UNKNOWN = {"gender": "ctip.gender", "majority": "ctip.majority", "sex_age": "stats.sex_age"}
BREAKDOWNS = ["gender", "majority", "child_status", "sex_age", "age_band", "year", "citizenship",
              "exploitation_country", "border", "duration", "contributor", "data_source",
              "exploitation", "means", "sectors", "recruiter"]


def _with_unknown(breakdown: Breakdown, codes: list[str]) -> dict[str, int]:
    """Every code (zero when absent) and ``unknown`` (the missing records)."""
    flat = {code: breakdown.counts.get(code, 0) for code in codes}
    flat.update({k: v for k, v in breakdown.counts.items() if k not in flat})
    flat["unknown"] = breakdown.missing
    return flat


def headline(indicators: Indicators, filters: Filters | None = None) -> dict[str, object]:
    """Victims, share of children and of female victims, and the three leading forms of exploitation."""
    return headline_from(*(indicators.breakdown(v, filters) for v in HEADLINE_BREAKDOWNS))


HEADLINE_BREAKDOWNS = ("child_status", "gender", "exploitation")


def headline_from(child: Breakdown, gender: Breakdown, forms: Breakdown) -> dict[str, object]:
    """The headline figures from the three breakdowns they rest on (which callers may have cached)."""
    leading = sorted(((n, code) for code, n in forms.counts.items() if n), key=lambda x: -x[0])[:3]
    return {
        "records": child.total,
        "children": _part(child, "child"),
        "female": _part(gender, "female"),
        "leading_forms": [{"form": code, "count": n, "share": _pct(forms.share(code))} for n, code in leading],
        "forms_denominator": forms.denominator,
        "forms_missing": forms.missing,  # None where the source does not publish it
    }


def _part(breakdown: Breakdown, code: str) -> dict[str, object]:
    return {"count": breakdown.counts.get(code, 0), "share": _pct(breakdown.share(code)),
            "denominator": breakdown.denominator, "missing": breakdown.missing}


def _pct(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def summary(indicators: Indicators, filters: Filters | None = None) -> dict[str, object]:
    """Every indicator for the filtered records (see the module docstring for the shape)."""
    breakdowns = {name: indicators.breakdown(name, filters) for name in BREAKDOWNS}
    flows = indicators.flows(filters)
    exploitation = breakdowns["exploitation"]
    return {
        "filters": (filters or Filters()).as_dict(),
        "records": breakdowns["gender"].total,
        **{name: _with_unknown(breakdowns[name], vocab.codes(scheme)) for name, scheme in FLAT_UNKNOWN.items()},
        "exploitation": {"denominator": exploitation.denominator, "missing": exploitation.missing,
                         "counts": exploitation.counts},
        "citizenship": breakdowns["citizenship"].counts,
        "exploitation_country": breakdowns["exploitation_country"].counts,
        "flows": [{"citizenship": f.citizenship, "exploitation": f.exploitation, "count": f.count}
                  for f in flows.flows],
        "headline": headline(indicators, filters),
        "breakdowns": {name: b.to_dict() for name, b in breakdowns.items()},
    }
