//! The language view's controller: OK on a mode's tile switches to it, live.

use legal_kiosk_core::i18n::{DisplayMode, Lang};
use slint::ComponentHandle;

use super::{Controller, Ctx, ViewEntry};
use crate::ui::{LanguageAdapter, View};

pub struct Language;

/// The display mode a language tile (`mode-mn`, `mode-zh`, `mode-bilingual`) selects.
pub fn mode_of(item: &str) -> Option<DisplayMode> {
    let code = item.strip_prefix("mode-")?;
    DisplayMode::ALL.into_iter().find(|m| m.code() == code)
}

impl Controller for Language {
    fn views(&self) -> &'static [ViewEntry] {
        &[ViewEntry {
            view: View::Language,
            name: "language",
            home_tile: true,
        }]
    }

    /// The view opens on the language in use: OK at once keeps it, an arrow finds the others.
    fn enter(&mut self, ctx: &mut Ctx, view: View) {
        ctx.prefer(view, &format!("mode-{}", ctx.mode.code()));
    }

    fn show(&mut self, ctx: &mut Ctx, _view: View) {
        let adapter = ctx.window.global::<LanguageAdapter>();
        // Each language's name in its own script, whatever is shown now.
        let name = |lang: Lang| ctx.catalog.strings(lang).get("language-name");
        adapter.set_mn_name(name(Lang::Mn).into());
        adapter.set_zh_name(name(Lang::Zh).into());
        adapter.set_bilingual_name(
            ctx.catalog
                .text(DisplayMode::Bilingual, "language-name-bilingual", &[])
                .into(),
        );
        adapter.set_current(ctx.mode.code().into());
    }

    fn activate(&mut self, ctx: &mut Ctx, _view: View, item: &str) {
        if let Some(mode) = mode_of(item) {
            ctx.set_mode(mode);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mode_has_a_tile_id() {
        for m in DisplayMode::ALL {
            assert_eq!(mode_of(&format!("mode-{m}")), Some(m));
        }
        assert_eq!(mode_of("back"), None);
        assert_eq!(mode_of("mode-en"), None);
    }
}
