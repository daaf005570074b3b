"""The police analysts' OSINT workspace: upload, results with filters, post view, cluster view.

Every page needs the ``osint.use`` capability, shows only scans of the analyst's organisation, and
writes an ``AccessEvent`` (a refused attempt on a scan of another organisation, or on none, too). Scores are triage, not evidence: every page says so.
"""

from __future__ import annotations

import functools

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ctip.accounts.permissions import capability_required
from ctip.osint.present import network_layout, score_breakdown, segments
from ctip.workbench import selectors
from ctip.workbench.forms import FilterForm, UploadForm
from ctip.workbench.models import AccessEvent
from ctip.workbench.services import WorkbenchError, access_log, form_refusal, scan_create, upload_refused

PAGE_SIZE = 100
DOWNLOADS = {"report": ("report.html", "text/html"), "posts": ("posts.csv", "text/csv"),
             "clusters": ("clusters.json", "application/json"), "graph": ("graph.graphml", "application/xml"),
             "custody": ("custody.json", "application/json")}


def _output_required(view):
    """A scan whose output files are gone answers 410 with a page saying so, not a server error."""
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except selectors.OutputMissing as missing:
            return render(request, "workbench/missing.html", {"scan": missing.scan}, status=410)
    return wrapped


def _scan_or_404(request, scan_id):
    """The scan, if the analyst's organisation ran it; otherwise log the refused attempt and 404."""
    try:
        return selectors.scan_get(request.user, scan_id)
    except Http404:
        access_log(user=request.user, action=AccessEvent.Action.DENIED, target=f"{request.path} scan {scan_id}")
        raise


@capability_required("osint.use")
@require_http_methods(["GET", "POST"])
def home(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        files = request.FILES.getlist("files")
        if request.user.organisation is None:
            messages.error(request, _("Your account has no organisation; ask an administrator."))
            upload_refused(user=request.user, reason="no_organisation", files=files)
        elif not form.is_valid():
            reason, params = form_refusal(form.errors.as_data())
            upload_refused(user=request.user, reason=reason, params=params, files=files)
        else:
            try:
                scan = scan_create(user=request.user, name=form.cleaned_data["name"], files=form.cleaned_data["files"])
            except WorkbenchError as exc:
                messages.error(request, str(exc))
                upload_refused(user=request.user, reason=exc.reason, params=exc.params, files=files)
            else:
                messages.success(request, _("Scanned %(posts)d posts: %(flagged)d flagged, %(clusters)d clusters.") % {
                    "posts": scan.posts, "flagged": scan.flagged, "clusters": scan.clusters})
                return redirect("workbench:results", scan_id=scan.id)
    access_log(user=request.user, action=AccessEvent.Action.LIST)
    return render(request, "workbench/home.html", {"form": form, "scans": selectors.scan_list(request.user),
                                                   "refused": selectors.refused_uploads(request.user)})


@capability_required("osint.use")
@require_GET
@_output_required
def results(request, scan_id):
    scan = _scan_or_404(request, scan_id)
    labels = selectors.family_labels()
    form = FilterForm(request.GET or None, families=labels)
    filters = form.cleaned_data if form.is_valid() else {}
    posts = selectors.post_filter(selectors.scan_posts(scan), **{k: v for k, v in filters.items() if v})
    page = Paginator(posts, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{**post, "family_labels": [labels.get(f, f) for f in post["families"]]} for post in page]
    clusters = sorted(selectors.scan_clusters(scan), key=lambda c: -c["risk"])
    access_log(user=request.user, action=AccessEvent.Action.RESULTS, scan=scan, target=request.GET.urlencode())
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "workbench/results.html", {
        "scan": scan, "form": form, "page": page, "rows": rows, "matching": len(posts), "clusters": clusters[:50],
        "skipped": scan.summary.get("files_skipped", []), "query": query.urlencode(),
        "custody": selectors.scan_custody(scan), "access": selectors.scan_access(scan),
    })


@capability_required("osint.use")
@require_GET
@_output_required
def post_detail(request, scan_id, post_id):
    scan = _scan_or_404(request, scan_id)
    post = selectors.post_get(scan, post_id)
    table = selectors.scoring()
    labels = selectors.family_labels(table)
    hits = [{**h, "family_label": labels.get(h["family"], h["family"])} for h in post["hits"]]
    breakdown = score_breakdown(table, hits)
    access_log(user=request.user, action=AccessEvent.Action.POST, scan=scan, target=post_id)
    return render(request, "workbench/post.html", {
        "scan": scan, "post": post, "hits": hits, "segments": segments(post["normalised"], hits),
        "families": [labels.get(f, f) for f in post["families"]], "breakdown": breakdown,
        # the scoring table changed since the scan: the explanation uses today's weights
        "breakdown_stale": abs(breakdown["score"] - post["score"]) > 0.001,
    })


@capability_required("osint.use")
@require_GET
@_output_required
def cluster_detail(request, scan_id, cluster_id):
    scan = _scan_or_404(request, scan_id)
    cluster = selectors.cluster_get(scan, cluster_id)
    members = set(cluster["post_ids"])
    posts = [p for p in selectors.scan_posts(scan) if p["post_id"] in members]
    access_log(user=request.user, action=AccessEvent.Action.CLUSTER, scan=scan, target=cluster_id)
    slots = list(enumerate(cluster["template"]["slots"], start=1)) if cluster["template"] else []
    return render(request, "workbench/cluster.html", {
        "scan": scan, "cluster": cluster, "posts": sorted(posts, key=lambda p: -p["score"]),
        "network": network_layout(posts, cluster.get("near_duplicates")), "slots": slots,
    })


@capability_required("osint.use")
@require_GET
@_output_required
def download(request, scan_id, what):
    scan = _scan_or_404(request, scan_id)
    if what not in DOWNLOADS:
        raise Http404("No such file.")
    name, content_type = DOWNLOADS[what]
    access_log(user=request.user, action=AccessEvent.Action.DOWNLOAD, scan=scan, target=name)
    path = selectors.output_file(scan, name)
    return FileResponse(path.open("rb"), as_attachment=True, filename=f"{scan.id}-{name}", content_type=content_type)
