//! Home's controller: one tile per view that has one (from the registry), and OK on a tile
//! opens its view. The status tile carries a badge while a remembered application has news the
//! person has not seen.

use legal_kiosk_core::service::Event;
use slint::{ComponentHandle, ModelRc, VecModel};

use super::{Controller, Ctx, ViewEntry};
use crate::inbox::Message;
use crate::ui::{HomeAdapter, HomeTile, View};

pub struct Home {
    /// The views with a Home tile, in tile order.
    tiles: Vec<ViewEntry>,
    /// A remembered application moved on and the person has not looked yet.
    news: bool,
}

impl Home {
    pub fn new(tiles: Vec<ViewEntry>) -> Home {
        Home { tiles, news: false }
    }
}

impl Controller for Home {
    fn views(&self) -> &'static [ViewEntry] {
        &[ViewEntry {
            view: View::Home,
            name: "home",
            home_tile: false,
        }]
    }

    fn show(&mut self, ctx: &mut Ctx, _view: View) {
        // Labels are message ids the view translates itself (`home-<name>` and its `.hint`);
        // the badge is text made here, in the display mode.
        let tiles: Vec<HomeTile> = self
            .tiles
            .iter()
            .map(|e| HomeTile {
                id: e.name.into(),
                label_id: format!("home-{}", e.name).into(),
                badge: if self.news && e.view == View::Status {
                    ctx.text("home-status-news", &[]).into()
                } else {
                    Default::default()
                },
            })
            .collect();
        ctx.window
            .global::<HomeAdapter>()
            .set_tiles(ModelRc::new(VecModel::from(tiles)));
    }

    fn activate(&mut self, ctx: &mut Ctx, _view: View, item: &str) {
        if let Some(entry) = self.tiles.iter().find(|e| e.name == item) {
            ctx.open(entry.view);
        }
    }

    fn on_message(&mut self, ctx: &mut Ctx, message: &Message) {
        let Message::Service(Event::Saved { saved, .. }) = message else {
            return;
        };
        let news = saved.as_ref().is_some_and(|s| s.changed);
        if news != self.news {
            self.news = news;
            ctx.refresh();
        }
    }
}
