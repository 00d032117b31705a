//! 12348 callback booking on screen, against the real reference backend on loopback: a remote
//! goes Home → 12348 → topic → language → slot → digits → consent → confirm → reference on a
//! TV in Chinese and in Mongolian; fingers do the same on a tablet and a kiosk; a booking made
//! while the backend is down is shown saved and is delivered once it is back; a guide fills in
//! the topic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;
use std::time::Duration;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::{Link, LinkStatus, StepAdapter};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use slint::{ComponentHandle, Model};
use support::{focused, fresh_dir, press_until, runtime, started, tap, wait_until};

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

/// The reference on screen, as the backend writes it (the screen groups its digits).
fn shown_reference(h: &Harness) -> String {
    adapter(h).get_big().replace(' ', "")
}

/// The references the backend holds for `mobile`.
fn references(db: &legal_kiosk_backend::Db, mobile: &str) -> Vec<String> {
    let conn = db.lock();
    let mut stmt = conn
        .prepare("SELECT reference FROM callbacks WHERE mobile = ?1 ORDER BY reference")
        .unwrap();
    stmt.query_map([mobile], |r| r.get::<_, String>(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The first guide category of the content built into the app.
fn first_topic() -> String {
    format!("topic-{}", support::bundle().categories[0].id.as_str())
}

fn press(h: &Harness, keys: &str) {
    h.press_keys(keys).unwrap();
    h.settle().unwrap();
}

/// From Home to the reference number with the remote alone.
fn book_by_remote(mode: DisplayMode) {
    let (_rt, backend, h, _outbox) = started(
        Profile::Tv,
        mode,
        &format!("callback-remote-{mode}"),
        |_| {},
    );

    press_until(&h, "Right", "callback", 6);
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "callback");
    // Every category of the content is a topic, and "other" too.
    let ids = choice_ids(&h);
    for c in &support::bundle().categories {
        assert!(ids.contains(&format!("topic-{}", c.id.as_str())), "{ids:?}");
    }
    assert!(ids.contains(&"topic-other".to_owned()));
    assert_eq!(
        focused(&h),
        first_topic(),
        "a new booking starts on the first topic"
    );
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "callback-lawyer");
    // The lawyer's language defaults to the UI's.
    let lang = if mode == DisplayMode::Zh { "zh" } else { "mn" };
    assert_eq!(focused(&h), format!("lang-{lang}"));
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "callback-slot");
    assert_eq!(focused(&h), "asap", "as soon as possible comes first");
    let ids = choice_ids(&h);
    // The first day has no day before it: no tile the focus could land on for nothing.
    assert!(!ids.contains(&"day-before".to_owned()), "{ids:?}");
    assert!(ids.contains(&"day-after".to_owned()), "{ids:?}");
    assert!(ids.iter().any(|i| i.starts_with("slot-s-")), "{ids:?}");
    assert!(
        ids.iter()
            .filter(|i| i.starts_with("slot-"))
            .all(|i| i.contains(&format!("-{lang}-"))),
        "only slots in the lawyer's language: {ids:?}"
    );
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "callback-mobile");
    assert_eq!(focused(&h), "mobile");
    // A wrong digit, deleted with the red key without leaving the page.
    press(&h, "1 3 8 0 0 1 3 8 0 0 9 F1 0");
    assert_eq!(adapter(&h).get_entry_value(), "138 0013 8000");
    assert_eq!(h.shell().view_name(), "callback-mobile");
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "callback-consent");
    assert_eq!(focused(&h), "agree");
    let before = legal_kiosk_backend::callback_count(backend.db()).unwrap();
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "callback-review");
    // Nothing is sent before the person confirms.
    assert_eq!(
        legal_kiosk_backend::callback_count(backend.db()).unwrap(),
        before
    );
    let review: Vec<String> = adapter(&h)
        .get_choices()
        .iter()
        .map(|c| c.label.to_string())
        .collect();
    assert!(
        review.iter().any(|l| l.contains("138****8000")),
        "masked: {review:?}"
    );
    assert!(!review.iter().any(|l| l.contains(MOBILE)), "{review:?}");
    assert_eq!(focused(&h), "confirm");
    press(&h, "Return");

    assert_eq!(h.shell().view_name(), "callback-done");
    // settle() waited for the booking to be sent: the reference is on screen.
    let shown = shown_reference(&h);
    assert_eq!(references(backend.db(), MOBILE), vec![shown.clone()]);
    assert_eq!(
        legal_kiosk_backend::callback_count(backend.db()).unwrap(),
        before + 1
    );
    // The topic reaches the lawyer: the category, in Chinese, in the booking's note.
    let note: Option<String> = backend
        .db()
        .lock()
        .query_row(
            "SELECT note FROM callbacks WHERE mobile = ?1",
            [MOBILE],
            |r| r.get(0),
        )
        .unwrap();
    let category = &support::bundle().categories[0].name.zh;
    assert_eq!(
        note.as_deref(),
        Some(format!("咨询类别：{category}").as_str())
    );
    // A QR code opens the booking's page on a phone (it asks for the mobile number there).
    assert!(adapter(&h).get_has_qr());
    let page = format!("{}/c/{}", backend.base_url(), shown);
    let pixels = |i: slint::Image| i.to_rgba8().map(|b| b.as_bytes().to_vec());
    assert_eq!(
        pixels(adapter(&h).get_qr()),
        pixels(legal_kiosk::guides::qr::image(&page)),
        "the QR code points at {page}"
    );
    // Back from the confirmation goes Home, not into the form again.
    press(&h, "BackSpace");
    assert_eq!(h.shell().view_name(), "home");
}

