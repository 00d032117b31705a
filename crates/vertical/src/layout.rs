//! Breaking shaped text into columns: which words go in which column, and where each glyph sits.
//!
//! Parley shapes the text horizontally and breaks it into lines as long as a column is high;
//! each line becomes one column. Coordinates here are still those of the horizontal line
//! ("along" = distance from the line's start, "baseline" = distance of the baseline below the
//! line's top); rotating them into the column is the renderer's job.

use std::ops::Range;

use parley::{BreakReason, FontData};

use crate::Style;
use crate::orientation::is_upright;

/// Height above the baseline of the middle of Noto Sans Mongolian's letters, in ems: their ink
/// spans about −0.26 em to +1.02 em. The font's own ascent and descent (1.46 / 0.29 em) would put
/// the letters off-centre and clip their descenders in a 1.5-em column, so the baseline is placed
/// to centre the letters instead.
const LETTER_MIDDLE_EM: f32 = 0.38;

/// The result of laying out a text: its columns, in reading order (left to right on screen).
#[derive(Debug, Clone)]
pub struct Columns {
    pub(crate) text: String,
    pub(crate) style: Style,
    pub(crate) columns: Vec<Column>,
    pub(crate) fonts: Vec<FontFace>,
}

/// One column: a horizontal line of text that will be turned 90° clockwise.
#[derive(Debug, Clone)]
pub struct Column {
    text_range: Range<usize>,
    splits_word: bool,
    length_px: f32,
    /// Distance from the line's top (the column's right edge) to the baseline.
    pub(crate) baseline_px: f32,
    pub(crate) glyphs: Vec<PlacedGlyph>,
}

/// A glyph with its position on the unrotated line.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlacedGlyph {
    /// Index into [`Columns::fonts`].
    pub(crate) face: usize,
    pub(crate) glyph_id: u16,
    /// Pen position along the line, from the column's start.
    pub(crate) along_px: f32,
    /// Glyph offset from the baseline (positive = below), from GPOS.
    pub(crate) offset_y_px: f32,
    /// Space the glyph takes along the line.
    pub(crate) advance_px: f32,
    /// Chinese and other CJK glyphs keep their orientation instead of turning with the column.
    pub(crate) upright: bool,
}

/// A font face a column's glyphs use, with its variation coordinates and size.
#[derive(Debug, Clone)]
pub(crate) struct FontFace {
    pub(crate) data: FontData,
    pub(crate) coords: Vec<i16>,
    pub(crate) size_px: f32,
}

impl Columns {
    /// The text the columns were laid out from (tabs read as spaces; byte offsets are the caller's).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The style the columns were laid out with.
    pub fn style(&self) -> &Style {
        &self.style
    }

    /// The columns, first (leftmost) to last.
    pub fn columns(&self) -> &[Column] {
        &self.columns
    }

    /// Number of columns.
    pub fn len(&self) -> usize {
        self.columns.len()
    }

    /// True when the text had nothing to lay out.
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty()
    }

    /// The column holding the character at `byte_offset` of the text, if any.
    pub fn column_of(&self, byte_offset: usize) -> Option<usize> {
        self.columns
            .iter()
            .position(|column| column.text_range.contains(&byte_offset))
    }

    /// Columns that end inside a word because the word alone was longer than a column.
    pub fn split_word_columns(&self) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|&i| self.columns[i].splits_word)
            .collect()
    }

    /// Width in pixels of the picture of all columns side by side, gaps included.
    pub fn total_width_px(&self) -> u64 {
        let count = self.columns.len() as u64;
        let width = u64::from(self.style.column_width_px());
        let gap = u64::from(self.style.column_gap_px);
        count * width + count.saturating_sub(1) * gap
    }
}

impl Column {
    /// Byte range of the text in this column, trailing spaces included.
    pub fn text_range(&self) -> Range<usize> {
        self.text_range.clone()
    }

    /// True when this column ends in the middle of a word that was longer than a whole column.
    pub fn splits_word(&self) -> bool {
        self.splits_word
    }

    /// Length of the column's text along the column, without trailing spaces.
    pub fn length_px(&self) -> f32 {
        self.length_px
    }
}

impl Columns {
    /// No columns yet, for `text` in `style`.
    pub(crate) fn new(text: &str, style: Style) -> Self {
        Self {
            text: text.to_owned(),
            style,
            columns: Vec::new(),
            fonts: Vec::new(),
        }
    }

    /// An empty column (a blank line between paragraphs) at byte `at`.
    pub(crate) fn push_blank(&mut self, at: usize) {
        self.columns.push(Column {
            text_range: at..at,
            splits_word: false,
            length_px: 0.0,
            baseline_px: self.baseline_px(),
            glyphs: Vec::new(),
        });
    }

    /// The lines of a paragraph's layout as columns; `offset` is where the paragraph starts in
    /// the text, so that column ranges index the whole text.
    pub(crate) fn push_layout(&mut self, layout: &parley::Layout<()>, offset: usize) {
        let baseline_px = self.baseline_px();
        for line in layout.lines() {
            let metrics = line.metrics();
            let line_start = metrics.inline_min_coord + metrics.offset;
            let mut pen = line_start;
            let mut glyphs = Vec::new();
            for run in line.runs() {
                let face = self.face_index(run.font(), run.normalized_coords(), run.font_size());
                for cluster in run.visual_clusters() {
                    let range = cluster.text_range();
                    let upright = self
                        .text
                        .get(range.start + offset..range.end + offset)
                        .and_then(|s| s.chars().next())
                        .is_some_and(is_upright);
                    for glyph in cluster.glyphs() {
                        // A glyph id past u16 cannot come from an OpenType font; skip, don't guess.
                        if let Ok(glyph_id) = u16::try_from(glyph.id) {
                            glyphs.push(PlacedGlyph {
                                face,
                                glyph_id,
                                along_px: pen + glyph.x - line_start,
                                offset_y_px: glyph.y,
                                advance_px: glyph.advance,
                                upright,
                            });
                        }
                        pen += glyph.advance;
                    }
                }
            }
            let range = line.text_range();
            self.columns.push(Column {
                text_range: range.start + offset..range.end + offset,
                splits_word: line.break_reason() == BreakReason::Emergency,
                length_px: metrics.advance - metrics.trailing_whitespace,
                baseline_px,
                glyphs,
            });
        }
    }

    fn baseline_px(&self) -> f32 {
        self.style.column_width_px() as f32 / 2.0 + LETTER_MIDDLE_EM * self.style.font_size_px
    }

    /// Index of the face in `fonts`, adding it the first time it is seen.
    fn face_index(&mut self, data: &FontData, coords: &[i16], size_px: f32) -> usize {
        let fonts = &mut self.fonts;
        let same = |face: &FontFace| {
            face.data.data.id() == data.data.id()
                && face.data.index == data.index
                && face.coords == coords
                && face.size_px == size_px
        };
        if let Some(index) = fonts.iter().position(same) {
            return index;
        }
        fonts.push(FontFace {
            data: data.clone(),
            coords: coords.to_vec(),
            size_px,
        });
        fonts.len() - 1
    }
}
