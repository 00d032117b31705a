//! The QR code that opens the same guide on a phone: dark modules on white with the standard
//! four-module quiet zone, one pixel per module (the image is drawn pixelated, so it stays sharp
//! at any size).

use qrcode::{Color, QrCode};
use slint::{Image, Rgba8Pixel, SharedPixelBuffer};

/// Quiet zone around the symbol, in modules (ISO/IEC 18004 asks for 4).
const QUIET: usize = 4;

/// The modules of `url` as rows of dark (true) and light, quiet zone included.
pub fn modules(url: &str) -> Option<Vec<Vec<bool>>> {
    let code = QrCode::new(url.as_bytes()).ok()?;
    let w = code.width();
    let colors = code.to_colors();
    let size = w + 2 * QUIET;
    let mut rows = vec![vec![false; size]; size];
    for y in 0..w {
        for x in 0..w {
            rows[y + QUIET][x + QUIET] = colors[y * w + x] == Color::Dark;
        }
    }
    Some(rows)
}

pub fn image(url: &str) -> Image {
    let Some(rows) = modules(url) else {
        return Image::default();
    };
    let size = rows.len() as u32;
    let mut buffer = SharedPixelBuffer::<Rgba8Pixel>::new(size, size);
    for (px, dark) in buffer
        .make_mut_slice()
        .iter_mut()
        .zip(rows.iter().flatten())
    {
        let v = if *dark { 0 } else { 255 };
        *px = Rgba8Pixel::new(v, v, v, 255);
    }
    Image::from_rgba8(buffer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_guide_url_makes_a_symbol_with_finder_patterns_and_a_quiet_zone() {
        let rows = modules("http://127.0.0.1:8348/g/legal-aid-application").unwrap();
        let n = rows.len();
        // Light quiet zone all round.
        assert!(rows[0].iter().all(|d| !d) && rows[n - 1].iter().all(|d| !d));
        assert!(rows.iter().all(|r| !r[0] && !r[n - 1]));
        // The top-left finder pattern: a dark 7×7 ring around a light ring around a dark 3×3.
        let at = |x: usize, y: usize| rows[QUIET + y][QUIET + x];
        assert!((0..7).all(|i| at(i, 0) && at(0, i) && at(6, i) && at(i, 6)));
        assert!((1..6).all(|i| !at(i, 1) && !at(1, i)));
        assert!((2..5).all(|y| (2..5).all(|x| at(x, y))));
        // Different URLs, different symbols.
        assert_ne!(
            Some(rows),
            modules("http://127.0.0.1:8348/g/people-mediation")
        );
    }
}
