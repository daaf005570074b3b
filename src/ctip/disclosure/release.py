"""Build a release folder: run one method, check columns, charge the ledger, write the files.

The input is a frame in dataset-schema columns (converted to the 27 CTDC v2024 variables with
``ctip.exchange.ctdc.to_ctdc2024``) or already in CTDC v2024 columns. ``create_release`` writes
``<releases_dir>/<release_id>/`` and returns its ``ReleaseInfo``; a failure leaves no folder behind, and
of two writers of the same id exactly one succeeds (``registry.claim_release``), the other gets
``ReleaseExists`` before any work or privacy spending.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import polars as pl

from ctip import config
from ctip.disclosure import readme
from ctip.disclosure._params import DEFAULT_DELTA, Interval, OneOf, Optional, check_param
from ctip.disclosure.aggregates import DPAggregates, ThresholdAggregates
from ctip.disclosure.errors import DisclosureError
from ctip.disclosure.kanon import KAnonymiser, smallest_class
from ctip.disclosure.ledger import PrivacyLedger, Spend
from ctip.disclosure.metrics import utility_report
from ctip.disclosure.registry import (
    ReleaseInfo,
    check_release_id,
    claim_release,
    commit_release,
    drop_claim,
    load_release,
)
from ctip.disclosure.risk import risk_report
from ctip.disclosure.synthesis import MarginalSynthesizer
from ctip.disclosure.table import identifier_columns


@dataclass(frozen=True)
class Request:
    """What to release: ``method`` is kanon, aggregates-k, aggregates-dp or synthetic."""

    method: str
    k: int | None = None
    kanon_method: str = "generalise"
    epsilon: float | None = None
    delta: float | None = None
    mechanism: str = "gaussian"
    max_length: int = 2
    seed: int | None = None
    min_pair_count: int | None = None  # synthetic: rare-pair threshold (None: the synthesiser's default rule)
    columns: tuple[str, ...] | None = None  # tables: the variables to count (None: all 27)


def to_release_columns(frame: pl.DataFrame) -> pl.DataFrame:
    """The 27 CTDC v2024 variables as text, from dataset-schema or CTDC v2024 columns."""
    if "gender" in frame.columns and "year_of_registration" not in frame.columns:
        return frame.select([pl.col(c).cast(pl.Utf8) for c in frame.columns])
    from ctip.exchange.ctdc import to_ctdc2024

    return to_ctdc2024(frame)


def public_domains(columns: list[str]) -> dict[str, list[str]]:
    """Value lists for CTDC v2024 columns that are public knowledge (the codebook), so DP methods spend
    nothing to learn them: countries, years 1990 to now, the codebook bands and the binary ``1``."""
    from ctip import vocab
    from ctip.exchange.codes import reverse
    from ctip.vocab.countries import m49_table

    spellings = {name.split("->")[0].removeprefix("ctdc2024."): name for name in vocab.mappings()
                 if name.startswith("ctdc2024.")}
    out: dict[str, list[str]] = {}
    countries = sorted(m49_table())
    for c in columns:
        if c in ("citizenship", "CountryOfExploitation"):
            out[c] = countries
        elif c == "yearOfRegistration":
            out[c] = [str(y) for y in range(1990, datetime.now(UTC).year + 1)]
        elif c in spellings and c not in ("binary", "means", "variable"):
            out[c] = sorted(set(reverse(spellings[c]).values()))
        elif c.startswith(("means", "is", "typeOf", "sectorOf", "recruiter")):
            out[c] = ["1"]
    return out


def strict_codebook(frame: pl.DataFrame) -> pl.DataFrame:
    """The records with every value outside the CTDC v2024 codebook (generalised bands and regions)
    written empty, so any CTDC v2024 reader accepts them. Emptying merges groups, so a k-anonymous
    table stays k-anonymous."""
    domains = public_domains(frame.columns)
    return frame.select([pl.when(pl.col(c).is_in(domains[c])).then(pl.col(c)).otherwise(None).alias(c)
                         if c in domains else pl.col(c) for c in frame.columns])


def dataset_version(frame: pl.DataFrame) -> str:
    """A content fingerprint (SHA-256) of the released columns, independent of row order."""
    ordered = frame.select(sorted(frame.columns))
    ordered = ordered.sort(ordered.columns, nulls_last=True)
    return hashlib.sha256(ordered.write_csv().encode()).hexdigest()


def privacy_accounts(frame: pl.DataFrame) -> list[str] | None:
    """The ledger accounts of the records in ``frame`` (see ``ctip.disclosure.ledger``), from the dataset's
    provenance columns: the imported file's SHA-256 per batch, the contributor for the case store's extract.
    None when the frame carries no provenance (its content fingerprint is then its account)."""
    if not {"source_sha256", "source_format", "contributor"} <= set(frame.columns):
        return None
    rows = frame.select("source_format", "source_sha256", "contributor").unique().iter_rows()
    return sorted({_account(fmt, sha, contributor) for fmt, sha, contributor in rows})


def dataset_accounts(batches) -> list[str]:
    """The ledger accounts of a dataset's active batches (``ctip.dataset.store.Batch`` objects)."""
    return sorted({_account(b.source_format, b.source_sha256, b.contributor) for b in batches})


