"""ctip's single source of truth for codes, labels and the mappings between vocabularies.

Pure package (no Django import at load time). Schemes and mappings live in ``data/*.yaml``, ISO 3166
countries come from ``pycountry``; everything is validated when first used (``registry``, ``model``).
``codes`` answers what a code is called, ``lookup`` turns raw spellings into codes and maps between
vocabularies, ``geography`` handles countries and regions. See ``docs/vocabularies.md``.

>>> from ctip import vocab
>>> vocab.label("htcds.vic_TypeOfExploitation", "ForcedLabour")
'Forced labour'
>>> vocab.mapping("ctdc2017.ageBroad->ctdc.age_band")["9--17"]
'9-17'
>>> vocab.country_alpha3("MN"), vocab.country_name("MNG", lang="mn")
('MNG', 'Монгол')
"""

from __future__ import annotations

from ctip.vocab.codes import choices, codes, is_valid, label, scheme, schemes, title, validate
from ctip.vocab.geography import country_alpha2, country_alpha3, country_name, country_region
from ctip.vocab.lookup import (
    is_missing,
    map_value,
    mapping,
    mapping_info,
    mappings,
    missing_markers,
    normalise,
)
from ctip.vocab.model import LANGUAGES, CodeMapping, Scheme, UnknownCode, VocabularyError

__all__ = [
    "LANGUAGES", "CodeMapping", "Scheme", "UnknownCode", "VocabularyError", "choices", "codes",
    "country_alpha2", "country_alpha3", "country_name", "country_region", "is_missing", "is_valid", "label",
    "map_value", "mapping", "mapping_info", "mappings", "missing_markers", "normalise", "scheme",
    "schemes", "title", "validate",
]
