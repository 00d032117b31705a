//! Application status on screen, against the real reference backend on loopback: a remote goes
//! Home → 办理进度 → number → mobile → timeline for every demo application on a TV in each
//! display mode; fingers do the same on a tablet and a kiosk; an unknown number and a wrong
//! mobile get one message; too many tries say how long to wait; offline shows nothing about a
//! person; a household box remembers an application with consent, and Home shows a badge when
//! the backend moves it on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use legal_kiosk::headless::Harness;
use legal_kiosk::ui::{HomeAdapter, Overlay, StageMark, StatusAdapter};
use legal_kiosk_api::{ApplicationState, ApplicationStatus, DayCount, StageState};
use legal_kiosk_backend::{DEMO_APPLICATIONS, DEMO_MOBILE, LocalBackend, put_application};
use legal_kiosk_core::Profile;
use legal_kiosk_core::i18n::DisplayMode;
use slint::{ComponentHandle, Model};
use support::{focused, fresh_dir, press_until, started, tap, wait_until};

fn adapter(h: &Harness) -> StatusAdapter<'_> {
    h.shell().window().global::<StatusAdapter>()
}

fn press(h: &Harness, keys: &str) {
    h.press_keys(keys).unwrap();
    h.settle().unwrap();
}

/// `"9999042713"` as remote key names: `"9 9 9 9 0 4 2 7 1 3"`.
fn keys(digits: &str) -> String {
    digits
        .chars()
        .map(String::from)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The application as the backend stores it.
fn record(backend: &LocalBackend, number: &str) -> ApplicationStatus {
    let conn = backend.db().lock();
    let body: String = conn
        .query_row(
            "SELECT body FROM applications WHERE number = ?1",
            [number],
            |r| r.get(0),
        )
        .unwrap();
    serde_json::from_str(&body).unwrap()
}

fn action_ids(h: &Harness) -> Vec<String> {
    adapter(h)
        .get_actions()
        .iter()
        .map(|a| a.id.to_string())
        .collect()
}

fn section_ids(h: &Harness) -> Vec<String> {
    let a = adapter(h);
    a.get_before()
        .iter()
        .chain(a.get_after().iter())
        .map(|s| s.id.to_string())
        .collect()
}

/// Everything the answer page says, as one text.
fn page_text(h: &Harness) -> String {
    let a = adapter(h);
    let mut out = vec![a.get_headline().to_string()];
    for s in a.get_before().iter().chain(a.get_after().iter()) {
        out.push(format!("{}\n{}", s.heading, s.body));
    }
    for s in a.get_stages().iter() {
        out.push(format!("{}\n{}", s.name, s.when));
    }
    out.join("\n")
}

/// From the number step to the answer (or its refusal) with the remote's digit keys.
fn look_up_by_remote(h: &Harness, number: &str, mobile: &str) {
    assert_eq!(h.shell().view_name(), "status");
    assert_eq!(focused(h), "number", "digits typed at once go in");
    press(h, &keys(number));
    assert_eq!(adapter(h).get_entry_value(), number);
    press(h, "Return");
    assert_eq!(h.shell().view_name(), "status-mobile");
    assert_eq!(focused(h), "mobile");
    press(h, &keys(mobile));
    press(h, "Return");
}

/// Every demo application, by remote, in `mode`: the timeline drawn from the backend's data,
/// and every part of the page reached by Down alone.
fn every_application_by_remote(mode: DisplayMode) {
    let (_rt, backend, h, _dir) =
        started(Profile::Tv, mode, &format!("status-remote-{mode}"), |_| {});
    for (number, state) in DEMO_APPLICATIONS {
        let stored = record(&backend, number);
        assert_eq!(stored.state, state);
        press(&h, "Home");
        press_until(&h, "Right", "status", 6);
        press(&h, "Return");
        look_up_by_remote(&h, number, DEMO_MOBILE);
        assert_eq!(h.shell().view_name(), "status-result", "{number}");
        let a = adapter(&h);
        assert!(a.get_headline().contains(number), "{}", a.get_headline());
        assert!(
            a.get_headline().contains("139****0000"),
            "the mobile is masked: {}",
            a.get_headline()
        );
        assert!(!page_text(&h).contains(DEMO_MOBILE));
        assert!(!a.get_demo().is_empty(), "demo data says so");
        // The timeline is the backend's stages, in order, each marked as it stands.
        let marks: Vec<StageMark> = a.get_stages().iter().map(|s| s.mark).collect();
        let expected: Vec<StageMark> = stored
            .stages
            .iter()
            .map(|s| match s.state {
                StageState::Done => StageMark::Done,
                StageState::Current => StageMark::Current,
                StageState::Pending => StageMark::Pending,
            })
            .collect();
        assert_eq!(marks, expected, "{number}");
        // An open 补正 request comes first; a decision brings the way to contest it.
        let sections = section_ids(&h);
        let open_request = stored.supplement_requests.iter().any(|r| !r.fulfilled);
        assert_eq!(
            sections.first().map(String::as_str) == Some("supplement"),
            open_request,
            "{number}: {sections:?}"
        );
        assert_eq!(
            sections.contains(&"appeal".to_owned()),
            stored.appeal.is_some(),
            "{number}: {sections:?}"
        );
        // Sentences to read are set in vertical columns in Mongolian, and drawn.
        h.settle().unwrap();
        let a = adapter(&h);
        for section in a.get_before().iter().chain(a.get_after().iter()) {
            let long = ["supplement", "appeal"].contains(&section.id.as_str());
            assert_eq!(
                section.vertical,
                long && mode != DisplayMode::Zh,
                "{number} {mode} {}",
                section.id
            );
            if section.vertical {
                assert!(
                    section.columns.row_count() > 0,
                    "{number}: no columns drawn"
                );
                assert!(
                    section
                        .body_mn
                        .chars()
                        .any(|c| ('\u{1820}'..='\u{1878}').contains(&c)),
                    "{number}: the columns' text is Mongolian"
                );
            }
        }
        // Down alone reaches every part, the last action included, with the ring in view.
        let mut seen = vec![focused(&h)];
        for _ in 0..40 {
            press(&h, "Down");
            support::assert_focus_visible(&h, &format!("{number} {mode}"));
            let now = focused(&h);
            if seen.last() != Some(&now) {
                seen.push(now);
            }
            if focused(&h) == "another" {
                break;
            }
        }
        for part in sections
            .iter()
            .map(String::as_str)
            .chain(["headline", "stages", "another"])
        {
            assert!(
                seen.iter().any(|s| s == part),
                "{number}: {part} never focused: {seen:?}"
            );
        }
    }
}

#[test]
fn a_remote_reaches_the_timeline_of_every_demo_application_in_chinese() {
    every_application_by_remote(DisplayMode::Zh);
}

#[test]
fn a_remote_reaches_the_timeline_of_every_demo_application_in_mongolian() {
    every_application_by_remote(DisplayMode::Mn);
}

#[test]
fn a_remote_reaches_the_timeline_of_every_demo_application_in_both_languages() {
    every_application_by_remote(DisplayMode::Bilingual);
}

/// The same by taps on the on-screen keypad.
fn look_up_by_taps(profile: Profile) {
    let (_rt, backend, h, _dir) = started(
        profile,
        DisplayMode::Zh,
        &format!("status-taps-{profile}"),
        |_| {},
    );
    let (number, _) = DEMO_APPLICATIONS[0];
    tap(&h, "status");
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "status");
    // A wrong digit, and the keypad's delete.
    for d in number.chars().take(3) {
        tap(&h, &format!("key-{d}"));
    }
    tap(&h, "key-5");
    tap(&h, "key-delete");
    for d in number.chars().skip(3) {
        tap(&h, &format!("key-{d}"));
    }
    h.settle().unwrap();
    assert_eq!(adapter(&h).get_entry_value(), number);
    tap(&h, "continue");
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "status-mobile");
    for d in DEMO_MOBILE.chars() {
        tap(&h, &format!("key-{d}"));
    }
    tap(&h, "look-up");
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "status-result");
    assert!(adapter(&h).get_headline().contains(number));
    let stored = record(&backend, number);
    assert_eq!(adapter(&h).get_stages().row_count(), stored.stages.len());
    // A kiosk shared by strangers never offers to remember; a tablet only by config.
    assert!(
        !action_ids(&h).contains(&"remember".to_owned()),
        "{profile}"
    );
    // A finger scrolls the page up until the last action is in sight.
    let visible = h.visible_area();
    for _ in 0..10 {
        let rect = h.shell().item_rect("another").unwrap();
        if rect.bottom() <= visible.bottom() {
            break;
        }
        let (x, y) = visible.center();
        h.drag((x, y + 200.0), (x, y - 200.0)).unwrap();
    }
    tap(&h, "another");
    h.settle().unwrap();
    assert_eq!(h.shell().view_name(), "status");
    assert_eq!(
        adapter(&h).get_entry_value(),
        "",
        "another application starts empty"
    );
}

