"""The user-management pages of organisation and system administrators, and the organisations page of system
administrators.

Every action is a POST with a CSRF token. A new password, and a service account's new API token, is rendered
once in the response to that POST (never redirected to, never put in a URL or a message cookie) with
``Cache-Control: no-store``; the services hash the password, store no token, and log neither. Another organisation's account answers 404, like a missing one. The users
list is searched and paged with GET parameters holding only a user name's first letters, an organisation
code and a page number.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ctip import vocab
from ctip.accounts import lockout, selectors, services, twofactor
from ctip.accounts.forms import (
    OrganisationCreateForm,
    OrganisationRenameForm,
    UserChangeForm,
    UserCreateForm,
    UserFilterForm,
)
from ctip.accounts.models import Organisation, Role, Scope, User
from ctip.accounts.permissions import capability_required

PAGE_SIZE = 50


@capability_required("accounts.manage_users")
def user_list(request: HttpRequest) -> HttpResponse:
    """The accounts the administrator sees, 50 a page, searched by the start of a user name (and, for a
    system administrator, one organisation), with the actions they may take on each."""
    admin = request.user
    all_organisations = services.manages_all_organisations(admin)
    filter_form = UserFilterForm(request.GET or None, admin=admin)
    filters = filter_form.cleaned_data if filter_form.is_valid() else {}
    users = selectors.user_list(admin=admin, organisation=filters.get("organisation"),
                                username=filters.get("username", ""))
    page = Paginator(users, PAGE_SIZE).get_page(request.GET.get("page"))
    locked = lockout.locked_usernames([user.username for user in page])
    enrolled = twofactor.enrolled_among([user.pk for user in page])
    return render(request, "accounts/users.html", {
        "rows": [(user, services.may_manage(admin, user), user.username in locked, user.pk in enrolled)
                 for user in page], "page": page,
        "searched": bool(filters.get("username") or filters.get("organisation")),
        "filter_form": filter_form, "all_organisations": all_organisations, "now": timezone.now(),
        "can_create": bool(services.grantable_roles(admin))
        and selectors.organisation_list(admin=admin, active_only=True).exists(),
        "grantable_roles": [Role(role).label for role in services.grantable_roles(admin)],
        "grantable_scopes": [Scope(scope).label for scope in services.grantable_scopes(admin)],
    })


@never_cache
@capability_required("accounts.manage_users")
def user_new(request: HttpRequest) -> HttpResponse:
    """The new-account form; a valid POST answers with the password page (a person) or the first API token
    (a service account)."""
    admin = request.user
    form = UserCreateForm(request.POST or None, admin=admin)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user, password = services.user_create(
                username=data["username"], organisation=data.get("organisation"), role=data["role"],
                scope=data["scope"], group=data["group"], service_account=data["service_account"], actor=admin)
        except services.AccountError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if password is None:
                return _token_page(request, user, created=True)
            return _password_page(request, user, password, created=True)
    return render(request, "accounts/user_new.html", {"form": form})


def _account_or_404(request: HttpRequest, user_id: int) -> User:
    user = selectors.user_get_for(admin=request.user, user_id=user_id)
    if user is None:
        raise Http404(_("No such user."))
    return user


@require_http_methods(["GET", "POST"])
@capability_required("accounts.manage_users")
def user_change(request: HttpRequest, user_id: int) -> HttpResponse:
    """The form to change an account's role, scope and group; a valid POST goes back to the list, searched
    for that account, with a message saying what changed."""
    admin = request.user
    account = _account_or_404(request, user_id)
    try:
        services.check_manage(admin, account)
    except services.AccountPermissionError:
        raise PermissionDenied from None
    except services.AccountError as exc:
        messages.error(request, _("%(name)s: %(problem)s") % {"name": account.username, "problem": exc.message})
        return redirect("accounts:users")
    form = UserChangeForm(request.POST or None, admin=admin, account=account)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            account, changes = services.user_change(username=account.username, role=data["role"],
                                                    scope=data["scope"], group=data["group"], actor=admin)
        except services.AccountPermissionError:
            raise PermissionDenied from None
        except services.AccountError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            _say_what_changed(request, account, changes)
            return redirect(f"{reverse('accounts:users')}?{urlencode({'username': account.username})}")
    return render(request, "accounts/user_change.html", {"form": form, "account": account})


def _say_what_changed(request: HttpRequest, account: User, changes: dict) -> None:
    if not changes:
        messages.info(request, _("%(name)s: nothing changed.") % {"name": account.username})
        return
    messages.success(request, _("%(name)s now has the role %(role)s, the scope %(scope)s and the group %(group)s; "
                                "the change applies from their next page.") % {
        "name": account.username, "role": account.get_role_display(), "scope": account.get_scope_display(),
        "group": account.group or "—"})


def _password_page(request: HttpRequest, user: User, password: str, *, created: bool) -> HttpResponse:
    """The only place a new password is shown: in the response to the POST that made it (the views that
    call this are ``never_cache``: browsers and proxies keep no copy)."""
    return render(request, "accounts/password.html", {"account": user, "password": password, "created": created})


def _token_page(request: HttpRequest, user: User, *, created: bool) -> HttpResponse:
    """The only place an API token is shown: issued and rendered in the response to a POST (``never_cache``)."""
    token, expires = services.service_account_token_issue(username=user.username, actor=request.user)
    return render(request, "accounts/token.html", {"account": user, "token": token, "expires": expires,
                                                   "created": created})


def _back_to_row(user) -> HttpResponse:
    """Back to the users list, filtered to this account's row (its user name is all the address carries)."""
    return redirect(f"{reverse('accounts:users')}?{urlencode({'username': user.username})}")


