"""Organisation and system administrators manage accounts at /accounts/users/: list, add (the password is
shown once, in the response to the POST), deactivate, reactivate and reset a password; deny by default."""

from __future__ import annotations

import logging
import re

import pytest
from django.test import Client

from ctip.accounts.models import User
from ctip.cases.audit import verify_chain
from ctip.cases.models import AuditEvent
from tests.accounts.pages import as_user, text
from tests.conftest import password_for

pytestmark = pytest.mark.django_db

USERS = "/accounts/users/"
NEW = "/accounts/users/new/"


def shown_password(response) -> str:
    return re.search(r'id="new-password">([^<]+)<', response.content.decode()).group(1)


def test_an_organisation_administrator_sees_only_their_organisations_accounts(orgadmin, make_user, police_unit):
    worker = make_user("tuya", organisation=orgadmin.organisation, scope="group")
    worker.group = "north"
    worker.save()
    make_user("bold", organisation=police_unit, role="police_analyst")

    page = text(as_user(orgadmin).get(USERS))

    assert "tuya Case worker Own group north Active never" in page
    assert "orgadmin you Organisation administrator Own organisation" in page
    assert "bold" not in page and "Police Unit" not in page


def test_a_system_administrator_sees_every_organisation_and_filters_by_one(sysadmin, make_user, police_unit):
    make_user("tuya", organisation=sysadmin.organisation)
    make_user("bold", organisation=police_unit, role="police_analyst")
    client = as_user(sysadmin)

    everyone = text(client.get(USERS))
    police_only = text(client.get(USERS, {"organisation": "police"}))

    assert "bold Police Unit Police analyst" in everyone and "tuya Safe Shelter Case worker" in everyone
    assert "bold Police Unit" in police_only and "tuya" not in police_only


def test_the_last_login_is_shown(orgadmin, make_user):
    make_user("tuya", organisation=orgadmin.organisation)
    assert Client().login(username="tuya", password=password_for("tuya"))

    assert re.search(r"tuya Case worker Own organisation — Active \d{4}-\d\d-\d\d \d\d:\d\d", text(
        as_user(orgadmin).get(USERS)))


@pytest.mark.parametrize("role", ["case_worker", "supervisor", "police_analyst", "data_analyst"])
def test_other_roles_are_refused(make_user, role):
    client = as_user(make_user("someone", role=role))
    target = make_user("tuya")

    assert client.get(USERS).status_code == 403
    assert client.get(NEW).status_code == 403
    assert client.post(f"{USERS}{target.pk}/deactivate/").status_code == 403
    assert 'href="/accounts/users/"' not in client.get("/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login_page(make_user):
    target = make_user("tuya")
    for response in (Client().get(USERS), Client().post(f"{USERS}{target.pk}/reset-password/")):
        assert response.status_code == 302 and response["Location"].startswith("/login/?next=")


def test_administrators_find_the_page_in_the_navigation_bar(orgadmin, sysadmin):
    for admin in (orgadmin, sysadmin):
        assert 'href="/accounts/users/"' in as_user(admin).get("/").content.decode()


def test_a_new_account_shows_its_password_once_and_it_works(production_password_hashing, orgadmin, caplog):
    caplog.set_level(logging.DEBUG)
    response = as_user(orgadmin).post(NEW, {"username": "tuya", "role": "supervisor", "scope": "organisation"})

    assert response.status_code == 200  # answered in the POST's response, not redirected to a URL
    password = shown_password(response)
    assert "shown only once" in text(response) and "Hand it over in private" in text(response)
    assert "no-store" in response["Cache-Control"]
    user = User.objects.get(username="tuya")
    assert (user.organisation, user.role, user.scope) == (orgadmin.organisation, "supervisor", "organisation")
    assert password not in user.password and user.password.startswith("argon2$")
    assert Client().login(username="tuya", password=password)
    assert password not in caplog.text
    assert not response.cookies.get("messages")
    users_page = as_user(orgadmin).get(USERS).content.decode()
    assert "tuya" in users_page and password not in users_page


def test_account_changes_are_audited_without_passwords(orgadmin):
    client = as_user(orgadmin)
    password = shown_password(client.post(NEW, {"username": "tuya", "role": "case_worker", "scope": "self"}))
    tuya = User.objects.get(username="tuya")
    reset = shown_password(client.post(f"{USERS}{tuya.pk}/reset-password/"))
    client.post(f"{USERS}{tuya.pk}/deactivate/")
    again = shown_password(client.post(f"{USERS}{tuya.pk}/reactivate/"))

    events = list(AuditEvent.objects.filter(entity="accounts.user", entity_id=str(tuya.pk)))
    assert [e.action for e in events] == ["user.create", "user.reset_password", "user.deactivate",
                                          "user.reactivate"]
    assert {e.actor_username for e in events} == {"orgadmin"}
    assert events[0].changes == {"username": "tuya", "organisation": "shelter", "role": "case_worker",
                                 "scope": "self", "group": "", "service_account": False,
                                 "temporary_password_expires": events[0].changes["temporary_password_expires"]}
    assert all("temporary_password_expires" in events[i].changes for i in (0, 1, 3))  # issued, hence temporary
    assert not any(p in str(e.changes) for e in events for p in (password, reset, again))
    assert verify_chain().ok


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"role": "sysadmin"}, "role", "Choose one of: Case worker, Supervisor, Organisation administrator."),
    ({"role": "data_analyst"}, "role", "Choose one of: Case worker, Supervisor, Organisation administrator."),
    ({"role": ""}, "role", "Choose one of: Case worker, Supervisor, Organisation administrator."),
    ({"scope": "all"}, "scope", "Choose one of: Own cases, Own group, Own organisation."),
    ({"scope": "group"}, "group", "a user with the scope &#x27;group&#x27; needs a group name"),
    ({"username": "tuya tuya"}, "username", "Enter a valid username."),
    ({"username": ""}, "username", "This field is required."),
])
def test_mistakes_name_the_field_and_the_valid_values(orgadmin, fields, field, message):
    data = {"username": "tuya", "role": "case_worker", "scope": "organisation"} | fields

    response = as_user(orgadmin).post(NEW, data)

    assert response.status_code == 200
    error = re.search(rf'id="id_{field}_error">([^<]*)<', response.content.decode())
    assert error and message in error.group(1)
    assert not User.objects.filter(username__startswith="tuya").exists()


