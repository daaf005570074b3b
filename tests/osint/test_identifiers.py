"""Identifiers: phones (MN default, destinations), e-mails, URLs, domains, handles and money."""

from __future__ import annotations

import pytest

from ctip.osint.identifiers import find_identifiers


def keys(text: str, kind: str | None = None) -> list[str]:
    return [i.key for i in find_identifiers(text) if kind is None or i.kind == kind]


@pytest.mark.parametrize(("text", "e164", "region"), [
    ("Утас 8800 0011", "+97688000011", "MN"),
    ("call 99000022", "+97699000022", "MN"),
    ("+976 9500-0033", "+97695000033", "MN"),
    ("00976 94000066", "+97694000066", "MN"),
    ("Seoul: 010-5555-0123", "+821055550123", "KR"),
    ("China 13800000001", "+8613800000001", "CN"),
    ("Japan 090-5555-0123", "+819055550123", "JP"),
    ("Macau +853 6600 0011", "+85366000011", "MO"),
    ("Turkey 0532 000 00 11", "+905320000011", "TR"),
])
def test_phone_numbers_become_e164(text, e164, region):
    phones = [i for i in find_identifiers(text) if i.kind == "phone"]
    assert [(p.value, p.region) for p in phones] == [(e164, region)]


def test_dates_and_amounts_are_not_phones():
    assert keys("from 2026-05-01 to 2026-06-01, salary 3,000,000 MNT", "phone") == []


def test_emails():
    assert keys("write to Anna.K@Example.mn or hr@steppe-example.co.kr", "email") == [
        "email:anna.k@example.mn", "email:hr@steppe-example.co.kr"]


def test_urls_and_domains_use_the_offline_suffix_list():
    found = keys("apply at https://jobs.best-work.co.kr/apply?id=1 or goodwork.mn, not at file.txt")
    assert "url:https://jobs.best-work.co.kr/apply?id=1" in found
    assert "domain:best-work.co.kr" in found and "domain:goodwork.mn" in found
    assert not any("file.txt" in k for k in found)


@pytest.mark.parametrize(("text", "key"), [
    ("Telegram: @seoul_jobs", "handle:telegram:seoul_jobs"),
    ("https://t.me/bestjobs_mn", "handle:telegram:bestjobs_mn"),
    ("tg: makao_vip", "handle:telegram:makao_vip"),
    ("WhatsApp +976 8800 0011", "handle:whatsapp:97688000011"),
    ("wa.me/97688000011", "handle:whatsapp:97688000011"),
    ("WeChat: lily8899", "handle:wechat:lily8899"),
    ("微信: lily8899", "handle:wechat:lily8899"),
    ("kakao id: sunny77", "handle:kakaotalk:sunny77"),
    ("카톡 sunny77", "handle:kakaotalk:sunny77"),
    ("Line ID: mary_22", "handle:line:mary_22"),
    ("fb: anna.bold", "handle:facebook:anna.bold"),
    ("facebook.com/anna.bold", "handle:facebook:anna.bold"),
    ("instagram.com/night.work", "handle:instagram:night.work"),
    ("инстаграм: night.work", "handle:instagram:night.work"),
])
def test_messenger_and_social_handles(text, key):
    assert key in keys(text, "handle")


def test_common_words_are_not_handles():
    assert keys("stand in line for the bus, we pay a fee", "handle") == []


@pytest.mark.parametrize(("text", "value"), [
    ("$3,000 per month", "3000 USD"),
    ("3000 USD", "3000 USD"),
    ("5 сая төгрөг", "5000000 MNT"),
    ("сард 3 сая", "3000000 MNT"),
    ("3 sai tsalin", "3000000 MNT"),
    ("₮2,500,000", "2500000 MNT"),
    ("2.5 million won", "2500000 KRW"),
    ("₩2,500,000", "2500000 KRW"),
    ("200,000 yen", "200000 JPY"),
    ("1500 юань", "1500 CNY"),
    ("800€", "800 EUR"),
    ("30000 TL", "30000 TRY"),
    ("4000 доллар", "4000 USD"),
    ("12.50 USD", "12.50 USD"),
])
def test_money_amounts_with_currency(text, value):
    money = [i for i in find_identifiers(text) if i.kind == "money"]
    assert [m.value for m in money] == [value]


