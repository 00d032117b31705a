//! Settings on a household box: the region picked league then banner from the content's
//! regions, the text size, high contrast, each applied at once and written to its one line of the config
//! file (comments and other lines kept), so they hold after a restart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::Theme;
use legal_kiosk_api::RegionLevel;
use legal_kiosk_core::config::Config;
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::{Profile, TextSize};
use slint::ComponentHandle;
use support::{focused, press_until};

const FILE: &str =
    "# set up by the county bureau\nprofile = \"tv\"\nfont_scale = 3   # a newer version's\n";

fn configured(name: &str) -> (Harness, std::path::PathBuf) {
    let path = support::fresh_dir(name).join("config.toml");
    std::fs::write(&path, FILE).unwrap();
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    h.shell()
        .configure_settings(Some(path.clone()), false, None);
    (h, path)
}

fn press(h: &Harness, keys: &str) {
    h.press_keys(keys).unwrap();
    h.settle().unwrap();
}

#[test]
fn the_region_is_picked_league_then_banner_and_kept_in_the_config_file() {
    let (h, path) = configured("settings-region");
    let bundle = support::bundle();
    let league = bundle
        .regions
        .iter()
        .find(|r| r.level == RegionLevel::League)
        .unwrap();
    let banner = bundle
        .regions
        .iter()
        .find(|r| r.parent.as_ref() == Some(&league.code))
        .unwrap();
    assert!(h.shell().open("settings"));
    h.settle().unwrap();
    assert_eq!(focused(&h), "region");
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "settings-region");
    assert_eq!(focused(&h), format!("league-{}", league.code.as_str()));
    press(&h, "Return");
    assert_eq!(focused(&h), format!("region-{}", banner.code.as_str()));
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "settings");
    assert_eq!(h.shell().guides().region(), Some(banner.code.clone()));
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        after,
        format!("{FILE}region = \"{}\"\n", banner.code.as_str()),
        "one line added, the rest as it was"
    );
    assert_eq!(
        Config::read(&path).config.region.as_deref(),
        Some(banner.code.as_str())
    );
}

#[test]
fn the_arrows_never_land_on_a_league_that_is_gone() {
    let (h, _path) = configured("settings-stale");
    assert!(h.shell().open("settings-region"));
    h.settle().unwrap();
    press(&h, "Down Return");
    // Banners now: every move lands on one of them or on the way back to the leagues.
    for key in ["Down", "Down", "Right", "Up", "Left", "Down"] {
        press(&h, key);
        let now = focused(&h);
        assert!(
            now == "back" || now == "leagues" || now.starts_with("region-"),
            "{key} landed on {now}"
        );
    }
}

#[test]
fn high_contrast_applies_at_once_and_holds_after_a_restart() {
    let (h, path) = configured("settings-contrast");
    assert!(h.shell().open("settings"));
    h.settle().unwrap();
    let ground = |h: &Harness| h.frame().pixel(4, 4);
    let before = ground(&h);
    // Under the region and the language: text size, then contrast beside it.
    press_until(&h, "Down", "text-size", 4);
    press_until(&h, "Right", "contrast", 2);
    press(&h, "Return");
    assert!(h.shell().window().global::<Theme>().get_high_contrast());
    assert_ne!(ground(&h), before);
    assert_eq!(ground(&h), [0, 0, 0], "a black ground");
    let loaded = Config::read(&path);
    assert_eq!(loaded.config.high_contrast, Some(true));
    assert!(std::fs::read_to_string(&path).unwrap().starts_with(FILE));
    // A new start with that file starts in high contrast.
    let again = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    again.shell().configure_settings(
        Some(path),
        loaded.config.high_contrast.unwrap_or(false),
        None,
    );
    again.settle().unwrap();
    assert_eq!(ground(&again), [0, 0, 0]);
}

#[test]
fn a_language_picked_on_screen_is_written_to_its_line_of_the_config_file() {
    let (h, path) = configured("settings-language");
    assert!(h.shell().open("language"));
    h.settle().unwrap();
    press_until(&h, "Left", "mode-mn", 3);
    press(&h, "Return");
    assert_eq!(h.shell().mode(), DisplayMode::Mn);
    // Settled: the write, done off the UI thread, is finished.
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        format!("{FILE}lang = \"mn\"\n"),
        "one line added, the rest as it was"
    );
    assert_eq!(Config::read(&path).config.lang, DisplayMode::Mn);
}

/// The body size the theme gives now (logical pixels).
fn body(h: &Harness) -> f32 {
    h.shell().window().global::<Theme>().get_font_body()
}

#[test]
fn the_text_size_steps_through_its_sizes_at_once_and_holds_after_a_restart() {
    let (h, path) = configured("settings-text-size");
    assert!(h.shell().open("settings"));
    h.settle().unwrap();
    let normal = body(&h);
    let title = |h: &Harness| h.shell().item_rect("text-size").unwrap();
    let tile = title(&h);
    press_until(&h, "Down", "text-size", 4);
    for size in [TextSize::Large, TextSize::ExtraLarge] {
        press(&h, "Return");
        assert!(
            (body(&h) - normal * size.scale()).abs() < 0.01,
            "{size}: body text {} px, normal {normal} px",
            body(&h)
        );
        assert_eq!(Config::read(&path).config.text_size, Some(size));
        // Applied at once: the tile itself grew, and kept the focus.
        assert!(title(&h).h > tile.h, "{size}: the tile did not grow");
        assert_eq!(focused(&h), "text-size");
    }
    let file = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        file,
        format!("{FILE}text_size = \"extra-large\"\n"),
        "one line, written in place each time; the rest as it was"
    );
    // A new start with that file draws extra large text.
    let loaded = Config::read(&path);
    let again = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    again
        .shell()
        .configure_settings(Some(path.clone()), false, loaded.config.text_size);
    assert!((body(&again) - normal * TextSize::ExtraLarge.scale()).abs() < 0.01);
    // And OK once more comes back to the normal size.
    press(&h, "Return");
    assert!((body(&h) - normal).abs() < 0.01);
    assert_eq!(Config::read(&path).config.text_size, Some(TextSize::Normal));
}

#[test]
fn a_kiosk_keeps_its_sizes_whatever_the_config_says() {
    let h = Harness::new(Profile::Kiosk, DisplayMode::Zh).unwrap();
    let normal = body(&h);
    h.shell()
        .configure_settings(None, false, Some(TextSize::ExtraLarge));
    assert_eq!(body(&h), normal);
    // The same config on a tablet is obeyed.
    let tablet = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    let normal = body(&tablet);
    tablet
        .shell()
        .configure_settings(None, false, Some(TextSize::ExtraLarge));
    assert!((body(&tablet) - normal * 1.4).abs() < 0.01);
}
