# Complaints and suggestions. Traditional Mongolian (mn-Mong-CN). Keep ids and variables in
# step with zh-Hans/feedback.ftl.
#
# review: needs-native-review — every message in this file was written by the developers and
# has not yet been checked by a native Mongolian speaker. A reviewer who has checked a message
# replaces its `# needs-native-review` line with `# native-reviewed` (a test requires one of the two).

# needs-native-review
view-feedback-about = ᠶᠠᠮᠠᠷ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠲᠤᠬᠠᠢ

# needs-native-review
view-feedback-pick = ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠪᠤᠶᠤ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠰᠣᠩᠭᠣᠬᠤ

# needs-native-review
view-feedback-mobile = ᠬᠠᠷᠢᠭᠤ ᠦᠭᠬᠦ ᠤᠲᠠᠰᠤ（ᠣᠷᠣᠭᠤᠯᠬᠤ ᠦᠭᠡᠢ ᠴᠤ ᠪᠣᠯᠤᠨ᠎ᠠ）

# needs-native-review
view-feedback-text = ᠬᠡᠯᠡᠬᠦ ᠦᠭᠡ ᠪᠡᠨ ᠪᠢᠴᠢᠬᠦ

# needs-native-review
view-feedback-review = ᠨᠢᠭᠲᠠᠯᠠᠭᠠᠳ ᠢᠯᠡᠭᠡᠬᠦ

# needs-native-review
view-feedback-done = ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠦᠷ᠎ᠡ ᠳ᠋ᠦᠩ

# needs-native-review
feedback-channels = ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠄ 12348 ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠤᠲᠠᠰᠤ᠂ { $bureau } ᠤᠨ ᠬᠢᠨᠠᠨ ᠬᠢᠶᠠᠬᠤ ᠤᠲᠠᠰᠤ { $phone }᠃ ᠡᠰᠡᠪᠡᠯ ᠡᠨᠳᠡ ᠰᠠᠨᠠᠯ ᠦᠯᠡᠳᠡᠭᠡᠨ᠎ᠡ᠄

# needs-native-review
feedback-channels-demo = （ᠬᠢᠨᠠᠨ ᠬᠢᠶᠠᠬᠤ ᠤᠲᠠᠰᠤ ᠪᠣᠯ ᠵᠢᠱᠢᠶ᠎ᠡ ᠳ᠋ᠠᠢᠲ᠋ᠠ᠂ ᠵᠠᠯᠭᠠᠭᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃）

# needs-native-review
feedback-channels-hotline = ᠰᠢᠭᠤᠳ 12348 ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠤᠲᠠᠰᠤ ᠳᠠᠭᠤᠳᠠᠵᠤ ᠪᠣᠯᠤᠨ᠎ᠠ᠃ ᠡᠰᠡᠪᠡᠯ ᠡᠨᠳᠡ ᠰᠠᠨᠠᠯ ᠦᠯᠡᠳᠡᠭᠡᠨ᠎ᠡ᠄

# needs-native-review
feedback-kind-complaint = ᠭᠣᠮᠳᠠᠯ

# needs-native-review
feedback-kind-suggestion = ᠰᠠᠨᠠᠯ

# needs-native-review
feedback-kind-praise = ᠮᠠᠭᠲᠠᠭᠠᠯ

# needs-native-review
feedback-about-intro = ᠲᠠ ᠶᠠᠮᠠᠷ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ ᠲᠤᠬᠠᠢ ᠬᠡᠯᠡᠬᠦ ᠪᠤᠢ?

# needs-native-review
feedback-about-service = ᠨᠢᠭᠡ ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ

# needs-native-review
feedback-about-office = ᠲᠤᠰ ᠭᠠᠵᠠᠷ ᠤᠨ ᠨᠢᠭᠡ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ

# needs-native-review
feedback-about-general = ᠲᠣᠳᠣᠷᠬᠠᠢ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠪᠤᠶᠤ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠦᠭᠡᠢ

# needs-native-review
feedback-pick-service = ᠶᠠᠮᠠᠷ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠶᠢᠨ ᠲᠤᠬᠠᠢ ᠪᠤᠢ?

# needs-native-review
feedback-pick-office = ᠲᠤᠰ ᠭᠠᠵᠠᠷ ᠤᠨ ᠶᠠᠮᠠᠷ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠤᠬᠠᠢ ᠪᠤᠢ?

# needs-native-review
feedback-pick-none = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠰᠣᠩᠭᠣᠵᠤ ᠪᠣᠯᠬᠤ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠪᠤᠶᠤ ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠦᠭᠡᠢ᠃

