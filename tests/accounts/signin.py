"""Signing in as a person does, through the real pages: password, then a code computed with the device's key."""

from __future__ import annotations

import time

from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import password_for


def sign_in(client: Client, username: str, password: str | None = None, *, address: str = "127.0.0.1",
            next_page: str = ""):
    """POST the login form from ``address``; the response (not followed)."""
    data = {"username": username, "password": password or password_for(username)}
    if next_page:
        data["next"] = next_page
    return client.post("/login/", data, REMOTE_ADDR=address)


def code_for(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code the person's app shows now (or ``steps_ahead`` periods later: a code is accepted once, and
    django-otp accepts the next period's code too)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def enrol(client: Client, user) -> list[str]:
    """Go through the enrolment page as the signed-in ``user``; the recovery codes shown."""
    import re

    client.get("/accounts/me/two-factor/")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post("/accounts/me/two-factor/", {"code": code_for(device)})
    assert response.status_code == 200, response.content
    return re.findall(r"<li><code>([0-9a-f]{6}-[0-9a-f]{6})</code></li>", response.content.decode())
