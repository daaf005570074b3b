"""A release's quality and risk report (``report.json``) as sections of rows in the reader's language.

``ctip.disclosure.release`` writes the report as a nested dict whose keys depend on the method (see
``_run`` there, ``metrics.utility_report``, ``risk.risk_report``, ``kanon.KAnonymityReport`` and the
``report_`` of the aggregate classes). Each key this module knows becomes a labelled row with its value
formatted for reading and a one-line explanation of the measure. A key it does not know (a report written
by another version of ctip) is never dropped: it is shown with its path under its section, or under
"Other figures" when the whole block is unknown. Call the functions while the reader's language is active.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctip.publishing.templatetags.publishing import method_label

TEXT, CODE, FOREIGN = "text", "code", "foreign"  # how a value is shown: words, identifiers, another version's English


@dataclass(frozen=True)
class Row:
    """One figure: ``label`` (translated) optionally followed by an identifier ``label_code`` (a column or a
    key path), the formatted ``value`` shown as ``value_kind``, and ``hint``, what the figure means."""

    label: str
    value: str
    hint: str = ""
    label_code: str = ""
    value_kind: str = TEXT


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row] = field(default_factory=list)
    intro: str = ""
    notes: list[str] | None = None  # a section of notes for the approver instead of rows


# --- formatting -----------------------------------------------------------------------------------------

def number(value) -> str:
    """Integers with thousands separators, other numbers with 3 decimals (``1,234``, ``0.941``)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) >= 1000):
        return f"{int(value):,}"
    if isinstance(value, float):
        return f"{value:,.3f}"
    return str(value)


def decimal(value) -> str:
    """A measure with 3 decimals (``0.941``, ``940.900``), whether JSON holds it as an integer or not."""
    return number(float(value)) if isinstance(value, int | float) and not isinstance(value, bool) else number(value)


def privacy_parameter(value) -> str:
    """ε and δ as written (``1``, ``1e-09``): three decimals would show a δ of 1e-9 as 0.000."""
    return f"{value:g}" if isinstance(value, int | float) else str(value)


def _interval(ci) -> str:
    if isinstance(ci, list | tuple) and len(ci) == 2 and all(isinstance(x, int | float) for x in ci):
        return _("95%% confidence interval %(low)s to %(high)s") % {"low": decimal(ci[0]),
                                                                   "high": decimal(ci[1])}
    return ""


def _generic(path: str, value) -> list[Row]:
    """Rows for a key this module does not know: nested dicts flattened to dotted paths."""
    if isinstance(value, dict):
        if not value:
            return [Row(_("Other figure"), _("none"), label_code=path)]
        return [row for key, inner in value.items() for row in _generic(f"{path}.{key}", inner)]
    if value is None:
        return [Row(_("Other figure"), "—", label_code=path)]
    if isinstance(value, list) and any(isinstance(item, dict | list) for item in value):
        return [row for i, item in enumerate(value) for row in _generic(f"{path}[{i}]", item)]
    if isinstance(value, list):
        return [Row(_("Other figure"), ", ".join(map(str, value)) or _("none"), label_code=path,
                    value_kind=CODE if value else TEXT)]
    if isinstance(value, str):
        return [Row(_("Other figure"), value, label_code=path, value_kind=FOREIGN if " " in value else CODE)]
    return [Row(_("Other figure"), number(value), label_code=path)]


class _Block:
    """A dict of the report whose keys are marked as read; ``rest()`` shows every key left unread."""

    def __init__(self, data, path: str) -> None:
        self.data = data if isinstance(data, dict) else {}
        self.path = path
        self.seen: set[str] = set()

    def get(self, key: str, default=None):
        self.seen.add(key)
        return self.data.get(key, default)

    def skip(self, *keys: str) -> None:
        """Mark keys shown elsewhere (a block repeating the release's parameters)."""
        self.seen.update(keys)

    def __contains__(self, key: str) -> bool:
        return key in self.data

    def rest(self) -> list[Row]:
        return [row for key, value in self.data.items() if key not in self.seen
                for row in _generic(f"{self.path}.{key}" if self.path else key, value)]


# --- the release ----------------------------------------------------------------------------------------

KANON_METHODS = {
    "generalise": gettext_lazy("generalise the records at risk, then suppress what is left"),
    "suppress": gettext_lazy("suppress the records at risk (as CTDC did in 2017–2021)"),
}
MECHANISMS = {
    "gaussian": gettext_lazy("Gaussian noise"), "discrete_gaussian": gettext_lazy("Gaussian noise"),
    "laplace": gettext_lazy("Laplace noise"), "discrete_laplace": gettext_lazy("Laplace noise"),
}