def _act(request: HttpRequest, user_id: int, action):
    """Run a service on one visible account; refusals become 403 (no right) or a message (a state)."""
    user = _account_or_404(request, user_id)
    try:
        return user, action(username=user.username, actor=request.user)
    except services.AccountPermissionError:
        raise PermissionDenied from None
    except services.AccountError as exc:
        messages.error(request, _("%(name)s: %(problem)s") % {"name": user.username, "problem": exc.message})
        return user, None


@never_cache
@require_POST
@capability_required("accounts.manage_users")
def user_deactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    """Deactivate, then back to the list with a message (it names the user, nothing secret)."""
    user, done = _act(request, user_id, services.user_deactivate)
    if done:
        messages.success(request, _("%(name)s is deactivated: the account can no longer log in or call the API; "
                                    "its records and history stay.") % {"name": user.username})
    return redirect("accounts:users")


@never_cache
@require_POST
@capability_required("accounts.manage_users")
def user_reactivate(request: HttpRequest, user_id: int) -> HttpResponse:
    """Reactivate: a person's new password is shown at once; a service account's note goes to the list."""
    user, done = _act(request, user_id, services.user_reactivate)
    if done is None:
        return redirect("accounts:users")
    user, password = done
    if password is None:
        messages.success(request, _("%(name)s is active again. It is a service account: issue it a new API token "
                                    "(“Issue a token”).") % {"name": user.username})
        return redirect("accounts:users")
    return _password_page(request, user, password, created=False)


@never_cache
@require_POST
@capability_required("accounts.manage_users")
def user_reset_password(request: HttpRequest, user_id: int) -> HttpResponse:
    """A new password, shown at once."""
    user, password = _act(request, user_id, services.user_reset_password)
    if password is None:
        return redirect("accounts:users")
    return _password_page(request, user, password, created=False)


@never_cache
@require_POST
@capability_required("accounts.manage_users")
def service_account_token(request: HttpRequest, user_id: int) -> HttpResponse:
    """A new API token for a service account, shown once; earlier tokens keep working until revoked."""
    user = _account_or_404(request, user_id)
    try:
        return _token_page(request, user, created=False)
    except services.AccountPermissionError:
        raise PermissionDenied from None
    except services.AccountError as exc:
        messages.error(request, _("%(name)s: %(problem)s") % {"name": user.username, "problem": exc.message})
        return _back_to_row(user)


@require_POST
@capability_required("accounts.manage_users")
def service_account_revoke(request: HttpRequest, user_id: int) -> HttpResponse:
    """Revoke every API token of a service account at once."""
    user, done = _act(request, user_id, services.service_account_tokens_revoke)
    if done is not None:
        messages.success(request, _("Every API token of %(name)s is revoked: calls with them are refused from now "
                                    "on. The account stays active; issue a new token when the system needs one.")
                         % {"name": user.username})
    return _back_to_row(user)


@require_POST
@capability_required("accounts.manage_users")
def user_unlock(request: HttpRequest, user_id: int) -> HttpResponse:
    """Lift a sign-in lockout before its 15 minutes are over."""
    user, cleared = _act(request, user_id, services.user_unlock)
    if cleared is not None:
        messages.success(request, _("%(name)s may sign in again: the block after failed sign-ins is lifted.")
                         % {"name": user.username})
    return _back_to_row(user)


