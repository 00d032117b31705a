//! Vertical Traditional Mongolian rendered to pixels, for renderers that cannot rotate text.
//!
//! Text is shaped horizontally (joins, FVS1–4, MVS, NNBSP suffixes), broken at word boundaries
//! into lines as long as a column is high, and each line is rasterized turned 90° clockwise:
//! columns read top to bottom and follow each other left to right. Chinese characters inside
//! the text stand upright; Latin letters and digits turn with the column. The embedded font is
//! Noto Sans Mongolian; Chinese comes from the system's CJK font.
//!
//! ```no_run
//! use legal_kiosk_vertical::{Style, VerticalText};
//! let mut text = VerticalText::new();
//! let columns = text.layout("ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ", &Style::new(32.0, 800))?;
//! let images = text.render(&columns); // one straight-alpha RGBA image per column, left to right
//! # Ok::<(), legal_kiosk_vertical::VerticalTextError>(())
//! ```
//!
//! Images are straight-alpha RGBA, ready for
//! `slint::Image::from_rgba8(SharedPixelBuffer::clone_from_slice(&img.rgba, img.width, img.height))`.
//! [`VerticalText`], [`Columns`] and [`TextImage`] are `Send`: lay out and render on a worker
//! thread, build the `slint::Image` on the UI thread. Keep one `VerticalText`: creating it loads
//! the system's font list (about 30 ms here), and it caches rasterized glyphs.

mod error;
mod fonts;
mod layout;
mod orientation;
mod raster;
mod shaping;
mod style;

use std::ops::Range;

pub use error::VerticalTextError;
pub use fonts::system_fonts_present;
pub use layout::{Column, Columns};
pub use orientation::is_upright;
pub use style::{
    FONT_SIZE_RANGE_PX, LINE_HEIGHT_RANGE, MAX_IMAGE_PIXELS, MAX_SIDE_PX, MAX_TEXT_BYTES, Style,
};

use orientation::Orientation;
use raster::{Canvas, GlyphRaster};
use shaping::Shaper;

/// Version of the embedded Noto Sans Mongolian, for the about screen and logs.
pub const EMBEDDED_FONT_VERSION: &str = "Noto Sans Mongolian 3.002";

/// A script whose glyphs the fonts may lack; the app checks both at start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Mongolian,
    Chinese,
}

impl Script {
    /// The font that provides this script, named so that someone can install it.
    pub fn font_hint(self) -> &'static str {
        match self {
            Script::Mongolian => "Noto Sans Mongolian (embedded in the app)",
            Script::Chinese => "a Chinese font such as Noto Sans CJK SC (Debian: fonts-noto-cjk)",
        }
    }
}

/// One glyph the shaper chose, with the text it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct ShapedGlyph {
    pub glyph_id: u16,
    /// Byte range of the characters this glyph belongs to.
    pub cluster: Range<usize>,
    /// Advance along the line in pixels, at 32 px.
    pub advance_px: f32,
    /// True when the glyph comes from the embedded Mongolian font.
    pub from_embedded_font: bool,
}

/// A straight-alpha (not premultiplied) RGBA picture, rows top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// Shapes, lays out and rasterizes vertical text. Owns the fonts and caches; make one and keep it.
pub struct VerticalText {
    shaper: Shaper,
    raster: GlyphRaster,
}

impl Default for VerticalText {
    fn default() -> Self {
        Self::new()
    }
}

impl VerticalText {
    /// The embedded Mongolian font plus the system's fonts (for Chinese inside Mongolian text).
    pub fn new() -> Self {
        Self::with_fonts(true)
    }

    /// The embedded Mongolian font only: no Chinese unless the system provides it (it doesn't).
    pub fn embedded_only() -> Self {
        Self::with_fonts(false)
    }

    fn with_fonts(system_fonts: bool) -> Self {
        Self {
            shaper: Shaper::new(system_fonts),
            raster: GlyphRaster::default(),
        }
    }

    /// Scripts for which no font has glyphs; empty when everything the guides need can be shown.
    pub fn missing_scripts(&mut self) -> Vec<Script> {
        [
            (Script::Mongolian, "ᠮᠣᠩᠭᠣᠯ ᠬᠡᠯᠡ"),
            (Script::Chinese, "法律援助服务"),
        ]
        .into_iter()
        .filter(|(_, probe)| self.shaper.shape(probe).iter().any(|g| g.glyph_id == 0))
        .map(|(script, _)| script)
        .collect()
    }