#[test]
fn fingers_look_up_an_application_on_a_tablet() {
    look_up_by_taps(Profile::Tablet);
}

#[test]
fn fingers_look_up_an_application_on_a_kiosk() {
    look_up_by_taps(Profile::Kiosk);
}

#[test]
fn an_unknown_number_and_a_wrong_mobile_get_the_same_message() {
    let (_rt, _backend, h, _dir) =
        started(Profile::Tv, DisplayMode::Zh, "status-same-message", |_| {});
    let (number, _) = DEMO_APPLICATIONS[1];
    assert!(h.shell().open("status"));
    h.settle().unwrap();
    look_up_by_remote(&h, number, "13900000009");
    assert_eq!(h.shell().view_name(), "status-mobile", "no answer to show");
    let wrong = adapter(&h).get_message().to_string();
    assert!(!wrong.is_empty());
    press(&h, "Home");
    press_until(&h, "Right", "status", 6);
    press(&h, "Return");
    // Not a demo number: the same digits as one, but the last one changed.
    let mut unknown = number.to_owned();
    let last = unknown.pop().unwrap();
    unknown.push(if last == '0' { '1' } else { '0' });
    look_up_by_remote(&h, &unknown, DEMO_MOBILE);
    assert_eq!(h.shell().view_name(), "status-mobile");
    assert_eq!(adapter(&h).get_message().to_string(), wrong);
    // Typing again clears what was said about the last try.
    press(&h, "F1");
    assert_eq!(adapter(&h).get_message(), "");
}

