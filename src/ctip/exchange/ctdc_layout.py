"""The column layouts of the two CTDC file formats and where each variable lands in the dataset.

Derived from the vocabulary (``ctdc2017.variable->ctip.column``, ``ctdc2024.variable->ctip.column``),
so the variable names live in one place; this module only sorts them into categorical, binary and
list (``*Concatenated``) variables.
"""

from __future__ import annotations

from ctip import vocab
from ctip.dataset import schema

_BOOLEAN = {c.name for c in schema.COLUMNS if c.sql_type == "BOOLEAN"}


def _split(mapping_name: str) -> tuple[dict[str, str], dict[str, str], list[str]]:
    pairs = vocab.mapping_info(mapping_name).pairs
    categorical = {v: c for v, c in pairs.items() if c and c not in _BOOLEAN}
    binary = {v: c for v, c in pairs.items() if c and c in _BOOLEAN}
    unmapped = [v for v, c in pairs.items() if not c]
    return categorical, binary, unmapped


CTDC2017_CATEGORICAL, CTDC2017_BINARY, _LISTS_2017 = _split("ctdc2017.variable->ctip.column")
CTDC2024_CATEGORICAL, CTDC2024_BINARY, _ = _split("ctdc2024.variable->ctip.column")
# The stored variables in the published files' order (the vocabulary lists them in codebook order).
CTDC2017_COLUMNS = [v for v in vocab.codes("ctdc2017.variable")
                    if v in CTDC2017_CATEGORICAL or v in CTDC2017_BINARY]
CTDC2024_COLUMNS = [v for v in vocab.codes("ctdc2024.variable")
                    if v in CTDC2024_CATEGORICAL or v in CTDC2024_BINARY]
# Added in 2020 files; absent from earlier ones.
CTDC2017_OPTIONAL = {"isSlaveryAndPractices"}
# ';'-joined label lists repeating a binary group (checked against it, never stored): variable -> group.
CTDC2017_CONCATENATED = {
    "meansOfControlConcatenated": "means",
    "typeOfExploitConcatenated": "exploit",
    "typeOfLabourConcatenated": "sector",
    "typeOfSexConcatenated": "sex",
    "RecruiterRelationship": "recruiter",
}
assert set(CTDC2017_CONCATENATED) == set(_LISTS_2017), "vocab and layout disagree on the CTDC list variables"
# The vocabulary mapping from each list's labels to the dataset codes of its group.
CONCATENATED_MAPPINGS = {
    variable: f"ctdc2017.{variable}->ctip.{group}" for variable, group in CTDC2017_CONCATENATED.items()
}
# v2024 isOtherExploit covers every form other than forced labour and sexual exploitation.
OTHER_EXPLOIT_2024 = [e for e in schema.EXPLOITATION
                      if e not in ("forced_labour", "sexual_exploitation", "sex_and_labour")]
