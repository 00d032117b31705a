//! What the backend's test binaries share: a server on loopback with a plain HTTP client, a
//! directory of each test's own, and the problem document an error answer must be.

// Each test binary uses some of these.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use legal_kiosk_api::Problem;
use legal_kiosk_backend::LocalBackend;

/// The demo backend on loopback (a private in-memory database), its address and device token,
/// and a client that sends exactly what a test builds.
pub struct Raw {
    pub backend: LocalBackend,
    pub base: String,
    pub token: String,
    pub http: reqwest::Client,
}

pub async fn raw() -> Raw {
    // reqwest is built without a default TLS crypto provider in this workspace.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    Raw {
        base: backend.base_url(),
        token: backend.device_token().to_owned(),
        backend,
        http: reqwest::Client::new(),
    }
}

/// An error answer as RFC 9457 has it: `application/problem+json`, whose `status` is the
/// answer's. Returns the status and the document.
pub async fn problem(response: reqwest::Response) -> (u16, Problem) {
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    assert_eq!(
        content_type.as_deref(),
        Some("application/problem+json"),
        "HTTP {status}"
    );
    let p: Problem = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(p.status, status);
    (status, p)
}

/// A directory of this call's own under the system's temporary directory, emptied first: the
/// tests of one binary run in parallel, so two calls never share one.
pub fn fresh_dir(name: &str) -> PathBuf {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!(
        "legal-backend-{name}-{}-{call}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

impl Raw {
    /// `GET` of `url` with this device's token; the answer, whatever its status.
    pub async fn get(&self, url: impl reqwest::IntoUrl) -> reqwest::Response {
        self.http
            .get(url)
            .bearer_auth(&self.token)
            .send()
            .await
            .unwrap()
    }
}

/// The id of the first callback slot the demo offers (region 150100, Chinese).
pub async fn first_slot(http: &reqwest::Client, backend: &LocalBackend) -> String {
    let bytes = http
        .get(format!(
            "{}/v1/callback-slots?region=150100&lang=zh",
            backend.base_url()
        ))
        .bearer_auth(backend.device_token())
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();
    let slots: legal_kiosk_api::SlotList = serde_json::from_slice(&bytes).unwrap();
    slots.slots[0].id.to_string()
}
