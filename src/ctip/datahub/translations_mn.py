"""Mongolian translations of the dataset upload pages."""

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
}
