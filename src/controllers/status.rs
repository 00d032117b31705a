//! The application-status view's controller. For now it owns the application-number entry that
//! remote digits fill; the lookup arrives with the status issue.

use slint::ComponentHandle;

use super::{Controller, Ctx, ViewEntry};
use crate::ui::{StatusAdapter, View};

/// Application numbers are at most this long; more digits are ignored, not wrapped.
const MAX_DIGITS: usize = 20;

#[derive(Default)]
pub struct Status {
    number: String,
}

impl Controller for Status {
    fn views(&self) -> &'static [ViewEntry] {
        &[ViewEntry {
            view: View::Status,
            name: "status",
            home_tile: true,
        }]
    }

    fn show(&mut self, ctx: &mut Ctx, _view: View) {
        ctx.window
            .global::<StatusAdapter>()
            .set_application_number(self.number.as_str().into());
    }

    fn digit(&mut self, ctx: &mut Ctx, view: View, item: &str, digit: u8) {
        if item != "number" || digit > 9 || self.number.len() >= MAX_DIGITS {
            return;
        }
        self.number.push(char::from(b'0' + digit));
        self.show(ctx, view);
    }

    fn reset(&mut self) {
        self.number.clear();
    }
}
