//! Another process holding the database file's write lock (an operator's `sqlite3`, a
//! `legal-backend purge`): `/v1/health` keeps answering, a booking gets `503` `server-busy` with
//! `Retry-After` once the busy timeout passes, and the same Idempotency-Key books normally
//! after the lock is released, once. On PostgreSQL alike, with another session holding the
//! bookings' table locked past the busy timeout (`lock_timeout`).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::{Read, Write};
use std::path::Path;
use std::time::Duration;

use legal_kiosk_api::{CallbackReceipt, Problem, ProblemCode};
use legal_kiosk_backend::{Limits, LocalBackend, ServeConfig};
use support::{first_slot, fresh_dir};

/// Longer than anything here should take on two loaded cores; only a hang reaches it.
const HANG_GUARD: Duration = Duration::from_secs(30);

async fn start(db: &Path, busy: Duration) -> LocalBackend {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config = ServeConfig {
        limits: Limits::UNLIMITED,
        db_busy_timeout: busy,
        ..ServeConfig::default()
    };
    legal_kiosk_backend::start_local_configured(db, config, None)
        .await
        .unwrap()
}

/// The write lock, as another process would take it: a second connection to the same file
/// inside `BEGIN IMMEDIATE` with a write made. Released when the returned connection commits.
fn lock_the_database(db: &Path) -> rusqlite::Connection {
    let other = rusqlite::Connection::open(db).unwrap();
    other
        .execute_batch("BEGIN IMMEDIATE; UPDATE devices SET label = label;")
        .unwrap();
    other
}

fn booking<S>(
    http: &reqwest::Client,
    backend: &LocalBackend<S>,
    slot: &str,
) -> reqwest::RequestBuilder {
    http.post(format!("{}/v1/callbacks", backend.base_url()))
        .bearer_auth(backend.device_token())
        .header("Idempotency-Key", "busy-database-0001")
        .header("Content-Type", "application/json")
        .body(format!(
            r#"{{"slot":"{slot}","mobile":"13900000000","lang":"zh","name":"Demo"}}"#
        ))
}

/// One request with `Connection: close` from a plain OS thread, with a socket-level read
/// timeout, so that neither the request nor its guard needs the runtime's async workers (the
/// server's). The whole answer, `None` when none came within the guard.
fn exchange(
    addr: std::net::SocketAddr,
    request: String,
) -> std::thread::JoinHandle<Option<String>> {
    std::thread::spawn(move || {
        let mut stream = std::net::TcpStream::connect(addr).ok()?;
        stream.set_read_timeout(Some(HANG_GUARD)).ok()?;
        stream.write_all(request.as_bytes()).ok()?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).ok()?;
        Some(answer)
    })
}

