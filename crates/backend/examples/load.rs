//! Load benchmark of the reference backend on loopback (not run by `cargo test`):
//!
//! ```sh
//! CARGO_TARGET_DIR=… cargo run --release -p legal-kiosk-backend --example load -- \
//!     [--database postgres://…|PATH] [--concurrency 1,8,64] [--pool-size 16] [--half-open]
//! ```
//!
//! It starts the backend as a child process (this program again, with `serve`), so the memory
//! it reports is the server's alone (`VmRSS` and `VmHWM` of `/proc/<pid>/status`). The store is
//! a fresh SQLite file in the temporary directory unless `--database` names another (a
//! PostgreSQL URL, ideally of an empty database: bookings accumulate there across runs). For
//! each concurrency, that many clients, each on one kept-alive connection and with a device
//! token of its own, drive for a fixed time each: `GET /v1/health`, a guide read, the whole
//! bundle (`GET /v1/bundle`, 200), the bundle with `If-None-Match` (304) and booking
//! `POST /v1/callbacks` (no quotas, every slot with room for every booking; each client books
//! its own slot and mobile number, as devices in different places do); it prints requests per
//! second, p50 and p99 latency and the answers' statuses. With `--half-open`, last, the
//! server's memory before, while and after 2,000 half-open connections (half a request head
//! each) that the header read timeout closes. `LOAD_SECS` (default 5) changes the time per
//! endpoint and concurrency.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use legal_kiosk_backend::{DatabaseTarget, Limits, ServeConfig, Store};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const HALF_OPEN: usize = 2000;

/// What the command line asks for.
struct Options {
    database: Option<String>,
    concurrency: Vec<usize>,
    pool_size: u32,
    half_open: bool,
}

fn options() -> Options {
    let mut o = Options {
        database: None,
        concurrency: vec![1, 8, 64],
        pool_size: 16,
        half_open: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--database" => o.database = args.next(),
            "--concurrency" => {
                o.concurrency = args
                    .next()
                    .unwrap()
                    .split(',')
                    .map(|n| n.trim().parse().unwrap())
                    .collect();
            }
            "--pool-size" => o.pool_size = args.next().unwrap().parse().unwrap(),
            "--half-open" => o.half_open = true,
            other => panic!("unknown argument {other}"),
        }
    }
    o
}

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("serve") {
        runtime.block_on(serve(
            &args[2],
            args[3].parse().unwrap(),
            args[4].parse().unwrap(),
        ));
    } else {
        runtime.block_on(drive(options()));
    }
}

