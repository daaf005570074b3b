"""Mongolian translations of roles, scopes, account fields and the user-management pages."""

MN = {
    # roles, scopes and model fields
    "Case worker": "Кейс хариуцсан ажилтан",
    "Supervisor": "Хянагч",
    "Organisation administrator": "Байгууллагын администратор",
    "Police analyst": "Цагдаагийн шинжээч",
    "Data analyst": "Өгөгдлийн шинжээч",
    "System administrator": "Системийн администратор",
    "Own cases": "Өөрийн кейсүүд",
    "Own group": "Өөрийн баг",
    "Own organisation": "Өөрийн байгууллага",
    "All organisations": "Бүх байгууллага",
    "name": "нэр",
    "short code": "товч код",
    "type": "төрөл",
    "country": "улс",
    "demo (synthetic)": "туршилтын (зохиомол)",
    "organisation": "байгууллага",
    "role": "үүрэг",
    "scope": "хамрах хүрээ",
    "group": "баг",
    "service account": "үйлчилгээний бүртгэл",
    # the users page
    "Users": "Хэрэглэгчид",
    "The accounts of every organisation. As a system administrator you may grant every role and scope.":
        "Бүх байгууллагын бүртгэлүүд. Системийн администратор та бүх үүрэг, бүх хамрах хүрээг олгож болно.",
    "The accounts of %(organisation)s.": "%(organisation)s-ийн бүртгэлүүд.",
    "You may grant these roles: %(roles)s; with these scopes: %(scopes)s.":
        "Таны олгож болох үүргүүд: %(roles)s; хамрах хүрээ: %(scopes)s.",
    "Your account belongs to no organisation, so you manage no account: ask a system administrator.":
        "Таны бүртгэл ямар ч байгууллагад хамаарахгүй тул та бүртгэл удирдахгүй: системийн администратороос "
        "асууна уу.",
    "Add a user": "Хэрэглэгч нэмэх",
    "Show": "Харуулах",
    "Deactivating stops a login at once; records and history stay. Reactivating and resetting a password "
    "show a new password once.":
        "Идэвхгүй болгоход нэвтрэх эрх тэр даруй зогсоно; бүртгэл, түүх хадгалагдана. Дахин идэвхжүүлэх болон "
        "нууц үг шинэчлэхэд шинэ нууц үгийг нэг удаа харуулна.",
    "User name": "Хэрэглэгчийн нэр",
    "Organisation": "Байгууллага",
    "Role": "Үүрэг",
    "Scope": "Хамрах хүрээ",
    "Group": "Баг",
    "State": "Төлөв",
    "Last login": "Сүүлд нэвтэрсэн",
    "Actions": "Үйлдэл",
    "you": "та",
    "Active": "Идэвхтэй",
    "Deactivated": "Идэвхгүй болгосон",
    "Service account": "Үйлчилгээний бүртгэл",
    "never": "хэзээ ч үгүй",
    "Deactivate": "Идэвхгүй болгох",
    "Reset password": "Нууц үг шинэчлэх",
    "Reactivate": "Дахин идэвхжүүлэх",
    "No user yet.": "Одоогоор хэрэглэгч алга.",
    "Service accounts (for other systems, with API tokens) are created on the command line:":
        "Үйлчилгээний бүртгэлийг (бусад системд зориулсан, токеноор ханддаг) тушаалын мөрөөр үүсгэнэ:",
    "Organisations": "Байгууллагууд",
    "Find users": "Хэрэглэгч хайх",
    "The whole name or its first letters.": "Бүтэн нэр эсвэл эхний хэдэн үсэг.",
    "Show everyone": "Бүгдийг харуулах",
    "Accounts found: %(n)s": "Олдсон бүртгэл: %(n)s",
    "No account matches.": "Тохирох бүртгэл алга.",
    "Change role": "Үүрэг өөрчлөх",
    "Pages": "Хуудсууд",
    "Previous": "Өмнөх",
    "Page %(n)s of %(total)s": "%(total)s хуудасны %(n)s-р хуудас",
    "Next": "Дараах",
    # adding a user
    "ctip makes a random password and shows it once on the next page, for you to hand over in private.":
        "ctip санамсаргүй нууц үг үүсгэж, дараагийн хуудсанд нэг удаа харуулна; та үүнийг хэрэглэгчид "
        "нууцаар хүлээлгэн өгнө.",
    "Letters, digits and @ . + - _ only; at most 150 characters.":
        "Зөвхөн үсэг, тоо болон @ . + - _ тэмдэгт; хамгийн ихдээ 150 тэмдэгт.",
    "The user's team; needed when the scope is “Own group”.":
        "Хэрэглэгчийн баг; хамрах хүрээ нь «Өөрийн баг» үед заавал бөглөнө.",
    "Choose one of: %(valid)s.": "Дараахын аль нэгийг сонгоно уу: %(valid)s.",
    "Choose the organisation the user works for.": "Хэрэглэгчийн ажилладаг байгууллагыг сонгоно уу.",
    "Choose one of the organisations listed.": "Жагсаалтад буй байгууллагуудын аль нэгийг сонгоно уу.",
    "Create the account": "Бүртгэл үүсгэх",
    "Back to the users": "Хэрэглэгчид рүү буцах",
    # changing a role, scope and group
    "Change %(name)s": "%(name)s-г өөрчлөх",
    "Change the role of %(name)s": "%(name)s-ийн үүргийг өөрчлөх",
    "Now: %(role)s, %(scope)s, in %(organisation)s.": "Одоо: %(role)s, %(scope)s, %(organisation)s.",
    "A change applies from the user's next page, without a new login; it is written to the audit log.":
        "Өөрчлөлт хэрэглэгчийн дараагийн хуудаснаас дахин нэвтрэхгүйгээр хүчинтэй болж, аудитын бүртгэлд "
        "бичигдэнэ.",
    "Save the change": "Өөрчлөлтийг хадгалах",
    "%(name)s: nothing changed.": "%(name)s: юу ч өөрчлөгдсөнгүй.",
    "%(name)s now has the role %(role)s, the scope %(scope)s and the group %(group)s; the change applies from "
    "their next page.":
        "%(name)s одоо %(role)s үүрэгтэй, хамрах хүрээ нь %(scope)s, баг нь %(group)s; өөрчлөлт түүний "
        "дараагийн хуудаснаас хүчинтэй.",
    # organisations
    "The organisations whose staff use ctip. Add an organisation, then its first organisation administrator on "
    "the Users page; they manage their colleagues' accounts.":
        "Ажилтнууд нь ctip ашигладаг байгууллагууд. Байгууллага нэмээд, дараа нь түүний анхны байгууллагын "
        "администраторыг «Хэрэглэгчид» хуудсанд нэмнэ үү; тэр хамт олныхоо бүртгэлийг удирдана.",
    "Add an organisation": "Байгууллага нэмэх",
    "Short code": "Товч код",
    "Letters, digits and hyphens; it cannot be changed later.": "Үсэг, тоо, зураас; дараа нь өөрчлөх боломжгүй.",
    "Use only letters, digits, hyphens and underscores.": "Зөвхөн үсэг, тоо, зураас, доогуур зураас ашиглана уу.",
    "Name": "Нэр",
    "The full name, as users should see it.": "Хэрэглэгчдэд харагдах бүтэн нэр.",
    "Type": "Төрөл",
    "Country": "Улс",
    "Choose one of the countries listed.": "Жагсаалтад буй улсуудын аль нэгийг сонгоно уу.",
    "Active users": "Идэвхтэй хэрэглэгч",
    "demo": "туршилтын",
    "No organisation yet.": "Одоогоор байгууллага алга.",
    "The type is the HTCDS organisation type; it decides, for instance, that the administrator of a "
    "law-enforcement unit may grant the police analyst role.":
        "Төрөл нь HTCDS-ийн байгууллагын төрөл юм; жишээ нь хууль сахиулах байгууллагын администратор "
        "цагдаагийн шинжээчийн үүрэг олгож болох эсэхийг энэ нь шийднэ.",
    "Add the organisation": "Байгууллагыг нэмэх",
    "Back to the organisations": "Байгууллагууд руу буцах",
    "%(name)s is added. Add its first organisation administrator on the Users page.":
        "%(name)s нэмэгдлээ. Түүний анхны байгууллагын администраторыг «Хэрэглэгчид» хуудсанд "
        "нэмнэ үү.",
    # the password shown once
    "New password": "Шинэ нууц үг",
    "Account %(name)s created": "%(name)s бүртгэл үүслээ",
    "New password for %(name)s": "%(name)s-ийн шинэ нууц үг",
    "Role: %(role)s; scope: %(scope)s; organisation: %(organisation)s.":
        "Үүрэг: %(role)s; хамрах хүрээ: %(scope)s; байгууллага: %(organisation)s.",
    "The old password no longer works, and sessions opened with it end at their next request.":
        "Хуучин нууц үг ажиллахаа больсон; түүгээр нээсэн холболтууд дараагийн хүсэлтээр дуусна.",
    "Password": "Нууц үг",
    "This password is shown only once.": "Энэ нууц үгийг зөвхөн нэг удаа харуулна.",
    "Hand it over in private: in person or read out on the phone, never by e-mail, chat or on paper left "
    "behind. ctip keeps only a hash of it and cannot show it again; if it is lost, reset the password.":
        "Нууцаар хүлээлгэн өгнө үү: биечлэн эсвэл утсаар уншиж өгнө; и-мэйл, чат, орхисон цаасаар хэзээ ч "
        "бүү дамжуул. ctip зөвхөн түүний хэшийг хадгалдаг тул дахин харуулж чадахгүй; алдвал нууц үгийг "
        "шинэчилнэ үү.",
    "Ask the user to choose a password of their own at their first login (“Change password”, at the top of "
    "every page).":
        "Хэрэглэгчийг анх нэвтрэхдээ өөрийн нууц үгийг сонгохыг хүснэ үү (хуудас бүрийн дээд хэсэгт буй "
        "«Нууц үг солих»).",
    # what happened
    "No such user.": "Ийм хэрэглэгч алга.",
    "%(name)s: %(problem)s": "%(name)s: %(problem)s",
    "%(name)s is deactivated: the account can no longer log in or call the API; its records and history stay.":
        "%(name)s идэвхгүй боллоо: энэ бүртгэлээр нэвтрэх, токеноор хандах боломжгүй; бүртгэл, түүх нь "
        "хадгалагдана.",
    "%(name)s is active again. It is a service account: issue it a new API token on the command line.":
        "%(name)s дахин идэвхжлээ. Энэ нь үйлчилгээний бүртгэл тул тушаалын мөрөөр шинэ токен олгоно уу.",
    # refusals of the account services
    "unknown value %(value)r; expected one of: %(valid)s":
        "үл мэдэгдэх утга %(value)r; дараахын аль нэг байх ёстой: %(valid)s",
    "this is your own account; another administrator must change it":
        "энэ бол таны өөрийн бүртгэл; үүнийг өөр администратор өөрчлөх ёстой",
    "you may not manage the account %(name)r": "та %(name)r бүртгэлийг удирдах эрхгүй",
    "unknown organisation type %(value)r; expected one of: %(valid)s":
        "үл мэдэгдэх байгууллагын төрөл %(value)r; дараахын аль нэг байх ёстой: %(valid)s",
    "unknown country code %(value)r; expected an ISO 3166-1 alpha-3 code such as MNG":
        "үл мэдэгдэх улсын код %(value)r; ISO 3166-1 alpha-3 код байх ёстой, жишээ нь MNG",
    "an organisation with the code %(value)r already exists": "%(value)r кодтой байгууллага аль хэдийн бий",
    "you may create users only in your own organisation":
        "та зөвхөн өөрийн байгууллагад хэрэглэгч үүсгэж болно",
    "choose the organisation the user works for": "хэрэглэгчийн ажилладаг байгууллагыг сонгоно уу",
    "a user named %(name)r already exists": "%(name)r нэртэй хэрэглэгч аль хэдийн бий",
    "a user with the scope 'group' needs a group name":
        "«Өөрийн баг» хамрах хүрээтэй хэрэглэгчид багийн нэр заавал хэрэгтэй",
    "no user named %(name)r": "%(name)r нэртэй хэрэглэгч алга",
    "%(name)r is already active": "%(name)r аль хэдийн идэвхтэй байна",
    "%(name)r is deactivated; reactivate the account instead":
        "%(name)r идэвхгүй болсон; оронд нь бүртгэлийг дахин идэвхжүүлнэ үү",
    "only a system administrator creates organisations": "байгууллагыг зөвхөн системийн администратор үүсгэнэ",
    "an organisation named %(value)r already exists": "%(value)r нэртэй байгууллага аль хэдийн бий",
    "%(name)r is the last active administrator of %(organisation)s; make another user its administrator first":
        "%(name)r бол %(organisation)s-ийн сүүлчийн идэвхтэй администратор; эхлээд өөр хэрэглэгчийг "
        "администратор болгоно уу",
    "%(name)r is a service account; it uses API tokens, not a password":
        "%(name)r бол үйлчилгээний бүртгэл; нууц үг биш, токен ашигладаг",
}
