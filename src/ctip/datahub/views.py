"""Upload page and batch list of the collaborative dataset.

Flow: choose a file (upload with a progress bar) -> the file is staged and validated without writing
(detected format, a preview of the harmonised rows, the validation report) -> commit (optionally
skipping invalid rows) or discard. The batch list shows every active batch with a confirmed drop.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ctip.accounts.permissions import capability_required, user_can
from ctip.datahub import services, staging
from ctip.datahub.wording import batch_row
from ctip.dataset.store import BatchNotFound


def _require_batch_access(request) -> None:
    if not (user_can(request.user, "dataset.view") or user_can(request.user, "dataset.upload")):
        raise PermissionDenied


def batches(request):
    """Active batches; people who may upload also see the upload link and drop buttons."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    _require_batch_access(request)
    batches = services.batch_list()
    return render(request, "datahub/batches.html", {
        "batches": [batch_row(b) for b in batches],
        "droppable": {b.batch_id for b in batches if services.batch_may_drop(request.user, b)},
        "can_upload": user_can(request.user, "dataset.upload"),
    })


@capability_required("dataset.upload")
@require_http_methods(["GET", "POST"])
def upload(request):
    """GET: the form. POST: stage the file, validate it, go to its preview."""
    if request.method == "POST":
        uploaded = request.FILES.get("file")
        if uploaded is None:
            messages.error(request, _("Choose a file to upload."))
            return render(request, "datahub/upload.html", services.upload_context(request.user), status=400)
        try:
            staged = staging.stage_upload(uploaded, user_id=request.user.pk)
        except staging.UploadTooLarge:
            messages.error(request, _("The file is larger than %(mib)s MiB: split it and upload the parts.")
                           % {"mib": staging.MAX_UPLOAD_BYTES // 2**20})
            return render(request, "datahub/upload.html", services.upload_context(request.user), status=413)
        services.validate_staged(staged, fmt=request.POST.get("format") or None,
                                 contributor=(request.POST.get("contributor") or "").strip() or None,
                                 fallback_contributor=services.upload_context(request.user)["default_contributor"]
                                 or request.user.username)
        return redirect("datahub:preview", token=staged.token)
    return render(request, "datahub/upload.html", services.upload_context(request.user))


@capability_required("dataset.upload")
def preview(request, token: str):
    """Detected format, preview rows and validation report of a staged upload."""
    staged = staging.load_staged(token, user_id=request.user.pk)
    if staged is None:
        raise Http404(_("No such upload."))
    return render(request, "datahub/preview.html", services.preview_context(staged, get_language() or "en"))


@capability_required("dataset.upload")
@require_POST
def commit(request, token: str):
    """POST: commit (optionally skipping invalid rows) or discard a staged upload."""
    staged = staging.load_staged(token, user_id=request.user.pk)
    if staged is None:
        raise Http404(_("No such upload."))
    if request.POST.get("action") == "discard":
        staging.discard(staged)
        messages.info(request, _("The upload was discarded; nothing was imported."))
        return redirect("datahub:upload")
    report = services.commit_staged(staged, skip_invalid=request.POST.get("skip_invalid") == "on")
    if report.status == "imported":
        messages.success(request, _("Imported %(imported)s of %(rows)s rows as batch %(batch)s.") % {
            "imported": report.imported, "rows": report.rows_read, "batch": report.batch})
        return redirect("datahub:batches")
    if report.status == "duplicate" and report.duplicate_records:
        messages.info(request, _("These records were already imported as batch %(batch)s; nothing was imported.")
                      % {"batch": report.duplicate_of_batch})
        return redirect("datahub:batches")
    if report.status == "duplicate":
        messages.info(request, _("This file was already imported as batch %(batch)s; nothing was imported.") % {
            "batch": report.duplicate_of_batch})
        return redirect("datahub:batches")
    messages.error(request, _("Nothing was imported: the file has invalid rows."))
    return redirect("datahub:preview", token=token)


@capability_required("dataset.upload")
@require_http_methods(["GET", "POST"])
def drop(request, batch_id: str):
    """GET: ask for confirmation. POST: drop the batch (only one the user may drop: see ``batch_may_drop``)."""
    batch = services.batch_get_droppable(request.user, batch_id)
    if batch is None:
        raise Http404(_("No such batch."))
    if request.method == "POST":
        try:
            services.batch_drop(batch_id)
        except BatchNotFound:
            raise Http404(_("No such batch.")) from None
        messages.success(request, _("Batch %(batch)s was dropped: %(count)s records removed.") % {
            "batch": batch_id, "count": batch.imported})
        return redirect("datahub:batches")
    return render(request, "datahub/confirm_drop.html", {"batch": batch})
