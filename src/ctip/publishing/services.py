"""Writes of the publishing app: create a release, request, approve, reject (each checks, then changes).

``parameter_rules``/``check_release_request`` are the release parameters' rules shared by ``ctip release``
and the Releases page's form (the rules themselves come from ``ctip.disclosure``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ctip.cli.release import DEFAULT_DELTA
from ctip.disclosure._params import Interval, OneOf, Optional, check_param
from ctip.disclosure.registry import ReleaseInfo, load_release, publish_release
from ctip.disclosure.release import Request
from ctip.publishing.models import PublicationRequest

__all__ = ["DEFAULT_DELTA", "EmptyDataset", "PublishingError", "check_release_request", "parameter_rules",
           "publication_approve", "publication_reject", "publication_request", "release_from_dataset"]


class PublishingError(Exception):
    """An action that the release's state does not allow; the message is shown to the user."""


class EmptyDataset(PublishingError):
    """The collaborative dataset holds no record, so there is nothing to release."""


@dataclass(frozen=True)
class Rule:
    """One parameter of a release request and the constraint it must meet (``hint``: advice, in English)."""

    name: str
    value: Any
    constraint: Interval | OneOf | Optional
    hint: str = ""


def parameter_rules(request: Request) -> list[Rule]:
    """The rules ``request``'s parameters must meet, checked before the data is read (the estimators'
    own constraints, so a request refused here would be refused by the estimator too)."""
    from ctip.disclosure.aggregates import ThresholdAggregates

    rules: list[Rule] = []
    if request.k is not None or request.method in ("kanon", "aggregates-k"):
        rules.append(Rule("k", request.k, Interval(int, 2, None, "left"), "CTDC uses k = 11."))
    if request.method in ("aggregates-k", "aggregates-dp"):
        rules.append(Rule("max_length", request.max_length, ThresholdAggregates._parameter_constraints["max_length"]))
    if request.method in ("aggregates-dp", "synthetic"):
        rules.append(Rule("epsilon", request.epsilon, Interval(float, 0, None, "neither")))
        rules.append(Rule("delta", request.delta, Optional(Interval(float, 0, 1, "neither")), "Consider --delta 1e-9."))
    if request.method == "synthetic":
        rules.append(Rule("min_pair_count", request.min_pair_count, Optional(Interval(int, 0, None, "left")),
                          "0 turns the rare-pair removal off."))
    return rules


def check_release_request(request: Request) -> None:
    """Raise ``InvalidParameter`` (the disclosure package's wording) for the first parameter breaking its rule."""
    for rule in parameter_rules(request):
        check_param("ctip release", rule.name, rule.value, rule.constraint, rule.hint)


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
