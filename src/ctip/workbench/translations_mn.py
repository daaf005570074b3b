"""Mongolian strings of the OSINT workspace (``python scripts/po.py workbench`` compiles them)."""

MN = {
    # notice shown on every page
    "Scores are triage, not evidence.": "Оноо нь зөвхөн эрэмбэлэлт, нотлох баримт биш.",
    "They say which posts to read first, never that trafficking took place. Read the post and check it before acting.":
        "Аль нийтлэлийг түрүүлж уншихыг заана, хүн худалдаалсан гэдгийг хэзээ ч батлахгүй. "
        "Арга хэмжээ авахаас өмнө нийтлэлийг уншиж, шалгана уу.",
    # home
    "OSINT workspace": "OSINT ажлын орчин",
    "Screen collected online posts for trafficking red flags, extract identifiers and see the networks behind them. "
    "Data here is kept apart from case data, and every access is logged.":
        "Цуглуулсан онлайн нийтлэлээс хүн худалдаалах эрсдэлийн шинж тэмдгийг илрүүлж, таних тэмдгийг ялгаж, "
        "тэдгээрийн цаадах сүлжээг харна. Эдгээр өгөгдлийг хэргийн өгөгдлөөс тусад нь хадгалж, хандалт бүрийг бүртгэнэ.",
    "Upload collected posts": "Цуглуулсан нийтлэл байршуулах",
    "Upload and scan": "Байршуулж шалгах",
    "Scans": "Шалгалтууд",
    "Name": "Нэр",
    "Uploaded": "Байршуулсан",
    "By": "Хэн",
    "Posts": "Нийтлэлүүд",
    "Flagged": "Тэмдэглэсэн",
    "Clusters": "Кластерууд",
    "Files skipped": "Алгассан файл",
    "No scans yet.": "Одоогоор шалгалт алга.",
    # results
    "%(posts)s posts, %(flagged)s flagged, %(clusters)s clusters.":
        "%(posts)s нийтлэл, %(flagged)s тэмдэглэсэн, %(clusters)s кластер.",
    "Download:": "Татах:",
    "offline report": "офлайн тайлан",
    "chain of custody": "нотлох баримтын хадгалалтын бүртгэл",
    "Files skipped: %(n)s": "Алгассан файл: %(n)s",
    "Cluster": "Кластер",
    "Risk": "Эрсдэл",
    "Template": "Загвар",
    "linked by identifiers": "таних тэмдгээр холбогдсон",
    "Filter": "Шүүх",
    "Clear": "Цэвэрлэх",
    "%(n)s matching posts": "Тохирох нийтлэл: %(n)s",
    "Post": "Нийтлэл",
    "Red flags": "Эрсдэлийн шинж тэмдэг",
    "Language": "Хэл",
    "Text": "Бичвэр",
    "No posts match these filters.": "Эдгээр шүүлтүүрт тохирох нийтлэл алга.",
    "Pages": "Хуудсууд",
    "Previous": "Өмнөх",
    "Page %(n)s of %(total)s": "%(total)s хуудасны %(n)s",
    "Next": "Дараах",
    # post
    "risk score": "эрсдэлийн оноо",
    "cluster": "кластер",
    "Source file": "Эх файл",
    "line": "мөр",
    "Posted": "Нийтэлсэн",
    "Platform": "Платформ",
    "Author": "Зохиогч",
    "Location": "Байршил",
    "Text with red flags highlighted": "Эрсдэлийн шинж тэмдгийг тодруулсан бичвэр",
    "Hits": "Илэрцүүд",
    "Matched text": "Тохирсон бичвэр",
    "Family": "Бүлэг",
    "Rule": "Дүрэм",
    "Strength": "Хүч",
    "Position": "Байрлал",
    "No rule fired.": "Ямар ч дүрэм илрээгүй.",
    "Identifiers": "Таних тэмдгүүд",
    "Kind": "Төрөл",
    "Value": "Утга",
    "As written": "Бичигдсэнээр",
    "No identifiers found.": "Таних тэмдэг олдсонгүй.",
    "Text as collected": "Цуглуулсан эх бичвэр",
    # cluster
    "%(n)s posts": "%(n)s нийтлэл",
    "cluster risk": "кластерын эрсдэл",
    "seen": "харагдсан",
    "authors": "зохиогчид",
    "Network cues": "Сүлжээний шинж тэмдэг",
    "The template describes these posts in %(c)s of the bits needed to write each one out (minimum description length).":
        "Загвар нь эдгээр нийтлэлийг тус бүрийг нь бүтнээр бичихэд шаардагдах битийн %(c)s хэсгээр илэрхийлнэ "
        "(хамгийн бага тодорхойлолтын урт).",
    "Slot": "Хувьсах хэсэг",
    "Values seen": "Ажиглагдсан утгууд",
    "No shared template: these posts are linked by the identifiers they share.":
        "Нийтлэг загвар алга: эдгээр нийтлэл нь ижил таних тэмдгээр холбогдсон.",
    "Places": "Газрууд",
    "Network": "Сүлжээ",
    "Posts (blue) and the identifiers they carry: phones (red), e-mails (purple), handles (green), web addresses "
    "(ochre). Dashed lines join near-duplicate posts.":
        "Нийтлэлүүд (цэнхэр) ба тэдгээрт буй таних тэмдэг: утас (улаан), имэйл (ягаан), хэрэглэгчийн нэр (ногоон), "
        "вэб хаяг (шар хүрэн). Тасархай шугам нь бараг ижил нийтлэлүүдийг холбоно.",
    "Network of posts and identifiers": "Нийтлэл ба таних тэмдгийн сүлжээ",
    # views and services
    "Your account has no organisation; ask an administrator.": "Таны бүртгэлд байгууллага алга; админаас асууна уу.",
    "Scanned %(posts)d posts: %(flagged)d flagged, %(clusters)d clusters.":
        "%(posts)d нийтлэл шалгалаа: %(flagged)d тэмдэглэсэн, %(clusters)d кластер.",
    "Choose at least one file.": "Дор хаяж нэг файл сонгоно уу.",
    "Uploads are limited to %(mb)d MB; scan larger collections with the 'ctip osint scan' command.":
        "Байршуулах хэмжээ %(mb)d МБ-аас хэтрэхгүй; илүү том цуглуулгыг 'ctip osint scan' тушаалаар шалгана уу.",
    # forms
    "Name of this collection": "Энэ цуглуулгын нэр",
    "Files (JSONL, CSV, TXT or HTML)": "Файлууд (JSONL, CSV, TXT эсвэл HTML)",
    "Archives are not extracted; binary and undecodable files are skipped and listed.":
        "Архивыг задлахгүй; хоёртын болон уншигдахгүй файлуудыг алгасаж жагсаана.",
    "Risk level": "Эрсдэлийн түвшин",
    "all": "бүгд",
    "flagged (medium or high)": "тэмдэглэсэн (дунд эсвэл өндөр)",
    "high": "өндөр",
    "medium": "дунд",
    "low": "бага",
    "none": "байхгүй",
    "Red-flag family": "Шинж тэмдгийн бүлэг",
    "English": "Англи",
    "Mongolian (Cyrillic)": "Монгол (кирилл)",
    "Mongolian (Latin)": "Монгол (латин)",
    "Russian": "Орос",
    "Chinese": "Хятад",
    "Korean": "Солонгос",
    "Japanese": "Япон",
    "unknown": "тодорхойгүй",
    "Text contains": "Бичвэрт агуулагдах",
    "Identifier contains": "Таних тэмдэгт агуулагдах",
    # models
    "name": "нэр",
    "created": "үүсгэсэн",
    "posts": "нийтлэл",
    "flagged": "тэмдэглэсэн",
    "clusters": "кластер",
    "files read": "уншсан файл",
    "files skipped": "алгассан файл",
    "upload": "байршуулах",
    "list scans": "шалгалтын жагсаалт",
    "view results": "үр дүн харах",
    "view post": "нийтлэл харах",
    "view cluster": "кластер харах",
    "download": "татах",
    "refused: not this organisation's scan": "татгалзсан: энэ байгууллагын шалгалт биш",
    # pipeline codes (template filter "label")
    "strong": "хүчтэй",
    "weak": "сул",
    "phone": "утас",
    "e-mail": "имэйл",
    "web address": "вэб хаяг",
    "domain": "домэйн",
    "handle": "хэрэглэгчийн нэр",
    "money": "мөнгөн дүн",
    "one phone across several authors or places": "нэг утас олон зохиогч эсвэл газарт давтагдсан",
    "several authors share one text template": "олон зохиогч нэг ижил бичвэрийн загвар ашигласан",
    # network node kinds and the reasons a file was skipped (templatetags/workbench.py)
    "post": "нийтлэл",
    "binary content (NUL bytes)": "хоёртын агуулга (NUL байт)",
    "undecodable: not UTF-8, UTF-16 or Windows-1251, and no other encoding fits":
        "тайлах боломжгүй: UTF-8, UTF-16, Windows-1251 биш, өөр ямар ч кодчилол тохирохгүй",
    "CSV header has no text column (expected one of %(expected)s; found %(found)s)":
        "CSV-ийн толгой мөрөнд текстийн багана алга (дараахын аль нэг байх ёстой: %(expected)s; олдсон: %(found)s)",
    "archive: never extracted; unpack it yourself and scan the folder":
        "архив: задлахгүй; өөрөө задлаад хавтсыг шалгуулна уу",
    "unsupported file type '%(suffix)s'; expected one of %(expected)s":
        "дэмжигдээгүй файлын төрөл '%(suffix)s'; дараахын аль нэг байх ёстой: %(expected)s",
    "larger than %(mb)s MB": "%(mb)s MB-аас том",
}
