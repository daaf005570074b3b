"""Which accounts an administrator sees: every account for a system administrator, their own
organisation's for an organisation administrator, none for anyone else. An account outside that set
answers exactly like a missing one (the views give 404), so ids cannot be probed."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from ctip.accounts.models import Organisation, User
from ctip.accounts.permissions import user_can
from ctip.accounts.services import manages_all_organisations


def user_list(*, admin: User, organisation: Organisation | None = None, username: str = "") -> QuerySet[User]:
    """The accounts ``admin`` may see (optionally of one organisation, and whose user name starts with
    ``username``, ignoring case), by organisation then user name. Only account fields: nothing here reaches
    a case."""
    users = User.objects.select_related("organisation").order_by("organisation__name", "username")
    if not user_can(admin, "accounts.manage_users"):
        return users.none()
    if not manages_all_organisations(admin):
        if admin.organisation_id is None:
            return users.none()
        users = users.filter(organisation_id=admin.organisation_id)
    if organisation is not None:
        users = users.filter(organisation=organisation)
    if username.strip():
        users = users.filter(username__istartswith=username.strip())
    return users


def user_get_for(*, admin: User, user_id: int) -> User | None:
    """The account ``user_id`` if ``admin`` may see it, else None (missing and forbidden look alike)."""
    return user_list(admin=admin).filter(pk=user_id).first()


def organisation_list(*, admin: User, active_only: bool = False) -> QuerySet[Organisation]:
    """The organisations whose users ``admin`` manages (all, or their own); ``active_only``: those they may
    add users to (a deactivated organisation gets none)."""
    organisations = Organisation.objects.order_by("name")
    if active_only:
        organisations = organisations.filter(is_active=True)
    if manages_all_organisations(admin):
        return organisations
    if not user_can(admin, "accounts.manage_users") or admin.organisation_id is None:
        return organisations.none()
    return organisations.filter(pk=admin.organisation_id)


def organisation_overview(*, admin: User) -> QuerySet[Organisation]:
    """Every organisation with ``active_users``, its number of active accounts (service accounts included),
    by name; none unless ``admin`` manages all organisations."""
    if not manages_all_organisations(admin):
        return Organisation.objects.none()
    return Organisation.objects.annotate(
        active_users=Count("users", filter=Q(users__is_active=True))).order_by("name")
