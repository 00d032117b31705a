//! A guide's Mongolian summary in vertical columns: rasterized in Rust for the height the
//! widget reports (crates/vertical), and scrolled sideways by the remote's Left and Right.

use crate::ui::{AppWindow, GuideAdapter, TextColumn, Theme};
use crate::vertical::{self, Scroll};
use legal_kiosk_core::focus::Rect;
use legal_kiosk_vertical::VerticalText;
use slint::{ComponentHandle, ModelRc, VecModel};

#[derive(Default)]
pub struct Columns {
    /// Made on first use: it loads the system's font list (about 30 ms).
    vt: Option<VerticalText>,
    /// What the columns on screen were drawn for: text and column height.
    drawn: Option<(String, u32)>,
    scroll: Scroll,
}

impl Columns {
    /// The columns widget reported where it is: draw `text` for its height, unless already
    /// drawn so.
    pub fn placed(&mut self, window: &AppWindow, text: &str, rect: Rect) {
        let height = rect.h.round().max(0.0) as u32;
        self.scroll.viewport = rect.w;
        if height == 0
            || self
                .drawn
                .as_ref()
                .is_some_and(|(t, h)| t == text && *h == height)
        {
            return;
        }
        let font = window.global::<Theme>().get_font_body();
        let scale = window.window().scale_factor();
        let vt = self.vt.get_or_insert_with(VerticalText::new);
        let adapter = window.global::<GuideAdapter>();
        match vertical::columns(vt, text, font, rect.h, scale) {
            Ok(cols) => {
                let step = cols.images.first().map(|c| c.1).unwrap_or(rect.w);
                let model: Vec<TextColumn> = cols
                    .images
                    .into_iter()
                    .map(|(image, width, height)| TextColumn {
                        image,
                        width,
                        height,
                    })
                    .collect();
                adapter.set_summary_columns(ModelRc::new(VecModel::from(model)));
                self.scroll = Scroll {
                    offset: 0.0,
                    content: cols.content_width,
                    viewport: rect.w,
                    step: step * 2.0,
                };
                adapter.set_summary_scroll_x(0.0);
            }
            Err(e) => eprintln!("legal-kiosk: cannot lay out vertical text: {e}"),
        }
        self.drawn = Some((text.to_owned(), height));
    }

    /// The remote's Left or Right on the columns: scroll if they can go that way.
    pub fn scroll(&mut self, window: &AppWindow, forward: bool) -> bool {
        if !self.scroll.step(forward) {
            return false;
        }
        window
            .global::<GuideAdapter>()
            .set_summary_scroll_x(self.scroll.offset);
        true
    }

    /// Another text is coming: draw anew and start unscrolled.
    pub fn reset(&mut self, window: &AppWindow) {
        self.drawn = None;
        self.scroll.offset = 0.0;
        window.global::<GuideAdapter>().set_summary_scroll_x(0.0);
    }
}