# needs-native-review
feedback-mobile-label = ᠬᠠᠷᠢᠭᠤ ᠠᠪᠬᠤ ᠪᠣᠯ ᠨᠣᠮᠧᠷ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ᠂ ᠦᠭᠡᠢ ᠪᠣᠯ「ᠳᠠᠷᠠᠭᠠᠴᠢ ᠠᠯᠬᠤᠮ」᠃

# needs-native-review
feedback-text-intro = ᠭᠠᠷ ᠤᠲᠠᠰᠤ ᠪᠡᠷ QR ᠺᠣᠳ᠋ ᠢ ᠰᠢᠷᠪᠢᠭᠡᠳ᠂ ᠬᠡᠯᠡᠬᠦ ᠦᠭᠡ ᠪᠡᠨ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠳᠤ ᠪᠢᠴᠢᠵᠦ ᠢᠯᠡᠭᠡᠭᠡᠳ᠂ ᠡᠨᠳᠡ ᠪᠤᠴᠠᠵᠤ「ᠳᠠᠷᠠᠭᠠᠴᠢ ᠠᠯᠬᠤᠮ」ᠢ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
feedback-text-qr = ᠰᠢᠷᠪᠢᠭᠡᠳ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠳᠤ ᠪᠢᠴᠢᠨ᠎ᠡ（{ $max } ᠦᠰᠦᠭ ᠬᠦᠷᠲᠡᠯ᠎ᠡ）

# needs-native-review
feedback-text-no-page = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠤᠳᠤ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠢᠭᠤᠷ ᠢ ᠢᠯᠡᠷᠡᠭᠦᠯᠵᠦ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃ ᠠᠭᠤᠯᠭ᠎ᠠ ᠦᠭᠡᠢ ᠢᠯᠡᠭᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ᠂ ᠡᠰᠡᠪᠡᠯ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
feedback-text-keyboard = ᠲᠠᠷᠤᠭᠤᠯ ᠢᠶᠠᠷ ᠡᠨᠳᠡ ᠰᠢᠭᠤᠳ ᠪᠢᠴᠢᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ（{ $max } ᠦᠰᠦᠭ ᠬᠦᠷᠲᠡᠯ᠎ᠡ）᠃

# needs-native-review
feedback-text-typed = { $count }/{ $max } ᠦᠰᠦᠭ ᠪᠢᠴᠢᠭᠰᠡᠨ᠄ { $text }

# needs-native-review
feedback-text-full = { $max } ᠦᠰᠦᠭ ᠲᠦ ᠬᠦᠷᠪᠡ᠂ ᠢᠯᠡᠭᠦᠦ ᠦᠰᠦᠭ ᠣᠷᠣᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃

# needs-native-review
feedback-text-continue = ᠳᠠᠷᠠᠭᠠᠴᠢ ᠠᠯᠬᠤᠮ

# needs-native-review
feedback-text-clear = ᠪᠢᠴᠢᠭᠰᠡᠨ ᠢ ᠠᠷᠢᠯᠭᠠᠬᠤ

# needs-native-review
feedback-review-lines = { $kind } · ᠲᠤᠬᠠᠢ᠄ { $about } · ᠤᠲᠠᠰᠤ᠄ { $mobile } · ᠠᠭᠤᠯᠭ᠎ᠠ᠄ { $text }

# needs-native-review
feedback-review-no-mobile = ᠬᠠᠷᠢᠭᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ

# needs-native-review
feedback-review-text-phone = ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠳᠤ ᠪᠢᠴᠢᠨ᠎ᠡ（ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠴᠤ ᠨᠡᠮᠡᠵᠦ ᠪᠣᠯᠤᠨ᠎ᠠ）

# needs-native-review
feedback-review-text-typed = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ { $count } ᠦᠰᠦᠭ ᠪᠢᠴᠢᠭᠰᠡᠨ

