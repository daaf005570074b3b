"""Writes of the publishing app: create a release, request, approve, reject (each checks, then changes).

The release parameters' rules (``parameter_rules``, ``check_release_request``) live in
``ctip.disclosure.release``, shared with ``ctip release``; they are re-exported here for the form.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.disclosure.registry import (
    STALE_AFTER,
    IncompleteRelease,
    ReleaseInfo,
    load_release,
    publish_release,
    remove_incomplete,
)
from ctip.disclosure.release import DEFAULT_DELTA, Request, check_release_request, parameter_rules
from ctip.publishing.models import PublicationRequest

__all__ = ["DEFAULT_DELTA", "EmptyDataset", "PublishingError", "check_release_request", "parameter_rules",
           "publication_approve", "publication_reject", "publication_request", "release_from_dataset",
           "release_incomplete_remove"]


class PublishingError(Exception):
    """An action that the release's state does not allow; the message is shown to the user."""


class EmptyDataset(PublishingError):
    """The collaborative dataset holds no record, so there is nothing to release."""


def release_from_dataset(request: Request, release_id: str) -> ReleaseInfo:
    """Make release ``release_id`` from the collaborative dataset as it is now (not published, not requested).

    Raises ``InvalidParameter``, ``EmptyDataset``, ``BudgetExceeded`` (before any work) or ``DisclosureError``;
    ``create_release`` stages the folder, so a failure leaves nothing behind."""
    from ctip.dataset.store import Dataset
    from ctip.disclosure.registry import check_release_id
    from ctip.disclosure.release import check_budget, create_release

    check_release_request(request)
    check_release_id(release_id)
    frame = Dataset().frame()
    if frame.height == 0:
        raise EmptyDataset(_("The collaborative dataset is empty: import data on the Data page first."))
    check_budget(frame, request)
    return create_release(frame, request, release_id, source="collaborative dataset")


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


@transaction.atomic
def release_incomplete_remove(*, release_id: str, actor, via: str,
                              older_than: timedelta = STALE_AFTER) -> IncompleteRelease:
    """Remove an incomplete release (a claimed id whose writer stopped) and its staging, audited.

    ``actor`` is the user (None from the command line), ``via`` where it was asked ("Releases page",
    "ctip release clean"). Raises ``NotIncomplete`` for a release, an id being written now or no id at
    all. The audit event is written first, in this transaction: if the removal fails it is rolled back.
    A privacy-ledger charge of that id stays (``docs/privacy.md``)."""
    from ctip.cases.audit import record  # the audit log lives in the cases app

    record(actor=actor, action="release.incomplete_remove", entity="release", entity_id=release_id,
           changes={"via": via})
    return remove_incomplete(release_id, older_than=older_than)
