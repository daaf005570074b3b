"""The blind-index key can be rotated online: searches keep finding everyone while indexes are recomputed."""

from __future__ import annotations

import pytest

from ctip.cases import crypto, keys, selectors
from ctip.cases.models import Person
from ctip.cases.models.audit import AuditEvent
from ctip.cli import main

pytestmark = pytest.mark.django_db

BIDX = ["first_name_bidx", "full_name_bidx", "identity_number_bidx", "mobile_phone_bidx"]


@pytest.fixture(autouse=True)
def fast_refresh(monkeypatch):
    monkeypatch.setattr(crypto, "REFRESH_SECONDS", 0.0)
    yield
    crypto.retire_previous_index_key()  # the key files outlive each test's database rollback


def _indexes(case) -> tuple:
    return Person.objects.filter(pk=case.person_id).values_list(*BIDX).get()


def test_people_stay_findable_during_and_after_an_index_key_rotation(new_case, worker):
    case = new_case(identity_number="УБ98031412", mobile_phone="+976 9911 2233")
    before = _indexes(case)
    crypto.rotate_index_key()
    # Mid-rotation: the stored indexes are still under the previous key, and searches find them.
    assert crypto.keyring().previous_index_key is not None
    for query in ("Sarangerel", "sarangerel batbold", "УБ98031412", "99112233"):
        assert list(selectors.case_list_for(worker, search=query)) == [case], query
    newcomer = new_case(first_name="Oyunchimeg", last_name="Dorj")  # indexed under the new key at once
    assert list(selectors.case_list_for(worker, search="Oyunchimeg")) == [newcomer]

    report = keys.reindex_all(batch_size=1)
    assert report.reindexed == 2 and report.skipped == 0
    assert crypto.keyring().previous_index_key is None
    after = _indexes(case)
    assert all(a != b for a, b in zip(before, after, strict=True) if b), "every index is under the new key"
    for query in ("Sarangerel", "УБ98031412", "99112233", "Oyunchimeg"):
        assert len(selectors.case_list_for(worker, search=query)) == 1, query
    assert list(selectors.case_list_for(worker, search="Nobody Here")) == []


def test_an_unfinished_rotation_must_be_completed_before_another(new_case):
    new_case()
    crypto.rotate_index_key()
    with pytest.raises(crypto.FieldKeyError, match="rotate-index --reindex-only"):
        crypto.rotate_index_key()
    keys.reindex_all()
    crypto.rotate_index_key()  # now allowed


def test_ctip_keys_rotate_index_reports_and_audits(new_case, worker, capsys):
    case = new_case()
    before = _indexes(case)
    assert main(["keys", "rotate-index", "--batch-size", "50"]) == 0
    out = capsys.readouterr().out
    assert "blind indexes of 1 people recomputed" in out and "previous key is retired" in out
    assert _indexes(case)[0] != before[0]
    assert list(selectors.case_list_for(worker, search="Batbold")) == [case]
    assert {"keys.rotate_index", "keys.reindex"} <= set(AuditEvent.objects.values_list("action", flat=True))
    assert main(["keys", "status"]) == 0
    assert "blind-index key: one key" in capsys.readouterr().out


def test_index_rotation_with_environment_keys_explains_what_to_do(environment_keys):
    with pytest.raises(crypto.FieldKeyError, match="CTIP_BLIND_INDEX_KEY_PREVIOUS"):
        crypto.rotate_index_key()
