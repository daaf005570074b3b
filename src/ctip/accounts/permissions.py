"""What each role may do. Deny by default: a capability not listed for a role is refused.

Capabilities are coarse ("may use the case pages at all"); which *records* a user may see
is decided by the scope rules in ``ctip.cases.selectors``.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

CASE_WORKER = "case_worker"
SUPERVISOR = "supervisor"
ORG_ADMIN = "org_admin"
POLICE_ANALYST = "police_analyst"
DATA_ANALYST = "data_analyst"
SYSADMIN = "sysadmin"

# capability -> roles that hold it
CAPABILITIES: dict[str, frozenset[str]] = {
    "cases.view": frozenset({CASE_WORKER, SUPERVISOR}),
    "cases.edit": frozenset({CASE_WORKER, SUPERVISOR}),
    "cases.approve": frozenset({SUPERVISOR}),
    "cases.consent_override": frozenset({SUPERVISOR}),
    "cases.view_referred_to_police": frozenset({POLICE_ANALYST}),
    "cases.referrals": frozenset({CASE_WORKER, SUPERVISOR, POLICE_ANALYST}),  # the referral inbox
    "accounts.manage_users": frozenset({ORG_ADMIN, SYSADMIN}),
    "accounts.manage_all_organisations": frozenset({SYSADMIN}),  # users of every organisation, every role
    "dataset.view": frozenset({DATA_ANALYST, SUPERVISOR, SYSADMIN}),
    "dataset.upload": frozenset({DATA_ANALYST, ORG_ADMIN}),
    "dashboard.internal": frozenset({DATA_ANALYST, SUPERVISOR, SYSADMIN}),
    "release.create": frozenset({DATA_ANALYST}),
    "release.approve": frozenset({SUPERVISOR}),
    "osint.use": frozenset({POLICE_ANALYST}),
    "system.audit": frozenset({SYSADMIN}),
}


def role_has(role: str, capability: str) -> bool:
    """True only if the capability exists and the role is listed for it."""
    return role in CAPABILITIES.get(capability, frozenset())


def user_can(user, capability: str) -> bool:
    return bool(getattr(user, "is_authenticated", False)) and user.has_capability(capability)


def capability_required(capability: str):
    """View decorator: anonymous users go to the login page, others without the capability get 403."""
    if capability not in CAPABILITIES:
        raise ValueError(f"unknown capability {capability!r}")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not request.user.has_capability(capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
