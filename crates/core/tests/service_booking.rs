//! A booking through the service worker: answered once it is on the disk, then sent; made
//! offline, it waits in the outbox file and goes out when a new process (after a restart or a
//! power cut) reaches the backend.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use support::next;

use std::path::Path;
use std::time::Duration;

use legal_kiosk_api::{CallbackRequest, Lang, MobileNumber, RegionCode};
use legal_kiosk_content::bundle::dev_verifying_key;
use legal_kiosk_core::booking::{BookingId, Sent};
use legal_kiosk_core::rest::{ErrorCode, RestClient, RestConfig};
use legal_kiosk_core::service::{
    Answer, Backend, Command, Event, Service, ServiceConfig, SlotAnswer, Ticket,
};
use tokio::sync::mpsc;

fn service(url: String, token: String, outbox: &Path) -> (Service, mpsc::UnboundedReceiver<Event>) {
    let mut config = ServiceConfig::new(
        Backend::Remote {
            url,
            device_token: token,
        },
        dev_verifying_key().unwrap(),
    );
    config.outbox_db = Some(outbox.to_path_buf());
    config.resend = Duration::from_millis(200);
    config.resend_min = Duration::from_millis(50);
    config.resend_max = Duration::from_millis(200);
    config.tune_rest = |rest| {
        rest.connect_timeout = Duration::from_millis(300);
        rest.total_timeout = Duration::from_secs(2);
        rest.max_attempts = 1;
    };
    support::start_service(config)
}

async fn request(url: &str, token: &str) -> CallbackRequest {
    let client = RestClient::new(RestConfig::new(url.to_owned(), token.to_owned())).unwrap();
    let slot = client
        .callback_slots(&RegionCode::parse("150100").unwrap(), Some(Lang::Zh))
        .await
        .unwrap()
        .slots
        .into_iter()
        .find(|s| s.available > 0 && support::starts_in_an_hour_or_more(s))
        .unwrap();
    CallbackRequest {
        slot: slot.id,
        mobile: MobileNumber::parse("13800001234").unwrap(),
        name: None,
        lang: Lang::Zh,
        topic: None,
        note: None,
        replaces: None,
    }
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lk-service-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("outbox.sqlite3")
}

/// The answer to booking command `ticket`: saved under an id, or why not.
fn saved(ticket: Ticket) -> impl Fn(Event) -> Option<Result<BookingId, String>> {
    move |e| match e {
        Event::Answered {
            ticket: t,
            answer: Answer::Booking(saved),
        } if t == ticket => Some(saved.map(|s| {
            // A file outbox: the booking survives a power cut.
            assert!(s.durable, "the outbox file was not used");
            s.id
        })),
        _ => None,
    }
}

