//! The shaper joins Mongolian letters and honours variation selectors, with the embedded font.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::WORDS;
use legal_kiosk_vertical::{Script, ShapedGlyph, VerticalText};

/// Glyphs that take space: drops the zero-width glyphs fonts give FVS and other format characters.
fn visible(glyphs: &[ShapedGlyph]) -> Vec<u16> {
    glyphs
        .iter()
        .filter(|g| g.advance_px > 0.0)
        .map(|g| g.glyph_id)
        .collect()
}

#[test]
fn joined_words_use_other_glyphs_than_their_isolated_letters() {
    let mut text = VerticalText::new();
    for (word, _) in WORDS {
        let joined = text.shape_glyph_ids(word);
        let isolated: Vec<u16> = word
            .chars()
            .flat_map(|letter| text.shape_glyph_ids(&letter.to_string()))
            .collect();
        assert!(
            !joined.contains(&0),
            "{word} has a missing glyph: {joined:?}"
        );
        assert_ne!(joined, isolated, "{word} was not joined");
        // Initial and final forms, not isolated ones, at both ends of the word.
        assert_ne!(joined.first(), isolated.first(), "{word}: no initial form");
        assert_ne!(joined.last(), isolated.last(), "{word}: no final form");
    }
}

#[test]
fn variation_selectors_change_the_letter_glyph() {
    let mut text = VerticalText::new();
    // (with FVS, without): FVS1 (U+180B), FVS2 (U+180C), FVS3 (U+180D), FVS4 (U+180F).
    let pairs = [
        ("ᠠ᠋", "ᠠ"),         // isolated a, second form
        ("ᠭ᠋ᠠᠵᠠᠷ", "ᠭᠠᠵᠠᠷ"), // initial g, FVS1
        ("ᠨ᠋ᠠᠷᠠ", "ᠨᠠᠷᠠ"),   // initial n, FVS1
        ("ᠠᠨ᠌ᠠ", "ᠠᠨᠠ"),     // medial n, FVS2
        ("ᠴᠠᠭ᠍ᠠᠨ", "ᠴᠠᠭᠠᠨ"), // medial g, FVS3
        ("ᠴᠠᠭ᠏ᠠᠨ", "ᠴᠠᠭᠠᠨ"), // medial g, FVS4 (added to Unicode in 2021)
        ("ᠨᠠᠢ᠋ᠮᠠ", "ᠨᠠᠢᠮᠠ"), // medial i, FVS1
    ];
    for (with, without) in pairs {
        let a = visible(&text.shape(with).expect("shapes"));
        let b = visible(&text.shape(without).expect("shapes"));
        assert!(!a.contains(&0) && !b.contains(&0), "{with}: missing glyph");
        assert_ne!(a, b, "the FVS in {with:?} changed nothing");
    }
}

#[test]
fn mongolian_vowel_separator_detaches_the_final_vowel() {
    let mut text = VerticalText::new();
    let separated = visible(&text.shape("ᠣᠨ᠎ᠠ").expect("shapes"));
    let joined = visible(&text.shape("ᠣᠨᠠ").expect("shapes"));
    assert_ne!(separated, joined);
}

#[test]
fn case_suffix_after_narrow_no_break_space_stays_with_the_embedded_font() {
    let mut text = VerticalText::new();
    let glyphs = text.shape("ᠮᠣᠩᠭᠣᠯ\u{202F}ᠤᠨ").expect("shapes");
    assert!(
        glyphs
            .iter()
            .all(|g| g.from_embedded_font && g.glyph_id != 0)
    );
    // The suffix takes its suffix forms, not the forms of a free-standing word.
    let suffix_alone = text.shape_glyph_ids("ᠤᠨ");
    let suffix_glyphs: Vec<u16> = glyphs
        .iter()
        .filter(|g| g.cluster.start >= "ᠮᠣᠩᠭᠣᠯ\u{202F}".len())
        .map(|g| g.glyph_id)
        .collect();
    assert_ne!(suffix_glyphs, suffix_alone);
}

#[test]
fn mongolian_comes_from_the_embedded_font_and_chinese_from_the_system() {
    let mut text = VerticalText::new();
    let glyphs = text.shape("ᠬᠠᠤᠯᠢ 法律").expect("shapes");
    let mongolian: Vec<_> = glyphs.iter().filter(|g| g.cluster.start < 15).collect();
    let chinese: Vec<_> = glyphs.iter().filter(|g| g.cluster.start > 15).collect();
    assert!(mongolian.iter().all(|g| g.from_embedded_font));
    assert_eq!(chinese.len(), 2);
    assert!(
        chinese
            .iter()
            .all(|g| !g.from_embedded_font && g.glyph_id != 0)
    );
}

#[test]
fn start_up_check_finds_both_scripts_with_system_fonts() {
    // Needs a CJK font (Debian: fonts-noto-cjk), as the kiosk itself does.
    assert_eq!(VerticalText::new().missing_scripts(), Vec::<Script>::new());
}

#[test]
fn start_up_check_names_chinese_when_only_the_embedded_font_is_there() {
    let missing = VerticalText::embedded_only().missing_scripts();
    assert_eq!(missing, vec![Script::Chinese]);
    assert!(Script::Chinese.font_hint().contains("fonts-noto-cjk"));
}
