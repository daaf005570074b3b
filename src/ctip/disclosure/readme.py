"""What a published release says about itself, in English and Mongolian: the README texts and the summary the
public dashboard shows ("About this data").

Both come from the same sentences, so the page and the files agree word for word (the citation above all).
Every text here is public: it names only the protected files (``PUBLIC_FILES``), says that the quality and
risk report is internal without pointing to it, and never carries a release's seed.

>>> manifest = {"id": "tables-1", "method": "aggregates-k", "parameters": {"k": 11}, "epsilon": None,
...             "delta": None, "created_at": "2026-01-02T03:04:05+00:00", "dataset_version": "ab" * 32,
...             "records": None}
>>> summary(manifest, "en")["method_name"]
'protected tables'
>>> render(manifest, "mn").splitlines()[0]
'# Нийтлэл tables-1'
"""

from __future__ import annotations

import json
from pathlib import Path

LANGUAGES = ("en", "mn")

# The only files of a release folder that may leave the platform, and the README's name in each language.
PUBLIC_FILES = ("records.csv", "records_generalised.csv", "aggregates.csv", "README.md", "README.mn.md")
README_NAMES = {"en": "README.md", "mn": "README.mn.md"}

METHOD_NAMES = {
    "kanon": {"en": "k-anonymous microdata", "mn": "k-нэргүйжүүлсэн бичил өгөгдөл"},
    "aggregates-k": {"en": "protected tables", "mn": "хамгаалсан тооны хүснэгт"},
    "aggregates-dp": {"en": "differentially private tables", "mn": "дифференциал нууцлалтай тооны хүснэгт"},
    "synthetic": {"en": "differentially private synthetic records",
                  "mn": "дифференциал нууцлалтай синтетик бүртгэл"},
}

METHOD_TEXTS = {
    "kanon": {
        "en": "Real records, one line per victim, changed so that every combination of values is shared by at "
              "least k people: values that would single someone out are made coarser (a wider age band, a "
              "period of years, a region instead of a country) or left empty, and records that cannot be "
              "protected that way are removed.",
        "mn": "Бодит бүртгэл, хохирогч бүрд нэг мөр. Утгуудын аливаа хослол дор хаяж k хүнд давхцахаар "
              "өөрчилсөн: хэн нэгнийг ялгаж таниулж болох утгыг бүдүүвчилсэн (илүү өргөн насны бүлэг, хэдэн "
              "оны хугацаа, улсын оронд бүс нутаг) эсвэл хоосон үлдээсэн, ингэж хамгаалж болохгүй бүртгэлийг "
              "хассан.",
    },
    "aggregates-k": {
        "en": "Tables of counts only, no individual records: the number of people who share a combination of "
              "values is published only when it is at least k; smaller counts, and any other count from which "
              "they could be worked out, are hidden.",
        "mn": "Зөвхөн тооны хүснэгт, хувь хүний бүртгэл байхгүй: утгуудын нэг хослолтой хүмүүсийн тоог "
              "k-аас багагүй үед л нийтэлнэ; түүнээс бага тоо болон тэдгээрийг тооцоолж гаргаж болох бусад "
              "тоог нуусан.",
    },
    "aggregates-dp": {
        "en": "Tables of counts only, no individual records: a measured amount of random noise is added to "
              "every count, so that no published figure depends noticeably on any one person.",
        "mn": "Зөвхөн тооны хүснэгт, хувь хүний бүртгэл байхгүй: тоо бүрт тооцоолсон хэмжээний санамсаргүй "
              "шуугиан нэмсэн тул нийтэлсэн ямар ч тоо аль нэг хүнээс мэдэгдэхүйц хамаардаггүй.",
    },
    "synthetic": {
        "en": "Invented records, one line per imaginary victim, drawn from a statistical model of the real "
              "records that was learnt with random noise added: they keep the main patterns of the real data, "
              "but no line is a real person.",
        "mn": "Зохиомол бүртгэл, төсөөллийн хохирогч бүрд нэг мөр. Бодит бүртгэлээс санамсаргүй шуугиан "
              "нэмж сурсан статистик загвараас гаргасан: бодит өгөгдлийн гол хэв маягийг хадгалдаг ч аль ч мөр "
              "нь бодит хүн биш.",
    },
}

