//! Turning laid-out columns into pixels: glyphs rasterized by swash into a coverage mask, each
//! sideways glyph turned 90° clockwise (its top to the right), upright glyphs placed as they are.

use std::collections::HashMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use swash::FontRef;
use swash::scale::image::Content;
use swash::scale::{Render, ScaleContext, Source, StrikeWith};
use swash::zeno::{Format, Vector};

use crate::TextImage;
use crate::layout::{Column, Columns, FontFace, PlacedGlyph};
use crate::orientation::Orientation;

/// Glyph positions along a line are kept to a quarter pixel: joined Mongolian letters must meet
/// without a one-pixel gap or overlap, which rounding every glyph to whole pixels would cause.
const SUBPIXEL_STEPS: f32 = 4.0;
/// Rasterized glyphs kept before the cache is emptied (a few MiB at body sizes).
const GLYPH_CACHE_LIMIT: usize = 8192;

/// A straight-alpha RGBA picture in the text colour whose alpha channel collects glyph coverage;
/// one buffer, so a page of columns costs one allocation.
pub(crate) struct Canvas {
    width: u32,
    height: u32,
    color: [u8; 4],
    rgba: Vec<u8>,
}

impl Canvas {
    pub(crate) fn new(width: u32, height: u32, color: [u8; 4]) -> Self {
        let [r, g, b, _] = color;
        Self {
            width,
            height,
            color,
            rgba: [r, g, b, 0].repeat(width as usize * height as usize),
        }
    }

    /// Adds coverage at (x, y), ignoring pixels outside. Neighbouring glyphs of a joined word
    /// share edge pixels; adding (not taking the maximum) keeps those joins solid.
    fn add(&mut self, x: i64, y: i64, value: u8) {
        if x < 0 || y < 0 || x >= i64::from(self.width) || y >= i64::from(self.height) {
            return;
        }
        let index = (y as usize * self.width as usize + x as usize) * 4 + 3;
        if let Some(alpha) = self.rgba.get_mut(index) {
            *alpha = alpha.saturating_add(value);
        }
    }

