"""A closed case is read-only until it is reopened; the person's consent stays theirs to give or withdraw."""

from __future__ import annotations

import pytest

from ctip.cases import services
from ctip.cases.errors import ApplicationError
from ctip.cases.models import CaseNote, ConsentPurpose, Referral

pytestmark = pytest.mark.django_db

CLOSED = "The case is closed: reopen it before changing it."


@pytest.fixture
def closed_case(new_case, worker, supervisor, orgs):
    case = new_case()
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                            organisation=orgs["shelter"])
    approval = services.closure_request(actor=worker, case=case, reason="Services completed")
    services.approval_decide(actor=supervisor, approval=approval, approve=True)
    case.refresh_from_db()
    return case


@pytest.mark.parametrize("change", [
    lambda case, worker, orgs: services.note_add(actor=worker, case=case, text="Called her."),
    lambda case, worker, orgs: services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                                        service_type="accommodation", sections=["person"]),
    lambda case, worker, orgs: services.screening_record(actor=worker, case=case, interview={"acts": ["recruitment"]}),
    lambda case, worker, orgs: services.person_update(actor=worker, case=case, first_name="Sara"),
    lambda case, worker, orgs: services.service_add(actor=worker, case=case, service_type="medical",
                                                    provider=orgs["iom"]),
], ids=["note", "referral", "screening", "person", "service"])
def test_a_closed_case_refuses_changes(closed_case, worker, orgs, change):
    with pytest.raises(ApplicationError, match=CLOSED):
        change(closed_case, worker, orgs)
    assert not CaseNote.objects.exists() and not Referral.objects.exists()


def test_consent_can_be_withdrawn_from_a_closed_case(closed_case, worker):
    consent = closed_case.consents.get()

    services.consent_withdraw(actor=worker, consent=consent)

    consent.refresh_from_db()
    assert consent.withdrawn_at is not None


def test_a_reopened_case_takes_changes_again(closed_case, worker):
    services.case_reopen(actor=worker, case=closed_case, reason="She came back")

    services.note_add(actor=worker, case=closed_case, text="Called her.")

    assert CaseNote.objects.filter(case=closed_case).count() == 1


def test_closed_case_page_offers_reopening_and_consent_but_no_other_change(client, worker, closed_case):
    client.force_login(worker)

    html = client.get(f"/cases/{closed_case.public_id}/").content.decode()

    assert "This case is closed. Reopen it to change it" in html
    assert f'action="/cases/{closed_case.public_id}/reopen/"' in html
    assert f'action="/cases/{closed_case.public_id}/consents/"' in html
    assert "/withdraw/" in html
    for path in ("screening/", "notes/", "referrals/", "transfers/", "person/", "services/", "plans/", "events/"):
        assert f'"/cases/{closed_case.public_id}/{path}"' not in html, path


def test_a_note_posted_to_a_closed_case_says_why_it_was_refused(client, worker, closed_case):
    client.force_login(worker)

    response = client.post(f"/cases/{closed_case.public_id}/notes/", {"note-text": "Called her."})

    assert response.status_code == 400
    assert CLOSED in response.content.decode()
    assert not CaseNote.objects.exists()