def test_spans_point_at_the_identifier():
    text = "Call Anna on 8800 0011 today"
    phone = next(i for i in find_identifiers(text) if i.kind == "phone")
    assert text[phone.start:phone.end] == "8800 0011"


@pytest.mark.parametrize("text", [
    "kakao" + " " * 60_000 + "x",  # a keyword, then a long run of white space (backtracking)
    "WhatsApp" + "\t" * 60_000,
    "1" * 400 + " usd",  # an amount too large for a float
])
def test_hostile_text_gives_no_identifier_and_no_error(text):
    assert find_identifiers(text) == []


@pytest.mark.parametrize("text", ["Info line 1800-1234", "order 12 34 56 78 90", "ref 1234567890"])
def test_numbers_in_forms_mongolia_does_not_use_are_not_read_as_foreign_phones(text):
    """Without a country code or a named destination, only a foreign national form (trunk 0, Chinese
    mobile) is read as a foreign phone; otherwise 1800-1234 became a Korean number."""
    from ctip.osint.normalise import normalise

    assert keys(normalise(text)[0], "phone") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Korean line 1588-1234 in Seoul", "phone:+8215881234"),   # the post names Korea
    ("call 010-1234-5678", "phone:+821012345678"),             # trunk 0: a foreign national form
    ("138 0013 8000", "phone:+8613800138000"),                 # a Chinese mobile
])
def test_foreign_national_numbers_are_still_read(text, expected):
    assert keys(text, "phone") == [expected]


@pytest.mark.parametrize("url", ["t.me/joinchat/abcd", "https://www.facebook.com/marketplace/item/1",
                                 "instagram.com/reel/xyz", "fb.com/sharer.php?u=1"])
def test_platform_pages_that_are_not_accounts_are_not_handles(url):
    assert keys(url, "handle") == []


def test_urls_differing_only_in_the_case_of_scheme_or_host_are_one_identifier():
    assert keys("apply at HTTPS://Agency.MN/Jobs?id=7", "url") == ["url:https://agency.mn/Jobs?id=7"]
    assert keys("www.Agency-Jobs.mn/Apply", "url") == ["url:www.agency-jobs.mn/Apply"]


@pytest.mark.parametrize(("text", "handles"), [
    ("Facebook: Anna Bat", []),                              # a display name, not an account
    ("Facebook: Anna", ["handle:facebook:anna"]),
    ("Facebook: anna.bat22 Ulaanbaatar", ["handle:facebook:anna.bat22"]),
    ("WeChat: Anna Bat", []),
])
def test_a_persons_display_name_after_a_platform_keyword_is_not_a_handle(text, handles):
    assert keys(text, "handle") == handles


@pytest.mark.parametrize(("text", "language", "value"), [
    ("Лавлах утас 1800-1234, ажлын байр", "mn", "1800-1234"),  # toll-free: dialled only in Mongolia, kept as written
    ("Medeelel avah 1900 1234 ruu zalgaarai", "mn-Latn", "1900-1234"),
    ("Call our Ulaanbaatar office on 1800.1234", "en", "1800-1234"),  # names Mongolia
    ("Солонгост ажил, лавлах 1800-1234", "mn", "1800-1234"),  # a Mongolian post naming Korea: still Mongolian
    ("Утас 7011-2233", "mn", "+97670112233"),  # a Mongolian 7xxx number is dialled +976
])
def test_mongolian_service_numbers_are_extracted_in_mongolian_posts(text, language, value):
    phones = [i for i in find_identifiers(text, language) if i.kind == "phone"]
    assert [(p.value, p.region) for p in phones] == [(value, "MN")]


@pytest.mark.parametrize(("text", "language"), [
    ("Bank info line 1800-1234", "en"),  # neither in Mongolian nor naming Mongolia
    ("2000-2006 онд төрсөн охид", "mn"),  # a range of years
    ("1900-1950 онд", "mn"),
    ("цалин 1800-1900 ам.доллар", "mn"),  # a range of round amounts
])
def test_year_ranges_and_posts_elsewhere_give_no_service_number(text, language):
    assert [i.key for i in find_identifiers(text, language) if i.kind == "phone"] == []
