//! Several instances against one PostgreSQL database behave as one server: two real
//! `legal-backend` processes on loopback, each with its own connection pool, share a fresh
//! database; requests race between them. The same Idempotency-Key sent to both at once books
//! once and both answer alike; a slot takes exactly its capacity; the verification and booking
//! limits count both instances' requests together, as if there were one; an instance killed
//! (kill -9) with bookings in flight leaves none half-made, and the device's resend to the
//! other books each once. Were any of this
//! state kept in a process, or counted without the locks that make instances take turns, the
//! counts here would come out over the limits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

use legal_kiosk_api::{CallbackReceipt, Problem, ProblemCode, SlotList};
use legal_kiosk_backend::{Cell, DatabaseTarget, Store};
use tokio::task::JoinSet;

const TOKEN: &str = "lkdev_two_instances_test_token";

/// One `legal-backend` process serving the shared database.
struct Instance {
    child: Child,
    base: String,
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the program on a free loopback port against `url`, with `args` added. Killed when
/// dropped, also if it never comes to listen.
fn spawn(url: &str, args: &[&str]) -> Instance {
    let child = Command::new(env!("CARGO_BIN_EXE_legal-backend"))
        .args([
            "--database",
            url,
            "--listen",
            "127.0.0.1:0",
            "--demo-token",
            TOKEN,
        ])
        .args(["--pool-size", "6"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    Instance {
        child,
        base: String::new(),
    }
}

/// Waits until `instance` says where it listens (after it opened and seeded the database);
/// keeps draining what it says afterwards.
fn listening(mut instance: Instance) -> Instance {
    let mut stderr = BufReader::new(instance.child.stderr.take().unwrap());
    let mut line = String::new();
    let mut said = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 {
        said.push_str(&line);
        if let Some(rest) = line.trim().split("listening on ").nth(1) {
            instance.base = rest.to_owned();
            break;
        }
        line.clear();
    }
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = stderr.read_to_string(&mut rest);
        // Internal errors would show here; the assertions say what went wrong.
        if rest.contains("internal error") {
            eprintln!("{rest}");
        }
    });
    assert!(
        !instance.base.is_empty(),
        "the backend never listened; it said:\n{said}"
    );
    instance
}

/// Two instances started at the same moment on one fresh database (so they also race at
/// creating its schema and writing the demo data), and a store of the test's own on it.
async fn two_instances(args: &'static [&'static str]) -> ([Instance; 2], Store) {
    // reqwest is built without a default TLS crypto provider in this workspace.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let url = support::fresh_postgres_database().await;
    let (a, b) = (spawn(&url, args), spawn(&url, args));
    let (a, b) = tokio::task::spawn_blocking(move || (listening(a), listening(b)))
        .await
        .unwrap();
    let store = Store::open(&DatabaseTarget::Postgres(url), 2)
        .await
        .unwrap();
    ([a, b], store)
}

const UNLIMITED: &[&str] = &[
    "--max-open-per-mobile",
    "1000000",
    "--max-bookings-per-device-hour",
    "1000000",
];

/// Every slot of region 150100 in Chinese, soonest first.
async fn slots(http: &reqwest::Client, base: &str) -> Vec<String> {
    let list: SlotList = http
        .get(format!("{base}/v1/callback-slots?region=150100&lang=zh"))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap();
    list.slots.into_iter().map(|s| s.id.to_string()).collect()
}

/// An answer as a test compares it: status, whether it says it is a replay, body.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Answer {
    status: u16,
    replayed: bool,
    body: String,
}

async fn book(
    http: reqwest::Client,
    base: String,
    key: String,
    slot: String,
    mobile: String,
) -> Answer {
    try_book(http, base, key, slot, mobile)
        .await
        .expect("no answer to a booking")
}

/// A booking; `None` when the connection broke before the whole answer came.
async fn try_book(
    http: reqwest::Client,
    base: String,
    key: String,
    slot: String,
    mobile: String,
) -> Option<Answer> {
    let response = http
        .post(format!("{base}/v1/callbacks"))
        .bearer_auth(TOKEN)
        .header("Idempotency-Key", key)
        .header("content-type", "application/json")
        .body(format!(
            r#"{{"slot":"{slot}","mobile":"{mobile}","lang":"zh","name":"Demo"}}"#
        ))
        .send()
        .await
        .ok()?;
    Some(Answer {
        status: response.status().as_u16(),
        replayed: response.headers().get("idempotent-replayed").is_some(),
        body: response.text().await.ok()?,
    })
}

fn code(answer: &Answer) -> ProblemCode {
    serde_json::from_str::<Problem>(&answer.body).unwrap().code
}

async fn count(store: &Store, sql: &str, params: Vec<Cell>) -> i64 {
    store.rows(sql, params).await.unwrap()[0].get(0).unwrap()
}

