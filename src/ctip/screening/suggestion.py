"""What the engine returns: a suggested status with the reasons for it, never a decision."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from ctip.screening.reasons import Reason


class TraffickingStatus(StrEnum):
    """HTCDS v2.0 ``vic_TraffickingStatus``."""

    ACTUAL = "ActualVictimOfTrafficking"
    POSSIBLE = "PossibleVictimOfTrafficking"
    NOT_A_VICTIM = "NotAVictimOfTrafficking"


class Finding(StrEnum):
    """Three-valued finding on a Palermo element, plus ``not_required`` for a child's means."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"
    NOT_REQUIRED = "not_required"


@dataclass(frozen=True)
class Suggestion:
    """A suggested trafficking status, the findings behind it and the reasons, in English and Mongolian."""

    status: TraffickingStatus
    child: bool
    child_presumed: bool
    elements: dict[str, Finding]
    requires_review: bool
    reason_items: tuple[Reason, ...]

    def reasons(self, lang: str = "en") -> list[str]:
        """The reasons as sentences in ``lang`` (``en`` or ``mn``)."""
        return [r.text(lang) for r in self.reason_items]

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The JSON shape printed by ``ctip screen``."""
        return {
            "status": self.status.value,
            "child": self.child,
            "child_presumed": self.child_presumed,
            "elements": {k: v.value for k, v in self.elements.items()},
            "requires_review": self.requires_review,
            "reasons": self.reasons(lang),
        }
