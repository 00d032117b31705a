//! The views a later issue fills in (offices, settings): a frame, a title and
//! a line saying the service is on its way, so every Home tile already leads somewhere and back.

use legal_kiosk_core::Profile;

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

    /// Settings change what the box talks to and how it looks for everyone after: a kiosk
    /// used by strangers has no Settings tile (an administrator sets it up through its config
    /// file).
    pub fn settings(profile: Profile) -> Placeholder {
        const SETTINGS: ViewEntry = ViewEntry {
            view: View::Settings,
            name: "settings",
            home_tile: true,
        };
        const NO_TILE: ViewEntry = ViewEntry {
            home_tile: false,
            ..SETTINGS
        };
        Placeholder {
            entry: if profile == Profile::Kiosk {
                &[NO_TILE]
            } else {
                &[SETTINGS]
            },
        }
    }
}

impl Controller for Placeholder {
    fn views(&self) -> &'static [ViewEntry] {
        self.entry
    }
}