#[test]
fn a_remote_books_a_callback_in_chinese() {
    book_by_remote(DisplayMode::Zh);
}

#[test]
fn a_remote_books_a_callback_in_mongolian() {
    book_by_remote(DisplayMode::Mn);
}

/// The same by taps: the topic, the language, the first free slot of the day, the number on
/// the on-screen keypad, consent and confirm.
fn book_by_taps(profile: Profile) {
    let (_rt, backend, h, outbox) = started(
        profile,
        DisplayMode::Zh,
        &format!("callback-taps-{profile}"),
        |service| {
            if profile == Profile::Kiosk {
                // As the app sets it up on a kiosk (connection::BackendChoice::service_config).
                service.keep_sent = Duration::ZERO;
            }
        },
    );
    tap(&h, "callback");
    tap(&h, "topic-other");
    tap(&h, "lang-mn");
    let slot = choice_ids(&h)
        .into_iter()
        .find(|i| i.starts_with("slot-"))
        .expect("a slot");
    tap(&h, &slot);
    assert_eq!(h.shell().view_name(), "callback-mobile");
    for d in "13800138001".chars() {
        tap(&h, &format!("key-{d}"));
    }
    tap(&h, "key-delete");
    tap(&h, "key-0");
    assert_eq!(adapter(&h).get_entry_value(), "138 0013 8000");
    tap(&h, "continue");
    tap(&h, "agree");
    tap(&h, "confirm");
    assert_eq!(h.shell().view_name(), "callback-done");
    let shown = shown_reference(&h);
    assert_eq!(references(backend.db(), MOBILE), vec![shown.clone()]);
    // The kiosk keeps no list of bookings for the next stranger, and no mobile number once
    // the backend has the booking; the tablet keeps both until the callback is long past.
    let has_list = choice_ids(&h).contains(&"my-bookings".to_owned());
    assert_eq!(has_list, profile != Profile::Kiosk);
    // Read before anything opens the file again: the bytes on the disk.
    let held = |path: &Path| {
        let bytes = std::fs::read(path).unwrap_or_default();
        bytes.windows(MOBILE.len()).any(|w| w == MOBILE.as_bytes())
    };
    let on_disk = held(&outbox) || held(&outbox.with_extension("sqlite3-wal"));
    assert_eq!(
        on_disk,
        profile != Profile::Kiosk,
        "the mobile number on the disk"
    );
    let rows = legal_kiosk_core::booking::Outbox::open(&outbox)
        .unwrap()
        .all()
        .unwrap();
    assert_eq!(
        rows.len(),
        usize::from(profile != Profile::Kiosk),
        "{rows:?}"
    );
    if has_list {
        tap(&h, "my-bookings");
        assert_eq!(h.shell().view_name(), "bookings");
        let rows: Vec<String> = adapter(&h)
            .get_choices()
            .iter()
            .map(|c| format!("{} {}", c.label, c.detail))
            .collect();
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].contains("138****8000"), "{rows:?}");
        assert!(
            rows[0].replace(' ', "").contains(&shown),
            "its reference: {rows:?}"
        );
    }
}

