//! How vertical text looks (size, spacing, colour) and the limits that keep sizes sane.

use crate::VerticalTextError;

/// Smallest and largest font size we render; outside this the text is unreadable or absurd.
pub const FONT_SIZE_RANGE_PX: (f32, f32) = (4.0, 512.0);
/// Line height as a multiple of the font size (it is also the column width).
pub const LINE_HEIGHT_RANGE: (f32, f32) = (0.8, 4.0);
/// Longest column, and widest or tallest image, in pixels (4K is 2160 tall; leave room).
pub const MAX_SIDE_PX: u32 = 16_384;
/// Largest image in pixels: 64 MiB of RGBA, about two 4K frames.
pub const MAX_IMAGE_PIXELS: u64 = 1 << 24;
/// Longest text accepted, in UTF-8 bytes (the longest guide body is far shorter).
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// How a block of vertical text looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Style {
    /// Font size in pixels (the em size).
    pub font_size_px: f32,
    /// Distance between neighbouring columns' centres as a multiple of the font size;
    /// each column image is `ceil(font_size_px * line_height)` pixels wide.
    pub line_height: f32,
    /// Text colour as straight (not premultiplied) RGBA.
    pub color: [u8; 4],
    /// Length of a column; words are broken into columns no longer than this.
    pub column_height_px: u32,
    /// Empty space between neighbouring columns when they are drawn into one image.
    pub column_gap_px: u32,
}

impl Style {
    /// Black text of the given size in columns of the given height, with the spacing the
    /// regional guides use for Mongolian bodies (1.5 line height, no extra gap).
    pub fn new(font_size_px: f32, column_height_px: u32) -> Self {
        Self {
            font_size_px,
            line_height: 1.5,
            color: [0, 0, 0, 255],
            column_height_px,
            column_gap_px: 0,
        }
    }

    /// Width of one column image in pixels.
    pub fn column_width_px(&self) -> u32 {
        // Validated sizes keep this well inside u32; the float-to-int cast saturates anyway.
        (self.font_size_px * self.line_height).ceil() as u32
    }

    pub(crate) fn validate(&self) -> Result<(), VerticalTextError> {
        let (min_size, max_size) = FONT_SIZE_RANGE_PX;
        if !(min_size..=max_size).contains(&self.font_size_px) {
            return Err(VerticalTextError::InvalidStyle(
                "font size must be between 4 and 512 px",
            ));
        }
        let (min_lh, max_lh) = LINE_HEIGHT_RANGE;
        if !(min_lh..=max_lh).contains(&self.line_height) {
            return Err(VerticalTextError::InvalidStyle(
                "line height must be between 0.8 and 4 times the font size",
            ));
        }
        if self.column_height_px == 0 || self.column_height_px > MAX_SIDE_PX {
            return Err(VerticalTextError::InvalidStyle(
                "column height must be between 1 and 16384 px",
            ));
        }
        if self.column_gap_px > MAX_SIDE_PX {
            return Err(VerticalTextError::InvalidStyle(
                "column gap must be at most 16384 px",
            ));
        }
        Ok(())
    }
}

/// Refuses text the layout must not see: too long, or with control characters other than
/// line breaks and tabs. NaN-free sizes are checked by [`Style::validate`].
pub(crate) fn check_text(text: &str) -> Result<(), VerticalTextError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(VerticalTextError::TextTooLong {
            bytes: text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    match text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        Some((offset, c)) => Err(VerticalTextError::ControlCharacter {
            offset,
            code: u32::from(c),
        }),
        None => Ok(()),
    }
}

/// Refuses images whose size would exhaust memory on a set-top box.
pub(crate) fn check_image_size(width: u64, height: u64) -> Result<(), VerticalTextError> {
    let too_large = width > u64::from(MAX_SIDE_PX)
        || height > u64::from(MAX_SIDE_PX)
        || width.saturating_mul(height) > MAX_IMAGE_PIXELS;
    if too_large {
        return Err(VerticalTextError::ImageTooLarge {
            width,
            height,
            limit: MAX_IMAGE_PIXELS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nan_and_zero_sizes_are_refused() {
        for style in [
            Style::new(f32::NAN, 100),
            Style::new(32.0, 0),
            Style::new(32.0, 100_000),
            Style {
                line_height: f32::INFINITY,
                ..Style::new(32.0, 100)
            },
        ] {
            assert!(style.validate().is_err(), "{style:?} should be refused");
        }
        assert!(Style::new(32.0, 800).validate().is_ok());
    }

    #[test]
    fn control_characters_are_named_with_their_offset() {
        assert_eq!(
            check_text("ᠮᠣ\u{7}"),
            Err(VerticalTextError::ControlCharacter { offset: 6, code: 7 })
        );
        assert!(check_text("line one\nline two\r\n\tindented").is_ok());
    }
}
