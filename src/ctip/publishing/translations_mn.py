"""Mongolian translations of the release pages (data analysts and supervisors), and of the release
refusals ``ctip release`` and the pages share (``ctip.publishing.refusals``, keyed by code)."""

from ctip.publishing.refusals import REFUSALS

REFUSALS_MN = {
    "id_taken": "%(id)s нийтлэл аль хэдийн байна; өөр дугаар сонгоно уу.",
    "id_being_written": ("%(id)s нийтлэлийг яг одоо үүсгэж байна (өмнөх товшилтоор эсвэл өөр хүн); нийтлэлүүдийн "
                         "жагсаалтад гарч иртэл хүлээнэ үү. Хоёр удаа үүсгэхгүй."),
    "id_incomplete": ("%(id)s нийтлэл дуусаагүй: бичих ажил нь зогссон (сүүлд %(when)s UTC-д бичсэн). Дуусаагүй "
                      "нийтлэлийг устгах, эсвэл өөр дугаар сонгоно уу."),
    "id_invalid": ("Нийтлэлийн дугаар %(id)s: a–z жижиг латин үсэг, цифр, '.', '_' эсвэл '-' тэмдэгтээс 1–64 "
                   "тэмдэгт хэрэглэж, үсэг эсвэл цифрээр эхлүүлнэ үү."),
    "budget": ("Татгалзлаа: энэ нийтлэлд ε = %(need_eps)s, δ = %(need_delta)s хэрэгтэй, гэтэл эдгээр бүртгэлд "
               "нууцлалын төсвөөс зөвхөн ε = %(eps)s, δ = %(delta)s үлдсэн. ε (эсвэл δ)-г бууруулах, эсвэл "
               "төсвийг нэмэгдүүлэхийг администратороос хүснэ үү."),
    "parameter": "%(name)s нь %(allowed)s байх ёстой.",
    "empty_dataset": ("Хамтын өгөгдлийн сан хоосон байна: эхлээд өгөгдөл импортлох (ctip dataset import FILE), "
                      "эсвэл --input FILE-ээр файлаас нийтлэл үүсгэнэ үү."),
    "input_missing": "--input %(file)s: ийм файл алга.",
    "input_empty": "--input %(file)s: хүчинтэй бүртгэл нэг ч уншигдсангүй.",
    "cannot_make": ("Эдгээр бүртгэлээс эдгээр параметрээр энэ нийтлэлийг үүсгэх боломжгүй. Шалтгааныг серверийн "
                    "логт бичсэн; өөр параметр оролдох эсвэл администратортой холбогдоно уу."),
    "cannot_make_detail": "Эдгээр параметрээр энэ нийтлэлийг үүсгэх боломжгүй: %(detail)s",
    "not_incomplete": ("%(id)s нь %(minutes)s минут хөндөгдөөгүй дуусаагүй нийтлэл биш (нийтлэл, яг одоо "
                       "үүсгэж буй нийтлэл, эсвэл огт байхгүй); юу ч устгаагүй."),
}

