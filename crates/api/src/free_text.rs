//! What free text a person types (a name, a note) may hold. Text reaches a hotline lawyer's
//! screen, logs and terminals, so it may not carry control characters (a NUL, an ESC starting
//! a terminal escape sequence, a line break in a single-line field) nor the bidirectional
//! overrides and isolates that make text display in another order than it is stored
//! ("Trojan Source", CVE-2021-42574). Characters that shape scripts stay allowed: Mongolian's
//! free variation selectors and vowel separator (U+180B–U+180F) and the joiners U+200C/U+200D.

use crate::input::InputError;

/// Whether a field is one line (a name) or may hold line breaks (a note; LF only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lines {
    Single,
    /// LF (U+000A) is allowed; CR and every other control character are not.
    Multi,
}

/// The explicit directional embeddings, overrides and isolates of Unicode UAX #9 §2.1–§2.2:
/// U+202A–U+202E (LRE, RLE, PDF, LRO, RLO) and U+2066–U+2069 (LRI, RLI, FSI, PDI).
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15.1): code
/// points a renderer shows as nothing at all, e.g. U+200B ZERO WIDTH SPACE and U+3164 HANGUL
/// FILLER (which Unicode counts as a letter).
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Checks free text against the rules above. Error: `InvalidFormat` for a control character
/// (Unicode general category Cc, with LF allowed in [`Lines::Multi`]), a line or paragraph
/// separator (U+2028, U+2029) in a single-line field, or a bidi control ([`is_bidi_control`]).
pub fn check(text: &str, lines: Lines) -> Result<(), InputError> {
    let refused = |c: char| match c {
        '\n' => lines == Lines::Single,
        '\u{2028}' | '\u{2029}' => lines == Lines::Single,
        c => c.is_control() || is_bidi_control(c),
    };
    if text.chars().any(refused) {
        Err(InputError::InvalidFormat)
    } else {
        Ok(())
    }
}

/// Whether `text` has at least one letter a reader can see: alphabetic (Unicode Alphabetic)
/// and not default-ignorable. A name of only U+200B or U+3164 has none.
pub fn has_visible_letter(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_alphabetic() && !is_default_ignorable(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_bidi_controls_are_refused() {
        for bad in [
            "a\u{0}b",
            "a\u{1b}[31mb",
            "a\rb",
            "a\u{202E}b",
            "a\u{2066}b",
            "a\u{85}b",
        ] {
            assert_eq!(
                check(bad, Lines::Multi),
                Err(InputError::InvalidFormat),
                "{bad:?}"
            );
        }
        assert_eq!(check("a\nb", Lines::Single), Err(InputError::InvalidFormat));
        assert_eq!(
            check("a\u{2028}b", Lines::Single),
            Err(InputError::InvalidFormat)
        );
        assert_eq!(check("a\nb", Lines::Multi), Ok(()));
    }

    #[test]
    fn mongolian_shaping_characters_stay_allowed() {
        // Mongolian with a free variation selector, a vowel separator and a joiner.
        let text = "ᠮᠣᠩᠭᠣᠯ\u{180B}ᠬᠡᠯᠡ\u{180E}ᠠ\u{200D}";
        assert_eq!(check(text, Lines::Single), Ok(()));
        assert!(has_visible_letter(text));
    }

    #[test]
    fn invisible_characters_are_no_letter() {
        assert!(!has_visible_letter("\u{200B}\u{3164}\u{FFA0}\u{115F}"));
        assert!(!has_visible_letter("123 -"));
        assert!(has_visible_letter("巴特尔"));
        assert!(has_visible_letter("\u{3164}B"));
    }
}
