//! Slow and numerous clients over real TCP on loopback: a half-sent request head is closed by
//! the header read timeout, a body that stops arriving gets 408, connections beyond the cap
//! wait for one to close, and thousands of half-open connections leave `/v1/health`
//! answering. Times asserted are hang guards only, never speeds.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use legal_kiosk_backend::{LocalBackend, ServeConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Longer than anything here should take on two loaded cores; only a hang reaches it.
const HANG_GUARD: Duration = Duration::from_secs(60);

/// A request head cut off before its blank line: the server waits for the rest.
const HALF_A_HEAD: &[u8] = b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slo";

async fn start(config: ServeConfig) -> LocalBackend {
    legal_kiosk_backend::start_local_configured(Path::new(":memory:"), config, None)
        .await
        .unwrap()
}

/// Reads until the server closes the connection (EOF or reset); everything it sent.
async fn until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut all = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => return all,
            Ok(n) => all.extend_from_slice(&buf[..n]),
        }
    }
}

async fn closed_within_guard(stream: &mut TcpStream, what: &str) -> Vec<u8> {
    tokio::time::timeout(HANG_GUARD, until_closed(stream))
        .await
        .unwrap_or_else(|_| panic!("{what}: still open after {HANG_GUARD:?}"))
}

/// A whole `GET /v1/health` on its own connection; the answer's bytes.
async fn health(backend: &LocalBackend) -> Vec<u8> {
    let mut stream = TcpStream::connect(backend.addr()).await.unwrap();
    stream
        .write_all(b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    until_closed(&mut stream).await
}

fn status_line(answer: &[u8]) -> String {
    String::from_utf8_lossy(answer)
        .lines()
        .next()
        .unwrap_or("")
        .to_owned()
}

/// The soft limit on open files of this process (`ulimit -n`), from `/proc/self/limits`.
fn open_files_limit() -> Option<u64> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

#[tokio::test]
async fn a_half_sent_request_head_is_closed_by_the_header_read_timeout() {
    let backend = start(ServeConfig {
        header_read_timeout: Duration::from_secs(1),
        ..ServeConfig::default()
    })
    .await;
    let mut slow = TcpStream::connect(backend.addr()).await.unwrap();
    slow.write_all(HALF_A_HEAD).await.unwrap();
    let answer = closed_within_guard(&mut slow, "a half-sent request").await;
    // Closed without an answer: there was no request to answer.
    assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
}

#[test]
fn by_default_a_half_sent_request_is_closed_within_ten_seconds() {
    let config = ServeConfig::default();
    assert!(config.header_read_timeout <= Duration::from_secs(10));
    assert!(config.body_read_timeout <= Duration::from_secs(10));
    assert!(config.max_connections > 2000);
}

#[tokio::test]
async fn a_body_that_stops_arriving_is_answered_408_and_the_connection_closed() {
    let backend = start(ServeConfig {
        body_read_timeout: Duration::from_secs(1),
        ..ServeConfig::default()
    })
    .await;
    let booked_before = legal_kiosk_backend::callback_count(backend.db()).unwrap();
    let mut slow = TcpStream::connect(backend.addr()).await.unwrap();
    let head = format!(
        "POST /v1/callbacks HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {}\r\n\
         Content-Type: application/json\r\nIdempotency-Key: slow-body-0001\r\n\
         Content-Length: 100\r\n\r\n{{\"slot\":",
        backend.device_token()
    );
    slow.write_all(head.as_bytes()).await.unwrap();
    let answer = closed_within_guard(&mut slow, "a body that stopped").await;
    let text = String::from_utf8_lossy(&answer);
    assert_eq!(
        status_line(&answer),
        "HTTP/1.1 408 Request Timeout",
        "{text}"
    );
    let lower = text.to_ascii_lowercase();
    assert!(
        lower.contains("content-type: application/problem+json"),
        "{text}"
    );
    assert!(lower.contains("connection: close"), "{text}");
    assert!(text.contains("\"code\":\"invalid-input\""), "{text}");
    // Nothing was booked from half a request.
    assert_eq!(
        legal_kiosk_backend::callback_count(backend.db()).unwrap(),
        booked_before
    );
}

#[tokio::test]
async fn beyond_the_connection_cap_a_new_connection_waits_until_one_closes() {
    const CAP: usize = 4;
    let backend = start(ServeConfig {
        max_connections: CAP,
        // Long: here it is the client closing that frees a place, not the timeout.
        header_read_timeout: Duration::from_secs(120),
        ..ServeConfig::default()
    })
    .await;
    let mut slow = Vec::new();
    for _ in 0..CAP {
        let mut s = TcpStream::connect(backend.addr()).await.unwrap();
        s.write_all(HALF_A_HEAD).await.unwrap();
        slow.push(s);
    }
    let waiting = tokio::spawn({
        let addr = backend.addr();
        async move {
            let mut s = TcpStream::connect(addr).await.unwrap();
            s.write_all(b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                .await
                .unwrap();
            until_closed(&mut s).await
        }
    });
    // Not a speed: a server without a cap answers at once; one with it never does while the
    // places are held.
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !waiting.is_finished(),
        "a connection beyond the cap of {CAP} was served while {CAP} were open"
    );
    drop(slow.pop());
    let answer = tokio::time::timeout(HANG_GUARD, waiting)
        .await
        .expect("the waiting connection was never served after a place freed up")
        .unwrap();
    assert_eq!(status_line(&answer), "HTTP/1.1 200 OK");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_half_open_connections_leave_health_answering_until_the_timeout_closes_them() {
    let mut count = 2000;
    // Each connection costs this process two descriptors: the client's and the server's.
    if let Some(limit) = open_files_limit() {
        let room = usize::try_from(limit.saturating_sub(256) / 2).unwrap_or(usize::MAX);
        if room < count {
            eprintln!(
                "ulimit -n is {limit}: opening {room} half-open connections instead of {count} \
                 (raise it with `ulimit -n 4500` for the full test)"
            );
            count = room;
        }
    }
    let backend = start(ServeConfig {
        header_read_timeout: Duration::from_secs(5),
        ..ServeConfig::default()
    })
    .await;
    let mut slow = Vec::with_capacity(count);
    for _ in 0..count {
        let mut s = TcpStream::connect(backend.addr()).await.unwrap();
        s.write_all(HALF_A_HEAD).await.unwrap();
        slow.push(s);
    }
    let answer = tokio::time::timeout(HANG_GUARD, health(&backend))
        .await
        .expect("/v1/health did not answer beside the half-open connections");
    assert_eq!(status_line(&answer), "HTTP/1.1 200 OK");
    let mut still_open = 0;
    let mut buf = [0u8; 16];
    for s in &slow {
        if matches!(s.try_read(&mut buf), Err(e) if e.kind() == std::io::ErrorKind::WouldBlock) {
            still_open += 1;
        }
    }
    eprintln!("{still_open} of {count} half-open connections were open when health answered");
    let mut closing = tokio::task::JoinSet::new();
    for mut s in slow {
        closing.spawn(async move { until_closed(&mut s).await });
    }
    tokio::time::timeout(HANG_GUARD, async {
        while let Some(answer) = closing.join_next().await {
            assert!(answer.unwrap().is_empty());
        }
    })
    .await
    .expect("half-open connections were still open after the header read timeout");
}
