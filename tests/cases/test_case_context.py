"""The module, NRM phase and victim context (HTCDS ``vic_*``) of a case can be recorded and changed, on the
case page and through the API, and the change is audited."""

from __future__ import annotations

import json

import pytest

from ctip.accounts.models import User
from ctip.cases.api import token_issue
from ctip.cases.models import AuditEvent, Case

pytestmark = pytest.mark.django_db


def test_worker_records_the_trafficking_context_on_the_case_page(client, worker, new_case):
    case = new_case()
    client.force_login(worker)

    response = client.post(f"/cases/{case.public_id}/context/", {
        "context-module": "adult_victim", "context-nrm_phase": "first_assistance",
        "context-recruitment_methods": ["ThroughOnlineSocialNetworks"], "context-exploitation_types": ["ForcedLabour"],
        "context-labour_sector": "F_Construction", "context-relationship_to_trafficker": "Acquainted",
        "context-age_when_trafficked": "19", "context-exploitation_months": "7"})

    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.nrm_phase, case.recruitment_methods, case.labour_sector, case.exploitation_months) == (
        "first_assistance", ["ThroughOnlineSocialNetworks"], "F_Construction", 7)
    page = " ".join(client.get(f"/cases/{case.public_id}/").content.decode().split())
    assert "First assistance and reflection period" in page and "Months in exploitation</dt><dd>7</dd>" in page
    event = AuditEvent.objects.filter(case_public_id=case.public_id, action="update").last()
    assert set(event.changes) == {"nrm_phase", "recruitment_methods", "exploitation_types", "labour_sector",
                                  "relationship_to_trafficker", "age_when_trafficked", "exploitation_months"}


def test_the_form_starts_from_what_the_case_holds(client, worker, new_case):
    case = new_case()
    Case.objects.filter(pk=case.pk).update(labour_sector="B_MiningAndQuarrying", nrm_phase="proceedings")
    client.force_login(worker)

    html = client.get(f"/cases/{case.public_id}/").content.decode()

    assert '<option value="B_MiningAndQuarrying" selected>' in html and '<option value="proceedings" selected>' in html


def test_an_unknown_code_is_refused_and_nothing_changes(client, worker, new_case):
    case = new_case()
    client.force_login(worker)

    response = client.post(f"/cases/{case.public_id}/context/", {
        "context-module": "adult_victim", "context-nrm_phase": "identification", "context-labour_sector": "Moon"})

    assert response.status_code == 400
    assert "Select a valid choice. Moon is not one of the available choices." in response.content.decode()
    case.refresh_from_db()
    assert case.labour_sector == ""


def test_context_through_the_api(client, orgs, new_case):
    account = User.objects.create(username="iom-sync", role="case_worker", scope="organisation",
                                  organisation=orgs["iom"], is_service_account=True, password="!")
    case = new_case()
    case_url = f"/cases/api/cases/{case.public_id}"
    headers = {"content_type": "application/json", "HTTP_AUTHORIZATION": f"Bearer {token_issue(account)}"}

    changed = client.patch(case_url, data=json.dumps({"nrm_phase": "long_term_assistance",
                                                      "sex_exploitation_types": ["Prostitution"]}), **headers)
    cleared = client.patch(case_url, data=json.dumps({"sex_exploitation_types": None}), **headers)
    refused = client.patch(case_url, data=json.dumps({"labour_sector": "Moon"}), **headers)

    assert changed.status_code == 200
    assert (changed.json()["nrm_phase"], changed.json()["sex_exploitation_types"]) == ("long_term_assistance",
                                                                                      ["Prostitution"])
    assert cleared.json()["sex_exploitation_types"] == []
    assert refused.status_code == 400 and "labour_sector" in refused.json()["extra"]["fields"]
