//! Sends every bad request of `abuse_corpus.txt` to every route, as raw bytes over TCP, and
//! checks the backend holds: no 5xx, an answer to every request (a panic would drop the
//! connection), every error answer a problem document (or a phone page's own HTML page), and
//! `/v1/health` still answering afterwards.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::net::SocketAddr;
use std::time::Duration;

use legal_kiosk_api::Problem;
use support::{Backing, backend_with};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Every route with the method it takes; a path parameter holds a well-formed value.
const ROUTES: [(&str, &str); 14] = [
    ("GET", "/v1/health"),
    ("GET", "/v1/regions"),
    ("GET", "/v1/catalog"),
    ("GET", "/v1/guides/g-1"),
    ("GET", "/v1/bundle"),
    ("GET", "/v1/offices"),
    ("GET", "/v1/callback-slots"),
    ("POST", "/v1/callbacks"),
    ("GET", "/v1/callbacks/9990000011"),
    ("DELETE", "/v1/callbacks/9990000011"),
    ("GET", "/v1/applications/9999042713"),
    ("GET", "/g/g-1"),
    ("GET", "/c/9990000011"),
    ("POST", "/c/9990000011"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Problem,
    Hyper,
}

struct Entry {
    expect: Expect,
    method: String,
    target: String,
    headers: String,
    body: String,
    what: String,
}

fn corpus() -> Vec<Entry> {
    let text = include_str!("abuse_corpus.txt");
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 6, "corpus line: {line}");
            let expect = match f[0] {
                "problem" => Expect::Problem,
                "hyper" => Expect::Hyper,
                other => panic!("corpus: expect {other}"),
            };
            let dash = |s: &str| {
                if s == "-" {
                    String::new()
                } else {
                    s.to_owned()
                }
            };
            Entry {
                expect,
                method: f[1].to_owned(),
                target: f[2].to_owned(),
                headers: dash(f[3]),
                body: dash(f[4]),
                what: f[5].to_owned(),
            }
        })
        .collect()
}

/// Expands `{N*text}` (text repeated), then decodes `\xNN`, `\r`, `\n`, `\t`, `\\`; any other
/// backslash is sent as written.
fn bytes(template: &str) -> Vec<u8> {
    let mut expanded = String::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        expanded.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match (digits > 0, after[digits..].strip_prefix('*')) {
            (true, Some(tail)) => {
                let close = tail.find('}').expect("unclosed repetition");
                let n: usize = after[..digits].parse().unwrap();
                expanded.push_str(&tail[..close].repeat(n));
                rest = &tail[close + 1..];
            }
            _ => {
                expanded.push('{');
                rest = after;
            }
        }
    }
    expanded.push_str(rest);
    let mut out = Vec::with_capacity(expanded.len());
    let raw = expanded.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'\\' && i + 1 < raw.len() {
            match raw[i + 1] {
                b'x' => {
                    let hex = std::str::from_utf8(&raw[i + 2..i + 4]).unwrap();
                    out.push(u8::from_str_radix(hex, 16).unwrap());
                    i += 4;
                    continue;
                }
                b'r' => out.push(b'\r'),
                b'n' => out.push(b'\n'),
                b't' => out.push(b'\t'),
                b'\\' => out.push(b'\\'),
                // Anything else (JSON's own \u0000) is sent as written.
                other => out.extend_from_slice(&[b'\\', other]),
            }
            i += 2;
        } else {
            out.push(raw[i]);
            i += 1;
        }
    }
    out
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `request` and reads the answer, writing and reading at once: the server may answer
/// (413) before it has read the whole body.
async fn exchange(addr: SocketAddr, request: Vec<u8>) -> Option<Answer> {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    let write = tokio::spawn(async move {
        let _ = writer.write_all(&request).await;
        let _ = writer.flush().await;
        writer
    });
    let mut received = Vec::new();
    let read = async {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match reader.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buf[..n]),
            }
            if let Some(total) = complete_length(&received)
                && received.len() >= total
            {
                break;
            }
        }
    };
    if tokio::time::timeout(Duration::from_secs(5), read)
        .await
        .is_err()
    {
        return None;
    }
    drop(write.await);
    parse(&received)
}

