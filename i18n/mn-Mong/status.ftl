# Application status: the number, the mobile number that verifies it, and the answer as a
# timeline with its deadlines. Traditional Mongolian (mn-Mong-CN). Keep ids, attributes and
# variables in step with zh-Hans/status.ftl.
#
# review: needs-native-review — every message in this file was written by the developers and
# has not yet been checked by a native Mongolian speaker. A reviewer who has checked a message
# replaces its `# needs-native-review` line with `# native-reviewed` (a test requires one of the two).

# needs-native-review
view-status-mobile = ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ

# needs-native-review
view-status-result = ᠠᠵᠢᠯ ᠤᠨ ᠶᠠᠪᠤᠴ᠎ᠠ

# needs-native-review
home-status-news = ᠰᠢᠨ᠎ᠡ ᠶᠠᠪᠤᠴ᠎ᠠ ᠲᠠᠢ

# needs-native-review
status-number-intro = ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠤᠭᠰᠠᠨ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠥᠷᠭᠥᠳᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ ᠢ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ (10 ᠠᠴᠠ 20 ᠣᠷᠣᠨ ᠲᠣᠭ᠎ᠠ)᠃

# needs-native-review
status-number-error-empty = ᠥᠷᠭᠥᠳᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ ᠢ ᠣᠷᠣᠭᠤᠯᠤᠭ᠎ᠠ ᠦᠭᠡᠢ ᠪᠠᠢᠨ᠎ᠠ᠃

# needs-native-review
status-number-error-short = ᠥᠷᠭᠥᠳᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ ᠳᠣᠷᠣᠭᠳᠠᠬᠤ ᠳᠤᠨᠢ 10 ᠣᠷᠣᠨ᠂ ᠣᠳᠣ { $count } ᠣᠷᠣᠨ ᠪᠠᠢᠨ᠎ᠠ᠃

# needs-native-review
status-number-error-long = ᠥᠷᠭᠥᠳᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ ᠬᠠᠮᠤᠭ ᠣᠯᠠᠨ ᠳᠠᠭᠠᠨ 20 ᠣᠷᠣᠨ᠂ ᠢᠯᠡᠭᠦᠦ ᠲᠣᠭ᠎ᠠ ᠣᠷᠣᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃

# needs-native-review
status-continue = ᠳᠠᠷᠠᠭᠠᠬᠢ ᠠᠯᠬᠤᠮ

# needs-native-review
status-saved = ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠦᠵᠡᠬᠦ

# needs-native-review
status-saved-with-news = ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠦᠵᠡᠬᠦ (ᠰᠢᠨ᠎ᠡ ᠶᠠᠪᠤᠴ᠎ᠠ ᠲᠠᠢ)

# needs-native-review
status-saved-detail = ᠨᠣᠮᠧᠷ { $number } · ᠭᠠᠷ ᠤᠲᠠᠰᠤ { $mobile }

# needs-native-review
status-saved-news = ᠰᠢᠨ᠎ᠡ ᠶᠠᠪᠤᠴ᠎ᠠ ᠲᠠᠢ · ᠨᠣᠮᠧᠷ { $number }

# needs-native-review
status-saved-refused = ᠨᠣᠮᠧᠷ { $number } ᠣᠯᠳᠠᠬᠤ ᠦᠭᠡᠢ ᠪᠣᠯᠪᠠ᠄ ᠳᠠᠬᠢᠨ ᠰᠢᠯᠭᠠᠬᠤ ᠪᠤᠶᠤ ᠤᠰᠠᠳᠭᠠᠨ᠎ᠠ ᠤᠤ

# needs-native-review
status-forget-saved = ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠤᠰᠠᠳᠭᠠᠬᠤ

# needs-native-review
status-forget-saved-detail = ᠨᠣᠮᠧᠷ ᠪᠠ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠢ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠠᠴᠠ ᠤᠰᠠᠳᠭᠠᠨ᠎ᠠ

# needs-native-review
status-forgotten = ᠤᠰᠠᠳᠭᠠᠪᠠ᠄ ᠨᠣᠮᠧᠷ ᠪᠠ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠢ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠠᠴᠠ ᠤᠰᠠᠳᠭᠠᠪᠠ᠃

# needs-native-review
status-mobile-intro = ᠥᠷᠭᠥᠳᠡᠯ { $number }᠄ ᠥᠷᠭᠥᠳᠡᠯ ᠥᠭᠬᠦ ᠳᠦ ᠦᠯᠡᠳᠡᠭᠡᠭᠰᠡᠨ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠢ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
status-mobile-label = ᠥᠷᠭᠥᠳᠡᠯ ᠥᠭᠭᠦᠭᠴᠢ ᠶᠢᠨ ᠭᠠᠷ ᠤᠲᠠᠰᠤ