#[test]
fn a_short_number_is_refused_on_the_device_and_digits_past_twenty_are_said_to_be_refused() {
    let h = Harness::new(Profile::Tv, DisplayMode::Zh).unwrap();
    assert!(h.shell().open("status"));
    press(&h, "1 2 3 Return");
    assert_eq!(
        h.shell().view_name(),
        "status",
        "nothing sent, the page stays"
    );
    assert!(
        adapter(&h).get_entry_error().contains('3'),
        "says how many digits it has"
    );
    press(&h, "F1 F1 F1");
    press(&h, &keys("12345678901234567890"));
    assert_eq!(adapter(&h).get_entry_value().len(), 20);
    assert_eq!(adapter(&h).get_entry_error(), "");
    press(&h, "5");
    assert_eq!(adapter(&h).get_entry_value().len(), 20);
    assert!(
        !adapter(&h).get_entry_error().is_empty(),
        "a refused digit is said to be refused"
    );
    // The red key deletes on the mobile step too, without leaving it.
    press(&h, "F1 F1 Return");
    press(&h, "1 3 9 F1");
    assert_eq!(h.shell().view_name(), "status-mobile");
    assert_eq!(adapter(&h).get_entry_value(), "13");
}

#[test]
fn too_many_tries_say_how_many_minutes_to_wait() {
    let (_rt, backend, h, _dir) = started(Profile::Tv, DisplayMode::Zh, "status-too-many", |_| {});
    let (number, _) = DEMO_APPLICATIONS[1];
    assert!(h.shell().open("status"));
    h.settle().unwrap();
    look_up_by_remote(&h, number, "13900000001");
    let no_match = adapter(&h).get_message().to_string();
    let mut message = no_match.clone();
    for wrong in 2..=legal_kiosk_backend::PER_PAIR + 1 {
        press(&h, "F1");
        press(&h, &format!("{} Return", wrong % 10));
        message = adapter(&h).get_message().to_string();
        if message != no_match {
            break;
        }
    }
    assert_ne!(
        message, no_match,
        "the lockout is told apart from a wrong answer"
    );
    // The minutes come from the backend's Retry-After, not from a number the app knows: age
    // the wrong answers by ten minutes, and the wait shrinks to what is left of the window.
    let (oldest, now): (i64, i64) = {
        let conn = backend.db().lock();
        conn.execute(
            "UPDATE verification_failures SET at = at - 600 WHERE scope <> 'lookup'",
            [],
        )
        .unwrap();
        let oldest = conn
            .query_row(
                "SELECT MIN(at) FROM verification_failures WHERE scope = 'pair'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        (oldest, chrono::Utc::now().timestamp())
    };
    let minutes = (oldest + legal_kiosk_backend::WINDOW_SECS - now + 59) / 60;
    assert!(minutes < (legal_kiosk_backend::WINDOW_SECS + 59) / 60);
    press(&h, "Return");
    let message = adapter(&h).get_message().to_string();
    assert!(
        message.contains(&format!(" {minutes} ")),
        "{message:?} should say {minutes} minutes"
    );
}

#[test]
fn offline_says_so_and_shows_nothing_about_a_person() {
    let (rt, backend, h, _dir) = started(Profile::Tv, DisplayMode::Zh, "status-offline", |_| {});
    let (number, _) = DEMO_APPLICATIONS[1];
    assert!(h.shell().open("status"));
    h.settle().unwrap();
    look_up_by_remote(&h, number, DEMO_MOBILE);
    assert_eq!(h.shell().view_name(), "status-result");
    press(&h, "Escape");
    assert_eq!(h.shell().view_name(), "status-mobile");
    assert_eq!(
        adapter(&h).get_headline(),
        "",
        "the answer was forgotten on leaving it"
    );
    assert_eq!(
        adapter(&h).get_entry_value(),
        "",
        "and the mobile number with it"
    );
    drop(backend);
    drop(rt);
    press(&h, &format!("{} Return", keys(DEMO_MOBILE)));
    assert_eq!(h.shell().view_name(), "status-mobile", "no page to show");
    let message = adapter(&h).get_message().to_string();
    assert!(message.contains("连不上"), "{message}");
    assert_eq!(adapter(&h).get_headline(), "");
    assert_eq!(adapter(&h).get_stages().row_count(), 0);
}

/// Days left and overdue, on a Saturday, in working and in calendar days: the expected words
/// are worked out by hand from the calendar, not by the code under test.
#[test]
fn the_page_says_how_many_days_are_left_and_how_many_overdue() {
    let (_rt, backend, h, _dir) = started(Profile::Tv, DisplayMode::Zh, "status-overdue", |_| {});
    let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
    // Saturday 5 December 2026.
    h.shell().set_today(day("2026-12-05"));
    let (template, _) = DEMO_APPLICATIONS
        .iter()
        .find(|(_, s)| *s == ApplicationState::InReview)
        .unwrap();
    let cases = [
        // Monday 7th: one working day left; Friday 4th: passed, though no working day since.
        (
            "8888000011",
            DayCount::Working,
            "2026-12-07",
            "2026-12-04",
            ["还剩 1 个工作日", "已过期限"],
        ),
        // Tuesday 15th: ten calendar days left; Tuesday 1st: four calendar days late.
        (
            "8888500027",
            DayCount::Calendar,
            "2026-12-15",
            "2026-12-01",
            ["还剩 10 天", "已超期 4 天"],
        ),
        // In working days: the 7th to 11th and the 14th and 15th are seven working days ahead;
        // Wednesday 2nd to Friday 4th, three working days late.
        (
            "8888900033",
            DayCount::Working,
            "2026-12-15",
            "2026-12-01",
            ["还剩 7 个工作日", "已超期 3 个工作日"],
        ),
    ];
    for (number, count, statutory, promised, expected) in cases {
        let mut app = record(&backend, template);
        app.number = legal_kiosk_api::ApplicationNumber::parse(number).unwrap();
        app.deadline_days = count;
        app.statutory_deadline = Some(day(statutory));
        app.promised_deadline = Some(day(promised));
        put_application(&backend.db().lock(), &app, DEMO_MOBILE).unwrap();
        press(&h, "Home");
        assert!(h.shell().open("status"));
        h.settle().unwrap();
        look_up_by_remote(&h, number, DEMO_MOBILE);
        let deadlines = adapter(&h)
            .get_before()
            .iter()
            .find(|s| s.id == "deadlines")
            .unwrap()
            .body
            .to_string();
        for words in expected {
            assert!(deadlines.contains(words), "{words:?} not in {deadlines}");
        }
        let named = if count == DayCount::Working {
            "工作日"
        } else {
            "自然日"
        };
        assert!(deadlines.contains(named), "the count is named: {deadlines}");
        // A passed deadline marks the block, by its edge as well as in words.
        assert!(
            adapter(&h)
                .get_before()
                .iter()
                .any(|s| s.id == "deadlines" && s.warning)
        );
    }
}

#[test]
fn a_household_box_remembers_with_consent_and_shows_a_badge_when_the_stage_changes() {
    let dir = fresh_dir("status-badge");
    let saved_file = dir.join("saved-application.json");
    let file = saved_file.clone();
    let (_rt, backend, h, _outbox) =
        started(Profile::Tv, DisplayMode::Zh, "status-badge-box", |c| {
            c.saved_application = Some(file);
            c.poll_every = Duration::from_millis(100);
        });
    let (number, _) = DEMO_APPLICATIONS
        .iter()
        .find(|(_, s)| *s == ApplicationState::InReview)
        .unwrap();
    assert!(h.shell().open("status"));
    h.settle().unwrap();
    look_up_by_remote(&h, number, DEMO_MOBILE);
    press_until(&h, "Down", "remember", 20);
    press(&h, "Return");
    assert!(!saved_file.exists(), "the first OK only asks");
    // Said in full on the page, not in a tile's detail that could be cut short.
    let consent = adapter(&h).get_message().to_string();
    assert!(consent.contains("手机号码"), "says what is kept: {consent}");
    // Moving away withdraws the question; coming back asks again.
    press(&h, "Up");
    assert_eq!(adapter(&h).get_message(), "");
    press_until(&h, "Down", "remember", 5);
    press(&h, "Return");
    assert!(!saved_file.exists());
    press(&h, "Return");
    wait_until(&h, "the application remembered", || saved_file.exists());
    wait_until(&h, "the page saying so", || {
        !adapter(&h).get_message().is_empty() && action_ids(&h).contains(&"forget".to_owned())
    });
    let mode = std::fs::metadata(&saved_file).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let kept = std::fs::read_to_string(&saved_file).unwrap();
    assert!(kept.contains(number));
    let home_badge = || {
        h.shell()
            .window()
            .global::<HomeAdapter>()
            .get_tiles()
            .iter()
            .find(|t| t.id == "status")
            .unwrap()
            .badge
            .to_string()
    };
    press(&h, "Home");
    assert_eq!(home_badge(), "", "no news yet");
    // The office moves the application on.
    let mut moved = record(&backend, number);
    let current = moved
        .stages
        .iter()
        .position(|s| s.state == StageState::Current)
        .unwrap();
    moved.stages[current].state = StageState::Done;
    moved.stages[current].completed_on = moved.stages[current].started_on;
    let day = moved.stages[current].started_on;
    if let Some(next) = moved.stages.get_mut(current + 1) {
        next.state = StageState::Current;
        next.started_on = day;
    }
    put_application(&backend.db().lock(), &moved, DEMO_MOBILE).unwrap();
    wait_until(&h, "the badge", || !home_badge().is_empty());
    assert!(
        h.shell().window().global::<Overlay>().get_open(),
        "a notice says so over the screen"
    );
    press(&h, "Return");
    // Looking at it is seeing the news: the badge goes.
    press_until(&h, "Right", "status", 6);
    press(&h, "Return");
    assert_eq!(
        focused(&h),
        "saved",
        "the remembered application comes first"
    );
    press(&h, "Return");
    wait_until(&h, "the answer", || {
        h.shell().view_name() == "status-result"
    });
    press(&h, "Home");
    wait_until(&h, "the badge gone", || home_badge().is_empty());
    // Forget it with one action: the file goes.
    press_until(&h, "Right", "status", 6);
    press(&h, "Return");
    press_until(&h, "Down", "forget-saved", 6);
    press(&h, "Return");
    wait_until(&h, "the file deleted", || !saved_file.exists());
    wait_until(&h, "the tiles gone", || {
        !action_ids(&h).contains(&"forget-saved".to_owned())
    });
    assert_eq!(
        focused(&h),
        "number",
        "the focus goes to a tile that is there"
    );
    assert!(
        adapter(&h).get_message().contains("删除"),
        "and the page says so"
    );
    support::assert_focus_visible(&h, "after forgetting");
}

#[test]
fn the_profiles_remember_as_their_households_expect() {
    assert!(Profile::Tv.remembers_applications(None));
    assert!(!Profile::Tv.remembers_applications(Some(false)));
    assert!(!Profile::Tablet.remembers_applications(None));
    assert!(Profile::Tablet.remembers_applications(Some(true)));
    assert!(!Profile::Kiosk.remembers_applications(Some(true)));
}

#[test]
fn a_language_switch_on_the_answer_keeps_the_focus_in_sight() {
    let (_rt, _backend, h, _dir) =
        started(Profile::Tv, DisplayMode::Bilingual, "status-switch", |_| {});
    let (number, _) = DEMO_APPLICATIONS
        .iter()
        .find(|(_, s)| *s == ApplicationState::Decided)
        .unwrap();
    assert!(h.shell().open("status"));
    h.settle().unwrap();
    look_up_by_remote(&h, number, DEMO_MOBILE);
    for _ in 0..3 {
        press(&h, "Down");
    }
    let before = focused(&h);
    press(&h, "F2");
    assert_ne!(h.shell().mode(), DisplayMode::Bilingual);
    assert_eq!(focused(&h), before, "the same part keeps the focus");
    support::assert_focus_visible(&h, "after the language switch");
    press(&h, "Down");
    support::assert_focus_visible(&h, "moving on after the switch");
}

/// Every state in every display mode, as pictures: each is drawn (not blank, the ring on it),
/// no two states look alike, and no two modes of one state either. The PNGs are kept in the
/// temporary directory for a person to look at.
#[test]
fn each_state_in_each_mode_is_drawn_and_told_apart() {
    let dir = fresh_dir("status-shots");
    let mut shots: Vec<(String, legal_kiosk::headless::Frame)> = Vec::new();
    for mode in DisplayMode::ALL {
        let (_rt, _backend, h, _d) =
            started(Profile::Tv, mode, &format!("status-shots-{mode}"), |_| {});
        for (number, state) in DEMO_APPLICATIONS {
            press(&h, "Home");
            assert!(h.shell().open("status"));
            h.settle().unwrap();
            look_up_by_remote(&h, number, DEMO_MOBILE);
            assert_eq!(h.shell().view_name(), "status-result");
            let frame = h.frame();
            let name = format!("{state:?}-{mode}");
            frame.save_png(&dir.join(format!("{name}.png"))).unwrap();
            assert!(
                frame.distinct_colours() > 50,
                "{name}: {} colours, looks blank",
                frame.distinct_colours()
            );
            assert!(support::ring_is_painted(&h), "{name}: no focus ring");
            shots.push((name, frame));
        }
    }
    for (i, (a, fa)) in shots.iter().enumerate() {
        for (b, fb) in &shots[i + 1..] {
            assert!(fa != fb, "{a} and {b} look the same");
        }
    }
}

#[test]
fn remembering_then_forgetting_on_the_answer_keeps_the_focus_on_a_real_tile() {
    let dir = fresh_dir("status-remember-forget");
    let saved_file = dir.join("saved-application.json");
    let file = saved_file.clone();
    let (_rt, _backend, h, _outbox) = started(Profile::Tv, DisplayMode::Zh, "status-rf-box", |c| {
        c.saved_application = Some(file);
    });
    let (number, _) = DEMO_APPLICATIONS[0];
    assert!(h.shell().open("status"));
    h.settle().unwrap();
    look_up_by_remote(&h, number, DEMO_MOBILE);
    press_until(&h, "Down", "remember", 20);
    press(&h, "Return Return");
    wait_until(&h, "remembered", || saved_file.exists());
    wait_until(&h, "the forget tile focused", || focused(&h) == "forget");
    support::assert_focus_visible(&h, "after remembering");
    // One OK forgets: the focus was on the tile that is there.
    press(&h, "Return");
    wait_until(&h, "forgotten", || !saved_file.exists());
    wait_until(&h, "the remember tile focused", || {
        focused(&h) == "remember"
    });
    assert!(
        adapter(&h).get_message().contains("删除"),
        "the page says so"
    );
    // Remembered again: the entry step does not say it was forgotten.
    press(&h, "Return Return");
    wait_until(&h, "remembered again", || saved_file.exists());
    press(&h, "Home");
    press_until(&h, "Right", "status", 6);
    press(&h, "Return");
    assert!(
        !adapter(&h).get_message().contains("删除"),
        "{}",
        adapter(&h).get_message()
    );
}
