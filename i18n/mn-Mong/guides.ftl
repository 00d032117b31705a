# Service guides: categories, lists, a guide's sections. Traditional Mongolian (mn-Mong-CN).
# Written by the developers; every message needs review by a native speaker.

# needs-native-review
guides-search-hint = ᠳ᠋ᠠᠯᠠᠯᠠᠭᠤᠷ ᠤᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢᠨ ᠳᠠᠷᠤᠪᠴᠢ ᠪᠡᠷ ᠬᠢᠲᠠᠳ ᠫᠢᠨ ᠢᠨ ᠲᠡᠷᠢᠭᠦᠨ ᠦᠰᠦᠭ ᠢᠶᠡᠷ ᠡᠷᠢᠨ᠎ᠡ᠂ ᠡᠰᠡᠪᠡᠯ ᠲᠥᠷᠦᠯ ᠢᠶᠡᠷ ᠡᠷᠢᠨ᠎ᠡ᠃

# needs-native-review
guides-search-hint-touch = ᠲᠥᠷᠦᠯ ᠢ ᠳᠠᠷᠤᠵᠤ ᠲᠡᠭᠦᠨ ᠦ ᠵᠢᠭᠠᠪᠤᠷᠢ ᠶᠢ ᠦᠵᠡᠨ᠎ᠡ᠃
# needs-native-review
guides-updated = ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢᠨ ᠠᠭᠤᠯᠭ᠎ᠠ { $date } ᠳᠦ ᠰᠢᠨᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡ ({ $version } ᠳᠦᠭᠡᠷ ᠬᠡᠪᠯᠡᠯ)
# needs-native-review
guides-unavailable = ᠡᠨᠡ ᠲᠣᠨᠤᠭ ᠲᠤ ᠵᠢᠭᠠᠯᠲᠠ ᠪᠡᠯᠡᠨ ᠪᠣᠯᠣᠭᠠᠳᠤᠢ᠃ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠠᠳ ᠬᠦᠯᠢᠶᠡᠨ᠎ᠡ ᠦᠦ᠂ ᠡᠰᠡᠪᠡᠯ 12348 ᠳᠤ ᠬᠣᠩᠬᠣ ᠳᠠᠷᠤᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
guides-count = ᠪᠦᠭᠦᠳᠡ { $count }
# needs-native-review
guides-search-title = ᠡᠷᠢᠬᠦ᠄ ᠫᠢᠨ ᠢᠨ ᠲᠡᠷᠢᠭᠦᠨ ᠦᠰᠦᠭ
# needs-native-review
guides-search-empty = ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ ᠪᠤᠴᠠᠵᠤ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠂ ᠡᠰᠡᠪᠡᠯ ᠲᠥᠷᠦᠯ ᠢᠶᠡᠷ ᠡᠷᠢᠨ᠎ᠡ ᠦᠦ᠃
# needs-native-review
guides-search-more = ᠪᠠᠰᠠ { $count } ᠪᠠᠢᠨ᠎ᠠ᠂ ᠲᠣᠭ᠎ᠠ ᠨᠡᠮᠡᠵᠦ ᠠᠷᠢᠯᠭᠠᠨ᠎ᠠ ᠤᠤ

# needs-native-review
guide-who = ᠬᠡᠨ ᠥᠷᠭᠥᠳᠡᠯ ᠭᠠᠷᠭᠠᠵᠤ ᠪᠣᠯᠬᠤ
# needs-native-review
guide-conditions = ᠨᠥᠬᠦᠴᠡᠯ
# needs-native-review
guide-steps = ᠪᠡᠴᠢᠯᠡᠬᠦ ᠵᠢᠷᠤᠮ
# needs-native-review
guide-materials = ᠠᠪᠴᠢᠷᠠᠬᠤ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ (OK ᠳᠠᠷᠤᠵᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠨ᠎ᠡ)

# needs-native-review
guide-materials-touch = ᠠᠪᠴᠢᠷᠠᠬᠤ ᠮᠠᠲ᠋ᠧᠷᠢᠶᠠᠯ (ᠳᠠᠷᠤᠵᠤ ᠲᠡᠮᠳᠡᠭᠯᠡᠨ᠎ᠡ)
# needs-native-review
guide-fees = ᠲᠥᠯᠦᠪᠦᠷᠢ
# needs-native-review
guide-where = ᠬᠠᠮᠢᠭ᠎ᠠ ᠪᠡᠴᠢᠯᠡᠬᠦ
# needs-native-review
guide-phones = ᠵᠥᠪᠯᠡᠭᠡ᠂ ᠭᠣᠮᠳᠠᠯ᠂ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠡᠷ ᠪᠡᠴᠢᠯᠡᠬᠦ
# needs-native-review
guide-basis = ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠦᠨᠳᠦᠰᠦᠯᠡᠯ
# needs-native-review
guide-faq = ᠪᠠᠢᠨᠭ᠎ᠠ ᠠᠰᠠᠭᠤᠭᠳᠠᠳᠠᠭ ᠠᠰᠠᠭᠤᠯᠲᠠ
# needs-native-review
guide-review = ᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠪᠠᠢᠳᠠᠯ

