//! Long text breaks at word boundaries into columns that read top to bottom, left to right.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{crop, ink_box, paragraph, save_debug_png};
use legal_kiosk_vertical::{Columns, Style, TextImage, VerticalText};

fn style() -> Style {
    Style {
        column_gap_px: 6,
        ..Style::new(32.0, 360)
    }
}

/// Byte ranges of the space-separated words of `text`.
fn words(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_whitespace() && c != '\u{202F}', start) {
            (true, Some(s)) => {
                ranges.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    ranges
}

/// The x range of column `index` in a picture of all columns.
fn column_xs(columns: &Columns, index: usize) -> std::ops::Range<u32> {
    let style = columns.style();
    let step = style.column_width_px() + style.column_gap_px;
    let x0 = index as u32 * step;
    x0..x0 + style.column_width_px()
}

/// The word that starts column `index`.
fn first_word_of(columns: &Columns, index: usize) -> &str {
    let start = columns.columns()[index].text_range().start;
    columns.text()[start..]
        .split(' ')
        .next()
        .unwrap_or_default()
}

/// Whether `word`, drawn alone, is exactly the top of column `index` in the picture.
fn at_top_of_column(
    text: &mut VerticalText,
    picture: &TextImage,
    columns: &Columns,
    word: &str,
    index: usize,
) -> bool {
    let alone = text
        .render_vertical(word, columns.style())
        .expect("renders");
    let Some(word_box) = ink_box(&alone, 0..alone.width) else {
        return false;
    };
    let xs = column_xs(columns, index);
    let in_picture = (
        xs.start + word_box.0,
        word_box.1,
        xs.start + word_box.2,
        word_box.3,
    );
    crop(&alone, word_box) == crop(picture, in_picture)
}

#[test]
fn long_paragraph_reads_left_to_right_starting_in_the_leftmost_column() {
    let mut text = VerticalText::new();
    let body = paragraph(40);
    let columns = text.layout(&body, &style()).expect("lays out");
    assert!(columns.len() >= 2, "{} columns", columns.len());
    let picture = text.render_vertical(&body, &style()).expect("renders");
    save_debug_png(&picture, "columns-paragraph.png");
    assert_eq!(u64::from(picture.width), columns.total_width_px());

    // Text order is column order...
    let starts: Vec<usize> = columns
        .columns()
        .iter()
        .map(|c| c.text_range().start)
        .collect();
    assert!(starts.windows(2).all(|w| w[0] < w[1]), "{starts:?}");
    // ...and column order is left to right on screen: the first word is at the top of the
    // leftmost column, and the word that starts the last column is at the top of the rightmost.
    let last = columns.len() - 1;
    let (first_word, last_word) = (first_word_of(&columns, 0), first_word_of(&columns, last));
    assert_ne!(
        first_word, last_word,
        "pick a paragraph whose columns start differently"
    );
    assert!(ink_box(&picture, column_xs(&columns, 0)).is_some());
    assert!(at_top_of_column(
        &mut text, &picture, &columns, first_word, 0
    ));
    assert!(at_top_of_column(
        &mut text, &picture, &columns, last_word, last
    ));
    // Mirrored columns (right to left) would put them the other way round.
    assert!(!at_top_of_column(
        &mut text, &picture, &columns, first_word, last
    ));
    assert!(!at_top_of_column(
        &mut text, &picture, &columns, last_word, 0
    ));
}

#[test]
fn no_word_is_split_across_columns() {
    let mut text = VerticalText::new();
    let body = paragraph(120);
    let columns = text.layout(&body, &style()).expect("lays out");
    assert!(columns.len() > 5);
    assert!(columns.split_word_columns().is_empty());
    for word in words(&body) {
        let first = columns.column_of(word.start);
        let last = columns.column_of(word.end - 1);
        assert!(first.is_some(), "{:?} is in no column", &body[word.clone()]);
        assert_eq!(first, last, "{:?} is split", &body[word]);
    }
    for column in columns.columns() {
        assert!(column.length_px() <= style().column_height_px as f32 + 0.01);
    }
}

#[test]
fn columns_are_filled_before_a_new_one_starts() {
    let mut text = VerticalText::new();
    let body = paragraph(60);
    let columns = text.layout(&body, &style()).expect("lays out");
    // A column ends only when its next word would not fit.
    let widest_word = 9.0 * 32.0; // ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ with a suffix is well under this
    for column in &columns.columns()[..columns.len() - 1] {
        assert!(column.length_px() > style().column_height_px as f32 - widest_word);
    }
}

#[test]
fn a_word_longer_than_a_column_is_split_and_reported() {
    let mut text = VerticalText::new();
    let long_word = "ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ".repeat(6);
    let body = format!("ᠬᠠᠤᠯᠢ {long_word} ᠮᠣᠩᠭᠣᠯ");
    let columns = text.layout(&body, &style()).expect("lays out");
    let split = columns.split_word_columns();
    assert!(!split.is_empty());
    for index in split {
        let range = columns.columns()[index].text_range();
        assert!(range.end > body.find(&long_word).unwrap_or(0));
    }
}

#[test]
fn a_line_break_starts_a_new_column() {
    let mut text = VerticalText::new();
    let columns = text.layout("ᠬᠠᠤᠯᠢ\nᠮᠣᠩᠭᠣᠯ", &style()).expect("lays out");
    assert_eq!(columns.len(), 2);
    assert_eq!(columns.column_of(0), Some(0));
    assert_eq!(columns.column_of("ᠬᠠᠤᠯᠢ\n".len()), Some(1));
}

#[test]
fn each_column_image_has_the_column_size_and_ink() {
    let mut text = VerticalText::new();
    let columns = text.layout(&paragraph(30), &style()).expect("lays out");
    let images = text.render(&columns);
    assert_eq!(images.len(), columns.len());
    for image in &images {
        assert_eq!((image.width, image.height), (48, 360));
        assert_eq!(image.rgba.len(), 48 * 360 * 4);
        assert!(ink_box(image, 0..image.width).is_some());
    }
}

#[test]
fn ink_is_painted_in_the_style_colour() {
    let mut text = VerticalText::new();
    let red = Style {
        color: [200, 10, 20, 255],
        ..style()
    };
    let image = text.render_vertical("ᠮᠣᠩᠭᠣᠯ", &red).expect("renders");
    let inked: Vec<&[u8]> = image.rgba.chunks_exact(4).filter(|p| p[3] > 0).collect();
    assert!(inked.iter().any(|p| p[3] == 255));
    assert!(inked.iter().all(|p| p[..3] == [200, 10, 20]));
}
