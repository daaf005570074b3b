"""The screening form and the endpoint that shows the engine's suggestion while the worker fills it in.

The page works without JavaScript: "Show suggestion" re-renders the form with the suggestion, "Save
screening" records it. With JavaScript (``static/cases/screening.js``), every change posts the form to
``screening_preview``, which runs ``ctip.screening.assess`` and answers JSON; nothing is written.
"""

from __future__ import annotations

import json
import logging

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ctip.accounts.permissions import user_can
from ctip.cases import screening_adapter, services
from ctip.cases.errors import NotFound
from ctip.cases.forms import ScreeningForm
from ctip.cases.views.common import back_to_case, case_for, run_service
from ctip.cases.views.screening_text import present

log = logging.getLogger(__name__)


def _not_assessable(exc: Exception) -> str:
    """The refusal in the reader's language; the log gets the offending field's name, never a value."""
    log.warning("screening input refused by the engine at %s", getattr(exc.__cause__, "field", "?"))
    return _("These answers cannot be assessed together. Check the answers and try again.")


def _editable_case(request, public_id: str, *, log_view: bool):
    if not request.user.is_authenticated:
        raise NotFound()
    case = case_for(request, public_id, log_view=log_view)
    if not (case.access.can_edit and user_can(request.user, "cases.edit")):
        raise PermissionDenied  # they see the case (a referral) but only the owning organisation screens
    return case


def _suggest(case, interview: dict) -> dict:
    document = {**interview, "person": screening_adapter.person_facts(case.person, case.registered_on)}
    return present(services.screening_preview(document))


@require_http_methods(["GET", "POST"])
def screening_form(request, public_id: str):
    """Fill in a screening; preview the suggestion (no write) or save it."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    case = _editable_case(request, public_id, log_view=True)
    form = ScreeningForm(request.POST or None)
    suggestion, status = None, 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif "preview" in request.POST:
            suggestion = _try_suggest(case, form)
        else:
            saved = run_service(request, form, lambda: services.screening_record(
                actor=request.user, case=case, interview=form.interview(), evidence=form.evidence()),
                _("Screening saved."))
            if saved is not None:
                return back_to_case(case, "screening")
            status = 400
    return render(request, "cases/screening_form.html", {
        "case": case, "form": form, "suggestion": suggestion,
        "person_facts": screening_adapter.person_facts(case.person, case.registered_on),
    }, status=status)


def _try_suggest(case, form: ScreeningForm) -> dict | None:
    try:
        return _suggest(case, form.interview())
    except screening_adapter.InvalidInterview as exc:
        form.add_error(None, _not_assessable(exc))
        return None


@require_POST
def screening_preview(request, public_id: str):
    """JSON: the suggestion for the posted (form-encoded) interview, in the page's language."""
    case = _editable_case(request, public_id, log_view=False)
    form = ScreeningForm(request.POST)
    if not form.is_valid():
        return JsonResponse({"message": _("Please correct the highlighted fields."),
                             "fields": json.loads(form.errors.as_json())}, status=400)
    try:
        return JsonResponse(_suggest(case, form.interview()))
    except screening_adapter.InvalidInterview as exc:
        return JsonResponse({"message": _not_assessable(exc), "fields": {}}, status=400)
