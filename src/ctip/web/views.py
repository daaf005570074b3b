from __future__ import annotations

from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ctip import __version__


@require_GET
def home(request):
    return render(request, "web/home.html")


@never_cache
@require_GET
def healthz(request):
    """Liveness and database reachability, for load balancers and monitoring. No data."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        db = "ok"
    except Exception:  # noqa: BLE001 - report, never raise, from a health check
        db = "unavailable"
    status = 200 if db == "ok" else 503
    return JsonResponse({"status": "ok" if status == 200 else "degraded", "database": db,
                         "version": __version__}, status=status)
