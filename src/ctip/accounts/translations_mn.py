"""Mongolian translations of roles, scopes and account fields."""

MN = {
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
}
