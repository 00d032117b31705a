//! The booking outbox against the real reference backend on loopback: a booking is sent once
//! and keeps its receipt, waits offline, is booked once however often it is resent, is
//! dead-lettered (not dropped) when refused, and survives `kill -9` of the process sending it
//! at any moment.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use legal_kiosk_api::{CallbackRequest, Lang, MobileNumber, RegionCode, SlotId};
use legal_kiosk_backend::LocalBackend;
use legal_kiosk_core::booking::outbox::{send, send_all};
use legal_kiosk_core::booking::{BookingState, Outbox, Sent};
use legal_kiosk_core::rest::{ErrorCode, RestClient, RestConfig};
use tokio::sync::Mutex;

async fn backend() -> (LocalBackend, RestClient) {
    let backend = legal_kiosk_backend::start_local_with(
        Path::new(":memory:"),
        // Far more bookings than a person makes: the quotas have their own tests.
        legal_kiosk_backend::Limits::UNLIMITED,
    )
    .await
    .unwrap();
    let client = client(&backend.base_url(), backend.device_token());
    (backend, client)
}

fn client(url: &str, token: &str) -> RestClient {
    let mut config = RestConfig::new(url.to_owned(), token.to_owned());
    config.connect_timeout = Duration::from_millis(300);
    config.total_timeout = Duration::from_secs(2);
    config.max_attempts = 1;
    RestClient::new(config).unwrap()
}

/// Future Chinese-language slots of Hohhot with room, as many as asked.
async fn open_slots(client: &RestClient, n: usize) -> Vec<SlotId> {
    let slots = client
        .callback_slots(&RegionCode::parse("150100").unwrap(), Some(Lang::Zh))
        .await
        .unwrap()
        .slots;
    let open: Vec<SlotId> = slots
        .into_iter()
        .filter(|s| s.available > 0 && support::starts_in_an_hour_or_more(s))
        .map(|s| s.id)
        .take(n)
        .collect();
    assert_eq!(open.len(), n, "the demo backend offers {n} open slots");
    open
}

fn request(slot: &SlotId, n: u32) -> CallbackRequest {
    CallbackRequest {
        slot: slot.clone(),
        mobile: MobileNumber::parse(&format!("1380000{n:04}")).unwrap(),
        name: None,
        lang: Lang::Zh,
        topic: None,
        note: None,
        replaces: None,
    }
}

#[tokio::test]
async fn a_saved_booking_is_sent_once_and_keeps_its_receipt() {
    let (backend, client) = backend().await;
    let before = legal_kiosk_backend::callback_count(backend.db()).unwrap();
    let slot = open_slots(&client, 1).await.remove(0);
    let outbox = Mutex::new(Outbox::in_memory().unwrap());
    let saved = outbox.lock().await.save(&request(&slot, 1)).unwrap();
    assert_eq!(saved.state, BookingState::Saved);
    let sent = send_all(&outbox, &client).await.unwrap();
    let [(id, Sent::Booked(receipt))] = sent.as_slice() else {
        panic!("{sent:?}");
    };
    assert_eq!(*id, saved.id);
    let stored = outbox.lock().await.get(saved.id).unwrap().unwrap();
    assert_eq!(stored.state, BookingState::Sent(receipt.clone()));
    assert_eq!(stored.attempts, 1);
    assert!(
        send_all(&outbox, &client).await.unwrap().is_empty(),
        "nothing left to send"
    );
    assert_eq!(
        legal_kiosk_backend::callback_count(backend.db()).unwrap(),
        before + 1
    );
}

