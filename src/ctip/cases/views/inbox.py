"""The referral inbox (incoming and outgoing, accept / reject / revoke) and the supervisors' approvals queue."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from ctip.accounts.permissions import capability_required
from ctip.cases import selectors, services
from ctip.cases.forms import ResponseForm
from ctip.cases.models import ApprovalState, ReferralState
from ctip.cases.views.common import run_service

REFERRAL_ACTIONS = {
    "accept": (services.referral_accept, gettext_lazy("Referral accepted.")),
    "reject": (services.referral_reject, gettext_lazy("Referral rejected.")),
    "revoke": (services.referral_revoke, gettext_lazy("Referral revoked.")),
    "done": (services.referral_complete, gettext_lazy("Referral marked done.")),
}


@capability_required("cases.referrals")
def referral_inbox(request):
    """Referrals addressed to the user's organisation, and those it sent (open ones first)."""
    state = request.GET.get("state", "")
    state = state if state in ReferralState.values else ""
    incoming = selectors.referral_list_incoming(request.user, state=state).order_by("-created_at")
    outgoing = selectors.referral_list_outgoing(request.user, state=state).order_by("-created_at")
    return render(request, "cases/referrals.html", {
        "incoming": incoming[:200], "outgoing": outgoing[:200], "state": state, "states": ReferralState.choices,
        "response_form": ResponseForm(), "in_progress": ReferralState.IN_PROGRESS,
        "accepted": ReferralState.ACCEPTED,
    })


@require_POST
@login_required
def referral_respond(request, referral_id: int, action: str):
    """Accept, reject, revoke or complete a referral the user's organisation received or sent."""
    referral = selectors.referral_get_for(request.user, referral_id)
    if action not in REFERRAL_ACTIONS:
        return redirect("cases:referrals")
    service, success = REFERRAL_ACTIONS[action]
    form = ResponseForm(request.POST)
    note = form.cleaned_data.get("note", "") if form.is_valid() else ""
    run_service(request, None, lambda: service(actor=request.user, referral=referral, note=note), str(success))
    return redirect("cases:referrals")


@capability_required("cases.approve")
def approval_queue(request):
    """Requests waiting for this supervisor's decision, oldest first."""
    approvals = selectors.approval_queue_for(request.user)
    decided = selectors.approval_queue_for(request.user, state="").exclude(
        state=ApprovalState.REQUESTED).order_by("-decided_at")[:20]
    return render(request, "cases/approvals.html", {"approvals": approvals[:200], "decided": decided,
                                                    "decision_form": ResponseForm()})


@require_POST
@capability_required("cases.approve")
def approval_decide(request, approval_id: int):
    approval = selectors.approval_get_for(request.user, approval_id)
    approve = request.POST.get("decision") == "approve"
    form = ResponseForm(request.POST)
    comment = form.cleaned_data.get("note", "") if form.is_valid() else ""
    success = _("Approved.") if approve else _("Rejected.")
    run_service(request, None, lambda: services.approval_decide(actor=request.user, approval=approval,
                                                                approve=approve, comment=comment), success)
    if request.POST.get("next") == "case":
        return redirect("cases:detail", public_id=approval.case.public_id)
    return redirect("cases:approvals")
