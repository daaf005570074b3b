"""Plain records passed between the OSINT stages (no Django, no I/O).

Every stage is a pure function over a batch (a list) of these records, so a later
issue can run the same functions inside Spark ``mapPartitions``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ctip.osint.messages import Problem


@dataclass(slots=True)
class Post:
    """One collected post as read from the analyst's files."""

    post_id: str
    source_file: str
    text: str
    url: str = ""
    posted_at: str = ""
    platform: str = ""
    author: str = ""
    location: str = ""
    images: list[str] = field(default_factory=list)
    source_line: int = 0


@dataclass(slots=True)
class Custody:
    """Chain-of-custody record of one input file: what was read, when, and its SHA-256."""

    path: str
    sha256: str
    size: int
    intake_at: str
    status: str  # "read" or "skipped"
    reason: str = ""
    posts: int = 0
    received_as: str = ""  # the name it was uploaded under, when the workspace stored it under a safe name
    problems: list[dict] = field(default_factory=list)  # per-line problems: code, params, English text
    reason_code: str = ""  # why the file was skipped, as a code of ``ctip.osint.messages`` (``reason``: English)
    reason_params: dict = field(default_factory=dict)

    def skip(self, problem: Problem) -> Custody:
        """Mark the file skipped for ``problem`` (a ``ctip.osint.messages.Problem``); returns the record."""
        self.status, self.reason = "skipped", problem.text
        self.reason_code, self.reason_params = problem.code, dict(problem.params)
        return self

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Hit:
    """One rule that fired: which rule, in which family, and the matched span of the normalised text."""

    rule: str
    family: str
    strength: str  # "strong" or "weak"
    start: int
    end: int
    text: str
    pack: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Identifier:
    """A contact point or amount found in a post, in canonical form (``value``) with its span."""

    kind: str  # phone, email, url, domain, handle, money
    value: str
    start: int
    end: int
    text: str
    platform: str = ""
    region: str = ""
    amount: float | None = None
    currency: str = ""

    @property
    def key(self) -> str:
        """The node name in the network graph: ``kind:platform:value``."""
        return f"{self.kind}:{self.platform + ':' if self.platform else ''}{self.value}"

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Screened:
    """A post after every per-post stage: normalised text, language, identifiers, hits and score."""

    post: Post
    normalised: str = ""
    language: str = "und"
    latin: str = ""
    obfuscations: list[Hit] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)
    score: float = 0.0
    level: str = "none"
    families: list[str] = field(default_factory=list)
    cluster: str = ""

    def to_dict(self) -> dict:
        data = asdict(self.post)
        data.update(
            normalised=self.normalised, language=self.language, score=round(self.score, 4),
            level=self.level, families=self.families, cluster=self.cluster,
            identifiers=[i.to_dict() for i in self.identifiers],
            hits=[h.to_dict() for h in self.hits],
        )
        return data
