"""The case store's models, one module per part of a case (see ``docs/data-model.md``)."""

from ctip.cases.models.approvals import Approval, ApprovalKind, ApprovalState
from ctip.cases.models.assistance import CaseNote, NeedsAssessment, PlanState, SupportPlan, SupportService
from ctip.cases.models.audit import AccessLog, AuditEvent
from ctip.cases.models.case import CLOSED_STATUSES, Case, CaseStatus, Module, NrmPhase, Stage
from ctip.cases.models.context import PerpetratorContext, TraffickingEvent
from ctip.cases.models.people import Person
from ctip.cases.models.retention import AnonymisationReason, RetentionHold
from ctip.cases.models.screening import Determination, Element, Evidence, Screening
from ctip.cases.models.sharing import (
    OPEN_REFERRAL_STATES,
    Consent,
    ConsentPurpose,
    GivenBy,
    Referral,
    ReferralKind,
    ReferralState,
    Section,
)

__all__ = [
    "AccessLog", "AnonymisationReason", "Approval", "ApprovalKind", "ApprovalState", "AuditEvent", "CLOSED_STATUSES",
    "Case", "CaseNote", "CaseStatus", "Consent", "ConsentPurpose", "Determination", "Element", "Evidence", "GivenBy",
    "Module", "NeedsAssessment", "NrmPhase", "OPEN_REFERRAL_STATES", "PerpetratorContext", "Person", "PlanState",
    "Referral", "ReferralKind", "ReferralState", "RetentionHold", "Screening", "Section", "Stage", "SupportPlan",
    "SupportService", "TraffickingEvent",
]
