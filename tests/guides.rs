//! The service guides with only a remote: categories → list → guide, every section reachable,
//! the materials checklist, T9 search, and what the screens look like in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::{GuideAdapter, GuideListAdapter, GuidesAdapter, View};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use slint::{ComponentHandle, Model};
use support::{assert_focus_visible, bundle, focused, press_until};

#[test]
fn a_remote_goes_home_guides_legal_aid_steps_materials_and_back_in_both_languages() {
    for mode in [DisplayMode::Mn, DisplayMode::Zh] {
        let h = Harness::new(Profile::Tv, mode).unwrap();
        assert_eq!(focused(&h), "guides");
        h.press_keys("Return").unwrap();
        assert_eq!(h.shell().view(), View::Guides);
        let categories = h
            .shell()
            .window()
            .global::<GuidesAdapter>()
            .get_categories();
        assert_eq!(categories.row_count(), bundle().categories.len(), "{mode}");
        assert_eq!(
            focused(&h),
            "legal-aid",
            "the guides open on the first category"
        );
        h.press_keys("Return").unwrap();
        assert_eq!(h.shell().view(), View::GuideList, "{mode}");
        assert_eq!(
            focused(&h),
            "legal-aid-application",
            "a list opens on its first guide"
        );
        h.press_keys("Return").unwrap();
        assert_eq!(h.shell().view(), View::Guide, "{mode}");
        let adapter = h.shell().window().global::<GuideAdapter>();
        let title = adapter.get_title().to_string();
        let expected = match mode {
            DisplayMode::Mn => "ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ ᠶᠢᠨ ᠥᠷᠭᠥᠳᠡᠯ",
            _ => "法律援助申请",
        };
        assert_eq!(title, expected);
        assert_eq!(focused(&h), "summary", "a guide opens on its summary");
        press_until(&h, "Down", "steps", 3);
        assert_focus_visible(&h, &format!("{mode}: steps"));
        let steps = bundle()
            .guide("legal-aid-application")
            .map(|g| g.steps.len())
            .unwrap();
        assert_eq!(adapter.get_steps().row_count(), steps);
        press_until(&h, "Down", "material-0", 3);
        assert_focus_visible(&h, &format!("{mode}: first material"));
        // OK ticks the material, again unticks it.
        h.press_keys("Return").unwrap();
        assert!(adapter.get_materials().row_data(0).unwrap().checked);
        h.press_keys("Return").unwrap();
        assert!(!adapter.get_materials().row_data(0).unwrap().checked);
        h.press_keys("Escape Escape Escape").unwrap();
        assert_eq!(h.shell().view(), View::Home, "{mode}: Back ×3 is Home");
        assert_eq!(focused(&h), "guides");
    }
}

