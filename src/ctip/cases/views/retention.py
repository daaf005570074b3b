"""Retention pages: the supervisors' list of cases due for anonymisation (with "anonymise now" and "hold"),
the actions posted from it and from the case page, and the download of what is held about a person.

Every action is a form posted to one view that calls one service; the result is a message on the page
the supervisor came from (the retention list or the case page). A form that does not validate shows that
page again with the errors next to the fields (status 400), and nothing was written.
"""

from __future__ import annotations

import json

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from ctip.accounts.permissions import capability_required
from ctip.cases import retention, subject_access
from ctip.cases.errors import NotFound, PermissionRefused
from ctip.cases.retention_forms import AnonymiseForm, HoldForm
from ctip.cases.views.case import case_context
from ctip.cases.views.common import case_for, run_service

LIST_LIMIT = 500


def _list_context(request, **forms) -> dict:
    """The retention page: the rule, the cases due (each with its two forms), the holds in force."""
    try:
        years, problem = retention.retention_years(), ""
        due = list(retention.cases_due_for(request.user)[:LIST_LIMIT + 1])
    except retention.RetentionSettingError as exc:
        years, problem, due = None, str(exc), []
    rows = [{"case": case, "due_on": retention.due_on(case.closed_on, years),
             "anonymise_form": forms.get(f"anon-{case.public_id}") or AnonymiseForm(public_id=case.public_id),
             "hold_form": forms.get(f"hold-{case.public_id}") or HoldForm(public_id=case.public_id)}
            for case in due[:LIST_LIMIT]]
    return {"years": years, "problem": problem, "rows": rows, "more": len(due) > LIST_LIMIT,
            "holds": retention.holds_for(request.user)}


@capability_required("cases.approve")
@require_GET
def retention_list(request):
    """Cases of the supervisor's organisation whose retention period is over, and the holds in force."""
    return render(request, "cases/retention.html", _list_context(request))


def _back(request, case):
    if request.POST.get("next") == "case":
        return redirect("cases:detail", public_id=case.public_id)
    return redirect("cases:retention")


def _redisplay(request, public_id: str, form):
    """The page the form came from, again, with its errors (400)."""
    if request.POST.get("next") == "case":
        case = case_for(request, public_id)
        ctx = case_context(request, case)
        ctx[f"retention_{form.prefix.split('-')[0]}_form"] = form
        ctx["focus"] = "retention"
        return render(request, "cases/case_detail.html", ctx, status=400)
    return render(request, "cases/retention.html", _list_context(request, **{form.prefix: form}), status=400)


@capability_required("cases.approve")
@require_POST
def case_anonymise(request, public_id: str):
    case = case_for(request, public_id, log_view=False)
    form = AnonymiseForm(request.POST, public_id=case.public_id)
    if form.is_valid() and run_service(request, form, lambda: retention.case_anonymise(
            actor=request.user, case=case, reason=form.cleaned_data["reason"]),
            _("Case %(id)s anonymised: its identifying details were erased.") % {"id": case.public_id}) is not None:
        return _back(request, case)
    return _redisplay(request, case.public_id, form)


@capability_required("cases.approve")
@require_POST
def hold_place(request, public_id: str):
    case = case_for(request, public_id, log_view=False)
    form = HoldForm(request.POST, public_id=case.public_id)
    if form.is_valid() and run_service(request, form, lambda: retention.hold_place(
            actor=request.user, case=case, reason=form.cleaned_data["reason"]),
            _("Case %(id)s is on hold: the retention rule leaves it alone until the hold is lifted.")
            % {"id": case.public_id}) is not None:
        return _back(request, case)
    return _redisplay(request, case.public_id, form)


@capability_required("cases.approve")
@require_POST
def hold_lift(request, public_id: str, hold_id: int):
    case = case_for(request, public_id, log_view=False)
    hold = case.holds.filter(pk=hold_id).first()
    if hold is None:
        raise NotFound("hold")
    run_service(request, None, lambda: retention.hold_lift(actor=request.user, hold=hold),
                _("Hold lifted: the retention rule applies to case %(id)s again.") % {"id": case.public_id})
    return _back(request, case)


@capability_required("cases.approve")
@require_GET
def subject_access_download(request, public_id: str):
    """Everything held about the case's person in the supervisor's organisation, as a page or JSON file
    (``?format=json``), never cached, always downloaded, audited as a view of every section."""
    output = "json" if request.GET.get("format") == "json" else "html"
    case = case_for(request, public_id, log_view=False)
    try:
        report = subject_access.subject_access_report(actor=request.user, case=case, output=output)
    except PermissionRefused as exc:
        raise PermissionDenied(exc.message) from None
    stamp = timezone.localdate().isoformat()
    if output == "json":
        body = json.dumps(report.as_json(), ensure_ascii=False, indent=2, default=str)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(render_to_string("cases/subject_access.html", {"report": report}, request=request),
                                content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="subject-access-{case.public_id}-{stamp}.{output}"'
    response["Cache-Control"] = "no-store"
    return response