def _parameter_rows(parameters: dict, report: dict) -> list[Row]:
    rows = []
    for key, value in parameters.items():
        if key == "k":
            rows.append(Row(_("Smallest group or count allowed (k)"), number(value),
                            _("no published group of records or count may be smaller")))
        elif key == "method" and value in KANON_METHODS:
            rows.append(Row(_("k-anonymisation method"), str(KANON_METHODS[value])))
        elif key == "max_length":
            rows.append(Row(_("Most variables combined in one table"), number(value),
                            _("counts are published for every combination of up to this many variables")))
        elif key == "mechanism" and value in MECHANISMS:
            rows.append(Row(_("Noise"), str(MECHANISMS[value])))
        elif key == "delta" and value == report.get("delta"):
            continue  # shown with ε
        elif key == "synthesizer":
            rows.append(Row(_("Synthesiser"), str(value), value_kind=CODE))
        elif key == "columns" and isinstance(value, list):
            rows.append(Row(_("Variables counted"), ", ".join(map(str, value)), value_kind=CODE))
        elif key == "min_pair_count":
            rows.append(Row(_("Rare-pair threshold"), number(value),
                            _("value pairs held by fewer real records than this are removed from the synthetic "
                              "records; 1 = none removed")))
        else:
            rows.extend(_generic(f"parameters.{key}", value))
    return rows


def _created(value) -> str:
    try:
        return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M UTC")
    except (TypeError, ValueError):
        return str(value)


def release_section(report: _Block) -> Section:
    rows = [Row(_("Release"), str(report.get("release", "")), value_kind=CODE),
            Row(_("Method"), str(method_label(report.get("method", ""))))]
    parameters = report.get("parameters")
    if isinstance(parameters, dict):
        rows.extend(_parameter_rows(parameters, report.data))
    elif parameters is not None:
        rows.extend(_generic("parameters", parameters))
    epsilon, delta = report.get("epsilon"), report.get("delta")
    if epsilon is None:
        rows.append(Row(_("Privacy budget spent"), _("none (threshold method)")))
    else:
        rows.append(Row(_("Privacy budget spent"), f"ε = {privacy_parameter(epsilon)}, δ = "
                        f"{privacy_parameter(delta or 0)}",
                        _("charged to the privacy ledger of the records used; lower ε and δ protect more")))
    rows.append(Row(_("Dataset version"), str(report.get("dataset_version", "")), value_kind=CODE,
                    hint=_("fingerprint (SHA-256) of the released columns of the real records")))
    rows.append(Row(_("Created"), _created(report.get("created_at"))))
    return Section("release", _("Release"), rows)


# --- utility --------------------------------------------------------------------------------------------

def _share(share, total) -> str:
    if not isinstance(share, int | float):
        return str(share)
    if isinstance(total, int) and total:
        return _("%(share)s (%(count)s of %(total)s)") % {"share": decimal(share),
                                                         "count": number(round(share * total)),
                                                         "total": number(total)}
    return decimal(share)


WAYS = {1: gettext_lazy("single variables"), 2: gettext_lazy("pairs of variables"),
        3: gettext_lazy("triples of variables")}
COMBINATIONS = {1: gettext_lazy("values"), 2: gettext_lazy("value pairs"), 3: gettext_lazy("value triples")}


