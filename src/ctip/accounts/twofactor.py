"""The second factor: a TOTP authenticator app (django-otp) and ten one-time recovery codes.

Policy ``CTIP_TWO_FACTOR``: ``required`` (the default) makes every person's account enrol at its next sign-in
before it opens any other page; ``optional`` lets people enrol from their account page. Either way, an
account that has enrolled must give a code after its password. Service accounts (API tokens, no password)
are exempt. The QR code is an SVG ``data:`` image drawn on the server (segno): no outside service sees the
secret. Codes and secrets never reach the audit log.
"""

from __future__ import annotations

import math
import secrets
from base64 import b32encode

import segno
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ctip.accounts.models import User

AUTHENTICATOR = "authenticator"
RECOVERY = "recovery codes"
RECOVERY_CODES = 10


def required() -> bool:
    return settings.CTIP_TWO_FACTOR == "required"


def applies_to(user: User) -> bool:
    """People sign in with a second factor; service accounts call the API with a token instead."""
    return user.is_authenticated and not user.is_service_account


_ENROLLED = "_ctip_enrolled"  # the answer of ``is_enrolled``, kept on the user object


def is_enrolled(user: User) -> bool:
    """Whether the account has a confirmed authenticator.

    One query per user object: the middleware and the navigation bar both ask on every page, about
    ``request.user``, a new object on each request. What changes the answer (``enrolment_confirm``,
    ``remove``) forgets it on the object it was given."""
    if not hasattr(user, _ENROLLED):
        setattr(user, _ENROLLED, TOTPDevice.objects.filter(user=user, confirmed=True).exists())
    return getattr(user, _ENROLLED)


def _forget_enrolment(user: User) -> None:
    if hasattr(user, _ENROLLED):
        delattr(user, _ENROLLED)


def second_factor_pending(user: User) -> bool:
    """Whether this signed-in person has a sign-in step left (their code, their own password in place of a
    temporary one, or enrolment when required; ``signin_steps.pending_step``): until then only the page of that
    step opens, and the navigation bar (``ctip.web.nav``) offers nothing else."""
    from ctip.accounts.signin_steps import pending_step  # that module builds on this one

    return pending_step(user) is not None


def enrolled_among(user_ids: list[int]) -> set[int]:
    """Which of these accounts have a confirmed authenticator (one query, for the users list)."""
    return set(TOTPDevice.objects.filter(user_id__in=user_ids, confirmed=True).values_list("user_id", flat=True))


def pending_device(user: User) -> TOTPDevice:
    """The authenticator being enrolled: the same secret until it is confirmed, so reloading the page does not
    invalidate a QR code already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR, confirmed=False)


def secret_text(device: TOTPDevice) -> str:
    """The secret in base 32, in groups of four, for typing into an app by hand."""
    text = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(text[i:i + 4] for i in range(0, len(text), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    """The enrolment QR code (the ``otpauth://`` address) as an SVG ``data:`` image, allowed by the CSP."""
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def wait_seconds(device: TOTPDevice | None) -> int:
    """How long django-otp still refuses codes for ``device`` after wrong ones (1, 2, 4, … seconds); 0: none.
    A code typed meanwhile is not tried, so a right code is never refused (nor counted as a failure) for
    coming too soon."""
    if device is None:
        return 0
    allowed, data = device.verify_is_allowed()
    if allowed or not data or "locked_until" not in data:
        return 0
    return max(1, math.ceil((data["locked_until"] - timezone.now()).total_seconds()))


def authenticator(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def _clean(code: str) -> str:
    return "".join(code.split()).lower()


@transaction.atomic
def enrolment_confirm(user: User, device: TOTPDevice, code: str) -> list[str] | None:
    """Confirm ``device`` with a code from the app; return new recovery codes (shown once), or None when the
    code is wrong. Any earlier authenticator and recovery codes of the account are replaced."""
    if not device.verify_token(_clean(code)):
        return None
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    _forget_enrolment(user)
    return recovery_codes_new(user)


def recovery_codes_new(user: User) -> list[str]:
    """Ten new recovery codes (each works once), replacing the old ones. django-otp stores them as given,
    like the authenticator's key: both are as secret as the case store that holds them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY, confirmed=True)
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user: User) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def verify(user: User, code: str):
    """The confirmed device (authenticator or recovery code) that accepts ``code``, or None. A recovery
    code is used up; django-otp slows down repeated wrong codes on each device."""
    code = _clean(code)
    if not code:
        return None
    # The shape says which device a code is for: an authenticator's is digits only, a recovery code has a dash.
    # Offering every code to every device would count a recovery code as a wrong authenticator code, and
    # django-otp would then make the person's next authenticator code wait.
    kind = TOTPDevice if code.isdigit() else StaticDevice
    for device in devices_for_user(user, confirmed=True, for_verify=True):
        if isinstance(device, kind) and device.verify_token(code):
            return device
    return None


@transaction.atomic
def remove(user: User) -> int:
    """Delete the account's authenticators and recovery codes; the number of devices removed."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        removed += devices.count()
        devices.delete()
    _forget_enrolment(user)
    return removed
