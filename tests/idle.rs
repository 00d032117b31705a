//! The kiosk's idle reset: after the idle time a stranger's session is gone, and the next person
//! sees exactly what a fresh start shows (pictures compared with a fresh process); a warning
//! with a countdown comes 20 seconds before, and any key keeps the session (WCAG 2.2.1). The
//! app's clock is moved on by `wait:N` steps, without sleeping.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::{Overlay, StatusAdapter};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use slint::ComponentHandle;

/// A session started in many ways, each left alone for 70 s on a kiosk: the picture equals a
/// fresh process's Home in the kiosk's language.
#[test]
fn a_kiosk_left_alone_looks_exactly_like_a_fresh_start() {
    let sessions: [(&str, &[&str]); 4] = [
        // An application number typed.
        ("zh", &["--view", "status", "--keys", "1 5 0 2 6 wait:70"]),
        // A material of a guide ticked, and the page scrolled.
        (
            "zh",
            &[
                "--view",
                "guide:legal-aid-application",
                "--keys",
                "Down Down Return Down wait:70",
            ],
        ),
        // A booking begun: topic, language, and the language of the screen switched.
        ("mn", &["--view", "callback", "--keys", "Return F2 wait:70"]),
        // The idle time in two waits: the warning, then the reset.
        (
            "bilingual",
            &["--view", "status", "--keys", "4 2 wait:45 wait:25"],
        ),
    ];
    for (lang, args) in sessions {
        let fresh = support::screenshot(&["--profile", "kiosk", "--lang", lang, "screenshot"]);
        let mut all = vec!["--profile", "kiosk", "--lang", lang, "screenshot"];
        all.extend_from_slice(args);
        let after = support::screenshot(&all);
        assert!(after == fresh, "{lang} {args:?}: not a fresh Home");
    }
}

fn number(h: &Harness) -> String {
    h.shell()
        .window()
        .global::<StatusAdapter>()
        .get_entry_value()
        .to_string()
}

fn warning(h: &Harness) -> Option<i32> {
    let overlay = h.shell().window().global::<Overlay>();
    (overlay.get_open() && overlay.get_title_id() == "idle-warning-title")
        .then(|| overlay.get_seconds())
}

#[test]
fn the_warning_counts_down_and_any_key_keeps_the_session() {
    let h = Harness::new(Profile::Kiosk, DisplayMode::Zh).unwrap();
    assert!(h.shell().open("status"));
    h.press_keys("1 5 0").unwrap();
    h.press_keys("wait:39").unwrap();
    assert_eq!(warning(&h), None, "no warning before the last 20 s");
    h.press_keys("wait:6").unwrap();
    assert_eq!(warning(&h), Some(15));
    // A key dismisses the warning and does nothing else.
    h.press_keys("7").unwrap();
    assert_eq!(warning(&h), None);
    assert_eq!(number(&h), "150", "the key only kept the session");
    assert_eq!(h.shell().view_name(), "status");
    // The countdown starts again from that key.
    h.press_keys("wait:59").unwrap();
    assert_eq!(warning(&h), Some(1));
    h.press_keys("wait:1").unwrap();
    assert_eq!(warning(&h), None);
    assert_eq!(h.shell().view_name(), "home");
    assert_eq!(h.shell().depth(), 1);
}

#[test]
fn an_empty_home_after_a_reset_shows_no_warning_until_the_next_person() {
    let h = Harness::new(Profile::Kiosk, DisplayMode::Zh).unwrap();
    assert!(h.shell().open("status"));
    h.press_keys("1 5 0 wait:60").unwrap();
    assert_eq!(h.shell().view_name(), "home", "the session was forgotten");
    // The hall is empty: Home waits without a warning, however long.
    for _ in 0..5 {
        h.press_keys("wait:45").unwrap();
        assert_eq!(warning(&h), None, "a warning on an empty Home");
    }
    // The next person's session is counted again.
    h.press_keys("Down wait:40").unwrap();
    assert_eq!(warning(&h), Some(20));
}

#[test]
fn a_household_box_and_a_tablet_never_reset_by_themselves() {
    for profile in [Profile::Tv, Profile::Tablet] {
        let h = Harness::new(profile, DisplayMode::Zh).unwrap();
        assert!(h.shell().open("status"));
        h.press_keys("1 5 0 wait:400").unwrap();
        assert_eq!(warning(&h), None, "{profile}");
        assert_eq!(number(&h), "150", "{profile}");
    }
}

#[test]
fn a_configured_idle_time_is_used_within_its_bounds() {
    let h = Harness::new(Profile::Kiosk, DisplayMode::Zh).unwrap();
    h.shell()
        .set_idle_timeout(std::time::Duration::from_secs(120));
    assert!(h.shell().open("status"));
    h.press_keys("1 wait:99").unwrap();
    assert_eq!(warning(&h), None);
    h.press_keys("wait:1").unwrap();
    assert_eq!(warning(&h), Some(20));
    // Ten seconds is too short for anyone to read the warning: 30 s is the least.
    h.shell()
        .set_idle_timeout(std::time::Duration::from_secs(10));
    h.press_keys("Return wait:9").unwrap();
    assert_eq!(warning(&h), None);
    h.press_keys("wait:1").unwrap();
    assert_eq!(warning(&h), Some(20));
}

#[test]
fn a_touch_anywhere_keeps_the_session_as_the_warning_says() {
    let h = Harness::new(Profile::Kiosk, DisplayMode::Zh).unwrap();
    assert!(h.shell().open("status"));
    h.press_keys("1 5 0 wait:45").unwrap();
    assert!(warning(&h).is_some());
    // Not on the button: on the dimmed screen above the box.
    h.tap_at(20.0, 20.0).unwrap();
    assert_eq!(warning(&h), None);
    assert_eq!(number(&h), "150");
    h.press_keys("wait:30").unwrap();
    assert_eq!(
        warning(&h),
        None,
        "the countdown started again from the touch"
    );
}
