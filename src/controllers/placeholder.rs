//! The views a later issue fills in (offices): a frame, a title and
//! a line saying the service is on its way, so every Home tile already leads somewhere and back.

use super::{Controller, ViewEntry};
use crate::ui::View;

pub struct Placeholder {
    entry: &'static [ViewEntry],
}

impl Placeholder {
    pub fn offices() -> Placeholder {
        Placeholder {
            entry: &[ViewEntry {
                view: View::Offices,
                name: "offices",
                home_tile: true,
            }],
        }
    }
}

impl Controller for Placeholder {
    fn views(&self) -> &'static [ViewEntry] {
        self.entry
    }
}
