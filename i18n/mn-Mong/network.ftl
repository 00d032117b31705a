# The connection indicator and what a person is told when the backend cannot help.
# Traditional Mongolian (mn-Mong-CN). Keep ids and variables in step with zh-Hans/network.ftl.
#
# review: needs-native-review — written by the developers, not yet checked by a native
# Mongolian speaker. A reviewer who has checked a message
# replaces its `# needs-native-review` line with `# native-reviewed` (a test requires one of the two).

# needs-native-review
link-demo = ᠵᠢᠱᠢᠶ᠎ᠡ
# needs-native-review
link-online = ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠢ
# needs-native-review
link-offline = ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠲᠠᠰᠤᠷᠠᠭᠰᠠᠨ ({ $since } ᠡᠴᠡ)
# needs-native-review
link-checking = ᠬᠣᠯᠪᠣᠵᠤ ᠪᠠᠢᠨ᠎ᠠ…

# needs-native-review
rest-offline = ᠰᠦᠯᠵᠢᠶ᠎ᠡ ᠳᠦ ᠬᠣᠯᠪᠣᠭᠳᠠᠵᠤ ᠴᠢᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠃ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠰᠠᠨ ᠠᠭᠤᠯᠭ᠎ᠠ ᠵᠢ ᠦᠵᠡᠵᠦ ᠪᠣᠯᠣᠨ᠎ᠠ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-server-busy = ᠰᠧᠷᠸᠧᠷ ᠵᠠᠪ ᠦᠭᠡᠢ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-not-found = ᠮᠡᠳᠡᠭᠡ ᠣᠯᠳᠠᠭᠰᠠᠨ ᠦᠭᠡᠢ᠂ ᠣᠷᠣᠭᠤᠯᠤᠭᠰᠠᠨ ᠵᠠᠭᠠᠯ ᠢᠶᠠᠨ ᠨᠢᠭᠲᠠᠯᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-wrong-verification = ᠨᠣᠮᠧᠷ ᠪᠠ ᠪᠠᠲᠤᠯᠠᠭᠠᠨ ᠤ ᠮᠡᠳᠡᠭᠡ ᠲᠠᠭᠠᠷᠠᠬᠤ ᠦᠭᠡᠢ᠂ ᠨᠢᠭᠲᠠᠯᠠᠭᠠᠳ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠭᠤᠯᠤᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-too-many-attempts = ᠣᠷᠣᠯᠳᠤᠭ᠎ᠠ ᠬᠡᠲᠦ ᠣᠯᠠᠨ ᠪᠣᠯᠪᠠ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠬᠤ ᠪᠤᠶᠤ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-invalid-input = ᠪᠢᠴᠢᠭᠰᠡᠨ ᠵᠦᠢᠯ ᠪᠤᠷᠤᠭᠤ ᠪᠠᠢᠨ᠎ᠠ᠂ ᠰᠠᠨᠠᠭᠤᠯᠤᠮᠵᠢ ᠶᠢᠨ ᠳᠠᠭᠠᠤ ᠵᠠᠰᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-slot-gone = ᠲᠠᠨ ᠤ ᠰᠣᠩᠭᠤᠭᠰᠠᠨ ᠴᠠᠭ ᠳᠦᠭᠦᠷᠴᠡᠢ ᠪᠤᠶᠤ ᠥᠩᠭᠡᠷᠡᠴᠡᠢ᠂ ᠰᠢᠨ᠎ᠡ ᠴᠠᠭ ᠰᠣᠩᠭᠣᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-not-cancellable = ᠡᠨᠡ ᠤᠲᠠᠰᠤ ᠡᠬᠢᠯᠡᠭᠰᠡᠨ ᠪᠤᠶᠤ ᠳᠠᠭᠤᠰᠤᠭᠰᠠᠨ ᠲᠤᠯᠠ ᠦᠭᠡᠶᠢᠰᠬᠡᠵᠦ ᠪᠣᠯᠬᠤ ᠦᠭᠡᠢ᠃
# needs-native-review
rest-unauthorized = ᠡᠨᠡ ᠲᠣᠨᠣᠭ ᠪᠦᠷᠢᠳᠬᠡᠭᠳᠡᠭᠡ ᠦᠭᠡᠢ ᠪᠤᠶᠤ ᠬᠦᠴᠦᠨ ᠦᠭᠡᠢ ᠪᠣᠯᠪᠠ᠂ ᠬᠠᠷᠢᠭᠤᠴᠠᠭᠴᠢ ᠲᠠᠢ ᠬᠣᠯᠪᠣᠭᠳᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-forbidden = ᠰᠧᠷᠸᠧᠷ ᠡᠨᠡ ᠭᠤᠶᠤᠴᠢᠯᠭ᠎ᠠ ᠶᠢ ᠲᠡᠪᠴᠢᠪᠡ᠃ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-booking-limit = ᠡᠨᠡ ᠨᠣᠮᠧᠷ ᠲᠤ ᠳᠠᠭᠤᠰᠤᠭ᠎ᠠ ᠦᠭᠡᠢ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠣᠯᠠᠨ ᠪᠠᠢᠨ᠎ᠠ᠃ ᠨᠢᠭᠡ ᠶᠢ ᠦᠭᠡᠶᠢᠰᠬᠡᠬᠦ ᠪᠤᠶᠤ 12348 ᠳᠤ ᠤᠲᠠᠰᠤᠳᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-device-quota = ᠡᠨᠡ ᠮᠠᠰᠢᠨ ᠡᠨᠡ ᠴᠠᠭ ᠲᠤ ᠣᠯᠠᠨ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠢᠭᠰᠡᠨ᠂ ᠵᠠᠬᠢᠶᠠᠯᠭ᠎ᠠ ᠬᠠᠳᠠᠭᠠᠯᠠᠭᠳᠠᠵᠤ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠢᠯᠡᠭᠡᠭᠳᠡᠨ᠎ᠡ᠃
# needs-native-review
rest-server-error = ᠰᠧᠷᠸᠧᠷ ᠲᠦ ᠭᠡᠮᠲᠦᠯ ᠭᠠᠷᠪᠠ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃
# needs-native-review
rest-unexpected-answer = ᠰᠧᠷᠸᠧᠷ ᠦᠨ ᠬᠠᠷᠢᠭᠤ ᠶᠢ ᠲᠠᠨᠢᠬᠤ ᠦᠭᠡᠢ᠂ ᠳᠠᠷᠠᠭ᠎ᠠ ᠳᠠᠬᠢᠨ ᠣᠷᠣᠯᠳᠠᠨ᠎ᠠ ᠤᠤ᠃
