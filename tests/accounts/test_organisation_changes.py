"""System administrators rename, deactivate and reactivate organisations on /accounts/organisations/ (and the
operator with ``ctip manage organisations``): the code stays, a deactivated organisation's people cannot sign
in, their sessions end, its service accounts' tokens are refused, it is no longer a referral target, and its
cases stay visible. Every change is audited."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from ctip.accounts.models import Organisation
from ctip.cases.api import token_issue
from ctip.cases.audit import verify_chain
from ctip.cases.models import AuditEvent
from tests.accounts.pages import as_user, field_error, text
from tests.accounts.signin import sign_in

pytestmark = pytest.mark.django_db

ORGS = "/accounts/organisations/"


@pytest.fixture
def home_office():
    return Organisation.objects.create(code="ctip-admin", name="Platform Team", org_type="NGO")


@pytest.fixture
def sysadmin(make_user, home_office):
    return make_user("sysadmin", role="sysadmin", organisation=home_office, scope="all")


def rename(client: Client, code: str, name: str):
    return client.post(f"{ORGS}{code}/rename/", {"name": name}, follow=True)


def deactivate(client: Client, code: str):
    return client.post(f"{ORGS}{code}/deactivate/", follow=True)


def manage(*args: str) -> str:
    out = io.StringIO()
    call_command("organisations", *args, stdout=out)
    return out.getvalue()


def test_renaming_keeps_the_code_and_is_audited(sysadmin, shelter):
    client = as_user(sysadmin)
    form = client.get(f"{ORGS}shelter/rename/")
    assert 'value="Safe Shelter"' in form.content.decode() and "The short code shelter stays" in text(form)

    response = rename(client, "shelter", " Safe Shelter Ulaanbaatar ")

    assert "Safe Shelter is now called Safe Shelter Ulaanbaatar; its short code shelter stays." in text(response)
    assert "shelter Safe Shelter Ulaanbaatar NGO Mongolia" in text(response)
    shelter.refresh_from_db()
    assert (shelter.code, shelter.name) == ("shelter", "Safe Shelter Ulaanbaatar")
    event = AuditEvent.objects.get(action="organisation.change")
    assert event.actor_username == "sysadmin"
    assert event.changes == {"code": "shelter", "name": {"old": "Safe Shelter", "new": "Safe Shelter Ulaanbaatar"}}
    assert verify_chain().ok


def test_a_name_another_organisation_has_is_refused_on_the_field(sysadmin, shelter, police_unit):
    response = as_user(sysadmin).post(f"{ORGS}shelter/rename/", {"name": "police unit"})

    assert response.status_code == 200
    assert field_error(response, "name") == "an organisation named &#x27;police unit&#x27; already exists"
    shelter.refresh_from_db()
    assert shelter.name == "Safe Shelter"
    assert not AuditEvent.objects.filter(action="organisation.change").exists()


def test_the_same_name_changes_nothing_and_records_nothing(sysadmin, shelter):
    response = rename(as_user(sysadmin), "shelter", "Safe Shelter")

    assert "Safe Shelter: nothing changed." in text(response)
    assert not AuditEvent.objects.filter(action="organisation.change").exists()


def test_a_deactivated_organisation_is_shown_inactive_and_the_change_is_audited(sysadmin, shelter, make_user):
    make_user("tuya", organisation=shelter)
    client = as_user(sysadmin)

    response = deactivate(client, "shelter")

    page = text(response)
    assert "Safe Shelter is deactivated: its accounts can no longer sign in or call the API" in page
    assert "shelter Safe Shelter NGO Mongolia 1 Deactivated Rename Reactivate" in page
    event = AuditEvent.objects.get(action="organisation.deactivate")
    assert (event.actor_username, event.changes) == ("sysadmin", {"code": "shelter", "is_active": False})
    users = text(client.get("/accounts/users/"))
    assert "tuya Safe Shelter organisation deactivated" in users
    assert "Safe Shelter" not in text(client.get("/accounts/users/new/")).split("Organisation", 1)[1]


def test_its_people_cannot_sign_in_and_open_sessions_end_at_the_next_request(sysadmin, shelter, make_user):
    tuya = make_user("tuya", organisation=shelter)
    open_session = Client()
    sign_in(open_session, "tuya")
    assert open_session.get("/cases/").status_code == 200

    deactivate(as_user(sysadmin), "shelter")

    ended = open_session.get("/cases/")
    assert ended.status_code == 302 and ended["Location"] == "/login/?next=/cases/"
    assert "access to ctip has been deactivated" in text(open_session.get(ended["Location"]))
    assert AuditEvent.objects.filter(action="auth.logout", changes__reason="organisation deactivated").exists()
    refused = sign_in(Client(), "tuya")
    assert refused.status_code == 200 and "user name and password did not match" in text(refused)
    assert not Client().login(username="tuya", password=tuya.username + "-Pass-2024!")


def test_its_service_accounts_tokens_are_refused_until_it_is_reactivated(sysadmin, shelter):
    from ctip.accounts.models import User

    robot = User.objects.create(username="sync", role="case_worker", scope="organisation", organisation=shelter,
                                is_service_account=True, password="!")
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token_issue(robot)}"}
    client = as_user(sysadmin)
    assert Client().get("/cases/api/cases/", **bearer).status_code == 200

    deactivate(client, "shelter")
    assert Client().get("/cases/api/cases/", **bearer).status_code == 401

    response = client.post(f"{ORGS}shelter/reactivate/", follow=True)
    assert "Safe Shelter is active again" in text(response)
    assert AuditEvent.objects.filter(action="organisation.reactivate", changes__code="shelter").exists()
    assert Client().get("/cases/api/cases/", **bearer).status_code == 200


def test_after_reactivation_its_people_sign_in_with_their_own_passwords(sysadmin, shelter, make_user):
    make_user("tuya", organisation=shelter)
    client = as_user(sysadmin)
    deactivate(client, "shelter")
    client.post(f"{ORGS}shelter/reactivate/")

    assert sign_in(Client(), "tuya").status_code == 302


def test_nobody_deactivates_their_own_organisation(sysadmin, home_office):
    client = as_user(sysadmin)
    row = re.search(r'id="organisation-ctip-admin".*?</tr>', client.get(ORGS).content.decode(), re.S).group(0)
    assert "Rename" in row and "deactivate" not in row

    response = deactivate(client, "ctip-admin")

    assert ("Platform Team: Platform Team is your own organisation; another system administrator must "
            "deactivate it") in text(response)
    home_office.refresh_from_db()
    assert home_office.is_active


def test_an_organisation_administrator_may_not_change_organisations(orgadmin, shelter):
    client = as_user(orgadmin)

    assert client.get(f"{ORGS}shelter/rename/").status_code == 403
    assert client.post(f"{ORGS}shelter/rename/", {"name": "Mine"}).status_code == 403
    assert client.post(f"{ORGS}shelter/deactivate/").status_code == 403
    shelter.refresh_from_db()
    assert (shelter.name, shelter.is_active) == ("Safe Shelter", True)


def test_an_unknown_code_is_not_found(sysadmin):
    assert as_user(sysadmin).post(f"{ORGS}nobody/deactivate/").status_code == 404


def test_the_pages_speak_mongolian(sysadmin, shelter):
    client = as_user(sysadmin)
    deactivate(client, "shelter")

    page = text(client.get(ORGS, HTTP_ACCEPT_LANGUAGE="mn"))

    assert "Нэр өөрчлөх" in page and "Дахин идэвхжүүлэх" in page


def test_the_command_line_renames_deactivates_and_reactivates(shelter, make_user):
    assert manage("rename", "shelter", "Safe House") == "renamed shelter: Safe Shelter -> Safe House\n"
    assert manage("deactivate", "shelter").startswith("deactivated shelter")
    assert "shelter\tSafe House\tNGO\tMNG deactivated" in manage("list")
    with pytest.raises(CommandError, match="code: Safe House is already deactivated"):
        manage("deactivate", "shelter")
    assert manage("reactivate", "shelter") == "reactivated shelter\n"
    with pytest.raises(CommandError, match="code: no organisation with the code 'nobody'"):
        manage("rename", "nobody", "X")
    actions = list(AuditEvent.objects.filter(entity="accounts.organisation").values_list("action", "actor_username"))
    assert actions == [("organisation.change", ""), ("organisation.deactivate", ""),
                       ("organisation.reactivate", "")]
    assert verify_chain().ok


def _referral_targets(client: Client, case) -> list[str]:
    """The organisations the case page's referral form offers."""
    page = client.get(f"/cases/{case.public_id}/").content.decode()
    select = re.search(r'<select name="referral-to_organisation".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="\d+"[^>]*>([^<]+)</option>', select)


