"""System administrators list organisations (code, name, HTCDS type, country, active users) and add one at
/accounts/organisations/, under the rules of ``ctip manage organisations add``; every addition is audited."""

from __future__ import annotations

import io

import pytest
from django.test import Client

from ctip.accounts.models import Organisation
from ctip.cases.audit import verify_chain
from ctip.cases.models import AuditEvent
from tests.accounts.pages import as_user, field_error, text

pytestmark = pytest.mark.django_db

ORGS = "/accounts/organisations/"
NEW = "/accounts/organisations/new/"


def test_the_list_shows_code_name_type_country_and_active_users(sysadmin, make_user, shelter):
    police = Organisation.objects.create(code="police", name="Police Unit", org_type="LawEnforcement",
                                         country="KOR")
    make_user("tuya", organisation=shelter)
    make_user("bold", organisation=police)
    gone = make_user("gone", organisation=police)
    gone.is_active = False
    gone.save()

    page = text(as_user(sysadmin).get(ORGS))

    assert "police Police Unit Law Enforcement South Korea 1" in page
    assert "shelter Safe Shelter NGO Mongolia 2" in page
    assert page.index("police Police Unit") < page.index("shelter Safe Shelter")  # by name


def test_the_list_speaks_mongolian(sysadmin):
    page = text(as_user(sysadmin).get(ORGS, HTTP_ACCEPT_LANGUAGE="mn"))

    assert "Байгууллагууд" in page and "shelter Safe Shelter Төрийн бус байгууллага Монгол 1" in page


def test_a_system_administrator_adds_an_organisation_and_then_its_first_user(sysadmin):
    client = as_user(sysadmin)

    response = client.post(NEW, {"code": "police-ub", "name": " Police Unit Ulaanbaatar ", "type": "LawEnforcement",
                                 "country": "MNG"}, follow=True)

    assert response.redirect_chain[-1][0] == ORGS
    assert ("Police Unit Ulaanbaatar is added. Add its first organisation administrator on the "
            "Users page.") in text(response)
    assert "police-ub Police Unit Ulaanbaatar Law Enforcement Mongolia 0" in text(response)
    organisation = Organisation.objects.get(code="police-ub")
    assert (organisation.name, organisation.org_type, organisation.country) == (
        "Police Unit Ulaanbaatar", "LawEnforcement", "MNG")
    assert '<option value="police-ub">Police Unit Ulaanbaatar</option>' in client.get(
        "/accounts/users/new/").content.decode()


def test_an_addition_is_audited_from_the_page_and_the_command_line(sysadmin):
    from django.core.management import call_command

    as_user(sysadmin).post(NEW, {"code": "police", "name": "Police", "type": "LawEnforcement", "country": "MNG"})
    call_command("organisations", "add", "clinic", "Clinic", "--type", "HealthServiceOrganisation",
                 stdout=io.StringIO())

    events = list(AuditEvent.objects.filter(action="organisation.create"))
    assert [(e.actor_username, e.entity, e.changes) for e in events] == [
        ("sysadmin", "accounts.organisation",
         {"code": "police", "name": "Police", "org_type": "LawEnforcement", "country": "MNG"}),
        ("", "accounts.organisation",
         {"code": "clinic", "name": "Clinic", "org_type": "HealthServiceOrganisation", "country": "MNG"})]
    assert verify_chain().ok


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"code": "shelter"}, "code", "an organisation with the code &#x27;shelter&#x27; already exists"),
    ({"name": "safe shelter"}, "name", "an organisation named &#x27;safe shelter&#x27; already exists"),
    ({"code": "police ub"}, "code", "Use only letters, digits, hyphens and underscores."),
    ({"code": ""}, "code", "This field is required."),
    ({"name": ""}, "name", "This field is required."),
    ({"type": "Police"}, "type", "Choose one of: NGO, Law Enforcement, Health Service Organisation,"),
    ({"country": "Mongolia"}, "country", "Choose one of the countries listed."),
])
def test_mistakes_name_the_field_and_what_was_expected(sysadmin, fields, field, message):
    data = {"code": "police", "name": "Police", "type": "LawEnforcement", "country": "MNG"} | fields

    response = as_user(sysadmin).post(NEW, data)

    assert response.status_code == 200 and message in field_error(response, field)
    assert list(Organisation.objects.values_list("code", flat=True)) == ["shelter"]
    assert not AuditEvent.objects.filter(action="organisation.create").exists()


def test_the_form_is_labelled_and_proposes_mongolia(sysadmin):
    page = as_user(sysadmin).get(NEW).content.decode()

    for field, label in (("code", "Short code"), ("name", "Name"), ("type", "Type"), ("country", "Country")):
        assert f'<label for="id_{field}">{label}</label>' in page
    assert '<option value="MNG" selected>Mongolia</option>' in page


@pytest.mark.parametrize("role", ["org_admin", "case_worker", "supervisor", "police_analyst", "data_analyst"])
def test_only_system_administrators_see_the_organisations(make_user, shelter, role):
    client = as_user(make_user("someone", role=role, organisation=shelter))

    assert client.get(ORGS).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.post(NEW, {"code": "x", "name": "X", "type": "NGO", "country": "MNG"}).status_code == 403
    assert not Organisation.objects.filter(code="x").exists()
    if role == "org_admin":
        assert f'href="{ORGS}"' not in client.get("/accounts/users/").content.decode()


def test_the_users_page_links_to_the_organisations_for_a_system_administrator(sysadmin):
    assert f'href="{ORGS}"' in as_user(sysadmin).get("/accounts/users/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page():
    for response in (Client().get(ORGS), Client().post(NEW)):
        assert response.status_code == 302 and response["Location"].startswith("/login/?next=")


def test_an_organisation_administrator_cannot_create_one_through_the_service(make_user, shelter):
    from ctip.accounts import services

    admin = make_user("orgadmin", role="org_admin", organisation=shelter)
    with pytest.raises(services.AccountPermissionError, match="only a system administrator creates organisations"):
        services.organisation_create(code="x", name="X", org_type="NGO", actor=admin)