def dataset_budget(ledger: PrivacyLedger | None = None) -> tuple[list[str], Spend]:
    """The collaborative dataset's accounts as it is now, and the budget its records have left (a ledger
    ``Spend``; the whole budget when the dataset is empty)."""
    from ctip.dataset.store import Dataset

    ledger = ledger or PrivacyLedger()
    accounts = dataset_accounts(Dataset().batches())
    return accounts, ledger.remaining_for(accounts) if accounts else ledger.budget()


def _account(source_format: str, source_sha256: str, contributor: str) -> str:
    return f"casestore:{contributor}" if source_format == "casestore" else f"source:{source_sha256}"


def create_release(frame: pl.DataFrame, request: Request, release_id: str, *, ledger: PrivacyLedger | None = None,
                   root: Path | None = None, source: str = "collaborative dataset") -> ReleaseInfo:
    """Run ``request`` on ``frame`` and write the release folder ``release_id``.

    ``ReleaseExists`` (a ``DisclosureError``) when the id is taken, also by a writer running at the same time."""
    check_release_id(release_id)
    root = root or config.releases_dir()
    claimed = claim_release(release_id, root)
    try:
        staging = _write_release(frame, request, release_id, root, ledger, source)
    except BaseException:
        drop_claim(claimed)
        raise
    try:
        commit_release(staging, claimed)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        drop_claim(claimed)
        raise
    return load_release(release_id, root)


