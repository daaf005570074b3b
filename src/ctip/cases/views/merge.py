"""Merging two person records from a case page: pick the other record, compare, choose, confirm.

``/cases/<id>/merge/`` lists the organisation's other records that match the person exactly (as the subject
access report names them) and asks for a case id of the other record; ``?other=<case id>`` shows both records
side by side with a choice for each detail that differs, the reason and the confirmation, posted to the same
address (``ctip.cases.merge.person_merge``). Showing both records is audited as a view of each case's person
section.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ctip.accounts.permissions import capability_required
from ctip.cases import audit, duplicates, merge
from ctip.cases.errors import ApplicationError
from ctip.cases.merge_forms import MergeForm, PickForm
from ctip.cases.models import AccessLog, Module
from ctip.cases.views.common import case_for, run_service


@capability_required("cases.approve")
@require_http_methods(["GET", "POST"])
def person_merge(request, public_id: str):
    case = case_for(request, public_id, log_view=False)
    data = request.POST if request.method == "POST" else request.GET
    pick = PickForm(data if "other" in data else None)
    other, problem = None, ""
    if pick.is_valid():
        try:
            other = case_for(request, pick.cleaned_data["other"], log_view=False)
            merge.check_mergeable(request.user, case, other)
        except Http404:
            other, problem = None, _("No case with this id that you may open.")
        except ApplicationError as exc:
            other, problem = None, exc.message
        if problem:
            pick.add_error("other", problem)
        elif other.pk == case.pk:
            other = None
            pick.add_error("other", _("This is the case you started from: give a case of the other record."))
    if other is None:
        try:
            merge.check_mergeable(request.user, case, case)
        except ApplicationError as exc:
            messages.error(request, exc.message)
            return redirect("cases:detail", public_id=case.public_id)
        return render(request, "cases/person_merge_pick.html", {
            "case": case, "form": pick, "matches": duplicates.matches_of_person(request.user, case.person)},
            status=400 if pick.errors else 200)
    return _compare(request, case, other)


def _compare(request, case, other):
    details = merge.compare(case.person, other.person)
    form = MergeForm(request.POST if request.method == "POST" else None, details=details)
    if form.is_valid():
        done = run_service(request, form, lambda: merge.person_merge(
            actor=request.user, keep=case, merge=other, choices=form.choices(), reason=form.cleaned_data["reason"]),
            _("The records were merged: every case of the other record now belongs to this person."))
        if done is not None:
            return redirect("cases:detail", public_id=case.public_id)
    for shown in (case, other):  # both people's details are on screen: a view of each case's person section
        _log_view(request.user, shown)
    return render(request, "cases/person_merge.html", {
        "case": case, "other": other, "details": details, "form": form,
        "same": case.person_id == other.person_id}, status=400 if form.errors else 200)


def _log_view(user, case) -> None:
    """Audit the view of the case's person section (and, for a child, the access log), as the case page does."""
    audit.record(actor=user, action="view", instance=case, case=case, changes={"sections": ["person"]})
    if case.person.is_child or case.module == Module.CHILD_VICTIM:
        AccessLog.objects.create(user=user, case=case, case_public_id=case.public_id)
