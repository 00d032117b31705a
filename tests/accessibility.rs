//! The accessibility tree (what a screen reader gets from Slint's accessibility layer): every
//! focusable element of every view has a role and a label in the language on screen, the one the
//! remote's focus is on is the one reported as selected, and a default action opens what OK
//! opens. Walked in every display mode on a TV and a kiosk.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use i_slint_backend_testing::{AccessibleRole, ElementQuery};
use legal_kiosk::headless::Harness;
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;

fn mongolian(s: &str) -> bool {
    s.chars().any(|c| ('\u{1800}'..='\u{18AF}').contains(&c))
}

fn chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// What is wrong with the focusable elements on screen, for `context`.
fn problems(h: &Harness, mode: DisplayMode, context: &str) -> Vec<String> {
    let mut out = Vec::new();
    let focusables = ElementQuery::from_root(h.shell().window())
        .match_descendants()
        .match_inherits("Focusable")
        .find_all();
    assert!(!focusables.is_empty(), "{context}: no focusable element");
    // Each language's own name, which the language view shows in its own script on purpose.
    let own_names = ["ᠮᠣᠩᠭᠣᠯ", "中文", "蒙汉"];
    // An element that inherits a widget is listed once per base in its chain: one per place.
    let mut seen = std::collections::HashSet::new();
    let mut selected = 0;
    for e in &focusables {
        let (p, z) = (e.absolute_position(), e.size());
        if !seen.insert(format!("{} {} {} {}", p.x, p.y, z.width, z.height)) {
            continue;
        }
        let label = e.accessible_label().unwrap_or_default().to_string();
        let role = e.accessible_role();
        let id = format!(
            "{} at {:.0},{:.0}",
            e.type_name().unwrap_or_default(),
            p.x,
            p.y
        );
        if role.is_none() || role == Some(AccessibleRole::None) {
            out.push(format!("{context}: {id} ({label:?}) has no role"));
        }
        if label.trim().is_empty() {
            out.push(format!("{context}: {id} has no label"));
        }
        let own_name = own_names.iter().any(|n| label.contains(n));
        let stale = match mode {
            DisplayMode::Zh => mongolian(&label),
            DisplayMode::Mn => chinese(&label),
            DisplayMode::Bilingual => false,
        };
        if stale && !own_name {
            out.push(format!("{context}: {label:?} is not in {mode}"));
        }
        if e.accessible_item_selected() == Some(true) {
            selected += 1;
        }
    }
    if selected != 1 {
        out.push(format!(
            "{context}: {selected} elements reported as selected, the focus is on {:?}",
            support::focused(h)
        ));
    }
    out
}

fn walk(profile: Profile) {
    let mut found = Vec::new();
    for mode in DisplayMode::ALL {
        let h = Harness::new(profile, mode).unwrap();
        let guide = format!("guide:{}", support::bundle().guides[0].id);
        let names: Vec<String> = h
            .shell()
            .view_names()
            .into_iter()
            .map(str::to_owned)
            .chain([guide])
            .collect();
        // The guide page and the answer to a lookup need content to show: a guide is opened
        // by its id, and the answer is walked below with a backend.
        for name in names
            .into_iter()
            .filter(|n| n != "guide" && n != "status-result")
        {
            if !h.shell().open(&name) {
                continue;
            }
            h.settle().unwrap();
            found.extend(problems(&h, mode, &format!("{profile} {mode} {name}")));
            // The remote moves on: the selection moves with it.
            h.press_keys("Down Down").unwrap();
            found.extend(problems(
                &h,
                mode,
                &format!("{profile} {mode} {name} after Down"),
            ));
        }
    }
    // The answer to a lookup, from the reference backend, in each mode.
    for mode in DisplayMode::ALL {
        let (_rt, _backend, h, _dir) =
            support::started(profile, mode, &format!("a11y-{profile}-{mode}"), |_| {});
        let (number, _) = legal_kiosk_backend::DEMO_APPLICATIONS[2];
        let digits = |s: &str| s.chars().map(String::from).collect::<Vec<_>>().join(" ");
        assert!(h.shell().open("status"));
        h.press_keys(&format!(
            "{} Return {} Return",
            digits(number),
            digits(legal_kiosk_backend::DEMO_MOBILE)
        ))
        .unwrap();
        h.settle().unwrap();
        assert_eq!(h.shell().view_name(), "status-result");
        found.extend(problems(
            &h,
            mode,
            &format!("{profile} {mode} status-result"),
        ));
    }
    found.dedup();
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_focusable_element_has_a_role_and_a_label_in_the_language_on_screen_on_tv() {
    walk(Profile::Tv);
}

#[test]
fn every_focusable_element_has_a_role_and_a_label_in_the_language_on_screen_on_a_kiosk() {
    walk(Profile::Kiosk);
}

#[test]
fn the_default_action_opens_what_ok_opens() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    let tile = ElementQuery::from_root(h.shell().window())
        .match_descendants()
        .match_inherits("Focusable")
        .match_predicate(|e| e.accessible_label().is_some_and(|l| l == "办事指南"))
        .find_first()
        .expect("the guides tile");
    tile.invoke_accessible_default_action();
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "guides");
}