def utility_section(utility: _Block) -> Section:
    rows = []
    if "nist_k_marginal_2way_0_1000" in utility:
        rows.append(Row(_("NIST k-marginal score over pairs of variables (0–1000)"),
                        decimal(utility.get("nist_k_marginal_2way_0_1000")),
                        _("the NIST SDNist scale: 1000 = every table of two variables identical to the real one")))
    for k in (1, 2, 3):
        if f"k_marginal_{k}way" in utility:
            rows.append(Row(_("k-marginal score over %(ways)s (0–1)") % {"ways": WAYS[k]},
                            decimal(utility.get(f"k_marginal_{k}way")),
                            _("1 = every such table identical to the real one, 0 = nothing in common")))
        if f"tvd_{k}way" in utility:
            rows.append(Row(_("Total variation distance over %(ways)s (0–1)") % {"ways": WAYS[k]},
                            decimal(utility.get(f"tvd_{k}way")),
                            _("mean share of records that would have to move to make the tables identical: "
                              "0 = identical, lower is better")))
    if "tvd_1way_largest" in utility:
        value = utility.get("tvd_1way_largest")
        largest = _Block(value, "utility.tvd_1way_largest")
        if {"column", "tvd"} <= largest.data.keys():
            rows.append(Row(_("Variable moved most (total variation distance, 0–1)"), decimal(largest.get("tvd")),
                            _("share of the records that carry another value of this variable than in the real "
                              "records; lower is better"), label_code=str(largest.get("column"))))
            rows.extend(largest.rest())
        else:
            rows.extend(_generic("utility.tvd_1way_largest", value))
    for k in (1, 2, 3):
        key = f"combinations_{k}way"
        if key not in utility:
            continue
        combos = _Block(utility.get(key), f"utility.{key}")
        total = combos.get("combinations")
        if "fabricated" in combos:
            rows.append(Row(_("Invented %(combinations)s") % {"combinations": COMBINATIONS[k]},
                            _share(combos.get("fabricated"), total),
                            _("share of the distinct combinations in the release that no real record has; "
                              "lower is better")))
        if "rare" in combos:
            rows.append(Row(_("Rare %(combinations)s") % {"combinations": COMBINATIONS[k]},
                            _share(combos.get("rare"), total),
                            _("share of the distinct combinations in the release that only 1 to 9 real records "
                              "have; readers may take them for real people")))
        if not ({"fabricated", "rare"} & combos.data.keys()) and isinstance(total, int):
            rows.append(Row(_("Distinct %(combinations)s released") % {"combinations": COMBINATIONS[k]},
                            number(total)))
        rows.extend(combos.rest())
    if "values_kept" in utility:
        rows.extend(_values_kept_rows(_Block(utility.get("values_kept"), "utility.values_kept")))
    rows.extend(utility.rest())
    return Section("utility", _("Utility"), rows,
                   _("How close the released figures are to the real records (all measures treat an empty value "
                     "as a value)."))


def _values_kept_rows(kept: _Block) -> list[Row]:
    """How many common values (10 or more real records) the release keeps, and the worst kept, one row each."""
    rows = [Row(_("Values held by at least 10 real records"), number(kept.get("values")),
                _("each such value should keep about its real count in the release")),
            Row(_("Of these, values shown less than half as often"), number(kept.get("lost_half")),
                _("their counts are not reliable in this release; lower is better"))]
    worst = kept.get("worst")
    for i, value in enumerate(worst if isinstance(worst, list) else []):
        entry = _Block(value, f"utility.values_kept.worst[{i}]")
        if {"column", "value", "real", "released"} <= entry.data.keys():
            rows.append(Row(_("Value shown less than half as often"),
                            _("%(released)s in the release, %(real)s in the real records")
                            % {"released": number(entry.get("released")), "real": number(entry.get("real"))},
                            label_code=f"{entry.get('column')} = {entry.get('value')}"))
        rows.extend(entry.rest())
    if worst is not None and not isinstance(worst, list):
        rows.extend(_generic("utility.values_kept.worst", worst))
    return rows + kept.rest()


# --- risk -----------------------------------------------------------------------------------------------

ATTACKS = {
    "singling_out": (gettext_lazy("Singling-out risk"),
                     gettext_lazy("an attacker isolates one real person with a combination of values found in the "
                                  "synthetic records")),
    "linkability": (gettext_lazy("Linkability risk"),
                    gettext_lazy("an attacker links two halves of a person's record through the synthetic records")),
}
RISK_SCALE = gettext_lazy("0 = no more success on the people used than on people held out; 1 = always")


def _attack_row(label: str, what: str, attack: _Block, label_code: str = "") -> list[Row]:
    risk, attacks = attack.get("risk"), attack.get("attacks")
    train, control = attack.get("train_rate"), attack.get("control_rate")
    note = attack.get("note")
    if risk is None:
        from ctip.disclosure.risk import MIN_PREDICATES

        value = _("not assessable")
        hint = _("only %(found)s value combinations are unique in the synthetic records; at least %(needed)s are "
                 "needed for a meaningful rate") % {"found": number(attacks), "needed": MIN_PREDICATES} \
            if isinstance(attacks, int) else ""
        rows = [Row(label, value, hint, label_code=label_code)]
        if note and not isinstance(attacks, int):
            rows.extend(_generic(f"{attack.path}.note", note))
        return rows + attack.rest()
    value = decimal(risk)
    interval = _interval(attack.get("ci"))
    if interval:
        value = f"{value} ({interval})"
    hint = f"{what}; {RISK_SCALE}."
    if isinstance(attacks, int) and train is not None and control is not None:
        hint += " " + _("%(attacks)s attacks: success on the people used %(train)s, on people held out "
                        "%(control)s.") % {"attacks": number(attacks), "train": decimal(train),
                                           "control": decimal(control)}
    rows = [Row(label, value, hint, label_code=label_code)]
    if note:
        rows.extend(_generic(f"{attack.path}.note", note))
    return rows + attack.rest()


