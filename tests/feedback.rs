//! Complaints and suggestions (投诉建议): the official channels come first; a remote sends a
//! suggestion about a service with a mobile number, the words on a phone page, and it arrives
//! once on a real backend with the reference shown; made offline, it waits in the outbox and
//! arrives when the backend returns; a TV takes no free text, a tablet's keyboard does; a
//! kiosk forgets the draft.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::{Link, LinkStatus, StepAdapter};
use legal_kiosk_api::{FeedbackRequest, OfficeKind};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use slint::{ComponentHandle, Model};
use support::{focused, fresh_dir, press_until, runtime, started, wait_until};

const MOBILE: &str = "13800138000";

fn adapter(h: &Harness) -> StepAdapter<'_> {
    h.shell().window().global::<StepAdapter>()
}

fn choice_ids(h: &Harness) -> Vec<String> {
    adapter(h)
        .get_choices()
        .iter()
        .map(|c| c.id.to_string())
        .collect()
}

fn press(h: &Harness, keys: &str) {
    h.press_keys(keys).unwrap();
    h.settle().unwrap();
}

/// One feedback row of the backend: (reference, kind, service, mobile, text_page).
type Row = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The feedback rows the backend holds.
fn rows(db: &legal_kiosk_backend::Db) -> Vec<Row> {
    let conn = db.lock();
    let mut stmt = conn
        .prepare(
            "SELECT reference, kind, service, mobile, text_page FROM feedback ORDER BY reference",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The justice bureau the bundle has for `region` (the supervising bureau's phone).
fn bureau_phone(region: &legal_kiosk_api::RegionCode) -> Option<String> {
    support::bundle()
        .offices
        .into_iter()
        .find(|o| &o.region == region && o.kinds.contains(&OfficeKind::JusticeBureau))
        .map(|o| o.phone)
}

#[test]
fn a_remote_sends_a_suggestion_that_arrives_once_with_its_reference() {
    let (_rt, backend, h, _outbox) =
        started(Profile::Tv, DisplayMode::Zh, "feedback-remote", |_| {});
    let region = h.shell().guides().region().unwrap();

    // Home on a TV: the feedback tile is below guides.
    press_until(&h, "Down", "feedback", 2);
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "feedback");
    // The official channels first: 12348 in large digits, and the bureau's phone.
    assert_eq!(adapter(&h).get_big(), "12348");
    let phone = bureau_phone(&region).expect("the demo content has a justice bureau");
    let intro = adapter(&h).get_intro().to_string();
    assert!(intro.contains(&phone), "{intro}");
    assert!(
        intro.contains("演示"),
        "the demo bureau is said to be demo: {intro}"
    );
    assert_eq!(
        choice_ids(&h),
        ["kind-complaint", "kind-suggestion", "kind-praise"]
    );
    assert_eq!(focused(&h), "kind-complaint");
    press(&h, "Right Return");

    assert_eq!(h.shell().view_name(), "feedback-about");
    assert_eq!(focused(&h), "about-service");
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "feedback-pick");
    // Every category of the content is a service one can name.
    let categories = support::bundle().categories;
    let ids = choice_ids(&h);
    assert_eq!(ids.len(), categories.len(), "{ids:?}");
    let first = &categories[0].id;
    assert_eq!(focused(&h), format!("service-{}", first.as_str()));
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "feedback-mobile");
    assert_eq!(focused(&h), "mobile");
    press(&h, "1 3 8 0 0 1 3 8 0 0 0 Return");

    assert_eq!(h.shell().view_name(), "feedback-text");
    // The words go on a phone: a QR code to a page of the backend with a random id.
    assert!(adapter(&h).get_has_qr(), "a QR code for the words");
    // A TV takes no free text.
    h.dispatch_key("鑫".into());
    h.settle().unwrap();
    assert!(!adapter(&h).get_intro().contains('鑫'));
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "feedback-review");
    let review = adapter(&h).get_intro().to_string();
    assert!(review.contains("138****8000"), "masked: {review}");
    assert!(!review.contains(MOBILE), "{review}");
    assert!(review.contains("建议"), "{review}");
    assert!(review.contains(&categories[0].name.zh), "{review}");
    // Nothing is sent before the person sends it.
    assert!(rows(backend.db()).is_empty());
    assert_eq!(focused(&h), "send");
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "feedback-done");
    let shown = adapter(&h).get_big().replace(' ', "");
    let stored = rows(backend.db());
    assert_eq!(stored.len(), 1, "{stored:?}");
    let (reference, kind, service, mobile, page) = &stored[0];
    assert_eq!(*reference, shown);
    assert_eq!(kind, "suggestion");
    assert_eq!(service.as_deref(), Some(first.as_str()));
    assert_eq!(mobile.as_deref(), Some(MOBILE));
    let page = page.clone().expect("the phone page's id is sent");
    assert!(legal_kiosk_api::TextPageId::parse(&page).is_ok());
    // Back from the confirmation goes Home, not into the form again.
    press(&h, "BackSpace");
    assert_eq!(h.shell().view_name(), "home");
    // It stays sent once: the outbox sends nothing more.
    h.run_for(std::time::Duration::from_millis(600)).unwrap();
    assert_eq!(rows(backend.db()).len(), 1);
}

