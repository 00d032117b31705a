# 12348 callback booking: the steps, the confirmation and the device's bookings.
# Traditional Mongolian (mn-Mong-CN). Keep ids, attributes and variables in step with
# zh-Hans/callback.ftl.
#
# review: needs-native-review — every message in this file was written by the developers and
# has not yet been checked by a native Mongolian speaker. A reviewer who has checked a message
# replaces its `# needs-native-review` line with `# native-reviewed` (a test requires one of the two).

# needs-native-review
view-callback-lawyer = ᠬᠠᠭᠤᠯᠢᠴᠢ ᠶᠢᠨ ᠬᠡᠯᠡ

# needs-native-review
view-callback-slot = ᠤᠲᠠᠰᠤᠳᠠᠬᠤ ᠴᠠᠭ ᠰᠣᠩᠭᠣᠬᠤ

# needs-native-review
view-callback-mobile = ᠲᠠᠨ ᠤ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ

# needs-native-review
view-callback-consent = ᠬᠤᠪᠢ ᠬᠥᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ

# needs-native-review
view-callback-review = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠨ ᠨᠢᠭᠲᠠᠯᠠᠬᠤ

# needs-native-review
view-callback-done = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠶᠢᠨ ᠦᠷ᠎ᠡ ᠳ᠋ᠦᠩ

# needs-native-review
view-bookings = ᠮᠢᠨᠦ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ


# needs-native-review
callback-topic-other = ᠪᠤᠰᠤᠳ ᠠᠰᠠᠭᠤᠳᠠᠯ

# needs-native-review
callback-note-category = ᠠᠰᠠᠭᠤᠳᠠᠯ ᠤᠨ ᠲᠥᠷᠥᠯ᠄ 

# needs-native-review
callback-lawyer-intro = ᠬᠠᠭᠤᠯᠢᠴᠢ ᠲᠠᠨ ᠲᠠᠢ ᠶᠠᠮᠠᠷ ᠬᠡᠯᠡ ᠪᠡᠷ ᠶᠠᠷᠢᠬᠤ ᠪᠤᠢ᠃

# needs-native-review
callback-lang-mn = ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ

# needs-native-review
callback-lang-zh = ᠬᠢᠲᠠᠳ ᠬᠡᠯᠡ

# needs-native-review
callback-slot-loading = ᠵᠠᠬᠢᠶᠠᠯᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠴᠠᠭ ᠢ ᠬᠠᠢᠵᠤ ᠪᠠᠢᠨ᠎ᠠ…

# needs-native-review
callback-slot-intro = { $lang } ᠪᠡᠷ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠪᠣᠯᠬᠤ ᠴᠠᠭ᠃

# needs-native-review
callback-slot-cached = ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ᠂ ᠡᠳᠡᠭᠡᠷ ᠨᠢ ᠡᠮᠦᠨᠡᠬᠢ ᠤᠳᠠᠭ᠎ᠠ ᠶᠢᠨ { $lang } ᠴᠠᠭ᠃ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠵᠤ᠂ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠬᠣᠯᠪᠣᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠢᠯᠡᠭᠡᠭᠳᠡᠨ᠎ᠡ᠃

# needs-native-review
callback-slot-none = { $lang } ᠪᠡᠷ ᠤᠲᠠᠰᠤᠳᠠᠬᠤ ᠰᠤᠯᠠ ᠴᠠᠭ ᠦᠭᠡᠢ᠃ 12348 ᠳᠤ ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠄

# needs-native-review
callback-slot-failed = ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ ᠴᠠᠭ ᠢ ᠣᠳᠣ ᠬᠠᠢᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠄ { $reason } 12348 ᠳᠤ ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠄


# needs-native-review
callback-slot-free = { $count } ᠬᠦᠮᠦᠨ ᠦ ᠪᠣᠯᠤᠮᠵᠢ ᠲᠠᠢ

# needs-native-review
callback-slot-full = { $hours } ᠳᠦᠭᠦᠷᠪᠡ

