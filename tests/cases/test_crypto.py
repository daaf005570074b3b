"""Field encryption and blind indexes, property-tested (no database)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctip.cases import crypto


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_text_round_trips(text):
    stored = crypto.encrypt(text, aad="cases.person.first_name")
    assert crypto.decrypt(stored, aad="cases.person.first_name") == text


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=60))
def test_normalising_twice_changes_nothing(text):
    for kind in ("name", "phone", "identity", "email"):
        once = crypto.normalise(text, kind)
        assert crypto.normalise(once, kind) == once


def test_the_same_value_encrypts_differently_each_time():
    a, b = (crypto.encrypt("Bat-Erdene", aad="x") for _ in range(2))
    assert a != b and crypto.decrypt(a, aad="x") == crypto.decrypt(b, aad="x")


def test_an_altered_ciphertext_is_refused():
    stored = crypto.encrypt("Bat-Erdene", aad="x")
    prefix, kid, body = stored.split(":")
    tampered = f"{prefix}:{kid}:{body[:-2]}{'A' if body[-2] != 'A' else 'B'}{body[-1]}"
    with pytest.raises(crypto.FieldKeyError):
        crypto.decrypt(tampered, aad="x")


def test_unknown_key_id_names_where_keys_were_looked_for():
    with pytest.raises(crypto.FieldKeyError, match="field key 'nokey' is not available"):
        crypto.decrypt("enc1:nokey:AAAA", aad="x")


@pytest.mark.parametrize(("a", "b", "kind"), [
    ("Bat-Erdene", "  bat-erdene ", "name"),
    ("ＢＡＴ", "bat", "name"),
    ("+976 8811 2233", "88112233", "phone"),
    ("УБ 98-031412", "уб98031412", "identity"),
])
def test_spellings_that_mean_the_same_share_a_blind_index(a, b, kind):
    assert crypto.blind_index(a, kind) == crypto.blind_index(b, kind)


def test_kinds_do_not_collide():
    assert crypto.blind_index("88112233", "phone") != crypto.blind_index("88112233", "identity")
