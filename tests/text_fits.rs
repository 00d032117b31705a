//! The "text fits" check (DESIGN §9): every text of every view reachable by remote, in each
//! profile and language mode, fits the room it is given — not cut, not elided, not spilling
//! out of its tile or box, not drawn over another text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use i_slint_backend_testing::{AccessibleRole, ElementHandle, ElementQuery};
use legal_kiosk::headless::Harness;
use legal_kiosk_core::focus::Rect;
use legal_kiosk_core::i18n::DisplayMode;
use legal_kiosk_core::{Profile, TextSize};
use slint::ComponentHandle;

fn intersection(a: &Rect, b: &Rect) -> f32 {
    let w = a.right().min(b.right()) - a.x.max(b.x);
    let h = a.bottom().min(b.bottom()) - a.y.max(b.y);
    if w <= 0.0 || h <= 0.0 { 0.0 } else { w * h }
}

fn inside(outer: &Rect, inner: &Rect) -> bool {
    outer.contains(inner)
}

fn same(a: &Rect, b: &Rect) -> bool {
    (a.x - b.x).abs() < 0.01
        && (a.y - b.y).abs() < 0.01
        && (a.w - b.w).abs() < 0.01
        && (a.h - b.h).abs() < 0.01
}

fn rect_of(e: &ElementHandle) -> Rect {
    let (p, s) = (e.absolute_position(), e.size());
    Rect::new(p.x, p.y, s.width, s.height)
}

/// The rectangles of the texts in `census` that are on the view's scrolling body: the body is
/// moved a little and the census taken again; the texts that moved with it are its. (The
/// testing API does not list the children an `if` makes, so they cannot be asked for.) The
/// router keeps the focused item in view, so a move that would hide it is undone at once:
/// the body is moved down, and if nothing moved, up, then by less (a focused tile may fill
/// nearly all the body).
fn body_texts(h: &Harness, census: &[legal_kiosk::shell::TextFit]) -> Vec<Rect> {
    let pages = h.shell().window().global::<legal_kiosk::ui::Pages>();
    let offset = pages.get_body_offset();
    for nudge in [37.0, -37.0, 3.0, -3.0] {
        pages.set_body_offset(offset + nudge);
        h.settle().unwrap();
        let moved = h.text_census().unwrap();
        pages.set_body_offset(offset);
        h.settle().unwrap();
        let body: Vec<Rect> = census
            .iter()
            .filter(|t| {
                moved.iter().any(|m| {
                    m.text == t.text
                        && same(
                            &m.rect,
                            &Rect::new(t.rect.x, t.rect.y - nudge, t.rect.w, t.rect.h),
                        )
                })
            })
            .map(|t| t.rect)
            .collect();
        if !body.is_empty() {
            return body;
        }
    }
    Vec::new()
}