#[test]
fn every_section_of_a_long_guide_is_reachable_by_remote_and_scrolled_into_view() {
    for profile in [Profile::Tv, Profile::Kiosk] {
        for mode in [DisplayMode::Zh, DisplayMode::Mn, DisplayMode::Bilingual] {
            let h = Harness::new(profile, mode).unwrap();
            assert!(h.shell().open("guide:notarization-inheritance"));
            h.settle().unwrap();
            let items: Vec<String> = h.shell().items().into_iter().map(|(id, _)| id).collect();
            let mut seen = vec![focused(&h)];
            // A section taller than the page takes a Down or two to scroll through.
            for _ in 0..items.len() * 3 {
                h.press_keys("Down").unwrap();
                assert_focus_visible(&h, &format!("{profile} {mode}"));
                let now = focused(&h);
                if !seen.contains(&now) {
                    seen.push(now);
                }
            }
            for expected in [
                "summary",
                "steps",
                "limits",
                "material-0",
                "fees",
                "office",
                "phones",
                "basis-0",
                "faq-0",
                "review",
                "qr",
            ] {
                assert!(
                    seen.iter().any(|s| s == expected),
                    "{profile} {mode}: Down never reached {expected}; reached {seen:?}"
                );
            }
            // And all the way back up to Back.
            press_until(&h, "Up", "back", items.len() * 3);
            assert_focus_visible(&h, &format!("{profile} {mode}: back"));
            seen.push("back".to_owned());
            assert!(
                items.iter().all(|i| seen.contains(i)),
                "{profile} {mode}: unreached {:?}",
                items
                    .iter()
                    .filter(|i| !seen.contains(i))
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn digits_search_pinyin_initials_and_narrow_with_each_digit() {
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    assert!(h.shell().open("guides"));
    h.settle().unwrap();
    let list = h.shell().window().global::<GuideListAdapter>();
    let titles = || -> Vec<String> {
        list.get_guides()
            .iter()
            .map(|t| t.label.to_string())
            .collect()
    };
    h.press_keys("3").unwrap();
    assert_eq!(h.shell().view(), View::GuideList, "a digit starts a search");
    let mut previous = usize::MAX;
    for digit in ["5", "9", "9"] {
        h.press_keys(digit).unwrap();
        let now = titles();
        assert!(now.len() <= previous, "results grow: {now:?}");
        previous = now.len();
    }
    assert!(list.get_query().starts_with("3599"));
    let found = titles();
    assert_eq!(
        found.first().map(String::as_str),
        Some("法律援助申请"),
        "{found:?}"
    );
    // The first result has the focus, and OK opens it.
    assert_eq!(focused(&h), "legal-aid-application");
    h.press_keys("Return").unwrap();
    assert_eq!(h.shell().view(), View::Guide);
    // A search that finds nothing says so.
    h.press_keys("Escape").unwrap();
    for d in ["1", "1", "1"] {
        h.press_keys(d).unwrap();
    }
    assert!(titles().is_empty());
    assert!(!list.get_empty().is_empty());
    assert_focus_visible(&h, "empty results");
}

#[test]
fn the_office_card_is_the_devices_regions_and_labelled_demo() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    h.shell()
        .configure_content(legal_kiosk::guides::ContentSettings {
            key: legal_kiosk_content::bundle::dev_verifying_key().unwrap(),
            region: legal_kiosk_api::RegionCode::parse("152502").ok(),
        });
    assert!(h.shell().open("guide:notarization-general"));
    let sections = h.shell().window().global::<GuideAdapter>().get_sections();
    let office = sections
        .iter()
        .find(|s| s.id == "office")
        .expect("an office section")
        .body
        .to_string();
    assert!(office.contains("锡林浩特市公证处（演示）"), "{office}");
    assert!(office.contains("演示数据"), "{office}");
    let qr = h.shell().window().global::<GuideAdapter>().get_qr_caption();
    assert!(qr.ends_with("/g/notarization-general"), "{qr}");
}

#[test]
fn a_keyboard_searches_by_pinyin_or_characters() {
    for typed in [
        &["f", "a", "l", "v"][..],
        &["援", "助"][..],
        &["F", "L", "Y", "Z"][..],
    ] {
        let h = Harness::new(Profile::Kiosk, DisplayMode::Zh).unwrap();
        assert!(h.shell().open("guides"));
        h.settle().unwrap();
        for t in typed {
            h.dispatch_key((*t).into());
            h.settle().unwrap();
        }
        assert_eq!(h.shell().view(), View::GuideList, "{typed:?}");
        let list = h.shell().window().global::<GuideListAdapter>();
        assert_eq!(list.get_query().to_string(), typed.concat());
        let first = list.get_guides().row_data(0).map(|t| t.label.to_string());
        assert_eq!(first.as_deref(), Some("法律援助申请"), "{typed:?}");
        assert_eq!(focused(&h), "legal-aid-application");
    }
}

#[test]
fn content_signed_by_another_key_is_not_shown_and_the_screen_says_why() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    let stranger = legal_kiosk_content::SigningKey::from_bytes(&[7; 32]);
    h.shell()
        .configure_content(legal_kiosk::guides::ContentSettings {
            key: stranger.verifying_key(),
            region: None,
        });
    assert!(h.shell().open("guides"));
    h.settle().unwrap();
    let adapter = h.shell().window().global::<GuidesAdapter>();
    assert_eq!(adapter.get_categories().row_count(), 0);
    assert!(
        adapter.get_updated().contains("12348"),
        "{}",
        adapter.get_updated()
    );
    assert_eq!(focused(&h), "back");
    assert!(!h.shell().open("guide:legal-aid-application"));
}

#[test]
fn a_finger_scrolls_the_guide_and_the_remote_carries_on_from_there() {
    let h = Harness::new(Profile::Kiosk, DisplayMode::Zh).unwrap();
    assert!(h.shell().open("guide:notarization-inheritance"));
    h.settle().unwrap();
    let y_of = |item: &str| h.shell().item_rect(item).map(|r| r.y).unwrap();
    let before = y_of("fees");
    h.drag((540.0, 1600.0), (540.0, 600.0)).unwrap();
    let after = y_of("fees");
    assert!(
        before - after > 500.0,
        "a swipe up by 1000 px moved the page by {}",
        before - after
    );
    // The focus (still on the summary, now scrolled out) moves on from what is shown.
    h.press_keys("Down").unwrap();
    assert_focus_visible(&h, "after a swipe");
    assert_ne!(focused(&h), "summary");
    // Up to the summary again: the page scrolls back to the top, to where it was before the
    // swipe, and shows the summary whole.
    press_until(&h, "Up", "summary", 10);
    let summary = h.shell().focused().unwrap().1;
    let full = h.shell().item_rect("summary").unwrap();
    assert_eq!(summary, full, "the summary is shown whole, not clipped");
}

#[test]
fn a_tap_on_a_material_ticks_it_on_a_tablet() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    assert!(h.shell().open("guide:legal-aid-application"));
    h.settle().unwrap();
    // Bring the first material into view with the remote, then tap it.
    while focused(&h) != "material-0" {
        h.press_keys("Down").unwrap();
    }
    h.press_keys("Up").unwrap();
    assert_ne!(focused(&h), "material-0");
    let rect = h.shell().item_rect("material-0").unwrap();
    assert!(h.visible_area().contains(&rect), "{rect:?} is off screen");
    let (cx, cy) = rect.center();
    h.tap_at(cx, cy).unwrap();
    assert_eq!(focused(&h), "material-0", "the tap focuses the material");
    let adapter = h.shell().window().global::<GuideAdapter>();
    assert!(adapter.get_materials().row_data(0).unwrap().checked);
}

#[test]
fn the_review_status_is_read_before_the_steps() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    let guide = &support::bundle().guides[0];
    assert!(h.shell().open(&format!("guide:{}", guide.id)));
    h.settle().unwrap();
    let review = h.shell().item_rect("review").unwrap();
    let steps = h.shell().item_rect("steps").unwrap();
    assert!(
        review.y < steps.y,
        "the review notice ({review:?}) comes before the steps ({steps:?})"
    );
}

#[test]
fn a_touch_screen_is_told_what_a_finger_does_not_what_a_remote_does() {
    for (profile, remote) in [
        (Profile::Kiosk, false),
        (Profile::Tablet, false),
        (Profile::Tv, true),
    ] {
        let h = Harness::new(profile, DisplayMode::Zh).unwrap();
        assert!(h.shell().open("guides"));
        h.settle().unwrap();
        let texts: Vec<String> = h
            .text_census()
            .unwrap()
            .into_iter()
            .map(|t| t.text)
            .collect();
        let says_remote = texts.iter().any(|t| t.contains("遥控器"));
        assert_eq!(says_remote, remote, "{profile}: {texts:?}");
    }
}
