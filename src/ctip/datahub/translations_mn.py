"""Mongolian translations of the dataset upload pages, and of the importer's messages (by kind).

The importer's messages are keyed by their code in ``ctip.exchange.messages``: the catalogue's English
template is the msgid, so the two cannot drift apart (``tests/datahub/test_wording.py`` checks that
every kind has a wording here with the same placeholders).
"""

from ctip.exchange.messages import CATALOGUE

MN = {
    # templates
    "Collaborative dataset": "Хамтын өгөгдлийн сан",
    "De-identified victim records from every contributor, one import batch at a time.":
        "Бүх оролцогч байгууллагын хувийн мэдээллийг нь арилгасан хохирогчийн бүртгэлүүд, импорт тус бүрээр.",
    "Upload a file": "Файл байршуулах",
    "Active batches: %(counter)s": "Идэвхтэй багц: %(counter)s",
    "Batch": "Багц",
    "Format": "Формат",
    "Contributor": "Мэдээлэл өгсөн байгууллага",
    "Records": "Бүртгэл",
    "Rejected rows": "Татгалзсан мөр",
    "Imported (UTC)": "Импортолсон огноо (UTC)",
    "Source file": "Эх файл",
    "Actions": "Үйлдэл",
    "Drop": "Устгах",
    "The dataset is empty: no batch has been imported yet.": "Өгөгдлийн сан хоосон байна: одоогоор ямар ч багц импортлоогүй.",
    "Upload a file to the collaborative dataset": "Хамтын өгөгдлийн санд файл байршуулах",
    "Accepted: CTDC Global Dataset CSV (2017–2021), CTDC synthetic dataset CSV (v2024, v2025), the HTCDS v2.0 "
    "Excel template, and KoboToolbox/ODK exports (CSV or Excel) of the HTCDS form.":
        "Хүлээн авах файлууд: CTDC дэлхийн өгөгдлийн CSV (2017–2021), CTDC синтетик өгөгдлийн CSV (v2024, v2025), "
        "HTCDS v2.0 Excel загвар, HTCDS маягтын KoboToolbox/ODK экспорт (CSV эсвэл Excel).",
    "Nothing is written until you have seen the validation report and press Commit. Names and other identifiers "
    "in HTCDS files are never stored.":
        "Та шалгалтын тайланг үзэж, «Баталгаажуулах» товчийг дарахаас өмнө юу ч хадгалагдахгүй. HTCDS файл дахь "
        "нэр болон бусад хувийн таних мэдээллийг хэзээ ч хадгалахгүй.",
    "The upload failed; check the connection and try again.":
        "Байршуулалт амжилтгүй боллоо; холболтоо шалгаад дахин оролдоно уу.",
    "File (CSV or .xlsx)": "Файл (CSV эсвэл .xlsx)",
    "Detect automatically": "Автоматаар таних",
    "Contributing organisation": "Мэдээлэл өгч буй байгууллага",
    "Left empty: CTDC for CTDC files, otherwise your organisation.":
        "Хоосон үлдээвэл: CTDC файлд CTDC, бусад тохиолдолд таны байгууллага.",
    "Upload and validate": "Байршуулж шалгах",
    "Uploading": "Байршуулж байна",
    "Validating the file…": "Файлыг шалгаж байна…",
    "Validation report": "Шалгалтын тайлан",
    "Detected format": "Илэрсэн формат",
    "unknown": "тодорхойгүй",
    "Rows read": "Уншсан мөр",
    "Valid rows": "Зөв мөр",
    "Invalid rows": "Алдаатай мөр",
    "This file was already imported as batch %(batch)s.": "Энэ файлыг өмнө нь %(batch)s багцаар импортолсон байна.",
    ("These records were already imported as batch %(batch)s, from a file saved in another form: importing them "
     "again would count the same victims twice. To replace that batch, drop it first."):
        "Эдгээр бүртгэлийг өөр хэлбэрээр хадгалсан файлаас %(batch)s багцаар өмнө нь импортолсон байна: дахин "
        "импортолбол ижил хохирогчдыг хоёр удаа тоолно. Тэр багцыг солихын тулд эхлээд устгана уу.",
    "These records were already imported as batch %(batch)s; nothing was imported.":
        "Эдгээр бүртгэлийг өмнө нь %(batch)s багцаар импортолсон байна; юу ч импортолсонгүй.",
    "Every row is valid.": "Бүх мөр зөв байна.",
    "%(rejected)s of %(rows)s rows are invalid. Fix the file and upload it again, or import only the valid rows.":
        "%(rows)s мөрөөс %(rejected)s нь алдаатай. Файлаа засаад дахин байршуулах, эсвэл зөвхөн зөв мөрүүдийг "
        "импортлох боломжтой.",
    "Problems": "Алдаанууд",
    "Showing %(shown)s of %(total)s problems.": "Нийт %(total)s алдаанаас %(shown)s-ийг харуулж байна.",
    "Row": "Мөр",
    "Column": "Багана",
    "Value": "Утга",
    "Expected": "Хүлээгдэж буй утга",
    "Preview of the harmonised records": "Нэгтгэсэн бүртгэлийн урьдчилсан харагдац",
    "Year": "Он",
    "Data source": "Мэдээллийн эх сурвалж",
    "Gender": "Хүйс",
    "Age band": "Насны бүлэг",
    "Majority": "Насанд хүрсэн эсэх",
    "Citizenship": "Иргэншил",
    "Country of exploitation": "Мөлжлөгт өртсөн улс",
    "Import only the valid rows; keep the reasons for the rejected ones":
        "Зөвхөн зөв мөрүүдийг импортолж, татгалзсан мөрүүдийн шалтгааныг хадгалах",
    "Commit": "Баталгаажуулах",
    "Discard": "Цуцлах",
    "Drop a batch": "Багц устгах",
    "Drop batch %(batch)s? Its %(records)s records from %(source)s will be removed from the dataset. Statistics "
    "and future releases will no longer include them.":
        "%(batch)s багцыг устгах уу? %(source)s файлаас орж ирсэн %(records)s бүртгэл өгөгдлийн сангаас хасагдана. "
        "Статистик болон цаашдын нийтлэлд тэдгээр орохгүй.",
    "Drop the batch": "Багцыг устгах",
    "Cancel": "Болих",
    "Rows are numbered from 1, the first row below the header (row 2 in a spreadsheet); blank lines are not counted.":
        "Мөрийг толгой мөрийн доорх эхний мөрөөс 1 гэж дугаарлана (хүснэгтийн программд 2-р мөр); хоосон мөрийг "
        "тооцохгүй.",
    "This platform's case store": "Энэ платформын кейсийн сан",
    "De-identified extract of the case store": "Кейсийн сангаас хувийн мэдээллийг нь хассан хуулбар",
    # views
    "Choose a file to upload.": "Байршуулах файлаа сонгоно уу.",
    "No such upload.": "Ийм байршуулалт олдсонгүй.",
    "No such batch.": "Ийм багц олдсонгүй.",
    "The upload was discarded; nothing was imported.": "Байршуулалтыг цуцаллаа; юу ч импортлоогүй.",
    "Imported %(imported)s of %(rows)s rows as batch %(batch)s.":
        "%(rows)s мөрөөс %(imported)s-ийг %(batch)s багцаар импортоллоо.",
    "This file was already imported as batch %(batch)s; nothing was imported.":
        "Энэ файлыг өмнө нь %(batch)s багцаар импортолсон тул юу ч импортлоогүй.",
    "Nothing was imported: the file has invalid rows.": "Юу ч импортлоогүй: файлд алдаатай мөр байна.",
    "Batch %(batch)s was dropped: %(count)s records removed.": "%(batch)s багцыг устгалаа: %(count)s бүртгэл хасагдлаа.",
    "The file is larger than %(mib)s MiB: split it and upload the parts.":
        "Файл %(mib)s MiB-аас том байна: хэд хэдэн хэсэгт хувааж, хэсэг тус бүрийг илгээнэ үү.",
    "(withheld: identifying field)": "(нуусан: хувь хүнийг таних талбар)",
}