def _write_release(frame: pl.DataFrame, request: Request, release_id: str, root: Path,
                   ledger: PrivacyLedger | None, source: str) -> Path:
    """Run the method, check it, charge the ledger, write every file into a new hidden staging folder in
    ``root``; the staging folder, or nothing on failure.

    The ledger is charged as soon as the noisy output exists and before any of it is written: a writer
    stopped later (killed, disk full) leaves an incomplete release whose charge stays, since its noisy files
    may have reached the disk and been read. A failure before the charge drew noise that never left this
    process, so it spends nothing (docs/privacy.md)."""
    original_columns = list(frame.columns)
    real = to_release_columns(frame)
    found = identifier_columns(real.columns)
    if found:
        raise DisclosureError(f"identifier column(s) {', '.join(map(repr, found))} may never be released")
    version = dataset_version(real)
    accounts = privacy_accounts(frame)
    records, aggregates, report, params = _run(real, request)
    generalised = None
    if request.method == "kanon" and records is not None:
        generalised, records = records, strict_codebook(records)
    is_dp = request.method in ("aggregates-dp", "synthetic")
    epsilon = request.epsilon if is_dp else None
    delta = (request.delta or 0.0) if is_dp else None
    created = datetime.now(UTC).isoformat(timespec="seconds")
    manifest = {
        "id": release_id, "method": request.method, "parameters": params, "epsilon": epsilon, "delta": delta,
        "seed": None if is_dp else request.seed, "created_at": created, "dataset_version": version,
        "approved_by": None, "approved_at": None, "published_at": None,
        "records": None if records is None else records.height, "source": source,
    }
    report = {"release": release_id, "method": request.method, "parameters": params, "epsilon": epsilon,
              "delta": delta, "dataset_version": version, "created_at": created, **report,
              "identifier_check": identifier_check(original_columns, records, aggregates)}
    if not report["identifier_check"]["passed"]:
        raise DisclosureError("identifier column(s) "
                              f"{', '.join(report['identifier_check']['released_identifier_columns'])} "
                              "would be released; drop them from the input")
    if is_dp:  # charged before any noisy value reaches the disk, and kept whatever happens next (see below)
        (ledger or PrivacyLedger()).charge(version, release_id=release_id, method=request.method,
                                           epsilon=float(epsilon), delta=float(delta), seed=request.seed,
                                           accounts=accounts)
    staging = Path(tempfile.mkdtemp(prefix=f".{release_id}.", dir=root))
    try:
        if records is not None:
            records.write_csv(staging / "records.csv")
        if generalised is not None:
            generalised.write_csv(staging / "records_generalised.csv")
        if aggregates is not None:
            aggregates.write_csv(staging / "aggregates.csv")
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        (staging / "report.json").write_text(json.dumps(report, indent=2, default=str), encoding="utf-8")
        (staging / "report.html").write_text(render_report_html(report), encoding="utf-8")
        for lang, name in readme.README_NAMES.items():
            (staging / name).write_text(render_readme(manifest, lang), encoding="utf-8")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def identifier_check(input_columns: list[str], records: pl.DataFrame | None,
                     aggregates: pl.DataFrame | None) -> dict:
    """The report's check, run on what is actually written: no column of ``records.csv`` and no attribute
    named in ``aggregates.csv`` may be a direct identifier."""
    released = list(records.columns) if records is not None else []
    if aggregates is not None and aggregates.height:
        for attributes in aggregates.get_column("attributes").unique(maintain_order=True).to_list():
            released.extend(a for a in attributes.split(";") if a not in released)
    found = identifier_columns(released)
    return {"input_columns": input_columns, "identifier_columns": identifier_columns(input_columns),
            "released_columns": released, "released_identifier_columns": found, "passed": not found}


@dataclass(frozen=True)
class Rule:
    """One parameter of a release request and the constraint it must meet (``hint``: advice, in English)."""

    name: str
    value: Any
    constraint: Interval | OneOf | Optional
    hint: str = ""


def parameter_rules(request: Request) -> list[Rule]:
    """The rules ``request``'s parameters must meet, checked before the data is read (the estimators'
    own constraints, so a request refused here would be refused by the estimator too). ``ctip release`` and
    the Releases page's form both check these."""
    rules: list[Rule] = []
    if request.k is not None or request.method in ("kanon", "aggregates-k"):
        rules.append(Rule("k", request.k, Interval(int, 2, None, "left"), "CTDC uses k = 11."))
    if request.method in ("aggregates-k", "aggregates-dp"):
        rules.append(Rule("max_length", request.max_length, ThresholdAggregates._parameter_constraints["max_length"]))
    if request.method in ("aggregates-dp", "synthetic"):
        rules.append(Rule("epsilon", request.epsilon, Interval(float, 0, None, "neither")))
        rules.append(Rule("delta", request.delta, Optional(Interval(float, 0, 1, "neither")),
                          f"Consider --delta {DEFAULT_DELTA:g}."))
    if request.method == "synthetic":
        rules.append(Rule("min_pair_count", request.min_pair_count, Optional(Interval(int, 0, None, "left")),
                          "0 turns the rare-pair removal off."))
    return rules


