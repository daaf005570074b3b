"""Mongolian translations of the dashboards (compiled by ``python scripts/po.py dashboard``).

Codes in charts (forms, sectors, countries...) take their Mongolian labels from ``ctip.vocab``.
"""

MN = {
    # Chart notes and headline figures
    "A victim can be counted in several categories, so shares may add up to more than 100 %.":
        "Нэг хохирогч хэд хэдэн ангилалд орж болох тул хувийн нийлбэр 100 %-иас давж болно.",
    "Denominator: %(denominator)s %(rule)s. Missing: %(missing)s of %(total)s records (%(share)s %%).":
        "Хуваарь: %(denominator)s (%(rule)s). Мэдээлэлгүй: нийт %(total)s бүртгэлээс %(missing)s (%(share)s %%).",
    "Countries with fewer than %(k)s victims are not shown.": "%(k)s-аас цөөн хохирогчтой улсыг харуулаагүй.",
    "Flows with fewer than %(k)s victims are not shown.": "%(k)s-аас цөөн хохирогчтой урсгалыг харуулаагүй.",
    "The %(n)s largest flows are drawn.": "Хамгийн том %(n)s урсгалыг зурсан.",
    "Children: majority status when recorded, else the age band.":
        "Хүүхэд: насанд хүрсэн эсэхийг бүртгэсэн бол түүгээр, үгүй бол насны ангиллаар тогтооно.",
    "Headline figures": "Гол үзүүлэлтүүд",
    "Leading forms of exploitation": "Мөлжлөгийн тэргүүлэх хэлбэрүүд",
    "Victims": "Хохирогч",
    "Children": "Хүүхэд",
    "Female": "Эмэгтэй",
    "Figure": "Үзүүлэлт",
    "Value": "Утга",
    "Basis": "Суурь",
    "records matching the filters": "шүүлтүүрт тохирох бүртгэл",
    "of %(n)s with %(what)s known": "%(what)s нь тодорхой %(n)s-аас",
    "%(m)s unknown": "%(m)s нь тодорхойгүй",
    "age": "нас",
    "sex": "хүйс",
    "a form of exploitation": "мөлжлөгийн хэлбэр",
    "not published in this release's tables": "энэ хувилбарын хүснэгтэд нийтлээгүй",
    "shares not published in this release's tables": "энэ хувилбарын хүснэгтэд хувь нийтлээгүй",
    "Protected counts from the release's tables. How many victims have at least one category recorded is not "
    "published, so no shares are shown.":
        "Хувилбарын хүснэгтийн хамгаалагдсан тоо. Дор хаяж нэг ангилал бүртгэгдсэн хохирогчийн тоо "
        "нийтлэгдээгүй тул хувийг харуулаагүй.",
    "Denominator: %(denominator)s %(rule)s, from the release's tables; how many have it missing is not "
    "published.":
        "Хуваарь: %(denominator)s (%(rule)s), хувилбарын хүснэгтээс; мэдээлэлгүй хэдэн бүртгэл байгааг "
        "нийтлээгүй.",
    "This release publishes tables of protected counts only, which cannot be filtered further.":
        "Энэ хувилбар зөвхөн хамгаалагдсан тооны хүснэгт нийтэлдэг тул цааш шүүх боломжгүй.",
    "This release publishes tables of protected counts only: the charts show them as published, without "
    "filters, and without the numbers of victims whose data are missing, which the tables do not give.":
        "Энэ хувилбар зөвхөн хамгаалагдсан тооны хүснэгт нийтэлдэг: графикууд тэдгээрийг нийтэлсэн "
        "хэвээр нь, шүүлтүүргүй, мөн хүснэгтэд байхгүй тул мэдээлэлгүй хохирогчдын тоогүйгээр харуулна.",
    "This release has neither records nor tables to draw charts from.":
        "Энэ хувилбарт график зурах бүртгэл ч, хүснэгт ч алга.",
    "Share of denominator (%)": "Хуваарьт эзлэх хувь (%)",
    "Share": "Хувь",
    "records with this variable known": "энэ хувьсагч нь тодорхой бүртгэл",
    "records with at least one category recorded": "дор хаяж нэг ангилал бүртгэгдсэн бүртгэл",
    "records with both countries known": "хоёр улс нь тодорхой бүртгэл",
    "records with sex and age known": "хүйс, нас нь тодорхой бүртгэл",
    # Chart titles and table columns
    "Forms of exploitation": "Мөлжлөгийн хэлбэрүүд",
    "Form of exploitation": "Мөлжлөгийн хэлбэр",
    "Sex and age": "Хүйс ба нас",
    "Group": "Бүлэг",
    "Victims by year of registration": "Бүртгэсэн оноор хохирогчид",
    "Year": "Он",
    "Victims by citizenship": "Иргэншлээр хохирогчид",
    "Citizenship": "Иргэншил",
    "Victims by country of exploitation": "Мөлжлөгт өртсөн улсаар хохирогчид",
    "Country of exploitation": "Мөлжлөгт өртсөн улс",
    "Domestic and cross-border trafficking": "Дотоодын болон хил дамнасан хүн худалдаалал",
    "Kind": "Төрөл",
    "Flows: citizenship → country of exploitation": "Урсгал: иргэншил → мөлжлөгт өртсөн улс",
    "Means of control": "Хяналтын арга",
    "Sectors of labour exploitation": "Хөдөлмөрийн мөлжлөгийн салбарууд",
    "Sector": "Салбар",
    "Relation to the recruiter": "Элсүүлэгчтэй холбоо хамаарал",
    "Relation": "Холбоо хамаарал",
    "Duration of trafficking (months)": "Хүн худалдаалалтын үргэлжлэх хугацаа (сар)",
    "Months": "Сар",
    # Filters
    "Filters": "Шүүлтүүр",
    "From year": "Эхлэх он",
    "To year": "Дуусах он",
    "Contributor": "Мэдээлэл өгсөн байгууллага",
    "Sex": "Хүйс",
    "Age group": "Насны бүлэг",
    "Unknown": "Тодорхойгүй",
    "All": "Бүгд",
    "Apply filters": "Шүүх",
    "Clear filters": "Шүүлтүүрийг арилгах",
    # Pages
    "Dashboard": "Хяналтын самбар",
    "Public statistics": "Нийтийн статистик",
    "Trafficking statistics": "Хүн худалдаалалтын статистик",
    "Trafficking statistics: internal dashboard": "Хүн худалдаалалтын статистик: дотоод хяналтын самбар",
    "All records of the collaborative dataset, de-identified. For internal use only: small counts are shown.":
        "Хамтын өгөгдлийн бүх бүртгэл, хувь хүнийг тодорхойлохгүйгээр. Зөвхөн дотоод хэрэгцээнд: "
        "бага тоонууд харагдана.",
    "The collaborative dataset is empty: import data on the Dataset page first.":
        "Хамтын өгөгдөл хоосон байна: эхлээд Өгөгдөл хуудсанд өгөгдөл оруулна уу.",
    "Figures from the published release %(release_id)s, protected by disclosure control: they are close to, "
    "but not exactly, the underlying counts.":
        "Нийтэлсэн %(release_id)s хувилбарын тоо баримт, нууцлалын хяналтаар хамгаалагдсан: бодит тоонд ойр "
        "боловч яг тэнцүү биш.",
    "Countries with fewer than %(min_count)s victims are not shown on maps or flows.":
        "%(min_count)s-аас цөөн хохирогчтой улсыг газрын зураг, урсгал дээр харуулаагүй.",
    "No statistics have been published yet. Figures appear here once a release has passed disclosure control "
    "and a supervisor has approved its publication.":
        "Статистик хараахан нийтлэгдээгүй байна. Хувилбар нууцлалын хяналтыг давж, удирдагч нийтлэхийг "
        "зөвшөөрсний дараа тоо баримт энд гарна.",
    "No release has been published yet.": "Хувилбар хараахан нийтлэгдээгүй байна.",
    "No statistics are published for %(country)s: fewer than %(k)s victims.":
        "%(country)s-д статистик нийтлээгүй: хохирогч %(k)s-аас цөөн.",
    "No such chart.": "Ийм график байхгүй.",
    # Chart cards
    "Table view": "Хүснэгтээр харах",
    "Download CSV": "CSV татах",
    "Download image": "Зураг татах",
    "No data for these filters.": "Эдгээр шүүлтүүрт тохирох өгөгдөл алга.",
    "This chart could not be loaded.": "Энэ графикийг ачаалж чадсангүй.",
    "The published release %(release)s cannot be read at the moment, so no figures are shown. The "
    "administrators have been told.":
        "Нийтэлсэн %(release)s хувилбарыг одоогоор уншиж чадахгүй байгаа тул тоо баримт харуулахгүй. "
        "Администраторуудад мэдэгдсэн.",
    "The published figures cannot be read at the moment.": "Нийтэлсэн тоо баримтыг одоогоор уншиж чадахгүй байна.",
    "The year range is empty: from %(start)s to %(end)s.": "Оны хүрээ хоосон байна: %(start)s-аас %(end)s хүртэл.",
    "%(field)s must be a year such as 2019, not “%(value)s”.":
        "%(field)s нь 2019 гэх мэт он байх ёстой, “%(value)s” биш.",
    "“%(value)s” is not a country code for %(field)s; use an ISO 3166 code such as MNG.":
        "“%(value)s” нь %(field)s-д тохирох улсын код биш; MNG гэх мэт ISO 3166 код ашиглана уу.",
    "“%(value)s” is not a value of %(field)s; choose one of: %(expected)s.":
        "“%(value)s” нь %(field)s-ийн утга биш; дараахаас сонгоно уу: %(expected)s.",
    # "About this data" and the public downloads
    "About this data and downloads": "Энэ өгөгдлийн тухай ба татах файлууд",
    "About this data": "Энэ өгөгдлийн тухай",
    "Release": "Нийтлэл",
    "Method": "Арга",
    "Privacy protection": "Нууцлалын хамгаалалт",
    "Publication date": "Нийтэлсэн огноо",
    "Records": "Бүртгэл",
    "none: this release publishes tables of counts only": "байхгүй: энэ нийтлэл зөвхөн тооны хүснэгт нийтэлдэг",
    "Computing percentages": "Хувийг тооцох нь",
    "How to cite": "Иш татах",
    "Download the data": "Өгөгдөл татах",
    "the released records, one line each, in the CTDC v2024 format (synthetic records are not real people)":
        "нийтэлсэн бүртгэлүүд, тус бүр нэг мөр, CTDC v2024 хэлбэрээр (нийлэг бүртгэл бодит хүн биш)",
    "the same records with their generalised values (wider age bands, periods of years, regions)":
        "ижил бүртгэлүүд бүдүүвчилсэн утгатайгаа (илүү өргөн насны бүлэг, хэдэн оны хугацаа, бүс нутаг)",
    "the protected counts": "хамгаалсан тоонууд",
    "how the data were protected and how to use and cite them, in English":
        "өгөгдлийг хэрхэн хамгаалсан, хэрхэн ашиглаж иш татах тухай, англи хэлээр",
    "how the data were protected and how to use and cite them, in Mongolian":
        "өгөгдлийг хэрхэн хамгаалсан, хэрхэн ашиглаж иш татах тухай, монгол хэлээр",
    "Only these files are published. The release's quality and risk report stays internal: its figures are "
    "computed from the real records without protection.":
        "Зөвхөн эдгээр файлыг нийтэлнэ. Нийтлэлийн чанар ба эрсдэлийн тайлан дотоод хэрэгцээнд үлдэнэ: түүний "
        "тоонуудыг бодит бүртгэлээс хамгаалалтгүйгээр тооцсон.",
    "%(size)s kB": "%(size)s кБ",
    "%(size)s MB": "%(size)s МБ",
    "No such file.": "Ийм файл алга.",
    # SDG 16.2.2 chart
    "SDG 16.2.2: detected victims per 100,000 population": "ТХЗ 16.2.2: 100,000 хүн амд ногдох илэрсэн хохирогч",
    "Population": "Хүн ам",
    "Victims per 100,000 population": "100,000 хүн амд ногдох хохирогч",
    "Rates need the records of a release; this release publishes tables only.":
        "Түвшинг тооцоход нийтлэлийн бүртгэлүүд хэрэгтэй; энэ нийтлэл зөвхөн хүснэгт нийтэлдэг.",
    "There are population figures for female and male children and adults only: choose another sex or age group "
    "to see rates.":
        "Хүн амын тоо зөвхөн эмэгтэй, эрэгтэй хүүхэд болон насанд хүрэгчдээр байдаг: түвшинг харахын тулд өөр хүйс "
        "эсвэл насны бүлэг сонгоно уу.",
    "The population table ends in %(year)s: there are no population figures for the years selected.":
        "Хүн амын хүснэгт %(year)s онд дуусдаг: сонгосон онуудад хүн амын тоо байхгүй.",
    "No record with a year and a country of exploitation matches the filters.":
        "Шүүлтүүрт тохирох, он болон мөлжлөгт өртсөн улс нь бүртгэгдсэн бүртгэл алга.",
    "Year of registration %(year)s (the latest with population figures); the country is the country of "
    "exploitation. Population: %(source)s.":
        "Бүртгэсэн он: %(year)s (хүн амын тоо бүхий хамгийн сүүлийн он); улс нь мөлжлөгт өртсөн улс. "
        "Хүн ам: %(source)s.",
    "%(n)s victims in countries without population figures are not counted.":
        "Хүн амын тоо байхгүй улсад бүртгэгдсэн %(n)s хохирогчийг тооцоогүй.",
    "United Nations, Department of Economic and Social Affairs, Population Division (2019), World Population "
    "Prospects 2019, CC BY 3.0 IGO":
        "НҮБ-ын Эдийн засаг, нийгмийн асуудал эрхэлсэн газрын Хүн амын хэлтэс (2019), Дэлхийн хүн амын хэтийн "
        "төлөв 2019, CC BY 3.0 IGO",
}