#[test]
fn fingers_book_a_callback_on_a_tablet() {
    book_by_taps(Profile::Tablet);
}

#[test]
fn fingers_book_a_callback_on_a_kiosk() {
    book_by_taps(Profile::Kiosk);
}

#[test]
fn a_booking_made_offline_is_saved_and_delivered_once_the_backend_returns() {
    let rt = runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(Path::new(":memory:")))
        .unwrap();
    let (addr, db) = (backend.addr(), backend.db().clone());
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    let outbox = fresh_dir("callback-offline").join("outbox.sqlite3");
    h.shell()
        .start_service(support::service_config(
            backend.base_url(),
            backend.device_token().to_owned(),
            &outbox,
        ))
        .unwrap();
    h.settle().unwrap();
    // The slots are fetched once online, then the backend goes away.
    h.shell().open("callback");
    h.settle().unwrap();
    assert_eq!(focused(&h), first_topic());
    press(&h, "Return Return");
    assert_eq!(h.shell().view_name(), "callback-slot");
    rt.block_on(backend.shutdown()).unwrap();
    wait_until(&h, "offline", || {
        h.shell().window().global::<Link>().get_status() == LinkStatus::Offline
    });
    press(&h, "BackSpace Return");
    // Offline: the last slots are shown, said to be the last known ones.
    assert_eq!(h.shell().view_name(), "callback-slot");
    let cached = adapter(&h).get_intro().to_string();
    assert!(cached.contains("连不上网络"), "{cached}");
    press(&h, "Return 1 3 8 0 0 1 3 8 0 0 0 Return Return Return");
    assert_eq!(h.shell().view_name(), "callback-done");
    let intro = adapter(&h).get_intro().to_string();
    assert!(intro.contains("已保存在本机"), "saved, not booked: {intro}");
    assert_eq!(adapter(&h).get_big(), "");
    assert!(references(&db, MOBILE).is_empty());

    let _stop = rt.block_on(support::serve_again(db.clone(), addr));
    wait_until(&h, "the reference", || adapter(&h).get_big() != "");
    let shown = shown_reference(&h);
    assert_eq!(references(&db, MOBILE), vec![shown]);
}

#[test]
fn a_guide_fills_in_the_topic_and_the_booking_starts_at_the_language() {
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    let guide = support::bundle().guides[0].clone();
    assert!(h.shell().open(&format!("guide:{}", guide.id.as_str())));
    h.settle().unwrap();
    press_until(&h, "Down", "ask-12348", 12);
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "callback-lawyer");
    press(&h, "BackSpace");
    assert_eq!(h.shell().view_name(), "guide", "Back returns to the guide");
    // The review names the guide as the topic.
    press(&h, "Return");
    assert!(h.shell().open("callback-review"));
    h.settle().unwrap();
    let topic = adapter(&h)
        .get_choices()
        .row_data(0)
        .unwrap()
        .label
        .to_string();
    assert!(topic.contains(&guide.title.zh), "{topic}");
}

#[test]
fn a_wrong_mobile_number_is_refused_with_its_reason_and_nothing_goes_on() {
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    h.shell().open("callback-mobile");
    h.settle().unwrap();
    for (digits, says) in [
        ("", "还没有输入"),
        ("2", "以 1 开头"),
        ("12", "第二位"),
        ("1380013", "现在是 7 位"),
    ] {
        while adapter(&h).get_entry_value() != "" {
            press(&h, "F1");
        }
        let keys: Vec<String> = digits.chars().map(String::from).collect();
        if !keys.is_empty() {
            press(&h, &keys.join(" "));
        }
        press(&h, "Return");
        assert_eq!(h.shell().view_name(), "callback-mobile");
        let error = adapter(&h).get_entry_error().to_string();
        assert!(error.contains(says), "{digits:?}: {error}");
    }
    // A twelfth digit is not taken.
    while adapter(&h).get_entry_value() != "" {
        press(&h, "F1");
    }
    press(&h, "1 3 8 0 0 1 3 8 0 0 0 5");
    assert_eq!(adapter(&h).get_entry_value(), "138 0013 8000");
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "callback-consent");
}