#[tokio::test]
async fn a_booking_made_offline_waits_and_is_sent_when_the_backend_answers() {
    let (backend, online) = backend().await;
    let slot = open_slots(&online, 1).await.remove(0);
    // Port 9 (discard) on loopback: nothing listens.
    let offline = client("http://127.0.0.1:9", backend.device_token());
    let outbox = Mutex::new(Outbox::in_memory().unwrap());
    let saved = outbox.lock().await.save(&request(&slot, 2)).unwrap();
    let sent = send_all(&outbox, &offline).await.unwrap();
    assert_eq!(
        sent,
        vec![(
            saved.id,
            Sent::Later {
                code: ErrorCode::Offline,
                retry_after: None
            }
        )]
    );
    assert_eq!(
        outbox.lock().await.unsent().unwrap().len(),
        1,
        "kept, not dropped"
    );
    let sent = send_all(&outbox, &online).await.unwrap();
    assert!(
        matches!(sent.as_slice(), [(_, Sent::Booked(_))]),
        "{sent:?}"
    );
    assert_eq!(
        outbox.lock().await.get(saved.id).unwrap().unwrap().attempts,
        2
    );
}

#[tokio::test]
async fn a_booking_whose_answer_was_lost_is_booked_once_when_sent_again() {
    let (backend, client) = backend().await;
    let before = legal_kiosk_backend::callback_count(backend.db()).unwrap();
    let slot = open_slots(&client, 1).await.remove(0);
    let outbox = Mutex::new(Outbox::in_memory().unwrap());
    let saved = outbox.lock().await.save(&request(&slot, 3)).unwrap();
    // The backend books it, but the answer never reaches the device's outbox.
    let first = client
        .book_callback(&saved.key, &saved.request)
        .await
        .unwrap();
    let sent = send(&outbox, &client, &saved).await.unwrap();
    assert_eq!(
        sent,
        Sent::Booked(Box::new(first.clone())),
        "the first receipt again"
    );
    assert_eq!(
        legal_kiosk_backend::callback_count(backend.db()).unwrap(),
        before + 1
    );
}

/// A slot that closed while the booking waited: kept, as needing a new slot.
#[tokio::test]
async fn a_refused_booking_is_dead_lettered_not_dropped() {
    let (_backend, client) = backend().await;
    let past = SlotId::parse(legal_kiosk_backend::DEMO_PAST_SLOT).unwrap();
    let outbox = Mutex::new(Outbox::in_memory().unwrap());
    let saved = outbox.lock().await.save(&request(&past, 4)).unwrap();
    let sent = send_all(&outbox, &client).await.unwrap();
    assert_eq!(sent, vec![(saved.id, Sent::Refused(ErrorCode::SlotGone))]);
    let all = outbox.lock().await.all().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].state, BookingState::Dead(ErrorCode::SlotGone));
    assert!(
        outbox.lock().await.unsent().unwrap().is_empty(),
        "not sent again"
    );
}

#[cfg(unix)]
#[test]
fn the_outbox_file_is_private_to_its_user() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch("private");
    let path = dir.join("outbox.sqlite3");
    let outbox = Outbox::open(&path).unwrap();
    drop(outbox);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lk-outbox-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// How many bookings each kill schedule makes.
const BOOKINGS: u32 = 3;

/// The child process of the kill test (run by it with `--ignored`, never on its own): saves
/// the bookings it has not saved yet (booking n in the n-th slot given), then sends every
/// unsent one, printing progress.
#[test]
#[ignore = "the child process of bookings_survive_kill_9_at_any_moment"]
fn outbox_child_process() {
    let (Ok(db), Ok(url), Ok(token), Ok(slots)) = (
        std::env::var("LK_OUTBOX_DB"),
        std::env::var("LK_OUTBOX_URL"),
        std::env::var("LK_OUTBOX_TOKEN"),
        std::env::var("LK_OUTBOX_SLOTS"),
    ) else {
        panic!("run by bookings_survive_kill_9_at_any_moment only");
    };
    let slots: Vec<SlotId> = slots
        .split(',')
        .map(|s| SlotId::parse(s).unwrap())
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let outbox = Mutex::new(Outbox::open(Path::new(&db)).unwrap());
        let have = outbox.lock().await.all().unwrap().len() as u32;
        for n in have..BOOKINGS {
            let slot = &slots[n as usize];
            outbox.lock().await.save(&request(slot, 100 + n)).unwrap();
            println!("saved {n}");
        }
        let client = client(&url, &token);
        while !outbox.lock().await.unsent().unwrap().is_empty() {
            for (id, sent) in send_all(&outbox, &client).await.unwrap() {
                println!("{id:?} {sent:?}");
            }
        }
    });
}

