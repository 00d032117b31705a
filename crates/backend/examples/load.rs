//! Load benchmark of the reference backend on loopback (not run by `cargo test`):
//!
//! ```sh
//! CARGO_TARGET_DIR=… cargo run --release -p legal-kiosk-backend --example load
//! ```
//!
//! It starts the backend as a child process (this program again, with `serve`), so the memory
//! it reports is the server's alone (`VmRSS` and `VmHWM` of `/proc/<pid>/status`). Then, for a
//! fixed time per endpoint, concurrent clients each on one kept-alive connection drive
//! `GET /v1/health`, a guide read, `GET /v1/bundle` with `If-None-Match` (304) and booking
//! `POST /v1/callbacks` (no quotas, slots with room for every booking); it prints requests per
//! second, p50 and p99 latency and the answers' statuses. Last, the server's memory before,
//! while and after 2,000 half-open connections (half a request head each) that the header
//! read timeout closes. `LOAD_SECS` (default 5) and `LOAD_CLIENTS` (default 32) change the
//! time per endpoint and the number of clients.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use legal_kiosk_backend::{Limits, ServeConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const HALF_OPEN: usize = 2000;

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    if std::env::args().nth(1).as_deref() == Some("serve") {
        runtime.block_on(serve());
    } else {
        runtime.block_on(drive());
    }
}

