//! Shaping with parley: the font stack, the locale, vertical forms for upright runs, and
//! cutting the text into paragraphs at line breaks.
//!
//! Each paragraph is shaped on its own and line breaks never reach the shaper: a combining
//! mark or FVS right after a line break would otherwise be merged into the break's cluster,
//! which parley does not expect (it asserts in debug builds).

use std::ops::Range;

use parley::{
    FontContext, FontFamily, FontFeatures, Language, LayoutContext, LineHeight, OverflowWrap,
    StyleProperty,
};

use crate::fonts;
use crate::layout::Columns;
use crate::orientation::{Orientation, upright_runs};
use crate::{ShapedGlyph, Style};

/// Font size used by [`Shaper::shape`], which is about glyph choice, not pixels.
const SHAPING_SIZE_PX: f32 = 32.0;
/// Language of upright runs: Chinese in simplified forms (the Chinese font's `locl` picks them).
/// Mongolian runs get no language: Noto Sans Mongolian has no language systems, and fontique
/// caches font fallback only for locales it knows, so "mn" would ask fontconfig for every run
/// (measured: more than half the layout time).
const UPRIGHT_LOCALE: &str = "zh-CN";
/// Upright CJK takes the vertical forms of punctuation (、。「」) from its font.
const VERTICAL_FORMS: &str = "\"vert\" 1";

/// The fonts and parley's scratch space.
pub(crate) struct Shaper {
    fonts: FontContext,
    layouts: LayoutContext<()>,
    embedded_font_id: u64,
}

impl Shaper {
    pub(crate) fn new(system_fonts: bool) -> Self {
        let (fonts, embedded_font_id) = fonts::font_context(system_fonts);
        Self {
            fonts,
            layouts: LayoutContext::new(),
            embedded_font_id,
        }
    }

    /// Glyphs of `text` as shaped on unbroken lines, in logical order.
    pub(crate) fn shape(&mut self, text: &str) -> Vec<ShapedGlyph> {
        let mut glyphs = Vec::new();
        for paragraph in paragraphs(text) {
            let offset = paragraph.start;
            let layout = self.paragraph_layout(
                &text[paragraph],
                SHAPING_SIZE_PX,
                1.0,
                Orientation::Horizontal,
                None,
            );
            for line in layout.lines() {
                for run in line.runs() {
                    let from_embedded_font = run.font().data.id() == self.embedded_font_id;
                    for cluster in run.clusters() {
                        let range = cluster.text_range();
                        for glyph in cluster.glyphs() {
                            glyphs.push(ShapedGlyph {
                                glyph_id: u16::try_from(glyph.id).unwrap_or(0),
                                cluster: range.start + offset..range.end + offset,
                                advance_px: glyph.advance,
                                from_embedded_font,
                            });
                        }
                    }
                }
            }
        }
        glyphs
    }

    /// Columns (or, for the horizontal preview, lines) of `text`, paragraph after paragraph.
    /// A blank line between paragraphs becomes an empty column.
    pub(crate) fn columns(
        &mut self,
        text: &str,
        style: &Style,
        orientation: Orientation,
    ) -> Columns {
        let mut columns = Columns::new(text, *style);
        let paragraphs = paragraphs(text);
        let last = paragraphs.len().saturating_sub(1);
        for (index, paragraph) in paragraphs.into_iter().enumerate() {
            let content = &text[paragraph.clone()];
            if content.trim().is_empty() {
                if index > 0 && index < last {
                    columns.push_blank(paragraph.start);
                }
                continue;
            }
            let layout = self.paragraph_layout(
                content,
                style.font_size_px,
                style.line_height,
                orientation,
                Some(style.column_height_px as f32),
            );
            columns.push_layout(&layout, paragraph.start);
        }
        columns
    }

    fn paragraph_layout(
        &mut self,
        paragraph: &str,
        font_size_px: f32,
        line_height: f32,
        orientation: Orientation,
        max_length: Option<f32>,
    ) -> parley::Layout<()> {
        let mut builder = self
            .layouts
            .ranged_builder(&mut self.fonts, paragraph, 1.0, false);
        builder.push_default(FontFamily::List(fonts::FAMILY_STACK.into()));
        builder.push_default(StyleProperty::FontSize(font_size_px));
        builder.push_default(LineHeight::FontSizeRelative(line_height));
        // Break inside a word only when the word alone is longer than a column.
        builder.push_default(OverflowWrap::Anywhere);
        if orientation == Orientation::Vertical {
            for run in upright_runs(paragraph) {
                let shared_with_mongolian = paragraph
                    .get(run.clone())
                    .is_some_and(|text| text.chars().any(fonts::embedded_font_covers));
                if shared_with_mongolian {
                    let chinese_first = FontFamily::List(fonts::UPRIGHT_FAMILY_STACK.into());
                    builder.push(chinese_first, run.clone());
                }
                let chinese = Language::parse(UPRIGHT_LOCALE).ok();
                builder.push(StyleProperty::Locale(chinese), run.clone());
                builder.push(FontFeatures::from(VERTICAL_FORMS), run);
            }
        }
        let mut layout = builder.build(paragraph);
        layout.break_all_lines(max_length);
        layout
    }
}

/// Byte ranges of the paragraphs of `text`, without the line breaks (LF, CR, CRLF, U+2028,
/// U+2029) that separate them.
pub(crate) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            ranges.push(start..at);
            start = at + c.len_utf8();
            if c == '\r' && chars.peek().is_some_and(|&(_, next)| next == '\n') {
                chars.next();
                start += 1;
            }
        }
    }
    ranges.push(start..text.len());
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_at_every_kind_of_line_break_once() {
        let text = "ᠠ\nᠡ\r\nᠢ\rᠣ\u{2028}ᠤ\n\nᠥ";
        let pieces: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(pieces, ["ᠠ", "ᠡ", "ᠢ", "ᠣ", "ᠤ", "", "ᠥ"]);
        assert_eq!(paragraphs(""), vec![0..0]);
    }
}
