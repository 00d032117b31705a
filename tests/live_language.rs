//! A language switch reaches everything: the view on screen and every view behind it on the
//! stack, drawn exactly as a fresh start in that language draws them; and the focus engine
//! measures the switched view anew, so every part of it stays reachable.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::{GuideAdapter, View};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use slint::ComponentHandle;
use support::{assert_focus_invariant, focused, press_until};

/// (start in, switched to) for each press of the language key: zh → mn → bilingual → zh.
const SWITCHES: &[(DisplayMode, DisplayMode)] = &[
    (DisplayMode::Zh, DisplayMode::Mn),
    (DisplayMode::Mn, DisplayMode::Bilingual),
    (DisplayMode::Bilingual, DisplayMode::Zh),
];

#[test]
fn the_lists_behind_a_guide_follow_a_switch_made_inside_it() {
    for profile in [Profile::Tv, Profile::Kiosk] {
        for (from, to) in SWITCHES {
            let switched = Harness::new(profile, *from).unwrap();
            switched.press_keys("Return Return Return F2").unwrap();
            assert_eq!(switched.shell().view(), View::Guide);
            assert_eq!(switched.shell().mode(), *to);
            let fresh = Harness::new(profile, *to).unwrap();
            for (back, keys) in [("list", "Return Return"), ("categories", "Return")] {
                switched.press_keys("Escape").unwrap();
                fresh.press_keys("Home").unwrap();
                fresh.press_keys(keys).unwrap();
                assert_eq!(
                    switched.frame(),
                    fresh.frame(),
                    "{profile}: {from} → {to} inside a guide, then Back to the {back}"
                );
            }
            switched.press_keys("Escape").unwrap();
            fresh.press_keys("Home").unwrap();
            assert_eq!(
                switched.frame(),
                fresh.frame(),
                "{profile}: {from} → {to}, Home"
            );
        }
    }
}

#[test]
fn after_a_switch_deep_in_a_guide_its_first_section_is_still_reachable() {
    for (from, to) in SWITCHES {
        let h = Harness::new(Profile::Tv, *from).unwrap();
        assert!(h.shell().open("guide:notarization-inheritance"));
        h.settle().unwrap();
        h.press_keys(&["Down"; 10].join(" ")).unwrap();
        h.press_keys("F2").unwrap();
        assert_eq!(h.shell().mode(), *to);
        assert_focus_invariant(&h, &format!("{from} → {to}: after the switch"));
        press_until(&h, "Up", "back", 40);
        if std::env::var("LK_DEBUG").is_ok() {
            eprintln!("{from}->{to} items at back: {:?}", h.shell().items());
        }
        h.press_keys("Down").unwrap();
        assert_eq!(
            focused(&h),
            "summary",
            "{from} → {to}: Down from Back lands on the first section"
        );
        assert_focus_invariant(&h, &format!("{from} → {to}: summary"));
        assert_eq!(
            h.shell().window().global::<GuideAdapter>().get_scroll_y(),
            0.0,
            "{from} → {to}: the page is back at its top"
        );
    }
}
