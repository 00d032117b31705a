//! Which characters stand upright inside vertical Mongolian, like CSS `text-orientation: mixed`.
//!
//! The ranges follow the "U", "Tu" and "Tr" values of Unicode's vertical orientation property
//! (UAX #50) for the scripts a Mongolian–Chinese guide contains: Han, kana, Hangul, CJK and
//! full-width punctuation. Everything else — Mongolian, Latin, digits — lies on its side and
//! turns with the column. "Tu"/"Tr" characters (、。「」) are shaped with the font's `vert`
//! feature so that they take their vertical forms instead of being turned.

use std::ops::Range;

/// Which way lines of text run: down a column (turned), or across the screen (as is).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Orientation {
    Vertical,
    Horizontal,
}

const UPRIGHT: &[(u32, u32)] = &[
    (0x1100, 0x11FF),   // Hangul Jamo
    (0x2E80, 0x2FFF),   // CJK radicals, Kangxi radicals, ideographic description
    (0x3000, 0x303F),   // CJK symbols and punctuation
    (0x3040, 0x31FF),   // kana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK strokes
    (0x3200, 0x33FF),   // enclosed CJK letters, CJK compatibility
    (0x3400, 0x4DBF),   // CJK extension A
    (0x4E00, 0x9FFF),   // CJK unified ideographs
    (0xA000, 0xA4CF),   // Yi
    (0xAC00, 0xD7AF),   // Hangul syllables
    (0xF900, 0xFAFF),   // CJK compatibility ideographs
    (0xFE10, 0xFE1F),   // vertical forms
    (0xFE30, 0xFE4F),   // CJK compatibility forms
    (0xFF01, 0xFF60),   // full-width ASCII and punctuation
    (0xFFE0, 0xFFE6),   // full-width signs
    (0x20000, 0x3FFFF), // CJK extensions B and later
];

/// Whether `c` keeps its upright orientation in vertical text (it does not turn with the column).
pub fn is_upright(c: char) -> bool {
    let code = u32::from(c);
    UPRIGHT
        .iter()
        .any(|&(first, last)| (first..=last).contains(&code))
}

/// Byte ranges of `text` whose characters stand upright, merged into maximal runs.
pub(crate) fn upright_runs(text: &str) -> Vec<Range<usize>> {
    let mut runs: Vec<Range<usize>> = Vec::new();
    for (start, c) in text.char_indices().filter(|&(_, c)| is_upright(c)) {
        let end = start + c.len_utf8();
        match runs.last_mut() {
            Some(run) if run.end == start => run.end = end,
            _ => runs.push(start..end),
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_and_cjk_punctuation_stand_upright_mongolian_latin_and_digits_turn() {
        for c in ['法', '律', '。', '、', '「', '（', 'ア', '한'] {
            assert!(is_upright(c), "{c} should stand upright");
        }
        for c in ['ᠮ', '᠂', '᠃', 'A', '7', ' ', '\u{202F}', '\u{180B}'] {
            assert!(!is_upright(c), "{c:?} should turn with the column");
        }
    }

    #[test]
    fn upright_runs_merge_neighbours_and_skip_mongolian() {
        let text = "ᠬᠠᠤᠯᠢ 法律援助 ᠮᠣᠩᠭᠣᠯ。";
        let runs = upright_runs(text);
        let pieces: Vec<&str> = runs.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(pieces, ["法律援助", "。"]);
    }
}
