"""The top navigation: supervisors reach the retention page from every page; others do not see the entry."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db


def _nav(html: str) -> list[tuple[str, str, bool]]:
    """(address, label, current) of each entry of the top navigation."""
    return [(href, label, bool(current)) for href, current, label in
            re.findall(r'<li><a href="([^"]+)"( aria-current="page")?>([^<]+)</a></li>', html)]


def test_a_supervisor_finds_retention_in_the_navigation(client, supervisor):
    client.force_login(supervisor)

    entries = _nav(client.get("/cases/").content.decode())

    assert ("/cases/retention/", "Retention", False) in entries
    assert ("/cases/", "Cases", True) in entries


def test_on_the_retention_page_only_retention_is_current(client, supervisor):
    client.force_login(supervisor)

    entries = _nav(client.get("/cases/retention/").content.decode())

    assert [label for _, label, current in entries if current] == ["Retention"]


def test_a_case_worker_does_not_see_the_entry(client, worker):
    client.force_login(worker)

    assert "/cases/retention/" not in [href for href, _, _ in _nav(client.get("/cases/").content.decode())]


def test_the_entry_reads_in_mongolian(client, supervisor):
    client.force_login(supervisor)

    entries = _nav(client.get("/cases/", HTTP_ACCEPT_LANGUAGE="mn").content.decode())

    assert ("/cases/retention/", "Хадгалах хугацаа", False) in entries
