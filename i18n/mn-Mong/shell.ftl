# Shell: Home, navigation and the frames of views that later issues fill in.
# Traditional Mongolian (mn-Mong-CN). Keep ids and attributes in step with zh-Hans/shell.ftl.
#
# review: needs-native-review — every message in this file was written by the developers and
# has not yet been checked by a native Mongolian speaker. A reviewer who has checked a message
# replaces its `# needs-native-review` line with `# native-reviewed` (a test requires one of the two).

# needs-native-review
app-title = ᠣᠯᠠᠨ ᠨᠡᠶᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ
# needs-native-review
nav-back = ᠪᠤᠴᠠᠬᠤ
# needs-native-review
home-guides = ᠬᠡᠷᠡᠭ ᠪᠡᠴᠢᠯᠡᠬᠦ ᠵᠢᠭᠠᠯᠲᠠ
    .hint = ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ᠂ ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ᠂ ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠬᠦ
# needs-native-review
home-callback = 12348 ᠤᠲᠠᠰᠤ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ
    .hint = ᠬᠠᠤᠯᠢᠴᠢ ᠲᠠᠨ ᠳᠤ ᠤᠲᠠᠰᠤ ᠳᠤᠭᠳᠠᠨ᠎ᠠ
# needs-native-review
home-status = ᠪᠡᠴᠢᠯᠡᠬᠦ ᠶᠠᠪᠤᠴᠠ
    .hint = ᠥᠷᠭᠥᠳᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ ᠢᠶᠠᠷ ᠬᠠᠢᠬᠤ
# needs-native-review
home-offices = ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠠ ᠤᠲᠠᠰᠤ
    .hint = ᠲᠤᠰ ᠭᠠᠵᠠᠷ ᠤᠨ ᠱᠦᠭᠦᠨ ᠵᠠᠰᠠᠬᠤ ᠭᠠᠵᠠᠷ
# needs-native-review
home-feedback = ᠭᠣᠮᠳᠠᠯ ᠰᠠᠨᠠᠯ
    .hint = ᠭᠣᠮᠳᠠᠯ᠂ ᠰᠠᠨᠠᠯ᠂ ᠮᠠᠭᠲᠠᠭᠠᠯ
# needs-native-review
home-language = ᠬᠡᠯᠡ
    .hint = ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ · ᠬᠢᠲᠠᠳ ᠬᠡᠯᠡ
# needs-native-review
home-settings = ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ
    .hint = ᠣᠷᠣᠨ ᠨᠤᠲᠤᠭ᠂ ᠦᠰᠦᠭ ᠦᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ

# needs-native-review
view-guides = ᠬᠡᠷᠡᠭ ᠪᠡᠴᠢᠯᠡᠬᠦ ᠵᠢᠭᠠᠯᠲᠠ
# needs-native-review
view-callback = 12348 ᠤᠲᠠᠰᠤ ᠵᠠᠬᠢᠶᠠᠯᠠᠬᠤ
# needs-native-review
view-status = ᠪᠡᠴᠢᠯᠡᠬᠦ ᠶᠠᠪᠤᠴᠠ
# needs-native-review
view-offices = ᠪᠠᠶᠢᠭᠤᠯᠤᠯᠭ᠎ᠠ ᠪᠠ ᠤᠲᠠᠰᠤ
# needs-native-review
view-feedback = ᠭᠣᠮᠳᠠᠯ ᠰᠠᠨᠠᠯ
# needs-native-review
view-language = ᠬᠡᠯᠡ
# needs-native-review
view-settings = ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ

# needs-native-review
status-number-label = ᠥᠷᠭᠥᠳᠡᠯ ᠦᠨ ᠨᠣᠮᠧᠷ
# needs-native-review
status-number-empty = ᠨᠣᠮᠧᠷ ᠢᠶᠠᠨ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ

# needs-native-review
language-name = ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ
# needs-native-review
language-name-bilingual = ᠮᠣᠩᠭᠣᠯ ᠬᠢᠲᠠᠳ ᠬᠣᠣᠰ ᠬᠡᠯᠡ
# needs-native-review
language-current = ✓ ᠬᠡᠷᠡᠭᠯᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ


# needs-native-review
font-missing = ᠦᠰᠦᠭ ᠦᠨ ᠹᠣᠨᠲ ᠳᠤᠲᠠᠭᠤ ᠲᠤᠯᠠ ᠵᠠᠷᠢᠮ ᠦᠰᠦᠭ ᠢᠯᠡᠷᠡᠬᠦ ᠦᠭᠡᠢ᠃ ᠤᠭᠰᠠᠷᠠᠬᠤ: { $font }
# needs-native-review
font-hint-chinese = ᠬᠢᠲᠠᠳ ᠦᠰᠦᠭ ᠦᠨ ᠹᠣᠨᠲ (Noto Sans CJK, Debian: fonts-noto-cjk)
# needs-native-review
font-hint-mongolian = ᠮᠣᠩᠭᠣᠯ ᠦᠰᠦᠭ ᠦᠨ ᠹᠣᠨᠲ (Noto Sans Mongolian)