fn booked(id: BookingId) -> impl Fn(Event) -> Option<Sent> {
    move |e| match e {
        Event::Booking { id: got, sent } if got == id => Some(sent),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booking_is_answered_once_saved_and_then_booked() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let before = legal_kiosk_backend::callback_count(backend.db()).unwrap();
    let req = request(&backend.base_url(), backend.device_token()).await;
    let (service, mut rx) = service(
        backend.base_url(),
        backend.device_token().to_owned(),
        &scratch("booked"),
    );
    let ticket = service
        .send(Command::Book {
            request: Box::new(req),
            slot: None,
            replaces: None,
        })
        .unwrap();
    let id = next(&mut rx, saved(ticket)).await.unwrap();
    let sent = next(&mut rx, booked(id)).await;
    assert!(matches!(sent, Sent::Booked(_)), "{sent:?}");
    assert_eq!(
        legal_kiosk_backend::callback_count(backend.db()).unwrap(),
        before + 1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booking_made_offline_goes_out_after_a_restart() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let before = legal_kiosk_backend::callback_count(backend.db()).unwrap();
    let req = request(&backend.base_url(), backend.device_token()).await;
    let (url, token) = (backend.base_url(), backend.device_token().to_owned());
    let (addr, db) = (backend.addr(), backend.db().clone());
    // The box's backend goes away: its address answers nothing.
    backend.shutdown().await.unwrap();
    let outbox = scratch("restart");
    let (offline, mut rx) = service(url.clone(), token.clone(), &outbox);
    let ticket = offline
        .send(Command::Book {
            request: Box::new(req),
            slot: None,
            replaces: None,
        })
        .unwrap();
    let id = next(&mut rx, saved(ticket)).await.unwrap();
    assert_eq!(
        next(&mut rx, booked(id)).await,
        Sent::Later {
            code: ErrorCode::Offline,
            retry_after: None
        }
    );
    // The process ends (the worker ends with its handle); the booking is only in the file.
    drop(offline);
    drop(rx);
    // The backend is back at the same address, and the box starts again.
    let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    tokio::spawn(legal_kiosk_backend::serve_until(
        db.clone(),
        listener,
        async {
            let _ = stopped.await;
        },
    ));
    let (online, mut rx) = service(url, token, &outbox);
    let sent = next(&mut rx, booked(id)).await;
    assert!(matches!(sent, Sent::Booked(_)), "{sent:?}");
    assert_eq!(
        legal_kiosk_backend::callback_count(&db).unwrap(),
        before + 1
    );
    drop(online);
    let _ = stop.send(());
}

/// The answer to slots command `ticket`.
fn slots_answer(ticket: Ticket) -> impl Fn(Event) -> Option<Result<SlotAnswer, ErrorCode>> {
    move |e| match e {
        Event::Answered {
            ticket: t,
            answer: Answer::Slots(slots),
        } if t == ticket => Some(slots),
        _ => None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slots_come_from_the_backend_and_the_last_ones_are_shown_offline() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let token = backend.device_token().to_owned();
    let region = RegionCode::parse("150100").unwrap();
    let ask = |s: &Service| {
        s.send(Command::Slots {
            region: region.clone(),
            lang: Lang::Zh,
        })
        .unwrap()
    };
    let (online, mut rx) = service(backend.base_url(), token.clone(), &scratch("slots"));
    let fresh = next(&mut rx, slots_answer(ask(&online))).await.unwrap();
    assert!(!fresh.cached);
    assert!(!fresh.slots.is_empty());
    assert!(
        fresh
            .slots
            .iter()
            .all(|s| s.lang == Lang::Zh && s.region == region)
    );
    // The backend goes away: the last slots are shown, marked as such.
    backend.shutdown().await.unwrap();
    let offline = next(&mut rx, slots_answer(ask(&online))).await.unwrap();
    assert!(offline.cached);
    assert_eq!(offline.slots, fresh.slots);
    // A box that never reached the backend has none to show, and says why.
    let (cold, mut rx) = service(
        "http://127.0.0.1:9".to_owned(),
        token,
        &scratch("slots-cold"),
    );
    assert_eq!(
        next(&mut rx, slots_answer(ask(&cold))).await,
        Err(ErrorCode::Offline)
    );
}

/// Every outcome of sending booking `id`, collected for `window`.
async fn outcomes(
    rx: &mut mpsc::UnboundedReceiver<Event>,
    id: BookingId,
    window: Duration,
) -> Vec<Sent> {
    let mut seen = Vec::new();
    let _ = tokio::time::timeout(window, async {
        while let Some(event) = rx.recv().await {
            if let Event::Booking { id: got, sent } = event
                && got == id
            {
                seen.push(sent);
            }
        }
    })
    .await;
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_over_its_hourly_quota_waits_for_the_retry_after_and_a_full_mobile_is_refused() {
    let limits = legal_kiosk_backend::Limits {
        open_per_mobile: 1,
        per_device_hour: 2,
        ..legal_kiosk_backend::Limits::default()
    };
    let backend = legal_kiosk_backend::start_local_with(Path::new(":memory:"), limits)
        .await
        .unwrap();
    let first = request(&backend.base_url(), backend.device_token()).await;
    let (service, mut rx) = service(
        backend.base_url(),
        backend.device_token().to_owned(),
        &scratch("quota"),
    );
    let book = |r: &CallbackRequest| {
        service
            .send(Command::Book {
                request: Box::new(r.clone()),
                slot: None,
                replaces: None,
            })
            .unwrap()
    };
    let id = next(&mut rx, saved(book(&first))).await.unwrap();
    assert!(matches!(next(&mut rx, booked(id)).await, Sent::Booked(_)));

    // The same mobile number again: it holds as many open callbacks as allowed. Refused for
    // good, with its own reason (not "invalid input").
    let id = next(&mut rx, saved(book(&first))).await.unwrap();
    assert_eq!(
        next(&mut rx, booked(id)).await,
        Sent::Refused(ErrorCode::BookingLimit)
    );

    // Another number books (2 of the hour), a third one is over the device's hourly quota: it
    // stays saved and is not sent again before the Retry-After (most of an hour), though the
    // outbox would retry after 50 ms otherwise.
    let mut second = first.clone();
    second.mobile = MobileNumber::parse("13800001235").unwrap();
    let id = next(&mut rx, saved(book(&second))).await.unwrap();
    assert!(matches!(next(&mut rx, booked(id)).await, Sent::Booked(_)));
    let mut third = first.clone();
    third.mobile = MobileNumber::parse("13800001236").unwrap();
    let id = next(&mut rx, saved(book(&third))).await.unwrap();
    let seen = outcomes(&mut rx, id, Duration::from_secs(1)).await;
    assert_eq!(seen.len(), 1, "sent once, then it waits: {seen:?}");
    match &seen[0] {
        Sent::Later {
            code: ErrorCode::DeviceQuota,
            retry_after: Some(wait),
        } => assert!(*wait > Duration::from_secs(60), "{wait:?}"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_backend_is_tried_again_and_again_with_growing_pauses() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let req = request(&backend.base_url(), backend.device_token()).await;
    // Nothing listens on port 9.
    let (service, mut rx) = service(
        "http://127.0.0.1:9".to_owned(),
        backend.device_token().to_owned(),
        &scratch("backoff"),
    );
    let id = next(
        &mut rx,
        saved(
            service
                .send(Command::Book {
                    request: Box::new(req),
                    slot: None,
                    replaces: None,
                })
                .unwrap(),
        ),
    )
    .await
    .unwrap();
    // Pauses from 50 ms doubling to 200 ms (each plus up to as much again at random) while
    // offline: several tries in two seconds, all "later", none lost, and the pauses grow.
    let start = std::time::Instant::now();
    let mut at = Vec::new();
    let _ = tokio::time::timeout(Duration::from_secs(2), async {
        while let Some(event) = rx.recv().await {
            if let Event::Booking { id: got, sent } = event
                && got == id
            {
                assert!(
                    matches!(
                        sent,
                        Sent::Later {
                            code: ErrorCode::Offline,
                            ..
                        }
                    ),
                    "{sent:?}"
                );
                at.push(start.elapsed());
            }
        }
    })
    .await;
    assert!(at.len() >= 4, "{at:?}");
    let gaps: Vec<Duration> = at.windows(2).map(|w| w[1] - w[0]).collect();
    // The first pause is at most 100 ms; a later one at least the 200 ms cap.
    assert!(
        gaps.iter().skip(2).any(|g| *g > gaps[0]),
        "the pauses grow: {gaps:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_booking_is_replaced_only_once_its_new_slot_is_booked() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let req = request(&backend.base_url(), backend.device_token()).await;
    let (service, mut rx) = service(
        backend.base_url(),
        backend.device_token().to_owned(),
        &scratch("replace"),
    );
    let book = |request: CallbackRequest, replaces| {
        service
            .send(Command::Book {
                request: Box::new(request),
                slot: None,
                replaces,
            })
            .unwrap()
    };
    let state = |reference: &str| -> String {
        legal_kiosk_backend::callback_state(backend.db(), reference)
            .unwrap()
            .unwrap()
    };
    let old = next(&mut rx, saved(book(req.clone(), None))).await.unwrap();
    let Sent::Booked(receipt) = next(&mut rx, booked(old)).await else {
        panic!("not booked");
    };
    let reference = receipt.reference.as_str().to_owned();

    // A new slot that cannot be had (it has passed): refused, and the old booking stands.
    let mut gone = req.clone();
    gone.slot = legal_kiosk_api::SlotId::parse(legal_kiosk_backend::DEMO_PAST_SLOT).unwrap();
    let refused = next(&mut rx, saved(book(gone, Some(old)))).await.unwrap();
    assert_eq!(
        next(&mut rx, booked(refused)).await,
        Sent::Refused(ErrorCode::SlotGone)
    );
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        state(&reference),
        "booked",
        "a refused replacement cancels nothing"
    );

    // A new slot that can be had: booked, then the old one is cancelled.
    let fresh = next(&mut rx, saved(book(req.clone(), Some(old))))
        .await
        .unwrap();
    assert!(matches!(
        next(&mut rx, booked(fresh)).await,
        Sent::Booked(_)
    ));
    let start = std::time::Instant::now();
    while state(&reference) != "cancelled" {
        assert!(
            start.elapsed() < support::PATIENCE,
            "the old booking was never cancelled"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