    /// The glyphs the shaper picks for `text` on unbroken lines, in logical order.
    pub fn shape(&mut self, text: &str) -> Result<Vec<ShapedGlyph>, VerticalTextError> {
        style::check_text(text)?;
        Ok(self.shaper.shape(text))
    }

    /// Glyph ids only, for tests and the reviewer's tool; empty for text that cannot be shaped.
    pub fn shape_glyph_ids(&mut self, text: &str) -> Vec<u16> {
        self.shape(text)
            .map(|glyphs| glyphs.iter().map(|g| g.glyph_id).collect())
            .unwrap_or_default()
    }

    /// Breaks `text` at word boundaries into columns no longer than `style.column_height_px`.
    /// A word longer than a whole column is split (see [`Columns::split_word_columns`]);
    /// a line break in the text starts a new column.
    pub fn layout(&mut self, text: &str, style: &Style) -> Result<Columns, VerticalTextError> {
        self.layout_oriented(text, style, Orientation::Vertical)
    }

    fn layout_oriented(
        &mut self,
        text: &str,
        style: &Style,
        orientation: Orientation,
    ) -> Result<Columns, VerticalTextError> {
        style.validate()?;
        style::check_text(text)?;
        // Same byte length, so column ranges are offsets into the caller's text too.
        let text = text.replace('\t', " ");
        Ok(self.shaper.columns(&text, style, orientation))
    }

    /// One image per column, leftmost first; each is `column_width_px` × `column_height_px`.
    pub fn render(&mut self, columns: &Columns) -> Vec<TextImage> {
        (0..columns.len())
            .filter_map(|index| self.render_column(columns, index).ok())
            .collect()
    }

    /// The image of one column (for showing a long text column by column as it scrolls).
    pub fn render_column(
        &mut self,
        columns: &Columns,
        index: usize,
    ) -> Result<TextImage, VerticalTextError> {
        let column = columns
            .columns()
            .get(index)
            .ok_or(VerticalTextError::NoSuchColumn {
                index,
                count: columns.len(),
            })?;
        let style = columns.style();
        let mut canvas = Canvas::new(style.column_width_px(), style.column_height_px, style.color);
        self.raster
            .draw_column(columns, column, Orientation::Vertical, &mut canvas, (0, 0));
        Ok(canvas.into_image())
    }

    /// The whole text as one image `style.column_height_px` high, columns left to right.
    /// Empty text gives a 0-wide image. Refuses pictures over [`MAX_IMAGE_PIXELS`].
    pub fn render_vertical(
        &mut self,
        text: &str,
        style: &Style,
    ) -> Result<TextImage, VerticalTextError> {
        let columns = self.layout(text, style)?;
        self.render_stacked(&columns, Orientation::Vertical)
    }

    /// The text as horizontal lines `style.column_height_px` wide, stacked top to bottom, as
    /// short labels are shown (Mongolian lying on its side, read left to right).
    pub fn render_horizontal(
        &mut self,
        text: &str,
        style: &Style,
    ) -> Result<TextImage, VerticalTextError> {
        let lines = self.layout_oriented(text, style, Orientation::Horizontal)?;
        self.render_stacked(&lines, Orientation::Horizontal)
    }

    fn render_stacked(
        &mut self,
        columns: &Columns,
        orientation: Orientation,
    ) -> Result<TextImage, VerticalTextError> {
        let style = *columns.style();
        let across = columns.total_width_px();
        let along = u64::from(style.column_height_px);
        let (width, height) = match orientation {
            Orientation::Vertical => (across, along),
            Orientation::Horizontal => (along, across),
        };
        style::check_image_size(width, height)?;
        // The check above keeps both sides within MAX_SIDE_PX, so they fit in u32.
        let mut canvas = Canvas::new(width as u32, height as u32, style.color);
        let step = i64::from(style.column_width_px()) + i64::from(style.column_gap_px);
        for (index, column) in columns.columns().iter().enumerate() {
            let offset = index as i64 * step;
            let origin = match orientation {
                Orientation::Vertical => (offset, 0),
                Orientation::Horizontal => (0, offset),
            };
            self.raster
                .draw_column(columns, column, orientation, &mut canvas, origin);
        }
        Ok(canvas.into_image())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vertical_text_can_move_to_the_rendering_thread() {
        fn movable<T: Send>() {}
        movable::<VerticalText>();
        movable::<Columns>();
        movable::<TextImage>();
    }
}
