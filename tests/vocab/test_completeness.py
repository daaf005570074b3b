"""Every mapping is total and every code has English and Mongolian labels."""

from __future__ import annotations

import pytest

from ctip import vocab

# Required mappings between vocabularies (the brief of issue #2, part 2).
REQUIRED_MAPPINGS = [
    "htcds.vic_TypeOfExploitation->glotip.form",
    "ctip.exploit->glotip.form",
    "ctip.sector->glotip.form",
    "ilo.forced_labour_indicator->htcds.vic_MethodsOfControl",
    "htcds.vic_MethodsOfControl->palermo.means",
    "htcds.vic_MethodsOfControl->ctip.means",
    "htcds.vic_MethodsOfControl->ctdc2017.meansOfControl",
    "ctdc2017.meansOfControl->htcds.vic_MethodsOfControl",
    "ctdc2017.meansOfControl->ctdc2024.means",
    "ctip.means->ctip.means_group",
    "ctdc2017.ageBroad->ctdc.age_band",
    "ctdc2024.ageBroad->ctdc.age_band",
    "ctdc2017.variable->ctip.column",
    "ctdc2024.variable->ctip.column",
]


@pytest.mark.parametrize("name", REQUIRED_MAPPINGS)
def test_required_mapping_exists(name):
    assert name in vocab.mappings()


@pytest.mark.parametrize("name", vocab.mappings())
def test_mapping_is_total(name):
    """Each source code maps somewhere or is explicitly unmapped (null / [])."""
    info = vocab.mapping_info(name)
    assert set(info.pairs) == set(vocab.codes(info.source_scheme)), (
        f"{name}: codes without a mapping entry: {sorted(set(vocab.codes(info.source_scheme)) - set(info.pairs))}")


@pytest.mark.parametrize("name", vocab.mappings())
def test_mapping_targets_are_target_codes(name):
    info = vocab.mapping_info(name)
    targets = set(vocab.codes(info.target_scheme))
    for code, value in info.pairs.items():
        for target in (value if info.many else [value]):
            assert target is None or target in targets, f"{name}: {code} -> {target}"


@pytest.mark.parametrize("name", vocab.schemes())
def test_every_code_has_english_and_mongolian_labels(name):
    scheme = vocab.scheme(name)
    assert scheme.title.get("en") and scheme.title.get("mn")
    for code, labels in scheme.codes.items():
        assert labels.get("en", "").strip(), f"{name}:{code} has no English label"
        assert labels.get("mn", "").strip(), f"{name}:{code} has no Mongolian label"


OWN_SCHEMES = [n for n in vocab.schemes() if n.split(".")[0] in
               {"htcds", "ctip", "ctdc", "ctdc2017", "ctdc2024", "palermo", "glotip", "ilo", "m49"}]


@pytest.mark.parametrize("name", OWN_SCHEMES)
def test_mongolian_labels_are_cyrillic_where_the_english_is_words(name):
    """A Mongolian label that merely copies English words is a missing translation."""
    for code, labels in vocab.scheme(name).codes.items():
        en, mn = labels["en"], labels["mn"]
        if any(c.isalpha() for c in en) and en == mn:
            assert name.endswith("WebsitesAndApps") or en.isupper() or code in {"NA"}, f"{name}:{code} untranslated"


def test_ilo_and_htcds_control_mappings_are_inverse():
    forward = vocab.mapping_info("ilo.forced_labour_indicator->htcds.vic_MethodsOfControl").pairs
    backward = vocab.mapping_info("htcds.vic_MethodsOfControl->ilo.forced_labour_indicator").pairs
    pairs_forward = {(i, h) for i, hs in forward.items() for h in hs}
    pairs_backward = {(i, h) for h, is_ in backward.items() for i in is_}
    assert pairs_forward == pairs_backward


def test_v2024_groups_agree_between_dataset_and_ctdc_names():
    granular = vocab.mapping("ctdc2017.meansOfControl->ctdc2024.means")
    to_dataset = vocab.mapping("ctdc2017.meansOfControl->ctip.means")
    groups = vocab.mapping("ctip.means->ctip.means_group")
    v2024 = vocab.mapping("ctdc2024.means->ctip.means_group")
    for variable, group_variable in granular.items():
        expected = v2024[group_variable] if group_variable else None
        assert groups[to_dataset[variable]] == expected, variable


def test_every_htcds_control_method_is_evidence_of_a_palermo_means_except_other():
    table = vocab.mapping("htcds.vic_MethodsOfControl->palermo.means")
    assert [c for c, means in table.items() if not means] == ["Other"]
