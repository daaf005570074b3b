"""The pages of a person's own sign-in security: their account page, enrolling an authenticator app, giving a
code after the password, and new recovery codes.

Recovery codes are rendered once, in the response to the POST that made them, with ``Cache-Control:
no-store`` (``never_cache``), like a new password on the administrators' pages.
"""

from __future__ import annotations

import time

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice

from ctip.accounts import services, signin_audit, twofactor
from ctip.accounts.lockout import LOGOUT_REASON
from ctip.accounts.middleware import LAST_SEEN


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"), max_length=32, strip=True,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True,
                                      "spellcheck": "false", "autocapitalize": "off"}),
        error_messages={"required": gettext_lazy("Type the code your app shows.")})


def next_page(request: HttpRequest) -> str:
    """The page to go on to: ``next`` if it is on this site, otherwise the start page."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                                  require_https=request.is_secure()):
        return target
    return "/"


def _wait(form: CodeForm, seconds: int, code: str = "") -> bool:
    """After wrong codes the app's codes are refused for a few seconds: say so instead of trying this one (a
    recovery code, with its hyphen, is tried at once)."""
    if seconds <= 0 or "-" in code:
        return False
    form.add_error("code", _("After a wrong code, wait %(seconds)d s before the next try, then type the code "
                             "your app shows then.") % {"seconds": seconds})
    return True


@never_cache
@require_POST
@login_required
def keepalive(request: HttpRequest) -> HttpResponse:
    """"Stay signed in" on the idle-session warning: the session's idle time counts again from now. The page's
    script calls it and gets 204; without the script the form posts and the person returns to their page. An
    ended session never gets here (the middleware sends it to the sign-in page first)."""
    request.session[LAST_SEEN] = time.time()
    if request.headers.get("X-Requested-With") == "fetch":
        return HttpResponse(status=204)
    return redirect(next_page(request))


@never_cache
@require_POST
@login_required
def sign_in_again(request: HttpRequest) -> HttpResponse:
    """"Sign in again now" on the notice before the 8-hour end: end this session and come back to the page, in a
    new session of 8 hours, after signing in."""
    back = next_page(request)
    setattr(request, LOGOUT_REASON, "sign in again")
    logout(request)
    messages.info(request, _("You are signed out. Sign in again to start a new session; you come back to the page "
                             "you were on."))
    return redirect_to_login(back)


@login_required
def account(request: HttpRequest) -> HttpResponse:
    """The person's own account: who they are, whether a second factor protects it, what they can do."""
    user = request.user
    return render(request, "accounts/account.html", {
        "applies": twofactor.applies_to(user), "enrolled": twofactor.is_enrolled(user),
        "codes_left": twofactor.recovery_codes_left(user),
    })


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def two_factor_enrol(request: HttpRequest) -> HttpResponse:
    """Scan the QR code (or type the secret), confirm with a code: the recovery codes follow on the same page.

    An account that already has an authenticator replaces it only from a verified session: someone holding
    just the password cannot swap in their own phone. A session opened with a temporary password never gets here
    before choosing its own (``signin_steps``)."""
    user = request.user
    if not twofactor.applies_to(user):
        raise Http404(_("Service accounts have no second factor."))
    if twofactor.is_enrolled(user) and not user.is_verified():
        return redirect(f"{reverse('accounts:two_factor_verify')}?{urlencode({'next': next_page(request)})}")
    device = twofactor.pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not _wait(form, twofactor.wait_seconds(device)):
        codes = services.two_factor_enrolment_confirm(user=user, device=device, code=form.cleaned_data["code"])
        if codes is not None:
            otp_login(request, device)
            request.session.cycle_key()  # a new session id for the now fully signed-in session
            return render(request, "accounts/recovery_codes.html",
                          {"codes": codes, "enrolled_now": True, "next": next_page(request)})
        form.add_error("code", _("This code does not match. Check that the phone's clock is right and type the "
                                 "code the app shows now (it changes every 30 seconds)."))
    return render(request, "accounts/two_factor_enrol.html", {
        "form": form, "qr": twofactor.qr_data_uri(device), "secret": twofactor.secret_text(device),
        "replacing": twofactor.is_enrolled(user), "required": twofactor.required(), "next": next_page(request),
    })


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code from the app, or one recovery code. A wrong code counts as a
    failed sign-in for the lockout (django-axes), on top of django-otp's growing delay per device."""
    user = request.user
    if user.is_verified() or not twofactor.is_enrolled(user):
        return redirect(next_page(request))
    form = CodeForm(request.POST or None)
    if (request.method == "POST" and form.is_valid()
            and not _wait(form, twofactor.wait_seconds(twofactor.authenticator(user)), form.cleaned_data["code"])):
        device = twofactor.verify(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()  # a new session id for the now fully signed-in session
            signin_audit.record_verify(request, "recovery code" if isinstance(device, StaticDevice)
                                       else "authenticator")
            return redirect(next_page(request))
        user_login_failed.send(sender=__name__, credentials={"username": user.username, "ctip_step": "code"},
                               request=request)
        form.add_error("code", _("This code does not match. Type the code your app shows now, or one of your "
                                 "recovery codes."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_page(request)})


@never_cache
@require_POST
@login_required
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    """Ten new recovery codes, shown once; the old ones stop working."""
    user = request.user
    if not (twofactor.applies_to(user) and twofactor.is_enrolled(user) and user.is_verified()):
        return redirect("accounts:me")
    codes = services.two_factor_recovery_codes_renew(user=user)
    return render(request, "accounts/recovery_codes.html", {"codes": codes, "enrolled_now": False, "next": ""})
