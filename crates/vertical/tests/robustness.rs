//! Bad or extreme input gives an error or an empty result, never a panic or a huge allocation.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{ink_box, paragraph};
use legal_kiosk_vertical::{Style, VerticalText, VerticalTextError};

fn style() -> Style {
    Style::new(32.0, 400)
}

#[test]
fn empty_and_blank_text_lay_out_to_nothing() {
    let mut text = VerticalText::new();
    for blank in ["", " ", "     ", "\t \t", "\u{3000}"] {
        let columns = text.layout(blank, &style()).expect("blank text is fine");
        assert!(
            columns.is_empty(),
            "{blank:?} gave {} columns",
            columns.len()
        );
        assert!(text.render(&columns).is_empty());
        let image = text.render_vertical(blank, &style()).expect("renders");
        assert_eq!((image.width, image.rgba.len()), (0, 0));
    }
    assert!(text.shape_glyph_ids("").is_empty());
}

#[test]
fn absurd_sizes_are_refused_with_a_reason() {
    let mut text = VerticalText::new();
    let bad = [
        Style::new(32.0, 0),
        Style::new(32.0, 100_000),
        Style::new(0.0, 400),
        Style::new(-5.0, 400),
        Style::new(f32::NAN, 400),
        Style::new(10_000.0, 400),
        Style {
            line_height: 0.0,
            ..style()
        },
        Style {
            column_gap_px: u32::MAX,
            ..style()
        },
    ];
    for style in bad {
        let refused = text.layout("ᠮᠣᠩᠭᠣᠯ", &style);
        assert!(
            matches!(refused, Err(VerticalTextError::InvalidStyle(_))),
            "{style:?}: {refused:?}"
        );
        assert!(text.render_vertical("ᠮᠣᠩᠭᠣᠯ", &style).is_err());
    }
}

#[test]
fn control_characters_are_refused_but_line_breaks_and_tabs_are_text() {
    let mut text = VerticalText::new();
    let refused = text.layout("ᠮᠣᠩᠭᠣᠯ\u{0}ᠬᠡᠯᠡ", &style());
    assert_eq!(
        refused.err(),
        Some(VerticalTextError::ControlCharacter {
            offset: 18,
            code: 0
        })
    );
    assert!(text.layout("\u{1b}[31m", &style()).is_err());
    assert!(text.shape_glyph_ids("\u{7f}").is_empty());
    let columns = text
        .layout("ᠮᠣᠩᠭᠣᠯ\tᠬᠡᠯᠡ\r\nᠬᠠᠤᠯᠢ", &style())
        .expect("tabs and CRLF are fine");
    assert_eq!(columns.len(), 2);
}

#[test]
fn a_five_thousand_word_paragraph_lays_out_and_renders_column_by_column() {
    let mut text = VerticalText::new();
    let body = paragraph(5000);
    let columns = text.layout(&body, &style()).expect("lays out");
    assert!(columns.len() > 500, "{} columns", columns.len());
    assert!(columns.split_word_columns().is_empty());
    // The app draws only the columns on screen; the last one works like the first.
    let last = text
        .render_column(&columns, columns.len() - 1)
        .expect("renders");
    assert!(ink_box(&last, 0..last.width).is_some());
    // One picture of everything would be far wider than the cap: refused, not allocated.
    assert!(matches!(
        text.render_vertical(&body, &style()),
        Err(VerticalTextError::ImageTooLarge { .. })
    ));
    assert!(matches!(
        text.render_column(&columns, columns.len()),
        Err(VerticalTextError::NoSuchColumn { .. })
    ));
}

#[test]
fn a_column_shorter_than_one_glyph_still_makes_progress() {
    let mut text = VerticalText::new();
    let tiny = Style::new(32.0, 5);
    let columns = text.layout("ᠮᠣᠩᠭᠣᠯ ᠬᠠᠤᠯᠢ 法律", &tiny).expect("lays out");
    // Every letter (or ligature) gets a column of its own, and the words are reported split.
    assert!(columns.len() >= 8, "{} columns", columns.len());
    assert!(!columns.split_word_columns().is_empty());
    for image in text.render(&columns) {
        assert_eq!((image.width, image.height), (48, 5));
    }
}

#[test]
fn largest_allowed_sizes_render() {
    let mut text = VerticalText::new();
    let big = Style::new(512.0, 16_384);
    let image = text.render_vertical("ᠮᠣᠩᠭᠣᠯ 法", &big).expect("renders");
    assert_eq!((image.width, image.height), (768, 16_384));
    let tiny_font = Style::new(4.0, 100);
    assert!(text.render_vertical(&paragraph(20), &tiny_font).is_ok());
}

#[test]
fn text_longer_than_the_limit_is_refused() {
    let mut text = VerticalText::new();
    let huge = "ᠮ".repeat(legal_kiosk_vertical::MAX_TEXT_BYTES / 3 + 1);
    assert!(matches!(
        text.layout(&huge, &style()),
        Err(VerticalTextError::TextTooLong { .. })
    ));
}

/// Odd mixes of the characters guides contain, and some they should not, never panic.
#[test]
fn arbitrary_mixed_text_never_panics() {
    let pool: Vec<char> = "ᠠᠡᠢᠣᠤᠥᠦᠨᠩᠪᠬᠭᠮᠯᠰᠲᠳᠴᠵᠶᠷ᠂᠃\u{180B}\u{180C}\u{180D}\u{180F}\u{180E}\u{202F}\
        \u{200D}\u{200C}法律援助。、「」《》 AZaz09\n\u{00A0}\u{2028}\u{0301}مرحبا😀\u{FE0F}\u{E000}\u{10FFFF}"
        .chars()
        .collect();
    let mut text = VerticalText::new();
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for round in 0..150 {
        let length = next() % 60;
        let sample: String = (0..length).map(|_| pool[next() % pool.len()]).collect();
        let style = Style::new(8.0 + (next() % 60) as f32, 1 + (next() % 300) as u32);
        let columns = text.layout(&sample, &style).expect("valid input lays out");
        let images = text.render(&columns);
        assert_eq!(images.len(), columns.len(), "round {round}: {sample:?}");
        let _ = text.render_horizontal(&sample, &style);
        let _ = text.shape(&sample);
    }
}
