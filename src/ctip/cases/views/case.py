"""The case list, the registration form and the case page with its sections.

Every section is shown only when the user's access to the case includes it (owners see all; an
organisation that accepted a referral sees the shared sections; the police see what was referred to
them with consent). Forms that change the case appear only to the owning organisation's workers.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ctip.accounts.models import Organisation, User
from ctip.accounts.permissions import CAPABILITIES, capability_required, user_can
from ctip.cases import duplicates, selectors, services
from ctip.cases.forms import (
    AssessmentForm,
    AssignForm,
    CaseContextForm,
    CaseFilterForm,
    ClosureForm,
    ConsentForm,
    DeterminationForm,
    EventForm,
    NoteForm,
    PerpetratorForm,
    PersonForm,
    PlanForm,
    ReferralForm,
    RegistrationForm,
    ReopenForm,
    ResponseForm,
    ServiceForm,
    ServiceUpdateForm,
    TransferForm,
)
from ctip.cases.models import ApprovalState, Case, PlanState, Referral, ReferralState, Section
from ctip.cases.views.common import case_for, other_organisations, run_service
from ctip.cases.views.history import may_see_history
from ctip.cases.views.screening_text import present

PAGE_SIZE = 50
COUNT_CAP = 1000


class CappedPaginator(Paginator):
    """Counts at most ``COUNT_CAP`` matching cases: an exact count over a whole organisation's cases
    costs more than the page itself, and nobody pages through a thousand cases (they search or filter)."""

    @cached_property
    def count(self) -> int:
        if isinstance(self.object_list, list):
            return min(len(self.object_list), COUNT_CAP)
        return min(self.object_list.order_by()[:COUNT_CAP + 1].count(), COUNT_CAP)

    @cached_property
    def capped(self) -> bool:
        if isinstance(self.object_list, list):
            return len(self.object_list) > COUNT_CAP
        return self.object_list.order_by()[COUNT_CAP:COUNT_CAP + 1].exists()


@capability_required("cases.view")
@require_http_methods(["GET", "POST"])
def case_list(request):
    """Cases the user may see, filtered by search (case id or exact identifier), status, stage, organisation.

    The form posts, so that a searched name never travels in a URL (browser history, a shared link, a proxy's
    log): a search is answered in the response to the POST, its pages by posting again; filters alone are
    redirected to a plain URL that can be bookmarked. ``q`` in a URL is ignored."""
    organisations = _filter_organisations(request.user)
    if request.method == "POST":
        form = CaseFilterForm(request.POST, organisations=organisations)
        filters = form.cleaned_data if form.is_valid() else {}
        if not filters.get("q"):
            query = request.POST.copy()
            for name in ("csrfmiddlewaretoken", "q", "page"):
                query.pop(name, None)
            return redirect(f"{request.path}?{query.urlencode()}" if query else request.path)
        page_number = request.POST.get("page")
    else:
        data = request.GET.copy()
        data.pop("q", None)
        form = CaseFilterForm(data or None, organisations=organisations)
        filters = form.cleaned_data if form.is_valid() else {}
        page_number = request.GET.get("page")
    org = filters.get("organisation")
    cases = selectors.case_list_for(request.user, search=filters.get("q", ""), status=filters.get("status", ""),
                                    stage=filters.get("stage", ""), module=filters.get("module", ""),
                                    organisation_id=org.pk if org else None, mine=bool(filters.get("mine")))
    cases = cases.select_related(None).select_related("organisation")  # the list shows no personal data
    if filters.get("q"):  # an exact search finds few cases: one query for the count and the rows
        cases = list(cases[:COUNT_CAP + 1])
    page = CappedPaginator(cases, PAGE_SIZE, allow_empty_first_page=True).get_page(page_number)
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("q", None)
    return render(request, "cases/case_list.html", {
        "form": form, "page": page, "query": query.urlencode(), "searched": bool(filters.get("q")),
        "can_register": user_can(request.user, "cases.edit") and request.user.organisation_id is not None,
    })


def _filter_organisations(user):
    """Organisations whose cases the user may find: their own, those that referred cases to it, or all."""
    if user.scope == "all":
        return Organisation.objects.all()
    referring = Referral.objects.filter(to_organisation_id=user.organisation_id, state=ReferralState.ACCEPTED)
    return Organisation.objects.filter(Q(pk=user.organisation_id) | Q(pk__in=referring.values("from_organisation_id")))


@capability_required("cases.edit")
@require_http_methods(["GET", "POST"])
def case_register(request):
    """Register a person and open their case in the user's organisation, after checking that the person is not
    already registered there (``ctip.cases.duplicates``).

    A valid form with possible matches is shown again with them, and nothing is saved until the worker
    chooses (``choice``): ``person-<id>`` opens a new case for that person, ``new`` registers a different
    person. The matches are looked up again on every post, so a choice can only name a person who still
    matches the details sent."""
    form = RegistrationForm(request.POST or None)
    matches = []
    if request.method == "POST" and form.is_valid():
        fields = form.person_fields()
        matches = duplicates.possible_matches(request.user, fields)
        choice = request.POST.get("choice", "")
        chosen = next((m for m in matches if choice == f"person-{m.person_id}"), None)
        if choice.startswith("person-") and chosen is None:
            messages.error(request, _("That person no longer matches the details given: choose again."))
        elif chosen is not None or choice == "new" or not matches:
            case = _register(request, form, fields, chosen, matches if choice == "new" else [])
            if case is not None:
                return redirect("cases:detail", public_id=case.public_id)
    return render(request, "cases/case_register.html", {
        "form": form, "matches": matches,
        "hidden_form": RegistrationForm(request.POST, auto_id=False) if matches else None,
    }, status=400 if form.errors else 200)


def _register(request, form, fields: dict, chosen, declined: list):
    """Open the case: for the chosen matching person, or for a new person (auditing the matches declined)."""
    data = form.cleaned_data
    module, nrm_phase = data.get("module") or None, data.get("nrm_phase") or None
    if chosen is not None:
        return run_service(request, form, lambda: services.case_create_for_person(
            actor=request.user, person_id=chosen.person_id, module=module, nrm_phase=nrm_phase, **fields),
            _("Case opened for a person already registered. Details already on their record were kept; "
              "check the person's details."))
    return run_service(request, form, lambda: services.case_create(
        actor=request.user, module=module, nrm_phase=nrm_phase, declined_matches=declined, **fields),
        _("Case registered."))


def case_context(request, case: Case, **forms) -> dict:
    """Everything the case page shows to this user, section by section."""
    user, access = request.user, case.access
    sections = access.sections
    owner = access.can_edit and user_can(user, "cases.edit")
    ctx = {"case": case, "access": access, "sections": sections, "owner": owner,
           "editable": owner and not case.is_closed,  # a closed case is read-only until reopened
           "can_note": access.can_add_notes and user_can(user, "cases.edit") and not case.is_closed,
           "person": case.person if "person" in sections else None,
           "other_cases": selectors.person_other_cases(user, case) if "person" in sections else [],
           "shared_labels": [Section(s).label for s in Section.values if s in sections],
           "can_merge": owner and user_can(user, "cases.approve") and not case.is_anonymised
           and case.organisation_id == user.organisation_id}
    if "screening" in sections:
        ctx["screenings"] = [(s, present(s.suggestion), _evidence(s))
                             for s in case.screenings.prefetch_related("evidence")]
        ctx["determinations"] = case.determinations.prefetch_related("approvals")
    if "context" in sections:
        ctx["events"], ctx["perpetrators"] = case.events.all(), case.perpetrators.all()
    if "assessment" in sections:
        ctx["assessments"] = case.assessments.all()
    if "plan" in sections:
        ctx["plans"] = case.plans.prefetch_related("services__provider")
        ctx["services"] = case.services.select_related("provider")
        ctx["service_forms"] = [ServiceUpdateForm(service=s) for s in ctx["services"]
                                if _may_update_service(user, access, owner, s)]
    if "notes" in sections:
        ctx["notes"] = case.notes.select_related("author", "organisation")
    if owner:
        orgs = other_organisations(user)
        ctx.update({
            "consents": selectors.consents_for(case),
            "referrals": case.referrals.select_related("to_organisation", "created_by"),
            "approvals": case.approvals.select_related("requested_by", "decided_by"),
            "consent_form": forms.get("consent_form") or ConsentForm(organisations=orgs),
            "referral_form": forms.get("referral_form") or ReferralForm(
                organisations=orgs, can_override=user_can(user, "cases.consent_override")),
            "closure_form": forms.get("closure_form") or ClosureForm(),
            "determination_form": forms.get("determination_form") or DeterminationForm(
                suggested=case.screenings.values_list("suggested_status", flat=True).first() or ""),
            "event_form": forms.get("event_form") or EventForm(),
            "context_form": forms.get("context_form") or CaseContextForm(case=case),
            "assessment_form": forms.get("assessment_form") or AssessmentForm(),
            "plan_form": forms.get("plan_form") or PlanForm(organisations=orgs),
            "reopen_form": forms.get("reopen_form") or ReopenForm(),
            "person_form": forms.get("person_form") or PersonForm(person=case.person),
            "transfer_form": forms.get("transfer_form") or TransferForm(
                organisations=orgs, can_override=user_can(user, "cases.consent_override")),
            "perpetrator_form": forms.get("perpetrator_form") or PerpetratorForm(),
            "service_form": forms.get("service_form") or ServiceForm(plans=case.plans.all(), organisations=orgs),
            "assign_form": forms.get("assign_form") or AssignForm(
                workers=assignable_workers(case), initial={"workers": list(case.assigned_workers.all())}),
            "assigned_workers": case.assigned_workers.all(),
            "plan_draft_states": (PlanState.DRAFT, PlanState.REJECTED),
            "can_approve": user_can(user, "cases.approve"),
            "can_see_history": may_see_history(user, case),
            "decision_form": ResponseForm(),
            "requested": ApprovalState.REQUESTED,
        })
    if ctx["can_note"]:
        ctx["note_form"] = forms.get("note_form") or NoteForm()
    return ctx


def _evidence(screening) -> list[dict]:
    """The screening's evidence as the page lists it: one line per source and note, naming the elements
    it supports (the form records one item per element, all with the same source and note)."""
    grouped: dict[tuple, list[str]] = {}
    for item in screening.evidence.all():
        grouped.setdefault((item.source, item.note or "", item.observed_on), []).append(item.get_element_display())
    return [{"source": source, "note": note, "observed_on": day, "elements": ", ".join(elements)}
            for (source, note, day), elements in grouped.items()]


def assignable_workers(case: Case):
    """Active case workers and supervisors (people, not service accounts) of the organisation that owns the case."""
    roles = CAPABILITIES["cases.edit"]
    return User.objects.filter(organisation_id=case.organisation_id, role__in=roles, is_active=True,
                               is_service_account=False).order_by("username")


def _may_update_service(user, access, owner: bool, service) -> bool:
    """The owner's workers, or the providing organisation's workers once it accepted a referral."""
    provider = access.level == "recipient" and service.provider_id == user.organisation_id
    return owner or (provider and user_can(user, "cases.edit"))


def case_detail(request, public_id: str):
    """The case page. A case the user may not see answers 404, exactly like a missing one."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    case = case_for(request, public_id)
    return render(request, "cases/case_detail.html", case_context(request, case))
