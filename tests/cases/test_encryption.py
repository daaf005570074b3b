"""Identifying fields are encrypted at rest and found only through keyed blind indexes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import FieldError
from django.db import connection

from ctip.cases import crypto, selectors
from ctip.cases.models import Person

pytestmark = pytest.mark.django_db


def _raw(column: str, pk: int) -> str:
    with connection.cursor() as cur:
        cur.execute(f"SELECT {column} FROM cases_person WHERE id = %s", [pk])
        return cur.fetchone()[0]


def test_identifying_fields_are_stored_as_ciphertext_with_their_key_id(new_case):
    case = new_case(identity_number="УБ98031412", mobile_phone="+976 88112233")
    for column in ("first_name", "last_name", "birth_date", "identity_number", "mobile_phone"):
        stored = _raw(column, case.person_id)
        assert stored.startswith(f"enc1:{crypto.keyring().active}:")
        assert "Sarangerel" not in stored and "88112233" not in stored


def test_reading_a_person_gives_back_the_plaintext(new_case):
    case = new_case(identity_number="УБ98031412")
    person = Person.objects.get(pk=case.person_id)
    assert (person.first_name, person.birth_date, person.identity_number) == (
        "Sarangerel", dt.date(1998, 3, 14), "УБ98031412")


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="reads the SQLite database file's bytes")
@pytest.mark.django_db(transaction=True)
def test_no_plaintext_name_in_the_database_file(new_case, tmp_path):
    new_case(first_name="Zolzayaunique", last_name="Tsetsegunique", identity_number="ЧЕ00112233")
    # The test database may live in memory: write it out as a database file with SQLite's backup API,
    # which copies the pages byte for byte.
    import sqlite3

    db_file = tmp_path / "case-store.sqlite3"
    dest = sqlite3.connect(db_file)
    connection.ensure_connection()
    connection.connection.backup(dest)
    dest.close()
    data = db_file.read_bytes()
    assert len(data) > 0
    for secret in ("Zolzayaunique", "Tsetsegunique", "ЧЕ00112233"):
        assert secret.encode() not in data
        assert secret.encode("utf-16-le") not in data


def test_search_by_exact_name_phone_or_id_uses_blind_indexes(new_case, worker):
    case = new_case(mobile_phone="8811-2233", identity_number="УБ98031412", email="s@example.org")
    for query in ("sarangerel", "Sarangerel  Batbold", "+976 88112233", "уб98031412", "S@Example.org",
                  case.public_id.replace("-", "").lower()):
        assert list(selectors.case_list_for(worker, search=query)) == [case], query
    assert not selectors.case_list_for(worker, search="Sarangere").exists()


def test_blind_index_is_keyed_not_a_plain_hash(new_case):
    import hashlib

    case = new_case()
    stored = Person.objects.values_list("first_name_bidx", flat=True).get(pk=case.person_id)
    assert stored != hashlib.sha256(b"sarangerel").hexdigest()[:32]
    assert stored == crypto.blind_index("SARANGEREL", "name")


def test_filtering_on_an_encrypted_field_is_refused(new_case):
    new_case()
    with pytest.raises(FieldError):
        list(Person.objects.filter(first_name="Sarangerel"))


def test_a_ciphertext_moved_to_another_column_does_not_decrypt(new_case):
    case = new_case()
    with connection.cursor() as cur:
        cur.execute("UPDATE cases_person SET last_name = first_name WHERE id = %s", [case.person_id])
    with pytest.raises(crypto.FieldKeyError, match="failed authentication"):
        Person.objects.get(pk=case.person_id)


def test_no_column_of_any_table_holds_the_plaintext(new_case, worker):
    """The same check as the file's bytes, on any database: every text column of every table."""
    from ctip.cases import services

    case = new_case(first_name="Zolzayaunique", identity_number="ЧЕ00112233", mailing_city="Sainshand")
    services.note_add(actor=worker, case=case, text="Zolzayaunique called from Sainshand")
    selectors.case_get_for(worker, case.public_id)
    hits = []
    with connection.cursor() as cur:
        for table in connection.introspection.table_names(cur):
            for col in connection.introspection.get_table_description(cur, table):
                cur.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)} WHERE "
                            f"CAST({connection.ops.quote_name(col.name)} AS TEXT) LIKE %s OR "
                            f"CAST({connection.ops.quote_name(col.name)} AS TEXT) LIKE %s",
                            ["%Zolzayaunique%", "%Sainshand%"])
                if cur.fetchone()[0]:
                    hits.append(f"{table}.{col.name}")
    assert hits == []
