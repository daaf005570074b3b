"""Key rotation: re-encrypt every identifying value under the active key, in small batches, online.

Readers never stop: every value names its key, old keys stay readable, and each batch is its own short
transaction. A value a worker changes while rotation runs is not overwritten (each update is a
compare-and-swap on the old ciphertext); a final pass picks up anything written under an old key in the
meantime.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import connection, transaction

from ctip.cases import audit, crypto
from ctip.cases.fields import encrypted_fields
from ctip.cases.models.people import BLIND_INDEXED


@dataclass(frozen=True)
class RotationReport:
    key_id: str
    reencrypted: int
    remaining_old: int
    seconds: float


def _encrypted_tables():
    for model in apps.get_app_config("cases").get_models():
        fields = encrypted_fields(model)
        if fields:
            yield model, fields


def key_usage() -> Counter:
    """How many stored values each key id encrypts (scans every encrypted column)."""
    usage: Counter = Counter()
    for model, fields in _encrypted_tables():
        for f in fields:
            with connection.cursor() as cur:
                cur.execute(f"SELECT {connection.ops.quote_name(f.column)} FROM "
                            f"{connection.ops.quote_name(model._meta.db_table)} "
                            f"WHERE {connection.ops.quote_name(f.column)} IS NOT NULL")
                for (value,) in cur.fetchall():
                    usage[crypto.key_id_of(value)] += 1
    return usage


def _reencrypt_table(model, fields, active: str, batch_size: int) -> int:
    qn = connection.ops.quote_name
    table, pk = qn(model._meta.db_table), qn(model._meta.pk.column)
    cols = [qn(f.column) for f in fields]
    last, changed = None, 0
    while True:
        with transaction.atomic():
            with connection.cursor() as cur:
                where = f"WHERE {pk} > %s " if last is not None else ""
                cur.execute(f"SELECT {pk}, {', '.join(cols)} FROM {table} {where}ORDER BY {pk} LIMIT %s",
                            ([last] if last is not None else []) + [batch_size])
                rows = cur.fetchall()
                for row in rows:
                    for f, col, value in zip(fields, cols, row[1:], strict=True):
                        if value is None or crypto.key_id_of(value) == active:
                            continue
                        fresh = crypto.encrypt(crypto.decrypt(value, aad=f.aad), aad=f.aad)
                        cur.execute(f"UPDATE {table} SET {col} = %s WHERE {pk} = %s AND {col} = %s",
                                    [fresh, row[0], value])
                        changed += cur.rowcount
        if len(rows) < batch_size:
            return changed
        last = rows[-1][0]


def reencrypt_all(*, batch_size: int = 500, progress: Callable[[str], None] | None = None) -> RotationReport:
    """Re-encrypt every value not under the active key; return how many were re-encrypted."""
    start = time.perf_counter()
    active = crypto.keyring(refresh=True).active
    total = 0
    for _pass in range(3):
        for model, fields in _encrypted_tables():
            n = _reencrypt_table(model, fields, active, batch_size)
            total += n
            if progress and n:
                progress(f"{model._meta.label_lower}: {n} values re-encrypted")
        remaining = sum(n for kid, n in key_usage().items() if kid != active)
        if not remaining:
            break
    with transaction.atomic():
        audit.record(actor=None, action="keys.reencrypt", entity="keys", entity_id=active,
                     changes={"reencrypted": total, "remaining_old": remaining})
    return RotationReport(active, total, remaining, time.perf_counter() - start)


def rotate(*, batch_size: int = 500, progress: Callable[[str], None] | None = None) -> RotationReport:
    """Create and activate a new key, let running processes notice it, then re-encrypt everything."""
    kid = crypto.rotate_active_key()
    with transaction.atomic():
        audit.record(actor=None, action="keys.rotate", entity="keys", entity_id=kid)
    if progress:
        progress(f"new key {kid} is active; re-encrypting")
    time.sleep(crypto.REFRESH_SECONDS + 0.1)  # running servers switch to the new key for new writes
    return reencrypt_all(batch_size=batch_size, progress=progress)


# ---- blind-index key -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReindexReport:
    reindexed: int  # people whose indexes were recomputed
    skipped: int  # people changed by someone else meanwhile (already indexed under the active key)
    seconds: float


def _index_sources() -> list[str]:
    """The encrypted columns the blind indexes are computed from (``full_name`` comes from the names)."""
    return sorted({"first_name", "last_name"} | {name for name in BLIND_INDEXED if name != "full_name"})


def reindex_all(*, batch_size: int = 500, progress: Callable[[str], None] | None = None) -> ReindexReport:
    """Recompute every person's blind indexes under the active index key, then retire the previous key.

    Online, in short transactions: each update is a compare-and-swap on the encrypted values it was
    computed from, so a person edited meanwhile (and so indexed under the active key by that edit) is
    left as the edit wrote it.
    """
    from ctip.cases.models import Person

    start = time.perf_counter()
    crypto.keyring(refresh=True)
    qn = connection.ops.quote_name
    table, pk = qn(Person._meta.db_table), qn(Person._meta.pk.column)
    sources = [Person._meta.get_field(name) for name in _index_sources()]
    targets = [f"{name}_bidx" for name in BLIND_INDEXED]
    same = " AND ".join(f"({qn(f.column)} = %s OR ({qn(f.column)} IS NULL AND %s IS NULL))" for f in sources)
    update = f"UPDATE {table} SET {', '.join(f'{qn(t)} = %s' for t in targets)} WHERE {pk} = %s AND {same}"
    last, done, skipped = None, 0, 0
    while True:
        with transaction.atomic(), connection.cursor() as cur:
            where = f"WHERE {pk} > %s " if last is not None else ""
            cur.execute(f"SELECT {pk}, {', '.join(qn(f.column) for f in sources)} FROM {table} {where}"
                        f"ORDER BY {pk} LIMIT %s", ([last] if last is not None else []) + [batch_size])
            rows = cur.fetchall()
            for row in rows:
                person = Person(pk=row[0])
                for f, stored in zip(sources, row[1:], strict=True):
                    setattr(person, f.name, None if stored is None else f.from_db_value(stored, None, connection))
                person.refresh_blind_indexes()
                cur.execute(update, [getattr(person, t) for t in targets] + [row[0]]
                            + [v for stored in row[1:] for v in (stored, stored)])
                done += cur.rowcount
                skipped += 1 - cur.rowcount
        if progress and rows:
            progress(f"{done} people re-indexed")
        if len(rows) < batch_size:
            break
        last = rows[-1][0]
    crypto.retire_previous_index_key()
    with transaction.atomic():
        audit.record(actor=None, action="keys.reindex", entity="keys", entity_id="blind-index",
                     changes={"reindexed": done, "skipped": skipped})
    return ReindexReport(done, skipped, time.perf_counter() - start)


def rotate_index(*, batch_size: int = 500, progress: Callable[[str], None] | None = None) -> ReindexReport:
    """Activate a new blind-index key (the old one stays searchable), let running processes notice it,
    then recompute every index and retire the old key."""
    crypto.rotate_index_key()
    with transaction.atomic():
        audit.record(actor=None, action="keys.rotate_index", entity="keys", entity_id="blind-index")
    if progress:
        progress("new blind-index key is active; searches use both keys until the indexes are recomputed")
    time.sleep(crypto.REFRESH_SECONDS + 0.1)  # running servers index new writes under the new key
    return reindex_all(batch_size=batch_size, progress=progress)
