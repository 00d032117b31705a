//! Vertical Mongolian in the UI: turns paragraphs into column images (crates/vertical) and
//! keeps, per columns widget, how far it is scrolled so the remote's arrows can scroll it.

use legal_kiosk_vertical::{Script, Style, TextImage, VerticalText};
use slint::{ComponentHandle, Image, Rgba8Pixel, SharedPixelBuffer};

/// The colour vertical text is drawn in (Theme.text).
pub const TEXT_RGBA: [u8; 4] = [0xff, 0xff, 0xff, 0xff];

/// Column images of one paragraph, in logical pixels.
pub struct ColumnImages {
    pub images: Vec<(Image, f32, f32)>,
    /// Width of all columns side by side, gaps included.
    pub content_width: f32,
}

/// Columns rasterized but not yet images: plain pixels, so they can be made on a worker thread
/// and handed to the UI thread.
pub struct ColumnPixels {
    pub columns: Vec<TextImage>,
    pub gap_px: f32,
    pub scale: f32,
}

/// Lays out and rasterizes `text` in columns `height` logical pixels high at `font_size`,
/// drawn at `scale` physical pixels per logical pixel so a 4K box gets sharp glyphs.
pub fn column_pixels(
    vt: &mut VerticalText,
    text: &str,
    font_size: f32,
    height: f32,
    scale: f32,
) -> Result<ColumnPixels, legal_kiosk_vertical::VerticalTextError> {
    let mut style = Style::new(font_size * scale, (height * scale).max(1.0) as u32);
    style.color = TEXT_RGBA;
    let laid_out = vt.layout(text, &style)?;
    Ok(ColumnPixels {
        columns: vt.render(&laid_out),
        gap_px: style.column_gap_px as f32,
        scale,
    })
}

impl ColumnPixels {
    /// The images, on the UI thread.
    pub fn into_images(self) -> ColumnImages {
        let gap = self.gap_px / self.scale;
        let mut content_width = 0.0;
        let images = self
            .columns
            .iter()
            .map(|img| {
                let (w, h) = (
                    img.width as f32 / self.scale,
                    img.height as f32 / self.scale,
                );
                content_width += w + gap;
                (to_image(img), w, h)
            })
            .collect();
        ColumnImages {
            images,
            content_width: (content_width - gap).max(0.0),
        }
    }
}

pub fn to_image(img: &TextImage) -> Image {
    let buffer =
        SharedPixelBuffer::<Rgba8Pixel>::clone_from_slice(&img.rgba, img.width, img.height);
    Image::from_rgba8(buffer)
}

/// The start-up font check: the fonts to install for scripts no font can draw (empty when
/// both Mongolian and Chinese can be drawn).
pub fn missing_fonts(vt: &mut VerticalText) -> Vec<&'static str> {
    vt.missing_scripts()
        .into_iter()
        .map(Script::font_hint)
        .collect()
}

/// Runs the font check on its own thread (loading the font list takes tens of milliseconds)
/// and shows the result: on stderr for the log, and in the window's banner. The loaded
/// `VerticalText` then comes back through the returned channel, so the first Mongolian guide
/// does not load the font list again on the UI thread.
pub fn check_fonts_in_background(
    window: &crate::ui::AppWindow,
) -> std::sync::mpsc::Receiver<VerticalText> {
    let (tx, rx) = std::sync::mpsc::channel();
    let weak = window.as_weak();
    let spawned = std::thread::Builder::new()
        .name("font-check".into())
        .spawn(move || {
            let mut vt = VerticalText::new();
            let missing = missing_fonts(&mut vt);
            let _ = tx.send(vt);
            if missing.is_empty() {
                return;
            }
            let list = missing.join("; ");
            eprintln!("legal-kiosk: missing fonts: {list}");
            let _ = weak.upgrade_in_event_loop(move |w| {
                w.global::<crate::ui::Notices>()
                    .set_missing_fonts(list.into());
            });
        });
    if let Err(e) = spawned {
        eprintln!("legal-kiosk: cannot check fonts: {e}");
    }
    rx
}

/// How far a columns widget is scrolled, and how far it can go.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scroll {
    pub offset: f32,
    pub content: f32,
    pub viewport: f32,
    pub step: f32,
}

impl Scroll {
    /// Scrolls one step towards `forward` (right) or back; false at that end, so the arrow
    /// goes on to move the focus instead.
    pub fn step(&mut self, forward: bool) -> bool {
        let max = (self.content - self.viewport).max(0.0);
        let next = if forward {
            (self.offset + self.step).min(max)
        } else {
            (self.offset - self.step).max(0.0)
        };
        if (next - self.offset).abs() < 0.5 {
            return false;
        }
        self.offset = next;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scrolling_stops_at_both_ends() {
        let mut s = Scroll {
            offset: 0.0,
            content: 250.0,
            viewport: 100.0,
            step: 100.0,
        };
        assert!(!s.step(false));
        assert!(s.step(true));
        assert_eq!(s.offset, 100.0);
        assert!(s.step(true));
        assert_eq!(s.offset, 150.0);
        assert!(!s.step(true));
        assert!(s.step(false));
        assert!(s.step(false));
        assert_eq!(s.offset, 0.0);
    }
}
