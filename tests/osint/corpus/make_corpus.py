"""Writes ``corpus.jsonl``: the labelled OSINT evaluation corpus, written for ctip.

Every post is invented: the names are common given names, the organisations do not exist and the
phone numbers follow a ``..0000..`` pattern chosen to be fictitious. Labels are the author's
judgement: ``risky`` (an analyst should read it first), ``borderline`` (some cues, plausibly a
genuine offer) and ``benign``. ``group`` names a family of near-duplicates (same template, changed
names, phones, cities or amounts); a post alone in its group should stay out of clusters.
Run ``python tests/osint/corpus/make_corpus.py`` after editing; the output is committed.
"""

from __future__ import annotations

import json
from pathlib import Path

POSTS: list[dict] = []


def add(text: str, lang: str, label: str, group: str = "", **meta: str) -> None:
    number = len(POSTS) + 1
    POSTS.append({"id": f"p{number:03d}", "text": text, "lang": lang, "label": label,
                  "group": group or f"single-{number:03d}", **meta})


# --- family A (en, risky): karaoke in Macau; names, phones and amounts change; one hides digits
A = "Young girls wanted for karaoke in Macau! Salary {pay} USD per week, free visa and ticket. No experience needed. Contact {name} {phone}"
for name, pay, phone, city, day, note in [
    ("Anna", "3000", "88000011", "Ulaanbaatar", "2026-03-01", ""),
    ("Sara", "3500", "99000022", "Darkhan", "2026-03-04", ""),
    ("Mira", "3000", "nine nine zero zero zero zero two two", "Erdenet", "2026-03-09", "spelled digits"),
    ("Tuya", "4000", "8 8 0 0 0 0 1 1", "Ulaanbaatar", "2026-03-15", "spaced digits"),
    ("Zola", "3000", "95000033", "Choibalsan", "2026-03-20", ""),
]:
    add(A.format(name=name, pay=pay, phone=phone), "en", "risky", "A", author=name.lower(), location=city,
        posted_at=day, obfuscation=note)

# --- family B (mn Cyrillic, risky): massage in Korea; one with emoji and full-width digits
B = ("Солонгост массажны газарт {age} насны залуу бүсгүйчүүд авна. Өндөр цалинтай, виз онгоцны тийз үнэгүй, "
     "байр хоол үнэгүй. Туршлага шаардлагагүй. Яаралтай! {name} утас {phone}")
for name, age, phone, city, day, note in [
    ("Сараа", "18-25", "94000066", "Улаанбаатар", "2026-04-02", ""),
    ("Номин", "18-26", "86000055", "Дархан", "2026-04-03", ""),
    ("Оюука", "18-25", "9️⃣4️⃣0️⃣0️⃣0️⃣0️⃣6️⃣6️⃣", "Эрдэнэт", "2026-04-06", "emoji digits"),
    ("Золоо", "19-25", "８６００００５５", "Улаанбаатар", "2026-04-11", "full-width digits"),
    ("Ану", "18-25", "есөн дөрөв тэг тэг тэг тэг зургаа зургаа", "Мөрөн", "2026-04-12", "spelled digits"),
]:
    add(B.format(name=name, age=age, phone=phone), "mn", "risky", "B", author=name, location=city,
        posted_at=day, obfuscation=note)

# --- family C (mn Latin, risky): waitress in Erlian with advance and passport kept
C = ("Ereend zuugch busguichuud avna, {pay} sai tsalintai. Bair hool unegui, urichilgaa ugnu. "
     "Pasportiig hadgalna. Zuvhun telegramaar holbogdono: @{handle}")
for handle, pay, city, day in [("ereen_job1", "3", "Zamiin-Uud", "2026-05-01"),
                               ("ereen_job2", "4", "Sainshand", "2026-05-03"),
                               ("ereen_ajil", "3", "Ulaanbaatar", "2026-05-08"),
                               ("ereen_job1", "5", "Choir", "2026-05-10")]:
    add(C.format(handle=handle, pay=pay), "mn-Latn", "risky", "C", author=handle, location=city, posted_at=day)

# --- family D (en, risky): scam-compound "typing job" in Cambodia
D = ("Hiring now: online casino customer service in {city}. Earn up to 2000 USD, flight ticket provided, "
     "no interview. Send passport copy on WhatsApp {phone}. Limited places!")
for city, phone, day in [("Cambodia", "+855 12 000 011", "2026-06-01"), ("Sihanoukville, Cambodia", "+855 12 000 022", "2026-06-02"),
                         ("Cambodia", "+855 12 000 011", "2026-06-05"), ("Myanmar", "+855 12 000 033", "2026-06-09")]:
    add(D.format(city=city, phone=phone), "en", "risky", "D", location="Ulaanbaatar", posted_at=day)