# needs-native-review
feedback-notice = ᠢᠯᠡᠭᠡᠪᠡᠯ ᠵᠦᠪᠰᠢᠶᠡᠷᠡᠪᠡ᠄ ᠠᠭᠤᠯᠭ᠎ᠠ ᠪᠠ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠢ ᠵᠦᠪᠬᠡᠨ ᠡᠨᠡ ᠰᠠᠨᠠᠯ ᠢ ᠰᠢᠢᠳᠬᠦ᠂ ᠬᠠᠷᠢᠭᠤ ᠦᠭᠬᠦ ᠳᠦ ᠬᠡᠷᠡᠭᠯᠡᠨ᠎ᠡ᠂ ᠵᠦᠪᠬᠡᠨ ᠲᠤᠰ ᠭᠠᠵᠠᠷ ᠤᠨ ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠶᠠᠮᠤᠨ ᠤ ᠠᠵᠢᠯᠲᠠᠨ ᠦᠵᠡᠨ᠎ᠡ᠂ ᠨᠢᠭᠡ ᠵᠢᠯ ᠬᠠᠳᠠᠭᠠᠯᠠᠨ᠎ᠠ᠃ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠡᠴᠡ 7 ᠡᠳᠦᠷ ᠤᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠤᠰᠠᠳᠬᠠᠨ᠎ᠠ（ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠮᠠᠰᠢᠨ ᠳᠠᠷᠤᠢ）᠃ ᠪᠤᠴᠠᠬᠤ ᠳᠠᠷᠤᠭᠤᠯ ᠢᠶᠠᠷ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠨ᠎ᠡ᠃

# needs-native-review
feedback-send = ᠵᠦᠪᠰᠢᠶᠡᠷᠡᠭᠡᠳ ᠢᠯᠡᠭᠡᠬᠦ

# needs-native-review
feedback-saving = ᠬᠠᠳᠠᠭᠠᠯᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ…

# needs-native-review
feedback-saved = ᠰᠠᠨᠠᠯ ᠢ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠂ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠵᠠᠯᠭᠠᠭᠳᠠᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠠᠶᠠᠨᠳᠠᠭᠠ ᠢᠯᠡᠭᠡᠨ᠎ᠡ᠃ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠡᠨᠳᠡ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠨᠣᠮᠧᠷ ᠢᠯᠡᠷᠡᠨ᠎ᠡ᠃

# needs-native-review
feedback-saved-in-memory = ᠰᠠᠨᠠᠯ ᠢ ᠲᠡᠮᠳᠡᠭᠯᠡᠪᠡ᠂ ᠭᠡᠪᠡᠴᠦ ᠮᠠᠰᠢᠨ ᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠮᠵᠢ ᠡᠪᠳᠡᠷᠡᠭᠰᠡᠨ ᠲᠤᠯᠠ ᠴᠠᠬᠢᠯᠭᠠᠨ ᠲᠠᠰᠤᠷᠠᠪᠠᠯ ᠠᠯᠳᠠᠭᠳᠠᠵᠤ ᠮᠡᠳᠡᠨ᠎ᠡ᠃ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
feedback-received = ᠰᠠᠨᠠᠯ ᠬᠦᠷᠪᠡ᠃ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠨᠣᠮᠧᠷ ᠢ ᠲᠡᠮᠳᠡᠭᠯᠡᠵᠦ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠠᠰᠠᠭᠤᠬᠤ ᠳᠤ ᠠᠵᠢᠯᠲᠠᠨ ᠳᠤ ᠬᠡᠯᠡᠨ᠎ᠡ ᠦᠦ᠃

# needs-native-review
feedback-received-no-text = ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠳᠤ ᠪᠢᠴᠢᠭᠰᠡᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠬᠦᠷᠴᠦ ᠢᠷᠡᠭᠡᠳᠦᠢ᠃ ᠰᠢᠷᠪᠢᠭᠡᠳ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠳᠤ ᠢᠯᠡᠭᠡᠪᠡᠯ᠂ ᠡᠨᠡ ᠰᠠᠨᠠᠯ ᠳᠤ ᠠᠶᠠᠨᠳᠠᠭᠠ ᠨᠡᠮᠡᠭᠳᠡᠨ᠎ᠡ᠃

# needs-native-review
feedback-received-demo = ᠡᠨᠡ ᠪᠣᠯ ᠵᠢᠱᠢᠶ᠎ᠡ ᠰᠧᠷᠸᠧᠷ᠄ ᠰᠠᠨᠠᠯ ᠢ ᠬᠡᠨ ᠴᠦ ᠰᠢᠢᠳᠬᠦ ᠦᠭᠡᠢ᠃

# needs-native-review
feedback-refused = ᠡᠨᠡ ᠰᠠᠨᠠᠯ ᠢᠯᠡᠭᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠄ { $reason } ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠄

# needs-native-review
feedback-not-saved = ᠰᠠᠨᠠᠯ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠶᠠᠮᠠᠷ ᠴᠤ ᠢᠯᠡᠭᠡᠭᠡᠳᠦᠢ᠃ ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠄
