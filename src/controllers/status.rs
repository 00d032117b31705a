//! The application-status view's controller. For now it owns the application-number entry that
//! remote digits fill; the lookup arrives with the API.

use crate::ui::{AppWindow, StatusAdapter};
use slint::ComponentHandle;

/// Application numbers are at most this long; more digits are ignored, not wrapped.
const MAX_DIGITS: usize = 20;

/// A digit pressed while the number entry is focused.
pub fn digit(window: &AppWindow, item: &str, digit: u8) -> bool {
    if item != "number" || digit > 9 {
        return false;
    }
    let adapter = window.global::<StatusAdapter>();
    let mut number = adapter.get_application_number().to_string();
    if number.len() >= MAX_DIGITS {
        return false;
    }
    number.push(char::from(b'0' + digit));
    adapter.set_application_number(number.into());
    true
}
