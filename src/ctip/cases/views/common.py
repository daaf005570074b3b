"""What every case page shares: finding the case for the user (404-not-403), turning a service's
refusal into a message, and the organisations a user may pick."""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.shortcuts import redirect

from ctip.accounts.models import Organisation
from ctip.cases import selectors
from ctip.cases.errors import ApplicationError
from ctip.cases.models import Case


def case_for(request, public_id: str, *, log_view: bool = True) -> Case:
    """The case if the user may see it; otherwise ``NotFound`` (a 404 identical to a missing case)."""
    return selectors.case_get_for(request.user, public_id, log_view=log_view)


def other_organisations(user):
    """Active organisations other than the user's own (referral and consent targets)."""
    return Organisation.objects.filter(is_active=True).exclude(pk=user.organisation_id).order_by("name")


def run_service(request, form: forms.Form | None, call: Callable[[], object], success: str):
    """Call a service; on success add ``success`` as a message and return its result.

    On ``ApplicationError`` the message is shown, field errors are attached to ``form`` (when the field
    exists there, else as a form-wide error) and ``None`` is returned: nothing was written.
    """
    try:
        result = call()
    except ApplicationError as exc:
        fields = exc.extra.get("fields", {}) if isinstance(exc.extra, dict) else {}
        if form is not None:
            for name, problems in fields.items():
                target = name if name in form.fields else None
                for problem in problems if isinstance(problems, list) else [problems]:
                    form.add_error(target, str(problem))
            if not fields:
                form.add_error(None, exc.message)
        messages.error(request, exc.message)
        return None
    messages.success(request, success)
    return result


def back_to_case(case: Case, anchor: str = ""):
    response = redirect("cases:detail", public_id=case.public_id)
    if anchor:
        response["Location"] += f"#{anchor}"
    return response