#[tokio::test]
async fn one_idempotency_key_sent_to_both_instances_at_once_books_once() {
    const ROUNDS: usize = 40;
    let ([a, b], store) = two_instances(UNLIMITED).await;
    store
        .execute("UPDATE slots SET capacity = 1000", vec![])
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let slots = slots(&http, &a.base).await;
    let before = store.callback_count().await.unwrap();
    let mut rounds = JoinSet::new();
    for round in 0..ROUNDS {
        let key = format!("twin-key-{round:04}");
        let slot = slots[round % slots.len()].clone();
        let mobile = format!("139{round:08}");
        let to_a = book(
            http.clone(),
            a.base.clone(),
            key.clone(),
            slot.clone(),
            mobile.clone(),
        );
        let to_b = book(http.clone(), b.base.clone(), key, slot, mobile);
        rounds.spawn(async move { tokio::join!(to_a, to_b) });
    }
    let mut references = std::collections::HashSet::new();
    while let Some(answers) = rounds.join_next().await {
        let (from_a, from_b) = answers.unwrap();
        assert_eq!(
            (from_a.status, from_b.status),
            (201, 201),
            "{from_a:?} {from_b:?}"
        );
        assert_eq!(
            from_a.body, from_b.body,
            "both instances give the first answer"
        );
        assert!(
            from_a.replayed != from_b.replayed,
            "exactly one booked, the other replayed: {from_a:?} {from_b:?}"
        );
        let receipt: CallbackReceipt = serde_json::from_str(&from_a.body).unwrap();
        assert!(references.insert(receipt.reference.as_str().to_owned()));
    }
    assert_eq!(
        store.callback_count().await.unwrap() - before,
        ROUNDS as i64,
        "one booking per key"
    );
}

#[tokio::test]
async fn a_slot_takes_exactly_its_capacity_across_both_instances() {
    const CAPACITY: i64 = 5;
    const ATTEMPTS: usize = 30;
    let (instances, store) = two_instances(UNLIMITED).await;
    let http = reqwest::Client::new();
    let slot = slots(&http, &instances[0].base).await[0].clone();
    store
        .execute(
            "UPDATE slots SET capacity = ?1 WHERE id = ?2",
            vec![Cell::Int(CAPACITY), Cell::Text(slot.clone())],
        )
        .await
        .unwrap();
    let mut attempts = JoinSet::new();
    for i in 0..ATTEMPTS {
        let base = instances[i % 2].base.clone();
        attempts.spawn(book(
            http.clone(),
            base,
            format!("capacity-key-{i:04}"),
            slot.clone(),
            format!("138{i:08}"),
        ));
    }
    let (mut booked, mut full) = (0, 0);
    while let Some(answer) = attempts.join_next().await {
        let answer = answer.unwrap();
        match answer.status {
            201 => booked += 1,
            422 => {
                let p: Problem = serde_json::from_str(&answer.body).unwrap();
                assert_eq!(p.errors[0].code, legal_kiosk_api::FieldErrorCode::SlotFull);
                full += 1;
            }
            _ => panic!("{answer:?}"),
        }
    }
    assert_eq!((booked, full), (CAPACITY, ATTEMPTS as i64 - CAPACITY));
    let held = count(
        &store,
        "SELECT COUNT(*) FROM callbacks WHERE slot = ?1 AND state != 'cancelled'",
        vec![Cell::Text(slot)],
    )
    .await;
    assert_eq!(held, CAPACITY);
}

#[tokio::test]
async fn a_guesser_alternating_between_instances_is_limited_as_by_one() {
    const TRIES: usize = 16;
    let ([a, b], store) = two_instances(UNLIMITED).await;
    let http = reqwest::Client::new();
    let number = legal_kiosk_backend::DEMO_APPLICATIONS[0].0;
    let mut tries = JoinSet::new();
    for i in 0..TRIES {
        let base = if i % 2 == 0 { &a.base } else { &b.base };
        let request = http
            .get(format!("{base}/v1/applications/{number}"))
            .bearer_auth(TOKEN)
            .header("Verification-Mobile", "13712345678");
        tries.spawn(async move {
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let body = response.bytes().await.unwrap();
            (
                status,
                serde_json::from_slice::<Problem>(&body).unwrap().code,
            )
        });
    }
    let (mut wrong, mut locked) = (0, 0);
    while let Some(answer) = tries.join_next().await {
        match answer.unwrap() {
            (403, ProblemCode::WrongVerification) => wrong += 1,
            (429, ProblemCode::TooManyAttempts) => locked += 1,
            other => panic!("{other:?}"),
        }
    }
    let per_pair = legal_kiosk_backend::PER_PAIR as usize;
    assert_eq!((wrong, locked), (per_pair, TRIES - per_pair));
    // Even the right mobile number is refused on either instance now: one limit, not two.
    for base in [&a.base, &b.base] {
        let right = http
            .get(format!("{base}/v1/applications/{number}"))
            .bearer_auth(TOKEN)
            .header("Verification-Mobile", legal_kiosk_backend::DEMO_MOBILE)
            .send()
            .await
            .unwrap();
        assert_eq!(right.status(), 429);
    }
    let lockouts = count(
        &store,
        "SELECT COUNT(*) FROM audit_log WHERE event = 'lockout'",
        vec![],
    )
    .await;
    assert_eq!(
        lockouts, 1,
        "one lockout logged for the window, not one per instance"
    );
}