/// Kills the child at `after` (or lets it finish when it is done sooner); true once it ran
/// to its end.
fn run_child(db: &Path, backend: &LocalBackend, slots: &str, after: Duration) -> bool {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "outbox_child_process",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("LK_OUTBOX_DB", db)
        .env("LK_OUTBOX_URL", backend.base_url())
        .env("LK_OUTBOX_TOKEN", backend.device_token())
        .env("LK_OUTBOX_SLOTS", slots)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + after;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "the child failed: {status}");
            return true;
        }
        if std::time::Instant::now() >= deadline {
            // SIGKILL: no destructor, no flush, as when the box is unplugged.
            child.kill().unwrap();
            child.wait().unwrap();
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn bookings_survive_kill_9_at_any_moment() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let (backend, client) = runtime.block_on(backend());
    // A few dozen schedules, each killed once at its moment and then run again until done.
    // The moments spread over how long one undisturbed run takes (the first schedule, never
    // killed, measures it): a kill can land before the first save, between saves, between a
    // save and its send, or between a booking at the backend and its receipt on the disk.
    const SCHEDULES: u32 = 30;
    let schedules: Vec<u32> = (0..SCHEDULES).collect();
    // Room for every booking of every schedule in a few slots, whatever the day and hour (the
    // demo offers fewer open slots late on a Friday than on a Monday morning).
    backend
        .db()
        .lock()
        .execute("UPDATE slots SET capacity = 1000", [])
        .unwrap();
    let slots = runtime.block_on(open_slots(&client, 3));
    let before = legal_kiosk_backend::callback_count(backend.db()).unwrap();
    let dir = scratch("kill");
    // Kills that found bookings saved but not all sent: the moments that matter.
    let mut mid_way = 0;
    let mut full_run = Duration::ZERO;
    for (i, kill_after) in schedules.iter().enumerate() {
        let db = dir.join(format!("outbox-{i}.sqlite3"));
        // One slot a booking: booking k of the whole test takes slot k / 3.
        let own: Vec<&str> = (0..BOOKINGS as usize)
            .map(|j| slots[(i * BOOKINGS as usize + j) % slots.len()].as_str())
            .collect();
        let own = own.join(",");
        let mut runs = 0;
        let mut after = if *kill_after == 0 {
            Duration::from_secs(60)
        } else {
            full_run.mul_f64(*kill_after as f64 / SCHEDULES as f64)
        };
        let started = std::time::Instant::now();
        while !run_child(&db, &backend, &own, after) {
            // Only the schedule's own kill counts; the reruns after it are its recovery.
            if runs == 0 && db.exists() {
                let outbox = Outbox::open(&db).unwrap();
                let (all, unsent) = (outbox.all().unwrap().len(), outbox.unsent().unwrap().len());
                if all > 0 && unsent > 0 {
                    mid_way += 1;
                }
            }
            runs += 1;
            assert!(runs < 50, "schedule {i} never finished");
            // Each later run lives a little longer, so the schedule ends.
            after += full_run / 4;
        }
        if *kill_after == 0 {
            full_run = started.elapsed();
        }
        let outbox = Outbox::open(&db).unwrap();
        let all = outbox.all().unwrap();
        assert_eq!(
            all.len(),
            BOOKINGS as usize,
            "schedule {i}: every booking saved once"
        );
        let mut references: Vec<String> = all
            .iter()
            .map(|b| match &b.state {
                BookingState::Sent(receipt) => receipt.reference.as_str().to_owned(),
                other => panic!("schedule {i}: booking {:?} is {other:?}", b.id),
            })
            .collect();
        references.sort();
        references.dedup();
        assert_eq!(
            references.len(),
            BOOKINGS as usize,
            "schedule {i}: one reference each"
        );
    }
    assert!(
        mid_way >= 2,
        "only {mid_way} kills landed between a save and its send"
    );
    let booked = legal_kiosk_backend::callback_count(backend.db()).unwrap() - before;
    assert_eq!(
        booked,
        (schedules.len() as u32 * BOOKINGS) as i64,
        "the backend booked each booking exactly once"
    );
}