#[test]
fn my_bookings_cancels_one_and_reschedules_another() {
    let (_rt, backend, h, _outbox) =
        started(Profile::Tv, DisplayMode::Zh, "callback-manage", |_| {});
    let book = |h: &Harness| {
        assert!(h.shell().open("callback"));
        h.settle().unwrap();
        press(
            h,
            "Return Return Return 1 3 8 0 0 1 3 8 0 0 0 Return Return Return",
        );
        assert_eq!(h.shell().view_name(), "callback-done");
        shown_reference(h)
    };
    let first = book(&h);
    let second = book(&h);
    let state = |reference: &str| -> String {
        legal_kiosk_backend::callback_state(backend.db(), reference)
            .unwrap()
            .unwrap()
    };
    assert_eq!(
        (state(&first), state(&second)),
        ("booked".into(), "booked".into())
    );

    // An extra OK on the confirmation does nothing: the reference stays on screen.
    assert_eq!(focused(&h), "big");
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "callback-done");
    // The newest is listed first; choose it and cancel it (OK twice: cancelling asks first).
    press(&h, "Down");
    press_until(&h, "Right", "my-bookings", 2);
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "bookings");
    let rows = choice_ids(&h);
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(focused(&h), rows[0], "the list opens on the newest");
    // Chosen, it is shown alone with its options, the focus on the first.
    press(&h, "Return");
    let labels: Vec<String> = adapter(&h)
        .get_choices()
        .iter()
        .map(|c| c.label.to_string())
        .collect();
    assert!(labels[0].contains(&grouped(&second)), "{labels:?}");
    assert_eq!(focused(&h), "cancel");
    press(&h, "Return");
    assert_eq!(state(&second), "booked", "one OK only asks");
    assert!(
        adapter(&h).get_intro().contains("再按一次"),
        "{}",
        adapter(&h).get_intro()
    );
    press(&h, "Return");
    assert_eq!(state(&second), "cancelled");
    assert!(
        choice_ids(&h).contains(&focused(&h)),
        "the focus is on something still there"
    );
    assert!(
        adapter(&h).get_intro().contains("已经取消"),
        "{}",
        adapter(&h).get_intro()
    );
    let labels: Vec<String> = adapter(&h)
        .get_choices()
        .iter()
        .map(|c| c.label.to_string())
        .collect();
    assert!(labels[0].contains("已取消"), "{labels:?}");

    // Back to the list; reschedule the first: a new slot, the same number, and the old one
    // is cancelled.
    press_until(&h, "Right", "list", 3);
    press(&h, "Return");
    assert_eq!(choice_ids(&h), rows, "the list again, newest first");
    press_until(&h, "Down", &rows[1], 3);
    press(&h, "Return");
    assert_eq!(focused(&h), "cancel");
    press(&h, "Right");
    assert_eq!(focused(&h), "reschedule");
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "callback-slot");
    let later = choice_ids(&h)
        .into_iter()
        .rfind(|i| i.starts_with("slot-"))
        .unwrap();
    // Down into the day's slots, then Right to the last one.
    press(&h, "Down Down");
    press_until(&h, "Right", &later, 6);
    press(&h, "Return");
    assert_eq!(h.shell().view_name(), "callback-mobile");
    assert_eq!(
        adapter(&h).get_entry_value(),
        "138 0013 8000",
        "the number is kept"
    );
    press(&h, "Return Return Return");
    assert_eq!(h.shell().view_name(), "callback-done");
    let third = shown_reference(&h);
    // The old one is cancelled by the service once the new one is booked.
    wait_until(&h, "the old booking cancelled", || {
        state(&first) == "cancelled"
    });
    assert_eq!(state(&third), "booked");
}

/// `138 0013 8000`-style grouping of a reference, as the list shows it.
fn grouped(reference: &str) -> String {
    let (head, tail) = reference.split_at(reference.len() - 4);
    let head: Vec<String> = head
        .as_bytes()
        .rchunks(3)
        .rev()
        .map(|c| String::from_utf8(c.to_vec()).unwrap())
        .collect();
    format!("{} {tail}", head.join(" "))
}

