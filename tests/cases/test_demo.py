"""Demo cases: reproducible from a seed, labelled synthetic, in Mongolia's context, quick to create."""

from __future__ import annotations

from collections import Counter

import pytest

from ctip.cases.demo import SYNTHETIC_NOTE, create_demo_cases
from ctip.cases.models import Case, CaseNote, Referral

pytestmark = pytest.mark.django_db


def _fingerprint():
    return [(c.public_id, c.person.first_name, c.status, c.stage, tuple(c.exploitation_types))
            for c in Case.objects.select_related("person").order_by("public_id")]


def test_demo_cases_are_synthetic_labelled_and_plausible():
    assert create_demo_cases(seed=7, count=300) == 300
    assert create_demo_cases(seed=7, count=300) == 0  # only once
    cases = Case.objects.select_related("person")
    assert all(c.is_synthetic and c.person.is_synthetic for c in cases)
    assert [n.text for n in CaseNote.objects.all()] == [SYNTHETIC_NOTE] * 300  # decrypted: the label is there
    women = sum(c.person.gender == "Feminine" for c in cases) / 300
    children = sum(c.person.is_child for c in cases) / 300
    assert 0.5 < women < 0.75 and 0.25 < children < 0.5
    forms = Counter(f for c in cases for f in c.exploitation_types)
    assert forms["ForcedLabour"] > 60 and forms["SexualExploitation"] > 60
    destinations = {e.country for c in cases for e in c.events.all() if e.event_type == "Exploitation"}
    assert {"CHN", "KOR", "MNG"} <= destinations
    assert Referral.objects.filter(to_organisation__code="shelter").exists()
    assert Referral.objects.filter(to_organisation__code="police").exists()


WIPE_ORDER = ["approval", "referral", "supportservice", "supportplan", "determination", "evidence", "screening",
              "consent", "casenote", "traffickingevent", "perpetratorcontext", "needsassessment",
              "case_assigned_workers", "accesslog", "case", "person"]


def test_same_seed_same_cases():
    from django.db import connection

    create_demo_cases(seed=11, count=40)
    first = _fingerprint()
    with connection.cursor() as cur:  # wipe the case store to generate again
        for table in WIPE_ORDER:
            cur.execute(f"DELETE FROM cases_{table}")
    create_demo_cases(seed=11, count=40)
    assert _fingerprint() == first
