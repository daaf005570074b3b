"""Mongolian translations of the release pages (data analysts and supervisors)."""

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
    "Create releases with the command line:": "Нийтлэлийг тушаалын мөрөөр үүсгэнэ:",
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
}
