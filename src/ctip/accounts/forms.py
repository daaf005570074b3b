"""The forms of the user-management pages: a new account, and the system administrator's organisation filter.

The choices offered are exactly what the acting administrator may grant (``services.grantable_roles`` and
``grantable_scopes``); the service checks the same rules again when the account is created.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctip.accounts import selectors, services
from ctip.accounts.models import Role, Scope, User


def _choice_field(label, choices: list[tuple[str, str]], *, initial: str | None = None) -> forms.ChoiceField:
    """A required choice whose errors name the valid values, as the list shows them."""
    valid = ", ".join(str(label) for _code, label in choices)
    message = _("Choose one of: %(valid)s.") % {"valid": valid}
    return forms.ChoiceField(label=label, choices=choices, initial=initial,
                             error_messages={"required": message, "invalid_choice": message})


class UserCreateForm(forms.Form):
    """User name, organisation (system administrators only), role, scope, and group."""

    username = forms.CharField(label=gettext_lazy("User name"), max_length=150,
                               help_text=gettext_lazy("Letters, digits and @ . + - _ only; at most 150 characters."),
                               validators=User._meta.get_field("username").validators)
    group = forms.CharField(label=gettext_lazy("Group"), max_length=100, required=False,
                            help_text=gettext_lazy("The user's team; needed when the scope is “Own group”."))

    def __init__(self, *args, admin: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.admin = admin
        if services.manages_all_organisations(admin):
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Organisation"), queryset=selectors.organisation_list(admin=admin), to_field_name="code",
                empty_label=None, error_messages={
                    "required": _("Choose the organisation the user works for."),
                    "invalid_choice": _("Choose one of the organisations listed.")})
        roles = services.grantable_roles(admin)
        scopes = services.grantable_scopes(admin)
        self.fields["role"] = _choice_field(_("Role"), [(r, Role(r).label) for r in roles],
                                            initial=Role.CASE_WORKER)
        self.fields["scope"] = _choice_field(_("Scope"), [(s, Scope(s).label) for s in scopes],
                                             initial=Scope.ORGANISATION)
        self.order_fields(["username", "organisation", "role", "scope", "group"])


class OrganisationFilterForm(forms.Form):
    """A system administrator's choice of one organisation (or all) on the users page."""

    organisation = forms.ModelChoiceField(label=gettext_lazy("Organisation"), queryset=None, required=False,
                                          to_field_name="code", empty_label=gettext_lazy("All organisations"))

    def __init__(self, *args, admin: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = selectors.organisation_list(admin=admin)
