"""Encryption of identifying fields at rest (AES-256-GCM) and keyed blind indexes for exact search.

Stored form of an encrypted value: ``enc1:<key id>:<base64url(nonce || ciphertext || tag)>``. The key id
travels with every value, so several keys can be readable at once (key rotation without downtime),
and the field's name is bound as associated data, so a value copied into another column fails to
decrypt instead of being read as something else.

Keys come from the environment when ``CTIP_FIELD_KEYS`` is set (``kid:base64key,kid:base64key``, the
active one named by ``CTIP_FIELD_KEY_ACTIVE``, the blind-index key in ``CTIP_BLIND_INDEX_KEY``), else
from files under ``config.keys_dir()``: ``field-<kid>.key`` (one per key), ``field-active`` (the key id
used for new values) and ``blind-index.key``, all mode 0600 and generated on first use.

Blind indexes are HMAC-SHA256 of a normalised value under a separate key, truncated to 128 bits: equal
inputs give equal indexes, so a worker can find "Bat-Erdene" or a phone number exactly, while the
database holds neither the plaintext nor a hash anyone without the key could test guesses against.
The blind-index key is rotated too (``ctip keys rotate-index``): while the indexes are recomputed, the
previous key stays readable (``blind-index-previous.key``, or ``CTIP_BLIND_INDEX_KEY_PREVIOUS``) and
searches look for the value under both keys; new values are indexed under the active key only.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import secrets
import threading
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from ctip import config

PREFIX = "enc1"
NONCE_BYTES = 12
KEY_BYTES = 32
REFRESH_SECONDS = 1.0  # how often a running process looks for a newly activated key
KID_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


class FieldKeyError(Exception):
    """A key is missing, malformed or cannot decrypt a value (tampering or a lost key)."""


def _b64e(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _new_kid() -> str:
    return time.strftime("k%Y%m%d%H%M%S", time.gmtime()) + secrets.token_hex(2)


def _write_secret(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)


@dataclass
class Keyring:
    """The readable field keys, the active one, and the blind-index key."""

    keys: dict[str, bytes]
    active: str
    index_key: bytes
    from_environment: bool = False
    previous_index_key: bytes | None = None  # only while the blind indexes are being recomputed
    loaded_at: float = field(default_factory=time.monotonic)

    _ciphers: dict[str, AESGCM] = field(default_factory=dict)

    def aead(self, kid: str) -> AESGCM:
        cipher = self._ciphers.get(kid)
        if cipher is None:
            try:
                cipher = self._ciphers[kid] = AESGCM(self.keys[kid])
            except KeyError:
                raise FieldKeyError(f"field key {kid!r} is not available (checked {_source(self)})") from None
        return cipher


def _source(ring: Keyring) -> str:
    return "CTIP_FIELD_KEYS" if ring.from_environment else str(config.keys_dir())


def _load_from_environment() -> Keyring:
    keys = {}
    for item in os.environ["CTIP_FIELD_KEYS"].split(","):
        kid, sep, b64 = item.strip().partition(":")
        if not sep or not KID_RE.match(kid) or len(_b64d(b64)) != KEY_BYTES:
            raise FieldKeyError("CTIP_FIELD_KEYS must be 'kid:base64url(32 bytes)[,kid:...]'")
        keys[kid] = _b64d(b64)
    active = os.environ.get("CTIP_FIELD_KEY_ACTIVE") or next(iter(keys))
    index = os.environ.get("CTIP_BLIND_INDEX_KEY")
    if active not in keys:
        raise FieldKeyError(f"CTIP_FIELD_KEY_ACTIVE={active!r} is not one of CTIP_FIELD_KEYS")
    if not index or len(_b64d(index)) != KEY_BYTES:
        raise FieldKeyError("CTIP_BLIND_INDEX_KEY must be base64url of 32 random bytes when CTIP_FIELD_KEYS is set")
    previous = os.environ.get("CTIP_BLIND_INDEX_KEY_PREVIOUS")
    if previous and len(_b64d(previous)) != KEY_BYTES:
        raise FieldKeyError("CTIP_BLIND_INDEX_KEY_PREVIOUS must be base64url of 32 random bytes")
    return Keyring(keys, active, _b64d(index), from_environment=True,
                   previous_index_key=_b64d(previous) if previous else None)


def _load_from_files() -> Keyring:
    folder = config.keys_dir()
    index_path = folder / "blind-index.key"
    if not index_path.exists():
        try:
            _write_secret(index_path, _b64e(secrets.token_bytes(KEY_BYTES)))
        except FileExistsError:  # another process created it first
            pass
    active_path = folder / "field-active"
    if not active_path.exists():
        kid = _new_kid()
        _write_secret(folder / f"field-{kid}.key", _b64e(AESGCM.generate_key(bit_length=256)))
        try:
            _write_secret(active_path, kid)
        except FileExistsError:
            pass
    keys = {p.stem.removeprefix("field-"): _b64d(p.read_text().strip()) for p in folder.glob("field-*.key")}
    active = active_path.read_text().strip()
    if active not in keys:
        raise FieldKeyError(f"{active_path} names key {active!r} but {folder}/field-{active}.key is missing")
    previous_path = folder / "blind-index-previous.key"
    previous = _read_optional(previous_path)
    return Keyring(keys, active, _b64d(index_path.read_text().strip()),
                   previous_index_key=_b64d(previous) if previous else None)


def _read_optional(path: Path) -> str | None:
    try:
        return path.read_text().strip() or None
    except FileNotFoundError:
        return None


_lock = threading.Lock()
_ring: Keyring | None = None
_ring_home: str | None = None


def keyring(*, refresh: bool = False) -> Keyring:
    """The current keyring; re-read at most every second so a rotation elsewhere is picked up."""
    global _ring, _ring_home
    home = os.environ.get("CTIP_HOME", "var")  # the raw setting: cheap to compare on every call
    with _lock:
        stale = _ring is None or _ring_home != home or refresh or (
            time.monotonic() - _ring.loaded_at > REFRESH_SECONDS and not _ring.from_environment
        )
        if stale:
            _ring = _load_from_environment() if os.environ.get("CTIP_FIELD_KEYS") else _load_from_files()
            _ring_home = home
        return _ring


def encrypt(plaintext: str, *, aad: str) -> str:
    """Encrypt ``plaintext`` under the active key, binding ``aad`` (the column's name)."""
    ring = keyring()
    nonce = secrets.token_bytes(NONCE_BYTES)
    sealed = ring.aead(ring.active).encrypt(nonce, plaintext.encode(), aad.encode())
    return f"{PREFIX}:{ring.active}:{_b64e(nonce + sealed)}"


def key_id_of(stored: str) -> str:
    """The key id a stored value was encrypted with."""
    prefix, kid, _ = stored.split(":", 2)
    if prefix != PREFIX:
        raise FieldKeyError(f"not an encrypted value (prefix {prefix!r})")
    return kid


def decrypt(stored: str, *, aad: str) -> str:
    """Decrypt a stored value; raises ``FieldKeyError`` if the key is unknown or the value was altered."""
    try:
        prefix, kid, body = stored.split(":", 2)
    except ValueError:
        raise FieldKeyError("stored value is not in 'enc1:<kid>:<data>' form") from None
    if prefix != PREFIX:
        raise FieldKeyError(f"stored value has unknown format {prefix!r}")
    ring = keyring()
    if kid not in ring.keys:  # a key activated by another process since we last looked
        ring = keyring(refresh=True)
    raw = _b64d(body)
    try:
        return ring.aead(kid).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad.encode()).decode()
    except InvalidTag:
        raise FieldKeyError(f"value of {aad} failed authentication (altered, or moved from another column)") from None


