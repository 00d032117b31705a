# Offices and phones. Traditional Mongolian (mn-Mong-CN). Keep ids and variables in step with
# zh-Hans/offices.ftl.
#
# review: needs-native-review — every message in this file was written by the developers and
# has not yet been checked by a native Mongolian speaker. A reviewer who has checked a message
# replaces its `# needs-native-review` line with `# native-reviewed` (a test requires one of the two).

# needs-native-review
view-office = ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠠᠨᠢᠯᠴᠠᠭᠤᠯᠭ᠎ᠠ

# needs-native-review
offices-intro = { $region } ᠤ ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠭᠠᠵᠠᠷ᠂ ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ ᠤᠨ ᠭᠠᠵᠠᠷ᠂ ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠲᠥᠪ᠂ ᠬᠠᠭᠤᠯᠢᠴᠢ ᠶᠢᠨ ᠠᠵᠢᠯ ᠬᠡᠷᠡᠭ ᠦᠨ ᠭᠠᠵᠠᠷ᠂ ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠯ ᠦᠨ ᠵᠥᠪᠯᠡᠯ ᠪᠠ ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠭᠡᠷᠡᠴᠢᠯᠡᠯ ᠦᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ᠃

# needs-native-review
offices-demo = ᠳᠣᠣᠷᠠᠬᠢ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ᠂ ᠬᠠᠶᠢᠭ ᠪᠠ ᠤᠲᠠᠰᠤ ᠪᠦᠬᠦ ᠵᠢᠱᠢᠶ᠎ᠡ ᠮᠡᠳᠡᠭᠡ᠂ ᠦᠨᠡᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠢᠰᠢ᠂ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠵᠤ ᠳᠡᠢᠯᠬᠦ ᠦᠭᠡᠢ᠃

# needs-native-review
offices-none = ᠲᠤᠰ ᠣᠷᠣᠨ ᠳᠤ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠡ ᠦᠭᠡᠢ᠂ 12348 ᠳᠤ ᠬᠣᠩᠬᠣ ᠳᠠᠷᠤᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
offices-nearby = ᠣᠢᠷ᠎ᠠ᠄ { $region }

# needs-native-review
offices-own-region = ᠥᠪᠡᠷ ᠤᠨ ᠣᠷᠣᠨ ᠳᠤ ᠪᠤᠴᠠᠬᠤ᠄ { $region }

# needs-native-review
offices-tile-detail = { $kinds } · ᠤᠲᠠᠰᠤ { $phone }

# needs-native-review
offices-kinds = ᠠᠵᠢᠯ ᠬᠡᠷᠡᠭ

# needs-native-review
offices-address = ᠬᠠᠶᠢᠭ

# needs-native-review
offices-hours = ᠠᠵᠢᠯᠯᠠᠬᠤ ᠴᠠᠭ

# needs-native-review
offices-phone = ᠤᠲᠠᠰᠤ

# needs-native-review
offices-qr-phone = ᠭᠠᠷ ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠰᠢᠷᠪᠢᠵᠤ { $phone } ᠳᠤ ᠬᠣᠩᠬᠣ ᠳᠠᠷᠤᠨ᠎ᠠ

# needs-native-review
offices-qr-location = ᠭᠠᠷ ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠰᠢᠷᠪᠢᠵᠤ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ ᠲᠤ ᠬᠠᠶᠢᠭ ᠢ ᠬᠠᠢᠨ᠎ᠠ

# needs-native-review
offices-demo-badge = ᠵᠢᠱᠢᠶ᠎ᠡ ᠮᠡᠳᠡᠭᠡ

# needs-native-review
office-kind-justice-office = ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠭᠠᠵᠠᠷ

# needs-native-review
office-kind-notary-office = ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ ᠤᠨ ᠭᠠᠵᠠᠷ

# needs-native-review
office-kind-legal-aid-centre = ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠲᠥᠪ

# needs-native-review
office-kind-law-firm = ᠬᠠᠭᠤᠯᠢᠴᠢ ᠶᠢᠨ ᠠᠵᠢᠯ ᠬᠡᠷᠡᠭ ᠦᠨ ᠭᠠᠵᠠᠷ

# needs-native-review
office-kind-mediation-committee = ᠠᠷᠠᠳ ᠤᠨ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠯ ᠦᠨ ᠵᠥᠪᠯᠡᠯ

# needs-native-review
office-kind-appraisal-institution = ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠭᠡᠷᠡᠴᠢᠯᠡᠯ ᠦᠨ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ

# needs-native-review
office-kind-public-legal-service-centre = ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠲᠥᠪ

# needs-native-review
office-kind-justice-bureau = ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠲᠣᠪᠴᠢᠶ᠎ᠠ

# needs-native-review
office-kind-reconsideration-office = ᠵᠠᠰᠠᠭ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ ᠳᠠᠬᠢᠨ ᠬᠡᠯᠡᠯᠴᠡᠬᠦ ᠪᠠᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ

# needs-native-review
offices-credit = ᠰᠢᠳᠤᠷᠭᠤ ᠴᠢᠨ ᠦ ᠪᠢᠴᠢᠭ

# needs-native-review
offices-credit-asking = ᠰᠢᠳᠤᠷᠭᠤ ᠴᠢᠨ ᠦ ᠪᠢᠴᠢᠭ ᠢ ᠡᠷᠢᠵᠦ ᠪᠠᠢᠨ᠎ᠠ…

# needs-native-review
offices-credit-failed = ᠰᠢᠳᠤᠷᠭᠤ ᠴᠢᠨ ᠦ ᠪᠢᠴᠢᠭ ᠢ ᠣᠳᠣ ᠣᠯᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ { $reason }

# needs-native-review
offices-credit-none = ᠨᠡᠢᠲᠡᠯᠡᠭᠰᠡᠨ ᠰᠢᠳᠤᠷᠭᠤ ᠴᠢᠨ ᠦ ᠪᠢᠴᠢᠭ ᠦᠭᠡᠢ᠃

# needs-native-review
offices-credit-cached = ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠡᠨᠡ ᠪᠣᠯ ᠡᠮᠦᠨᠡᠬᠢ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠪᠢᠴᠢᠭ᠃

# needs-native-review
credit-list-red = ᠤᠯᠠᠭᠠᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ᠄ { $subject }

# needs-native-review
credit-list-black = ᠬᠠᠷ᠎ᠠ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ (ᠢᠳᠡᠭᠡᠯ ᠠᠯᠳᠠᠭᠰᠠᠨ)᠄ { $subject }

# needs-native-review
credit-assessment = ᠵᠢᠯ ᠦᠨ ᠰᠢᠯᠭᠠᠯᠲᠠ᠄ { $subject }

# needs-native-review
credit-detail = { $decision } · { $date } · ᠨᠡᠢᠲᠡᠯᠡᠭᠴᠢ᠄ { $source }

# needs-native-review
credit-basis = ᠦᠨᠳᠦᠰᠦ᠄ { $basis }