# The overlay layer's button, and what it says when the service has no backend to talk to.
# needs-native-review
overlay-ok = ᠵᠠ
# needs-native-review
backend-problem-title = ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ
# needs-native-review
backend-problem = ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠶᠢᠨ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ᠃ ᠬᠡᠷᠡᠭ ᠪᠡᠴᠢᠯᠡᠬᠦ ᠵᠢᠭᠠᠯᠲᠠ ᠶᠢ ᠦᠵᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠬᠡᠷᠡᠭᠲᠡᠢ ᠪᠣᠯ 12348 ᠳᠤ ᠤᠲᠠᠰᠤ ᠳᠤᠭᠳᠠᠭᠠᠷᠠᠢ᠃

# The on-screen keypad of touch profiles, and how a remote enters digits.
# needs-native-review
keypad = ᠲᠣᠭ᠎ᠠ ᠶᠢᠨ ᠳᠠᠷᠤᠪᠴᠢ
# needs-native-review
keypad-delete = ᠠᠷᠢᠯᠭᠠᠬᠤ
# needs-native-review
entry-remote-hint = ᠳᠠᠯᠠᠯᠠᠭᠤᠷ ᠤᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢᠨ ᠳᠠᠷᠤᠪᠴᠢ ᠪᠠᠷ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ᠃ ᠤᠯᠠᠭᠠᠨ ᠳᠠᠷᠤᠪᠴᠢ ᠪᠠᠷ ᠰᠡᠭᠦᠯ ᠦᠨ ᠲᠣᠭ᠎ᠠ ᠶᠢ ᠠᠷᠢᠯᠭᠠᠨ᠎ᠠ᠃

# A mainland mobile number typed on the digit keys or keypad (the booking and the status lookup).
# needs-native-review
mobile-empty = ᠨᠣᠮᠧᠷ ᠢᠶᠠᠨ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ

# needs-native-review
mobile-error-empty = ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ ᠣᠷᠣᠭᠤᠯᠤᠭ᠎ᠠ ᠦᠭᠡᠢ ᠪᠠᠢᠨ᠎ᠠ᠃

# needs-native-review
mobile-error-start = ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ 1 ᠡᠴᠡ ᠡᠬᠢᠯᠡᠨ᠎ᠡ᠃ ᠠᠷᠢᠯᠭᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
mobile-error-second = ᠨᠣᠮᠧᠷ ᠤᠨ ᠬᠣᠶᠠᠳᠤᠭᠠᠷ ᠲᠣᠭ᠎ᠠ 3 ᠡᠴᠡ 9 ᠬᠦᠷᠲᠡᠯᠡ ᠪᠠᠢᠨ᠎ᠠ᠃

# needs-native-review
mobile-error-length = ᠨᠣᠮᠧᠷ 11 ᠣᠷᠤᠨ ᠲᠠᠢ᠂ ᠣᠳᠣ { $count } ᠣᠷᠤᠨ ᠪᠠᠢᠨ᠎ᠠ᠃

# needs-native-review
mobile-error-full = ᠭᠠᠷ ᠤᠲᠠᠰᠤᠨ ᠤ ᠨᠣᠮᠧᠷ 11 ᠣᠷᠤᠨ ᠲᠠᠢ᠂ ᠢᠯᠡᠭᠦᠦ ᠲᠣᠭ᠎ᠠ ᠣᠷᠣᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃

# The kiosk's idle warning (WCAG 2.2.1): any key or touch keeps the session.
# needs-native-review
idle-warning-title = ᠬᠡᠷᠡᠭᠯᠡᠵᠦ ᠪᠠᠢᠨ᠎ᠠ ᠤᠤ?

# needs-native-review
idle-warning = ᠬᠡᠰᠡᠭ ᠬᠤᠭᠤᠴᠠᠭ᠎ᠠ ᠳᠤ ᠶᠠᠮᠠᠷ ᠴᠤ ᠦᠢᠯᠡᠳᠦᠯ ᠦᠭᠡᠢ᠃ ᠲᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠡᠯᠡᠯ ᠢ ᠬᠠᠮᠠᠭᠠᠯᠠᠬᠤ ᠢᠨ ᠲᠤᠯᠠᠳ ᠣᠷᠣᠭᠤᠯᠤᠭᠰᠠᠨ ᠵᠦᠢᠯ ᠢ ᠤᠰᠠᠳᠭᠠᠵᠤ ᠡᠬᠢᠨ ᠨᠢᠭᠤᠷ ᠲᠤ ᠪᠤᠴᠠᠨ᠎ᠠ᠃ ᠦᠷᠭᠦᠯᠵᠢᠯᠡᠨ ᠬᠡᠷᠡᠭᠯᠡᠬᠦ ᠪᠣᠯ ᠶᠠᠮᠠᠷ ᠴᠤ ᠳᠠᠷᠤᠭᠤᠯ ᠳᠠᠷᠤᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
idle-countdown = { $seconds } ᠰᠧᠺᠦ᠋ᠨ᠋ᠳ᠋ ᠦᠨ ᠳᠠᠷᠠᠭ᠎ᠠ ᠤᠰᠠᠳᠭᠠᠨ᠎ᠠ