/// Two async workers, one booking waiting for the lock, one guide read queued behind it: when
/// database work ran on the async workers behind the connection's mutex, that took both, and
/// `/v1/health` had nobody left to answer it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_answers_while_requests_wait_for_a_locked_database() {
    let dir = fresh_dir("busy-health");
    let db = dir.join("backend.sqlite3");
    // Longer than the guard: only an answer that does not wait for the database passes.
    let backend = start(&db, HANG_GUARD + Duration::from_secs(10)).await;
    let http = reqwest::Client::new();
    let slot = first_slot(&http, &backend).await;
    let (addr, token) = (backend.addr(), backend.device_token().to_owned());

    let lock = lock_the_database(&db);
    let body = format!(r#"{{"slot":"{slot}","mobile":"13900000000","lang":"zh","name":"Demo"}}"#);
    let booked = exchange(
        addr,
        format!(
            "POST /v1/callbacks HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\
             Content-Type: application/json\r\nIdempotency-Key: busy-health-0001\r\n\
             Connection: close\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    // Not an assertion: time for the booking to reach the database before the next request.
    std::thread::sleep(Duration::from_millis(300));
    let guide = exchange(
        addr,
        format!(
            "GET /v1/guides/legal-aid-application HTTP/1.1\r\nHost: x\r\n\
             Authorization: Bearer {token}\r\nConnection: close\r\n\r\n"
        ),
    );
    std::thread::sleep(Duration::from_millis(300));
    let health = exchange(
        addr,
        "GET /v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_owned(),
    )
    .join()
    .unwrap()
    .expect("/v1/health did not answer while the database was locked");
    assert!(health.starts_with("HTTP/1.1 200 OK\r\n"), "{health}");
    assert!(
        !booked.is_finished(),
        "the booking was answered while the database was locked"
    );

    lock.execute_batch("COMMIT").unwrap();
    let booked = booked.join().unwrap().expect("no answer to the booking");
    assert!(booked.starts_with("HTTP/1.1 201 Created\r\n"), "{booked}");
    let guide = guide.join().unwrap().expect("no answer to the guide read");
    assert!(guide.starts_with("HTTP/1.1 200 OK\r\n"), "{guide}");
    backend.shutdown().await.unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn a_booking_on_a_locked_database_is_503_and_the_same_key_books_once_after() {
    let dir = fresh_dir("busy-booking");
    let db = dir.join("backend.sqlite3");
    let backend = start(&db, Duration::from_millis(500)).await;
    let http = reqwest::Client::new();
    let slot = first_slot(&http, &backend).await;
    let before = legal_kiosk_backend::callback_count(backend.db()).unwrap();

    let lock = lock_the_database(&db);
    let busy = tokio::time::timeout(HANG_GUARD, booking(&http, &backend, &slot).send())
        .await
        .expect("the booking hung on the locked database")
        .unwrap();
    assert_eq!(busy.status(), 503);
    let retry_after: u64 = busy.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after >= 1);
    assert_eq!(
        busy.headers()["content-type"],
        legal_kiosk_api::PROBLEM_CONTENT_TYPE
    );
    let problem: Problem = serde_json::from_slice(&busy.bytes().await.unwrap()).unwrap();
    assert_eq!(problem.code, ProblemCode::ServerBusy);
    lock.execute_batch("COMMIT").unwrap();
    assert_eq!(
        legal_kiosk_backend::callback_count(backend.db()).unwrap(),
        before
    );

    let booked = booking(&http, &backend, &slot).send().await.unwrap();
    assert_eq!(booked.status(), 201, "the retry after the lock was refused");
    assert!(booked.headers().get("idempotent-replayed").is_none());
    let first: CallbackReceipt = serde_json::from_slice(&booked.bytes().await.unwrap()).unwrap();
    let replayed = booking(&http, &backend, &slot).send().await.unwrap();
    assert_eq!(replayed.status(), 201);
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    let again: CallbackReceipt = serde_json::from_slice(&replayed.bytes().await.unwrap()).unwrap();
    assert_eq!(again.reference, first.reference);
    assert_eq!(
        legal_kiosk_backend::callback_count(backend.db()).unwrap(),
        before + 1
    );
    backend.shutdown().await.unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// Another session holding `callbacks` locked (as a long migration or an operator's `LOCK
/// TABLE` would) until the returned sender is dropped or sent to.
fn lock_the_bookings(url: &str) -> std::sync::mpsc::Sender<()> {
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    let url = url.to_owned();
    std::thread::spawn(move || {
        let mut other = postgres::Client::connect(&url, postgres::NoTls).unwrap();
        other
            .batch_execute("BEGIN; LOCK TABLE callbacks IN ACCESS EXCLUSIVE MODE;")
            .unwrap();
        locked_tx.send(()).unwrap();
        let _ = release_rx.recv();
        other.batch_execute("COMMIT").unwrap();
    });
    locked_rx.recv().unwrap();
    release_tx
}

#[tokio::test]
async fn a_booking_on_a_locked_postgres_database_is_503_and_the_same_key_books_once_after() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let url = support::fresh_postgres_database().await;
    let store = legal_kiosk_backend::Store::open_demo(
        &legal_kiosk_backend::DatabaseTarget::Postgres(url.clone()),
        4,
    )
    .await
    .unwrap();
    let config = ServeConfig {
        limits: Limits::UNLIMITED,
        db_busy_timeout: Duration::from_millis(500),
        ..ServeConfig::default()
    };
    let backend = legal_kiosk_backend::start_local_on(store, config, None)
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let slot = first_slot(&http, &backend).await;
    let before = backend.store().callback_count().await.unwrap();

    let lock = lock_the_bookings(&url);
    let busy = tokio::time::timeout(HANG_GUARD, booking(&http, &backend, &slot).send())
        .await
        .expect("the booking hung on the locked table")
        .unwrap();
    assert_eq!(busy.status(), 503);
    let retry_after: u64 = busy.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry_after >= 1);
    let problem: Problem = serde_json::from_slice(&busy.bytes().await.unwrap()).unwrap();
    assert_eq!(problem.code, ProblemCode::ServerBusy);
    let health = http
        .get(format!("{}/v1/health", backend.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), 200);
    drop(lock);

    let booked = tokio::time::timeout(HANG_GUARD, booking(&http, &backend, &slot).send())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(booked.status(), 201, "the retry after the lock was refused");
    assert!(booked.headers().get("idempotent-replayed").is_none());
    let first: CallbackReceipt = serde_json::from_slice(&booked.bytes().await.unwrap()).unwrap();
    let replayed = booking(&http, &backend, &slot).send().await.unwrap();
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    let again: CallbackReceipt = serde_json::from_slice(&replayed.bytes().await.unwrap()).unwrap();
    assert_eq!(again.reference, first.reference);
    assert_eq!(backend.store().callback_count().await.unwrap(), before + 1);
    backend.shutdown().await.unwrap();
}
