//! The guides view's controller. For now it shows the introduction: vertical Mongolian columns
//! rasterized in Rust and/or Chinese text, following the display mode.

use crate::strings::Catalog;
use crate::ui::{AppWindow, GuidesAdapter, TextColumn, Theme};
use crate::vertical::{self, Scroll};
use legal_kiosk_core::focus::Rect;
use legal_kiosk_core::i18n::{DisplayMode, Lang};
use legal_kiosk_vertical::VerticalText;
use slint::{ComponentHandle, ModelRc, VecModel};

/// The id of the introduction's columns widget among the view's focusable items.
pub const INTRO: &str = "intro";

#[derive(Default)]
pub struct Guides {
    /// Made on first use: it loads the system's font list (about 30 ms).
    vt: Option<VerticalText>,
    /// What the columns on screen were drawn for: mode and column height.
    drawn: Option<(DisplayMode, u32)>,
    scroll: Scroll,
    /// Mongolian text shown instead of the introduction (a guide's body, a long test text).
    text: Option<String>,
}

impl Guides {
    /// Shows or hides the two halves for `mode`.
    pub fn set_mode(&mut self, window: &AppWindow, mode: DisplayMode) {
        let adapter = window.global::<GuidesAdapter>();
        adapter.set_show_mongolian(mode.langs().contains(&Lang::Mn));
        adapter.set_show_chinese(mode.langs().contains(&Lang::Zh));
    }

    /// The columns widget reported where it is: draw the columns for its height, unless they
    /// are already drawn for it.
    pub fn intro_placed(
        &mut self,
        window: &AppWindow,
        catalog: &Catalog,
        mode: DisplayMode,
        rect: Rect,
    ) {
        let height = rect.h.round().max(0.0) as u32;
        if self.drawn == Some((mode, height)) || height == 0 {
            self.scroll.viewport = rect.w;
            return;
        }
        let text = match &self.text {
            Some(t) => t.clone(),
            None => catalog.strings(Lang::Mn).get("guides-intro"),
        };
        let font = window.global::<Theme>().get_font_body();
        let scale = window.window().scale_factor();
        let vt = self.vt.get_or_insert_with(VerticalText::new);
        let adapter = window.global::<GuidesAdapter>();
        adapter.set_intro_mn(text.as_str().into());
        match vertical::columns(vt, &text, font, rect.h, scale) {
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
                adapter.set_intro_columns(ModelRc::new(VecModel::from(model)));
                self.scroll = Scroll {
                    offset: 0.0,
                    content: cols.content_width,
                    viewport: rect.w,
                    step: step * 2.0,
                };
                adapter.set_intro_scroll_x(0.0);
            }
            Err(e) => eprintln!("legal-kiosk: cannot lay out vertical text: {e}"),
        }
        self.drawn = Some((mode, height));
    }

    /// The remote's Left or Right on the introduction: scroll it if it can go that way.
    pub fn scroll(&mut self, window: &AppWindow, forward: bool) -> bool {
        if !self.scroll.step(forward) {
            return false;
        }
        window
            .global::<GuidesAdapter>()
            .set_intro_scroll_x(self.scroll.offset);
        true
    }

    /// The view is not on screen: its next columns widget starts unscrolled.
    pub fn leave(&mut self, window: &AppWindow) {
        if self.scroll.offset != 0.0 {
            self.scroll.offset = 0.0;
            window.global::<GuidesAdapter>().set_intro_scroll_x(0.0);
        }
    }

    /// Shows `text` (Mongolian) in the columns instead of the introduction, from the next
    /// time the view opens.
    pub fn set_text(&mut self, text: Option<String>) {
        self.text = text;
        self.drawn = None;
    }
}
