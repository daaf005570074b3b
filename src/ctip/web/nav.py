"""The navigation bar: one entry per page family, shown only to users who may use it.

Each entry: (URL name, label, capability or None for everyone, "auth" for any signed-in user).
An entry whose URL name does not resolve yet is skipped, so parts can be added independently.
"""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from ctip.accounts.permissions import user_can
from ctip.accounts.twofactor import second_factor_pending

NAV: list[tuple[str, object, str | None]] = [
    ("cases:list", _("Cases"), "cases.view"),
    ("cases:referrals", _("Referrals"), "cases.referrals"),
    ("cases:approvals", _("Approvals"), "cases.approve"),
    ("cases:retention", _("Retention"), "cases.approve"),
    ("datahub:batches", _("Dataset"), "dataset.view"),
    ("dashboard:internal", _("Dashboard"), "dashboard.internal"),
    ("publishing:list", _("Releases"), "release.create"),
    ("workbench:home", _("OSINT"), "osint.use"),
    ("accounts:users", _("Users"), "accounts.manage_users"),
    ("dashboard:public", _("Public statistics"), None),
]


def navigation(request):
    items = []
    user = getattr(request, "user", None)
    pending = bool(user and user.is_authenticated and second_factor_pending(user))
    for url_name, label, capability in NAV:
        if pending and capability is not None:
            continue  # password given, second factor not yet: only the public pages
        if capability == "auth" and not (user and user.is_authenticated):
            continue
        if capability not in (None, "auth") and not user_can(user, capability):
            continue
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        items.append({"url": url, "label": label, "active": False})
    # The current page is the entry with the longest matching address: /cases/retention/ is "Retention", not
    # also "Cases".
    current = max((item for item in items if request.path.startswith(item["url"])),
                  key=lambda item: len(item["url"]), default=None)
    if current is not None:
        current["active"] = True
    return {"nav_items": items}
