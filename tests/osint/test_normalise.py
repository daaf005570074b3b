"""Normalisation: each obfuscation is undone and reported; languages; transliteration."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ctip.osint.identifiers import find_identifiers
from ctip.osint.language import detect_language
from ctip.osint.normalise import normalise
from ctip.osint.transliterate import span_back, to_latin


@pytest.mark.parametrize(("raw", "expected", "rule"), [
    ("call nine nine zero zero zero zero one one", "call 99000011", "normalise.spelled_digits"),
    ("утас есөн есөн тэг тэг тэг тэг нэг нэг", "утас 99000011", "normalise.spelled_digits"),
    ("утас ерэн ес тэг тэг тэг тэг арван нэг", "утас 99000011", "normalise.spelled_digits"),
    ("utas yos yos teg teg teg teg neg neg", "utas 99000011", "normalise.spelled_digits"),
    ("call 9 9 0 0 0 0 1 1 now", "call 99000011 now", "normalise.spaced_digits"),
    ("call 9.9.0.0.0.0.1.1", "call 99000011", "normalise.spaced_digits"),
    ("call 9-9-0-0-0-0-1-1", "call 99000011", "normalise.spaced_digits"),
    ("call 9️⃣9️⃣0️⃣0️⃣0️⃣0️⃣1️⃣1️⃣", "call 99000011", "normalise.styled_digits"),
    ("call ９９００００１１", "call 99000011", "normalise.styled_digits"),
    ("call 𝟗𝟗𝟎𝟎𝟎𝟎𝟏𝟏", "call 99000011", "normalise.styled_digits"),
    ("call ⑨⑨⓪⓪⓪⓪①①", "call 99000011", "normalise.styled_digits"),
    ("call ➒➒⓿⓿❶❶➀➀", "call 99001111", "normalise.styled_digits"),  # dingbats NFKC leaves alone
    ("call ⓽⓽⓪⓪⓵⓵⓶⓶", "call 99001122", "normalise.styled_digits"),
    ("call 99O0OOl1", "call 99000011", "normalise.lookalike_digits"),
    ("utas 99II22З3", "utas 99112233", "normalise.lookalike_digits"),  # Cyrillic З for 3
    ("frее visа", "free visa", "normalise.mixed_script"),  # Cyrillic е and а inside Latin words
    ("Солонгоcт", "Солонгост", "normalise.mixed_script"),  # Latin c inside a Cyrillic word
])
def test_each_obfuscation_is_undone_and_reported(raw, expected, rule):
    text, hits = normalise(raw)
    assert text == expected
    assert rule in {h.rule for h in hits}
    assert all(h.family == "obfuscation" and text[h.start:h.end] == h.text for h in hits)


@pytest.mark.parametrize(("raw", "rule", "hidden"), [
    ("office 7011 2233, mobile ➒➒➊➊➋➋➌➌", "normalise.styled_digits", "99112233"),
    ("office 7011 2233, mobile 9️⃣9️⃣1️⃣1️⃣2️⃣2️⃣3️⃣3️⃣", "normalise.styled_digits", "99112233"),
    ("office 7011 2233, mobile ０９０-１２３４-５６７８", "normalise.styled_digits", "09012345678"),
    ("call 8800 0011 or 9911 2233 or 99O0OOl1", "normalise.lookalike_digits", "99000011"),
])
def test_a_digit_trick_points_at_the_number_it_hid_not_the_first_number(raw, rule, hidden):
    text, hits = normalise(raw)
    hit = next(h for h in hits if h.rule == rule)
    assert hit.text == hidden and text[hit.start:hit.end] == hidden and hit.start > text.index("2233")


@pytest.mark.parametrize("plain", [
    "salary 2 000 000 tugrug", "call 9900 0011", "meet on 2026-05-01", "one or two friends", "88 00 00 11",
])
def test_ordinary_writing_is_not_called_obfuscation(plain):
    assert normalise(plain)[1] == []


@pytest.mark.parametrize("raw", ["||||||", "OOOOOO", "lIlIlI1", "O|O|O|O"])
def test_look_alike_runs_without_two_real_digits_are_left_alone(raw):
    assert normalise(f"see {raw} here")[0] == f"see {raw} here"


def test_a_post_of_200000_look_alike_characters_is_screened():
    """Hostile input: a regular expression that re-scanned the run from every start took minutes here."""
    text, hits = normalise("|" * 200_000 + " call 99O0OOl1")
    assert text.endswith("call 99000011") and text.startswith("|" * 1000)
    assert "normalise.lookalike_digits" in {h.rule for h in hits}


@pytest.mark.parametrize("raw", [" " * 200_000 + "(x dot", "\t" * 200_000 + "anna at mail dot com"])
def test_long_white_space_before_a_mail_trick_is_screened(raw):
    """Hostile input: the mail-trick patterns re-scanned a run of white space from every position."""
    text, _ = normalise(raw)
    assert text.endswith(("(x dot", "anna@mail.com"))


def test_invisible_characters_are_removed():
    assert normalise("vi\u200bsa\u00ad")[0] == "visa"


def test_mail_tricks_are_undone():
    assert normalise("anna [at] example [dot] mn")[0] == "anna@example.mn"


@pytest.mark.parametrize(("text", "language"), [
    ("Young girls wanted for work abroad, free visa and ticket", "en"),
    ("Солонгост ажил, өндөр цалинтай, виз үнэгүй", "mn"),
    ("Ажилд авна, цалин сайн, байр хоол үнэгүй", "mn"),
    ("Solongost ajil bna, undur tsalintai, viz unegui", "mn-Latn"),
    ("Требуются девушки для работы за границей, без опыта", "ru"),
    ("澳门高薪招聘女服务员，包吃包住", "zh"),
    ("한국에서 일할 여성 모집, 비자 무료", "ko"),
    ("12345 !!!", "und"),
])
def test_language_detection(text, language):
    assert detect_language(text) == language


def test_transliteration_maps_spans_back_to_the_cyrillic_text():
    text = "Манай Хятадад ажил"
    latin, origin = to_latin(text)
    assert latin == "manai hyatadad ajil"
    start = latin.index("hyatadad")
    assert text[slice(*span_back(origin, start, start + len("hyatadad"), len(text)))] == "Хятадад"
    shch, origin = to_latin("Цэцэг")
    assert shch == "tsetseg" and text[:0] == ""


ALPHABET = st.sampled_from(list("abcOolI|09 .-+@:/$₮сая есөн nine тэг ӨүHҮ\u200b9️⃣９①[at](dot)\n"))


@settings(max_examples=200, deadline=None)
@given(st.text(ALPHABET, max_size=80) | st.text(max_size=80))
def test_any_text_normalises_with_spans_inside_the_result(raw):
    text, hits = normalise(raw)
    for hit in hits:
        assert 0 <= hit.start <= hit.end <= len(text) and text[hit.start:hit.end] == hit.text
    for ident in find_identifiers(text):
        assert text[ident.start:ident.end] == ident.text


@pytest.mark.parametrize("hours", ["open 10:00-18:00", "open 9.00 - 18.00 daily", "work 09:00-21:00, call 99112233"])
def test_opening_hours_are_left_as_written(hours):
    """Hours were joined into one number (10:00-18:00 → 10001800): the analyst read a wrong text."""
    assert normalise(hours) == (hours, [])