def check_release_request(request: Request) -> None:
    """Raise ``InvalidParameter`` (the disclosure package's wording) for the first parameter breaking its rule."""
    for rule in parameter_rules(request):
        check_param("ctip release", rule.name, rule.value, rule.constraint, rule.hint)


def check_budget(frame: pl.DataFrame, request: Request, ledger: PrivacyLedger | None = None) -> None:
    """Refuse early (before any work) a DP request the ledger cannot afford."""
    if request.method in ("aggregates-dp", "synthetic"):
        version = dataset_version(to_release_columns(frame))
        (ledger or PrivacyLedger()).check(version, epsilon=float(request.epsilon), delta=float(request.delta or 0),
                                          accounts=privacy_accounts(frame))


def _run(real: pl.DataFrame, request: Request):
    if request.method == "kanon":
        anonymiser = KAnonymiser(k=request.k, method=request.kanon_method)
        # sorted, so the row order says nothing about the dataset's order (contributor, import batch)
        records = anonymiser.fit_transform(real)
        records = records.sort(records.columns, nulls_last=True)
        report = {"utility": utility_report(real, records),
                  "risk": {"smallest_k": smallest_class(records), "k": request.k},
                  "k_anonymity": anonymiser.report_.as_dict()}
        aggregates = ThresholdAggregates(k=request.k, max_length=1).fit_transform(records) if records.height else None
        return records, aggregates, report, {"k": request.k, "method": request.kanon_method}
    if request.method == "aggregates-k":
        agg = ThresholdAggregates(k=request.k, max_length=request.max_length)
        out = agg.fit_transform(real, _columns(request))
        smallest = int(out.get_column("count").min()) if out.height else 0
        report = {"suppression": agg.report_, "risk": {"smallest_published_count": smallest, "k": request.k}}
        return None, out, report, {"k": request.k, "max_length": request.max_length, **_columns_param(request)}
    if request.method == "aggregates-dp":
        agg = DPAggregates(epsilon=request.epsilon, delta=request.delta, mechanism=request.mechanism,
                           max_length=request.max_length, seed=request.seed,
                           domains=public_domains(real.columns))
        out = agg.fit_transform(real, _columns(request))
        report = {"noise": agg.report_, "risk": {"guarantee": f"({request.epsilon:g}, {request.delta or 0:g})-DP"}}
        return None, out, report, {"mechanism": request.mechanism, "max_length": request.max_length,
                                   **_columns_param(request)}
    if request.method == "synthetic":
        domains = public_domains(real.columns)
        model = MarginalSynthesizer(epsilon=request.epsilon, delta=request.delta, seed=request.seed,
                                    domains=domains, min_pair_count=request.min_pair_count).fit(real)
        records = model.sample()
        utility = utility_report(real, records)
        report = {"utility": utility, "risk": _synthetic_risk(real, request, domains),
                  "model": {"records": model.n_, "parents": {real.columns[x]: [real.columns[p] for p in ps]
                                                             for x, ps in model.parents_.items()}},
                  "review_notes": synthetic_review_notes(utility, model.pair_threshold_, real.height,
                                                         rule_threshold=model.pair_threshold_rule_)}
        aggregates = ThresholdAggregates(k=2, max_length=1).fit_transform(records) if records.height else None
        return records, aggregates, report, {"delta": request.delta, "synthesizer": "MarginalSynthesizer",
                                             "min_pair_count": model.pair_threshold_}
    raise DisclosureError(f"unknown release method {request.method!r}")


# above this share of invented-or-rare value pairs, the approver is told (pac-synth, CTDC's synthesiser,
# leaves about 0.13 on the CTDC sample at ε = 4; ctip about 0.04 on 250,000 records: docs/benchmarks.md)
REVIEW_RARE_SHARE = 0.15