# needs-native-review
callback-day = { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ { $day } { $weekday }


# needs-native-review
weekday-1 = ᠭᠠᠷᠠᠭ ᠤᠨ ᠨᠢᠭᠡᠨ

# needs-native-review
weekday-2 = ᠭᠠᠷᠠᠭ ᠤᠨ ᠬᠣᠶᠠᠷ

# needs-native-review
weekday-3 = ᠭᠠᠷᠠᠭ ᠤᠨ ᠭᠤᠷᠪᠠᠨ

# needs-native-review
weekday-4 = ᠭᠠᠷᠠᠭ ᠤᠨ ᠳᠥᠷᠪᠡᠨ

# needs-native-review
weekday-5 = ᠭᠠᠷᠠᠭ ᠤᠨ ᠲᠠᠪᠤᠨ

# needs-native-review
weekday-6 = ᠭᠠᠷᠠᠭ ᠤᠨ ᠵᠢᠷᠭᠤᠭᠠᠨ

# needs-native-review
weekday-7 = ᠭᠠᠷᠠᠭ ᠤᠨ ᠡᠳᠦᠷ

# needs-native-review
callback-mobile-label = 11 ᠣᠷᠤᠨ ᠲᠠᠢ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠢᠶᠠᠨ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠃ ᠬᠠᠭᠤᠯᠢᠴᠢ ᠡᠨᠡ ᠨᠣᠮᠧᠷ ᠲᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ᠃

# needs-native-review
callback-continue = ᠳᠠᠷᠠᠭᠠᠴᠢ ᠠᠯᠬᠤᠮ

# needs-native-review
callback-consent-text = ᠲᠠᠨ ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠬᠤ ᠶᠢᠨ ᠲᠤᠯᠠ᠂ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ᠂ ᠠᠰᠠᠭᠤᠳᠠᠯ ᠤᠨ ᠲᠥᠷᠥᠯ᠂ ᠶᠠᠷᠢᠬᠤ ᠬᠡᠯᠡ᠂ ᠰᠣᠩᠭᠣᠭᠰᠠᠨ ᠴᠠᠭ ᠢ ᠴᠤᠭᠯᠠᠭᠤᠯᠤᠨ᠎ᠠ᠃ ᠡᠳᠡᠭᠡᠷ ᠢ ᠵᠥᠪᠬᠡᠨ 12348 ᠤᠲᠠᠰᠤᠨ ᠤ ᠬᠠᠭᠤᠯᠢᠴᠢ ᠲᠠᠨ ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠬᠤ ᠳᠤ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠪᠥᠭᠡᠳ᠂ ᠲᠠᠨ ᠤ ᠭᠠᠵᠠᠷ ᠤᠨ ᠱᠢᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠵᠠᠬᠢᠷᠭᠠᠨ ᠤ 12348 ᠤᠲᠠᠰᠤᠨ ᠤ ᠠᠵᠢᠯᠲᠠᠨ ᠯᠠ ᠦᠵᠡᠨ᠎ᠡ᠃ ᠤᠲᠠᠰᠤᠳᠠᠭᠰᠠᠨ ᠠᠴᠠ 30 ᠡᠳᠦᠷ ᠦᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠤᠰᠠᠳᠬᠠᠨ᠎ᠠ᠃ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ 7 ᠡᠳᠦᠷ ᠦᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠤᠰᠠᠳᠬᠠᠨ᠎ᠠ (ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠬᠦ ᠮᠠᠰᠢᠨ ᠳᠤ ᠢᠯᠡᠭᠡᠭᠰᠡᠨ ᠳᠠᠷᠤᠢ ᠤᠰᠠᠳᠬᠠᠨ᠎ᠠ)᠃ 《ᠬᠤᠪᠢ ᠬᠥᠮᠦᠨ ᠦ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ ᠬᠠᠤᠯᠢ》 ᠶᠢᠨ 13᠂ 17 ᠳᠤᠭᠠᠷ ᠵᠦᠢᠯ ᠢ ᠦᠨᠳᠦᠰᠦᠯᠡᠨ᠂ ᠲᠠᠨ ᠤ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠯ ᠦᠭᠡᠢ ᠪᠡᠷ ᠶᠠᠮᠠᠷ ᠴᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢᠯᠡᠭᠡᠬᠦ ᠦᠭᠡᠢ᠃

# needs-native-review
callback-agree = ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠡᠳ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠬᠦ

# needs-native-review
callback-decline = ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ

# needs-native-review
callback-review-intro = ᠳᠠᠷᠠᠭᠠᠬᠢ ᠮᠡᠳᠡᠭᠡ ᠶᠢ ᠨᠢᠭᠲᠠᠯᠠᠨ᠎ᠠ ᠤᠤ᠃ ᠵᠠᠰᠠᠬᠤ ᠮᠥᠷ ᠢᠶᠡᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
callback-review-topic = ᠠᠰᠠᠭᠤᠳᠠᠯ᠄ { $value }

# needs-native-review
callback-review-lawyer = ᠬᠡᠯᠡ᠄ { $value }

# needs-native-review
callback-review-slot = ᠴᠠᠭ᠄ { $value }

# needs-native-review
callback-review-mobile = ᠨᠣᠮᠧᠷ᠄ { $value }

# needs-native-review
callback-change = ᠵᠠᠰᠠᠬᠤ

# needs-native-review
callback-missing = ᠣᠷᠣᠭᠤᠯᠤᠭ᠎ᠠ ᠦᠭᠡᠢ

# needs-native-review
callback-confirm = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠲᠤᠯᠠᠬᠤ

# needs-native-review
callback-saving = ᠬᠠᠳᠠᠭᠠᠯᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ…

# needs-native-review
callback-saved = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠪᠠ᠂ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠬᠣᠯᠪᠣᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ 12348 ᠳᠤ ᠢᠯᠡᠭᠡᠭᠳᠡᠨ᠎ᠡ᠃ ᠳᠠᠬᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃ ᠴᠠᠭ᠄ { $slot }

# needs-native-review
callback-saved-in-memory = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠲᠡᠮᠳᠡᠭᠯᠡᠭᠳᠡᠪᠡ᠂ ᠭᠡᠪᠡᠴᠦ ᠮᠠᠰᠢᠨ ᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠮᠵᠢ ᠡᠪᠳᠡᠷᠡᠭᠰᠡᠨ ᠲᠤᠯᠠ ᠴᠠᠬᠢᠯᠭᠠᠨ ᠲᠠᠰᠤᠷᠠᠪᠠᠯ ᠠᠯᠳᠠᠭᠳᠠᠵᠤ ᠮᠡᠳᠡᠨ᠎ᠡ᠃ 12348 ᠳᠤ ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠴᠠᠭ᠄ { $slot }

# needs-native-review
callback-booked = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠮᠵᠢᠯᠲᠠ ᠲᠠᠢ᠂ ᠨᠣᠮᠧᠷ ᠢ ᠨᠢ ᠲᠡᠮᠳᠡᠭᠯᠡᠨ᠎ᠡ ᠦᠦ᠃ 12348 ᠤᠨ ᠬᠠᠭᠤᠯᠢᠴᠢ { $slot } ᠳᠤ ᠲᠠᠨ ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ᠂ ᠬᠠᠮᠤᠭ ᠤᠨ ᠤᠯᠠᠨ ᠳᠠᠭᠠᠨ { $tries } ᠤᠳᠠᠭ᠎ᠠ᠃ ᠳᠠᠬᠢᠨ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ ᠬᠡᠷᠡᠭ ᠦᠭᠡᠢ᠃

# needs-native-review
callback-refused = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠮᠵᠢᠯᠲᠠ ᠦᠭᠡᠢ᠄ { $reason } 12348 ᠳᠤ ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠄

# needs-native-review
callback-not-saved = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠶᠠᠮᠠᠷ ᠴᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢᠯᠡᠭᠡᠭᠡᠳᠦᠢ᠃ 12348 ᠳᠤ ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠄

# needs-native-review
callback-new-slot = ᠰᠢᠨ᠎ᠡ ᠴᠠᠭ ᠰᠣᠩᠭᠣᠬᠤ

# needs-native-review
callback-home = ᠡᠬᠢᠨ ᠨᠢᠭᠤᠷ ᠲᠤ

# needs-native-review
bookings-intro = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤᠬᠢ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ (ᠨᠣᠮᠧᠷ ᠤᠨ ᠡᠬᠢᠨ ᠤ 3 ᠪᠠ ᠰᠡᠭᠦᠯ ᠦᠨ 4 ᠣᠷᠤᠨ ᠢ ᠯᠠ ᠢᠯᠡᠷᠡᠭᠦᠯᠦᠨ᠎ᠡ)᠃

# needs-native-review
bookings-none = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠦᠭᠡᠢ᠃

# needs-native-review
bookings-unreadable = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠶᠢᠨ ᠲᠡᠮᠳᠡᠭᠯᠡᠯ ᠢ ᠤᠩᠰᠢᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
booking-state-saved = ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠵᠤ᠂ ᠢᠯᠡᠭᠡᠬᠦ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ

# needs-native-review
booking-state-sent = ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠳᠠᠪᠠ᠂ ᠨᠣᠮᠧᠷ { $reference }

# needs-native-review
booking-state-new-slot = ᠴᠠᠭ ᠳᠦᠭᠦᠷᠴᠡᠢ ᠪᠤᠶᠤ ᠥᠩᠭᠡᠷᠡᠴᠡᠢ᠂ ᠰᠢᠨ᠎ᠡ ᠴᠠᠭ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ

# needs-native-review
booking-state-refused = ᠢᠯᠡᠭᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠰᠣᠩᠭᠤᠵᠤ ᠰᠢᠯᠲᠠᠭᠠᠨ ᠢ ᠦᠵᠡᠨ᠎ᠡ

# needs-native-review
guide-ask-12348 = ᠡᠨᠡ ᠬᠡᠷᠡᠭ ᠢᠶᠡᠷ 12348 ᠤᠨ ᠬᠠᠭᠤᠯᠢᠴᠢ ᠠᠴᠠ ᠠᠰᠠᠭᠤᠬᠤ

# needs-native-review
callback-day-before = ◀ ᠡᠮᠦᠨᠡᠬᠢ ᠡᠳᠦᠷ
# needs-native-review
callback-day-after = ᠳᠠᠷᠠᠭᠠᠴᠢ ᠡᠳᠦᠷ ▶
# needs-native-review
callback-day-free = { $count } ᠴᠠᠭ ᠰᠤᠯᠠ

# needs-native-review
callback-declined = ᠲᠠ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ ᠲᠤᠯᠠ ᠶᠠᠮᠠᠷ ᠴᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢᠯᠡᠭᠡᠭᠡᠳᠦᠢ᠂ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠠᠳᠦᠢ᠃ 12348 ᠳᠤ ᠰᠢᠭᠤᠳ ᠤᠲᠠᠰᠤᠳᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠄
# needs-native-review
callback-slot-again = ᠲᠠ ᠶᠠᠷᠢᠬᠤ ᠬᠡᠯᠡ ᠪᠡᠨ ᠰᠣᠯᠢᠭᠰᠠᠨ ᠲᠤᠯᠠ ᠡᠮᠦᠨᠡᠬᠢ ᠴᠠᠭ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠦᠭᠡᠢ᠃ { $lang } ᠪᠡᠷ ᠤᠲᠠᠰᠤᠳᠠᠬᠤ ᠴᠠᠭ ᠢ ᠳᠠᠬᠢᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
callback-retry = ᠳᠠᠬᠢᠨ ᠬᠠᠢᠬᠤ

# needs-native-review
booking-state-cancelled = ᠦᠭᠡᠶᠢᠰᠬᠡᠭᠳᠡᠪᠡ
# needs-native-review
bookings-cancel = ᠡᠨᠡ ᠤᠲᠠᠰᠤ ᠶᠢ ᠦᠭᠡᠶᠢᠰᠬᠡᠬᠦ
# needs-native-review
bookings-reschedule = ᠪᠤᠰᠤᠳ ᠴᠠᠭ ᠲᠤ ᠰᠣᠯᠢᠬᠤ
# needs-native-review
bookings-cancelled = ᠦᠭᠡᠶᠢᠰᠬᠡᠭᠳᠡᠪᠡ᠃ 12348 ᠡᠨᠡ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠷ ᠲᠠᠨ ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠬᠤ ᠦᠭᠡᠢ᠃
# needs-native-review
bookings-not-cancelled = ᠦᠭᠡᠶᠢᠰᠬᠡᠵᠦ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠄ { $reason }

# needs-native-review
callback-qr = ᠭᠠᠷ ᠤᠲᠠᠰᠤ ᠪᠠᠷ ᠰᠢᠷᠪᠢᠭᠡᠳ᠂ ᠨᠣᠮᠧᠷ ᠢᠶᠠᠨ ᠣᠷᠣᠭᠤᠯᠵᠤ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠪᠠᠨ ᠦᠵᠡᠨ᠎ᠡ᠃

# needs-native-review
booking-needs-slot-title = ᠨᠢᠭᠡ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠳᠤ ᠰᠢᠨ᠎ᠡ ᠴᠠᠭ ᠬᠡᠷᠡᠭᠲᠡᠢ
# needs-native-review
booking-needs-slot = ᠲᠠᠨ ᠤ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠵᠠᠬᠢᠶᠠᠯᠠᠭᠰᠠᠨ 12348 ᠤᠲᠠᠰᠤᠨ ᠤ ᠴᠠᠭ ᠳᠦᠭᠦᠷᠴᠡᠢ ᠪᠤᠶᠤ ᠥᠩᠭᠡᠷᠡᠴᠡᠢ᠃ "ᠮᠢᠨᠦ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ" ᠶᠢ ᠨᠡᠭᠡᠭᠡᠵᠦ ᠰᠢᠨ᠎ᠡ ᠴᠠᠭ ᠰᠣᠩᠭᠣᠬᠤ ᠪᠤᠶᠤ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
booking-state-replaced = ᠰᠢᠨ᠎ᠡ ᠴᠠᠭ ᠲᠤ ᠰᠣᠯᠢᠭᠳᠠᠪᠠ
# needs-native-review
bookings-forget = ᠮᠠᠰᠢᠨ ᠠᠴᠠ ᠤᠰᠠᠳᠬᠠᠬᠤ

# needs-native-review
bookings-cancel-ask = ᠡᠨᠡ ᠤᠲᠠᠰᠤ ᠶᠢ ᠦᠭᠡᠶᠢᠰᠬᠡᠬᠦ ᠦᠦ᠃ ᠳᠠᠬᠢᠨ ᠨᠢᠭᠡ ᠳᠠᠷᠤᠪᠠᠯ ᠦᠭᠡᠶᠢᠰᠬᠡᠨ᠎ᠡ᠂ ᠪᠤᠴᠠᠬᠤ ᠶᠢ ᠳᠠᠷᠤᠪᠠᠯ ᠦᠭᠡᠶᠢᠰᠬᠡᠬᠦ ᠦᠭᠡᠢ᠃
# needs-native-review
bookings-cancel-confirm = ᠦᠭᠡᠶᠢᠰᠬᠡᠬᠦ ᠶᠢ ᠪᠠᠲᠤᠯᠠᠬᠤ
# needs-native-review
callback-declined-title = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠦᠭᠡᠢ
# needs-native-review
callback-slot-asap-label = ᠠᠯᠢ ᠬᠡᠷᠡᠭ ᠲᠦᠷᠭᠡᠨ · { $slot }
# needs-native-review
callback-review-replaces = ᠡᠨᠡ ᠪᠣᠯ ᠴᠠᠭ ᠰᠣᠯᠢᠬᠤ᠄ ᠰᠢᠨ᠎ᠡ ᠴᠠᠭ ᠠᠮᠵᠢᠯᠲᠠ ᠲᠠᠢ ᠪᠣᠯᠪᠠᠯ ᠡᠮᠦᠨᠡᠬᠢ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠥᠪᠡᠷ ᠢᠶᠡᠨ ᠦᠭᠡᠶᠢᠰᠬᠡᠭᠳᠡᠨ᠎ᠡ᠃ ᠨᠢᠭᠲᠠᠯᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
bookings-older = ᠡᠮᠦᠨᠡᠬᠢ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ({ $page } / { $pages })
# needs-native-review
bookings-newer = ᠰᠢᠨ᠎ᠡ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ({ $page } / { $pages })

# needs-native-review
bookings-list = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠶᠢᠨ ᠵᠢᠭᠰᠠᠭᠠᠯᠲᠠ ᠳᠤ ᠪᠤᠴᠠᠬᠤ
# needs-native-review
booking-refused-detail = ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠠᠮᠵᠢᠯᠲᠠ ᠦᠭᠡᠢ᠄ { $reason }
