//! A config file never bricks a box: one bad setting costs only itself and is said on screen in
//! both languages; a configured server is never swapped for the demo backend; a configuration
//! that cannot work says what to fix and still shows the guides; the language the person picks
//! is written back without touching the rest of the file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::Overlay;
use legal_kiosk_core::Profile;
use legal_kiosk_core::config::{Config, ConfigProblem, ProblemKind};
use legal_kiosk_core::i18n::DisplayMode;
use slint::ComponentHandle;

fn config_file(name: &str, text: &str) -> std::path::PathBuf {
    let path = support::fresh_dir(name).join("config.toml");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_bad_setting_is_said_on_screen_in_both_languages_and_the_rest_is_used() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    let loaded = Config::read_text(
        std::path::Path::new("config.toml"),
        "profile = \"tablet\"\nfont_scale = 3\nlang = \"klingon\"\n",
    );
    assert_eq!(loaded.problems.len(), 2);
    h.shell().report_config(&loaded.problems, &[]);
    h.settle().unwrap();
    let overlay = h.shell().window().global::<Overlay>();
    assert!(overlay.get_open());
    let detail = overlay.get_detail().to_string();
    for key in ["font_scale", "lang"] {
        assert!(detail.contains(key), "{detail}");
    }
    assert!(
        detail
            .chars()
            .any(|c| ('\u{1820}'..='\u{1878}').contains(&c))
            && detail.contains("设置"),
        "in Mongolian and Chinese: {detail}"
    );
    // OK closes it, and the box is usable.
    h.press_keys("Return").unwrap();
    assert!(!overlay.get_open());
    assert_eq!(h.shell().view_name(), "home");
}

#[test]
fn a_box_whose_config_cannot_work_starts_says_why_and_shows_no_demo_badge() {
    let cases = [
        ("token", "backend_url = \"https://legal.example\"\n"),
        ("key", "bundle_public_key = \"not a key\"\n"),
        (
            "syntax",
            "backend_url = \"https://legal.example\ndevice_token = \"t\"\n",
        ),
    ];
    let fresh = support::screenshot(&["--profile", "tablet", "--lang", "zh", "screenshot"]);
    for (name, text) in cases {
        let path = config_file(&format!("config-broken-{name}"), text);
        let path = path.to_str().unwrap();
        // The app's arguments with this config file, then `more`.
        let with = |more: &[&'static str]| -> Vec<&str> {
            let mut args = vec!["--config", path, "--profile", "tablet", "--lang", "zh"];
            args.extend_from_slice(more);
            args
        };
        let run = support::run_app(&with(&["screenshot", "-o", "/dev/null"]));
        assert!(
            run.status.success(),
            "{name}: the box must start: {}",
            String::from_utf8_lossy(&run.stderr)
        );
        let shot = support::screenshot(&with(&["screenshot"]));
        assert!(shot != fresh, "{name}: the explanation is on screen");
        // The guides are still there to read.
        let guides = support::screenshot(&with(&[
            "screenshot",
            "--view",
            "guides",
            "--keys",
            "Return",
        ]));
        assert!(
            guides != shot,
            "{name}: OK closes the explanation and the guides open"
        );
        assert!(
            guides.distinct_colours() > 50,
            "{name}: the guides are drawn"
        );
    }
}

#[test]
fn the_language_picked_is_written_back_and_nothing_else_changes() {
    let text = "# set up by the county bureau on 2026-11-02\nprofile = \"tablet\"\nfont_scale = 3   # a setting of a newer version\nlang = \"zh\"\n";
    let path = config_file("config-write-back", text);
    Config::set_in_file(&path, "lang", DisplayMode::Mn.code()).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after, text.replace("lang = \"zh\"", "lang = \"mn\""));
    let loaded = Config::read(&path);
    assert_eq!(loaded.config.lang, DisplayMode::Mn);
    assert_eq!(
        loaded.problems,
        vec![ConfigProblem {
            key: "font_scale".into(),
            kind: ProblemKind::Unknown
        }]
    );
}