MN = {
    "Publication requested": "Нийтлэх хүсэлт гаргасан",
    "Approved and published": "Батлагдаж нийтлэгдсэн",
    "Rejected": "Татгалзсан",
    "release": "нийтлэл",
    "status": "төлөв",
    "note": "тэмдэглэл",
    "requested by": "хүсэлт гаргагч",
    "requested at": "хүсэлт гаргасан огноо",
    "decided by": "шийдвэрлэсэн",
    "decided at": "шийдвэрлэсэн огноо",
    "This release is already published.": "Энэ нийтлэл аль хэдийн нийтлэгдсэн.",
    "Publication of this release has already been requested.": "Энэ нийтлэлийг нийтлэх хүсэлт аль хэдийн гаргасан.",
    "No publication request is waiting for this release.": "Энэ нийтлэлд хүлээгдэж буй нийтлэх хүсэлт алга.",
    "The person who requested publication cannot also approve it.":
        "Нийтлэх хүсэлт гаргасан хүн түүнийг өөрөө батлах боломжгүй.",
    "No such release.": "Ийм нийтлэл алга.",
    "No such file.": "Ийм файл алга.",
    "k-anonymous microdata": "k-нэргүйжүүлсэн бичил өгөгдөл",
    "protected count tables (threshold)": "хамгаалсан тооны хүснэгт (босго)",
    "differentially private counts": "дифференциал нууцлалтай тоо",
    "differentially private synthetic records": "дифференциал нууцлалтай синтетик бүртгэл",
    "Publication requested: a supervisor must approve it.": "Нийтлэх хүсэлт илгээгдлээ: хянагч батлах ёстой.",
    "Release approved and published to the public dashboard.":
        "Нийтлэл батлагдаж, олон нийтийн самбарт нийтлэгдлээ.",
    "Publication rejected.": "Нийтлэхээс татгалзлаа.",
    "Releases": "Нийтлэлүүд",
    "De-identified releases of the collaborative dataset. A release reaches the public dashboard only after a supervisor approves it.":
        "Хамтын өгөгдлийн сангийн хувийн мэдээллийг нууцалсан нийтлэлүүд. Нийтлэл зөвхөн хянагч баталсны дараа олон нийтийн самбарт гарна.",
    "Releases can also be made with the command line:": "Нийтлэлийг тушаалын мөрөөр ч үүсгэж болно:",
    "All releases": "Бүх нийтлэл",
    "Release": "Нийтлэл",
    "Method": "Арга",
    "Privacy budget (ε)": "Нууцлалын төсөв (ε)",
    "Created": "Үүсгэсэн",
    "Status": "Төлөв",
    "none (threshold method)": "байхгүй (босго аргачлал)",
    "Published": "Нийтлэгдсэн",
    "Not published": "Нийтлэгдээгүй",
    "No release yet.": "Одоогоор нийтлэл алга.",
    "Privacy ledger": "Нууцлалын бүртгэл",
    "Budget of every record: ε = %(eps)s, δ = %(delta)s. The ε and δ of differentially private releases that use the same records add up, whatever the dataset version; a release that would take any record past the budget is refused.":
        "Бүртгэл бүрийн төсөв: ε = %(eps)s, δ = %(delta)s. Ижил бүртгэлүүдийг ашигласан ялгавартай нууцлалтай нийтлэлүүдийн ε ба δ өгөгдлийн хувилбараас үл хамааран нэмэгдэнэ; аль нэг бүртгэлийг төсвөөс хэтрүүлэх нийтлэлийг татгалзана.",
    "Left for the collaborative dataset as it is now (%(count)s sources): ε = %(eps)s, δ = %(delta)s.":
        "Хамтын өгөгдлийн сангийн одоогийн байдлаар үлдсэн төсөв (%(count)s эх сурвалж): ε = %(eps)s, δ = %(delta)s.",
    "Dataset version": "Өгөгдлийн хувилбар",
    "Sources": "Эх сурвалж",
    "all": "бүгд",
    "No differentially private release yet.": "Одоогоор ялгавартай нууцлалтай нийтлэл алга.",
    "Release %(id)s": "Нийтлэл %(id)s",
    "About this release": "Энэ нийтлэлийн тухай",
    "Parameters": "Параметрүүд",
    "Privacy budget spent": "Зарцуулсан нууцлалын төсөв",
    "Published on %(when)s, approved by %(who)s.": "%(when)s-нд нийтлэгдсэн, %(who)s баталсан.",
    "Files": "Файлууд",
    "Quality and risk": "Чанар ба эрсдэл",
    "2-way k-marginal score (0–1000)": "2 хувьсагчийн k-маргинал оноо (0–1000)",
    "3-way k-marginal score (0–1)": "3 хувьсагчийн k-маргинал оноо (0–1)",
    "1-way total variation distance": "1 хувьсагчийн нийт хэлбэлзлийн зай",
    "Share of released 2-value combinations no real record has":
        "Бодит бичлэгт байхгүй нийтэлсэн 2 утгын хослолын хувь",
    "Share of released 2-value combinations with fewer than 10 real records":
        "10-аас цөөн бодит бичлэгтэй нийтэлсэн 2 утгын хослолын хувь",
    "Smallest group of identical records (k)": "Ижил бичлэгүүдийн хамгийн жижиг бүлэг (k)",
    "Smallest published count": "Нийтэлсэн хамгийн бага тоо",
    "Singling-out risk": "Ялган таних эрсдэл",
    "Linkability risk": "Холбож таних эрсдэл",
    "Highest inference risk": "Дүгнэн таних хамгийн өндөр эрсдэл",
    "Records suppressed": "Хасагдсан бичлэг",
    "Information lost (share of cells)": "Алдагдсан мэдээлэл (нүдний хувь)",
    "Cells suppressed (below k / to protect them)": "Нуусан нүд (k-аас бага / тэдгээрийг хамгаалах)",
    "No direct identifier column": "Шууд таних баганагүй",
    "checked": "шалгасан",
    "not checked": "шалгаагүй",
    "Full report": "Бүрэн тайлан",
    "Publication": "Нийтлэх",
    "Note for the supervisor": "Хянагчид өгөх тэмдэглэл",
    "Request publication": "Нийтлэх хүсэлт гаргах",
    "Requested by %(who)s.": "%(who)s хүсэлт гаргасан.",
    "Approve and publish": "Батлаад нийтлэх",
    "Reject": "Татгалзах",
    "not assessable (%(found)s unique value combinations found in the synthetic records: too few for a rate)":
        "үнэлэх боломжгүй (нийлэг бүртгэлээс %(found)s өвөрмөц утгын хослол олдсон: хувь тооцоход хэт цөөн)",
    "Before approving:": "Батлахаас өмнө:",
    ("%(share)s of the distinct pairs of values in these synthetic records are held by fewer than 10 real people or "
     "by none. Readers may take such combinations for real people. Differential privacy still protects everyone, "
     "but consider protected aggregate tables instead, or a higher rare-pair threshold (min_pair_count)."):
        ("Эдгээр нийлэг бүртгэл дэх давхцахгүй утгын хосуудын %(share)s нь бодит 10-аас цөөн хүнд байгаа эсвэл "
         "огт байхгүй. Уншигчид ийм хослолыг бодит хүн гэж ойлгож магадгүй. Ялгаварт нууцлал хүн бүрийг "
         "хамгаалсан хэвээр, гэхдээ оронд нь хамгаалагдсан нэгтгэл хүснэгт гаргах, эсвэл ховор хосын босгыг "
         "(min_pair_count) өсгөхийг бодолцоно уу."),
    ("%(share)s of the distinct pairs of values in these synthetic records are held by fewer than 10 real people or "
     "by none. Readers may take such combinations for real people. Differential privacy still protects everyone, "
     "but with %(records)s records the rare-pair removal is off (it starts at 2,000): consider protected aggregate "
     "tables instead."):
        ("Эдгээр нийлэг бүртгэл дэх давхцахгүй утгын хосуудын %(share)s нь бодит 10-аас цөөн хүнд байгаа эсвэл "
         "огт байхгүй. Уншигчид ийм хослолыг бодит хүн гэж ойлгож магадгүй. Ялгаварт нууцлал хүн бүрийг "
         "хамгаалсан хэвээр, гэхдээ %(records)s бүртгэлтэй үед ховор хосыг арилгах алхам ажиллахгүй (2,000-аас "
         "эхэлнэ): оронд нь хамгаалагдсан нэгтгэл хүснэгт гаргахыг бодолцоно уу."),
    # the report page (publishing/report.py, templates/publishing/report.html)
    "Quality and risk report of release %(id)s": "%(id)s нийтлэлийн чанар ба эрсдэлийн тайлан",
    "Back to release %(id)s": "%(id)s нийтлэл рүү буцах",
    "Internal, not for publication:": "Дотоод хэрэгцээнд, нийтлэхгүй:",
    ("these figures are exact, computed from the real records without noise. Only the release's records and "
     "aggregates are protected; share this report only with the people who review the release."):
        ("эдгээр тоо нь бодит бүртгэлээс шуугиангүйгээр тооцсон яг тоо. Зөвхөн нийтлэлийн бүртгэл ба нэгтгэл "
         "хүснэгт хамгаалагдсан; энэ тайланг зөвхөн нийтлэлийг хянаж буй хүмүүст үзүүлнэ үү."),
    "This release has no report.": "Энэ нийтлэлд тайлан алга.",
    "Sections of the report": "Тайлангийн хэсгүүд",
    "Measure": "Хэмжүүр",
    "Value": "Утга",
    "What it means": "Юу гэсэн үг вэ",
    "Review notes": "Хянагчид зориулсан тэмдэглэл",
    "Nothing in particular to weigh before approving.": "Батлахаас өмнө онцгойлон анхаарах зүйл алга.",
    "yes": "тийм",
    "no": "үгүй",
    "none": "байхгүй",
    "95%% confidence interval %(low)s to %(high)s": "95%% итгэх завсар %(low)s–%(high)s",
    "Other figure": "Бусад үзүүлэлт",
    "Other figures": "Бусад үзүүлэлтүүд",
    ("Figures this version of ctip does not describe (the report was written by another version), shown as "
     "written."):
        ("ctip-ийн энэ хувилбар тайлбарладаггүй үзүүлэлтүүд (тайланг өөр хувилбар бичсэн), бичигдсэн хэвээр нь "
         "харуулав."),
    "generalise the records at risk, then suppress what is left":
        "эрсдэлтэй бүртгэлийн утгыг ерөнхийлж, үлдсэнийг хасна",
    "suppress the records at risk (as CTDC did in 2017–2021)":
        "эрсдэлтэй бүртгэлийг хасна (CTDC 2017–2021 онд ингэж байсан)",
    "Gaussian noise": "Гауссын шуугиан",
    "Laplace noise": "Лапласын шуугиан",
    "Smallest group or count allowed (k)": "Зөвшөөрөх хамгийн жижиг бүлэг буюу тоо (k)",
    "no published group of records or count may be smaller": "нийтлэх бүртгэлийн бүлэг ба тоо үүнээс бага байж болохгүй",
    "k-anonymisation method": "k-нэргүйжүүлэх арга",
    "Most variables combined in one table": "Нэг хүснэгтэд нийлүүлэх хувьсагчийн дээд тоо",
    "counts are published for every combination of up to this many variables":
        "энэ тооноос ихгүй хувьсагчийн хослол бүрээр тоо нийтэлнэ",
    "Noise": "Шуугиан",
    "Synthesiser": "Нийлэгжүүлэгч",
    "Rare-pair threshold": "Ховор хосын босго",
    ("value pairs held by fewer real records than this are removed from the synthetic records; 1 = none "
     "removed"):
        "үүнээс цөөн бодит бүртгэлд байгаа утгын хосыг нийлэг бүртгэлээс хасна; 1 = юу ч хасахгүй",
    "charged to the privacy ledger of the records used; lower ε and δ protect more":
        "ашигласан бүртгэлүүдийн нууцлалын бүртгэлд тооцно; ε ба δ бага байх тусам илүү хамгаална",
    "fingerprint (SHA-256) of the released columns of the real records":
        "бодит бүртгэлийн нийтэлсэн багануудын хурууны хээ (SHA-256)",
    "Utility": "Ашиглалтын чанар",
    ("How close the released figures are to the real records (all measures treat an empty value as a "
     "value)."):
        "Нийтэлсэн тоо бодит бүртгэлтэй хэр ойр байгаа нь (бүх хэмжүүр хоосон утгыг нэг утга гэж тооцно).",
    "single variables": "нэг хувьсагчийн",
    "pairs of variables": "хос хувьсагчийн",
    "triples of variables": "гурван хувьсагчийн",
    "values": "утга",
    "value pairs": "утгын хос",
    "value triples": "утгын гурвал",
    "NIST k-marginal score over pairs of variables (0–1000)": "Хос хувьсагчийн NIST k-маргинал оноо (0–1000)",
    "the NIST SDNist scale: 1000 = every table of two variables identical to the real one":
        "NIST-ийн хэмжээс: 1000 = хоёр хувьсагчийн хүснэгт бүр бодиттой яг ижил",
    "k-marginal score over %(ways)s (0–1)": "%(ways)s k-маргинал оноо (0–1)",
    "1 = every such table identical to the real one, 0 = nothing in common":
        "1 = ийм хүснэгт бүр бодиттой яг ижил, 0 = ерөөсөө төсөөгүй",
    "Total variation distance over %(ways)s (0–1)": "%(ways)s нийт хэлбэлзлийн зай (0–1)",
    ("mean share of records that would have to move to make the tables identical: 0 = identical, lower is "
     "better"):
        "хүснэгтүүдийг ижил болгохын тулд шилжүүлэх бүртгэлийн дундаж хувь: 0 = ижил, бага байх тусам сайн",
    "%(share)s (%(count)s of %(total)s)": "%(share)s (%(count)s, нийт %(total)s)",
    "Invented %(combinations)s": "Зохиомол %(combinations)s",
    "share of the distinct combinations in the release that no real record has; lower is better":
        "нийтлэл дэх давхцахгүй хослолуудаас аль ч бодит бүртгэлд байхгүйн хувь; бага байх тусам сайн",
    "Rare %(combinations)s": "Ховор %(combinations)s",
    ("share of the distinct combinations in the release that only 1 to 9 real records have; readers may take "
     "them for real people"):
        ("нийтлэл дэх давхцахгүй хослолуудаас зөвхөн 1–9 бодит бүртгэлд байгаагийн хувь; уншигчид тэднийг бодит "
         "хүн гэж ойлгож магадгүй"),
    "Distinct %(combinations)s released": "Нийтэлсэн давхцахгүй %(combinations)s",
    "Risk": "Эрсдэл",
    "What an attacker could learn about the real people from the release.":
        "Халдагч нийтлэлээс бодит хүмүүсийн талаар юу мэдэж болох вэ.",
    ("every released record shares all its values with at least this many; the release asked for "
     "%(k)s"):
        "нийтэлсэн бүртгэл бүр бүх утгаараа дор хаяж ийм тооны бүртгэлтэй ижил; нийтлэлд %(k)s гэж заасан",
    "no published count is below k = %(k)s; 0 means nothing was published":
        "нийтэлсэн ямар ч тоо k = %(k)s-аас бага биш; 0 бол юу ч нийтлээгүй гэсэн үг",
    "Privacy guarantee": "Нууцлалын баталгаа",
    ("differential privacy: ε bounds what the release can reveal about any one person, δ is the small chance "
     "that the bound fails"):
        ("ялгаварт нууцлал: ε нь нийтлэл аль нэг хүний талаар илрүүлж болох зүйлийг хязгаарлана, δ нь энэ хязгаар "
         "алдагдах бага магадлал"),
    "How the risks are measured": "Эрсдэлийг хэрхэн хэмжсэн",
    ("the three attacks of anonymeter (Giomi et al., 2023), run by ctip against a model fitted on a random half "
     "of the records; the other half is held out for comparison"):
        ("Анонимметрийн (Жиоми нар, 2023) гурван халдлагыг ctip бүртгэлийн санамсаргүй хагаст тохируулсан загварын "
         "эсрэг ажиллуулсан; нөгөө хагасыг харьцуулахаар хойш тавьсан"),
    "Records used to fit the model": "Загварт ашигласан бүртгэл",
    "Records held out": "Хойш тавьсан бүртгэл",
    "Attacks": "Халдлага",
    "not assessable": "үнэлэх боломжгүй",
    "too few records to hold out a control set": "хяналтын бүлэг хойш тавихад бүртгэл хэт цөөн",
    "an attacker isolates one real person with a combination of values found in the synthetic records":
        "халдагч нийлэг бүртгэлээс олсон утгын хослолоор нэг бодит хүнийг ялгаж гаргана",
    "an attacker links two halves of a person's record through the synthetic records":
        "халдагч нэг хүний бүртгэлийн хоёр хагасыг нийлэг бүртгэлээр дамжуулан холбоно",
    "Inference risk of": "Дүгнэн таних эрсдэл:",
    ("an attacker who knows every other value of a person guesses this one from the synthetic "
     "records"):
        "хүний бусад бүх утгыг мэдэх халдагч энэ утгыг нийлэг бүртгэлээс таамаглана",
    "0 = no more success on the people used than on people held out; 1 = always":
        "0 = ашигласан хүмүүст хойш тавьсан хүмүүсээс илүү амжилт олохгүй; 1 = үргэлж амжилттай",
    ("only %(found)s value combinations are unique in the synthetic records; at least %(needed)s are needed "
     "for a meaningful rate"):
        ("нийлэг бүртгэлд зөвхөн %(found)s утгын хослол өвөрмөц; утга учиртай хувь тооцоход дор хаяж %(needed)s "
         "хэрэгтэй"),
    "%(attacks)s attacks: success on the people used %(train)s, on people held out %(control)s.":
        "%(attacks)s халдлага: ашигласан хүмүүст амжилт %(train)s, хойш тавьсан хүмүүст %(control)s.",
    "k-anonymity": "k-нэргүйжүүлэлт",
    "Records read": "Уншсан бүртгэл",
    "Records released": "Нийтэлсэн бүртгэл",
    "%(count)s of %(total)s (share %(share)s)": "%(count)s (нийт %(total)s, хувь %(share)s)",
    "records whose values could not be made common enough; they are left out":
        "утгыг нь хангалттай түгээмэл болгож чадаагүй бүртгэл; тэдгээрийг оруулаагүй",
    "Cells generalised": "Ерөнхийлсөн нүд",
    "values replaced by a wider band, period or region": "илүү өргөн бүлэг, хугацаа эсвэл бүсээр сольсон утга",
    "Information lost (0–1)": "Алдагдсан мэдээлэл (0–1)",
    "mean over all cells: 0 = kept, 1 = lost; lower is better":
        "бүх нүдний дундаж: 0 = хадгалсан, 1 = алдсан; бага байх тусам сайн",
    "Suppression": "Нуулт",
    "Records counted": "Тоолсон бүртгэл",
    "Cells suppressed below k": "k-аас бага тул нуусан нүд",
    "counts from 1 to k − 1, left out": "1-ээс k − 1 хүртэлх тоо, оруулаагүй",
    "Cells suppressed to protect them": "Тэдгээрийг хамгаалахаар нуусан нүд",
    "other counts left out so that no suppressed count can be computed back from totals":
        "нуусан тоог нийлбэрээс буцааж тооцох боломжгүй болгохын тулд оруулаагүй бусад тоо",
    "Audit of the suppressed counts": "Нуусан тооны шалгалт",
    "exact (linear programming over every cell)": "нарийн (нүд бүрээр шугаман програмчлал)",
    "row and column sums (tables too large for the exact audit)":
        "мөр ба баганын нийлбэр (нарийн шалгалт хийхэд хүснэгт хэт том)",
    "Noise standard deviation (σ)": "Шуугианы стандарт хазайлт (σ)",
    "typical size of the noise added to each count": "тоо бүрт нэмсэн шуугианы ердийн хэмжээ",
    "Noise scale": "Шуугианы масштаб",
    "Tables": "Хүснэгт",
    "every combination of variables counted": "тоолсон хувьсагчийн хослол бүр",
    "Publication threshold": "Нийтлэх босго",
    "noisy counts below it are not published, so few cells are pure noise":
        "үүнээс бага шуугиантай тоог нийтлэхгүй, тиймээс цэвэр шуугиан болох нүд цөөн",
    "Synthesis model": "Синтетик загвар",
    "Each variable is drawn from noisy counts given the variables listed next to it.":
        "Хувьсагч бүрийг хажууд нь жагсаасан хувьсагчдын нөхцөлд шуугиантай тооноос сугалж гаргана.",
    "Records the model was fitted on": "Загварыг тохируулсан бүртгэл",
    "Variable": "Хувьсагч",
    "nothing (drawn alone)": "байхгүй (дангаар нь сугална)",
    "Identifier check": "Таних баганын шалгалт",
    "No direct identifier column released": "Шууд таних багана нийтлээгүй",
    "names, phone numbers, addresses and other direct identifiers may never be released":
        "нэр, утасны дугаар, хаяг болон бусад шууд таних мэдээллийг хэзээ ч нийтлэхгүй",
    "Identifier columns released": "Нийтэлсэн таних багана",
    "Identifier columns in the input (not released)": "Оролтод байсан таних багана (нийтлээгүй)",
    "Columns released": "Нийтэлсэн багана",
    "Columns read": "Уншсан багана",
    '%(lost)s of the %(values)s values held by at least 10 real people appear less than half as often in these synthetic records (the full report lists them): their counts are not reliable here. The rare-pair removal takes values that are rare with everything; min_pair_count = 0 keeps them (with more rare combinations), protected aggregate tables keep every count of 11 or more.':
        'Бодит 10 ба түүнээс дээш хүнд байгаа %(values)s утгын %(lost)s нь эдгээр нийлэг бүртгэлд хоёр дахин цөөн гарч байна (бүрэн тайланд жагсаасан): тэдгээрийн тоо энд найдваргүй. Ховор хосыг арилгах алхам бүх утгатай ховор хослол үүсгэдэг утгыг авч хаядаг; min_pair_count = 0 тэдгээрийг үлдээнэ (ховор хослол олширно), хамгаалагдсан нэгтгэл хүснэгт 11 ба түүнээс дээш тоог бүгдийг хадгална.',
    '%(lost)s of the %(values)s values held by at least 10 real people appear less than half as often in these synthetic records (the full report lists them): at this ε the noise hides groups this small. A larger ε, fewer columns or protected aggregate tables keep them.':
        'Бодит 10 ба түүнээс дээш хүнд байгаа %(values)s утгын %(lost)s нь эдгээр нийлэг бүртгэлд хоёр дахин цөөн гарч байна (бүрэн тайланд жагсаасан): энэ ε-д дуу шуугиан ийм жижиг бүлгийг нууж байна. Илүү том ε, цөөн багана эсвэл хамгаалагдсан нэгтгэл хүснэгт тэдгээрийг хадгална.',
    "Variables counted": "Тоолсон хувьсагчид",
    ("%(share)s of the distinct pairs of values in these synthetic records are held by fewer than 10 real people "
     "or by none. Readers may take such combinations for real people. The rare-pair threshold was lowered from "
     "%(rule)s to %(used)s because a higher one would have given more than 5 %% of one variable's records other "
     "values (small countries' victims other citizenships, for instance). Differential privacy still protects "
     "everyone; min_pair_count = %(rule)s removes those pairs at that price, or consider protected aggregate "
     "tables."):
        "Эдгээр нийлэг бүртгэл дэх ялгаатай утгын хосын %(share)s нь 10-аас цөөн бодит хүнд байгаа эсвэл огт "
        "байхгүй. Уншигчид ийм хослолыг бодит хүн гэж ойлгож болзошгүй. Ховор хосын босгыг %(rule)s-аас "
        "%(used)s болгож бууруулсан, учир нь илүү өндөр босго нэг хувьсагчийн бүртгэлийн 5 %%-иас илүүд өөр "
        "утга өгөх байсан (жишээ нь жижиг улсын хохирогчдод өөр иргэншил). Дифференциал нууцлал хүн бүрийг "
        "хамгаалсаар байна; min_pair_count = %(rule)s тэр үнээр эдгээр хосыг арилгана, эсвэл хамгаалагдсан "
        "нэгтгэл хүснэгтийг бодолцоно уу.",
    "Variable moved most (total variation distance, 0–1)": "Хамгийн их өөрчлөгдсөн хувьсагч (нийт хэлбэлзлийн зай, 0–1)",
    "share of the records that carry another value of this variable than in the real records; lower is better":
        "энэ хувьсагчийн утга нь бодит бүртгэлийнхээс өөр байгаа бүртгэлийн хувь; бага байх тусам сайн",
    ("%(share)s of the records carry another value of “%(column)s” than in the real data (total variation "
     "distance): figures by this variable are not reliable here. A lower rare-pair threshold (min_pair_count; "
     "the default rule lowers it by itself), a larger ε or protected aggregate tables keep this variable "
     "closer."):
        "Бүртгэлийн %(share)s нь «%(column)s» хувьсагчийн хувьд бодит өгөгдлийнхөөс өөр утгатай байна (нийт "
        "хэлбэлзлийн зай): энэ хувьсагчаар гаргасан тоо энд найдваргүй. Ховор хосын босгыг (min_pair_count; анхдагч дүрэм "
        "өөрөө бууруулдаг) бууруулах, илүү том ε эсвэл хамгаалагдсан нэгтгэл хүснэгт энэ хувьсагчийг илүү ойр "
        "хадгална.",
    "Values held by at least 10 real records": "Дор хаяж 10 бодит бүртгэлд байгаа утга",
    "each such value should keep about its real count in the release":
        "ийм утга бүр нийтлэлд бодит тоотойгоо ойролцоо байх ёстой",
    "Of these, values shown less than half as often": "Үүнээс бодитоос хоёр дахин цөөн гарсан утга",
    "their counts are not reliable in this release; lower is better":
        "эдгээрийн тоо энэ нийтлэлд найдваргүй; бага байх тусам сайн",
    "Value shown less than half as often": "Бодитоос хоёр дахин цөөн гарсан утга",
    "%(released)s in the release, %(real)s in the real records": "нийтлэлд %(released)s, бодит бүртгэлд %(real)s",
    # the "New release" form
    "The collaborative dataset is empty: import data on the Data page first.":
        "Хамтын өгөгдлийн сан хоосон байна: эхлээд Өгөгдөл хуудсаар өгөгдөл оруулна уу.",
    "one of %(options)s": "дараахын аль нэг: %(options)s",
    "a whole number from %(low)s to %(high)s": "%(low)s-аас %(high)s хүртэлх бүхэл тоо",
    "a number from %(low)s to %(high)s": "%(low)s-аас %(high)s хүртэлх тоо",
    "a whole number greater than %(low)s and less than %(high)s":
        "%(low)s-аас их, %(high)s-аас бага бүхэл тоо",
    "a number greater than %(low)s and less than %(high)s": "%(low)s-аас их, %(high)s-аас бага тоо",
    "a whole number from %(low)s up": "%(low)s буюу түүнээс их бүхэл тоо",
    "a number from %(low)s up": "%(low)s буюу түүнээс их тоо",
    "a whole number greater than %(low)s": "%(low)s-аас их бүхэл тоо",
    "a number greater than %(low)s": "%(low)s-аас их тоо",
    "a whole number": "бүхэл тоо",
    "a number": "тоо",
    "Release id": "Нийтлэлийн дугаар",
    "The folder's name: 1 to 64 small letters a–z, digits, '.', '_' or '-', starting with a letter or digit, e.g. tables-2026-q1.":
        "Хавтасны нэр: a–z жижиг латин үсэг, цифр, '.', '_' эсвэл '-' тэмдэгтээс 1–64 тэмдэгт, үсэг эсвэл цифрээр "
        "эхэлнэ, жишээ нь tables-2026-q1.",
    "Smallest group size (k)": "Бүлгийн хамгийн бага хэмжээ (k)",
    "For k-anonymous records and protected tables. CTDC uses k = 11.":
        "k-нэргүйжүүлсэн бүртгэл болон хамгаалсан хүснэгтэд. CTDC k = 11 хэрэглэдэг.",
    "How to reach k": "k-д хүрэх арга",
    "generalise values first, then suppress": "эхлээд утгыг ерөнхийлж, дараа нь нууна",
    "suppress values only (CTDC's method)": "зөвхөн утгыг нууна (CTDC-ийн арга)",
    "For k-anonymous records.": "k-нэргүйжүүлсэн бүртгэлд.",
    "Privacy budget to spend (ε)": "Зарцуулах нууцлалын төсөв (ε)",
    "For differentially private tables and synthetic records: smaller is more private and noisier.":
        "Дифференциал нууцлалтай хүснэгт болон синтетик бүртгэлд: бага байх тусам нууцлал өндөр, шуугиан их.",
    "δ": "δ",
    "For differentially private tables and synthetic records; empty means 1e-9.":
        "Дифференциал нууцлалтай хүснэгт болон синтетик бүртгэлд; хоосон бол 1e-9.",
    "Longest combination of variables": "Хувьсагчдын хамгийн урт хослол",
    "For tables: 1 counts each variable alone, 2 every pair, and so on.":
        "Хүснэгтэд: 1 бол хувьсагч бүрийг дангаар, 2 бол хос бүрийг тоолно гэх мэт.",
    "Variables to count": "Тоолох хувьсагчид",
    "For tables, optional: CTDC v2024 variable names separated by commas (empty counts all 27), for example:":
        "Хүснэгтэд, заавал биш: CTDC v2024 хувьсагчийн нэрсийг таслалаар тусгаарлана (хоосон бол бүх 27-г "
        "тоолно), жишээ нь:",
    "Use 1 to 64 small letters a–z, digits, '.', '_' or '-', starting with a letter or digit.":
        "a–z жижиг латин үсэг, цифр, '.', '_' эсвэл '-' тэмдэгтээс 1–64 тэмдэгт хэрэглэж, үсэг эсвэл цифрээр "
        "эхлүүлнэ үү.",
    "A release with this id exists already; choose another id.":
        "Ийм дугаартай нийтлэл аль хэдийн байна; өөр дугаар сонгоно уу.",
    "Unknown variable(s): %(unknown)s. The CTDC v2024 variables are: %(known)s.":
        "Үл мэдэгдэх хувьсагч: %(unknown)s. CTDC v2024 хувьсагчид: %(known)s.",
    "Required for this method: %(allowed)s.": "Энэ аргад заавал шаардлагатай: %(allowed)s.",
    "Must be %(allowed)s.": "%(allowed)s байх ёстой.",
    "A parameter is outside what this method allows; check the values and try again.":
        "Нэг параметр энэ аргын зөвшөөрөх хязгаараас гарсан байна; утгуудыг шалгаад дахин оролдоно уу.",
    "Refused: the records of the collaborative dataset have only ε = %(eps)s, δ = %(delta)s left of their privacy budget. Lower ε (or δ), or ask an administrator to raise the budget.":
        "Татгалзлаа: хамтын өгөгдлийн сангийн бүртгэлүүдэд нууцлалын төсвөөс зөвхөн ε = %(eps)s, δ = %(delta)s "
        "үлдсэн. ε (эсвэл δ)-г бууруулах, эсвэл төсвийг нэмэгдүүлэхийг администратороос хүснэ үү.",
    "Release %(id)s created. It is not published: read its report, then request publication.":
        "%(id)s нийтлэл үүслээ. Нийтлэгдээгүй: тайланг нь уншаад, нийтлэх хүсэлт гаргана уу.",
    "New release": "Шинэ нийтлэл",
    "Made now from the collaborative dataset as it is; this takes a few seconds (up to a minute for synthetic records of a large dataset). The release is not published: read its report, then request publication. Each release made here draws a secret random seed.":
        "Хамтын өгөгдлийн сангийн одоогийн байдлаас шууд үүсгэнэ; хэдэн секунд (том сангийн синтетик бүртгэлд "
        "нэг минут хүртэл) үргэлжилнэ. Нийтлэл нийтлэгдэхгүй: тайланг нь уншаад, нийтлэх хүсэлт гаргана уу. "
        "Энд үүсгэсэн нийтлэл бүр нууц санамсаргүй үр сонгоно.",
    "Left for the collaborative dataset: ε = %(eps)s, δ = %(delta)s.":
        "Хамтын өгөгдлийн санд үлдсэн: ε = %(eps)s, δ = %(delta)s.",
    "Make the release": "Нийтлэл үүсгэх",
    # incomplete releases (a writer that stopped) and the form's wait
    "Incomplete releases": "Дуусаагүй нийтлэлүүд",
    "The writing of these releases stopped before it finished (the server was stopped or the process killed). They are not releases: nothing can be read or published from them, and they hold their id until they are removed. A differentially private one may have spent privacy budget: the ledger below keeps that charge.":
        "Эдгээр нийтлэлийг бичих ажил дуусахаасаа өмнө зогссон (сервер зогссон эсвэл процессыг хүчээр "
        "зогсоосон). Эдгээр нь нийтлэл биш: тэднээс юу ч уншиж, нийтэлж болохгүй бөгөөд устгах хүртэл "
        "дугаараа эзэлсээр байна. Дифференциал нууцлалтай нийтлэл нууцлалын төсөв зарцуулсан байж болзошгүй: "
        "доорх бүртгэл тэр зарцуулалтыг хадгална.",
    "Last written (UTC)": "Сүүлд бичсэн (UTC)",
    "Action": "Үйлдэл",
    "Remove %(id)s": "%(id)s-г устгах",
    "never finished: the charge stays": "дуусаагүй: зарцуулалт хэвээр үлдэнэ",
    "Remove an incomplete release": "Дуусаагүй нийтлэлийг устгах",
    "Remove the incomplete release %(id)s? Its writing stopped before it finished (last written %(when)s UTC). The files it left are deleted and the id becomes free again. A privacy-budget charge it made stays in the ledger. The removal is recorded in the audit log.":
        "%(id)s дуусаагүй нийтлэлийг устгах уу? Түүнийг бичих ажил дуусахаасаа өмнө зогссон (сүүлд %(when)s "
        "UTC-д бичсэн). Үлдээсэн файлууд нь устаж, дугаар нь дахин чөлөөлөгдөнө. Түүний нууцлалын төсвийн "
        "зарцуулалт бүртгэлд хэвээр үлдэнэ. Устгасныг аудитын бүртгэлд тэмдэглэнэ.",
    "Remove the incomplete release": "Дуусаагүй нийтлэлийг устгах",
    "Cancel": "Болих",
    "No such incomplete release.": "Ийм дуусаагүй нийтлэл алга.",
    "The incomplete release %(id)s was removed; the id is free again.":
        "%(id)s дуусаагүй нийтлэлийг устгалаа; дугаар нь дахин чөлөөтэй.",
    "Making the release…": "Нийтлэлийг үүсгэж байна…",
    "The release is being made: this takes from a few seconds to about a minute for a large dataset. Stay on this page; its report opens when it is ready.":
        "Нийтлэлийг үүсгэж байна: хэдэн секундээс том өгөгдлийн санд нэг минут орчим үргэлжилнэ. Энэ "
        "хуудсан дээрээ байгаарай; бэлэн болмогц тайлан нь нээгдэнэ.",
}
MN.update({REFUSALS[code]: text for code, text in REFUSALS_MN.items()})