#[test]
fn a_booking_whose_slot_was_lost_asks_for_a_new_one_on_the_next_visit() {
    use legal_kiosk_core::booking::{Outbox, outbox::send_all};
    let rt = runtime();
    let backend = rt
        .block_on(legal_kiosk_backend::start_local(Path::new(":memory:")))
        .unwrap();
    let outbox = fresh_dir("callback-slot-gone").join("outbox.sqlite3");
    // Last visit: a booking waited offline while its slot closed; sent now, it is refused.
    {
        let past = legal_kiosk_api::SlotId::parse(legal_kiosk_backend::DEMO_PAST_SLOT).unwrap();
        let request = legal_kiosk_api::CallbackRequest {
            slot: past,
            mobile: legal_kiosk_api::MobileNumber::parse(MOBILE).unwrap(),
            name: None,
            lang: legal_kiosk_api::Lang::Zh,
            topic: None,
            note: None,
            replaces: None,
        };
        let store = Outbox::open(&outbox).unwrap();
        store.save(&request).unwrap();
        let store = tokio::sync::Mutex::new(store);
        let client =
            legal_kiosk_core::rest::RestClient::new(legal_kiosk_core::rest::RestConfig::new(
                backend.base_url(),
                backend.device_token().to_owned(),
            ))
            .unwrap();
        let sent = rt.block_on(send_all(&store, &client)).unwrap();
        assert_eq!(
            sent[0].1,
            legal_kiosk_core::booking::Sent::Refused(legal_kiosk_core::rest::ErrorCode::SlotGone)
        );
    }
    // This visit: the box starts and says so over Home.
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    h.shell()
        .start_service(support::service_config(
            backend.base_url(),
            backend.device_token().to_owned(),
            &outbox,
        ))
        .unwrap();
    h.settle().unwrap();
    let overlay = h.shell().window().global::<legal_kiosk::ui::Overlay>();
    assert!(overlay.get_open(), "the person is asked at once");
    assert_eq!(overlay.get_title_id(), "booking-needs-slot-title");
    press(&h, "Return");
    assert!(!overlay.get_open());
    // My bookings offers a new slot for it.
    assert!(h.shell().open("bookings"));
    h.settle().unwrap();
    let labels: Vec<String> = adapter(&h)
        .get_choices()
        .iter()
        .map(|c| c.label.to_string())
        .collect();
    assert!(labels[0].contains("重新选择时段"), "{labels:?}");
    press(&h, "Return");
    assert!(choice_ids(&h).contains(&"reschedule".to_owned()));
}

#[test]
fn my_bookings_pages_and_acts_on_the_booking_shown() {
    let (_rt, _backend, h, _outbox) =
        started(Profile::Tv, DisplayMode::Zh, "callback-pages", |_| {});
    // Four bookings, each with its own number (a number may hold three open ones).
    let mut references = Vec::new();
    for last in 1..=4 {
        assert!(h.shell().open("callback"));
        h.settle().unwrap();
        press(
            &h,
            &format!("Return Return Return 1 3 8 0 0 1 3 8 0 0 {last} Return Return Return"),
        );
        references.push(shown_reference(&h));
    }
    assert!(h.shell().open("bookings"));
    h.settle().unwrap();
    let page_one = choice_ids(&h);
    assert_eq!(
        page_one.len(),
        4,
        "three bookings and the older page: {page_one:?}"
    );
    assert_eq!(page_one[3], "older");
    press_until(&h, "Down", "older", 4);
    press(&h, "Return");
    let page_two = choice_ids(&h);
    assert_eq!(
        page_two.len(),
        2,
        "the oldest and the newer page: {page_two:?}"
    );
    assert!(!page_two.iter().any(|i| page_one[..3].contains(i)));
    // The focus is on the oldest booking, shown there, and OK chooses that one.
    assert_eq!(focused(&h), page_two[0]);
    press(&h, "Return");
    let chosen = adapter(&h)
        .get_choices()
        .row_data(0)
        .unwrap()
        .label
        .to_string();
    assert!(
        chosen.replace(' ', "").contains(&references[0]),
        "{chosen} is the oldest, {}",
        references[0]
    );
}
