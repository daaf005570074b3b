"""The forms of the administration pages: a new account, a change of role, scope and group, the users list's
search, a new organisation and an organisation's new name.

The choices offered are exactly what the acting administrator may grant (``services.grantable_roles`` and
``grantable_scopes``); the services check the same rules again when the change is made.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ctip import vocab
from ctip.accounts import selectors, services
from ctip.accounts.models import Organisation, Role, Scope, User


def _choice_field(label, choices: list[tuple[str, str]], *, initial: str | None = None) -> forms.ChoiceField:
    """A required choice whose errors name the valid values, as the list shows them."""
    valid = ", ".join(str(label) for _code, label in choices)
    message = _("Choose one of: %(valid)s.") % {"valid": valid}
    return forms.ChoiceField(label=label, choices=choices, initial=initial,
                             error_messages={"required": message, "invalid_choice": message})


def _group_field() -> forms.CharField:
    return forms.CharField(label=gettext_lazy("Group"), max_length=100, required=False,
                           help_text=gettext_lazy("The user's team; needed when the scope is “Own group”."))


class _GrantForm(forms.Form):
    """Role and scope, offered as the acting administrator may grant them in ``organisation``."""

    def add_grant_fields(self, admin: User, organisation: Organisation | None, *, role: str, scope: str) -> None:
        roles = services.grantable_roles(admin, organisation)
        scopes = services.grantable_scopes(admin)
        self.fields["role"] = _choice_field(_("Role"), [(r, Role(r).label) for r in roles], initial=role)
        self.fields["scope"] = _choice_field(_("Scope"), [(s, Scope(s).label) for s in scopes], initial=scope)


class UserCreateForm(_GrantForm):
    """User name, organisation (system administrators only), role, scope, group, and whether it is a service
    account."""

    username = forms.CharField(label=gettext_lazy("User name"), max_length=150,
                               help_text=gettext_lazy("Letters, digits and @ . + - _ only; at most 150 characters."),
                               validators=User._meta.get_field("username").validators)
    group = _group_field()
    service_account = forms.BooleanField(
        label=gettext_lazy("Service account"), required=False,
        help_text=gettext_lazy("For another system calling the API: no password; ctip shows its first API token "
                               "once on the next page."))

    def __init__(self, *args, admin: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.admin = admin
        if services.manages_all_organisations(admin):
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Organisation"), queryset=selectors.organisation_list(admin=admin, active_only=True),
                to_field_name="code", empty_label=None, error_messages={
                    "required": _("Choose the organisation the user works for."),
                    "invalid_choice": _("Choose one of the organisations listed.")})
        self.add_grant_fields(admin, None, role=Role.CASE_WORKER, scope=Scope.ORGANISATION)
        self.order_fields(["username", "organisation", "role", "scope", "group", "service_account"])


class UserChangeForm(_GrantForm):
    """An account's role, scope and group, filled in with their current values."""

    group = _group_field()

    def __init__(self, *args, admin: User, account: User, **kwargs):
        super().__init__(*args, initial={"group": account.group}, **kwargs)
        self.add_grant_fields(admin, account.organisation, role=account.role, scope=account.scope)
        self.order_fields(["role", "scope", "group"])


class UserFilterForm(forms.Form):
    """The users list's search: the start of a user name and, for a system administrator, one organisation."""

    username = forms.CharField(label=gettext_lazy("User name"), max_length=150, required=False,
                               help_text=gettext_lazy("The whole name or its first letters."))

    def __init__(self, *args, admin: User, **kwargs):
        super().__init__(*args, **kwargs)
        if services.manages_all_organisations(admin):
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Organisation"), queryset=selectors.organisation_list(admin=admin), required=False,
                to_field_name="code", empty_label=_("All organisations"))


def _name_field() -> forms.CharField:
    return forms.CharField(label=gettext_lazy("Name"), max_length=200,
                           help_text=gettext_lazy("The full name, as users should see it."))


class OrganisationRenameForm(forms.Form):
    """An organisation's new name (its short code stays)."""

    name = _name_field()


class OrganisationCreateForm(forms.Form):
    """Code, name, HTCDS organisation type and country of a new organisation."""

    code = forms.SlugField(label=gettext_lazy("Short code"), max_length=40,
                           help_text=gettext_lazy("Letters, digits and hyphens; it cannot be changed later."),
                           error_messages={"invalid": gettext_lazy("Use only letters, digits, hyphens and "
                                                                   "underscores.")})
    name = _name_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"] = _choice_field(_("Type"), vocab.choices("htcds.org_Type"))
        countries = sorted(vocab.choices("iso3166.alpha3"), key=lambda choice: str(choice[1]))
        self.fields["country"] = forms.ChoiceField(
            label=_("Country"), choices=countries, initial="MNG",
            error_messages={"invalid_choice": _("Choose one of the countries listed."),
                            "required": _("Choose one of the countries listed.")})
