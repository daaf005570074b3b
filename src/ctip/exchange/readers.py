"""One entry point for every import format: detect it from the file (``fmt`` overrides) and read it."""

from __future__ import annotations

from pathlib import Path

from ctip.exchange import ctdc, htcds
from ctip.exchange.errors import InvalidFile
from ctip.exchange.parsed import Parsed
from ctip.exchange.sniff import sniff

FORMATS = ("ctdc2017", "ctdc2024", "htcds-xlsx", "htcds-csv", "kobo")
ALIASES = {"ctdc2025": "ctdc2024", "ctdc": "ctdc2017", "htcds": "htcds-xlsx", "odk": "kobo"}


def canonical_format(fmt: str) -> str:
    """The format's canonical name; ``ValueError`` listing the valid names."""
    name = ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
    if name not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of: {', '.join(FORMATS + tuple(ALIASES))}")
    return name


def parse(path: Path, fmt: str | None = None) -> Parsed:
    """Read ``path`` as ``fmt`` (detected when None). Raises ``InvalidFile`` when it cannot be read."""
    sniffed = sniff(path)
    detected = _detect(path, sniffed)
    fmt = canonical_format(fmt) if fmt else detected
    if fmt is None:
        raise InvalidFile(f"{path.name}: cannot tell the format from the header; expected a CTDC 2017 or v2024 "
                          "CSV, the HTCDS Excel template or a KoboToolbox/ODK export of the HTCDS form "
                          f"(or name it with --format {'|'.join(FORMATS)})")
    if fmt in ctdc.FORMATS:
        if sniffed.kind != "csv":
            raise InvalidFile(f"{path.name}: {fmt} files are CSV; this is an Excel workbook (save it as CSV UTF-8)")
        return ctdc.read(path, sniffed, fmt)
    return htcds.read(path, sniffed, fmt)


def _detect(path: Path, sniffed) -> str | None:
    if sniffed.kind == "csv":
        return ctdc.detect(sniffed.header) or htcds.detect_csv(sniffed.header)
    return htcds.detect_xlsx(path)
