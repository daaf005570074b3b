"""The forms posted from the case page: person, consent, referral, transfer, note, determination, context,
services, assignment, closure request.

Each view finds the case for the user (404 when they may not see it), validates the form, calls one
service and goes back to the case page. When the form or the service refuses, the case page is shown
again with the errors next to the fields (status 400), and nothing was written.
"""

from __future__ import annotations

from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ctip.accounts.permissions import user_can
from ctip.cases import services
from ctip.cases.errors import NotFound
from ctip.cases.forms import (
    AssessmentForm,
    AssignForm,
    CaseContextForm,
    ClosureForm,
    ConsentForm,
    DeterminationForm,
    EventForm,
    NoteForm,
    PerpetratorForm,
    PersonForm,
    PlanForm,
    ReferralForm,
    ReopenForm,
    ServiceForm,
    ServiceUpdateForm,
    TransferForm,
)
from ctip.cases.views.case import assignable_workers, case_context
from ctip.cases.views.common import back_to_case, case_for, other_organisations, run_service


def _login_required(request) -> None:
    if not request.user.is_authenticated:
        raise NotFound()


def _case_and_child(request, public_id: str, related: str, pk: int, *, section: str | None = None):
    """The case (as for any action on it) and one of its ``related`` records, or the same 404 for either;
    with ``section``, only when the user may see that section of the case."""
    _login_required(request)
    case = case_for(request, public_id, log_view=False)
    child = None
    if section is None or section in case.access.sections:
        child = getattr(case, related).filter(pk=pk).first()
    if child is None:
        raise NotFound(related)
    return case, child


def _redisplay(request, case, anchor: str, **forms):
    ctx = case_context(request, case, **forms)
    ctx["focus"] = anchor
    return render(request, "cases/case_detail.html", ctx, status=400)


def _post(request, public_id: str, form_class, form_key: str, anchor: str, call, success: str, **form_kwargs):
    """The common path: bind, validate, call the service, then redirect or redisplay with errors."""
    _login_required(request)
    case = case_for(request, public_id, log_view=False)
    form = form_class(request.POST, **form_kwargs)
    if form.is_valid() and run_service(request, form, lambda: call(case, form.cleaned_data), success) is not None:
        return back_to_case(case, anchor)
    case = case_for(request, public_id)
    return _redisplay(request, case, anchor, **{form_key: form})


@require_POST
def consent_record(request, public_id: str):
    def call(case, data):
        return services.consent_record(
            actor=request.user, case=case, purpose=data["purpose"], organisation=data.get("organisation"),
            given_by=data["given_by"], guardian_name=data.get("guardian_name", ""),
            child_assent=data.get("child_assent"), given_on=data.get("given_on"))

    return _post(request, public_id, ConsentForm, "consent_form", "consent", call, _("Consent recorded."),
                 organisations=other_organisations(request.user))


@require_POST
def consent_withdraw(request, public_id: str, consent_id: int):
    case, consent = _case_and_child(request, public_id, "consents", consent_id)
    run_service(request, None, lambda: services.consent_withdraw(actor=request.user, consent=consent),
                _("Consent withdrawn. Referrals that rested on it were revoked."))
    return back_to_case(case, "consent")


@require_POST
def referral_create(request, public_id: str):
    def call(case, data):
        return services.referral_create(
            actor=request.user, case=case, to_organisation=data["to_organisation"],
            service_type=data["service_type"], sections=data["sections"], reason=data.get("reason", ""),
            details=data.get("details", ""), override_reason=data.get("override_reason", ""))

    return _post(request, public_id, ReferralForm, "referral_form", "referrals", call, _("Referral sent."),
                 organisations=other_organisations(request.user),
                 can_override=user_can(request.user, "cases.consent_override"))


@require_POST
def note_add(request, public_id: str):
    return _post(request, public_id, NoteForm, "note_form", "notes",
                 lambda case, data: services.note_add(actor=request.user, case=case, text=data["text"]),
                 _("Note added."))


@require_POST
def determination_request(request, public_id: str):
    def call(case, data):
        return services.determination_request(
            actor=request.user, case=case, status=data["status"], decision_org_type=data["decision_org_type"],
            rationale=data.get("rationale", ""), screening=case.screenings.first())

    return _post(request, public_id, DeterminationForm, "determination_form", "screening", call,
                 _("Determination sent to a supervisor for approval."))


@require_POST
def closure_request(request, public_id: str):
    return _post(request, public_id, ClosureForm, "closure_form", "approvals",
                 lambda case, data: services.closure_request(actor=request.user, case=case, reason=data["reason"],
                                                             status=data["status"]),
                 _("Closure sent to a supervisor for approval."))


@require_POST
def event_add(request, public_id: str):
    def call(case, data):
        return services.event_add(actor=request.user, case=case, event_type=data["event_type"],
                                  country=data.get("country", ""), state=data.get("state", ""),
                                  city=data.get("city", ""), description=data.get("description", ""),
                                  date=data.get("date"))

    return _post(request, public_id, EventForm, "event_form", "context", call, _("Event added."))


