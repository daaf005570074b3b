"""Rule packs: validation with clear errors, hits with rule/family/span, and the scoring policy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ctip.osint.model import Hit, Post
from ctip.osint.rules import DEFAULT_RULES_DIR, RulePackError, load_rules, score
from ctip.osint.screen import screen_batch

GOOD_RULE = """
  - id: t.venue
    family: venue
    strength: strong
    pattern: 'karaoke'
    examples: ["karaoke bar"]
"""


def pack_dir(tmp_path: Path, rules: str, header: str = "pack: test\nversion: '1'\nlanguages: [en]\n") -> Path:
    shutil.copy(DEFAULT_RULES_DIR / "families.yaml", tmp_path / "families.yaml")
    (tmp_path / "test.yaml").write_text(header + "rules:\n" + rules, encoding="utf-8")
    return tmp_path


def test_shipped_packs_load_and_cover_their_languages():
    rules = load_rules()
    assert {p.name for p in rules.packs} == {"en", "mn", "mn-Latn", "cjk"}
    assert all(p.version for p in rules.packs)
    families = {r.family for p in rules.packs for r in p.rules}
    assert families >= {"too_good_pay", "no_experience", "overseas_paid", "destination", "targeting", "venue",
                        "fees_debt", "documents", "urgency_contact", "anonymity"}


def test_an_analyst_pack_is_loaded_without_code(tmp_path):
    rules = load_rules(pack_dir(tmp_path, GOOD_RULE))
    assert [(p.name, [r.id for r in p.rules]) for p in rules.packs] == [("test", ["t.venue"])]


@pytest.mark.parametrize(("rule", "message"), [
    (GOOD_RULE.replace("family: venue", "family: nightlife"), r"test.yaml, rule 1 \('t.venue'\): unknown family 'nightlife'; expected one of too_good_pay"),
    (GOOD_RULE.replace("strength: strong", "strength: medium"), r"strength must be 'strong' or 'weak'; got 'medium'"),
    (GOOD_RULE.replace("'karaoke'", "'kara(oke'"), r"pattern is not a valid regular expression"),
    (GOOD_RULE.replace("'karaoke'", "'(?:x)?'"), r"matches empty text"),
    (GOOD_RULE.replace('["karaoke bar"]', '["massage bar"]'), r"example 'massage bar' does not match"),
    (GOOD_RULE + '    counter_examples: ["karaoke night"]\n', r"counter-example 'karaoke night' matches"),
    (GOOD_RULE.replace("    examples", "    weight: 3\n    examples"), r"unknown key\(s\) weight"),
    (GOOD_RULE + GOOD_RULE, r"rule id 't.venue' is used twice"),
    ("  - just a string\n", r"rule 1: expected a mapping"),
])
def test_bad_rules_are_refused_with_the_place_and_what_was_expected(tmp_path, rule, message):
    with pytest.raises(RulePackError, match=message):
        load_rules(pack_dir(tmp_path, rule))


def test_every_problem_of_a_pack_is_reported_at_once(tmp_path):
    broken = GOOD_RULE.replace("family: venue", "family: x") + GOOD_RULE.replace("t.venue", "t.two").replace(
        "strong", "loud")
    with pytest.raises(RulePackError) as info:
        load_rules(pack_dir(tmp_path, broken))
    assert "unknown family 'x'" in str(info.value) and "got 'loud'" in str(info.value)


def test_invalid_yaml_names_line_and_column(tmp_path):
    with pytest.raises(RulePackError, match=r"test.yaml, line \d+, column \d+: not valid YAML"):
        load_rules(pack_dir(tmp_path, "  - id: [unclosed\n"))


def test_a_pack_without_languages_is_refused(tmp_path):
    with pytest.raises(RulePackError, match="'languages' must be a non-empty list"):
        load_rules(pack_dir(tmp_path, GOOD_RULE, header="pack: test\nversion: '1'\n"))


def test_weights_out_of_range_are_refused(tmp_path):
    pack_dir(tmp_path, GOOD_RULE)
    families = tmp_path / "families.yaml"
    families.write_text(families.read_text().replace("weight: 0.30", "weight: 3", 1))
    with pytest.raises(RulePackError, match=r"family 'too_good_pay' weight must be a number in \[0.0, 1.0\]; got 3"):
        load_rules(tmp_path)


def screened(text: str):
    return screen_batch([Post("p1", "t.txt", text)], load_rules())[0]


def test_every_hit_names_its_rule_family_and_span():
    item = screened("Young girls wanted for karaoke in Macau, free visa and ticket")
    assert item.hits
    for hit in item.hits:
        assert hit.rule and hit.family and item.normalised[hit.start:hit.end] == hit.text
    assert {"targeting", "venue", "destination", "overseas_paid"} <= set(item.families)
    assert item.level in ("medium", "high")


def test_mongolian_cyrillic_posts_match_through_both_packs():
    item = screened("Макаод казинод ажиллах залуу эмэгтэйчүүд хэрэгтэй. Виз, онгоцны тийз үнэгүй.")
    assert item.language == "mn" and item.level in ("medium", "high")
    assert all(item.normalised[h.start:h.end] == h.text for h in item.hits)


@pytest.mark.parametrize("text", [
    "Karaoke night at our restaurant on Friday!",   # one strong cue
    "Flights to Seoul on sale this week",           # one weak cue
    "Urgent: we need a plumber",
    "call nine nine zero zero zero zero one one",   # obfuscation alone
])
def test_one_cue_alone_never_flags(text):
    item = screened(text)
    assert len(item.families) == 1 and item.level == "low"


def test_score_needs_two_families_to_flag_even_at_full_weight():
    scoring = load_rules().scoring
    alone = [Hit("r", "documents", "strong", 0, 1, "x")] * 3
    assert score(scoring, alone)[1] == "low"
    pair = alone + [Hit("r2", "fees_debt", "strong", 2, 3, "y")]
    risk, level, families = score(scoring, pair)
    assert level == "medium" and families == ["documents", "fees_debt"] and 0 < risk < 1


def test_benign_job_ad_is_not_scored():
    item = screened("Welders needed in Ulaanbaatar, 5 years experience required, interview at our office.")
    assert item.level == "none" and item.score == 0


@pytest.mark.parametrize(("text", "family", "matched"), [
    ("Туркт ажил, паспортоо өгөөд явна", "documents", "паспортоо өгөөд"),
    ("Солонгост ажил, паспортаа бидэнд үлдээнэ", "documents", None),
    ("Japan ajil, pasportoo ugud yavna", "documents", "pasportoo ugud"),
    ("Макаод ажил, ярилцлага хэрэггүй", "urgency_contact", "ярилцлага хэрэггүй"),
    ("Макаод ажил, ярилцлага хийхгүй", "urgency_contact", "ярилцлага хийхгүй"),
    ("Makaod ajil, yariltslaga hereggui", "urgency_contact", "yariltslaga hereggui"),
])
def test_mongolian_passport_handover_and_no_interview_are_red_flags(text, family, matched):
    """The usual Mongolian wordings ("hand over your passport", "no interview needed") fire their family."""
    item = screened(text)
    hit = next(h for h in item.hits if h.family == family)
    assert matched is None or hit.text == matched


def test_mongolian_in_latin_letters_asking_for_girls_is_a_targeting_cue():
    item = screened("Solongost ajil, sard 5000$ tsalin, ohid heregtei")
    assert item.language == "mn-Latn"
    assert [h.text for h in item.hits if h.family == "targeting"] == ["ohid heregtei"]


@pytest.mark.parametrize(("text", "language", "level"), [
    ("澳门KTV高薪招聘年轻女孩，包机票包吃住，无需经验，急招！需交押金，护照由公司保管", "zh", "high"),
    ("한국 노래방 도우미 모집, 고수입 보장, 항공권 제공, 면접 없음", "ko", "high"),
    ("日本で働きませんか？高収入、経験不要、寮完備、渡航費支給。急募", "ja", "medium"),
    ("我们公司招聘会计，需三年经验，工资面议，欢迎面试", "zh", "none"),
    ("회계 사무원 채용, 경력 3년 이상, 면접 후 결정", "ko", "none"),
    ("経理スタッフ募集。経験3年以上。面接あり。", "ja", "none"),
])
def test_chinese_korean_and_japanese_posts_are_screened_in_their_own_words(text, language, level):
    """Recruiters in the destinations write in their own language; the English pack alone scored these 0."""
    item = screened(text)
    assert (item.language, item.level) == (language, level)
    assert all(item.normalised[h.start:h.end] == h.text for h in item.hits)