#[test]
fn a_complaint_made_offline_waits_in_the_outbox_and_arrives_once_the_backend_returns() {
    let rt = runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(Path::new(":memory:")))
        .unwrap();
    let (addr, db) = (backend.addr(), backend.db().clone());
    let h = Harness::new(Profile::Tv, DisplayMode::Mn).unwrap();
    let outbox = fresh_dir("feedback-offline").join("outbox.sqlite3");
    h.shell()
        .start_service(support::service_config(
            backend.base_url(),
            backend.device_token().to_owned(),
            &outbox,
        ))
        .unwrap();
    h.settle().unwrap();
    rt.block_on(backend.shutdown()).unwrap();
    wait_until(&h, "offline", || {
        h.shell().window().global::<Link>().get_status() == LinkStatus::Offline
    });
    h.shell().open("feedback");
    h.settle().unwrap();
    // A complaint about nothing in particular, no mobile number, no words.
    press(&h, "Return Down Down Return");
    assert_eq!(h.shell().view_name(), "feedback-mobile");
    // No number: no reply wanted.
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "feedback-text");
    press(&h, "Return Return");
    assert_eq!(h.shell().view_name(), "feedback-done");
    // Saved, not received: no reference yet.
    assert_eq!(adapter(&h).get_big(), "");
    let _stop = rt.block_on(support::serve_again(db.clone(), addr));
    wait_until(&h, "the reference", || adapter(&h).get_big() != "");
    let stored = rows(&db);
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(stored[0].0, adapter(&h).get_big().replace(' ', ""));
    assert_eq!(stored[0].1, "complaint");
    assert_eq!(stored[0].3, None, "no mobile number was given");
}

#[test]
fn a_tablet_keyboard_types_the_words_and_a_kiosk_forgets_them() {
    for profile in [Profile::Tablet, Profile::Kiosk] {
        let h = Harness::new(profile, DisplayMode::Zh).unwrap();
        h.shell().open("feedback-text");
        h.settle().unwrap();
        for c in ["办", "事", "慢", "1"] {
            h.dispatch_key(c.into());
        }
        h.settle().unwrap();
        let intro = adapter(&h).get_intro().to_string();
        assert!(intro.contains("办事慢1"), "{profile:?}: {intro}");
        // The delete key takes the last one back, and so does a keyboard's BackSpace, without
        // leaving the page while there is text to erase.
        press(&h, "F1");
        let intro = adapter(&h).get_intro().to_string();
        assert!(
            intro.contains("办事慢") && !intro.contains("办事慢1"),
            "{intro}"
        );
        press(&h, "BackSpace");
        assert_eq!(h.shell().view_name(), "feedback-text");
        let intro = adapter(&h).get_intro().to_string();
        assert!(
            intro.contains("办事") && !intro.contains("办事慢"),
            "{intro}"
        );
        // Past the limit nothing more goes in, and the screen says so.
        let long = "字".repeat(FeedbackRequest::TEXT_MAX_CHARS);
        h.dispatch_key(long.as_str().into());
        h.settle().unwrap();
        let intro = adapter(&h).get_intro().to_string();
        let max = FeedbackRequest::TEXT_MAX_CHARS.to_string();
        assert!(intro.contains(&format!("{max}/{max}")), "{intro}");
        assert!(intro.contains("上限"), "{intro}");
        if profile == Profile::Kiosk {
            // The stranger walks away: the kiosk forgets what was typed.
            press(&h, "wait:600");
            h.shell().open("feedback-text");
            h.settle().unwrap();
            let intro = adapter(&h).get_intro().to_string();
            assert!(!intro.contains("办事慢"), "{intro}");
        }
    }
}