@require_POST
def assessment_record(request, public_id: str):
    def call(case, data):
        return services.assessment_record(
            actor=request.user, case=case, needs=data["needs"], risk_summary=data.get("risk_summary", ""),
            best_interests_done=data.get("best_interests_done", False),
            best_interests_summary=data.get("best_interests_summary", ""),
            guardian_name=data.get("guardian_name", ""), guardian_relationship=data.get("guardian_relationship", ""))

    return _post(request, public_id, AssessmentForm, "assessment_form", "assessment", call,
                 _("Needs assessment recorded."))


@require_POST
def plan_create(request, public_id: str):
    @transaction.atomic  # the plan, its services and the approval request are written together or not at all
    def call(case, data):
        provider = data.get("provider") or case.organisation
        plan = services.plan_create(
            actor=request.user, case=case, plan_type=data["plan_type"], objectives=data.get("objectives", ""),
            planned_end=data.get("planned_end"),
            services=[{"service_type": s, "provider": provider} for s in data["services"]])
        if data.get("submit"):
            services.plan_submit(actor=request.user, plan=plan)
        return plan

    return _post(request, public_id, PlanForm, "plan_form", "plan", call, _("Support plan saved."),
                 organisations=other_organisations(request.user))


@require_POST
def plan_submit(request, public_id: str, plan_id: int):
    case, plan = _case_and_child(request, public_id, "plans", plan_id)
    run_service(request, None, lambda: services.plan_submit(actor=request.user, plan=plan),
                _("Support plan sent to a supervisor for approval."))
    return back_to_case(case, "plan")


@require_POST
def case_reopen(request, public_id: str):
    return _post(request, public_id, ReopenForm, "reopen_form", "approvals",
                 lambda case, data: services.case_reopen(actor=request.user, case=case, reason=data["reason"]),
                 _("Case reopened."))


@require_POST
def transfer_create(request, public_id: str):
    def call(case, data):
        return services.transfer_create(
            actor=request.user, case=case, to_organisation=data["to_organisation"], reason=data.get("reason", ""),
            details=data.get("details", ""), override_reason=data.get("override_reason", ""))

    return _post(request, public_id, TransferForm, "transfer_form", "transfer", call,
                 _("Transfer sent. The case moves when the other organisation accepts it."),
                 organisations=other_organisations(request.user),
                 can_override=user_can(request.user, "cases.consent_override"))


@require_POST
def person_update(request, public_id: str):
    return _post(request, public_id, PersonForm, "person_form", "person",
                 lambda case, data: services.person_update(actor=request.user, case=case,
                                                           **PersonForm.person_fields_from(data)),
                 _("Person's details saved."))


@require_POST
def context_update(request, public_id: str):
    """Module, NRM phase and the victim context (HTCDS ``vic_*``) of the case."""
    return _post(request, public_id, CaseContextForm, "context_form", "case-context",
                 lambda case, data: services.case_update(actor=request.user, case=case, **data),
                 _("Trafficking context saved."))


@require_POST
def perpetrator_add(request, public_id: str):
    def call(case, data):
        return services.perpetrator_add(actor=request.user, case=case, roles=data["roles"],
                                        relationship=data.get("relationship", ""), details=data.get("details", ""))

    return _post(request, public_id, PerpetratorForm, "perpetrator_form", "perpetrator", call, _("Perpetrator added."))


@require_POST
def case_assign(request, public_id: str):
    _login_required(request)
    case = case_for(request, public_id, log_view=False)
    return _post(request, public_id, AssignForm, "assign_form", "assign",
                 lambda case, data: services.case_assign(actor=request.user, case=case, workers=data["workers"]),
                 _("Assigned workers saved."), workers=assignable_workers(case))


@require_POST
def service_add(request, public_id: str):
    _login_required(request)
    case = case_for(request, public_id, log_view=False)

    def call(case, data):
        item = {name: data.get(name) for name in ("planned_start", "planned_end", "actual_start", "actual_end")}
        return services.service_add(actor=request.user, case=case, plan=data.get("plan"),
                                    service_type=data["service_type"],
                                    provider=data.get("provider") or case.organisation,
                                    outcome=data.get("outcome", ""), **item)

    return _post(request, public_id, ServiceForm, "service_form", "service", call, _("Service added."),
                 plans=case.plans.all(), organisations=other_organisations(request.user))


@require_POST
def service_update(request, public_id: str, service_id: int):
    """Dates and outcome of a service: the owner's workers, or the provider once it accepted a referral."""
    case, service = _case_and_child(request, public_id, "services", service_id, section="plan")
    form = ServiceUpdateForm(request.POST, service=service)
    if form.is_valid() and run_service(request, form, lambda: services.service_update(
            actor=request.user, service=service, **form.cleaned_data), _("Service updated.")) is not None:
        return back_to_case(case, "plan")
    case = case_for(request, public_id)
    ctx = case_context(request, case)
    ctx["service_forms"] = [form if f.service.pk == service.pk else f for f in ctx.get("service_forms", [])]
    ctx["focus"] = "plan"
    return render(request, "cases/case_detail.html", ctx, status=400)