def rotate_active_key() -> str:
    """Create a new field key and make it the one new values are written with; return its id.

    Older keys stay readable: values are re-encrypted afterwards by ``ctip.cases.keys.reencrypt_all``.
    """
    if os.environ.get("CTIP_FIELD_KEYS"):
        raise FieldKeyError("keys come from CTIP_FIELD_KEYS: add a new 'kid:key' there, set CTIP_FIELD_KEY_ACTIVE "
                        "to it, restart, then run 'ctip keys rotate --reencrypt-only'")
    keyring()  # make sure the first key exists
    folder = config.keys_dir()
    kid = _new_kid()
    _write_secret(folder / f"field-{kid}.key", _b64e(AESGCM.generate_key(bit_length=256)))
    tmp = folder / f"field-active.{kid}.tmp"
    _write_secret(tmp, kid)
    tmp.replace(folder / "field-active")  # atomic switch
    keyring(refresh=True)
    return kid


# ---- blind indexes -------------------------------------------------------------------------------

def normalise(value: str, kind: str) -> str:
    """Canonical form for exact matching: case, width and spacing do not matter; phones keep digits."""
    text = value
    for _ in range(4):  # until stable: folding or removing a space can make characters compose anew
        previous = text
        text = " ".join(unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold()).split())
        if kind == "phone":
            text = re.sub(r"\D", "", text)
            if len(text) == 8:  # a Mongolian number written without +976
                text = "976" + text
        if kind == "identity":
            text = text.replace(" ", "").replace("-", "")
        if text == previous:
            break
    return text