# needs-native-review
status-look-up = ᠶᠠᠪᠤᠴ᠎ᠠ ᠶᠢ ᠰᠢᠯᠭᠠᠬᠤ

# needs-native-review
status-asking = ᠰᠢᠯᠭᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ……

# needs-native-review
status-error-no-match = ᠡᠨᠡ ᠨᠣᠮᠧᠷ ᠪᠠ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠲᠠᠢ ᠲᠣᠬᠢᠷᠠᠬᠤ ᠥᠷᠭᠥᠳᠡᠯ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ ᠪᠠᠷᠢᠮᠲᠠ ᠶᠢᠨ ᠨᠣᠮᠧᠷ ᠪᠠ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠢᠶᠠᠨ ᠬᠢᠨᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
status-error-too-many = ᠣᠳᠣ ᠣᠯᠠᠨ ᠤᠳᠠᠭ᠎ᠠ ᠣᠷᠣᠯᠳᠠᠪᠠ᠃ { $minutes } ᠮᠢᠨᠦ᠋ᠲ ᠦᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠂ ᠡᠰᠡᠪᠡᠯ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
status-error-offline = ᠣᠳᠣ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠬᠤ ᠦᠭᠡᠢ ᠲᠤᠯᠠ ᠶᠠᠪᠤᠴ᠎ᠠ ᠶᠢ ᠰᠢᠯᠭᠠᠬᠤ ᠠᠷᠭ᠎ᠠ ᠦᠭᠡᠢ᠃ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ ᠪᠤᠶᠤ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
status-error-busy = ᠰᠸᠷᠸᠷ ᠵᠠᠪ ᠦᠭᠡᠢ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠬᠡᠳᠦᠨ ᠮᠢᠨᠦ᠋ᠲ ᠦᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
status-error-other = ᠣᠳᠣ ᠶᠠᠪᠤᠴ᠎ᠠ ᠶᠢ ᠰᠢᠯᠭᠠᠬᠤ ᠠᠷᠭ᠎ᠠ ᠦᠭᠡᠢ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ ᠪᠤᠶᠤ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
status-headline-number = ᠨᠣᠮᠧᠷ { $number } · ᠭᠠᠷ ᠤᠲᠠᠰᠤ { $mobile }

# needs-native-review
status-demo = ᠵᠢᠱᠢᠶ᠎ᠡ ᠶᠢᠨ ᠮᠡᠳᠡᠭᠳᠡᠯ᠄ ᠵᠢᠩᠬᠢᠨᠢ ᠥᠷᠭᠥᠳᠡᠯ ᠪᠢᠰᠢ᠃

# needs-native-review
state-received = ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠲᠤᠰᠤᠯᠠᠪᠠ᠂ ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ ᠶᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ

# needs-native-review
state-in-review = ᠬᠢᠨᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ

# needs-native-review
state-awaiting-supplement = ᠨᠥᠭᠥᠴᠡᠬᠦ ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ

# needs-native-review
state-decided = ᠱᠢᠢᠳᠪᠦᠷᠢ ᠭᠠᠷᠭᠠᠭᠰᠠᠨ

# needs-native-review
state-closed = ᠳᠠᠭᠤᠰᠪᠠ

# needs-native-review
date-full = { $year } ᠣᠨ ᠤ { $month } ᠰᠠᠷ᠎ᠠ ᠶᠢᠨ { $day }

# needs-native-review
status-supplement-heading = ᠨᠥᠭᠥᠴᠡᠬᠦ ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ

# needs-native-review
status-supplement-items = ᠨᠥᠭᠥᠴᠡᠨ ᠥᠭᠬᠦ᠄ { $items }

# needs-native-review
status-supplement-due = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ { $date } ({ $left })

# needs-native-review
status-supplement-where = ᠬᠦᠷᠭᠡᠬᠦ ᠭᠠᠵᠠᠷ᠄ { $place }

# needs-native-review
status-supplement-paused = ᠨᠥᠭᠥᠴᠡᠬᠦ ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠬᠦ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠠᠵᠢᠯ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠲᠤᠭᠠᠴᠠᠬᠤ ᠢ ᠵᠣᠭᠰᠣᠭᠠᠨ᠎ᠠ᠂ ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ ᠪᠦᠷᠢᠨ ᠪᠣᠯᠤᠭᠰᠠᠨ ᠤ ᠳᠠᠷᠠᠭ᠎ᠠ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ ᠲᠤᠭᠠᠴᠠᠨ᠎ᠠ᠃

# needs-native-review
status-deadlines-heading = ᠠᠵᠢᠯ ᠤᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ

