"""Administrators change an account's role, scope and group at /accounts/users/<id>/change/ (and with
``ctip manage users change``) under the rules of creating one; the change applies at the user's next request
and is audited with the old and new values."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command

from ctip.accounts.models import User
from ctip.cases.audit import verify_chain
from ctip.cases.models import AuditEvent
from tests.accounts.pages import as_user, field_error, text

pytestmark = pytest.mark.django_db

USERS = "/accounts/users/"


@pytest.fixture
def sysadmin(make_user, police_unit):
    return make_user("sysadmin", role="sysadmin", organisation=police_unit, scope="all")


@pytest.fixture
def tuya(make_user, shelter):
    return make_user("tuya", organisation=shelter)


def change_url(user) -> str:
    return f"{USERS}{user.pk}/change/"


def manage(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_promotion_applies_at_the_users_next_request(orgadmin, tuya):
    tuyas_session = as_user(tuya)
    assert tuyas_session.get("/cases/approvals/").status_code == 403

    response = as_user(orgadmin).post(change_url(tuya), {"role": "supervisor", "scope": "organisation",
                                                         "group": ""}, follow=True)

    assert response.redirect_chain[-1][0] == f"{USERS}?username=tuya"
    assert ("tuya now has the role Supervisor, the scope Own organisation and the group —; the change applies "
            "from their next page.") in text(response)
    assert "tuya Supervisor Own organisation — Active" in text(response)
    assert tuyas_session.get("/cases/approvals/").status_code == 200  # same session, no new login


def test_the_form_offers_what_the_administrator_may_grant_filled_in_with_the_current_values(orgadmin, tuya):
    tuya.scope, tuya.group = "group", "north"
    tuya.save()

    page = as_user(orgadmin).get(change_url(tuya)).content.decode()

    assert re.search(r'<option value="case_worker" selected>Case worker</option>', page)
    assert re.search(r'<option value="group" selected>Own group</option>', page)
    assert 'value="north"' in page
    assert 'value="data_analyst"' not in page and 'value="sysadmin"' not in page and 'value="all"' not in page
    assert '<label for="id_role">Role</label>' in page


def test_the_users_list_links_to_the_change_page_but_not_on_ones_own_row(orgadmin, tuya):
    page = as_user(orgadmin).get(USERS).content.decode()

    assert f'href="{change_url(tuya)}"' in page
    assert f'href="{change_url(orgadmin)}"' not in page


@pytest.mark.parametrize(("fields", "field", "message"), [
    ({"role": "data_analyst"}, "role", "Choose one of: Case worker, Supervisor, Organisation administrator."),
    ({"role": "sysadmin"}, "role", "Choose one of: Case worker, Supervisor, Organisation administrator."),
    ({"role": "police_analyst"}, "role", "Choose one of: Case worker, Supervisor, Organisation administrator."),
    ({"scope": "all"}, "scope", "Choose one of: Own cases, Own group, Own organisation."),
    ({"scope": "group", "group": "  "}, "group", "a user with the scope &#x27;group&#x27; needs a group name"),
])
def test_an_organisation_administrator_cannot_grant_more_than_when_creating(orgadmin, tuya, fields, field, message):
    data = {"role": "case_worker", "scope": "organisation", "group": ""} | fields

    response = as_user(orgadmin).post(change_url(tuya), data)

    assert response.status_code == 200 and message in field_error(response, field)
    tuya.refresh_from_db()
    assert (tuya.role, tuya.scope, tuya.group) == ("case_worker", "organisation", "")
    assert not AuditEvent.objects.filter(action="user.change").exists()


def test_a_police_units_administrator_may_make_a_colleague_a_police_analyst(make_user, police_unit):
    chief = make_user("chief", role="org_admin", organisation=police_unit)
    bold = make_user("bold", organisation=police_unit)

    as_user(chief).post(change_url(bold), {"role": "police_analyst", "scope": "organisation", "group": ""})

    bold.refresh_from_db()
    assert bold.role == "police_analyst"


def test_nobody_changes_their_own_role(orgadmin, sysadmin):
    for admin in (orgadmin, sysadmin):
        client = as_user(admin)
        for response in (client.get(change_url(admin), follow=True),
                         client.post(change_url(admin), {"role": "case_worker", "scope": "self"}, follow=True)):
            assert (f"{admin.username}: this is your own account; another administrator must change it"
                    in text(response))
        admin.refresh_from_db()
        assert admin.role in ("org_admin", "sysadmin")


def test_another_organisations_account_is_not_found(orgadmin, make_user, police_unit):
    bold = make_user("bold", organisation=police_unit)
    client = as_user(orgadmin)

    assert client.get(change_url(bold)).status_code == 404
    assert client.post(change_url(bold), {"role": "supervisor", "scope": "organisation"}).status_code == 404
    assert client.get(f"{USERS}999999/change/").status_code == 404
    assert User.objects.get(username="bold").role == "case_worker"


def test_an_organisation_administrator_may_not_change_an_account_they_could_not_have_created(orgadmin, make_user):
    analyst = make_user("analyst", role="data_analyst", organisation=orgadmin.organisation, scope="all")
    client = as_user(orgadmin)

    assert f'href="{change_url(analyst)}"' not in client.get(USERS).content.decode()
    assert client.get(change_url(analyst)).status_code == 403
    assert client.post(change_url(analyst), {"role": "case_worker", "scope": "self"}).status_code == 403
    assert User.objects.get(username="analyst").role == "data_analyst"


@pytest.mark.parametrize("role", ["case_worker", "supervisor", "police_analyst", "data_analyst"])
def test_other_roles_are_refused(make_user, tuya, role):
    client = as_user(make_user("someone", role=role, organisation=tuya.organisation))

    assert client.get(change_url(tuya)).status_code == 403
    assert client.post(change_url(tuya), {"role": "org_admin", "scope": "all"}).status_code == 403
    assert User.objects.get(username="tuya").role == "case_worker"


def test_a_system_administrator_grants_any_role_and_scope(sysadmin, tuya):
    as_user(sysadmin).post(change_url(tuya), {"role": "data_analyst", "scope": "all", "group": ""})

    tuya.refresh_from_db()
    assert (tuya.role, tuya.scope) == ("data_analyst", "all")


def test_the_last_active_organisation_administrator_cannot_be_demoted(sysadmin, orgadmin, tuya, make_user):
    client = as_user(sysadmin)
    former = make_user("former", role="org_admin", organisation=orgadmin.organisation)
    former.is_active = False
    former.save()  # a deactivated administrator does not count

    refused = client.post(change_url(orgadmin), {"role": "case_worker", "scope": "organisation", "group": ""})

    assert ("&#x27;orgadmin&#x27; is the last active administrator of Safe Shelter; make another user its "
            "administrator first") in field_error(refused, "role")
    assert User.objects.get(username="orgadmin").role == "org_admin"
    client.post(change_url(tuya), {"role": "org_admin", "scope": "organisation", "group": ""})
    client.post(change_url(orgadmin), {"role": "case_worker", "scope": "organisation", "group": ""})
    assert User.objects.get(username="orgadmin").role == "case_worker"
    assert User.objects.get(username="tuya").role == "org_admin"


def test_the_last_administrators_scope_and_group_may_still_change(sysadmin, orgadmin):
    as_user(sysadmin).post(change_url(orgadmin), {"role": "org_admin", "scope": "group", "group": "office"})

    orgadmin.refresh_from_db()
    assert (orgadmin.role, orgadmin.scope, orgadmin.group) == ("org_admin", "group", "office")


def test_a_change_is_audited_with_the_old_and_new_values(orgadmin, tuya):
    as_user(orgadmin).post(change_url(tuya), {"role": "supervisor", "scope": "group", "group": " north "})

    event = AuditEvent.objects.get(action="user.change")
    assert (event.actor_username, event.entity, event.entity_id) == ("orgadmin", "accounts.user", str(tuya.pk))
    assert event.changes == {"username": "tuya", "organisation": "shelter",
                             "role": {"old": "case_worker", "new": "supervisor"},
                             "scope": {"old": "organisation", "new": "group"},
                             "group": {"old": "", "new": "north"}}
    assert "password" not in str(event.changes)
    assert verify_chain().ok


def test_sending_the_same_values_changes_nothing_and_says_so(orgadmin, tuya):
    response = as_user(orgadmin).post(change_url(tuya), {"role": "case_worker", "scope": "organisation",
                                                         "group": ""}, follow=True)

    assert "tuya: nothing changed." in text(response)
    assert not AuditEvent.objects.filter(action="user.change").exists()


def test_the_change_page_speaks_mongolian(orgadmin, tuya):
    response = as_user(orgadmin).post(change_url(tuya), {"role": "sysadmin", "scope": "organisation"},
                                      HTTP_ACCEPT_LANGUAGE="mn")

    assert "tuya-ийн үүргийг өөрчлөх" in text(response)
    assert "Дараахын аль нэгийг сонгоно уу: Кейс хариуцсан ажилтан, Хянагч, Байгууллагын администратор." in text(
        response)


def test_the_command_line_changes_a_role_scope_and_group(tuya):
    out = manage("users", "change", "tuya", "--role", "supervisor", "--scope", "group", "--group", "north")

    assert out.strip() == ("changed tuya: role case_worker -> supervisor, scope organisation -> group, "
                           "group - -> north")
    tuya.refresh_from_db()
    assert (tuya.role, tuya.scope, tuya.group) == ("supervisor", "group", "north")
    event = AuditEvent.objects.get(action="user.change")
    assert event.actor_username == "" and event.changes["role"] == {"old": "case_worker", "new": "supervisor"}
    assert manage("users", "change", "tuya", "--group", "north").strip() == "tuya: nothing changed"


@pytest.mark.parametrize(("args", "message"), [
    (("users", "change", "tuya"), "give at least one of --role, --scope, --group"),
    (("users", "change", "nobody", "--role", "supervisor"), "username: no user named 'nobody'"),
    (("users", "change", "tuya", "--scope", "group"), "group: a user with the scope 'group' needs a group name"),
    (("users", "change", "orgadmin", "--role", "case_worker"),
     "role: 'orgadmin' is the last active administrator of Safe Shelter; make another user its administrator first"),
])
def test_the_command_line_refuses_what_the_page_refuses(orgadmin, tuya, args, message):
    with pytest.raises(CommandError, match=re.escape(message)):
        manage(*args)
    assert not AuditEvent.objects.filter(action="user.change").exists()
