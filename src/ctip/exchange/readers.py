"""One entry point for every import format: detect it from the file (``fmt`` overrides) and read it."""

from __future__ import annotations

from pathlib import Path

from ctip.exchange import ctdc, htcds
from ctip.exchange.errors import ExchangeError, InvalidFile
from ctip.exchange.messages import message
from ctip.exchange.parsed import Parsed
from ctip.exchange.sniff import sniff

FORMATS = ("ctdc2017", "ctdc2024", "htcds-xlsx", "htcds-csv", "kobo")
ALIASES = {"ctdc2025": "ctdc2024", "ctdc": "ctdc2017", "htcds": "htcds-xlsx", "odk": "kobo"}


def canonical_format(fmt: str) -> str:
    """The format's canonical name; ``ExchangeError`` (a ``ValueError``) listing the valid names."""
    name = ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
    if name not in FORMATS:
        raise ExchangeError(message("unknown_format", format=repr(fmt), formats=", ".join(FORMATS + tuple(ALIASES))))
    return name


def parse(path: Path, fmt: str | None = None) -> Parsed:
    """Read ``path`` as ``fmt`` (detected when None). Raises ``InvalidFile`` when it cannot be read."""
    sniffed = sniff(path)
    detected = _detect(path, sniffed)
    fmt = canonical_format(fmt) if fmt else detected
    if fmt is None:
        raise InvalidFile(message("unknown_file_format", file=path.name, formats="|".join(FORMATS)))
    if fmt in ctdc.FORMATS:
        if sniffed.kind != "csv":
            raise InvalidFile(message("ctdc_not_csv", file=path.name, format=fmt))
        return ctdc.read(path, sniffed, fmt)
    return htcds.read(path, sniffed, fmt)


def _detect(path: Path, sniffed) -> str | None:
    if sniffed.kind == "csv":
        return ctdc.detect(sniffed.header) or htcds.detect_csv(sniffed.header)
    return htcds.detect_xlsx(path)