/// The child: a fresh database, bookable without limit, served until killed. Prints its
/// address and device token on one line.
async fn serve() {
    let dir = std::env::temp_dir().join(format!("legal-backend-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = legal_kiosk_backend::open_demo(&dir.join("load.sqlite3")).unwrap();
    db.lock()
        .execute("UPDATE slots SET capacity = 100000000", [])
        .unwrap();
    let token = legal_kiosk_backend::issue_device_token(&db, "load").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    println!("{} {token}", listener.local_addr().unwrap());
    let config = ServeConfig {
        limits: Limits::UNLIMITED,
        ..ServeConfig::default()
    };
    legal_kiosk_backend::serve_configured(db, config, listener, std::future::pending())
        .await
        .unwrap();
}

struct Server {
    child: Child,
    addr: SocketAddr,
    token: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `VmRSS` and `VmHWM` (peak) of the server, in MB.
fn memory(server: &Server) -> (f64, f64) {
    let status = std::fs::read_to_string(format!("/proc/{}/status", server.child.id())).unwrap();
    let kb = |field: &str| -> f64 {
        status
            .lines()
            .find(|l| l.starts_with(field))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0)
}

fn env_or(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

async fn drive() {
    let secs = env_or("LOAD_SECS", 5);
    let clients = env_or("LOAD_CLIENTS", 32) as usize;
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("serve")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let (addr, token) = line.trim().split_once(' ').unwrap();
    let server = Server {
        addr: addr.parse().unwrap(),
        token: token.to_owned(),
        child,
    };
    let base = format!("http://{}", server.addr);
    let (rss, peak) = memory(&server);
    println!(
        "legal-backend load: {clients} kept-alive clients, {secs} s per endpoint, server on {base}"
    );
    println!("server memory at start: RSS {rss:.1} MB, peak {peak:.1} MB");

    let http = reqwest::Client::new();
    let bundle_tag = http
        .get(format!("{base}/v1/bundle"))
        .bearer_auth(&server.token)
        .send()
        .await
        .unwrap()
        .headers()["etag"]
        .to_str()
        .unwrap()
        .to_owned();
    let slots: legal_kiosk_api::SlotList = serde_json::from_slice(
        &http
            .get(format!("{base}/v1/callback-slots?region=150100&lang=zh"))
            .bearer_auth(&server.token)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap(),
    )
    .unwrap();
    let slot = slots.slots.last().unwrap().id.to_string();

    let endpoints: Vec<(&str, Endpoint)> = vec![
        ("GET /v1/health", Endpoint::Get("/v1/health".into(), None)),
        (
            "GET /v1/guides/{id}",
            Endpoint::Get("/v1/guides/legal-aid-application".into(), None),
        ),
        (
            "GET /v1/bundle (304)",
            Endpoint::Get("/v1/bundle".into(), Some(bundle_tag)),
        ),
        ("POST /v1/callbacks", Endpoint::Book(slot)),
    ];
    for (name, endpoint) in endpoints {
        let run = run(&base, &server.token, &endpoint, clients, secs).await;
        let (rss, peak) = memory(&server);
        println!(
            "{name:<22} {:>8.0} req/s  p50 {:>7.2} ms  p99 {:>7.2} ms  {}  server RSS {rss:.1} MB (peak {peak:.1} MB)",
            run.per_second,
            run.p50_ms,
            run.p99_ms,
            run.statuses
                .iter()
                .map(|(s, n)| format!("{s}×{n}"))
                .collect::<Vec<_>>()
                .join(" "),
        );
    }
    // Twice: memory the first round leaves behind is reused by the second, not added to.
    half_open(&server).await;
    half_open(&server).await;
}

enum Endpoint {
    /// Path and, for a conditional request, the `If-None-Match` tag.
    Get(String, Option<String>),
    /// A booking of this slot, each with a key of its own.
    Book(String),
}

struct Run {
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    statuses: BTreeMap<u16, usize>,
}

async fn run(base: &str, token: &str, endpoint: &Endpoint, clients: usize, secs: u64) -> Run {
    let until = Instant::now() + Duration::from_secs(secs);
    let mut tasks = tokio::task::JoinSet::new();
    for client in 0..clients {
        // One client, one pool of at most one idle connection: a kept-alive connection each.
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()
            .unwrap();
        let request = match endpoint {
            Endpoint::Get(path, tag) => {
                let mut r = http.get(format!("{base}{path}")).bearer_auth(token);
                if let Some(tag) = tag {
                    r = r.header("If-None-Match", tag);
                }
                Ok(r)
            }
            Endpoint::Book(slot) => Err(slot.clone()),
        };
        let (base, token) = (base.to_owned(), token.to_owned());
        tasks.spawn(async move {
            let mut latencies = Vec::new();
            let mut statuses = BTreeMap::new();
            let mut n = 0u64;
            while Instant::now() < until {
                let r = match &request {
                    Ok(r) => r.try_clone().unwrap(),
                    Err(slot) => http
                        .post(format!("{base}/v1/callbacks"))
                        .bearer_auth(&token)
                        .header("Idempotency-Key", format!("load-{client}-{n}"))
                        .header("Content-Type", "application/json")
                        .body(format!(
                            r#"{{"slot":"{slot}","mobile":"13900000000","lang":"zh","name":"Load"}}"#
                        )),
                };
                n += 1;
                let started = Instant::now();
                let response = r.send().await.unwrap();
                let status = response.status().as_u16();
                let _ = response.bytes().await.unwrap();
                latencies.push(started.elapsed());
                *statuses.entry(status).or_insert(0usize) += 1;
            }
            (latencies, statuses)
        });
    }
    let started = Instant::now();
    let mut latencies = Vec::new();
    let mut statuses = BTreeMap::new();
    while let Some(done) = tasks.join_next().await {
        let (l, s) = done.unwrap();
        latencies.extend(l);
        for (status, n) in s {
            *statuses.entry(status).or_insert(0) += n;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let at = |q: f64| {
        let i = ((latencies.len() as f64 - 1.0) * q).round() as usize;
        latencies.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    Run {
        per_second: latencies.len() as f64 / elapsed,
        p50_ms: at(0.50),
        p99_ms: at(0.99),
        statuses,
    }
}

/// Server memory before, while and after [`HALF_OPEN`] connections that send half a request
/// head; they are closed by the server's header read timeout.
async fn half_open(server: &Server) {
    let (before, _) = memory(server);
    let mut open = Vec::with_capacity(HALF_OPEN);
    for _ in 0..HALF_OPEN {
        let mut s = tokio::net::TcpStream::connect(server.addr).await.unwrap();
        s.write_all(b"GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slo")
            .await
            .unwrap();
        open.push(s);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (during, _) = memory(server);
    let health_started = Instant::now();
    let health = reqwest::get(format!("http://{}/v1/health", server.addr))
        .await
        .unwrap()
        .status();
    let health_ms = health_started.elapsed().as_secs_f64() * 1000.0;
    let closing_started = Instant::now();
    let mut closing = tokio::task::JoinSet::new();
    for mut s in open {
        closing.spawn(async move {
            let mut buf = [0u8; 64];
            while matches!(s.read(&mut buf).await, Ok(n) if n > 0) {}
        });
    }
    while closing.join_next().await.is_some() {}
    let closed_after = closing_started.elapsed().as_secs_f64();
    tokio::time::sleep(Duration::from_secs(1)).await;
    let (after, peak) = memory(server);
    tokio::time::sleep(Duration::from_secs(9)).await;
    let (later, _) = memory(server);
    println!(
        "{HALF_OPEN} half-open connections: server RSS before {before:.1} MB, while open {during:.1} MB, \
         1 s after the last closed {after:.1} MB, 10 s after {later:.1} MB (peak {peak:.1} MB); \
         /v1/health meanwhile {health} in {health_ms:.1} ms; all closed by the server {closed_after:.1} s after the health check"
    );
}
