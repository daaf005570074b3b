"""Loads every scheme and mapping once: the YAML files in ``data/`` plus the ISO 3166 schemes."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from ctip.dataset import schema
from ctip.vocab import countries
from ctip.vocab.model import CodeMapping, Scheme, VocabularyError, check_mapping_codes, read_file

DATA = Path(__file__).parent / "data"


def _country_schemes() -> list[Scheme]:
    table = countries.country_labels()
    source = "ISO 3166-1 via pycountry; Mongolian names from Unicode CLDR via babel, else English"
    alpha3 = {a3: labels for a3, (_, _, labels) in table.items()}
    alpha2 = {a2: labels for _, (a2, _, labels) in sorted(table.items(), key=lambda kv: kv[1][0])}
    title3 = {"en": "Country (ISO 3166-1 alpha-3)", "mn": "Улс (ISO 3166-1 alpha-3)"}
    title2 = {"en": "Country (ISO 3166-1 alpha-2)", "mn": "Улс (ISO 3166-1 alpha-2)"}
    return [Scheme("iso3166.alpha3", title3, source, alpha3, {}, "pycountry"),
            Scheme("iso3166.alpha2", title2, source, alpha2, {}, "pycountry")]


class Registry:
    """All schemes and mappings, validated together."""

    def __init__(self, data_dir: Path = DATA):
        self.schemes: dict[str, Scheme] = {}
        self.mappings: dict[str, CodeMapping] = {}
        for scheme in _country_schemes():
            self.schemes[scheme.name] = scheme
        for path in sorted(data_dir.glob("*.yaml")):
            schemes, mappings = read_file(path)
            for scheme in schemes:
                if scheme.name in self.schemes:
                    raise VocabularyError(f"{path.name}: scheme {scheme.name} is already defined in "
                                          f"{self.schemes[scheme.name].file}")
                self.schemes[scheme.name] = scheme
            for mapping in mappings:
                if mapping.name in self.mappings:
                    raise VocabularyError(f"{path.name}: mapping {mapping.name} is already defined in "
                                          f"{self.mappings[mapping.name].file}")
                self.mappings[mapping.name] = mapping
        self._complete_columns()
        for mapping in self.mappings.values():
            check_mapping_codes(mapping, self.schemes)

    def _complete_columns(self) -> None:
        """Add every binary column of the dataset schema to ``ctip.column``, labelled from its group."""
        base = self.schemes.get("ctip.column")
        if base is None:
            raise VocabularyError("scheme ctip.column (the dataset's single-valued columns) is missing")
        codes = {}
        for column in schema.COLUMNS:
            if column in schema.PROVENANCE:
                continue
            if column.group is None:
                if column.name not in base.codes:
                    raise VocabularyError(f"{base.file}: scheme ctip.column: no labels for column {column.name!r}")
                codes[column.name] = base.codes[column.name]
                continue
            group = self.schemes[f"ctip.{column.group}"]
            code = column.name.removeprefix(f"{column.group}_")
            codes[column.name] = {lang: f"{group.title[lang]}: {text[:1].lower()}{text[1:]}"
                                  for lang, text in group.codes[code].items()}
        self.schemes["ctip.column"] = replace(base, codes=codes)


@cache
def registry() -> Registry:
    """The one registry of the running process (loaded on first use)."""
    return Registry()
