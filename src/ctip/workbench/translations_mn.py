"""Mongolian strings of the OSINT workspace (``python scripts/po.py workbench`` compiles them).

Intake problems are worded in ``ctip.osint.messages`` (English and Mongolian, one copy for the pages,
``report.html`` and the CLI); the English template is the msgid, the Mongolian one is added below.
"""

from ctip.osint.messages import CATALOGUE, CATALOGUE_MN

MN = {
    ("The result files of this scan (run on %(created)s) are no longer on the server: they were moved or deleted. "
     "An administrator can restore them from the backup of the platform's data folder (<span translate=\"no\">"
     "osint/%(id)s/output</span>); otherwise run the scan again from its files."):
        "Энэ шалгалтын (%(created)s-д хийсэн) үр дүнгийн файлууд серверт байхгүй болсон: зөөгдсөн эсвэл устгагдсан. "
        "Администратор платформын өгөгдлийн хавтасны нөөцөөс (<span translate=\"no\">osint/%(id)s/output</span>) "
        "сэргээж болно; үгүй бол шалгалтыг файлуудаас нь дахин хийнэ үү.",
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
    "Built from the %(n)s near-duplicate posts of this cluster; the others are linked by identifiers they share.":
        "Энэ кластерын бараг ижил %(n)s нийтлэлээс гаргасан; бусад нь ижил таних тэмдгээр холбогдсон.",
    "No template: the %(n)s near-duplicate posts of this cluster share too little wording for a template to "
    "describe them more briefly.":
        "Загвар алга: энэ кластерын бараг ижил %(n)s нийтлэлийн нийтлэг үг хэллэг загвараар товч илэрхийлэхэд "
        "хэтэрхий цөөн.",
    "No template: no two posts of this cluster are near-duplicates; they are linked only by the identifiers they "
    "share.":
        "Загвар алга: энэ кластерын аль ч хоёр нийтлэл бараг ижил биш; тэдгээр нь зөвхөн ижил таних тэмдгээр "
        "холбогдсон.",
    "no template": "загваргүй",
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
    "upload refused": "байршуулалтаас татгалзсан",
    # home: refused uploads (services.REFUSALS)
    "Refused uploads": "Татгалзсан байршуулалт",
    "Uploads by your organisation's analysts that were not scanned, the latest 20 first. File and collection names "
    "are not kept: they may name people.":
        "Танай байгууллагын шинжээчдийн шалгуулаагүй байршуулалт, сүүлийн 20 нь эхэндээ. Файл болон цуглуулгын нэрийг "
        "хадгалдаггүй: тэдгээрт хүний нэр байж болно.",
    "Why it was refused": "Татгалзсан шалтгаан",
    "Files": "Файл",
    "No upload has been refused.": "Татгалзсан байршуулалт алга.",
    "the account has no organisation": "бүртгэлд байгууллага алга",
    "no file chosen": "файл сонгоогүй",
    "over the size limit of %(limit)s bytes": "хэмжээний хязгаар болох %(limit)s байтаас хэтэрсэн",
    "the collection's name is longer than %(max)s characters": "цуглуулгын нэр %(max)s тэмдэгтээс урт",
    "the form was not valid (%(errors)s)": "маягт буруу бөглөгдсөн (%(errors)s)",
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
    # network node kinds (templatetags/workbench.py)
    "post": "нийтлэл",
    # post: how the score was computed
    "How the score was computed": "Оноог хэрхэн тооцсон бэ",
    "Each red-flag family that fired counts once, through its strongest hit: the family's weight times the hit's "
    "strength. Families combine as independent cues: score = 1 − (1 − first) × (1 − second) × …":
        "Илэрсэн шинж тэмдгийн бүлэг бүрийг хамгийн хүчтэй илрэлээр нь нэг удаа тооцно: бүлгийн жинг илрэлийн "
        "хүчээр үржүүлнэ. Бүлгүүдийг бие даасан шинж тэмдэг гэж нэгтгэнэ: оноо = 1 − (1 − эхний) × (1 − хоёр дахь) × …",
    "Hit that counted": "Тооцсон илрэл",
    "Weight": "Жин",
    "Weight × strength": "Жин × хүч",
    "Score": "Оноо",
    "Medium needs at least %(m)s families and a score of %(medium)s; high needs at least %(h)s families, a strong "
    "hit and a score of %(high)s. One family alone is never flagged.":
        "Дунд түвшинд дор хаяж %(m)s бүлэг, %(medium)s оноо; өндөр түвшинд дор хаяж %(h)s бүлэг, хүчтэй илрэл, "
        "%(high)s оноо шаардлагатай. Ганц бүлэг хэзээ ч тэмдэглэгдэхгүй.",
    "The scoring table changed since this scan: this explanation uses today's weights, while the risk score above "
    "is the one the scan computed.":
        "Энэ шалгалтаас хойш онооны хүснэгт өөрчлөгдсөн: энэ тайлбар одоогийн жинг ашиглана, харин дээрх эрсдэлийн "
        "оноо нь шалгалтын үед тооцсон оноо юм.",
    "No rule fired, so the score is 0.": "Ямар ч дүрэм илрээгүй тул оноо 0.",
    # results: chain of custody and access log
    "Chain of custody": "Нотлох баримтын хадгалалтын бүртгэл",
    "Every file as received: its SHA-256 fingerprint, size and intake time (UTC). The same file always has the "
    "same fingerprint.":
        "Хүлээн авсан файл бүр: түүний SHA-256 хурууны хээ, хэмжээ, хүлээн авсан цаг (UTC). Ижил файл үргэлж ижил "
        "хурууны хээтэй байна.",
    "File": "Файл",
    "Size (bytes)": "Хэмжээ (байт)",
    "Received (UTC)": "Хүлээн авсан (UTC)",
    "Status": "Төлөв",
    "read": "уншсан",
    "skipped": "алгассан",
    "Access log": "Хандалтын бүртгэл",
    "The latest 50 accesses to this scan, newest first.": "Энэ шалгалтад хандсан сүүлийн 50 удаа, шинэ нь эхэндээ.",
    "When (UTC)": "Хэзээ (UTC)",
    "Who": "Хэн",
    "Action": "Үйлдэл",
    "Details": "Дэлгэрэнгүй",
    "uploaded as": "байршуулсан нэр",
    "Problems": "Асуудлууд",
}
# intake problems: the Mongolian of ctip.osint.messages (one wording for pages, report.html and the CLI)
MN.update({CATALOGUE[code]: CATALOGUE_MN[code] for code in CATALOGUE})