def risk_section(risk: _Block) -> Section:
    rows = []
    k = risk.get("k")
    if "smallest_k" in risk:
        rows.append(Row(_("Smallest group of identical records (k)"), number(risk.get("smallest_k")),
                        _("every released record shares all its values with at least this many; the release asked "
                          "for %(k)s") % {"k": number(k)}))
    if "smallest_published_count" in risk:
        rows.append(Row(_("Smallest published count"), number(risk.get("smallest_published_count")),
                        _("no published count is below k = %(k)s; 0 means nothing was published")
                        % {"k": number(k)}))
    if k is not None and not ({"smallest_k", "smallest_published_count"} & risk.data.keys()):
        rows.append(Row(_("Smallest group or count allowed (k)"), number(k)))
    if "guarantee" in risk:
        rows.append(Row(_("Privacy guarantee"), str(risk.get("guarantee")), value_kind=CODE,
                        hint=_("differential privacy: ε bounds what the release can reveal about any one person, "
                               "δ is the small chance that the bound fails")))
    if "method" in risk:
        method = str(risk.get("method"))
        if method.startswith("anonymeter-style"):
            rows.append(Row(_("How the risks are measured"),
                            _("the three attacks of anonymeter (Giomi et al., 2023), run by ctip against a model "
                              "fitted on a random half of the records; the other half is held out for comparison")))
        else:
            rows.extend(_generic("risk.method", method))
    if "training_records" in risk:
        rows.append(Row(_("Records used to fit the model"), number(risk.get("training_records"))))
    if "control_records" in risk:
        rows.append(Row(_("Records held out"), number(risk.get("control_records"))))
    if "note" in risk:
        note = risk.get("note")
        if note == "too few records to hold out a control set":
            rows.append(Row(_("Attacks"), _("not assessable"), _("too few records to hold out a control set")))
        else:
            rows.extend(_generic("risk.note", note))
    for key, (label, what) in ATTACKS.items():
        if key in risk:
            rows.extend(_attack_row(str(label), str(what), _Block(risk.get(key), f"risk.{key}")))
    inference = _Block(risk.get("inference"), "risk.inference")
    for secret, attack in inference.data.items():
        inference.seen.add(secret)
        rows.extend(_attack_row(_("Inference risk of"), _("an attacker who knows every other value of a person "
                                                             "guesses this one from the synthetic records"),
                                _Block(attack, f"risk.inference.{secret}"), label_code=secret))
    rows.extend(inference.rest())
    if "max_inference_risk" in risk:
        rows.append(Row(_("Highest inference risk"), decimal(risk.get("max_inference_risk")),
                        str(RISK_SCALE)))
    rows.extend(risk.rest())
    return Section("risk", _("Risk"), rows, _("What an attacker could learn about the real people from the release."))


# --- method blocks --------------------------------------------------------------------------------------

def kanon_section(block: _Block) -> Section:
    block.skip("k", "method")  # shown under "Release"
    records_in = block.get("records_in")
    rows = [Row(_("Records read"), number(records_in)),
            Row(_("Records released"), number(block.get("records_out"))),
            Row(_("Records suppressed"), _("%(count)s of %(total)s (share %(share)s)") % {
                "count": number(block.get("records_suppressed")), "total": number(records_in),
                "share": decimal(block.get("records_suppressed_share"))},
                _("records whose values could not be made common enough; they are left out")),
            Row(_("Cells generalised"), number(block.get("cells_generalised")),
                _("values replaced by a wider band, period or region")),
            Row(_("Information lost (0–1)"), decimal(block.get("information_loss")),
                _("mean over all cells: 0 = kept, 1 = lost; lower is better")),
            Row(_("Smallest group of identical records (k)"), number(block.get("smallest_class")))]
    return Section("k-anonymity", _("k-anonymity"), rows + block.rest())


AUDITS = {
    "exact": gettext_lazy("exact (linear programming over every cell)"),
    "lines": gettext_lazy("row and column sums (tables too large for the exact audit)"),
}


def suppression_section(block: _Block) -> Section:
    block.skip("k", "max_length")  # shown under "Release"
    audit = block.get("audit")
    rows = [Row(_("Records counted"), number(block.get("records"))),
            Row(_("Cells suppressed below k"), number(block.get("cells_primary_suppressed")),
                _("counts from 1 to k − 1, left out")),
            Row(_("Cells suppressed to protect them"), number(block.get("cells_secondary_suppressed")),
                _("other counts left out so that no suppressed count can be computed back from totals")),
            Row(_("Audit of the suppressed counts"), str(AUDITS.get(audit, audit)),
                value_kind=TEXT if audit in AUDITS else FOREIGN)]
    return Section("suppression", _("Suppression"), rows + block.rest())