# needs-native-review
status-statutory = ᠬᠠᠤᠯᠢ ᠶᠢᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ { $date } ({ $left })

# needs-native-review
status-promised = ᠠᠮᠠᠯᠠᠭᠰᠠᠨ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ᠄ { $date } ({ $left })

# needs-native-review
status-deadline-paused = ᠨᠥᠭᠥᠴᠡᠬᠦ ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠲᠤᠭᠠᠴᠠᠬᠤ ᠢ ᠵᠣᠭᠰᠣᠭᠠᠪᠠ

# needs-native-review
status-deadline-met = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠣᠲᠣᠷ᠎ᠠ ᠱᠢᠢᠳᠪᠦᠷᠢ ᠭᠠᠷᠭᠠᠪᠠ

# needs-native-review
status-deadline-missed = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠡᠴᠡ { $count } ᠡᠳᠦᠷ ᠬᠣᠵᠢᠭᠤᠵᠤ ᠱᠢᠢᠳᠪᠦᠷᠢ ᠭᠠᠷᠭᠠᠪᠠ

# needs-native-review
status-count-working = ᠡᠳᠦᠷ ᠢ ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠢᠶᠡᠷ ᠲᠤᠭᠠᠴᠠᠨ᠎ᠠ᠂ ᠪᠤᠮᠪᠠ ᠶᠢ ᠣᠷᠣᠭᠤᠯᠬᠤ ᠦᠭᠡᠢ᠄ ᠪᠠᠶᠠᠷ ᠤᠨ ᠡᠳᠦᠷ ᠲᠤ ᠵᠢᠭᠠᠭᠰᠠᠨ ᠣᠨ ᠰᠠᠷ᠎ᠠ ᠡᠳᠦᠷ ᠢ ᠦᠨᠳᠦᠰᠦᠯᠡᠨ᠎ᠡ᠃

# needs-native-review
status-count-calendar = ᠡᠳᠦᠷ ᠢ ᠬᠤᠸᠠᠩᠯᠢ ᠶᠢᠨ ᠡᠳᠦᠷ ᠢᠶᠡᠷ ᠲᠤᠭᠠᠴᠠᠨ᠎ᠠ᠄ ᠡᠳᠦᠷ ᠪᠦᠷᠢ ᠲᠤᠭᠠᠴᠠᠭᠳᠠᠨ᠎ᠠ᠃

# needs-native-review
days-left = { $count } ᠡᠳᠦᠷ ᠦᠯᠡᠳᠡᠪᠡ

# needs-native-review
days-left-working = { $count } ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠦᠯᠡᠳᠡᠪᠡ

# needs-native-review
days-due-today = ᠡᠨᠦᠳᠦᠷ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤᠭᠤᠰᠤᠨ᠎ᠠ

# needs-native-review
days-passed = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠥᠩᠭᠡᠷᠡᠪᠡ

# needs-native-review
days-overdue = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠡᠴᠡ { $count } ᠡᠳᠦᠷ ᠬᠡᠲᠦᠷᠡᠪᠡ

# needs-native-review
days-overdue-working = ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠡᠴᠡ { $count } ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ ᠬᠡᠲᠦᠷᠡᠪᠡ

# needs-native-review
status-stages-heading = ᠠᠵᠢᠯ ᠤᠨ ᠠᠯᠬᠤᠮ

# needs-native-review
stage-done = ᠳᠠᠭᠤᠰᠪᠠ · { $date }

# needs-native-review
stage-current = ᠶᠠᠪᠤᠭᠳᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ · { $date } ᠡᠴᠡ

# needs-native-review
stage-current-undated = ᠶᠠᠪᠤᠭᠳᠠᠵᠤ ᠪᠠᠢᠨ᠎ᠠ

# needs-native-review
stage-current-paused = ᠵᠣᠭᠰᠣᠭᠠᠪᠠ᠄ ᠲᠠᠨ ᠤ ᠨᠥᠭᠥᠴᠡᠬᠦ ᠮᠠᠲ᠋ᠸᠷᠢᠶᠠᠯ ᠢ ᠬᠦᠯᠢᠶᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ

# needs-native-review
stage-done-undated = ᠳᠠᠭᠤᠰᠪᠠ

# needs-native-review
stage-pending = ᠡᠬᠢᠯᠡᠭᠡ ᠦᠭᠡᠢ

# needs-native-review
status-decision-heading = ᠠᠵᠢᠯ ᠤᠨ ᠦᠷ᠎ᠡ ᠳ᠋ᠦᠩ

# needs-native-review
status-decision = { $date } ᠳᠤ ᠱᠢᠢᠳᠪᠦᠷᠢ ᠭᠠᠷᠭᠠᠪᠠ᠄ { $outcome }

