"""Signing in with a password, and a person choosing their own password (forced after an issued one).

The sign-in page refuses an issued password whose time is over with its own message ("ask your administrator
for a new one") rather than the usual "did not match": the password was right, so saying so tells a guesser
nothing they could use (the expired password opens nothing), and it tells the person what to do. It is not a
failed sign-in for the lockout (nothing was guessed) but is in the audit log (``auth.login_failed``, reason
``temporary password expired``).
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.http import HttpResponseRedirect
from django.utils.translation import gettext as _

from ctip.accounts import passwords, services, signin_audit
from ctip.accounts.models import User
from ctip.accounts.signin_views import next_page


class SignInForm(AuthenticationForm):
    """Django's sign-in form, refusing an expired temporary password (``expired`` then says so)."""

    expired = False

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        if passwords.temporary_expired(user):
            self.expired = True
            signin_audit.record_expired(self.request, user)
            raise forms.ValidationError(
                _("The temporary password you were given has expired. Ask your administrator for a new one."),
                code="temporary_password_expired")


class SignInView(auth_views.LoginView):
    authentication_form = SignInForm
    redirect_authenticated_user = True


class OwnPasswordForm(PasswordChangeForm):
    """Django's password change (the current password, then the new one twice, under the validators of
    ``AUTH_PASSWORD_VALIDATORS``), and the new one must differ from the current one."""

    def clean(self):
        cleaned = super().clean()
        new, old = cleaned.get("new_password1"), cleaned.get("old_password")
        if new and old and new == old and not self.has_error("new_password2"):
            self.add_error("new_password2", forms.ValidationError(
                _("Your new password must differ from the one you have now."), code="password_unchanged"))
        return cleaned


class PasswordChangeView(auth_views.PasswordChangeView):
    """The person's own new password, from "Change password" or forced after a temporary one; audited as
    ``user.password_change``. After a forced change the person goes on to the page they asked for (or to
    setting up an authenticator, when that is next)."""

    form_class = OwnPasswordForm

    def form_valid(self, form: OwnPasswordForm):
        forced = form.user.has_temporary_password
        services.password_change(user=form.user, password=form.cleaned_data["new_password1"])
        update_session_auth_hash(self.request, form.user)  # this session stays; the others end
        if not forced:
            return HttpResponseRedirect(self.get_success_url())
        messages.success(self.request, _("Your password is changed: use it from now on. The temporary one no "
                                         "longer works."))
        return HttpResponseRedirect(next_page(self.request))

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        if self.request.user.has_temporary_password:
            form.fields["old_password"].label = _("Temporary password")
        return form

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(**kwargs, temporary=user.has_temporary_password,
                                        expires=user.temporary_password_expires, next=next_page(self.request))