REVIEW_NOTES = {
    "rare_pairs": ("%(share)s of the distinct pairs of values in these synthetic records are held by fewer than 10 "
                   "real people or by none. Readers may take such combinations for real people. Differential "
                   "privacy still protects everyone, but consider protected aggregate tables instead, or a higher "
                   "rare-pair threshold (min_pair_count)."),
    "rare_pairs_small": ("%(share)s of the distinct pairs of values in these synthetic records are held by fewer "
                         "than 10 real people or by none. Readers may take such combinations for real people. "
                         "Differential privacy still protects everyone, but with %(records)s records the rare-pair "
                         "removal is off (it starts at 2,000): consider protected aggregate tables instead."),
    "rare_pairs_lowered": ("%(share)s of the distinct pairs of values in these synthetic records are held by "
                           "fewer than 10 real people or by none. Readers may take such combinations for real "
                           "people. The rare-pair threshold was lowered from %(rule)s to %(used)s because a "
                           "higher one would have given more than 5 %% of one variable's records other values "
                           "(small countries' victims other citizenships, for instance). Differential privacy "
                           "still protects everyone; min_pair_count = %(rule)s removes those pairs at that "
                           "price, or consider protected aggregate tables."),
    "values_lost": ("%(lost)s of the %(values)s values held by at least 10 real people appear less than half as "
                    "often in these synthetic records (the full report lists them): their counts are not "
                    "reliable here. The rare-pair removal takes values that are rare with everything; "
                    "min_pair_count = 0 keeps them (with more rare combinations), protected aggregate tables keep "
                    "every count of 11 or more."),
    "values_lost_noise": ("%(lost)s of the %(values)s values held by at least 10 real people appear less than half "
                          "as often in these synthetic records (the full report lists them): at this ε the noise "
                          "hides groups this small. A larger ε, fewer columns or protected aggregate tables keep "
                          "them."),
    "distribution_moved": ("%(share)s of the records carry another value of “%(column)s” than in the real data "
                           "(total variation distance): figures by this variable are not reliable here. "
                           "A lower rare-pair threshold (min_pair_count; the default rule lowers it by itself), "
                           "a larger ε or protected aggregate tables keep this variable closer."),
}
# above this share of values (held by 10 or more real people) losing half their count, the approver is told
REVIEW_LOST_SHARE = 0.05
# above this share of records carrying another value of one variable, the approver is told (the default
# rare-pair rule keeps its own moves under 5 %; the noise adds to it)
REVIEW_SHIFT = 0.08


def synthetic_review_notes(utility: dict, pair_threshold: int, records: int, *,
                           rule_threshold: int | None = None) -> list[dict]:
    """What the supervisor approving a synthetic release should weigh: a list of ``{"code", "params",
    "text"}`` (the text in English; pages word the code in the reader's language), empty when nothing.
    ``pair_threshold`` is the rare-pair threshold used, ``rule_threshold`` the default rule's when it gave
    way to keep the variables' distributions."""
    notes = []
    combos = utility.get("combinations_2way") or {}
    share = float(combos.get("fabricated", 0.0)) + float(combos.get("rare", 0.0))
    if share > REVIEW_RARE_SHARE:
        if pair_threshold <= 1 and records < 2000:
            notes.append(("rare_pairs_small", {"share": f"{share:.0%}", "records": records}))
        elif rule_threshold is not None and rule_threshold > pair_threshold:
            notes.append(("rare_pairs_lowered", {"share": f"{share:.0%}", "used": pair_threshold,
                                                 "rule": rule_threshold}))
        else:
            notes.append(("rare_pairs", {"share": f"{share:.0%}", "records": records}))
    kept = utility.get("values_kept") or {}
    if kept.get("values") and kept.get("lost_half", 0) > REVIEW_LOST_SHARE * kept["values"]:
        code = "values_lost" if pair_threshold > 1 else "values_lost_noise"
        notes.append((code, {"lost": kept["lost_half"], "values": kept["values"]}))
    moved = utility.get("tvd_1way_largest") or {}
    if float(moved.get("tvd", 0.0)) > REVIEW_SHIFT:
        notes.append(("distribution_moved", {"share": f"{float(moved['tvd']):.0%}", "column": moved["column"]}))
    return [{"code": code, "params": params, "text": REVIEW_NOTES[code] % params} for code, params in notes]