def noise_section(block: _Block) -> Section:
    mechanism = block.get("mechanism")
    rows = [Row(_("Noise"), str(MECHANISMS.get(mechanism, mechanism)),
                value_kind=TEXT if mechanism in MECHANISMS else FOREIGN)]
    if "sigma" in block:
        rows.append(Row(_("Noise standard deviation (σ)"), decimal(block.get("sigma")),
                        _("typical size of the noise added to each count")))
    if "scale" in block:
        rows.append(Row(_("Noise scale"), decimal(block.get("scale")),
                        _("typical size of the noise added to each count")))
    rows.append(Row(_("Tables"), number(block.get("tables")), _("every combination of variables counted")))
    rows.append(Row(_("Publication threshold"), decimal(block.get("threshold")),
                    _("noisy counts below it are not published, so few cells are pure noise")))
    return Section("noise", _("Noise"), rows + block.rest())


def model_section(block: _Block) -> Section:
    rows = [Row(_("Records the model was fitted on"), number(block.get("records")))]
    parents = _Block(block.get("parents"), "model.parents")
    for column, drawn_from in parents.data.items():
        parents.seen.add(column)
        rows.append(Row(_("Variable"), ", ".join(drawn_from) if drawn_from else _("nothing (drawn alone)"),
                        label_code=column, value_kind=CODE if drawn_from else TEXT))
    return Section("model", _("Synthesis model"), rows + parents.rest() + block.rest(),
                   _("Each variable is drawn from noisy counts given the variables listed next to it."))


def identifier_section(block: _Block) -> Section:
    passed = block.get("passed")
    released = block.get("released_identifier_columns") or []
    found = block.get("identifier_columns") or []

    def columns(label: str, names: list) -> Row:
        return Row(label, ", ".join(map(str, names)), value_kind=CODE) if names else Row(label, _("none"))

    rows = [Row(_("No direct identifier column released"), _("checked") if passed else _("not checked"),
                _("names, phone numbers, addresses and other direct identifiers may never be released")),
            columns(_("Identifier columns released"), released),
            columns(_("Identifier columns in the input (not released)"), found),
            columns(_("Columns released"), block.get("released_columns") or []),
            columns(_("Columns read"), block.get("input_columns") or [])]
    return Section("identifiers", _("Identifier check"), rows + block.rest())


BLOCKS = {
    "utility": utility_section, "risk": risk_section, "k_anonymity": kanon_section,
    "suppression": suppression_section, "noise": noise_section, "model": model_section,
    "identifier_check": identifier_section,
}


def report_sections(report: dict) -> list[Section]:
    """Every figure of ``report`` in sections, in the reader's language, with the review notes before the
    identifier check; unknown keys under "Other figures"."""
    top = _Block(report, "")
    sections = [release_section(top)]
    notes = review_notes(top.get("review_notes") or [])
    for key, build in BLOCKS.items():
        if key == "identifier_check":
            sections.append(Section("review-notes", _("Review notes"), notes=notes))
        if key in top:
            value = top.get(key)
            sections.append(build(_Block(value, key)) if isinstance(value, dict)
                            else Section(key, _("Other figures"), _generic(key, value)))
    other = top.rest()
    if other:
        sections.append(Section("other", _("Other figures"), other,
                                _("Figures this version of ctip does not describe (the report was written by "
                                  "another version), shown as written.")))
    return sections


def review_notes(notes: list[dict]) -> list[str]:
    """A report's ``review_notes`` for the approver in the reader's language (``release.REVIEW_NOTES`` are
    the msgids); a note of an unknown kind keeps its English text."""
    from ctip.disclosure.release import REVIEW_NOTES
    from ctip.web.wording import worded

    return [worded(REVIEW_NOTES, note.get("code"), _worded_params(note.get("params")), note.get("text", ""))
            if isinstance(note, dict) else str(note) for note in (notes if isinstance(notes, list) else [])]


def _worded_params(params: dict) -> dict:
    """A note's parameters for the reader: a CTDC variable name becomes its label in the active language."""
    from django.utils.translation import get_language

    from ctip import vocab

    if not isinstance(params, dict):
        return params
    column = params.get("column")
    if isinstance(column, str) and vocab.is_valid("ctdc2024.variable", column):
        return {**params, "column": vocab.label("ctdc2024.variable", column, get_language())}
    return params
