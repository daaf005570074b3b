"""Key rotation re-encrypts every identifying value under a new key while readers keep reading."""

from __future__ import annotations

import pytest

from ctip.cases import crypto, keys, selectors, services
from ctip.cases.models import CaseNote, Person
from ctip.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fast_refresh(monkeypatch):
    monkeypatch.setattr(crypto, "REFRESH_SECONDS", 0.0)


def test_rotation_reencrypts_everything_and_old_values_stay_readable_meanwhile(new_case, worker):
    case = new_case(identity_number="УБ98031412")
    services.note_add(actor=worker, case=case, text="First interview done.")
    old = crypto.keyring().active
    new = crypto.rotate_active_key()
    assert new != old
    # Before re-encryption: values under the old key still read, new writes use the new key.
    assert Person.objects.get(pk=case.person_id).identity_number == "УБ98031412"
    services.note_add(actor=worker, case=case, text="Second interview done.")
    usage = keys.key_usage()
    assert usage[old] > 0 and usage[new] > 0

    report = keys.reencrypt_all(batch_size=2)
    assert report.remaining_old == 0 and report.reencrypted == usage[old]
    assert set(keys.key_usage()) == {new}
    person = Person.objects.get(pk=case.person_id)
    assert (person.first_name, person.identity_number) == ("Sarangerel", "УБ98031412")
    assert sorted(CaseNote.objects.values_list("text", flat=True)) == ["First interview done.",
                                                                       "Second interview done."]
    assert list(selectors.case_list_for(worker, search="Sarangerel")) == [case]  # blind indexes unchanged


def test_ctip_keys_rotate_and_status(new_case, capsys):
    new_case()
    assert main(["keys", "rotate", "--batch-size", "100"]) == 0
    out = capsys.readouterr().out
    assert "still under older keys" in out and " 0 still" in out
    assert main(["keys", "status"]) == 0
    assert f"active key: {crypto.keyring().active}" in capsys.readouterr().out


def test_rotation_with_environment_keys_explains_what_to_do(environment_keys):
    with pytest.raises(crypto.FieldKeyError, match="CTIP_FIELD_KEY_ACTIVE"):
        crypto.rotate_active_key()
