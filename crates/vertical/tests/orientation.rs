//! Each line is turned 90° clockwise; Chinese inside it stands upright, digits and Latin turn.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{crop, ink_box, save_debug_png, turn_clockwise};
use legal_kiosk_vertical::{Style, VerticalText};

fn style() -> Style {
    Style::new(32.0, 600)
}

/// Alpha of the vertical and the horizontal rendering of `line`, each cropped to its ink.
fn both_ways(text: &mut VerticalText, line: &str) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
    let vertical = text.render_vertical(line, &style()).expect("renders");
    let horizontal = text.render_horizontal(line, &style()).expect("renders");
    assert_eq!(
        vertical.width, horizontal.height,
        "{line}: one column, one line"
    );
    let v = ink_box(&vertical, 0..vertical.width).expect("vertical ink");
    let h = ink_box(&horizontal, 0..horizontal.width).expect("horizontal ink");
    (crop(&vertical, v), crop(&horizontal, h))
}

#[test]
fn a_vertical_line_is_taller_than_wide() {
    let mut text = VerticalText::new();
    let image = text
        .render_vertical("ᠮᠣᠩᠭᠣᠯ ᠬᠠᠤᠯᠢ ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ", &style())
        .expect("renders");
    save_debug_png(&image, "orientation-line.png");
    let (x0, y0, x1, y1) = ink_box(&image, 0..image.width).expect("ink");
    assert!(y1 - y0 > 4 * (x1 - x0), "ink {}×{}", x1 - x0, y1 - y0);
}

#[test]
fn mongolian_digits_and_latin_are_the_horizontal_line_turned_clockwise() {
    let mut text = VerticalText::new();
    let (vertical, horizontal) = both_ways(&mut text, "ᠮᠣᠩᠭᠣᠯ ᠤᠲᠠᠰᠤ 12348 SMS");
    assert_eq!(vertical, turn_clockwise(&horizontal));
    // Turning the other way (counter-clockwise = three clockwise turns) would not match.
    let counter = turn_clockwise(&turn_clockwise(&turn_clockwise(&horizontal)));
    assert_ne!(vertical, counter);
}

#[test]
fn a_chinese_character_stands_upright_in_vertical_text() {
    let mut text = VerticalText::new();
    for character in ["法", "律", "援"] {
        let (vertical, horizontal) = both_ways(&mut text, character);
        assert_eq!(vertical, horizontal, "{character} was turned");
        assert_ne!(vertical, turn_clockwise(&horizontal));
    }
}

#[test]
fn chinese_inside_mongolian_stands_upright_and_follows_the_column_down() {
    let mut text = VerticalText::new();
    let image = text
        .render_vertical("ᠬᠠᠤᠯᠢ 法律援助 ᠮᠣᠩᠭᠣᠯ", &style())
        .expect("renders");
    save_debug_png(&image, "orientation-mixed.png");
    let alone = text.render_vertical("法", &style()).expect("renders");
    let glyph_box = ink_box(&alone, 0..alone.width).expect("ink");
    let glyph = crop(&alone, glyph_box);
    let (width, height) = (glyph_box.2 - glyph_box.0, glyph_box.3 - glyph_box.1);
    // Somewhere below the first word, at the same place across the column, 法 appears as is.
    let found = (0..image.height.saturating_sub(height))
        .find(|&y| crop(&image, (glyph_box.0, y, glyph_box.0 + width, y + height)) == glyph);
    let y = found.expect("upright 法 in the column");
    let first_word = text.render_vertical("ᠬᠠᠤᠯᠢ", &style()).expect("renders");
    let word_end = ink_box(&first_word, 0..first_word.width).expect("ink").3;
    assert!(
        y > word_end,
        "法 at {y}, above the end of the first word at {word_end}"
    );
}

#[test]
fn chinese_punctuation_takes_its_vertical_form() {
    let mut text = VerticalText::new();
    // In vertical text the full stop sits in the upper right of its square, not the lower left.
    let image = text.render_vertical("。", &style()).expect("renders");
    let (x0, y0, x1, y1) = ink_box(&image, 0..image.width).expect("ink");
    let centre_x = (x0 + x1) / 2;
    let centre_y = (y0 + y1) / 2;
    assert!(centre_x > image.width / 2, "ink centre x {centre_x}");
    assert!(centre_y < 32 / 2, "ink centre y {centre_y}");
}