# needs-native-review
limit-working = { $days } ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ
# needs-native-review
limit-calendar = { $days } ᠡᠳᠦᠷ
# needs-native-review
limit-on-the-spot = ᠲᠡᠷᠡ ᠳᠠᠷᠤᠢ ᠪᠡᠴᠢᠯᠡᠨ᠎ᠡ
# needs-native-review
limit-none = ᠲᠣᠭᠲᠠᠭᠰᠠᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠦᠭᠡᠢ
# needs-native-review
limit-statutory = ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ { $limit }
# needs-native-review
limit-promised = ᠠᠮᠠᠯᠠᠭᠰᠠᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ { $limit }
# needs-native-review
limit-legend = ᠰᠢᠷ᠎ᠠ ᠲᠡᠮᠳᠡᠭ ᠲᠠᠢ ᠠᠯᠬᠤᠮ ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠣᠷᠣᠨ᠎ᠠ

# needs-native-review
material-copies = { $copies } ᠬᠤᠪᠢ
# needs-native-review
material-original = ᠡᠬᠡ ᠪᠢᠴᠢᠭ
# needs-native-review
material-copy = ᠬᠠᠭᠤᠯᠪᠤᠷᠢ
# needs-native-review
material-from = ᠬᠠᠮᠢᠭ᠎ᠠ ᠠᠪᠬᠤ᠄ { $from }

# needs-native-review
fee-free = ᠲᠥᠯᠦᠪᠦᠷᠢ ᠦᠭᠡᠢ
# needs-native-review
fee-amount = { $yuan } ᠶᠤᠸᠠᠨ
# needs-native-review
fee-depends = ᠲᠥᠯᠦᠪᠦᠷᠢ ᠶᠢᠨ ᠵᠢᠱᠢᠭ᠋ ᠢᠶᠡᠷ᠂ ᠬᠡᠷᠡᠭ ᠡᠴᠡ ᠬᠠᠮᠢᠷᠤᠨ᠎ᠠ
# needs-native-review
fee-basis = ᠦᠨᠳᠦᠰᠦᠯᠡᠯ᠄ { $basis }

# needs-native-review
office-none = ᠲᠤᠰ ᠣᠷᠣᠨ ᠳᠤ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠦᠭᠡᠢ᠂ 12348 ᠳᠤ ᠬᠣᠩᠬᠣ ᠳᠠᠷᠤᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
office-phone = ᠤᠲᠠᠰᠤ᠄ { $phone }
# needs-native-review
office-address = ᠬᠠᠶᠢᠭ᠄ { $address }
# needs-native-review
office-hours = ᠠᠵᠢᠯᠯᠠᠬᠤ ᠴᠠᠭ᠄ { $hours }
# needs-native-review
office-demo = ᠵᠢᠱᠢᠶ᠎ᠡ ᠮᠡᠳᠡᠭᠡ᠂ ᠦᠨᠡᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠠ ᠤᠲᠠᠰᠤ ᠪᠢᠰᠢ
# needs-native-review
phone-consult = ᠵᠥᠪᠯᠡᠭᠡ ᠶᠢᠨ ᠤᠲᠠᠰᠤ᠄ { $phone }
# needs-native-review
phone-complaint = ᠭᠣᠮᠳᠠᠯ ᠤᠨ ᠤᠲᠠᠰᠤ᠄ { $phone }
# needs-native-review
online-channel = ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠪᠡᠷ ᠪᠡᠴᠢᠯᠡᠬᠦ᠄ { $name } { $url }

# needs-native-review
review-legal-needed = ᠡᠨᠡ ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢ ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠵᠦᠢᠯ ᠳᠦ ᠲᠦᠰᠢᠭᠯᠠᠨ ᠪᠢᠴᠢᠪᠡ᠂ ᠬᠠᠤᠯᠢᠴᠢ ᠬᠢᠨᠠᠭᠠᠳᠤᠢ᠂ ᠵᠥᠪᠬᠡᠨ ᠯᠠᠪᠯᠠᠯᠲᠠ ᠳᠤ᠃
# needs-native-review
review-legal-done = ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠬᠢᠨᠠᠯᠲᠠ ᠳᠠᠭᠤᠰᠪᠠ᠄ { $by }
# needs-native-review
review-mn-needed = ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠦᠮᠦᠨ ᠬᠢᠨᠠᠭᠠᠳᠤᠢ᠃
# needs-native-review
review-mn-done = ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ ᠢ ᠮᠣᠩᠭᠣᠯ ᠬᠦᠮᠦᠨ ᠬᠢᠨᠠᠪᠠ᠃
# needs-native-review
review-demo = ᠵᠢᠱᠢᠶ᠎ᠡ ᠠᠭᠤᠯᠭ᠎ᠠ
# needs-native-review
guide-qr = ᠭᠠᠷ ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠺᠣᠳ᠋ ᠢ ᠰᠢᠷᠪᠢᠵᠦ ᠡᠨᠡ ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢ ᠦᠵᠡᠨ᠎ᠡ᠄