/// The length of the whole answer once its head is in and says it.
fn complete_length(received: &[u8]) -> Option<usize> {
    let end = received.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = String::from_utf8_lossy(&received[..end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))?
        .trim()
        .parse::<usize>()
        .ok()?;
    Some(end + length)
}

fn parse(received: &[u8]) -> Option<Answer> {
    let end = received.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let head = String::from_utf8_lossy(&received[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split(' ').nth(1)?.parse().ok()?;
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_owned(), v.trim().to_owned()))
        .collect();
    Some(Answer {
        status,
        headers,
        body: received[end..].to_vec(),
    })
}

fn request(entry: &Entry, method: &str, path: &str, addr: SocketAddr, token: &str) -> Vec<u8> {
    let method = if entry.method == "*" {
        method
    } else {
        &entry.method
    };
    let target = bytes(&entry.target.replace("{path}", path));
    let headers = bytes(&entry.headers);
    let body = bytes(&entry.body);
    let lower = String::from_utf8_lossy(&headers).to_ascii_lowercase();
    let mut out = Vec::new();
    out.extend_from_slice(method.as_bytes());
    out.push(b' ');
    out.extend_from_slice(&target);
    out.extend_from_slice(format!(" HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n").as_bytes());
    if !lower.contains("authorization:") {
        out.extend_from_slice(format!("Authorization: Bearer {token}\r\n").as_bytes());
    }
    if !lower.contains("content-length:") && !lower.contains("transfer-encoding:") {
        out.extend_from_slice(format!("Content-Length: {}\r\n", body.len()).as_bytes());
    }
    if !headers.is_empty() {
        out.extend_from_slice(&headers);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(&body);
    out
}

async fn the_backend_holds_against_the_abuse_corpus_on_every_route(on: Backing) {
    let backend = backend_with(on, legal_kiosk_backend::Limits::UNLIMITED).await;
    let addr = backend.addr();
    let token = backend.device_token().to_owned();
    let corpus = corpus();
    assert!(corpus.len() >= 40, "corpus has {} entries", corpus.len());
    let mut failures = Vec::new();
    let mut sent = 0;
    for entry in &corpus {
        for (method, path) in ROUTES {
            let sent_request = request(entry, method, path, addr, &token);
            sent += 1;
            let said = format!("{} {method} {path}", entry.what);
            let Some(answer) = exchange(addr, sent_request).await else {
                failures.push(format!("{said}: no answer"));
                continue;
            };
            if answer.status >= 500 {
                failures.push(format!("{said}: HTTP {}", answer.status));
                continue;
            }
            if answer.status < 400 {
                continue;
            }
            let media_type = answer.header("content-type").unwrap_or("");
            match entry.expect {
                Expect::Hyper => {
                    if !answer.body.is_empty() && media_type != "application/problem+json" {
                        failures.push(format!("{said}: hyper answered with a body"));
                    }
                }
                Expect::Problem if media_type == "application/problem+json" => {
                    match serde_json::from_slice::<Problem>(&answer.body) {
                        Ok(p) if p.status == answer.status => {}
                        _ => failures.push(format!("{said}: not a problem document")),
                    }
                }
                // A phone page's own error page (a mistyped reference, a wrong mobile).
                Expect::Problem
                    if path.starts_with("/c/") && media_type.starts_with("text/html") => {}
                Expect::Problem => {
                    failures.push(format!("{said}: HTTP {} as {media_type:?}", answer.status))
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {sent} requests:\n{}",
        failures.len(),
        failures.join("\n")
    );
    let health = exchange(
        addr,
        format!("GET /v1/health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")
            .into_bytes(),
    )
    .await
    .unwrap();
    assert_eq!(health.status, 200);
}

on_both_stores!(the_backend_holds_against_the_abuse_corpus_on_every_route);