/// The child: the store `spec` names (`-` for a fresh SQLite file), bookable without limit,
/// with `devices` device tokens, served until killed. Prints its address and the tokens
/// (comma-separated) on one line.
async fn serve(spec: &str, pool_size: u32, devices: usize) {
    let target = if spec == "-" {
        let dir = std::env::temp_dir().join(format!("legal-backend-load-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        DatabaseTarget::Sqlite(dir.join("load.sqlite3"))
    } else {
        DatabaseTarget::parse(spec)
    };
    let store = Store::open_demo(&target, pool_size).await.unwrap();
    store
        .execute("UPDATE slots SET capacity = 100000000", vec![])
        .await
        .unwrap();
    let mut tokens = Vec::new();
    for i in 0..devices {
        tokens.push(
            store
                .issue_device_token(&format!("load {i}"))
                .await
                .unwrap(),
        );
    }
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    println!("{} {}", listener.local_addr().unwrap(), tokens.join(","));
    let config = ServeConfig {
        limits: Limits::UNLIMITED,
        ..ServeConfig::default()
    };
    legal_kiosk_backend::serve_configured(store, config, listener, std::future::pending())
        .await
        .unwrap();
}

struct Server {
    child: Child,
    addr: SocketAddr,
    tokens: Vec<String>,
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

async fn drive(options: Options) {
    let secs = env_or("LOAD_SECS", 5);
    let most = options.concurrency.iter().copied().max().unwrap_or(1);
    let mut child = Command::new(std::env::current_exe().unwrap())
        .arg("serve")
        .arg(options.database.as_deref().unwrap_or("-"))
        .arg(options.pool_size.to_string())
        .arg(most.to_string())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let (addr, tokens) = line.trim().split_once(' ').unwrap();
    let server = Server {
        addr: addr.parse().unwrap(),
        tokens: tokens.split(',').map(str::to_owned).collect(),
        child,
    };
    let base = format!("http://{}", server.addr);
    let store = match options.database.as_deref().map(DatabaseTarget::parse) {
        None => "SQLite (fresh file)".to_owned(),
        Some(DatabaseTarget::Sqlite(path)) => format!("SQLite {}", path.display()),
        Some(DatabaseTarget::Postgres(_)) => {
            format!("PostgreSQL, pool of {}", options.pool_size)
        }
    };
    let (rss, peak) = memory(&server);
    println!(
        "legal-backend load: {store}; {secs} s per endpoint and concurrency; server on {base}"
    );
    println!("server memory at start: RSS {rss:.1} MB, peak {peak:.1} MB");

    let http = reqwest::Client::new();
    let token = &server.tokens[0];
    let bundle_tag = http
        .get(format!("{base}/v1/bundle"))
        .bearer_auth(token)
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
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap(),
    )
    .unwrap();
    let slots: Vec<String> = slots.slots.iter().map(|s| s.id.to_string()).collect();

    let endpoints: Vec<(&str, Endpoint)> = vec![
        ("GET /v1/health", Endpoint::Get("/v1/health".into(), None)),
        (
            "GET /v1/guides/{id}",
            Endpoint::Get("/v1/guides/legal-aid-application".into(), None),
        ),
        (
            "GET /v1/bundle (200)",
            Endpoint::Get("/v1/bundle".into(), None),
        ),
        (
            "GET /v1/bundle (304)",
            Endpoint::Get("/v1/bundle".into(), Some(bundle_tag)),
        ),
        ("POST /v1/callbacks", Endpoint::Book(slots)),
    ];
    println!("| endpoint | clients | req/s | p50 ms | p99 ms | statuses | server RSS MB (peak) |");
    println!("|---|---:|---:|---:|---:|---|---|");
    for (name, endpoint) in &endpoints {
        for &clients in &options.concurrency {
            let run = run(&base, &server.tokens, endpoint, clients, secs).await;
            let (rss, peak) = memory(&server);
            println!(
                "| {name} | {clients} | {:.0} | {:.2} | {:.2} | {} | {rss:.1} ({peak:.1}) |",
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
    }
    if options.half_open {
        // Twice: memory the first round leaves behind is reused by the second, not added to.
        half_open(&server).await;
        half_open(&server).await;
    }
}

enum Endpoint {
    /// Path and, for a conditional request, the `If-None-Match` tag.
    Get(String, Option<String>),
    /// A booking, each with a key of its own; client `n` books the `n`th of these slots
    /// (round), with a mobile number of its own.
    Book(Vec<String>),
}

struct Run {
    per_second: f64,
    p50_ms: f64,
    p99_ms: f64,
    statuses: BTreeMap<u16, usize>,
}

async fn run(base: &str, tokens: &[String], endpoint: &Endpoint, clients: usize, secs: u64) -> Run {
    let until = Instant::now() + Duration::from_secs(secs);
    // Keys of their own in every run, so no booking is a replay of an earlier run's.
    let run_id = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis();
    let mut tasks = tokio::task::JoinSet::new();
    for client in 0..clients {
        // One client, one pool of at most one idle connection: a kept-alive connection each.
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(1)
            .build()
            .unwrap();
        let token = &tokens[client % tokens.len()];
        let request = match endpoint {
            Endpoint::Get(path, tag) => {
                let mut r = http.get(format!("{base}{path}")).bearer_auth(token);
                if let Some(tag) = tag {
                    r = r.header("If-None-Match", tag);
                }
                Ok(r)
            }
            Endpoint::Book(slots) => Err(slots[client % slots.len()].clone()),
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
                        .header("Idempotency-Key", format!("load-{run_id}-{client}-{n}"))
                        .header("Content-Type", "application/json")
                        .body(format!(
                            r#"{{"slot":"{slot}","mobile":"139{client:08}","lang":"zh","name":"Load"}}"#
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
