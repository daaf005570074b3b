"""The sentences that explain a suggestion, in English and Mongolian.

A :class:`Reason` stores a message key and its values (codes stay codes); it is rendered in a
language only when asked, so one suggestion can be shown in either language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ctip import vocab

MESSAGES: dict[str, dict[str, str]] = {
    "child_documented": {
        "en": "The person is a child: the documented age {age} is under 18.",
        "mn": "Баримтаар нотлогдсон нас нь {age} буюу 18-аас доош тул хүүхэд юм.",
    },
    "adult_documented": {
        "en": "The person is an adult: the documented age is {age}.",
        "mn": "Баримтаар нотлогдсон нас нь {age} тул насанд хүрсэн хүн юм.",
    },
    "child_presumed_missing": {
        "en": "The age is not known and the person appears to be a child, so they are presumed to be a child "
              "and protected as one until their age is verified (Council of Europe Convention, Art. 10(3)).",
        "mn": "Нас нь тодорхойгүй боловч хүүхэд шиг харагдаж байгаа тул насыг нь тогтоох хүртэл хүүхэд гэж "
              "үзэж, хүүхдийн адил хамгаална (Европын Зөвлөлийн конвенц, 10 дугаар зүйлийн 3).",
    },
    "child_presumed_estimated": {
        "en": "The age {age} is only an estimate and the person appears to be a child, so they are presumed to be "
              "a child and protected as one until their age is verified (Council of Europe Convention, Art. 10(3)).",
        "mn": "{age} нас нь зөвхөн тооцоолол бөгөөд хүүхэд шиг харагдаж байгаа тул насыг нь тогтоох хүртэл "
              "хүүхэд гэж үзэж, хүүхдийн адил хамгаална (Европын Зөвлөлийн конвенц, 10 дугаар зүйлийн 3).",
    },
    "adult_presumed_missing": {
        "en": "The age is not known and the person does not appear to be a child: treated as an adult until the "
              "age is established.",
        "mn": "Нас нь тодорхойгүй бөгөөд хүүхэд шиг харагдахгүй байгаа тул насыг нь тогтоох хүртэл насанд "
              "хүрсэн гэж үзнэ.",
    },
    "adult_presumed_estimated": {
        "en": "The age {age} is only an estimate and the person does not appear to be a child: treated as an "
              "adult until the age is verified.",
        "mn": "{age} нас нь зөвхөн тооцоолол бөгөөд хүүхэд шиг харагдахгүй байгаа тул насыг нь тогтоох хүртэл "
              "насанд хүрсэн гэж үзнэ.",
    },
    "estimated_under_18": {
        "en": "The estimated age {age} is under 18: if there is any reason to believe the person is a child, "
              "record that they appear to be a child.",
        "mn": "Тооцоолсон нас {age} нь 18-аас доош байна: хүүхэд байж болзошгүй гэх аливаа үндэслэл байвал "
              "хүүхэд шиг харагдаж байна гэж тэмдэглэнэ үү.",
    },
    "act_yes": {"en": "Act present: {acts}.", "mn": "Үйлдэл байгаа: {acts}."},
    "act_no": {"en": "The act was examined and found absent.",
               "mn": "Үйлдлийг шалгаад байхгүй гэж тогтоосон."},
    "act_unknown": {
        "en": "The act is not yet established: no recruitment, transportation, transfer, harbouring or receipt "
              "is recorded.",
        "mn": "Үйлдэл хараахан тогтоогдоогүй: элсүүлэх, тээвэрлэх, шилжүүлэх, нууж байрлуулах, хүлээн авах "
              "үйлдэл тэмдэглэгдээгүй.",
    },
    "means_not_required": {
        "en": "Means are not required because the person is a child: act and purpose suffice (Palermo Protocol, "
              "Art. 3(c)).",
        "mn": "Хүүхэд тул арга хэрэгсэл шаардлагагүй: үйлдэл ба зорилго хангалттай (Палермогийн протокол, "
              "3 дугаар зүйлийн (c)).",
    },
    "means_yes": {"en": "Means present: {means}.", "mn": "Арга хэрэгсэл байгаа: {means}."},
    "means_indicators": {
        "en": "Methods of control recorded, each evidence of means: {indicators}.",
        "mn": "Хяналт тогтоох арга тэмдэглэгдсэн, тус бүр нь арга хэрэгслийн нотолгоо: {indicators}.",
    },
    "means_no": {"en": "The means were examined and found absent.",
                 "mn": "Арга хэрэгслийг шалгаад байхгүй гэж тогтоосон."},
    "means_unknown": {
        "en": "The means are not yet established: no threat, force, coercion, abduction, fraud, deception, abuse "
              "of power or vulnerability, payment or method of control is recorded.",
        "mn": "Арга хэрэгсэл хараахан тогтоогдоогүй: заналхийлэл, хүч хэрэглэх, албадлага, хулгайлах, залилах, "
              "хууран мэхлэх, эрх мэдэл буюу эмзэг байдлыг далимдуулах, төлбөр өгөх, хяналт тогтоох арга "
              "тэмдэглэгдээгүй.",
    },
    "purpose_yes": {"en": "Purpose of exploitation present: {purposes}.",
                    "mn": "Мөлжлөгийн зорилго байгаа: {purposes}."},
    "purpose_no": {"en": "The purpose of exploitation was examined and found absent.",
                   "mn": "Мөлжлөгийн зорилгыг шалгаад байхгүй гэж тогтоосон."},
    "purpose_unknown": {"en": "The purpose of exploitation is not yet established.",
                        "mn": "Мөлжлөгийн зорилго хараахан тогтоогдоогүй."},
    "consent_irrelevant": {
        "en": "Any consent the person gave is irrelevant and was not considered (Palermo Protocol, Art. 3(b) "
              "and (c)).",
        "mn": "Тухайн хүн зөвшөөрсөн эсэх нь ач холбогдолгүй тул харгалзаагүй (Палермогийн протокол, "
              "3 дугаар зүйлийн (b), (c)).",
    },
    "status_actual": {
        "en": "All required elements are present ({elements}): the suggested status is actual victim of "
              "trafficking.",
        "mn": "Шаардлагатай бүх бүрэлдэхүүн ({elements}) байгаа тул хүний наймааны хохирогч гэж санал "
              "болгож байна.",
    },
    "status_not": {
        "en": "A required element was examined and found absent ({elements}): the suggested status is not a "
              "victim of trafficking.",
        "mn": "Шаардлагатай бүрэлдэхүүн ({elements}) байхгүй гэж тогтоогдсон тул хүний наймааны хохирогч биш "
              "гэж санал болгож байна.",
    },
    "status_possible": {
        "en": "Required elements are not yet established ({elements}): the suggested status is possible victim "
              "of trafficking, which already makes the person eligible for assistance.",
        "mn": "Шаардлагатай бүрэлдэхүүн ({elements}) хараахан тогтоогдоогүй тул хүний наймааны хохирогч байж "
              "болзошгүй гэж санал болгож байна; энэ нь туслалцаа авах эрхийг аль хэдийн олгоно.",
    },
    "review_child": {
        "en": "The person is a child: a negative suggestion must be reviewed by a supervisor and never closes "
              "the case on its own.",
        "mn": "Хүүхэд тул сөрөг саналыг удирдах ажилтан заавал хянана; энэ санал хэргийг дангаараа хаахгүй.",
    },
    "suggestion_only": {
        "en": "This is a suggestion with its reasons, not a decision: an authorised person decides on "
              "identification.",
        "mn": "Энэ бол үндэслэл бүхий санал болохоос шийдвэр биш: хохирогчийг тогтоох шийдвэрийг эрх бүхий "
              "хүн гаргана.",
    },
}


def _in_sentence(label: str) -> str:
    """A label as it reads inside a sentence: first letter lowered unless it starts an acronym."""
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


@dataclass(frozen=True)
class Codes:
    """Codes of a scheme, rendered as their labels joined by commas."""

    scheme: str
    codes: tuple[str, ...]

    def render(self, lang: str) -> str:
        return ", ".join(_in_sentence(vocab.label(self.scheme, c, lang)) for c in self.codes)


@dataclass(frozen=True)
class Indicators:
    """Methods of control, each with the Palermo means it is evidence of."""

    codes: tuple[str, ...]

    def render(self, lang: str) -> str:
        table = vocab.mapping("htcds.vic_MethodsOfControl->palermo.means")
        parts = []
        for code in self.codes:
            text = _in_sentence(vocab.label("htcds.vic_MethodsOfControl", code, lang))
            if table[code]:
                text += f" ({Codes('palermo.means', table[code]).render(lang)})"
            parts.append(text)
        return "; ".join(parts)


@dataclass(frozen=True)
class Reason:
    """One sentence of explanation: a message key and its values."""

    key: str
    values: Mapping[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        template = MESSAGES[self.key]["mn" if lang == "mn" else "en"]
        rendered = {k: v.render(lang) if hasattr(v, "render") else v for k, v in self.values.items()}
        return template.format(**rendered)