def _columns(request: Request) -> list[str] | None:
    return list(request.columns) if request.columns else None


def _columns_param(request: Request) -> dict:
    """The chosen variables, recorded in the release's parameters (nothing when all are counted)."""
    return {"columns": list(request.columns)} if request.columns else {}


def _synthetic_risk(real: pl.DataFrame, request: Request, domains: dict) -> dict:
    """Anonymeter-style risks of the same method fitted on a random half, the other half held out."""
    shuffled = real.sample(fraction=1.0, shuffle=True, seed=request.seed or 0)
    half = shuffled.height // 2
    if half < 20:
        return {"note": "too few records to hold out a control set", "training_records": half}
    train, control = shuffled[:half], shuffled[half:2 * half]
    synth = MarginalSynthesizer(epsilon=request.epsilon, delta=request.delta, seed=request.seed,
                                domains=domains, min_pair_count=request.min_pair_count).fit(train).sample()
    return risk_report(train, control, synth, seed=request.seed or 0)


def render_readme(manifest: dict, lang: str = "en") -> str:
    """The release's README in ``lang`` ("en" for ``README.md``, "mn" for ``README.mn.md``): method in plain
    words, parameters, privacy budget, date, records, files, how to compute percentages, how to cite."""
    return readme.render(manifest, lang)


def _breakable(text: str, run: int = 16) -> str:
    """``text`` escaped, with a line-break opportunity (``<wbr>``) after each ``_ - / . ,`` of a long word and every
    ``run`` characters of it: column names and hashes would otherwise make the page scroll sideways on a phone
    (WCAG 1.4.10), and report.html has no style sheet to wrap them (the site's CSP refuses inline styles)."""
    words = []
    for word in re.split(r"(\s+)", text):
        parts = [p[i:i + run] for p in re.split(r"(?<=[_\-/.,])", word) for i in range(0, len(p), run)]
        words.append("<wbr>".join(map(html.escape, parts)) if len(word) >= run else html.escape(word))
    return "".join(words)


def _flat_rows(value, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Any]]:
    """(path, value) for every leaf of nested dicts."""
    if isinstance(value, dict) and value:
        return [row for key, item in value.items() for row in _flat_rows(item, (*path, str(key)))]
    return [(path, value)]


def _html_table(value: dict) -> str:
    """One two-column table of a part of the report: each row headed by the path to its figure (``a › b``).
    Nested tables would need more width than a phone has (WCAG 1.4.10)."""
    rows = "".join(f"<tr><th scope=\"row\">{' › '.join(map(_breakable, path))}</th><td>{_html_value(item)}</td></tr>"
                   for path, item in _flat_rows(value))
    return f"<table>{rows}</table>"


def _html_value(value) -> str:
    if isinstance(value, dict):  # only an empty one is left by _flat_rows
        return "—"
    if isinstance(value, list):
        return _breakable(", ".join(map(str, value)))
    return _breakable(str(value))


def _html_report(report: dict) -> str:
    """The report's top-level figures in a table, then a section per nested part (utility, risk, ...)."""
    parts = [_html_table({k: v for k, v in report.items() if not isinstance(v, dict) or not v})]
    parts += [f"<h2>{_breakable(str(key))}</h2>{_html_table(value)}"
              for key, value in report.items() if isinstance(value, dict) and value]
    return "".join(parts)


def render_report_html(report: dict) -> str:
    """report.html: the quality and risk report as a self-contained page (no script, no external file), its
    content in a ``<main>`` landmark so that a screen reader can jump to it."""
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>Release {html.escape(report['release'])}: quality and risk</title></head><body><main>"
            f"<h1>Release {html.escape(report['release'])}: quality and risk</h1>"
            "<p><strong>Internal, not for publication:</strong> these figures are computed from the real records "
            "without noise. Only the release's records and aggregates are protected.</p>"
            f"{_html_report(report)}"
            "</main></body></html>")