#[test]
fn an_outbox_file_of_the_first_version_is_upgraded_in_place() {
    let path = scratch("upgrade").join("outbox.sqlite3");
    {
        let old = rusqlite::Connection::open(&path).unwrap();
        old.execute_batch(
            "CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                idempotency_key TEXT NOT NULL UNIQUE,
                request TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('saved', 'sent', 'dead')),
                receipt TEXT, problem TEXT, attempts INTEGER NOT NULL DEFAULT 0);",
        )
        .unwrap();
        let body = serde_json::to_string(&request(&SlotId::parse("s-1").unwrap(), 7)).unwrap();
        old.execute(
            "INSERT INTO outbox (idempotency_key, request, state) VALUES ('old-key-00000001', ?1, 'saved')",
            [body],
        )
        .unwrap();
    }
    let outbox = Outbox::open(&path)
        .unwrap()
        .for_backend("https://real.example");
    let all = outbox.all().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        (all[0].slot.as_ref(), all[0].backend.as_deref()),
        (None, None)
    );
    // Made before rows were marked: it goes to the backend the device has.
    assert_eq!(outbox.unsent().unwrap().len(), 1);
}

#[test]
fn a_booking_made_for_another_backend_is_kept_and_never_sent_to_this_one() {
    let path = scratch("identity").join("outbox.sqlite3");
    let demo = Outbox::open(&path).unwrap().for_backend("demo");
    demo.save(&request(&SlotId::parse("s-1").unwrap(), 8))
        .unwrap();
    assert_eq!(demo.unsent().unwrap().len(), 1);
    drop(demo);
    // The box is moved to a real server: the demo booking stays listed and is not sent there.
    let real = Outbox::open(&path)
        .unwrap()
        .for_backend("https://real.example");
    assert_eq!(real.all().unwrap().len(), 1);
    assert_eq!(real.all().unwrap()[0].backend.as_deref(), Some("demo"));
    assert!(real.unsent().unwrap().is_empty());
}

#[tokio::test]
async fn sent_bookings_leave_the_device_when_no_longer_needed() {
    let (_backend, client) = backend().await;
    let slots = open_slots(&client, 2).await;
    let outbox = Mutex::new(Outbox::in_memory().unwrap());
    for (n, slot) in slots.iter().enumerate() {
        outbox
            .lock()
            .await
            .save(&request(slot, 20 + n as u32))
            .unwrap();
    }
    outbox.lock().await.save(&request(&slots[0], 30)).unwrap();
    send_all(&outbox, &client).await.unwrap();
    let later = outbox.lock().await.save(&request(&slots[1], 31)).unwrap();
    let o = outbox.lock().await;
    assert_eq!(o.all().unwrap().len(), 4);
    let now = chrono::Utc::now();
    // A week after their slots: nothing to purge yet (the slots are in the future).
    assert_eq!(o.purge(Duration::from_secs(7 * 24 * 3600), now).unwrap(), 0);
    // Long after the callbacks took place: the sent ones go, the unsent one stays.
    let much_later = now + chrono::Duration::days(60);
    assert_eq!(
        o.purge(Duration::from_secs(7 * 24 * 3600), much_later)
            .unwrap(),
        3
    );
    let left: Vec<_> = o.all().unwrap().into_iter().map(|b| b.id).collect();
    assert_eq!(left, vec![later.id]);
}

#[tokio::test]
async fn a_kiosk_keeps_no_sent_booking() {
    let (_backend, client) = backend().await;
    let slot = open_slots(&client, 1).await.remove(0);
    let outbox = Mutex::new(Outbox::in_memory().unwrap());
    outbox.lock().await.save(&request(&slot, 40)).unwrap();
    send_all(&outbox, &client).await.unwrap();
    let o = outbox.lock().await;
    assert_eq!(o.purge(Duration::ZERO, chrono::Utc::now()).unwrap(), 1);
    assert!(o.all().unwrap().is_empty());
}
