"""Writes of the publishing app: request, approve, reject (each checks state, then changes it)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.disclosure.registry import load_release, publish_release
from ctip.publishing.models import PublicationRequest


class PublishingError(Exception):
    """An action that the release's state does not allow; the message is shown to the user."""


@transaction.atomic
def publication_request(*, release_id: str, user, note: str = "") -> PublicationRequest:
    info = load_release(release_id)
    if info.is_published:
        raise PublishingError(_("This release is already published."))
    existing = PublicationRequest.objects.select_for_update().filter(release_id=release_id).first()
    if existing and existing.status == PublicationRequest.Status.REQUESTED:
        raise PublishingError(_("Publication of this release has already been requested."))
    if existing:
        existing.delete()
    req = PublicationRequest(release_id=release_id, requested_by=user, note=note.strip())
    req.full_clean()
    req.save()
    return req


def _pending(release_id: str) -> PublicationRequest:
    req = PublicationRequest.objects.select_for_update().filter(
        release_id=release_id, status=PublicationRequest.Status.REQUESTED).first()
    if req is None:
        raise PublishingError(_("No publication request is waiting for this release."))
    return req


@transaction.atomic
def publication_approve(*, release_id: str, user) -> PublicationRequest:
    """A supervisor approves: the release's manifest gets approved_by/at and published_at.

    The manifest is written last, inside the transaction: if recording the decision fails, nothing is
    published; if writing the manifest fails, the decision is rolled back."""
    req = _pending(release_id)
    if req.requested_by_id == user.pk:
        raise PublishingError(_("The person who requested publication cannot also approve it."))
    req.status = PublicationRequest.Status.APPROVED
    req.decided_by = user
    req.decided_at = timezone.now()
    req.save()
    publish_release(release_id, approved_by=user.username)
    return req


@transaction.atomic
def publication_reject(*, release_id: str, user) -> PublicationRequest:
    req = _pending(release_id)
    req.status = PublicationRequest.Status.REJECTED
    req.decided_by = user
    req.decided_at = timezone.now()
    req.save()
    return req
