//! The one table that says which key code means which remote key (DESIGN §4). A box whose
//! remote sends other codes changes this table and nothing else.

use legal_kiosk_core::focus::{Direction, RemoteKey};

/// One row of the key map: the character Slint delivers for the key, the key's X11 keysym
/// name (what `xdotool key` and `--keys` take), and what it means on the remote.
#[derive(Debug, Clone, Copy)]
pub struct KeyBinding {
    pub code: char,
    pub name: &'static str,
    pub key: RemoteKey,
}

const fn bind(code: char, name: &'static str, key: RemoteKey) -> KeyBinding {
    KeyBinding { code, name, key }
}

/// Codes are Slint's (`slint::platform::Key`); a test checks each against the enum.
pub const KEY_MAP: &[KeyBinding] = &[
    bind('\u{F700}', "Up", RemoteKey::Arrow(Direction::Up)),
    bind('\u{F701}', "Down", RemoteKey::Arrow(Direction::Down)),
    bind('\u{F702}', "Left", RemoteKey::Arrow(Direction::Left)),
    bind('\u{F703}', "Right", RemoteKey::Arrow(Direction::Right)),
    bind('\n', "Return", RemoteKey::Ok),
    bind('\u{1b}', "Escape", RemoteKey::Back),
    // Many remotes send BackSpace for their Back key; Android-style boxes send Back.
    bind('\u{8}', "BackSpace", RemoteKey::Back),
    bind('\u{F748}', "Back", RemoteKey::Back),
    bind('\u{F729}', "Home", RemoteKey::Home),
    // The language key: F2 on the reference remote (its coloured keys arrive as F1–F4).
    bind('\u{F705}', "F2", RemoteKey::Language),
    // The red key (F1 on the reference remote) deletes the last digit typed.
    bind('\u{F704}', "F1", RemoteKey::Delete),
    bind('0', "0", RemoteKey::Digit(0)),
    bind('1', "1", RemoteKey::Digit(1)),
    bind('2', "2", RemoteKey::Digit(2)),
    bind('3', "3", RemoteKey::Digit(3)),
    bind('4', "4", RemoteKey::Digit(4)),
    bind('5', "5", RemoteKey::Digit(5)),
    bind('6', "6", RemoteKey::Digit(6)),
    bind('7', "7", RemoteKey::Digit(7)),
    bind('8', "8", RemoteKey::Digit(8)),
    bind('9', "9", RemoteKey::Digit(9)),
];

/// The remote key for the text of a Slint key event, if the map knows it.
pub fn remote_key(text: &str) -> Option<RemoteKey> {
    let mut chars = text.chars();
    let code = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    KEY_MAP.iter().find(|b| b.code == code).map(|b| b.key)
}

/// The key code for a keysym name (`Down`, `Return`, `KP_Enter` …) as `--keys` takes them.
pub fn code_for_name(name: &str) -> Option<char> {
    let name = match name {
        "Enter" | "KP_Enter" | "OK" | "Ok" => "Return",
        "Esc" => "Escape",
        "Lang" | "Language" => "F2",
        other => other,
    };
    KEY_MAP.iter().find(|b| b.name == name).map(|b| b.code)
}

/// Parses a `--keys` list such as `"Down Down Return"`.
pub fn parse_key_names(list: &str) -> Result<Vec<char>, String> {
    list.split_whitespace()
        .map(|n| {
            code_for_name(n).ok_or_else(|| {
                let known: Vec<&str> = KEY_MAP.iter().map(|b| b.name).collect();
                format!("unknown key {n:?}; known keys: {}", known.join(" "))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use slint::platform::Key;

    #[test]
    fn codes_are_slints_own() {
        let expect = [
            ("Up", Key::UpArrow),
            ("Down", Key::DownArrow),
            ("Left", Key::LeftArrow),
            ("Right", Key::RightArrow),
            ("Return", Key::Return),
            ("Escape", Key::Escape),
            ("BackSpace", Key::Backspace),
            ("Back", Key::Back),
            ("Home", Key::Home),
            ("F2", Key::F2),
            ("F1", Key::F1),
        ];
        for (name, key) in expect {
            assert_eq!(code_for_name(name), Some(char::from(key)), "{name}");
        }
    }

    #[test]
    fn every_code_and_name_is_bound_once() {
        for (i, a) in KEY_MAP.iter().enumerate() {
            for b in &KEY_MAP[i + 1..] {
                assert_ne!(a.code, b.code);
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn names_parse_and_unknown_names_are_reported() {
        assert_eq!(
            parse_key_names("Down  Return").unwrap(),
            vec!['\u{F701}', '\n']
        );
        let err = parse_key_names("Down Jump").unwrap_err();
        assert!(err.contains("Jump"), "{err}");
        assert_eq!(remote_key("7"), Some(RemoteKey::Digit(7)));
        assert_eq!(remote_key("a"), None);
        assert_eq!(remote_key(""), None);
    }
}
