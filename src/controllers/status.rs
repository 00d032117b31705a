//! The application-status view's controller. For now it owns the application-number entry that
//! remote digits fill; the lookup arrives with the status issue.

use slint::ComponentHandle;

use super::{Controller, Ctx, ViewEntry};
use crate::ui::{StatusAdapter, View};

/// Application numbers are at most this long; more digits are ignored, not wrapped.
const MAX_DIGITS: usize = 20;

/// The number entry's item id, and the keypad's keys' prefix (`key-0` … `key-9`, `key-delete`).
const NUMBER: &str = "number";
const KEY: &str = "key-";

#[derive(Default)]
pub struct Status {
    number: String,
}

impl Status {
    /// One more digit; more than `MAX_DIGITS` are ignored, not wrapped.
    fn push(&mut self, digit: u8) {
        if digit <= 9 && self.number.len() < MAX_DIGITS {
            self.number.push(char::from(b'0' + digit));
        }
    }
}

impl Controller for Status {
    fn views(&self) -> &'static [ViewEntry] {
        &[ViewEntry {
            view: View::Status,
            name: "status",
            home_tile: true,
        }]
    }

    /// The page opens on its number entry: digits typed at once go in, not to Back.
    fn enter(&mut self, ctx: &mut Ctx, view: View) {
        ctx.prefer(view, NUMBER);
    }

    fn show(&mut self, ctx: &mut Ctx, _view: View) {
        ctx.window
            .global::<StatusAdapter>()
            .set_application_number(self.number.as_str().into());
    }

    fn digit(&mut self, ctx: &mut Ctx, view: View, item: &str, digit: u8) {
        if item == NUMBER || item.starts_with(KEY) {
            self.push(digit);
            self.show(ctx, view);
        }
    }

    fn delete(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        if item == NUMBER || item.starts_with(KEY) {
            self.number.pop();
            self.show(ctx, view);
        }
    }

    /// The keypad's keys (touch profiles): a digit, or delete.
    fn activate(&mut self, ctx: &mut Ctx, view: View, item: &str) {
        match item.strip_prefix(KEY) {
            Some("delete") => {
                self.number.pop();
            }
            Some(d) => {
                if let Ok(digit) = d.parse::<u8>() {
                    self.push(digit);
                }
            }
            None => return,
        }
        self.show(ctx, view);
    }

    fn reset(&mut self) {
        self.number.clear();
    }
}
