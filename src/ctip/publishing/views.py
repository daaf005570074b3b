"""Pages for data analysts (list, ledger, reports, request publication) and supervisors (approve)."""

from __future__ import annotations

import logging
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ctip.accounts.permissions import capability_required, user_can
from ctip.disclosure.errors import BudgetExceeded, DisclosureError, InvalidParameter
from ctip.disclosure.registry import NotIncomplete, ReleaseExists, load_release
from ctip.publishing import selectors, services
from ctip.publishing.forms import NewReleaseForm, id_taken_error, parameter_error
from ctip.publishing.refusals import REFUSALS
from ctip.publishing.report import report_sections, review_notes

logger = logging.getLogger(__name__)

DOWNLOADS = ("records.csv", "records_generalised.csv", "aggregates.csv", "README.md", "README.mn.md", "report.html", "report.json", "manifest.json")


def _reviewer_required(view):
    """Data analysts and supervisors: anonymous users log in, anyone else gets 403."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not (user_can(request.user, "release.create") or user_can(request.user, "release.approve")):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _release_or_404(release_id: str):
    try:
        return load_release(release_id)
    except DisclosureError as exc:
        raise Http404(_("No such release.")) from exc


@_reviewer_required
def release_list(request, form: NewReleaseForm | None = None):
    can_create = user_can(request.user, "release.create")
    return render(request, "publishing/list.html", {
        "rows": selectors.release_list(), "ledger": selectors.ledger_summary(),
        "incomplete": selectors.incomplete_list(), "can_create": can_create,
        "can_approve": user_can(request.user, "release.approve"),
        "form": (form or NewReleaseForm()) if can_create else None,
    })


@require_POST
@capability_required("release.create")
def release_create(request):
    """Make a release from the collaborative dataset now (not published: the request/approve flow applies)."""
    form = NewReleaseForm(request.POST)
    if not form.is_valid():
        return release_list(request, form=form)
    release_id = form.cleaned_data["release_id"]
    try:
        info = services.release_from_dataset(form.release_request(), release_id)
    except services.EmptyDataset as exc:
        form.add_error(None, str(exc))
    except BudgetExceeded:
        left = selectors.dataset_budget()[1]
        form.add_error("epsilon", _("Refused: the records of the collaborative dataset have only ε = %(eps)s, "
                                    "δ = %(delta)s left of their privacy budget. Lower ε (or δ), or ask an "
                                    "administrator to raise the budget.") % {"eps": f"{left.epsilon:g}",
                                                                             "delta": f"{left.delta:g}"})
    except InvalidParameter as exc:
        parameter_error(form, exc)
    except ReleaseExists:  # the id was taken since the form was checked (a second click, or two analysts)
        form.add_error("release_id", id_taken_error(release_id))
    except DisclosureError as exc:  # its English text stays in the log: the page words the refusal
        logger.warning("release %s refused on the Releases page (user #%s): %s", release_id, request.user.pk, exc)
        form.add_error(None, _(REFUSALS["cannot_make"]))
    else:
        logger.info("release %s (%s) created from the Releases page by user #%s", info.id, info.method,
                    request.user.pk)
        messages.success(request, _("Release %(id)s created. It is not published: read its report, then "
                                    "request publication.") % {"id": info.id})
        return redirect("publishing:detail", release_id=info.id)
    return release_list(request, form=form)


@require_http_methods(["GET", "POST"])
@capability_required("release.create")
def incomplete_remove(request, release_id: str):
    """GET: ask to confirm. POST: remove an incomplete release (its writer stopped) and its staging, audited."""
    incomplete = selectors.incomplete_get(release_id)
    if incomplete is None:
        raise Http404(_("No such incomplete release."))
    if request.method == "POST":
        try:
            services.release_incomplete_remove(release_id=release_id, actor=request.user, via="Releases page")
        except NotIncomplete:  # finished or removed meanwhile
            raise Http404(_("No such incomplete release.")) from None
        messages.success(request, _("The incomplete release %(id)s was removed; the id is free again.")
                         % {"id": release_id})
        return redirect("publishing:list")
    return render(request, "publishing/confirm_remove.html", {"incomplete": incomplete})


@_reviewer_required
def release_detail(request, release_id: str):
    info = _release_or_404(release_id)
    report = info.report()
    return render(request, "publishing/detail.html", {
        "release": info, "report": report, "request_obj": selectors.request_for(release_id),
        "utility": report.get("utility", {}), "risk": report.get("risk", {}),
        "review_notes": review_notes(report.get("review_notes", [])),
        "files": [n for n in DOWNLOADS if info.file(n)],
        "can_request": user_can(request.user, "release.create"),
        "can_approve": user_can(request.user, "release.approve"),
    })


@_reviewer_required
def release_report(request, release_id: str):
    """The whole quality and risk report in the reader's language (``report.json`` laid out for a person)."""
    info = _release_or_404(release_id)
    report = info.report()
    return render(request, "publishing/report.html", {
        "release": info, "has_report": bool(report), "sections": report_sections(report) if report else [],
        "files": [n for n in ("report.json", "report.html") if info.file(n)],
    })


@_reviewer_required
def release_file(request, release_id: str, name: str):
    info = _release_or_404(release_id)
    if name not in DOWNLOADS or info.file(name) is None:
        raise Http404(_("No such file."))
    return FileResponse(open(info.file(name), "rb"), as_attachment=name != "report.html", filename=name)


def _act(request, release_id: str, action, done: str):
    _release_or_404(release_id)
    try:
        action()
    except services.PublishingError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, done)
    return redirect("publishing:detail", release_id=release_id)


@require_POST
@capability_required("release.create")
def release_request(request, release_id: str):
    return _act(request, release_id, lambda: services.publication_request(
        release_id=release_id, user=request.user, note=request.POST.get("note", "")),
        _("Publication requested: a supervisor must approve it."))


@require_POST
@capability_required("release.approve")
def release_approve(request, release_id: str):
    return _act(request, release_id, lambda: services.publication_approve(release_id=release_id, user=request.user),
                _("Release approved and published to the public dashboard."))


@require_POST
@capability_required("release.approve")
def release_reject(request, release_id: str):
    return _act(request, release_id, lambda: services.publication_reject(release_id=release_id, user=request.user),
                _("Publication rejected."))