TEXTS = {
    "en": {
        "title": "Release {id}",
        "method": "Method",
        "parameters": "Parameters",
        "privacy": "Privacy",
        "created": "Created",
        "created_value": "{date} from dataset version {version}",
        "records": "Records",
        "tables_only": "none: tables of counts only",
        "files": "Files",
        "percentages": "Computing percentages",
        "cite": "How to cite",
        "dp": "ε = {epsilon}, δ = {delta} (differential privacy).",
        "dp_meaning": "ε (epsilon) bounds how much the release can reveal about any one person (smaller is "
                      "safer); δ (delta) is the small probability that this bound does not hold.",
        "kanon": "k = {k} (every combination of the released values is shared by at least {k} records); no "
                 "differential-privacy budget is spent.",
        "threshold": "k = {k} (threshold: no published count is below {k}); no differential-privacy budget is "
                     "spent.",
        "records.csv": "the records, one line each, in the format of the CTDC v2024 codebook (27 variables; "
                       "yes/no fields are `1` or empty).",
        "records.csv kanon": "the records, one line each, in the format of the CTDC v2024 codebook (27 "
                             "variables; yes/no fields are `1` or empty), with every generalised value written empty so "
                             "that any CTDC v2024 reader accepts the file.",
        "records_generalised.csv": "the same records with their generalised values (`18--29` is a wider age "
                                   "band, `2015--2019` a period, `M49:030` a UN M49 (sub-)region).",
        "aggregates.csv": "the protected counts: `attributes` and `values` (`;`-joined, in the same order) and "
                          "`count`.",
        "README.md": "this description in English.",
        "README.mn.md": "this description in Mongolian.",
        "internal": "The release's quality and risk report is internal, not for publication: its figures are "
                    "computed from the real records without noise. Only the files above are published.",
        "percent_rule": "For a group of yes/no fields (means of control, type of exploitation, labour sector, "
                        "sexual exploitation, relation to the recruiter), divide by the number of records with "
                        "at least one `1` in that group, as the CTDC codebook recommends, and state that "
                        "denominator with every percentage.",
        "percent_short": "Divide by the records with at least one value recorded in the group of fields "
                         "concerned, not by all records, and state that denominator with every percentage.",
        "estimates": "Synthetic and noisy counts are estimates: small counts carry mostly noise.",
        "citation": "Source: ctip collaborative dataset, release {id} ({date}), {method}. Cite the contributing "
                    "organisations; never attempt to re-identify anyone.",
    },
    "mn": {
        "title": "Нийтлэл {id}",
        "method": "Арга",
        "parameters": "Параметрүүд",
        "privacy": "Нууцлал",
        "created": "Үүсгэсэн",
        "created_value": "{date}, өгөгдлийн хувилбар {version}",
        "records": "Бүртгэлийн тоо",
        "tables_only": "байхгүй: зөвхөн тооны хүснэгт",
        "files": "Файлууд",
        "percentages": "Хувийг тооцох нь",
        "cite": "Иш татах",
        "dp": "ε = {epsilon}, δ = {delta} (дифференциал нууцлал).",
        "dp_meaning": "ε (эпсилон) нь нийтлэл аль нэг хүний талаар хэр их зүйл илрүүлж болохыг хязгаарлана "
                      "(бага байх тусам аюулгүй); δ (дельта) нь энэ хязгаар алдагдах бага магадлал.",
        "kanon": "k = {k} (нийтэлсэн утгуудын хослол бүр дор хаяж {k} бүртгэлд давхцана); дифференциал "
                 "нууцлалын төсөв зарцуулаагүй.",
        "threshold": "k = {k} (босго: нийтэлсэн ямар ч тоо {k}-аас бага биш); дифференциал нууцлалын төсөв "
                     "зарцуулаагүй.",
        "records.csv": "бүртгэл бүр нэг мөрөнд, CTDC v2024 кодын дэвтрийн хэлбэрээр (27 хувьсагч; тийм/үгүй "
                       "талбар нь `1` эсвэл хоосон).",
        "records.csv kanon": "бүртгэл бүр нэг мөрөнд, CTDC v2024 кодын дэвтрийн хэлбэрээр (27 хувьсагч; "
                             "тийм/үгүй талбар нь `1` эсвэл хоосон); бүдүүвчилсэн утга бүрийг хоосон бичсэн тул "
                             "CTDC v2024-ийг уншдаг аль ч програм файлыг хүлээн авна.",
        "records_generalised.csv": "ижил бүртгэлүүд бүдүүвчилсэн утгатайгаа (`18--29` нь илүү өргөн насны "
                                   "бүлэг, `2015--2019` нь хугацаа, `M49:030` нь НҮБ-ын M49 бүс нутаг).",
        "aggregates.csv": "хамгаалсан тоонууд: `attributes` ба `values` (`;`-ээр холбосон, ижил дарааллаар), "
                          "`count`.",
        "README.md": "энэ тайлбар англи хэлээр.",
        "README.mn.md": "энэ тайлбар монгол хэлээр.",
        "internal": "Нийтлэлийн чанар ба эрсдэлийн тайлан дотоод хэрэгцээнд зориулагдсан, нийтлэхгүй: түүний "
                    "тоонуудыг бодит бүртгэлээс шуугиангүйгээр тооцсон. Зөвхөн дээрх файлуудыг нийтэлнэ.",
        "percent_rule": "Тийм/үгүй талбаруудын бүлгийн хувьд (хяналтын арга, мөлжлөгийн төрөл, хөдөлмөрийн "
                        "салбар, бэлгийн мөлжлөг, элсүүлэгчтэй холбоо) CTDC-ийн кодын дэвтрийн зөвлөмжийн дагуу "
                        "тухайн бүлэгт дор хаяж нэг `1` бүхий бүртгэлийн тоонд хувааж, хувь бүрийн хамт энэ "
                        "хуваарийг заана уу.",
        "percent_short": "Хувийг бүх бүртгэлд биш, тухайн бүлгийн талбаруудын дор хаяж нэгд утга бүртгэгдсэн "
                         "бүртгэлийн тоонд хувааж, хувь бүрийн хамт энэ хуваарийг заана уу.",
        "estimates": "Синтетик болон шуугиантай тоо нь ойролцоо үнэлгээ: бага тоонд ихэвчлэн шуугиан давамгайлна.",
        "citation": "Эх сурвалж: ctip хамтын өгөгдлийн сан, нийтлэл {id} ({date}), {method}. Хувь нэмэр "
                    "оруулсан байгууллагуудыг дурдана уу; хэн нэгнийг дахин таних гэж хэзээ ч бүү оролд.",
    },
}