@require_POST
@capability_required("accounts.manage_users")
def user_reset_two_factor(request: HttpRequest, user_id: int) -> HttpResponse:
    """Remove a person's authenticator and recovery codes (a lost or replaced phone)."""
    user, removed = _act(request, user_id, services.user_reset_two_factor)
    if removed is not None:
        messages.success(request, _("%(name)s's second factor is removed: they set up an authenticator app again "
                                    "at their next sign-in.") % {"name": user.username})
    return _back_to_row(user)


@capability_required("accounts.manage_all_organisations")
def organisation_list(request: HttpRequest) -> HttpResponse:
    """Every organisation with its code, name, HTCDS type, country, state and number of active accounts, and the
    actions on it (rename; deactivate or reactivate, except the administrator's own organisation)."""
    language = get_language()
    rows = [(organisation, _vocab_label("htcds.org_Type", organisation.org_type, language),
             _vocab_label("iso3166.alpha3", organisation.country, language),
             services.may_deactivate(request.user, organisation))
            for organisation in selectors.organisation_overview(admin=request.user)]
    return render(request, "accounts/organisations.html", {"rows": rows})


def _vocab_label(scheme: str, code: str, language: str) -> str:
    """The code's label, or the code itself if the vocabulary no longer knows it."""
    return vocab.label(scheme, code, language) if vocab.is_valid(scheme, code) else code


@require_http_methods(["GET", "POST"])
@capability_required("accounts.manage_all_organisations")
def organisation_new(request: HttpRequest) -> HttpResponse:
    """The new-organisation form; a valid POST goes back to the list with a message."""
    form = OrganisationCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            organisation = services.organisation_create(code=data["code"], name=data["name"], org_type=data["type"],
                                                        country=data["country"], actor=request.user)
        except services.AccountPermissionError:
            raise PermissionDenied from None
        except services.AccountError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, _("%(name)s is added. Add its first organisation administrator on the Users "
                                        "page.") % {"name": organisation.name})
            return redirect("accounts:organisations")
    return render(request, "accounts/organisation_new.html", {"form": form})


def _organisation_or_404(code: str) -> Organisation:
    organisation = Organisation.objects.filter(code=code).first()
    if organisation is None:
        raise Http404(_("No such organisation."))
    return organisation


@require_http_methods(["GET", "POST"])
@capability_required("accounts.manage_all_organisations")
def organisation_rename(request: HttpRequest, code: str) -> HttpResponse:
    """The form to rename an organisation (its code stays); a valid POST goes back to the list with a message."""
    organisation = _organisation_or_404(code)
    form = OrganisationRenameForm(request.POST or None, initial={"name": organisation.name})
    if request.method == "POST" and form.is_valid():
        try:
            organisation, old = services.organisation_rename(code=code, name=form.cleaned_data["name"],
                                                             actor=request.user)
        except services.AccountPermissionError:
            raise PermissionDenied from None
        except services.AccountError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            if old == organisation.name:
                messages.info(request, _("%(name)s: nothing changed.") % {"name": organisation.name})
            else:
                messages.success(request, _("%(old)s is now called %(new)s; its short code %(code)s stays.") % {
                    "old": old, "new": organisation.name, "code": organisation.code})
            return redirect("accounts:organisations")
    return render(request, "accounts/organisation_rename.html", {"form": form, "organisation": organisation})


def _organisation_act(request: HttpRequest, code: str, action, success: str) -> HttpResponse:
    """Run an organisation service, then back to the list with ``success`` or the refusal as a message."""
    organisation = _organisation_or_404(code)
    try:
        action(code=code, actor=request.user)
    except services.AccountPermissionError:
        raise PermissionDenied from None
    except services.AccountError as exc:
        messages.error(request, _("%(name)s: %(problem)s") % {"name": organisation.name, "problem": exc.message})
    else:
        messages.success(request, success % {"name": organisation.name})
    return redirect("accounts:organisations")


@require_POST
@capability_required("accounts.manage_all_organisations")
def organisation_deactivate(request: HttpRequest, code: str) -> HttpResponse:
    """Deactivate: its accounts can no longer sign in; its cases and history stay."""
    return _organisation_act(request, code, services.organisation_deactivate, _(
        "%(name)s is deactivated: its accounts can no longer sign in or call the API, and it is no longer offered "
        "for referrals. Its cases and history stay."))


@require_POST
@capability_required("accounts.manage_all_organisations")
def organisation_reactivate(request: HttpRequest, code: str) -> HttpResponse:
    """Reactivate: its active accounts sign in again with their own passwords."""
    return _organisation_act(request, code, services.organisation_reactivate, _(
        "%(name)s is active again: its active accounts can sign in with their own passwords."))