def _case_of(worker):
    import datetime as dt

    from ctip.cases import services

    return services.case_create(actor=worker, first_name="Sarangerel", last_name="Batbold", gender="Feminine",
                                citizenship="MNG", birth_date=dt.date(1998, 3, 14))


def test_a_deactivated_organisation_is_no_longer_a_referral_target(sysadmin, shelter, police_unit, make_user):
    from ctip.cases import services
    from ctip.cases.errors import ApplicationError

    worker = make_user("tuya", organisation=police_unit)
    case = _case_of(worker)
    client = as_user(worker)
    assert "Safe Shelter" in _referral_targets(client, case)

    deactivate(as_user(sysadmin), "shelter")

    assert "Safe Shelter" not in _referral_targets(client, case)
    shelter.refresh_from_db()
    with pytest.raises(ApplicationError, match="Safe Shelter is deactivated: it takes no referrals or transfers"):
        services.transfer_create(actor=worker, case=case, to_organisation=shelter, override_reason="urgent")


def test_its_cases_stay_visible_to_whoever_may_see_them(sysadmin, shelter, home_office, make_user):
    case = _case_of(make_user("tuya", organisation=shelter))
    national = as_user(make_user("boss", role="supervisor", organisation=home_office, scope="all"))

    deactivate(as_user(sysadmin), "shelter")

    page = national.get(f"/cases/{case.public_id}/")
    assert page.status_code == 200 and case.public_id in text(page)