    /// The finished picture: coverage scaled by the colour's own alpha.
    pub(crate) fn into_image(mut self) -> TextImage {
        let opacity = u16::from(self.color[3]);
        if opacity < 255 {
            for pixel in self.rgba.chunks_exact_mut(4) {
                pixel[3] = ((u16::from(pixel[3]) * opacity + 127) / 255) as u8;
            }
        }
        TextImage {
            width: self.width,
            height: self.height,
            rgba: self.rgba,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct GlyphKey {
    font: u64,
    font_index: u32,
    coords: u64,
    size_bits: u32,
    glyph_id: u16,
    subpixel: u8,
}

/// Where bitmap pixel (i, j) lands on the canvas: shifted, and for sideways glyphs turned
/// 90° clockwise (bitmap column i runs down the canvas, bitmap row j runs leftwards).
struct PixelMap {
    x: i64,
    y: i64,
    turned: bool,
}

impl PixelMap {
    fn straight(x: i64, y: i64) -> Self {
        Self {
            x,
            y,
            turned: false,
        }
    }

    fn apply(&self, i: i64, j: i64) -> (i64, i64) {
        if self.turned {
            (self.x - j, self.y + i)
        } else {
            (self.x + i, self.y + j)
        }
    }
}

/// A rasterized glyph: its coverage and where it sits relative to its origin (top is up).
struct GlyphBitmap {
    left: i32,
    top: i32,
    width: u32,
    height: u32,
    coverage: Vec<u8>,
    /// For upright placement: the glyph's vertical origin above the baseline, in pixels.
    vertical_origin: f32,
    /// For upright placement: how far the glyph advances down a column, in pixels.
    advance_height: f32,
}

/// Rasterizes glyphs through swash and remembers them.
#[derive(Default)]
pub(crate) struct GlyphRaster {
    scale: ScaleContext,
    cache: HashMap<GlyphKey, Option<GlyphBitmap>>,
}

impl GlyphRaster {
    /// Draws `column` (one of `columns`) into `canvas` with its top-left corner at (x0, y0).
    pub(crate) fn draw_column(
        &mut self,
        columns: &Columns,
        column: &Column,
        orientation: Orientation,
        canvas: &mut Canvas,
        (x0, y0): (i64, i64),
    ) {
        let width = i64::from(columns.style.column_width_px());
        let baseline = column.baseline_px.round() as i64;
        for glyph in &column.glyphs {
            let Some(face) = columns.fonts.get(glyph.face) else {
                continue;
            };
            let upright = glyph.upright && orientation == Orientation::Vertical;
            let along = if upright {
                glyph.along_px.round()
            } else {
                (glyph.along_px * SUBPIXEL_STEPS).round() / SUBPIXEL_STEPS
            };
            let whole = along.floor();
            let fraction = ((along - whole) * SUBPIXEL_STEPS) as u8;
            let Some(bitmap) = self.bitmap(face, glyph.glyph_id, fraction) else {
                continue;
            };
            let whole = whole as i64;
            let (left, top) = (i64::from(bitmap.left), i64::from(bitmap.top));
            let map = match (orientation, upright) {
                (Orientation::Horizontal, _) => {
                    let y = baseline + glyph.offset_y_px.round() as i64 - top;
                    PixelMap::straight(x0 + whole + left, y0 + y)
                }
                (Orientation::Vertical, false) => {
                    // Line coordinates turn clockwise: along the line becomes down the column,
                    // down the line becomes right-to-left across it (the glyph's top faces right).
                    let line_y = baseline + glyph.offset_y_px.round() as i64 - top;
                    PixelMap {
                        x: x0 + width - 1 - line_y,
                        y: y0 + whole + left,
                        turned: true,
                    }
                }
                (Orientation::Vertical, true) => {
                    let (x, y) = upright_origin(glyph, bitmap, width);
                    PixelMap::straight(x0 + x, y0 + whole + y)
                }
            };
            for j in 0..i64::from(bitmap.height) {
                for i in 0..i64::from(bitmap.width) {
                    let index = j as usize * bitmap.width as usize + i as usize;
                    let value = bitmap.coverage.get(index).copied().unwrap_or(0);
                    if value != 0 {
                        let (x, y) = map.apply(i, j);
                        canvas.add(x, y, value);
                    }
                }
            }
        }
    }

    fn bitmap(&mut self, face: &FontFace, glyph_id: u16, subpixel: u8) -> Option<&GlyphBitmap> {
        let key = GlyphKey {
            font: face.data.data.id(),
            font_index: face.data.index,
            coords: hash_coords(&face.coords),
            size_bits: face.size_px.to_bits(),
            glyph_id,
            subpixel,
        };
        if !self.cache.contains_key(&key) {
            if self.cache.len() >= GLYPH_CACHE_LIMIT {
                self.cache.clear();
            }
            let bitmap = rasterize(&mut self.scale, face, glyph_id, subpixel);
            self.cache.insert(key, bitmap);
        }
        self.cache.get(&key).and_then(Option::as_ref)
    }
}

/// Offset of an upright glyph's bitmap from the glyph's slot in the column: centred across the
/// column, and hung from its vertical origin (the top of its em box in vertical writing).
fn upright_origin(glyph: &PlacedGlyph, bitmap: &GlyphBitmap, column_width: i64) -> (i64, i64) {
    let em_left = (column_width as f32 - glyph.advance_px) / 2.0;
    let x = (em_left + bitmap.left as f32).round() as i64;
    // Horizontal layout gave the glyph `advance_px` of the column; centre its vertical advance there.
    let em_top = (glyph.advance_px - bitmap.advance_height) / 2.0;
    let y = (em_top + bitmap.vertical_origin - bitmap.top as f32).round() as i64;
    (x, y)
}

fn rasterize(
    scale: &mut ScaleContext,
    face: &FontFace,
    glyph_id: u16,
    subpixel: u8,
) -> Option<GlyphBitmap> {
    let font = FontRef::from_index(face.data.data.data(), face.data.index as usize)?;
    let metrics = font.glyph_metrics(&face.coords).scale(face.size_px);
    let mut scaler = scale
        .builder(font)
        .size(face.size_px)
        .hint(false)
        .normalized_coords(&face.coords)
        .build();
    let image = Render::new(&[
        Source::ColorOutline(0),
        Source::ColorBitmap(StrikeWith::BestFit),
        Source::Outline,
    ])
    .format(Format::Alpha)
    .offset(Vector::new(f32::from(subpixel) / SUBPIXEL_STEPS, 0.0))
    .render(&mut scaler, glyph_id)?;
    let coverage = match image.content {
        Content::Mask => image.data,
        // Colour glyphs (emoji) are drawn in the text colour from their alpha.
        Content::Color | Content::SubpixelMask => {
            image.data.chunks_exact(4).map(|px| px[3]).collect()
        }
    };
    Some(GlyphBitmap {
        left: image.placement.left,
        top: image.placement.top,
        width: image.placement.width,
        height: image.placement.height,
        coverage,
        vertical_origin: metrics.vertical_origin(glyph_id),
        advance_height: metrics.advance_height(glyph_id),
    })
}

fn hash_coords(coords: &[i16]) -> u64 {
    let mut hasher = DefaultHasher::new();
    coords.hash(&mut hasher);
    hasher.finish()
}