# needs-native-review
status-appeal-heading = ᠱᠢᠢᠳᠪᠦᠷᠢ ᠳᠦ ᠰᠠᠨᠠᠯ ᠵᠥᠷᠢᠯᠳᠡᠭᠡ ᠲᠠᠢ ᠪᠣᠯ

# needs-native-review
status-appeal-route = { $route }᠄ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ { $days }᠃

# needs-native-review
status-appeal-until = ᠰᠡᠭᠦᠯ ᠦᠨ ᠡᠳᠦᠷ᠄ { $date } ({ $left })

# needs-native-review
status-appeal-days-working = { $count } ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ

# needs-native-review
status-appeal-days-calendar = { $count } ᠡᠳᠦᠷ

# needs-native-review
status-appeal-basis = ᠦᠨᠳᠦᠰᠦᠯᠡᠯ᠄ 《{ $title }》 { $articles }

# needs-native-review
status-appeal-office = ᠭᠠᠵᠠᠷ᠄ { $office } · ᠤᠲᠠᠰᠤ { $phone }

# needs-native-review
status-remember = ᠡᠨᠡ ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ

# needs-native-review
status-remember-detail = ᠶᠠᠪᠤᠴ᠎ᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡᠯ ᠡᠬᠢᠨ ᠨᠢᠭᠤᠷ ᠲᠤ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ

# needs-native-review
status-remember-confirm = ᠳᠠᠬᠢᠨ ᠳᠠᠷᠤᠵᠤ ᠪᠠᠲᠤᠯᠠᠨ᠎ᠠ ᠤᠤ᠄ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠬᠤ ᠢ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠨ᠎ᠡ

# needs-native-review
status-remember-consent = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠥᠷᠭᠥᠳᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ ᠪᠠ ᠲᠠᠨ ᠤ ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠪᠦᠷᠢᠨ ᠨᠣᠮᠧᠷ ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠨ᠎ᠠ (ᠵᠥᠪᠬᠡᠨ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠤᠩᠰᠢᠨ᠎ᠠ)᠂ ᠵᠥᠪᠬᠡᠨ ᠡᠨᠡ ᠥᠷᠭᠥᠳᠡᠯ ᠦᠨ ᠶᠠᠪᠤᠴ᠎ᠠ ᠶᠢ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠪᠦᠷᠢ ᠰᠢᠯᠭᠠᠬᠤ ᠳᠤ ᠬᠡᠷᠡᠭᠯᠡᠨ᠎ᠡ᠂ ᠶᠠᠪᠤᠴ᠎ᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡᠯ ᠡᠬᠢᠨ ᠨᠢᠭᠤᠷ ᠲᠤ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ᠃ ᠬᠡᠵᠢᠶ᠎ᠡ ᠴᠤ ᠤᠰᠠᠳᠭᠠᠵᠤ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠵᠥᠪᠰᠢᠶᠡᠷᠡᠪᠡᠯ ᠳᠠᠬᠢᠨ ᠳᠠᠷᠤᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
status-remembered = ᠡᠨᠡ ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ

# needs-native-review
status-remembered-now = ᠡᠨᠡ ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠃ ᠶᠠᠪᠤᠴ᠎ᠠ ᠥᠭᠡᠷᠡᠴᠢᠯᠡᠭᠳᠡᠪᠡᠯ ᠡᠬᠢᠨ ᠨᠢᠭᠤᠷ ᠲᠤ ᠮᠡᠳᠡᠭᠳᠡᠨ᠎ᠡ᠃

# needs-native-review
status-forget = ᠡᠨᠡ ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠤᠰᠠᠳᠭᠠᠬᠤ

# needs-native-review
status-remember-failed = ᠡᠨᠡ ᠥᠷᠭᠥᠳᠡᠯ ᠢ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
status-another = ᠥᠭᠡᠷ᠎ᠡ ᠥᠷᠭᠥᠳᠡᠯ ᠰᠢᠯᠭᠠᠬᠤ

# needs-native-review
status-news-title = ᠥᠷᠭᠥᠳᠡᠯ ᠰᠢᠨ᠎ᠡ ᠶᠠᠪᠤᠴ᠎ᠠ ᠲᠠᠢ

# needs-native-review
status-news = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠥᠷᠭᠥᠳᠡᠯ ᠰᠢᠨ᠎ᠡ ᠶᠠᠪᠤᠴ᠎ᠠ ᠲᠠᠢ᠂ «ᠠᠵᠢᠯ ᠤᠨ ᠶᠠᠪᠤᠴ᠎ᠠ» ᠶᠢ ᠨᠡᠭᠡᠭᠡᠵᠦ ᠦᠵᠡᠨ᠎ᠡ ᠦᠦ᠃