# --- family E (mn Cyrillic, risky): nanny in Japan with a registration fee
E = ("Японд хүүхэд асрагч авна. Хэл мэдэхгүй байсан ч болно. Бүртгэлийн хураамж {fee} төгрөг, визийг бид гаргана. "
     "Паспортын хуулбар явуулна уу. Холбоо барих: {mail}")
for fee, mail, day in [("300,000", "tokyo.asragch@gmail.com", "2026-02-01"), ("350,000", "tokyo.asragch@gmail.com", "2026-02-08"),
                       ("300,000", "japan.nanny.mn@gmail.com", "2026-02-14"), ("250,000", "tokyo.asragch [at] gmail [dot] com", "2026-02-20")]:
    add(E.format(fee=fee, mail=mail), "mn", "risky", "E", posted_at=day, location="Улаанбаатар")

# --- family F (mn Cyrillic, risky): hostess in Turkey / Dubai, one phone across many cities
F = ("{dest} хостесс, бүжигчин хэрэгтэй. Сард {pay} доллар. Тийзийг компани хариуцна. 18-25 насны, өндөр 165-аас дээш. "
     "Ярилцлагагүй, маргааш явна. Утас {phone}")
for dest, pay, phone, city in [("Истанбулд", "4000", "80000044", "Улаанбаатар"), ("Дубайд", "5000", "80000044", "Эрдэнэт"),
                               ("Истанбулд", "4500", "8000 0044", "Дархан")]:
    add(F.format(dest=dest, pay=pay, phone=phone), "mn", "risky", "F", location=city, posted_at="2026-07-01")

# --- family G (en, benign): a real-looking construction employer reposting
G = ("{company} is hiring {role} for projects in Ulaanbaatar. Requirements: 3 years experience, safety certificate. "
     "Interview at our office, 4th floor, Peace Avenue 17. Call the office on {phone} or apply at {site}")
for company, role, phone, site in [("Khan Build LLC", "welders", "7000 0011", "khanbuild-example.mn"),
                                   ("Khan Build LLC", "electricians", "7000 0011", "khanbuild-example.mn"),
                                   ("Khan Build LLC", "crane operators", "7000 0011", "khanbuild-example.mn")]:
    add(G.format(company=company, role=role, phone=phone, site=site), "en", "benign", "G", posted_at="2026-03-10")

# --- family H (mn Cyrillic, benign): school reposting a teacher vacancy
H = ("{school} сургууль {subject} багш авна. Багшийн мэргэжилтэй, 2-оос дээш жил ажилласан туршлагатай байх. "
     "Анкетаа сургуулийн захиргаанд биечлэн ирж өгнө үү. Утас 7700 0011")
for school, subject in [("Нарны", "математикийн"), ("Нарны", "англи хэлний"), ("Нарны", "физикийн")]:
    add(H.format(school=school, subject=subject), "mn", "benign", "H", posted_at="2026-08-20")

# --- singletons, English
for text, label, note in [
    ("Pretty ladies for VIP service in Seoul night club. Easy money, we pay your ticket. Inbox me.", "risky", ""),
    ("Massage therapists needed in Dubai, free accommodation, good salary, agency fee 500 USD, start immediately.", "risky", ""),
    ("Girls 18-23 wanted as models abroad. High salary. We keep passports for safety. WhatsApp only.", "risky", ""),
    ("Work abroad in Korea! No experience needed, free visa, loan available for travel. Call 99 00 00 77", "risky", "spaced digits"),
    ("Dancers wanted for a club in Istanbul, 4000 USD per month, flights covered, no interview. Telegram: @ist_stage", "risky", ""),
    ("Looking for girls only, age 18-25, good-looking, for hostess work in Macau. Contact: nine nine zero zero, zero zero six six", "risky", "spelled digits"),
    ("Seasonal fruit pickers needed in Korea under the government EPS programme. Visa through the official labour office, "
     "no agency fees. Korean language test required.", "borderline", ""),
    ("Hotel in Tokyo hiring housekeeping staff, Japanese N4 required, accommodation provided, interview online.", "borderline", ""),
    ("Nanny wanted for a family in Beijing, must speak English, contract through a registered agency.", "borderline", ""),
    ("Waitress needed for a cafe in Ulaanbaatar city centre, evening shifts, apply in person.", "benign", ""),
    ("Selling a used Toyota Prius 2015, good condition, call 88 00 00 99 after 6pm.", "benign", ""),
    ("Our English club meets every Saturday at the public library. Everyone is welcome, free of charge.", "benign", ""),
    ("Accountant needed: degree in finance, 5 years experience required, send CV to hr@steppe-trade-example.mn", "benign", ""),
    ("Flights to Seoul on sale this week, book at the airline office on Chinggis Avenue.", "benign", ""),
    ("Urgent: looking for a lost cat near the 3rd microdistrict, reward offered.", "benign", ""),
    ("Karaoke night at our restaurant on Friday! Families welcome, live music from 7pm.", "benign", ""),
]:
    add(text, "en", label, obfuscation=note)

