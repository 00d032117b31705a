//! Home's controller: the tiles and what OK on each does.

use crate::ui::{AppWindow, HomeAdapter, HomeTile};
use slint::{ComponentHandle, ModelRc, VecModel};

/// Fills Home's tile model: one tile per view, labelled by `home-<view>` in the Fluent files.
pub fn setup(window: &AppWindow) {
    let tiles: Vec<HomeTile> = crate::VIEWS
        .iter()
        .map(|v| HomeTile {
            id: (*v).into(),
            label_id: format!("home-{v}").into(),
        })
        .collect();
    window
        .global::<HomeAdapter>()
        .set_tiles(ModelRc::new(VecModel::from(tiles)));
}

/// The view OK on a Home tile opens.
pub fn target(item: &str) -> Option<&'static str> {
    crate::VIEWS.iter().find(|v| **v == item).copied()
}
