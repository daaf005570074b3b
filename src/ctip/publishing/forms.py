"""The Releases page's "New release" form: a release id, a method and that method's parameters.

The form only turns the fields into a ``ctip.disclosure.release.Request``; the rules the parameters must meet
are ``services.parameter_rules`` (shared with ``ctip release``), worded here in the reader's language.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from ctip import vocab
from ctip.disclosure._params import Interval, OneOf, Optional
from ctip.disclosure.errors import DisclosureError, InvalidParameter
from ctip.disclosure.registry import check_release_id, id_state, incomplete_releases, release_id_taken
from ctip.disclosure.release import Request
from ctip.publishing.refusals import REFUSALS
from ctip.publishing.services import DEFAULT_DELTA, parameter_rules
from ctip.publishing.templatetags.publishing import METHODS

# which fields each method uses (the page shows only those when JavaScript runs)
METHOD_FIELDS = {
    "kanon": ("k", "kanon_method"),
    "aggregates-k": ("k", "max_length", "columns"),
    "aggregates-dp": ("epsilon", "delta", "max_length", "columns"),
    "synthetic": ("epsilon", "delta"),
}


# the refusal of a taken id, whether the form sees it or the release's writer finds it taken meanwhile
ID_TAKEN = _lazy("A release with this id exists already; choose another id.")


def id_taken_error(release_id: str) -> str:
    """Why ``release_id`` cannot be used: a release has it, a writer is making it right now (a second click
    on the button, or another analyst), or a writer stopped before finishing it (an incomplete release)."""
    state = id_state(release_id)
    if state == "writing":
        return _(REFUSALS["id_being_written"]) % {"id": release_id}
    if state == "incomplete":
        found = next((r for r in incomplete_releases() if r.id == release_id), None)
        when = found.last_written.strftime("%Y-%m-%d %H:%M") if found else "?"
        return _(REFUSALS["id_incomplete"]) % {"id": release_id, "when": when}
    return str(ID_TAKEN)


def allowed(constraint: Interval | OneOf | Optional) -> str:
    """What a constraint allows, in the reader's language ("a whole number from 2 up")."""
    if isinstance(constraint, Optional):
        return allowed(constraint.inner)
    if isinstance(constraint, OneOf):
        return _("one of %(options)s") % {"options": ", ".join(map(str, constraint.options))}
    low = None if constraint.low is None else f"{constraint.low:g}"
    high = None if constraint.high is None else f"{constraint.high:g}"
    whole = constraint.kind is int
    low_in = constraint.closed in ("left", "both")
    high_in = constraint.closed in ("right", "both")
    if low is not None and high is not None:
        if low_in and high_in:
            text = _("a whole number from %(low)s to %(high)s") if whole else _("a number from %(low)s to %(high)s")
        else:
            text = (_("a whole number greater than %(low)s and less than %(high)s") if whole
                    else _("a number greater than %(low)s and less than %(high)s"))
    elif low is not None:
        if low_in:
            text = _("a whole number from %(low)s up") if whole else _("a number from %(low)s up")
        else:
            text = _("a whole number greater than %(low)s") if whole else _("a number greater than %(low)s")
    else:
        text = _("a whole number") if whole else _("a number")
    return text % {"low": low, "high": high}


