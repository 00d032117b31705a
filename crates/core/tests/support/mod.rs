//! A scripted HTTP server on loopback: each connection it accepts plays the next script (bytes to
//! write, pauses) and closes, and it records every request it read. It lets tests produce what a
//! real server seldom does on cue: stalls, drops, lies in Content-Length, garbage. Also what the
//! booking tests share.
// Each test crate uses a different part.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use legal_kiosk_core::rest::{RestClient, RestConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

pub enum Step {
    Write(Vec<u8>),
    Sleep(Duration),
}

pub type Script = Vec<Step>;

pub struct ScriptedServer {
    pub addr: SocketAddr,
    requests: Arc<Mutex<Vec<String>>>,
}

impl ScriptedServer {
    pub async fn start(scripts: Vec<Script>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let queue = Arc::new(Mutex::new(VecDeque::from(scripts)));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = requests.clone();
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let script = queue.lock().unwrap().pop_front();
                let seen = seen.clone();
                tokio::spawn(async move {
                    let request = read_request(&mut socket).await;
                    seen.lock().unwrap().push(request);
                    let script = script.unwrap_or_else(|| vec![Step::Write(http(500, "{}"))]);
                    for step in script {
                        match step {
                            Step::Write(bytes) => {
                                if socket.write_all(&bytes).await.is_err() {
                                    return;
                                }
                            }
                            Step::Sleep(d) => tokio::time::sleep(d).await,
                        }
                    }
                    let _ = socket.shutdown().await;
                });
            }
        });
        Self { addr, requests }
    }

    /// The heads (and bodies) of the requests received so far, in order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    /// A client with short timeouts and pauses, so no test waits long.
    pub fn client(&self) -> RestClient {
        let mut config = RestConfig::new(format!("http://{}", self.addr), "test-token");
        config.connect_timeout = Duration::from_millis(300);
        config.read_timeout = Duration::from_millis(300);
        config.total_timeout = Duration::from_millis(600);
        config.max_attempts = 3;
        config.backoff_base = Duration::from_millis(10);
        config.backoff_max = Duration::from_millis(40);
        config.retry_after_cap = Duration::from_secs(2);
        RestClient::new(config).unwrap()
    }
}

/// Reads one request: the head, then as many body bytes as Content-Length says.
async fn read_request(socket: &mut tokio::net::TcpStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = find(&buf, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buf[..end]).to_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if buf.len() >= end + 4 + len {
                break;
            }
        }
        match socket.read(&mut chunk).await {
            Ok(0) | Err(_) => break,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    String::from_utf8_lossy(&buf).into_owned()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A complete response with a JSON body and a correct Content-Length.
pub fn http(status: u16, body: &str) -> Vec<u8> {
    http_with(status, &[], body)
}

pub fn http_with(status: u16, headers: &[(&str, &str)], body: &str) -> Vec<u8> {
    let content_type = if status >= 400 {
        "application/problem+json"
    } else {
        "application/json"
    };
    let mut head = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body.as_bytes());
    bytes
}

pub fn respond(bytes: Vec<u8>) -> Script {
    vec![Step::Write(bytes)]
}

/// A callback slot that cannot close while a test runs: the backend refuses slots that
/// started, and the earliest ones start within the hour on a weekday.
pub fn starts_in_an_hour_or_more(slot: &legal_kiosk_api::CallbackSlot) -> bool {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(i64::MAX);
    slot.starts_at.timestamp() >= now.saturating_add(3600)
}

/// A hang guard, not a speed check: on loopback these take milliseconds.
pub const PATIENCE: Duration = Duration::from_secs(10);

/// Starts the service worker with `config`, its events on a channel.
pub fn start_service(
    config: legal_kiosk_core::service::ServiceConfig,
) -> (
    legal_kiosk_core::service::Service,
    tokio::sync::mpsc::UnboundedReceiver<legal_kiosk_core::service::Event>,
) {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let sink = Arc::new(move |e| {
        let _ = tx.send(e);
    });
    (
        legal_kiosk_core::service::Service::start(config, sink).unwrap(),
        rx,
    )
}

/// Waits for the first event `pick` accepts; fails after [`PATIENCE`].
pub async fn next<T>(
    rx: &mut tokio::sync::mpsc::UnboundedReceiver<legal_kiosk_core::service::Event>,
    pick: impl Fn(legal_kiosk_core::service::Event) -> Option<T>,
) -> T {
    tokio::time::timeout(PATIENCE, async {
        loop {
            let event = rx.recv().await.expect("the service ended");
            if let Some(t) = pick(event) {
                return t;
            }
        }
    })
    .await
    .expect("the event never came")
}
