"""Mongolian translations of the page layout and home page (compiled by ``scripts/po.py web``)."""

MN = {
    "Skip to content": "Агуулга руу шилжих",
    "Main": "Үндсэн цэс",
    "Log out": "Гарах",
    "Change password": "Нууц үг солих",
    "Change your password": "Нууц үгээ солих",
    ("At least 12 characters; not a common password, not only digits, not like your user name. A passphrase of "
     "four or five unrelated words is easy to remember and hard to guess."):
        "Дор хаяж 12 тэмдэгт; түгээмэл нууц үг биш, зөвхөн цифрээс бүрдээгүй, хэрэглэгчийн нэртэй төстэй биш. "
        "Хоорондоо холбоогүй дөрөв, таван үгээс бүрдсэн нууц хэллэгийг санахад амархан, таахад хэцүү.",
    "Password changed": "Нууц үг солигдлоо",
    "Your password was changed. Use the new one from now on; you stay logged in here.":
        "Таны нууц үг солигдлоо. Одоо шинэ нууц үгээ ашиглана уу; энд нэвтэрсэн хэвээр байна.",
    "Back to the start page": "Эхлэл хуудас руу буцах",
    # Django's own Mongolian catalogue lacks this message of the password forms
    "The two password fields didn’t match.": "Хоёр нууц үг таарахгүй байна.",
    "Log in": "Нэвтрэх",
    "ctip: counter-trafficking information platform.": "ctip: хүн худалдаалахтай тэмцэх мэдээллийн платформ.",
    "Home": "Нүүр",
    "Counter-trafficking information platform": "Хүн худалдаалахтай тэмцэх мэдээллийн платформ",
    "ctip helps organisations that fight human trafficking to identify victims, protect and assist them, and produce evidence without exposing anyone.":
        "ctip нь хүн худалдаалахтай тэмцэж буй байгууллагуудад хохирогчийг илрүүлэх, хамгаалах, туслах, "
        "хэнийг ч ил гаргахгүйгээр нотолгоо бий болгоход тусалдаг.",
    "Identify": "Илрүүлэх",
    "a screening interview applies the Palermo Protocol and suggests a trafficking status with its reasons; a person decides.":
        "шалгах ярилцлага Палермогийн протоколыг хэрэглэж, хүн худалдаалалтын статусыг шалтгаантай нь санал болгоно; шийдвэрийг хүн гаргана.",
    "Protect and assist": "Хамгаалах, туслах",
    "case management, consent, referrals between partners, approvals and an audit trail.":
        "кейс удирдлага, зөвшөөрөл, түншүүдийн хоорондын шилжүүлэг, батлалт, аудитын бүртгэл.",
    "Evidence": "Нотолгоо",
    "a de-identified dataset in the CTDC and HTCDS standards, statistics and dashboards, public releases under disclosure control.":
        "CTDC ба HTCDS стандартын хувь хүнийг тодорхойлохгүй өгөгдөл, статистик, хяналтын самбар, нууцлалын хяналттай нийтийн хувилбарууд.",
    "OSINT": "Нээлттэй эх сурвалжийн тагнуул",
    "triage of collected online posts for trafficking red flags, for trained police analysts.":
        "цуглуулсан онлайн нийтлэлүүдийг хүн худалдаалалтын анхааруулах шинжээр ангилах, бэлтгэгдсэн цагдаагийн шинжээчдэд.",
    "Identifying data is encrypted at rest. Public figures are published only after disclosure control.":
        "Хувь хүнийг тодорхойлох өгөгдөл шифрлэгдэж хадгалагдана. Нийтийн тоо баримтыг зөвхөн нууцлалын хяналтын дараа нийтэлнэ.",
    "Your user name and password did not match. Please try again.": "Хэрэглэгчийн нэр, нууц үг таарсангүй. Дахин оролдоно уу.",
    "User name": "Хэрэглэгчийн нэр",
    "Password": "Нууц үг",
    "Cases": "Кейсүүд",
    "Referrals": "Шилжүүлэг",
    "Approvals": "Батлалт",
    "Retention": "Хадгалах хугацаа",
    "Dataset": "Өгөгдлийн сан",
    "Dashboard": "Хяналтын самбар",
    "Releases": "Нийтлэлүүд",
    "Public statistics": "Нийтийн статистик",
    # error pages (403.html, 404.html)
    "Not allowed": "Хандах эрхгүй",
    "Your role does not give access to this page. Ask your organisation's administrator if you need it.":
        "Таны үүрэг энэ хуудсанд хандах эрх олгодоггүй. Шаардлагатай бол байгууллагынхаа админд хандана уу.",
    "Page not found": "Хуудас олдсонгүй",
    "There is no such page, or it is not shared with you. Check the address, or start again from the home page.":
        "Ийм хуудас байхгүй, эсвэл танд хуваалцаагүй байна. Хаягаа шалгах эсвэл нүүр хуудаснаас дахин эхэлнэ үү.",
    "Back to the home page": "Нүүр хуудас руу буцах",
    "The form has expired": "Маягтын хугацаа дууссан",
    "The page was open for too long, or your browser blocks cookies for this site. Go back, reload the page and send the form again.":
        "Хуудас хэт удаан нээлттэй байсан, эсвэл таны хөтөч энэ сайтын күүкиг хаасан байна. Буцаж, хуудсаа "
        "дахин ачаалаад маягтаа дахин илгээнэ үү.",
    "Something went wrong": "Алдаа гарлаа",
    "ctip could not answer this request. Try again in a moment; if it happens again, tell your administrator when it happened.":
        "ctip энэ хүсэлтэд хариулж чадсангүй. Хэсэг хугацааны дараа дахин оролдоно уу; дахин давтагдвал хэзээ "
        "болсныг админдаа мэдэгдэнэ үү.",
    "Your account": "Таны бүртгэл",  # the link to /accounts/me/ in the top bar
    # the idle-session warning
    "Your session is about to end": "Таны нэвтрэлт удахгүй дуусна",
    "You have not used ctip for a while. So that nobody else can use your session on this computer, it ends soon "
    "and this page closes. Unsaved changes on this page are lost.":
        "Та ctip-г хэсэг хугацаанд ашиглаагүй байна. Энэ компьютер дээр өөр хүн таны нэвтрэлтийг ашиглахгүйн тулд "
        "удахгүй нэвтрэлт дуусч, энэ хуудас хаагдана. Энэ хуудсан дээрх хадгалаагүй өөрчлөлт алга болно.",
    "Stay signed in": "Нэвтэрсэн хэвээр үлдэх",
}