class NewReleaseForm(forms.Form):
    release_id = forms.CharField(
        label=_lazy("Release id"), max_length=64,
        help_text=_lazy("The folder's name: 1 to 64 small letters a–z, digits, '.', '_' or '-', starting with a "
                        "letter or digit, e.g. tables-2026-q1."))
    method = forms.ChoiceField(label=_lazy("Method"), choices=list(METHODS.items()), widget=forms.RadioSelect,
                               initial="aggregates-k")
    k = forms.IntegerField(
        label=_lazy("Smallest group size (k)"), required=False, initial=11,
        help_text=_lazy("For k-anonymous records and protected tables. CTDC uses k = 11."))
    kanon_method = forms.ChoiceField(
        label=_lazy("How to reach k"), initial="generalise", required=False,
        choices=[("generalise", _lazy("generalise values first, then suppress")),
                 ("suppress", _lazy("suppress values only (CTDC's method)"))],
        help_text=_lazy("For k-anonymous records."))
    epsilon = forms.FloatField(
        label=_lazy("Privacy budget to spend (ε)"), required=False,
        widget=forms.NumberInput(attrs={"step": "any"}),
        help_text=_lazy("For differentially private tables and synthetic records: smaller is more private and "
                        "noisier."))
    delta = forms.FloatField(
        label=_lazy("δ"), required=False, initial=DEFAULT_DELTA, widget=forms.NumberInput(attrs={"step": "any"}),
        help_text=_lazy("For differentially private tables and synthetic records; empty means 1e-9."))
    max_length = forms.IntegerField(
        label=_lazy("Longest combination of variables"), required=False, initial=2,
        help_text=_lazy("For tables: 1 counts each variable alone, 2 every pair, and so on."))
    columns = forms.CharField(
        label=_lazy("Variables to count"), required=False,
        help_text=_lazy("For tables, optional: CTDC v2024 variable names separated by commas (empty counts "
                        "all 27), for example:"))

    def parameter_fields(self) -> list[tuple[forms.BoundField, str]]:
        """Each parameter's field with the methods that use it (space-separated, for the page's script)."""
        names = [n for n in self.fields if n not in ("release_id", "method")]
        return [(self[n], " ".join(m for m, used in METHOD_FIELDS.items() if n in used)) for n in names]

    def clean_release_id(self) -> str:
        release_id = self.cleaned_data["release_id"].strip()
        try:
            check_release_id(release_id)
        except DisclosureError:
            raise forms.ValidationError(_("Use 1 to 64 small letters a–z, digits, '.', '_' or '-', starting "
                                          "with a letter or digit.")) from None
        if release_id_taken(release_id):  # a release, one being written right now, or an incomplete one
            raise forms.ValidationError(id_taken_error(release_id))
        return release_id

    def clean_columns(self) -> tuple[str, ...] | None:
        text = self.cleaned_data["columns"]
        columns = tuple(c.strip() for c in text.split(",") if c.strip())
        known = vocab.codes("ctdc2024.variable")
        unknown = [c for c in columns if c not in known]
        if unknown:
            raise forms.ValidationError(
                _("Unknown variable(s): %(unknown)s. The CTDC v2024 variables are: %(known)s.")
                % {"unknown": ", ".join(unknown), "known": ", ".join(known)})
        return columns or None

    def clean(self) -> dict:
        data = super().clean()
        method = data.get("method")
        if method is None:
            return data
        request = self.release_request()
        for rule in parameter_rules(request):
            if rule.name not in self.fields or self.has_error(rule.name):
                continue
            if rule.value is None and not isinstance(rule.constraint, Optional):
                self.add_error(rule.name, _("Required for this method: %(allowed)s.")
                               % {"allowed": allowed(rule.constraint)})
            elif not rule.constraint.accepts(rule.value):
                self.add_error(rule.name, _("Must be %(allowed)s.") % {"allowed": allowed(rule.constraint)})
        return data

    def release_request(self) -> Request:
        """The request the valid fields describe (only the chosen method's parameters; a secret seed)."""
        data = self.cleaned_data
        method = data["method"]
        used = METHOD_FIELDS[method]

        def value(name, default=None):
            given = data.get(name) if name in used else None
            return default if given in (None, "") else given

        delta = value("delta", DEFAULT_DELTA) if method in ("aggregates-dp", "synthetic") else None
        return Request(method=method, k=value("k"), kanon_method=value("kanon_method", "generalise"),
                       epsilon=value("epsilon"), delta=delta, max_length=value("max_length", 2),
                       columns=value("columns"))


def parameter_error(form: NewReleaseForm, exc: InvalidParameter) -> None:
    """Put an ``InvalidParameter`` raised while releasing at the field it names (or at the top)."""
    for rule in parameter_rules(form.release_request()):
        if f"'{rule.name}'" in str(exc) and rule.name in form.fields:
            form.add_error(rule.name, _("Must be %(allowed)s.") % {"allowed": allowed(rule.constraint)})
            return
    form.add_error(None, _("A parameter is outside what this method allows; check the values and try again."))