def test_the_same_user_name_twice_is_refused(orgadmin, make_user, police_unit):
    make_user("tuya", organisation=police_unit)

    response = as_user(orgadmin).post(NEW, {"username": "tuya", "role": "case_worker", "scope": "self"})

    assert "a user named &#x27;tuya&#x27; already exists" in response.content.decode()
    assert User.objects.get(username="tuya").organisation == police_unit


def test_an_organisation_administrator_creates_users_only_in_their_own_organisation(orgadmin, police_unit):
    as_user(orgadmin).post(NEW, {"username": "tuya", "role": "case_worker", "scope": "organisation",
                                 "organisation": "police"})

    assert User.objects.get(username="tuya").organisation == orgadmin.organisation


def test_a_police_units_administrator_may_grant_police_analyst(make_user, police_unit):
    admin = make_user("chief", role="org_admin", organisation=police_unit)

    response = as_user(admin).post(NEW, {"username": "bold", "role": "police_analyst", "scope": "organisation"})

    assert shown_password(response)
    assert User.objects.get(username="bold").role == "police_analyst"


def test_a_system_administrator_grants_every_role_in_any_organisation(sysadmin, police_unit):
    response = as_user(sysadmin).post(NEW, {"username": "root2", "organisation": "police", "role": "sysadmin",
                                            "scope": "all"})

    assert shown_password(response)
    user = User.objects.get(username="root2")
    assert (user.organisation, user.role, user.scope) == (police_unit, "sysadmin", "all")


def test_a_system_administrator_must_choose_an_organisation(sysadmin):
    response = as_user(sysadmin).post(NEW, {"username": "tuya", "organisation": "nowhere", "role": "case_worker",
                                            "scope": "organisation"})

    assert "Choose one of the organisations listed." in response.content.decode()
    assert not User.objects.filter(username="tuya").exists()


def test_deactivating_stops_the_login_and_says_so(orgadmin, make_user):
    tuya = make_user("tuya", organisation=orgadmin.organisation)

    response = as_user(orgadmin).post(f"{USERS}{tuya.pk}/deactivate/", follow=True)

    assert "tuya is deactivated" in text(response)
    assert "tuya Case worker Own organisation — Deactivated" in text(response)
    assert not Client().login(username="tuya", password=password_for("tuya"))


def test_reactivating_shows_a_new_password_once(orgadmin, make_user):
    tuya = make_user("tuya", organisation=orgadmin.organisation)
    client = as_user(orgadmin)
    client.post(f"{USERS}{tuya.pk}/deactivate/")

    response = client.post(f"{USERS}{tuya.pk}/reactivate/")

    assert "New password for tuya" in text(response)
    assert Client().login(username="tuya", password=shown_password(response))
    assert not Client().login(username="tuya", password=password_for("tuya"))


