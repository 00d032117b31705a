//! The language view's controller: which display mode each of its tiles selects.

use legal_kiosk_core::i18n::DisplayMode;

/// The display mode a language tile (`mode-mn`, `mode-zh`, `mode-bilingual`) selects.
pub fn mode_of(item: &str) -> Option<DisplayMode> {
    let code = item.strip_prefix("mode-")?;
    DisplayMode::ALL.into_iter().find(|m| m.code() == code)
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