/// What is wrong with the texts on screen now (empty: nothing). Texts outside the window are
/// not looked at: a scrolling page is checked in a window tall enough to show it whole.
fn problems(h: &Harness) -> Vec<String> {
    let window = h.shell().window();
    let census = h.text_census().unwrap();
    let screen = h.visible_area();
    // What a text must stay inside when it is in it at all: focusable tiles and cards, and
    // the flow chart's step boxes.
    let mut boxes: Vec<Rect> = support::FOCUSABLE
        .iter()
        .flat_map(|kind| ElementHandle::find_by_element_type_name(window, kind))
        .map(|e| rect_of(&e))
        .collect();
    boxes.extend(
        ElementQuery::from_root(window)
            .match_descendants()
            .match_accessible_role(AccessibleRole::ListItem)
            .find_all()
            .iter()
            .map(rect_of),
    );
    // A scrolling page clips what it holds: a text it cuts off is not looked at. A view's
    // A scrolling page clips what it holds: a text it cuts off is not looked at. A view's
    // body (everything under its header) is such a page only with enlarged text: at the
    // profile's own sizes a view is laid out to show all of it without scrolling (it scrolls
    // only when the notice line takes room).
    let enlarged = window
        .global::<legal_kiosk::ui::Theme>()
        .get_text_enlarged();
    let is_body = |e: &ElementHandle| {
        e.id()
            .is_some_and(|id| ["ViewFrame::body", "HomeView::body"].contains(&id.as_str()))
    };
    let page_elements: Vec<ElementHandle> =
        ElementHandle::find_by_element_type_name(window, "ScrollPage")
            .filter(|e| enlarged || !is_body(e))
            .collect();
    let pages: Vec<Rect> = page_elements.iter().map(rect_of).collect();
    // The body's texts scrolled out of it (under the header, past its end) are not on screen.
    let body = page_elements.iter().find(|e| is_body(e)).map(rect_of);
    let scrolled_away: Vec<Rect> = match &body {
        Some(seen) => body_texts(h, &census)
            .into_iter()
            .filter(|r| !inside(seen, r))
            .collect(),
        None => Vec::new(),
    };
    // An open overlay covers the view: only the texts on its card are read.
    let card = ElementHandle::find_by_element_type_name(window, "OverlayCard").next();
    let on_card: Option<Vec<Rect>> = card.as_ref().map(|c| {
        c.query_descendants()
            .match_type_name("Label")
            .find_all()
            .iter()
            .map(rect_of)
            .collect()
    });
    if let Some(card) = &card {
        boxes = card
            .query_descendants()
            .match_type_name("FocusTile")
            .find_all()
            .iter()
            .map(rect_of)
            .collect();
    }
    let shown: Vec<_> = census
        .iter()
        .filter(|t| {
            on_card
                .as_ref()
                .is_none_or(|rects| rects.iter().any(|r| same(r, &t.rect)))
        })
        .filter(|t| !t.text.trim().is_empty() && t.rect.w >= 1.0 && t.rect.h >= 1.0)
        .filter(|t| inside(&screen, &t.rect))
        .filter(|t| !scrolled_away.iter().any(|r| same(r, &t.rect)))
        .filter(|t| {
            pages
                .iter()
                .all(|p| intersection(p, &t.rect) == 0.0 || inside(p, &t.rect))
        })
        .collect();
    // DESIGN §1: body text ≥ 32 px on a TV (at 1080 logical), ≥ 24 px on a tablet; the kiosk's
    // body size is 30 px.
    let smallest = match h.shell().profile() {
        Profile::Tv => 32.0,
        Profile::Tablet => 24.0,
        Profile::Kiosk => 30.0,
    };
    let mut out = Vec::new();
    // A view that does not scroll must show all its text: none cut by or pushed past the
    // window's edge.
    if pages.is_empty() {
        for t in census
            .iter()
            .filter(|t| !t.text.trim().is_empty() && t.rect.w >= 1.0 && t.rect.h >= 1.0)
        {
            if on_card.is_none() && !inside(&screen, &t.rect) {
                out.push(format!(
                    "{:?} at {:?} is cut by the window's edge",
                    t.text, t.rect
                ));
            }
        }
    }
    for t in &shown {
        if t.font_px + 0.01 < smallest {
            out.push(format!(
                "{:?} is set at {} px, under {smallest}",
                t.text, t.font_px
            ));
        }
        if !t.fits {
            out.push(format!(
                "{:?} does not fit its {:.0}×{:.0}",
                t.text, t.rect.w, t.rect.h
            ));
        }
        for b in &boxes {
            // A tile of the body scrolled partly under the header is not where the header's
            // texts are: they are drawn over the clipped part.
            let clipped = body
                .as_ref()
                .is_some_and(|body| !inside(body, b) && !inside(body, &t.rect));
            if intersection(b, &t.rect) > 1.0 && !inside(b, &t.rect) && !clipped {
                out.push(format!(
                    "{:?} at {:?} spills out of its box {b:?}",
                    t.text, t.rect
                ));
            }
        }
    }
    // In enlarged text a tile's rows are as tall as its text needs: a tile shown whole keeps
    // its detail line (at the profile's sizes a detail gives way when the screen is short).
    if enlarged && on_card.is_none() {
        for tile in ElementHandle::find_by_element_type_name(window, "FocusTile") {
            let r = rect_of(&tile);
            let clipped = body
                .as_ref()
                .is_some_and(|b| intersection(b, &r) > 0.0 && !inside(b, &r));
            if !inside(&screen, &r) || clipped {
                continue;
            }
            let detail = tile.accessible_description().unwrap_or_default();
            let label = tile.accessible_label().unwrap_or_default();
            // A description shown anywhere (a number entry's refusal, under the entry) is not
            // a detail line dropped.
            if !detail.is_empty() && !census.iter().any(|t| detail == t.text && t.rect.h >= 1.0) {
                out.push(format!("{label:?} drops its detail {detail:?}"));
            }
        }
    }
    for (i, a) in shown.iter().enumerate() {
        for b in &shown[i + 1..] {
            if intersection(&a.rect, &b.rect) > 1.0 {
                out.push(format!("{:?} is drawn over {:?}", a.text, b.text));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

fn check(h: &Harness, found: &mut Vec<String>, context: &str) {
    // A view whose texts never answered would pass unseen.
    assert!(
        !h.text_census().unwrap().is_empty(),
        "{context}: no text answered the census"
    );
    for p in problems(h) {
        found.push(format!("{context}: {p}"));
    }
}

/// The booking steps with what a backend fills in: slots, a refused number, the answers to
/// check, the reference, the device's bookings.
fn booking_steps_fit(h: &Harness, found: &mut Vec<String>, at: &str) {
    let rt = support::runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(std::path::Path::new(
            ":memory:",
        )))
        .unwrap();
    let outbox = support::fresh_dir("fits-booking").join("outbox.sqlite3");
    let config = support::service_config(
        backend.base_url(),
        backend.device_token().to_owned(),
        &outbox,
    );
    h.shell().start_service(config).unwrap();
    h.settle().unwrap();
    assert!(h.shell().open("callback"));
    let view = |h: &Harness| h.shell().view_name();
    h.press_keys("Down Return Return").unwrap();
    assert_eq!(view(h), "callback-slot");
    check(h, found, &format!("{at}slots"));
    h.press_keys("Return 1 2 Return").unwrap();
    assert_eq!(view(h), "callback-mobile");
    check(h, found, &format!("{at}a refused mobile number"));
    h.press_keys("F1 F1 1 3 8 0 0 1 3 8 0 0 0 Return").unwrap();
    check(h, found, &format!("{at}consent"));
    h.press_keys("Return").unwrap();
    assert_eq!(view(h), "callback-review");
    check(h, found, &format!("{at}the answers to check"));
    h.press_keys("Return").unwrap();
    assert_eq!(view(h), "callback-done");
    check(h, found, &format!("{at}the reference"));
    // More bookings than the list shows, so it is checked full.
    for _ in 0..3 {
        assert!(h.shell().open("callback"));
        h.press_keys("Return Return Return 1 3 8 0 0 1 3 8 0 0 0 Return Return Return")
            .unwrap();
        assert_eq!(view(h), "callback-done");
    }
    assert!(h.shell().open("bookings"));
    h.settle().unwrap();
    check(h, found, &format!("{at}my bookings"));
}

/// Application status with what a backend fills in, in a window tall enough to show each answer
/// whole: a refused number, a wrong mobile number, the timeline of every demo application, and
/// on a household box the consent to remember one and the remembered one offered first.
/// A harness 6,000 logical pixels tall (every text of a long page at once) at `size`, whose
/// service talks to a reference backend on loopback (`tune` adjusts the service's settings,
/// given the directory of its files); with the runtime that keeps the backend running.
fn backed(
    profile: Profile,
    mode: DisplayMode,
    size: TextSize,
    name: &str,
    tune: impl FnOnce(&mut legal_kiosk_core::service::ServiceConfig, &std::path::Path),
) -> (
    Harness,
    tokio::runtime::Runtime,
    legal_kiosk_backend::LocalBackend,
) {
    let (width, _) = profile.logical_size();
    let h = sized(
        Harness::with_size(profile, mode, width, 6_000, 1.0).unwrap(),
        size,
    );
    let rt = support::runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(std::path::Path::new(
            ":memory:",
        )))
        .unwrap();
    let dir = support::fresh_dir(name);
    let mut config = support::service_config(
        backend.base_url(),
        backend.device_token().to_owned(),
        &dir.join("outbox.sqlite3"),
    );
    tune(&mut config, &dir);
    h.shell().start_service(config).unwrap();
    h.settle().unwrap();
    (h, rt, backend)
}

fn status_steps_fit(profile: Profile, size: TextSize, found: &mut Vec<String>) {
    for mode in DisplayMode::ALL {
        let at = |what: &str| format!("{profile} {mode} {size} status: {what}");
        let (h, _rt, _backend) = backed(profile, mode, size, "fits-status", |config, dir| {
            if profile.remembers_applications(None) {
                config.saved_application = Some(dir.join("saved-application.json"));
            }
        });
        let digits = |s: &str| s.chars().map(String::from).collect::<Vec<_>>().join(" ");
        let mobile = digits(legal_kiosk_backend::DEMO_MOBILE);
        assert!(h.shell().open("status"));
        h.press_keys("1 2 3 Return").unwrap();
        check(&h, found, &at("a refused number"));
        h.press_keys("F1 F1 F1").unwrap();
        for (number, state) in legal_kiosk_backend::DEMO_APPLICATIONS {
            // Home, as a person would go: the number typed last time goes with it.
            h.press_keys("Home").unwrap();
            assert!(h.shell().open("status"));
            h.press_keys(&format!(
                "{} Return 1 3 9 0 0 0 0 0 0 0 9 Return",
                digits(number)
            ))
            .unwrap();
            h.settle().unwrap();
            check(&h, found, &at("a wrong mobile number"));
            h.press_keys(&format!("F1 F1 F1 F1 F1 F1 F1 F1 F1 F1 F1 {mobile} Return"))
                .unwrap();
            h.settle().unwrap();
            assert_eq!(h.shell().view_name(), "status-result");
            check(&h, found, &at(&format!("{state:?}")));
        }
        if profile.remembers_applications(None) {
            support::press_until(&h, "Down", "remember", 20);
            h.press_keys("Return").unwrap();
            check(&h, found, &at("the consent to remember"));
            h.press_keys("Return").unwrap();
            h.settle().unwrap();
            assert!(h.shell().open("status"));
            h.settle().unwrap();
            check(&h, found, &at("the remembered application"));
        }
    }
}

/// A law firm's page with its credit record from the reference backend (red list, black list
/// with its basis, assessment), in a window tall enough to show it whole.
fn office_credit_fits(profile: Profile, size: TextSize, found: &mut Vec<String>) {
    let bundle = support::bundle();
    for mode in DisplayMode::ALL {
        let (h, _rt, _backend) = backed(profile, mode, size, "fits-credit", |_, _| {});
        let region = h.shell().guides().region().unwrap();
        let firm = bundle
            .offices
            .iter()
            .find(|o| o.region == region && o.kinds.contains(&legal_kiosk_api::OfficeKind::LawFirm))
            .unwrap();
        assert!(h.shell().open("offices"));
        h.settle().unwrap();
        h.shell().tap(&format!("office-{}", firm.id.as_str()));
        support::wait_until(&h, "the credit record", || {
            h.shell().item_rect("credit-2").is_some()
        });
        check(
            &h,
            found,
            &format!("{profile} {mode} {size} a law firm's credit record"),
        );
    }
}

/// The steps of a suggestion with what a backend fills in: the offices to choose from, a
/// refused mobile number, the phone page's QR code, the answers to check, and the reference
/// with the QR code to send the words after.
fn feedback_steps_fit(profile: Profile, size: TextSize, found: &mut Vec<String>) {
    for mode in DisplayMode::ALL {
        let (h, _rt, _backend) = backed(profile, mode, size, "fits-feedback", |_, _| {});
        let at = |what: &str| format!("{profile} {mode} {size} {what}");
        let view = |h: &Harness| h.shell().view_name();
        assert!(h.shell().open("feedback"));
        h.settle().unwrap();
        // A suggestion about an office of the region.
        h.press_keys("Right Return Down Return").unwrap();
        assert_eq!(view(&h), "feedback-pick");
        check(&h, found, &at("the offices to choose from"));
        h.press_keys("Return 1 2 Return").unwrap();
        assert_eq!(view(&h), "feedback-mobile");
        check(&h, found, &at("a refused mobile number"));
        h.press_keys("F1 F1 1 3 8 0 0 1 3 8 0 0 0 Return").unwrap();
        assert_eq!(view(&h), "feedback-text");
        check(&h, found, &at("the words' QR code"));
        h.press_keys("Return").unwrap();
        assert_eq!(view(&h), "feedback-review");
        check(&h, found, &at("the answers to check"));
        h.press_keys("Return").unwrap();
        assert_eq!(view(&h), "feedback-done");
        support::wait_until(&h, "the reference", || h.shell().item_rect("big").is_some());
        check(&h, found, &at("the reference and the words' QR code"));
    }
}

/// Tall enough for the longest guide page in any mode (the test says if one grows taller).
const TALL: u32 = 24_000;

/// `h` drawing its text at `size`.
fn sized(h: Harness, size: TextSize) -> Harness {
    h.shell().configure_settings(None, false, Some(size));
    h.settle().unwrap();
    h
}

/// Every view a remote reaches, in every language mode, on `profile` with its text at `size`.
fn every_view_fits(profile: Profile, size: TextSize) {
    let bundle = support::bundle();
    let mut found = Vec::new();
    for mode in DisplayMode::ALL {
        let h = sized(Harness::new(profile, mode).unwrap(), size);
        let at = |what: &str| format!("{profile} {mode} {size} {what}");
        check(&h, &mut found, &at("home"));
        for name in h.shell().view_names() {
            if ["home", "guide", "guide-list"].contains(&name) {
                continue;
            }
            assert!(h.shell().open(name));
            h.settle().unwrap();
            check(&h, &mut found, &at(name));
        }
        // Every category's list (opened by a tap on its tile: the same activation as OK).
        for category in &bundle.categories {
            assert!(h.shell().open("guides"));
            h.settle().unwrap();
            h.shell().tap(category.id.as_str());
            h.settle().unwrap();
            assert_eq!(h.shell().view(), legal_kiosk::ui::View::GuideList);
            check(&h, &mut found, &at(&format!("the list of {}", category.id)));
        }
        assert!(h.shell().open("guides"));
        h.press_keys("3").unwrap();
        check(&h, &mut found, &at("search 3 (a long list)"));
        assert!(h.shell().open("guides"));
        h.press_keys("9").unwrap();
        check(&h, &mut found, &at("search 9"));
        assert!(h.shell().open("guides"));
        h.press_keys("3 5 9 9").unwrap();
        check(&h, &mut found, &at("search 3599"));
        h.press_keys("1 1 1").unwrap();
        check(&h, &mut found, &at("a search without results"));
        h.shell().open("home");
        h.shell()
            .open_overlay("backend-problem-title", "backend-problem");
        h.settle().unwrap();
        check(&h, &mut found, &at("overlay"));
        // What start-up says about a config file, with every kind of line it can hold.
        {
            use legal_kiosk::connection::ConfigFix;
            use legal_kiosk_core::config::{ConfigProblem, ProblemKind};
            let problems = [
                ConfigProblem {
                    key: "font_scale".into(),
                    kind: ProblemKind::Unknown,
                },
                ConfigProblem {
                    key: "idle_timeout_secs".into(),
                    kind: ProblemKind::BadValue("invalid type".into()),
                },
            ];
            let fixes = [
                ConfigFix::BackendWithoutToken,
                ConfigFix::BadKey,
                ConfigFix::Unreadable(
                    "/etc/legal-kiosk/config.toml: expected `=` at line 3".into(),
                ),
            ];
            h.press_keys("Return").unwrap();
            h.shell().report_config(&problems, &fixes);
            check(&h, &mut found, &at("a config that cannot work"));
            // The line along the bottom that stays is taken away, so the views after are
            // measured as a working box shows them.
            {
                use slint::ComponentHandle;
                h.shell()
                    .window()
                    .global::<legal_kiosk::ui::Notices>()
                    .set_config_broken(false);
            }
            h.press_keys("Return").unwrap();
            h.shell().report_config(&problems, &[]);
            check(&h, &mut found, &at("settings left out of the config"));
            h.press_keys("Return").unwrap();
        }
        if profile == Profile::Kiosk {
            h.press_keys("Return").unwrap();
            h.press_keys("wait:45").unwrap();
            {
                use slint::ComponentHandle;
                let overlay = h.shell().window().global::<legal_kiosk::ui::Overlay>();
                assert_eq!(overlay.get_title_id(), "idle-warning-title");
                assert!(overlay.get_open());
            }
            check(&h, &mut found, &at("the idle warning"));
            h.press_keys("Return").unwrap();
        }
        booking_steps_fit(&h, &mut found, &at(""));
    }
    status_steps_fit(profile, size, &mut found);
    office_credit_fits(profile, size, &mut found);
    feedback_steps_fit(profile, size, &mut found);
    // A guide page in a window tall enough to show it whole: every text at once, none
    // scrolled under the header.
    let (width, _) = profile.logical_size();
    for mode in DisplayMode::ALL {
        let h = sized(
            Harness::with_size(profile, mode, width, TALL, 1.0).unwrap(),
            size,
        );
        for guide in &bundle.guides {
            assert!(h.shell().open(&format!("guide:{}", guide.id)));
            h.settle().unwrap();
            let last = h.shell().item_rect("qr").unwrap();
            assert!(
                last.bottom() < TALL as f32,
                "guide:{} ends at {}: make TALL taller",
                guide.id,
                last.bottom()
            );
            check(
                &h,
                &mut found,
                &format!("{profile} {mode} {size} guide:{}", guide.id),
            );
        }
    }
    found.dedup();
    assert!(
        found.is_empty(),
        "{} texts do not fit:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_text_fits_on_tv() {
    every_view_fits(Profile::Tv, TextSize::Normal);
}

#[test]
fn every_text_fits_on_tv_in_large_text() {
    every_view_fits(Profile::Tv, TextSize::Large);
}

#[test]
fn every_text_fits_on_tv_in_extra_large_text() {
    every_view_fits(Profile::Tv, TextSize::ExtraLarge);
}

#[test]
fn every_text_fits_on_tablet() {
    every_view_fits(Profile::Tablet, TextSize::Normal);
}

#[test]
fn every_text_fits_on_tablet_in_large_text() {
    every_view_fits(Profile::Tablet, TextSize::Large);
}

#[test]
fn every_text_fits_on_tablet_in_extra_large_text() {
    every_view_fits(Profile::Tablet, TextSize::ExtraLarge);
}

/// A kiosk has one text size ([`TextSize::for_profile`]).
#[test]
fn every_text_fits_on_kiosk() {
    every_view_fits(Profile::Kiosk, TextSize::Normal);
}

#[test]
fn a_title_too_long_for_its_room_is_found() {
    let h = Harness::new(Profile::Tablet, DisplayMode::Zh).unwrap();
    assert!(h.shell().open("guides"));
    h.press_keys("Return Return").unwrap();
    assert!(problems(&h).is_empty(), "{:?}", problems(&h));
    let adapter = h.shell().window().global::<legal_kiosk::ui::GuideAdapter>();
    adapter.set_title("法律援助申请".repeat(30).into());
    h.settle().unwrap();
    let found = problems(&h);
    assert!(
        found.iter().any(|p| p.contains("法律援助申请法律援助申请")),
        "{found:?}"
    );
}

/// Where `item` falls out of sight: under the header, past the window's edge, or out of a
/// scrolling page it is on (an item taller than its page need only fill it). `None`: in view.
fn out_of_sight(h: &Harness, item: &Rect) -> Option<String> {
    let screen = h.visible_area();
    if !inside(&screen, item) {
        return Some(format!("past the window's edge {screen:?}"));
    }
    ElementHandle::find_by_element_type_name(h.shell().window(), "ScrollPage")
        .map(|p| rect_of(&p))
        .filter(|p| intersection(p, item) > 0.0 && !inside(p, item))
        .find(|p| !(item.h > p.h && item.y <= p.y + 0.5 && item.bottom() >= p.bottom() - 0.5))
        .map(|p| format!("cut by its page {p:?}"))
}

/// In extra large text, where views outgrow the screen, every item the arrows reach is
/// shown whole when it is focused: the view's body scrolls it out from under the header and
/// from past the window's bottom. Each view is walked down, right and left; then Up all the
/// way shows the body from its start (the text above its first item, which Up scrolls to
/// before the focus leaves for the header, so there the focused item may leave sight).
fn the_focus_stays_in_sight(profile: Profile) {
    let mut found = Vec::new();
    let walk = ["Down"; 12]
        .into_iter()
        .chain(["Right"; 6])
        .chain(["Left"; 6])
        .chain(["Up"; 20]);
    for mode in DisplayMode::ALL {
        let h = sized(Harness::new(profile, mode).unwrap(), TextSize::ExtraLarge);
        let names = h.shell().view_names();
        for name in names
            .iter()
            .filter(|n| !["guide", "guide-list"].contains(n))
        {
            assert!(h.shell().open(name));
            h.settle().unwrap();
            let mut reached = 0;
            for key in walk.clone() {
                h.press_keys(key).unwrap();
                let Some((item, _)) = h.shell().focused() else {
                    continue;
                };
                let rect = h.shell().item_rect(&item).unwrap();
                reached += 1;
                if key == "Up" {
                    continue;
                }
                if let Some(problem) = out_of_sight(&h, &rect) {
                    found.push(format!(
                        "{profile} {mode} {name}: {item} at {rect:?} after {key}: {problem}"
                    ));
                }
            }
            assert!(reached > 0, "{profile} {mode} {name}: nothing focused");
            let offset = h
                .shell()
                .window()
                .global::<legal_kiosk::ui::Pages>()
                .get_body_offset();
            if offset > 0.5 {
                found.push(format!(
                    "{profile} {mode} {name}: Up all the way leaves the body scrolled {offset}"
                ));
            }
        }
    }
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "{} items out of sight:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_focus_stays_in_sight_on_tv_in_extra_large_text() {
    the_focus_stays_in_sight(Profile::Tv);
}

#[test]
fn the_focus_stays_in_sight_on_tablet_in_extra_large_text() {
    the_focus_stays_in_sight(Profile::Tablet);
}