def blind_index(value: str | None, kind: str) -> str | None:
    """Keyed hash of the normalised value under the active index key (hex, 32 characters), or None for an
    empty value. This is what is stored."""
    return _index(keyring().index_key, value, kind)


def blind_indexes(value: str | None, kind: str) -> list[str]:
    """Every index a stored value equal to ``value`` may have: under the active key and, while a rotation
    recomputes the indexes, under the previous one. This is what a search looks for."""
    ring = keyring()
    found = [_index(key, value, kind) for key in (ring.index_key, ring.previous_index_key) if key]
    return [digest for digest in dict.fromkeys(found) if digest]


def _index(key: bytes, value: str | None, kind: str) -> str | None:
    if value is None:
        return None
    text = normalise(str(value), kind)
    if not text:
        return None
    return hmac.new(key, f"{kind}\x00{text}".encode(), hashlib.sha256).hexdigest()[:32]


def rotate_index_key() -> None:
    """Make a new blind-index key active, keeping the current one readable as the previous key.

    The previous key is written first, so a search never lacks the key an index was made with. The
    indexes are then recomputed by ``ctip.cases.keys.reindex_all``, which retires the previous key.
    """
    if os.environ.get("CTIP_FIELD_KEYS"):
        raise FieldKeyError("keys come from the environment: set CTIP_BLIND_INDEX_KEY_PREVIOUS to the current "
                            "CTIP_BLIND_INDEX_KEY and CTIP_BLIND_INDEX_KEY to a new base64url(32 random bytes), "
                            "restart, run 'ctip keys rotate-index --reindex-only', then remove "
                            "CTIP_BLIND_INDEX_KEY_PREVIOUS and restart again")
    ring = keyring(refresh=True)
    if ring.previous_index_key is not None:
        raise FieldKeyError("a blind-index rotation is still unfinished: run 'ctip keys rotate-index --reindex-only' "
                            "to complete it first")
    folder = config.keys_dir()
    for name, key in (("blind-index-previous.key", ring.index_key), ("blind-index.key", secrets.token_bytes(KEY_BYTES))):
        tmp = folder / f"{name}.{secrets.token_hex(4)}.tmp"
        _write_secret(tmp, _b64e(key))
        tmp.replace(folder / name)  # atomic switch
    keyring(refresh=True)


def retire_previous_index_key() -> None:
    """Forget the previous blind-index key once every index is under the active one."""
    if not os.environ.get("CTIP_FIELD_KEYS"):
        (config.keys_dir() / "blind-index-previous.key").unlink(missing_ok=True)
    keyring(refresh=True)