# --- singletons, Mongolian Cyrillic
for text, label, note in [
    ("Хятадад караоке бааранд хөөрхөн охид авна. Өдөрт 300$ олно. Урьдчилгаа олгоно. Инбоксоор бичээрэй.", "risky", ""),
    ("Макаод казинод ажиллах залуу эмэгтэйчүүд хэрэгтэй. Виз, онгоцны тийз үнэгүй. Паспортыг хадгална.", "risky", ""),
    ("Солонгост ажил! Туршлага шаардлагагүй, сард 6 сая. Зээл олгоно, цалингаас суутгана. Утас 9 9 0 0 0 0 8 8", "risky", "spaced digits"),
    ("Эрээнд шөнийн клубт бүжигчин авна. Байраар хангана. Яаралтай. Утас: найман найман тэг тэг тэг тэг тав тав", "risky", "spelled digits"),
    ("Дубайд зочид буудалд үйлчлэгч авна. Англи хэлтэй байх. Виз болон тийзийг ажил олгогч хариуцна, гэрээ хийнэ.", "borderline", ""),
    ("Солонгос улсад хөдөлмөр эрхлэх EPS хөтөлбөрийн солонгос хэлний шалгалтын бүртгэл эхэллээ. Хөдөлмөр халамжийн газар.", "borderline", ""),
    ("Японд техникийн дадлагажигч. Хэлний сургалт 6 сар, байр хоолтой. Албан ёсны зуучлагч байгууллага.", "borderline", ""),
    ("Дэлгүүрт худалдагч авна. Ажлын цаг 9-18. Анкетаа биечлэн авчирна уу. Утас 7700 0022", "benign", ""),
    ("Хүүхдийн цэцэрлэгт тогооч авна. Мэргэжлийн үнэмлэхтэй байх. Цалин тохиролцоно.", "benign", ""),
    ("Зарна: 2 өрөө байр, 5-р хороолол, 9 давхар. Үнэ 180 сая төгрөг.", "benign", ""),
    ("Монгол бичгийн үнэгүй сургалт бямба гаригт номын санд болно. Бүх насныхан хамрагдана.", "benign", ""),
    ("Эмэгтэйчүүдийн сагсан бөмбөгийн тэмцээн энэ амралтын өдөр спорт ордонд болно.", "benign", ""),
]:
    add(text, "mn", label, obfuscation=note)

# --- singletons, Mongolian in Latin letters (and one with look-alike letters)
for text, label, note in [
    ("Solongost massajnii gazart zaluu busguichuud avna, undur tsalintai, viz tiiz unegui. Utas 95000077", "risky", ""),
    ("Yapon ruu hostess avna, 18-25 nastai, gadaad turh sain. Burtgeliin huraamj 200 myanga. Inboxoor bicheerei", "risky", ""),
    ("Makaod kazinod ajil, amarhan mungu, margaash yavna. Tg: @makao_vip", "risky", ""),
    ("Ereend ajil bn. Hool bair unegui. Sain tsalintai. Holbogdoh utas 9400 0099", "borderline", ""),
    ("Barilgiin tsahilgaanchin avna, turshlagatai baih, ajliin bair Ulaanbaatar. Utas 7000 0033", "benign", ""),
    ("Manai delguurt hudaldagch avna, tsagiin huvaari uyan. Anketaa irj ugnu uu.", "benign", ""),
    ("Неw jоbs in Kоreа for уоung girls, VIР sеrviсе, еаsy mоnеy, frее visа. Саll 99O0OO44", "risky", "look-alike letters and digits"),
]:
    add(text, "en" if note else "mn-Latn", label, obfuscation=note)


def main() -> None:
    out = Path(__file__).with_name("corpus.jsonl")
    with out.open("w", encoding="utf-8") as fh:
        for post in POSTS:
            fh.write(json.dumps(post, ensure_ascii=False) + "\n")
    print(f"{out}: {len(POSTS)} posts")


if __name__ == "__main__":
    main()
