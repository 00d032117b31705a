//! Helpers shared by the integration tests: sample Mongolian text and pixel inspection.
#![allow(dead_code)] // each test file uses a different part

use legal_kiosk_vertical::TextImage;

/// Common words of the guides in Unicode Traditional Mongolian, each with its genitive suffix
/// (written after a narrow no-break space, U+202F, as Mongolian case suffixes are).
pub const WORDS: &[(&str, &str)] = &[
    ("ᠮᠣᠩᠭᠣᠯ", "ᠤᠨ"),      // Mongol
    ("ᠬᠠᠤᠯᠢ", "ᠶᠢᠨ"),      // law
    ("ᠦᠢᠯᠡᠴᠢᠯᠡᠭᠡ", "ᠶᠢᠨ"), // service
    ("ᠲᠤᠰᠠᠯᠠᠮᠵᠢ", "ᠶᠢᠨ"),  // aid
    ("ᠥᠪᠥᠷ", "ᠦᠨ"),        // inner
    ("ᠪᠢᠴᠢᠭ", "ᠦᠨ"),       // document
    ("ᠣᠯᠠᠨ", "ᠤ"),         // many (as in "public")
    ("ᠨᠡᠢᠲᠡ", "ᠶᠢᠨ"),      // common
    ("ᠮᠡᠳᠡᠭᠡᠯᠡᠯ", "ᠦᠨ"),   // information
];

/// A paragraph of `count` words cycling through [`WORDS`]; every fourth takes its suffix.
pub fn paragraph(count: usize) -> String {
    let mut words = Vec::with_capacity(count);
    for i in 0..count {
        let (word, suffix) = WORDS[i % WORDS.len()];
        words.push(if i % 4 == 3 {
            format!("{word}\u{202F}{suffix}")
        } else {
            word.to_owned()
        });
    }
    words.join(" ")
}

pub fn alpha(image: &TextImage, x: u32, y: u32) -> u8 {
    image.rgba[(y as usize * image.width as usize + x as usize) * 4 + 3]
}

/// Smallest rectangle (x0, y0, x1, y1), exclusive ends, holding every inked pixel of the region.
pub fn ink_box(image: &TextImage, xs: std::ops::Range<u32>) -> Option<(u32, u32, u32, u32)> {
    let mut found: Option<(u32, u32, u32, u32)> = None;
    for y in 0..image.height {
        for x in xs.clone() {
            if alpha(image, x, y) > 0 {
                let b = found.get_or_insert((x, y, x + 1, y + 1));
                *b = (b.0.min(x), b.1.min(y), b.2.max(x + 1), b.3.max(y + 1));
            }
        }
    }
    found
}

/// Alpha values of a rectangle, row by row.
pub fn crop(image: &TextImage, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> Vec<Vec<u8>> {
    (y0..y1)
        .map(|y| (x0..x1).map(|x| alpha(image, x, y)).collect())
        .collect()
}

/// Turns an alpha grid 90° clockwise.
pub fn turn_clockwise(grid: &[Vec<u8>]) -> Vec<Vec<u8>> {
    let height = grid.len();
    let width = grid.first().map_or(0, Vec::len);
    (0..width)
        .map(|x| (0..height).rev().map(|y| grid[y][x]).collect())
        .collect()
}

/// Saves the image over white into the target directory, for a person to look at.
pub fn save_debug_png(image: &TextImage, name: &str) {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"));
    let Ok(file) = std::fs::File::create(dir.join(name)) else {
        return;
    };
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), image.width, image.height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let opaque: Vec<u8> = image
        .rgba
        .chunks_exact(4)
        .flat_map(|px| {
            let a = u16::from(px[3]);
            let over_white = |c: u8| ((u16::from(c) * a + 255 * (255 - a)) / 255) as u8;
            [over_white(px[0]), over_white(px[1]), over_white(px[2]), 255]
        })
        .collect();
    if let Ok(mut writer) = encoder.write_header() {
        let _ = writer.write_image_data(&opaque);
    }
}
