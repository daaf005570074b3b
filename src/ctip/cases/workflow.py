"""The workflow stage of a case, computed from what has been recorded (never set by hand).

new → screening → assessment → case plan → service provision → closed; a reopened case shows
``reopened`` until something new is recorded after the reopening.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ctip.cases.models import CLOSED_STATUSES, Case, PlanState, Stage


@dataclass(frozen=True)
class Progress:
    """What a case has on record, as far as the stage depends on it."""

    status: str
    has_screening: bool
    has_determination: bool
    has_assessment: bool
    plan_states: frozenset[str]
    has_services: bool
    reopened_at: dt.datetime | None = None
    last_activity_at: dt.datetime | None = None


def stage_from(p: Progress) -> str:
    """The stage a case with this progress is in."""
    if p.status in CLOSED_STATUSES:
        return Stage.CLOSED
    if p.reopened_at and (p.last_activity_at is None or p.last_activity_at <= p.reopened_at):
        return Stage.REOPENED
    if p.has_services or PlanState.APPROVED in p.plan_states:
        return Stage.SERVICE_PROVISION
    if p.plan_states or p.has_assessment:
        return Stage.CASE_PLAN
    if p.has_determination:
        return Stage.ASSESSMENT
    if p.has_screening:
        return Stage.SCREENING
    return Stage.NEW


def progress_of(case: Case) -> Progress:
    return Progress(
        status=case.status,
        has_screening=case.screenings.exists(),
        has_determination=case.determinations.filter(approved=True).exists(),
        has_assessment=case.assessments.exists(),
        plan_states=frozenset(case.plans.values_list("state", flat=True)),
        has_services=case.services.exists(),
        reopened_at=case.reopened_at,
        last_activity_at=case.last_activity_at,
    )


def compute_stage(case: Case) -> str:
    return stage_from(progress_of(case))
