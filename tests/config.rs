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