#[tokio::test]
async fn the_booking_quotas_count_both_instances_together() {
    const PER_HOUR: usize = 6;
    const OPEN: usize = 2;
    let (instances, store) = two_instances(&[
        "--max-open-per-mobile",
        "2",
        "--max-bookings-per-device-hour",
        "6",
    ])
    .await;
    store
        .execute("UPDATE slots SET capacity = 1000", vec![])
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let slots = slots(&http, &instances[0].base).await;

    // One mobile number, many keys, both instances at once: only OPEN callbacks are held.
    let mut same_mobile = JoinSet::new();
    for i in 0..12 {
        same_mobile.spawn(book(
            http.clone(),
            instances[i % 2].base.clone(),
            format!("open-key-{i:04}"),
            slots[i % slots.len()].clone(),
            "13600000000".to_owned(),
        ));
    }
    let mut booked = 0;
    while let Some(answer) = same_mobile.join_next().await {
        let answer = answer.unwrap();
        match answer.status {
            201 => booked += 1,
            429 => assert_eq!(code(&answer), ProblemCode::QuotaExceeded),
            _ => panic!("{answer:?}"),
        }
    }
    assert_eq!(booked, OPEN);

    // Other numbers from the same device: the hour's quota counts what both instances booked.
    let mut same_device = JoinSet::new();
    for i in 0..20 {
        same_device.spawn(book(
            http.clone(),
            instances[i % 2].base.clone(),
            format!("hour-key-{i:04}"),
            slots[i % slots.len()].clone(),
            format!("135{i:08}"),
        ));
    }
    let mut booked_this_hour = OPEN;
    while let Some(answer) = same_device.join_next().await {
        let answer = answer.unwrap();
        match answer.status {
            201 => booked_this_hour += 1,
            429 => assert_eq!(code(&answer), ProblemCode::QuotaExceeded),
            _ => panic!("{answer:?}"),
        }
    }
    assert_eq!(booked_this_hour, PER_HOUR);
    let held = count(
        &store,
        "SELECT COUNT(*) FROM callbacks WHERE device IS NOT NULL",
        vec![],
    )
    .await;
    assert_eq!(held, PER_HOUR as i64);
}

#[tokio::test]
async fn a_booking_resent_to_the_other_instance_after_one_was_killed_books_once() {
    const BOOKINGS: usize = 24;
    let ([mut a, b], store) = two_instances(UNLIMITED).await;
    store
        .execute("UPDATE slots SET capacity = 1000", vec![])
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let slots = slots(&http, &a.base).await;
    let before = store.callback_count().await.unwrap();
    let request = |i: usize, base: &str| {
        try_book(
            http.clone(),
            base.to_owned(),
            format!("killed-key-{i:04}"),
            slots[i % slots.len()].clone(),
            format!("137{i:08}"),
        )
    };
    // Bookings in flight at A when it is killed (kill -9: no drain, transactions left open).
    let mut in_flight = JoinSet::new();
    for i in 0..BOOKINGS {
        let sent = request(i, &a.base);
        in_flight.spawn(async move { (i, sent.await) });
        if i == BOOKINGS / 2 {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            a.child.kill().unwrap();
        }
    }
    let mut answered_by_a = std::collections::HashMap::new();
    while let Some(done) = in_flight.join_next().await {
        // A request cut off by the kill has no answer.
        if let (i, Some(answer)) = done.unwrap() {
            assert_eq!(answer.status, 201, "{answer:?}");
            answered_by_a.insert(i, answer.body);
        }
    }
    eprintln!(
        "answered by A before it died: {} of {BOOKINGS}",
        answered_by_a.len()
    );
    // The device resends every key it has no answer for, and the others too (it cannot know
    // which of its requests were committed), to the instance still up.
    for i in 0..BOOKINGS {
        let answer = request(i, &b.base).await.unwrap();
        assert_eq!(answer.status, 201, "{answer:?}");
        if let Some(first) = answered_by_a.get(&i) {
            assert!(answer.replayed);
            assert_eq!(
                &answer.body, first,
                "the first answer, from the other instance"
            );
        }
    }
    assert_eq!(
        store.callback_count().await.unwrap() - before,
        BOOKINGS as i64,
        "each booking once, whether A committed it before it died or B booked it after"
    );
}