# What start-up found in the config file, said over Home; the details are shown in both
# languages (the administrator may not read the box's language).
# needs-native-review
config-problem-title = ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠹᠠᠢᠯ ᠳᠤ ᠬᠡᠷᠡᠭᠯᠡᠭᠳᠡᠭᠰᠡᠨ ᠦᠭᠡᠢ ᠵᠦᠢᠯ ᠪᠠᠢᠨ᠎ᠠ

# needs-native-review
config-problem = ᠳᠣᠣᠷᠠᠬᠢ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ ᠪᠤᠷᠤᠭᠤ ᠲᠤᠯᠠ ᠣᠷᠬᠢᠭᠳᠠᠪᠠ᠂ ᠪᠤᠰᠤᠳ ᠨᠢ ᠬᠡᠪ ᠢᠶᠡᠷ ᠬᠡᠷᠡᠭᠯᠡᠭᠳᠡᠨ᠎ᠡ᠃ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠹᠠᠢᠯ ᠢ ᠵᠠᠰᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
config-unknown = { $key }᠄ ᠡᠢᠮᠣ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ ᠦᠭᠡᠢ

# needs-native-review
config-bad-value = { $key }᠄ ᠤᠳᠬ᠎ᠠ ᠪᠤᠷᠤᠭᠤ

# needs-native-review
config-broken-title = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠤ ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢ ᠬᠡᠷᠡᠭᠯᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ

# needs-native-review
config-broken = ᠪᠤᠷᠤᠭᠤ ᠰᠧᠷᠸᠧᠷ ᠲᠤ ᠬᠣᠯᠪᠣᠭᠳᠠᠬᠤ ᠠᠴᠠ ᠰᠡᠷᠭᠡᠢᠯᠡᠬᠦ ᠢᠨ ᠲᠤᠯᠠᠳ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠠᠵᠢᠯ ᠬᠢᠬᠦ ᠵᠢᠭᠠᠪᠤᠷᠢ ᠶᠢ ᠦᠵᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠳᠣᠣᠷᠠᠬᠢ ᠵᠢᠭᠠᠪᠤᠷᠢ ᠪᠡᠷ ᠵᠠᠰᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠡᠬᠢᠯᠡᠭᠦᠯᠦᠨ᠎ᠡ ᠦᠦ᠄

# needs-native-review
config-fix-unreadable = ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠹᠠᠢᠯ ᠢ ᠤᠩᠰᠢᠵᠤ ᠴᠢᠳᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠳᠣᠣᠷᠠᠬᠢ ᠵᠢᠭᠠᠪᠤᠷᠢ ᠪᠡᠷ ᠵᠠᠰᠠᠨ᠎ᠠ ᠤᠤ᠄

# needs-native-review
config-fix-token = backend_url ᠪᠠᠢᠨ᠎ᠠ᠂ ᠭᠡᠪᠡᠴᠦ device_token ᠦᠭᠡᠢ᠄ device_token ᠢ ᠨᠡᠮᠡᠨ᠎ᠡ ᠦᠦ᠃

# needs-native-review
config-fix-backend = backend_url ᠪᠤᠶᠤ device_token ᠤ ᠤᠳᠬ᠎ᠠ ᠪᠤᠷᠤᠭᠤ᠄ ᠵᠠᠰᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
config-fix-key = bundle_public_key ᠬᠦᠴᠦᠨ ᠲᠡᠢ ᠨᠡᠢᠲᠡ ᠲᠦᠯᠬᠢᠭᠦᠷ ᠪᠢᠰᠢ (64 ᠣᠷᠣᠨ ᠠᠷᠪᠠᠨ ᠵᠢᠷᠭᠤᠭ᠎ᠠ ᠲᠣᠭ᠎ᠠ)᠄ ᠵᠠᠰᠠᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
config-broken-banner = ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢᠨ ᠹᠠᠢᠯ ᠪᠤᠷᠤᠭᠤ᠂ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠬᠤ ᠦᠭᠡᠢ᠄ ᠠᠵᠢᠯ ᠬᠢᠬᠦ ᠵᠢᠭᠠᠪᠤᠷᠢ ᠶᠢ ᠦᠵᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠃ ᠬᠠᠮᠢᠶᠠᠷᠤᠭᠴᠢ ᠵᠠᠰᠠᠨ᠎ᠠ ᠤᠤ᠃