def test_resetting_a_password_replaces_the_old_one(orgadmin, make_user):
    tuya = make_user("tuya", organisation=orgadmin.organisation)

    response = as_user(orgadmin).post(f"{USERS}{tuya.pk}/reset-password/")

    assert "no-store" in response["Cache-Control"]
    assert Client().login(username="tuya", password=shown_password(response))
    assert not Client().login(username="tuya", password=password_for("tuya"))


def test_nobody_deactivates_or_resets_their_own_account(orgadmin):
    client = as_user(orgadmin)
    for action in ("deactivate", "reset-password"):
        response = client.post(f"{USERS}{orgadmin.pk}/{action}/", follow=True)
        assert "orgadmin: this is your own account; another administrator must change it" in text(response)
    orgadmin.refresh_from_db()
    assert orgadmin.is_active and Client().login(username="orgadmin", password=password_for("orgadmin"))
    assert f'action="{USERS}{orgadmin.pk}/deactivate/"' not in client.get(USERS).content.decode()


def test_another_organisations_account_is_not_found(orgadmin, make_user, police_unit):
    bold = make_user("bold", organisation=police_unit)
    client = as_user(orgadmin)

    for action in ("deactivate", "reactivate", "reset-password"):
        assert client.post(f"{USERS}{bold.pk}/{action}/").status_code == 404
    assert client.post(f"{USERS}999999/deactivate/").status_code == 404
    assert User.objects.get(username="bold").is_active


def test_an_organisation_administrator_may_not_touch_a_system_administrator(orgadmin, sysadmin):
    client = as_user(orgadmin)

    assert "sysadmin" in text(client.get(USERS))
    assert f'action="{USERS}{sysadmin.pk}/reset-password/"' not in client.get(USERS).content.decode()
    assert client.post(f"{USERS}{sysadmin.pk}/reset-password/").status_code == 403
    assert client.post(f"{USERS}{sysadmin.pk}/deactivate/").status_code == 403
    assert Client().login(username="sysadmin", password=password_for("sysadmin"))


def test_a_system_administrator_manages_any_account(sysadmin, make_user, police_unit):
    bold = make_user("bold", organisation=police_unit, role="org_admin")

    response = as_user(sysadmin).post(f"{USERS}{bold.pk}/reset-password/")

    assert Client().login(username="bold", password=shown_password(response))


def test_actions_need_a_post_with_a_csrf_token(orgadmin, make_user):
    tuya = make_user("tuya", organisation=orgadmin.organisation)
    client = Client(enforce_csrf_checks=True)
    client.force_login(orgadmin)

    assert client.get(f"{USERS}{tuya.pk}/deactivate/").status_code == 405
    assert client.post(f"{USERS}{tuya.pk}/deactivate/").status_code == 403
    assert User.objects.get(username="tuya").is_active


def test_a_service_account_is_reactivated_without_a_password(orgadmin):
    from ctip.accounts import services

    kobo, _ = services.user_create(username="kobo", organisation=orgadmin.organisation, role="case_worker",
                                   service_account=True)
    client = as_user(orgadmin)
    assert f'action="{USERS}{kobo.pk}/reset-password/"' not in client.get(USERS).content.decode()
    client.post(f"{USERS}{kobo.pk}/deactivate/")

    response = client.post(f"{USERS}{kobo.pk}/reactivate/", follow=True)

    assert "kobo is active again. It is a service account" in text(response)
    kobo.refresh_from_db()
    assert kobo.is_active and not kobo.has_usable_password()


def test_the_pages_speak_mongolian(orgadmin, make_user):
    make_user("tuya", organisation=orgadmin.organisation)
    client = as_user(orgadmin)

    assert "Хэрэглэгчид" in text(client.get(USERS, HTTP_ACCEPT_LANGUAGE="mn"))
    response = client.post(NEW, {"username": "bat", "role": "sysadmin", "scope": "organisation"},
                           HTTP_ACCEPT_LANGUAGE="mn")
    assert "Дараахын аль нэгийг сонгоно уу: Кейс хариуцсан ажилтан, Хянагч, Байгууллагын администратор." in text(response)


def test_an_organisation_administrator_without_an_organisation_manages_nobody(make_user):
    admin = make_user("lost", role="org_admin")
    admin.organisation = None
    admin.save()
    make_user("tuya")

    page = text(as_user(admin).get(USERS))

    assert "Your account belongs to no organisation" in page and "tuya" not in page
    assert "Add a user" not in page