def _lang(lang: str) -> str:
    return lang if lang in LANGUAGES else "en"


def method_name(method: str, lang: str = "en") -> str:
    """The method in plain words (``kanon`` -> "k-anonymous microdata"); an unknown code is returned as is."""
    return METHOD_NAMES.get(method, {}).get(_lang(lang), method)


def privacy_text(manifest: dict, lang: str = "en") -> str:
    """The privacy parameters in a sentence: ε and δ for a differentially private release, else k."""
    t = TEXTS[_lang(lang)]
    if manifest.get("epsilon") is not None:
        return t["dp"].format(epsilon=f"{manifest['epsilon']:g}", delta=f"{manifest.get('delta') or 0:g}")
    k = (manifest.get("parameters") or {}).get("k")
    if k is None:
        return ""
    return t["kanon" if manifest.get("method") == "kanon" else "threshold"].format(k=k)


def citation(manifest: dict, lang: str = "en") -> str:
    """How to cite the release (the same text in its README and on the public dashboard)."""
    return TEXTS[_lang(lang)]["citation"].format(id=manifest["id"], date=(manifest.get("created_at") or "")[:10],
                                                 method=method_name(manifest.get("method", ""), lang))


def summary(manifest: dict, lang: str = "en") -> dict:
    """The public facts of a release in ``lang``: method name and explanation, privacy parameters and what ε/δ
    mean (DP only), number of records (None for tables only), how to compute percentages, citation."""
    t = TEXTS[_lang(lang)]
    method = manifest.get("method", "")
    return {
        "id": manifest["id"], "method_name": method_name(method, lang),
        "method_text": METHOD_TEXTS.get(method, {}).get(_lang(lang), ""),
        "privacy": privacy_text(manifest, lang),
        "privacy_meaning": t["dp_meaning"] if manifest.get("epsilon") is not None else "",
        "records": manifest.get("records"), "percentages": t["percent_short"], "citation": citation(manifest, lang),
    }


def release_manifest(path: Path) -> dict:
    """A release folder's manifest, with ``records`` counted from ``records.csv`` when an older manifest
    lacks it (None when the release has no records)."""
    manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
    records = path / "records.csv"
    if manifest.get("records") is None and records.is_file():
        with records.open("rb") as f:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
        manifest["records"] = max(lines - 1, 0)
    return manifest


def _file_lines(manifest: dict, t: dict) -> list[str]:
    names = ["records.csv", "records_generalised.csv"] if manifest.get("records") is not None else []
    if manifest.get("method") != "kanon":
        names = names[:1]
    lines = []
    for name in [*names, "aggregates.csv", "README.md", "README.mn.md"]:
        key = "records.csv kanon" if name == "records.csv" and manifest.get("method") == "kanon" else name
        lines.append(f"- `{name}`: {t[key]}")
    return lines


def render(manifest: dict, lang: str = "en") -> str:
    """The release's README in ``lang`` (Markdown): method in plain words, parameters, privacy, date, records,
    files, how to compute percentages, how to cite. Written at creation, before any publication."""
    t, facts = TEXTS[_lang(lang)], summary(manifest, lang)
    privacy = " ".join(p for p in (facts["privacy"], facts["privacy_meaning"]) if p)
    records = manifest["records"] if manifest.get("records") is not None else t["tables_only"]
    created = t["created_value"].format(date=manifest["created_at"], version=manifest["dataset_version"][:12])
    files = "\n".join(_file_lines(manifest, t))
    parameters = {k: v for k, v in (manifest.get("parameters") or {}).items() if k != "seed"}  # never public
    return f"""# {t['title'].format(id=manifest['id'])}

- {t['method']}: **{facts['method_name']}**. {facts['method_text']}
- {t['parameters']}: `{json.dumps(parameters, ensure_ascii=False)}`
- {t['privacy']}: {privacy}
- {t['created']}: {created}
- {t['records']}: {records}

## {t['files']}
{files}

{t['internal']}

## {t['percentages']}
{t['percent_rule']} {t['estimates']}

## {t['cite']}
{facts['citation']}
"""
