"""A deactivated organisation: named "(deactivated)" wherever case and referral pages list it, in both languages,
and never offered as a new referral, transfer, consent or service target."""

from __future__ import annotations

import pytest

from ctip.accounts.models import Organisation
from ctip.cases import services
from ctip.cases.models import ConsentPurpose, Referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def referred(new_case, worker, orgs, user):
    """A case referred to the shelter, accepted, with a note from the shelter; then the shelter is deactivated."""
    case = new_case()
    services.consent_record(actor=worker, case=case, purpose=ConsentPurpose.SHARE_ORGANISATION,
                            organisation=orgs["shelter"])
    referral = services.referral_create(actor=worker, case=case, to_organisation=orgs["shelter"],
                                        service_type="accommodation", sections=["person", "notes"])
    shelter_worker = user("case_worker", "shelter", "shelterworker")
    services.referral_accept(actor=shelter_worker, referral=referral)
    services.note_add(actor=shelter_worker, case=case, text="Arrived at the shelter")
    Organisation.objects.filter(pk=orgs["shelter"].pk).update(is_active=False)
    return case


def _text(response) -> str:
    return response.content.decode()


def test_the_case_page_marks_the_deactivated_organisation(client, worker, referred):
    client.force_login(worker)

    html = _text(client.get(f"/cases/{referred.public_id}/"))

    # the consent, the referral and the note each name it
    assert html.count("Shelter (deactivated)") == 3


def test_the_referral_pages_mark_it_in_mongolian_too(client, worker, referred):
    client.force_login(worker)

    assert "Shelter (deactivated)" in _text(client.get("/cases/referrals/"))
    assert "Shelter (идэвхгүй болсон)" in _text(client.get("/cases/referrals/", HTTP_ACCEPT_LANGUAGE="mn"))


def test_it_is_never_offered_as_a_new_target(client, worker, referred, orgs):
    client.force_login(worker)

    html = _text(client.get(f"/cases/{referred.public_id}/"))

    assert f'<option value="{orgs["shelter"].pk}"' not in html
    assert f'<option value="{orgs["police"].pk}"' in html


@pytest.mark.parametrize("path, data", [
    ("referrals", {"to_organisation": "SHELTER", "service_type": "accommodation", "sections": ["person"]}),
    ("transfers", {"to_organisation": "SHELTER"}),
    ("consents", {"purpose": "share_organisation", "organisation": "SHELTER", "given_by": "self"}),
])
def test_a_posted_deactivated_target_is_refused(client, worker, referred, orgs, path, data):
    client.force_login(worker)
    data = {k: (str(orgs["shelter"].pk) if v == "SHELTER" else v) for k, v in data.items()}
    prefix = {"referrals": "referral", "transfers": "transfer", "consents": "consent"}[path]
    before = (Referral.objects.count(), referred.consents.count())

    response = client.post(f"/cases/{referred.public_id}/{path}/", _prefixed(data, prefix))

    assert response.status_code == 400
    assert (Referral.objects.count(), referred.consents.count()) == before


def _prefixed(data: dict, prefix: str) -> dict:
    from ctip.cases import forms

    form_class = {"referral": forms.ReferralForm, "transfer": forms.TransferForm, "consent": forms.ConsentForm}[prefix]
    name = getattr(form_class, "prefix", None)
    return {f"{name}-{k}" if name else k: v for k, v in data.items()}


def test_the_case_list_filter_names_it_for_a_user_who_sees_every_organisation(client, user, referred):
    client.force_login(user("supervisor", "iom", "everything", scope="all"))

    assert "Shelter (deactivated)" in _text(client.get("/cases/"))
