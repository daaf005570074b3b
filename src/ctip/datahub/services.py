"""What the datahub pages do with the dataset: validate and commit staged uploads, list and drop batches."""

from __future__ import annotations

from ctip import vocab
from ctip.accounts.permissions import user_can
from ctip.datahub.staging import Staged, discard, save_meta
from ctip.datahub.wording import note_texts, problem_rows, worded
from ctip.dataset.importer import DEFAULT_CONTRIBUTOR
from ctip.dataset.report import ImportReport
from ctip.dataset.store import Batch, Dataset
from ctip.exchange import readers

PREVIEW_COLUMNS = ["source_row", "year_of_registration", "data_source", "gender", "age_band", "majority_status",
                   "citizenship", "country_of_exploitation"]
LABELLED = {"data_source": "ctip.data_source", "gender": "ctip.gender", "age_band": "ctdc.age_band",
            "majority_status": "ctip.majority"}


def upload_context(user) -> dict:
    """Template context of the upload form: the formats and the uploader's organisation code."""
    org = getattr(user, "organisation", None)
    return {"formats": readers.FORMATS, "default_contributor": getattr(org, "code", "") or ""}


def validate_staged(staged: Staged, *, fmt: str | None, contributor: str | None, fallback_contributor: str) -> None:
    """Dry-run the import and keep the report and a de-identified preview beside the staged file.

    The contributor is the one typed, else CTDC for CTDC files, else the uploader's organisation.
    """
    try:
        report = Dataset().import_file(staged.path, fmt=fmt, contributor=contributor or fallback_contributor,
                                       dry_run=True)
    except ValueError as exc:  # an unknown format name, a contributor name that is not plain text
        report = ImportReport("invalid", fmt, staged.path.name, message=str(exc),
                              message_code=getattr(exc, "code", ""), message_params=getattr(exc, "params", {}))
    if not contributor and report.format not in DEFAULT_CONTRIBUTOR:
        contributor = fallback_contributor
    staged.meta.update(fmt=report.format, contributor=contributor, report=_report_dict(report),
                       preview=_preview(report))
    save_meta(staged)


def _report_dict(report: ImportReport) -> dict:
    return {**report.to_json(), "status": report.status, "message": report.summary(),
            "message_code": report.message_code, "message_params": report.message_params,
            "error_count": report.error_count, "notes": [note.as_dict() for note in report.notes]}


def _preview(report: ImportReport) -> list[dict]:
    return [{c: row[c] for c in PREVIEW_COLUMNS} for row in report.preview]


def _labelled(rows: list[dict], lang: str) -> list[dict]:
    """Codes shown with their labels in the page's language."""
    out = []
    for row in rows:
        row = dict(row)
        for column, scheme_name in LABELLED.items():
            if row[column] is not None:
                row[column] = vocab.label(scheme_name, row[column], lang)
        for column in ("citizenship", "country_of_exploitation"):
            if row[column] is not None:
                row[column] = vocab.country_name(row[column], lang)
        out.append(row)
    return out


def preview_context(staged: Staged, lang: str) -> dict:
    """Template context of the validation report of a staged upload, labels and messages in ``lang``
    (the active language; messages as HTML, see ``wording``)."""
    report = staged.meta.get("report", {})
    status = report.get("status")
    return {"staged": staged, "report": report, "preview": _labelled(staged.meta.get("preview", []), lang),
            "problems": problem_rows(report.get("errors", [])), "notes": note_texts(report.get("notes", [])),
            "message": worded(report.get("message_code"), report.get("message_params"), report.get("message", "")),
            "columns": PREVIEW_COLUMNS, "filename": staged.meta["filename"],
            "contributor": staged.meta.get("contributor") or DEFAULT_CONTRIBUTOR.get(report.get("format") or "", ""),
            "valid": status == "dry_run" and not report.get("rejected"),
            "valid_rows": max(0, (report.get("rows_read") or 0) - (report.get("rejected") or 0)),
            "skippable": status == "rejected" and _only_row_errors(report) and report.get("rejected", 0) > 0,
            "duplicate": status == "duplicate"}


def _only_row_errors(report: dict) -> bool:
    return all(e.get("row") is not None for e in report.get("errors", []))


def commit_staged(staged: Staged, *, skip_invalid: bool) -> ImportReport:
    """Import the staged file for real; the staged copy is removed once imported or found a duplicate."""
    contributor = staged.meta.get("contributor") or None
    report = Dataset().import_file(staged.path, fmt=staged.meta.get("fmt"), contributor=contributor,
                                   skip_invalid=skip_invalid)
    if report.status in ("imported", "duplicate"):
        discard(staged)
    return report


def batch_list() -> list[Batch]:
    """Active batches, newest first."""
    return list(reversed(Dataset().batches()))


def batch_may_drop(user, batch: Batch) -> bool:
    """Uploaders who also curate the whole dataset (``dataset.view``: data analysts) may drop any batch;
    an organisation administrator only the batches contributed under their organisation's code."""
    if not user_can(user, "dataset.upload"):
        return False
    if user_can(user, "dataset.view"):
        return True
    org = getattr(user, "organisation", None)
    return bool(getattr(org, "code", "")) and batch.contributor == org.code


def batch_get_droppable(user, batch_id: str) -> Batch | None:
    """The active batch if ``user`` may drop it; otherwise None (missing and forbidden look the same)."""
    batch = next((b for b in Dataset().batches() if b.batch_id == batch_id), None)
    return batch if batch is not None and batch_may_drop(user, batch) else None


def batch_drop(batch_id: str) -> Batch:
    """Drop an active batch (``BatchNotFound`` if it is not active)."""
    return Dataset().drop_batch(batch_id)
