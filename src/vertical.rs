//! Vertical Mongolian in the UI: turns paragraphs into column images (crates/vertical), and the
//! start-up font check.

use legal_kiosk_vertical::{Script, Style, TextImage, VerticalText};
use slint::{Image, Rgba8Pixel, SharedPixelBuffer};

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
    pub fn to_images(&self) -> ColumnImages {
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

/// Runs the font check on its own thread (loading the font list takes tens of milliseconds);
/// the result comes back through the inbox (the router names missing fonts in the log and in
/// the window's banner). The loaded `VerticalText` then comes back through the returned channel,
/// so the first Mongolian guide does not load the font list again.
pub fn check_fonts_in_background(
    mailbox: crate::inbox::Mailbox,
) -> std::sync::mpsc::Receiver<VerticalText> {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("font-check".into())
        .spawn(move || {
            let mut vt = VerticalText::new();
            let missing = vt.missing_scripts();
            // The columns worker may not exist yet, or never: nobody waiting is fine.
            let _ = tx.send(vt);
            mailbox.post(crate::inbox::Message::Fonts(missing));
        });
    if let Err(e) = spawned {
        eprintln!("legal-kiosk: cannot check fonts: {e}");
    }
    rx
}
