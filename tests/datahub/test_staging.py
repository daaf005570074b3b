"""Staged uploads: private, owned, and gone after a day."""

from __future__ import annotations

import os
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ctip.datahub import staging


def test_a_hostile_file_name_stays_inside_its_folder():
    staged = staging.stage_upload(SimpleUploadedFile("meta.json", b"a,b\n1,2\n"), user_id=1)
    assert staged.path.parent == staged.folder and staged.path.name == "upload"
    assert staged.path.read_bytes() == b"a,b\n1,2\n" and staging.load_staged(staged.token, user_id=1)
    assert oct(staged.folder.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize("name,kept", [
    ("..\\..\\evil.csv", "evil.csv"), ("a\x00b.csv", "upload"), ("x" * 250 + ".csv", "upload"),
    ("line\nbreak.csv", "upload"), ("Хохирогч 2024.csv", "Хохирогч 2024.csv"),
])
def test_the_file_name_is_kept_only_when_it_is_plain(name, kept):
    staged = staging.stage_upload(SimpleUploadedFile(name, b"a,b\n"), user_id=1)
    assert staged.path.name == kept and staged.path.parent == staged.folder


def test_only_the_owner_finds_an_upload_and_old_ones_are_purged():
    staged = staging.stage_upload(SimpleUploadedFile("x.csv", b"a,b\n"), user_id=7)
    assert staging.load_staged(staged.token, user_id=7) is not None
    assert staging.load_staged(staged.token, user_id=8) is None
    assert staging.load_staged("../../etc", user_id=7) is None
    old = time.time() - staging.MAX_AGE_S - 10
    os.utime(staged.folder, (old, old))
    staging.purge_old()
    assert not staged.folder.exists()


def test_an_upload_over_the_limit_is_refused_and_nothing_is_kept(monkeypatch):
    monkeypatch.setattr(staging, "MAX_UPLOAD_BYTES", 10)
    before = set(staging._root().iterdir())
    with pytest.raises(staging.UploadTooLarge, match="larger than"):
        staging.stage_upload(SimpleUploadedFile("big.csv", b"a,b\n" * 10), user_id=1)
    assert set(staging._root().iterdir()) == before
