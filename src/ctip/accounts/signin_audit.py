"""Sign-ins, sign-outs, failures and lockouts in the hash-chained audit log (``ctip audit verify``).

Events (``action``; ``changes`` holds the rest):

- ``auth.login``: the password was accepted; ``second_factor`` says what comes next (``verify``, ``enrol``,
  ``none``); ``temporary_password: true`` when it was one issued by an administrator (the person must choose
  their own next).
- ``auth.verify``: the second factor was accepted (``method``: ``authenticator`` or ``recovery code``).
- ``auth.login_failed``: a wrong password (``reason: password``), a wrong code (``code``), an attempt
  refused during a lockout (``locked out``) or a right but expired temporary password (``temporary password
  expired``; not a failure for the lockout: nothing was guessed).
- ``auth.lockout``: the failure that started a lockout of the user name from that address.
- ``auth.logout``: ``reason`` is ``signed out``, ``idle``, ``expired`` (8 hours), ``sign in again`` (before the
  8 hours were over), ``locked out``, ``organisation deactivated`` or ``temporary password expired``.

Each holds the client address (``address``): an investigator needs it to tell a colleague's mistyped password
from an attack; it is staff personal data, readable only where the audit log is (system administrators).
A failed sign-in names the account only when the user name exists: what someone typed into the name field
is otherwise not kept (it is sometimes a password typed in the wrong field). Never a password or a code.
"""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.http import HttpRequest

from ctip.accounts.lockout import LOGOUT_REASON, client_address
from ctip.accounts.models import User


def _record(*, actor: User | None, action: str, user: User | None, request: HttpRequest | None, **changes) -> None:
    from ctip.cases.audit import record  # here, not at the top: the cases app's models build on this app's

    changes = {"username": user.username if user else "", **changes}
    if request is not None:
        changes["address"] = client_address(request)
    record(actor=actor, action=action, instance=user, entity="accounts.user", changes=changes)


def record_verify(request: HttpRequest, method: str) -> None:
    _record(actor=request.user, action="auth.verify", user=request.user, request=request, method=method)


def record_expired(request: HttpRequest | None, user: User) -> None:
    """A right password refused because it was a temporary one whose time is over."""
    _record(actor=None, action="auth.login_failed", user=user, request=request, reason="temporary password expired",
            known_account=True)


def _on_login(sender, request, user, **kwargs) -> None:
    from ctip.accounts import twofactor

    if not twofactor.applies_to(user):
        step = "none"
    elif twofactor.is_enrolled(user):
        step = "verify"
    else:
        step = "enrol" if twofactor.required() else "none"
    temporary = {"temporary_password": True} if user.has_temporary_password else {}
    _record(actor=user, action="auth.login", user=user, request=request, second_factor=step, **temporary)


def _on_logout(sender, request, user, **kwargs) -> None:
    if user is not None:
        _record(actor=user, action="auth.logout", user=user, request=request,
                reason=getattr(request, LOGOUT_REASON, "signed out"))


def _on_failure(sender, credentials, request=None, **kwargs) -> None:
    """Runs after django-axes' own receiver (connected first: ``AccountsConfig.ready``), so the request already
    says whether this failure was refused by a lockout or started one."""
    if request is None:  # not a web sign-in (a test client, a shell): nothing to lock out, nobody to trace
        return
    user = User.objects.filter(username=credentials.get("username") or "").first()
    refused = getattr(request, "axes_locked_out", False) and getattr(request, "axes_failures_since_start", 1) is None
    reason = "locked out" if refused else credentials.get("ctip_step", "password")
    _record(actor=None, action="auth.login_failed", user=user, request=request, reason=reason,
            known_account=user is not None)
    if getattr(request, "axes_locked_out", False) and not refused:
        _record(actor=None, action="auth.lockout", user=user, request=request, known_account=user is not None)


def connect() -> None:
    """Called once from ``AccountsConfig.ready``."""
    user_logged_in.connect(_on_login, dispatch_uid="ctip.signin_audit.login")
    user_logged_out.connect(_on_logout, dispatch_uid="ctip.signin_audit.logout")
    user_login_failed.connect(_on_failure, dispatch_uid="ctip.signin_audit.failure")