_RESAVE = ("'CSV UTF-8 (comma delimited)' хэлбэрээр дахин хадгалах (Excel, LibreOffice) эсвэл iconv-оор "
           "хөрвүүлнэ үү")
_LEGACY = "Windows-1252 эсвэл өөр хуучин кодчилолтой бололтой: " + _RESAVE
_HEADER = "%(file)s: толгой мөр %(format)s форматтай таарахгүй байна ("
_MISSING = "заавал байх %(missing_count)s багана дутуу: %(missing)s"
_UNKNOWN = "%(unknown_count)s үл мэдэгдэх багана: %(unknown)s"
IMPORT_MESSAGES = {
    # cell problems: what a valid cell looks like
    "code": "дараахын аль нэг: %(choices)s (мэдээлэлгүй бол хоосон)",
    "choice": "дараахын аль нэг: %(choices)s (код эсвэл нэршил)",
    "choices": "%(field)s-ийн сонголтууд, хоосон зай эсвэл ';'-ээр тусгаарласан: %(choices)s",
    "binary": "1 (тийм), 0 (үгүй) эсвэл хоосон/-99 (мэдээлэлгүй)",
    "year": "%(first)s-аас %(last)s оны хоорондох он",
    "year_to_next": "%(first)s оноос ирэх он хүртэлх он",
    "country": "ISO 3166-1 улсын код (alpha-2 эсвэл alpha-3), мэдээлэлгүй бол хоосон эсвэл ZZ",
    "country_or_name": "ISO 3166-1 улсын код (alpha-2 эсвэл alpha-3) эсвэл улсын англи нэр",
    "country_alpha3": "ISO 3166-1 alpha-3 улсын код",
    "date": "YYYY-MM-DD хэлбэрээр бичсэн огноо (эсвэл Excel-ийн огноо)",
    "birthdate": "YYYY-MM-DD хэлбэрээр бичсэн огноо (эсвэл Excel-ийн огноо), бүртгэсэн өдөр эсвэл түүнээс өмнө",
    "age": "бүтэн жилээр илэрхийлсэн нас (0-120)",
    "concatenated": "'%(labels)s' (%(group)s бүлгийн 1 гэж тэмдэглэсэн баганын нэршил)",
    "concatenated_empty": "хоосон (%(group)s бүлгийн аль ч багана 1 биш)",
    "field_count": "толгой мөрийнх шиг %(expected)s талбар, гэтэл %(found)s байна",
    "csv_line_break": "мөр шилжилт зөвхөн мөрийн төгсгөлд (энэ нь хашилтад ороогүй нүдэн дотор байна)",
    "csv_unclosed_quote": "энэ мөрөнд эхэлсэн хашилттай нүдийг хаах хашилт (\")",
    "csv_text_after_quote": "хаах хашилтын (\") дараа шууд тусгаарлагч эсвэл мөрийн төгсгөл",
    "csv_syntax": "зөв бүтэцтэй CSV (тусгаарлагч болон хашилтыг шалгана уу)",
    "cell_too_long": "%(limit)s тэмдэгтээс ихгүй нүд",
    "utf8": "UTF-8 текст",
    # header problems
    "unknown_column": "%(format)s форматад ийм хувьсагч байхгүй; зөвхөн дараахыг хүлээн авна: %(columns)s",
    "missing_column": "%(format)s файлд '%(column)s' багана заавал байх ёстой",
    # whole-file errors
    "empty_file": "%(file)s: файл хоосон байна; толгой мөртэй CSV эсвэл Excel файл хэрэгтэй",
    "xls": "%(file)s: энэ нь хуучин Excel 97-2003 (.xls) файл байна; .xlsx эсвэл CSV UTF-8 болгож хадгалаад "
           "түүнийгээ байршуулна уу",
    "utf16": "%(file)s: файл UTF-16 кодчилолтой (Excel-ийн 'Unicode text'); зөвхөн UTF-8 хүлээн авна: " + _RESAVE,
    "binary_file": "%(file)s: хоёртын өгөгдөл агуулж байна (%(offset)s байрлалд NUL байт); CSV текст файл эсвэл "
                   ".xlsx файл хэрэгтэй",
    "header_not_utf8": "%(file)s: толгой мөр UTF-8 биш байна (%(position)s байрлалд 0x%(byte)s байт); " + _LEGACY,
    "header_not_utf8_bom": "%(file)s: файл UTF-8 BOM тэмдэгтээр эхэлсэн ч толгой мөр нь UTF-8 биш байна "
                           "(%(position)s байрлалд 0x%(byte)s байт); " + _LEGACY,
    "no_header": "%(file)s: эхний мөрөнд ',', ';' эсвэл табаар тусгаарласан баганын нэр алга; толгой мөр хэрэгтэй",
    "damaged_xlsx": "%(file)s: файл Excel файл шиг эхэлсэн ч гэмтсэн эсвэл дутуу байна; дахин экспортлоно уу",
    "zip_not_xlsx": "%(file)s: Excel файл биш ZIP архив байна; .xlsx эсвэл CSV хэрэгтэй",
    "xlsx_too_large": "%(file)s: Excel файл задлахад %(size)s MiB болж, Excel файлын дээд хэмжээ болох %(limit)s "
                      "MiB-аас хэтэрч байна; хүснэгтээ CSV UTF-8 болгож хадгалах (CSV файлд ийм хязгаар байхгүй) "
                      "эсвэл хуваана уу",
    "xlsx_unreadable": "%(file)s: файлын агуулга Excel-ийн бичдэг хэлбэрт тохирохгүй тул уншиж чадсангүй; Excel "
                       "эсвэл LibreOffice-оор нээж, 'Excel Workbook (.xlsx)' эсвэл CSV UTF-8 болгож дахин хадгална уу",
    "xlsx_encrypted": "%(file)s: Excel файл нууц үгээр хамгаалагдсан (шифрлэгдсэн) тул уншиж чадсангүй; Excel-ээр "
                      "нээж нууц үгийг авч (File > Info > Protect Workbook > Encrypt with Password) дахин хадгалах, "
                      "эсвэл хүснэгтээ CSV UTF-8 болгож хадгална уу",
    "xlsx_sheet_empty": "%(file)s: Excel файлын эхний хуудас хоосон байна",
    "duplicate_column": "%(file)s: '%(column)s' багана толгой мөрөнд хоёр удаа байна; багана бүр нэг л удаа байх "
                        "ёстой",
    "csv_unparsable": "%(file)s: CSV файлыг задлан уншиж чадсангүй; тусгаарлагч болон хашилтыг шалгана уу",
    "csv_cell_too_long": "%(file)s: %(row)s-р мөрөнд %(limit)s тэмдэгтээс урт нүд байна, эдгээр форматын ямар ч утга "
                         "тийм урт байдаггүй; хашилтыг шалгана уу (хаагаагүй хашилт олон мөрийг нэг нүд болгодог)",
    "csv_bad_row": "%(file)s: %(row)s-р мөр зөв бүтэцтэй CSV биш байна; тусгаарлагч болон хашилтыг шалгана уу",
    "csv_line_break_row": "%(file)s: %(row)s-р мөр, %(column)s багана: хашилтад ороогүй нүдэн дотор мөр шилжилт "
                          "(дан карет буцаах тэмдэгт) байна; нүдийг хашилтад оруулах эсвэл мөр шилжилтийг устгана уу",
    "csv_unclosed_quote_row": "%(file)s: %(row)s-р мөрөнд эхэлсэн хашилттай нүд хаагдаагүй (файл түүний дотор "
                              "дуусна); хашилтыг хаах эсвэл устгана уу",
    "csv_text_after_quote_row": "%(file)s: %(row)s-р мөрөнд нүдний хаах хашилтын дараа текст байна; нүдийг бүхэлд "
                                "нь хашилтад оруулж, доторх хашилтыг хоёр удаа (\"\") бичнэ үү",
    "ragged_rows": "%(file)s: %(count)s мөрөнд толгой мөрийн %(columns)s багана байхгүй, эхнийх нь %(row)s-р мөр "
                   "(толгой мөрийнх шиг %(columns)s талбар, гэтэл %(found)s байна); тусгаарлагч болон хашилтыг "
                   "шалгана уу",
    "truncated": "%(file)s: сүүлийн мөр (%(row)s) дутуу байна (толгой мөрийнх шиг %(columns)s талбар, гэтэл "
                 "%(found)s байна), файл мөр шилжилтээр төгсөөгүй: файл тасарсан бололтой; бүтэн файлаа "
                 "байршуулна уу",
    "not_utf8_row": "%(file)s: %(row)s-р мөр UTF-8 текст биш байна (0x%(byte)s байт); файл " + _LEGACY,
    "not_utf8_row_bom": "%(file)s: файл UTF-8 BOM тэмдэгтээр эхэлсэн ч %(row)s-р мөр UTF-8 текст биш байна "
                        "(0x%(byte)s байт); файл " + _LEGACY,
    "no_htcds_field": "%(file)s: толгой мөрөнд HTCDS талбар олдсонгүй; %(fields)s зэрэг багана (нэр эсвэл "
                      "нэршил) хэрэгтэй",
    "unknown_file_format": "%(file)s: толгой мөрөөс форматыг тодорхойлж чадсангүй; CTDC 2017 эсвэл v2024 CSV, "
                           "HTCDS Excel загвар, эсвэл HTCDS маягтын KoboToolbox/ODK экспорт хэрэгтэй (эсвэл "
                           "форматаа --format %(formats)s-ээр заана уу)",
    "ctdc_not_csv": "%(file)s: %(format)s файл CSV байх ёстой, харин энэ нь Excel файл байна (CSV UTF-8 болгож "
                    "хадгална уу)",
    "ctdc2024_not_csv": "%(file)s: CTDC v2024 CSV файл хэрэгтэй",
    "ctdc2024_problems": "%(file)s: %(count)s алдаа, эхнийх нь: %(row)s-р мөр, %(column)s багана, утга %(value)s, "
                         "хүлээгдэж буй утга: %(expected)s",
    "no_rows": "%(file)s: толгой мөрийн доор өгөгдлийн мөр алга; импортлох зүйл алга",
    "header_missing": _HEADER + _MISSING + "); юу ч импортлоогүй",
    "header_unknown": _HEADER + _UNKNOWN + "); юу ч импортлоогүй",
    "header_missing_unknown": _HEADER + _MISSING + "; " + _UNKNOWN + "); юу ч импортлоогүй",
    # wrong arguments
    "unknown_format": "%(format)s гэсэн формат байхгүй; дараахын аль нэг байх ёстой: %(formats)s",
    "contributor_invalid": "байгууллага %(name)s: 1-80 тэмдэгттэй байгууллагын нэр эсвэл код хэрэгтэй (мөр "
                           "шилжилт, удирдлагын тэмдэгтгүй)",
    "contributor_missing": "%(format)s файлд мэдээлэл өгсөн байгууллагыг (--contributor) заана уу",
    # notes: how the file was read
    "terms_column": "эхний '%(column)s' баганыг (ашиглалтын нөхцөл) алгаслаа",
    "htcds_fields": "HTCDS-ийн %(count)s талбар уншлаа; бусад баганыг тооцохгүй",
}
MN.update({CATALOGUE[code]: text for code, text in IMPORT_MESSAGES.items()})
# ``ctip dataset import``'s own words around the importer's messages (``ctip.cli.dataset.CLI``)
MN.update({
    "%(file)s: no such file": "%(file)s: ийм файл алга",
    "row %(row)s": "%(row)s-р мөр",
    ", column %(column)s": ", %(column)s багана",
    "expected %(expected)s": "хүлээгдэж буй утга: %(expected)s",
    "… %(count)s more (use --json for up to 100)": "… бас %(count)s (100 хүртэлхийг --json-оор харна)",
    ("%(file)s: %(rejected)s of %(rows)s rows invalid (%(count)s problem(s)); nothing imported. Fix the file, or use "
     "--skip-invalid to import the valid rows"):
        "%(file)s: %(rows)s мөрийн %(rejected)s нь алдаатай (%(count)s алдаа); юу ч импортлоогүй. Файлаа засах, "
        "эсвэл хүчинтэй мөрүүдийг импортлохын тулд --skip-invalid хэрэглэнэ үү",
})
