//! The shaper against the reference: for a corpus of Mongolian strings, the glyphs this crate
//! takes from the embedded Noto Sans Mongolian equal those HarfBuzz's `hb-shape` chooses with
//! the same font file (Debian's `libharfbuzz-bin`, installed by `.ci/run`; checked against
//! HarfBuzz 6.0.0, Debian 12).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use legal_kiosk_vertical::VerticalText;
use std::process::Command;

const FONT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/fonts/NotoSansMongolian-Regular.ttf"
);

/// What the corpus exercises, and a string for each.
const CORPUS: &[(&str, &str)] = &[
    ("word", "ᠮᠣᠩᠭᠣᠯ"),
    ("long word", "ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ"),
    ("long word", "ᠲᠤᠰᠠᠯᠠᠮᠵᠢ"),
    ("long word", "ᠮᠡᠳᠡᠭᠡᠯᠡᠯ"),
    ("words", "ᠣᠯᠠᠨ ᠨᠡᠢᠲᠡ ᠶᠢᠨ ᠬᠠᠤᠯᠢ"),
    ("NNBSP suffix", "ᠮᠣᠩᠭᠣᠯ\u{202F}ᠤᠨ"),
    ("NNBSP suffix", "ᠬᠠᠤᠯᠢ\u{202F}ᠶᠢᠨ"),
    ("NNBSP suffix", "ᠪᠢᠴᠢᠭ\u{202F}ᠦᠨ"),
    ("MVS", "ᠴᠠᠭ\u{180E}ᠠᠨ"),
    ("MVS", "ᠲᠣᠬᠢᠷᠠᠭᠤᠯᠭ\u{180E}ᠠ"),
    ("FVS1", "ᠳ\u{180B}ᠠᠯᠠᠯᠠᠭᠤᠷ"),
    ("FVS1", "ᠨᠣᠲ\u{180B}ᠠᠷᠢᠠᠲ"),
    ("FVS2", "ᠭ\u{180C}ᠠ"),
    ("FVS3", "ᠭ\u{180D}ᠠ"),
    ("FVS4", "ᠴᠠᠭ\u{180F}ᠠᠨ"),
    ("ZWJ", "ᠠ\u{200D}"),
    ("ZWJ", "\u{200D}ᠠ"),
    ("ZWNJ", "ᠮᠣᠩ\u{200C}ᠭᠣᠯ"),
    ("punctuation", "ᠬᠠᠤᠯᠢ᠂ ᠵᠦᠢ᠃"),
];

/// Glyph ids from `hb-shape` with the embedded font file.
fn harfbuzz(text: &str) -> Vec<u16> {
    let out = Command::new("hb-shape")
        .args([
            "--no-glyph-names",
            "--no-positions",
            "--no-clusters",
            FONT,
            text,
        ])
        .output()
        .unwrap_or_else(|e| panic!("hb-shape (Debian: libharfbuzz-bin) cannot run: {e}"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let line = String::from_utf8(out.stdout).unwrap();
    line.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split('|')
        .map(|g| g.parse::<u16>().unwrap())
        .collect()
}

/// The glyphs this crate took from the embedded font.
fn ours(vt: &mut VerticalText, text: &str) -> Vec<u16> {
    vt.shape(text)
        .unwrap()
        .iter()
        .filter(|g| g.from_embedded_font)
        .map(|g| g.glyph_id)
        .collect()
}

#[test]
fn mongolian_shaping_matches_harfbuzz() {
    let mut vt = VerticalText::embedded_only();
    let mut differ = Vec::new();
    for (what, text) in CORPUS {
        let (hb, us) = (harfbuzz(text), ours(&mut vt, text));
        assert!(
            !hb.is_empty() && !hb.contains(&0),
            "{what} {text:?}: the font lacks a glyph ({hb:?})"
        );
        if hb != us {
            differ.push(format!("{what} {text:?}: hb-shape {hb:?}, ours {us:?}"));
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

#[test]
fn digits_from_a_fallback_font_leave_the_suffix_in_its_mongolian_form() {
    // The system's fonts draw the digits; the embedded font has none (HarfBuzz gives .notdef).
    // A fallback font with U+202F but no Mongolian letters must not take the NNBSP: the suffix
    // after it keeps the form it has after an NNBSP.
    let mut vt = VerticalText::new();
    for (digits, suffix) in [("2026", "ᠣᠨ"), ("15", "ᠤ"), ("12348", "ᠲᠤ")] {
        let text = format!("{digits}\u{202F}{suffix}");
        let glyphs = vt.shape(&text).unwrap();
        let nnbsp = text.find('\u{202F}').unwrap();
        let at_nnbsp = glyphs
            .iter()
            .find(|g| g.cluster.contains(&nnbsp))
            .unwrap_or_else(|| panic!("{text:?}: no glyph for the NNBSP"));
        assert!(
            at_nnbsp.from_embedded_font,
            "{text:?}: the NNBSP left the Mongolian run"
        );
        let reference: Vec<u16> = harfbuzz(&text).into_iter().filter(|g| *g != 0).collect();
        assert_eq!(ours(&mut vt, &text), reference, "{text:?}");
    }
}
