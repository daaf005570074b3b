"""The plain-text report ``ctip stats`` prints: one table per breakdown, with denominators."""

from __future__ import annotations

from ctip.stats.labels import label

TITLES = {
    "gender": "Gender", "majority": "Majority status", "child_status": "Children (majority status, else age band)",
    "sex_age": "Sex and age (GLOTIP)", "age_band": "Age band", "year": "Year of registration",
    "citizenship": "Citizenship", "exploitation_country": "Country of exploitation",
    "border": "Domestic or cross-border", "duration": "Trafficking duration (months)",
    "contributor": "Contributor", "data_source": "Data source", "exploitation": "Forms of exploitation (GLOTIP)",
    "means": "Means of control", "sectors": "Sectors of labour exploitation", "recruiter": "Relation to the recruiter",
}


def _section(name: str, breakdown: dict) -> list[str]:
    denominator, missing, total = breakdown["denominator"], breakdown["missing"], breakdown["total"]
    rule = "records with at least one category = yes" if breakdown["multi"] else "records with a known value"
    lines = [f"{TITLES[name]}", f"  denominator {denominator} ({rule}); missing {missing} of {total}"]
    if breakdown["multi"]:
        lines.append("  a record may fall in several categories: shares may add up to more than 100 %")
    counts = breakdown["counts"]
    labels = {code: label(breakdown["vocab"], code) for code in counts}
    width = max((len(v) for v in labels.values()), default=0)
    for code, count in counts.items():
        share = breakdown["shares"][code]
        lines.append(f"  {labels[code]:<{width}}  {count:>9}  {'' if share is None else f'{share:6.1f} %'}")
    return lines


def text_report(result: dict) -> str:
    """Human-readable form of :func:`ctip.stats.summary`."""
    filters = ", ".join(f"{k}={v}" for k, v in result["filters"].items()) or "none"
    lines = [f"Records: {result['records']}   (filters: {filters})", ""]
    for name, breakdown in result["breakdowns"].items():
        lines += _section(name, breakdown) + [""]
    flows = result["flows"][:15]
    if flows:
        lines.append("Largest flows, citizenship -> country of exploitation")
        lines += [f"  {f['citizenship']} -> {f['exploitation']}  {f['count']:>9}" for f in flows]
    return "\n".join(lines).rstrip() + "\n"
