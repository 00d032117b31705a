//! Home's controller: one tile per view that has one (from the registry), and OK on a tile
//! opens its view.

use slint::{ComponentHandle, Model, ModelRc, VecModel};

use super::{Controller, Ctx, ViewEntry};
use crate::ui::{HomeAdapter, HomeTile, View};

pub struct Home {
    /// The views with a Home tile, in tile order.
    tiles: Vec<ViewEntry>,
}

impl Home {
    pub fn new(tiles: Vec<ViewEntry>) -> Home {
        Home { tiles }
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
        let adapter = ctx.window.global::<HomeAdapter>();
        // Labels are message ids the view translates itself (`home-<name>` and its `.hint`).
        if adapter.get_tiles().row_count() == self.tiles.len() {
            return;
        }
        let tiles: Vec<HomeTile> = self
            .tiles
            .iter()
            .map(|e| HomeTile {
                id: e.name.into(),
                label_id: format!("home-{}", e.name).into(),
            })
            .collect();
        adapter.set_tiles(ModelRc::new(VecModel::from(tiles)));
    }

    fn activate(&mut self, ctx: &mut Ctx, _view: View, item: &str) {
        if let Some(entry) = self.tiles.iter().find(|e| e.name == item) {
            ctx.open(entry.view);
        }
    }
}
