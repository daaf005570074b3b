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
    "Service accounts are for other systems calling the API: they have no password but API tokens, each shown "
    "once when issued. “Revoke all tokens” stops every token of the account at once; deactivating the account "
    "does too.":
        "Үйлчилгээний бүртгэл нь API дууддаг бусад системд зориулагдсан: нууц үггүй, зөвхөн API токентой бөгөөд "
        "токен бүрийг олгох үед нэг л удаа харуулна. “Бүх токеныг хүчингүй болгох” нь бүртгэлийн бүх токеныг нэг "
        "дор зогсооно; бүртгэлийг идэвхгүй болгох нь мөн адил.",
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
    "This password is temporary: it works until %(expires)s, and only to sign in and choose a password of their "
    "own, which ctip asks for at once. After that time, reset the password again.":
        "Энэ нууц үг түр зуурынх: %(expires)s хүртэл зөвхөн нэвтэрч, өөрийн нууц үгийг сонгоход ажиллана; "
        "ctip үүнийг нэвтэрмэгц шаардана. Тэр хугацаа өнгөрвөл нууц үгийг дахин шинэчилнэ үү.",
    # what happened
    "No such user.": "Ийм хэрэглэгч алга.",
    "%(name)s: %(problem)s": "%(name)s: %(problem)s",
    "%(name)s is deactivated: the account can no longer log in or call the API; its records and history stay.":
        "%(name)s идэвхгүй боллоо: энэ бүртгэлээр нэвтрэх, токеноор хандах боломжгүй; бүртгэл, түүх нь "
        "хадгалагдана.",
    "%(name)s is active again. It is a service account: issue it a new API token (“Issue a token”).":
        "%(name)s дахин идэвхжлээ. Энэ нь үйлчилгээний бүртгэл тул шинэ API токен олгоно уу (“Токен олгох”).",
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
    "%(name)r is a service account; it uses API tokens, not a second factor":
        "%(name)r бол үйлчилгээний бүртгэл; хоёр дахь алхам биш, токен ашигладаг",
    # signing in: the lockout, idle sessions
    "Too many failed sign-ins. Signing in with this user name from this computer is blocked for %(minutes)d "
    "minutes. Try again later, or ask your organisation administrator to lift the block.":
        "Олон удаа буруу нэвтэрсэн тул энэ компьютерээс энэ хэрэглэгчийн нэрээр нэвтрэхийг %(minutes)d минутын "
        "турш хаалаа. Дараа дахин оролдох эсвэл байгууллагынхаа администратороос хоригийг цуцлахыг хүснэ үү.",
    "Your session ended: 8 hours have passed since you signed in. Please sign in again.":
        "Таны холболт дууслаа: нэвтэрснээс хойш 8 цаг өнгөрсөн. Дахин нэвтэрнэ үү.",
    "Your session ended after %(minutes)d minutes without activity, so that nobody else can use it on this "
    "computer. Please sign in again.":
        "Энэ компьютерийг өөр хүн ашиглахгүйн тулд %(minutes)d минут идэвхгүй байсны дараа таны холболт "
        "дууслаа. Дахин нэвтэрнэ үү.",
    # the users page: lockouts and second factors
    "Authenticator app": "Баталгаажуулах апп",
    "Blocked after failed sign-ins": "Буруу нэвтрэлтийн улмаас хаагдсан",
    "Lift the block": "Хоригийг цуцлах",
    "Reset second factor": "Хоёр дахь алхмыг шинэчлэх",
    "%(name)s may sign in again: the block after failed sign-ins is lifted.":
        "%(name)s дахин нэвтэрч болно: буруу нэвтрэлтийн дараах хоригийг цуцаллаа.",
    "%(name)s's second factor is removed: they set up an authenticator app again at their next sign-in.":
        "%(name)s-ийн хоёр дахь алхмыг устгалаа: дараагийн нэвтрэлтдээ баталгаажуулах аппаа дахин тохируулна.",
    # the second factor: enrolment, code, recovery codes
    "Code": "Код",
    "Type the code your app shows.": "Аппын харуулж буй кодыг бичнэ үү.",
    "Service accounts have no second factor.": "Үйлчилгээний бүртгэлд хоёр дахь алхам байхгүй.",
    "This code does not match. Check that the phone's clock is right and type the code the app shows now (it "
    "changes every 30 seconds).":
        "Код таарахгүй байна. Утасныхаа цаг зөв эсэхийг шалгаад аппын одоо харуулж буй кодыг бичнэ үү (код 30 "
        "секунд тутам солигддог).",
    "This code does not match. Type the code your app shows now, or one of your recovery codes.":
        "Код таарахгүй байна. Аппын одоо харуулж буй кодыг эсвэл сэргээх кодуудынхаа аль нэгийг бичнэ үү.",
    "After a wrong code, wait %(seconds)d s before the next try, then type the code your app shows then.":
        "Буруу кодын дараа дахин оролдохоосоо өмнө %(seconds)d секунд хүлээгээд аппын тухайн үед харуулж буй "
        "кодыг бичнэ үү.",
    "Sign-in code": "Нэвтрэх код",
    "Your password is right. Now type the 6-digit code your authenticator app shows for ctip.":
        "Нууц үг зөв байна. Одоо баталгаажуулах аппын ctip-д зориулан харуулж буй 6 оронтой кодыг бичнэ үү.",
    "Continue": "Үргэлжлүүлэх",
    "No phone at hand? Type one of your recovery codes instead (each works once). Lost them too? Ask your "
    "organisation administrator to reset your second factor.":
        "Утас дэргэд алга уу? Оронд нь сэргээх кодуудынхаа аль нэгийг бичнэ үү (тус бүр нэг удаа ажиллана). "
        "Тэдгээрийг бас алдсан бол байгууллагынхаа администратороос хоёр дахь алхмыг шинэчлэхийг хүснэ үү.",
    "Cancel and log out": "Цуцлаад гарах",
    "Set up an authenticator app": "Баталгаажуулах апп тохируулах",
    "This site asks for a second step at every sign-in: a code from an app on your phone. Set it up once now; "
    "it takes two minutes.":
        "Энэ сайт нэвтрэх бүрд хоёр дахь алхам болох утасны аппын кодыг асуудаг. Одоо нэг удаа тохируулна уу; "
        "хоёрхон минут болно.",
    "Your current authenticator keeps working until you confirm the new one here.":
        "Шинэ аппаа энд баталгаажуулах хүртэл одоогийн баталгаажуулах апп тань ажилласаар байна.",
    "Install an authenticator app on your phone if you have none, for example:":
        "Утсандаа баталгаажуулах апп байхгүй бол суулгана уу, жишээ нь:",
    "In the app, add an account and scan this QR code:": "Аппад шинэ бүртгэл нэмээд энэ QR кодыг уншуулна уу:",
    "QR code to add ctip to an authenticator app": "ctip-г баталгаажуулах аппад нэмэх QR код",
    "Cannot scan? Type this key into the app instead (time-based):":
        "Уншуулж чадахгүй байна уу? Оронд нь энэ түлхүүрийг аппад гараар бичнэ үү (цагт суурилсан):",
    "Type the 6-digit code the app now shows:": "Аппын одоо харуулж буй 6 оронтой кодыг бичнэ үү:",
    "Confirm": "Баталгаажуулах",
    "Keep this page private: anyone who sees the QR code or the key can make your codes.":
        "Энэ хуудсыг бусдад бүү үзүүл: QR код эсвэл түлхүүрийг харсан хэн ч таны кодыг үүсгэж чадна.",
    "Recovery codes": "Сэргээх кодууд",
    "Your authenticator app is set up: from now on ctip asks for its code after your password.":
        "Баталгаажуулах апп тохирлоо: одоноос эхлэн ctip нууц үгийн дараа түүний кодыг асууна.",
    "Your recovery codes": "Таны сэргээх кодууд",
    "These codes are shown only once.": "Эдгээр кодыг зөвхөн нэг удаа харуулна.",
    "Each one lets you sign in once without your phone. Keep them somewhere safe and private, away from the "
    "phone (for example in a sealed envelope in a locked drawer); earlier recovery codes no longer work.":
        "Код бүрээр утасгүйгээр нэг удаа нэвтэрч болно. Тэдгээрийг утаснаас тусад нь аюулгүй, нууц газар "
        "хадгална уу (жишээ нь түгжээтэй шүүгээнд битүүмжилсэн дугтуйд); өмнөх сэргээх кодууд ажиллахаа больсон.",
    "Your account": "Таны бүртгэл",
    "Change password": "Нууц үг солих",
    "Second step at sign-in": "Нэвтрэх үеийн хоёр дахь алхам",
    "This is a service account: it uses API tokens and has no second factor.":
        "Энэ бол үйлчилгээний бүртгэл: токен ашигладаг бөгөөд хоёр дахь алхамгүй.",
    "On": "Асаалттай",
    "After your password, ctip asks for a code from your authenticator app.":
        "Нууц үгийн дараа ctip таны баталгаажуулах аппын кодыг асууна.",
    "Unused recovery codes left: %(n)s": "Ашиглаагүй үлдсэн сэргээх код: %(n)s",
    "Make new recovery codes": "Шинэ сэргээх код үүсгэх",
    "Move to a new phone": "Шинэ утас руу шилжүүлэх",
    "Off": "Унтраалттай",
    "Your account is protected by your password alone. A code from an app on your phone makes a stolen "
    "password useless.":
        "Таны бүртгэлийг зөвхөн нууц үг хамгаалж байна. Утасны аппын код хулгайлагдсан нууц үгийг ашиггүй "
        "болгоно.",
    # renaming, deactivating and reactivating organisations
    "active": "идэвхтэй",
    "only a system administrator changes organisations": "Байгууллагыг зөвхөн системийн администратор өөрчилнө",
    "no organisation with the code %(value)r": "%(value)r кодтой байгууллага алга",
    "give the organisation's full name": "байгууллагын бүтэн нэрийг оруулна уу",
    "%(name)s is your own organisation; another system administrator must deactivate it":
        "%(name)s бол таны өөрийн байгууллага; өөр системийн администратор идэвхгүй болгох ёстой",
    "%(name)s is already deactivated": "%(name)s аль хэдийн идэвхгүй болсон",
    "%(name)s is already active": "%(name)s аль хэдийн идэвхтэй байна",
    "%(name)s is deactivated; reactivate it before adding users":
        "%(name)s идэвхгүй байна; хэрэглэгч нэмэхийн өмнө дахин идэвхжүүлнэ үү",
    "Your session ended: your organisation's access to ctip has been deactivated. Ask a system administrator if "
    "you think this is a mistake.":
        "Таны холболт дууслаа: таны байгууллагын ctip-д нэвтрэх эрхийг идэвхгүй болгосон. Алдаа гэж үзвэл "
        "системийн администратортай холбогдоно уу.",
    "No such organisation.": "Ийм байгууллага алга.",
    "%(old)s is now called %(new)s; its short code %(code)s stays.":
        "%(old)s одоо %(new)s гэж нэрлэгдэнэ; товч код %(code)s хэвээр үлдэнэ.",
    "%(name)s is deactivated: its accounts can no longer sign in or call the API, and it is no longer offered "
    "for referrals. Its cases and history stay.":
        "%(name)s идэвхгүй боллоо: түүний бүртгэлүүд нэвтрэх болон API дуудах боломжгүй, холбон зуучлалд "
        "санал болгогдохгүй. Түүний кейсүүд болон түүх хэвээр үлдэнэ.",
    "%(name)s is active again: its active accounts can sign in with their own passwords.":
        "%(name)s дахин идэвхжлээ: түүний идэвхтэй бүртгэлүүд өөрсдийн нууц үгээр нэвтэрч болно.",
    "Rename %(name)s": "%(name)s-ийн нэрийг өөрчлөх",
    "The short code %(code)s stays: the audit log and the collaborative dataset refer to the organisation by it.":
        "Товч код %(code)s хэвээр үлдэнэ: аудитын бүртгэл болон хамтын өгөгдлийн сан байгууллагыг үүгээр нь "
        "заадаг.",
    "Save the name": "Нэрийг хадгалах",
    "Rename": "Нэр өөрчлөх",
    "Deactivating an organisation stops its accounts from signing in or calling the API at once and removes it "
    "from the referral targets; its cases, accounts and history stay, and reactivating restores them. Your own "
    "organisation cannot be deactivated from your account.":
        "Байгууллагыг идэвхгүй болгоход түүний бүртгэлүүд шууд нэвтрэх болон API дуудах боломжгүй болж, холбон "
        "зуучлалын хүлээн авагчдаас хасагдана; түүний кейсүүд, бүртгэлүүд болон түүх хэвээр үлдэх ба дахин "
        "идэвхжүүлэхэд сэргэнэ. Өөрийн байгууллагаа өөрийн бүртгэлээс идэвхгүй болгох боломжгүй.",
    "organisation deactivated": "байгууллага идэвхгүй",
    # service accounts' API tokens
    "%(name)r is a person's account; API tokens are only for service accounts":
        "%(name)r бол хүний бүртгэл; API токеныг зөвхөн үйлчилгээний бүртгэлд олгоно",
    "%(name)r is deactivated; reactivate the account first":
        "%(name)r идэвхгүй байна; эхлээд бүртгэлийг дахин идэвхжүүлнэ үү",
    "%(name)r belongs to a deactivated organisation; its tokens would be refused":
        "%(name)r идэвхгүй байгууллагад харьяалагддаг; түүний токеныг хүлээн авахгүй",
    "a token is valid for at least 1 day, not %(days)d": "токен дор хаяж 1 хоног хүчинтэй байна, %(days)d биш",
    "For another system calling the API: no password; ctip shows its first API token once on the next page.":
        "API дууддаг өөр системд зориулсан: нууц үггүй; ctip түүний анхны API токеныг дараагийн хуудсанд нэг л "
        "удаа харуулна.",
    "Every API token of %(name)s is revoked: calls with them are refused from now on. The account stays active; "
    "issue a new token when the system needs one.":
        "%(name)s-ийн бүх API токен хүчингүй боллоо: тэдгээрээр хийсэн дуудлагыг одооноос татгалзана. Бүртгэл "
        "идэвхтэй хэвээр; систем шаардвал шинэ токен олгоно уу.",
    "API token": "API токен",
    "Service account %(name)s created": "%(name)s үйлчилгээний бүртгэл үүслээ",
    "New API token for %(name)s": "%(name)s-д шинэ API токен",
    "Valid until %(date)s.": "%(date)s хүртэл хүчинтэй.",
    "The other system sends it with every call, in the header":
        "Нөгөө систем үүнийг дуудлага бүрдээ дараах толгой хэсэгт илгээнэ",
    "This token is shown only once.": "Энэ токеныг зөвхөн нэг удаа харуулна.",
    "Put it straight into the other system's secret settings; never send it by e-mail or chat. ctip does not keep "
    "it and cannot show it again: if it is lost, issue a new one. If it may have leaked, revoke all the account's "
    "tokens on the Users page.":
        "Үүнийг нөгөө системийн нууц тохиргоонд шууд оруулна уу; хэзээ ч и-мэйл, чатаар бүү илгээ. ctip үүнийг "
        "хадгалдаггүй тул дахин харуулж чадахгүй: алдвал шинээр олгоно уу. Алдагдсан байж болзошгүй бол "
        "Хэрэглэгчид хуудсанд бүртгэлийн бүх токеныг хүчингүй болгоно уу.",
    "Issue a token": "Токен олгох",
    "Revoke all tokens": "Бүх токеныг хүчингүй болгох",
    # temporary passwords (ctip.accounts.passwords, password_views; registration templates)
    "temporary password expires": "түр нууц үгийн дуусах хугацаа",
    "Temporary password expired": "Түр нууц үгийн хугацаа дууссан",
    "Temporary password until %(expires)s": "Түр нууц үг, %(expires)s хүртэл",
    "Temporary password": "Түр нууц үг",
    "Choose your own password": "Өөрийн нууц үгийг сонгоно уу",
    "You signed in with a temporary password that an administrator gave you. Choose a password of your own, known "
    "only to you, before you go on: the temporary one then stops working (it would have expired on %(expires)s).":
        "Та администраторын өгсөн түр нууц үгээр нэвтэрлээ. Үргэлжлүүлэхээсээ өмнө зөвхөн өөрөө мэдэх нууц "
        "үгээ сонгоно уу: түр нууц үг үүний дараа ажиллахаа болино (угаас %(expires)s-нд дуусах байсан).",
    "The temporary password you were given has expired. Ask your administrator for a new one.":
        "Танд өгсөн түр нууц үгийн хугацаа дууссан. Администратороосоо шинийг хүснэ үү.",
    "Your session ended: the temporary password you signed in with has expired before you chose your own. Ask "
    "your administrator for a new one.":
        "Таны холболт дууслаа: таны нэвтэрсэн түр нууц үгийн хугацаа та өөрийн нууц үгээ сонгохоос өмнө дууссан. "
        "Администратороосоо шинийг хүснэ үү.",
    "Your new password must differ from the one you have now.":
        "Шинэ нууц үг одоогийн нууц үгээс өөр байх ёстой.",
    "Your password is changed: use it from now on. The temporary one no longer works.":
        "Таны нууц үг солигдлоо: цаашид үүнийг ашиглана уу. Түр нууц үг ажиллахаа больсон.",
    # the 8-hour end of a session (base.html, signin_views.sign_in_again)
    "Your session ends at %(time)s": "Таны нэвтрэлт %(time)s-д дуусна",
    "For security, a session lasts at most 8 hours from signing in and cannot be extended. Save what you are "
    "typing, or sign in again now to start a new session: you come back to this page.":
        "Аюулгүй байдлын үүднээс нэвтрэлт нэвтэрснээс хойш хамгийн ихдээ 8 цаг үргэлжилдэг бөгөөд сунгах "
        "боломжгүй. Бичиж буй зүйлээ хадгална уу, эсвэл шинэ нэвтрэлт эхлүүлэхийн тулд одоо дахин нэвтэрнэ үү: "
        "та энэ хуудас руугаа буцаж ирнэ.",
    "Sign in again now": "Одоо дахин нэвтрэх",
    "You are signed out. Sign in again to start a new session; you come back to the page you were on.":
        "Та системээс гарлаа. Шинэ нэвтрэлт эхлүүлэхийн тулд дахин нэвтэрнэ үү; та байсан хуудас руугаа буцна.",
}
