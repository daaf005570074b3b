"""The case page's retention panel: the anonymised notice for everyone who sees the case, and for the
supervisors of the owning organisation the hold, the due date, "anonymise" and the subject access download."""

from __future__ import annotations

from django import template

from ctip.accounts.permissions import user_can
from ctip.cases import retention
from ctip.cases.retention_forms import AnonymiseForm, HoldForm

register = template.Library()


@register.inclusion_tag("cases/_retention.html", takes_context=True)
def retention_panel(context) -> dict:
    """``{% retention_panel %}`` on the case page (needs ``case`` with its ``access``, and ``request``)."""
    case, request = context["case"], context["request"]
    user = request.user
    out = {"case": case, "request": request, "csrf_token": context.get("csrf_token"), "focus": context.get("focus")}
    if case.is_anonymised:
        return out
    supervises = (case.access.can_edit and user_can(user, "cases.approve")
                  and user.organisation_id == case.organisation_id)
    if not supervises:
        return out
    try:
        years, problem = retention.retention_years(), ""
    except retention.RetentionSettingError as exc:
        years, problem = None, str(exc)
    out.update({
        "supervises": True, "years": years, "problem": problem, "hold": retention.active_hold(case),
        "due_on": retention.due_on(case.closed_on, years) if case.closed_on and years else None,
        "anonymise_form": context.get("retention_anon_form") or AnonymiseForm(public_id=case.public_id),
        "hold_form": context.get("retention_hold_form") or HoldForm(public_id=case.public_id),
    })
    return out
