# Settings (tv and tablet). Traditional Mongolian (mn-Mong-CN). Keep ids, attributes and
# variables in step with zh-Hans/settings.ftl.
#
# review: needs-native-review — every message in this file was written by the developers and
# has not yet been checked by a native Mongolian speaker. A reviewer who has checked a message
# replaces its `# needs-native-review` line with `# native-reviewed` (a test requires one of the two).

# needs-native-review
view-settings-region = ᠣᠷᠣᠨ ᠨᠤᠲᠤᠭ

# needs-native-review
settings-intro = ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ᠎ᠠ ᠶᠢ ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠳᠤ ᠬᠠᠳᠠᠭᠠᠯᠠᠨ᠎ᠠ᠂ ᠳᠠᠬᠢᠨ ᠡᠬᠢᠯᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠴᠤ ᠬᠦᠴᠦᠨ ᠲᠡᠢ᠃

# needs-native-review
settings-region = ᠣᠷᠣᠨ ᠨᠤᠲᠤᠭ

# needs-native-review
settings-language = ᠬᠡᠯᠡ

# needs-native-review
settings-language-mn = ᠮᠣᠩᠭᠣᠯ ᠪᠢᠴᠢᠭ

# needs-native-review
settings-language-zh = ᠬᠢᠳᠠᠳ ᠪᠢᠴᠢᠭ

# needs-native-review
settings-language-bilingual = ᠮᠣᠩᠭᠣᠯ ᠬᠢᠳᠠᠳ ᠬᠣᠣᠰ ᠬᠡᠯᠡ

# needs-native-review
settings-contrast = ᠲᠣᠳᠣ ᠡᠰᠡᠷᠭᠦᠴᠡᠯ (ᠬᠠᠷ᠎ᠠ ᠳᠡᠪᠢᠰᠭᠡᠷ ᠴᠠᠭᠠᠨ ᠦᠰᠦᠭ)

# needs-native-review
settings-on = ᠨᠡᠭᠡᠭᠡᠪᠡ

# needs-native-review
settings-off = ᠬᠠᠭᠠᠪᠠ

# needs-native-review
settings-text-size = ᠦᠰᠦᠭ ᠦᠨ ᠬᠡᠮᠵᠢᠶ᠎ᠡ

# needs-native-review
settings-text-size-normal = ᠡᠩ ᠦᠨ

# needs-native-review
settings-text-size-large = ᠲᠣᠮᠣ

# needs-native-review
settings-text-size-extra-large = ᠮᠠᠰᠢ ᠲᠣᠮᠣ

# needs-native-review
settings-saved = ᠬᠠᠳᠠᠭᠠᠯᠠᠪᠠ᠂ ᠳᠠᠬᠢᠨ ᠡᠬᠢᠯᠡᠭᠦᠯᠦᠭᠰᠡᠨ ᠦ ᠳᠠᠷᠠᠭ᠎ᠠ ᠴᠤ ᠬᠦᠴᠦᠨ ᠲᠡᠢ᠃

# needs-native-review
settings-pick-league = ᠠᠶᠢᠮᠠᠭ ᠬᠣᠲᠠ ᠪᠠᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
settings-pick-banner = { $league }᠄ ᠬᠣᠰᠢᠭᠤ ᠰᠢᠶᠠᠨ ᠢᠶᠠᠨ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃

# needs-native-review
settings-other-leagues = ᠪᠤᠰᠤᠳ ᠠᠶᠢᠮᠠᠭ ᠬᠣᠲᠠ
