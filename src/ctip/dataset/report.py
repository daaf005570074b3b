"""The outcome of one import, in the shape ``ctip dataset import --json`` prints."""

from __future__ import annotations

from dataclasses import dataclass, field

from ctip.exchange.messages import Message

MAX_ERRORS = 100


@dataclass
class ImportReport:
    """What an import read, wrote and refused.

    ``status``: ``imported`` (a batch was written), ``dry_run`` (valid, nothing written), ``duplicate``
    (the same file, or with ``duplicate_records`` the same records in another file, is already batch
    ``duplicate_of_batch``), ``rejected`` (strict import with invalid rows,
    nothing written) or ``invalid`` (the file could not be read; ``message`` says why).
    ``message_code`` and ``message_params`` are ``message`` as data (``ctip.exchange.messages``), for pages
    that word it in the reader's language.
    """

    status: str
    format: str | None
    source_name: str = ""
    source_sha256: str = ""
    contributor: str | None = None
    batch: str | None = None
    rows_read: int = 0
    imported: int = 0
    rejected: int = 0
    duplicate_of_batch: str | None = None
    duplicate_records: bool = False  # a duplicate by content: another file holding the same records
    errors: list[dict] = field(default_factory=list)
    error_count: int = 0
    message: str = ""
    message_code: str = ""
    message_params: dict = field(default_factory=dict)
    rejected_path: str | None = None
    notes: list[Message] = field(default_factory=list)
    preview: list[dict] = field(default_factory=list)  # first harmonised rows (de-identified), for pages

    @property
    def ok(self) -> bool:
        """True when the file was imported, would be (dry run), or had already been imported (duplicate)."""
        return self.status in ("imported", "dry_run", "duplicate")

    def to_json(self) -> dict:
        """The documented JSON object (at most 100 errors)."""
        return {
            "batch": self.batch,
            "format": self.format,
            "rows_read": self.rows_read,
            "imported": self.imported,
            "rejected": self.rejected,
            "duplicate_of_batch": self.duplicate_of_batch,
            "duplicate_records": self.duplicate_records,
            "errors": self.errors[:MAX_ERRORS],
        }

    def summary(self) -> str:
        """One line for people."""
        if self.status == "duplicate" and self.duplicate_records:
            return (f"{self.source_name}: the same records as batch {self.duplicate_of_batch} (saved in another "
                    f"form); nothing imported. To replace that batch, drop it first")
        if self.status == "duplicate":
            return (f"{self.source_name}: already imported as batch {self.duplicate_of_batch}; nothing imported")
        if self.status == "invalid" or (self.status == "rejected" and self.message):
            return self.message
        if self.status == "rejected":
            return (f"{self.source_name}: {self.rejected} of {self.rows_read} rows invalid ({self.error_count} "
                    f"problem(s)); nothing imported. Fix the file, or use --skip-invalid to import the valid rows")
        verb = "would import" if self.status == "dry_run" else f"imported as batch {self.batch}:"
        text = f"{self.source_name} ({self.format}): {verb} {self.imported} of {self.rows_read} rows"
        if self.rejected:
            text += f", {self.rejected} rejected"
            if self.rejected_path:
                text += f" (reasons in {self.rejected_path})"
        return text