#[test]
fn the_guides_stay_readable_and_a_line_says_why_the_box_is_off_the_network() {
    use legal_kiosk::connection::ConfigFix;
    use legal_kiosk::ui::{GuidesAdapter, Notices};
    use slint::Model;
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    h.shell()
        .report_config(&[], &[ConfigFix::BackendWithoutToken]);
    h.settle().unwrap();
    assert!(h.shell().window().global::<Notices>().get_config_broken());
    h.press_keys("Return").unwrap();
    assert!(h.shell().open("guides"));
    h.settle().unwrap();
    assert_eq!(
        h.shell()
            .window()
            .global::<GuidesAdapter>()
            .get_categories()
            .row_count(),
        support::bundle().categories.len()
    );
    // The line stays after the explanation is closed, and after a kiosk's reset.
    assert!(h.shell().window().global::<Notices>().get_config_broken());
}

/// The line along the bottom that says the config keeps the box off the network takes room
/// from the view above it: no tile of any view, in any profile and mode, is under it.
#[test]
fn no_tile_is_under_the_line_that_says_the_config_cannot_work() {
    let mut under = Vec::new();
    for profile in Profile::ALL {
        for mode in DisplayMode::ALL {
            let h = Harness::new(profile, mode).unwrap();
            h.shell()
                .window()
                .global::<legal_kiosk::ui::Notices>()
                .set_config_broken(true);
            h.settle().unwrap();
            let banner = i_slint_backend_testing::ElementHandle::find_by_element_type_name(
                h.shell().window(),
                "NoticeBanner",
            )
            .next()
            .unwrap();
            let top = banner.absolute_position().y;
            assert!(
                banner.size().height > 0.0,
                "{profile} {mode}: the line is shown"
            );
            for name in h.shell().view_names() {
                if !["guide", "guide-list"].contains(&name) {
                    assert!(h.shell().open(name));
                    h.settle().unwrap();
                }
                // A scrolling page clips what it holds: the page itself must end above the line.
                let pages: Vec<(f32, f32, f32, f32)> =
                    i_slint_backend_testing::ElementHandle::find_by_element_type_name(
                        h.shell().window(),
                        "ScrollPage",
                    )
                    .map(|p| {
                        let (at, size) = (p.absolute_position(), p.size());
                        (at.x, at.x + size.width, at.y, at.y + size.height)
                    })
                    .collect();
                for (item, rect) in h.shell().items() {
                    // On a page: starting below its top, inside its width.
                    let bottom = pages
                        .iter()
                        .find(|(x0, x1, y0, _)| {
                            rect.y + 0.5 >= *y0 && rect.x + 0.5 >= *x0 && rect.right() <= *x1 + 0.5
                        })
                        .map_or(rect.bottom(), |(_, _, _, y1)| y1.min(rect.bottom()));
                    if bottom > top + 0.5 {
                        under.push(format!(
                            "{profile} {mode} {name}: {item} at {rect:?} is under the line at {top}"
                        ));
                    }
                }
            }
        }
    }
    assert!(under.is_empty(), "{}", under.join("\n"));
}

/// Where the line leaves too little room (the keypad of a bilingual tablet), the view scrolls:
/// the remote reaches the last key, and it is shown whole above the line.
#[test]
fn a_key_past_the_room_left_by_the_line_scrolls_into_view() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Bilingual).unwrap();
    h.shell()
        .window()
        .global::<legal_kiosk::ui::Notices>()
        .set_config_broken(true);
    assert!(h.shell().open("status"));
    h.settle().unwrap();
    let top = i_slint_backend_testing::ElementHandle::find_by_element_type_name(
        h.shell().window(),
        "NoticeBanner",
    )
    .next()
    .unwrap()
    .absolute_position()
    .y;
    let below = h.shell().item_rect("key-delete").unwrap();
    assert!(
        below.bottom() > top,
        "the room is short: {below:?}, line at {top}"
    );
    // Onto the keypad, then down its keys to the bottom row.
    h.press_keys("Right").unwrap();
    support::press_until(&h, "Down", "key-delete", 4);
    h.settle().unwrap();
    let (_, ring) = h.shell().focused().unwrap();
    let key = h.shell().item_rect("key-delete").unwrap();
    assert!(
        key.bottom() <= top + 0.5,
        "key-delete at {key:?}, line at {top}"
    );
    assert!(
        (ring.y - key.y).abs() < 0.5 && (ring.h - key.h).abs() < 0.5,
        "the ring goes round the whole key: {ring:?}, {key:?}"
    );
}
