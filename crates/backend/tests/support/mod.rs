//! What the backend's test binaries share: a server on loopback with a plain HTTP client, on
//! SQLite or on PostgreSQL ([`Backing`], [`on_both_stores!`]), a directory of each test's own,
//! and the problem document an error answer must be.
//!
//! The PostgreSQL variants need a throwaway cluster where they may `CREATE DATABASE`: its URL
//! in `LEGAL_KIOSK_TEST_POSTGRES` (`.ci/postgres start` starts one and prints the line to
//! export). Each test gets a fresh database of its own, so tests run in parallel.

// Each test binary uses some of these.
#![allow(dead_code)]

use std::path::PathBuf;

use legal_kiosk_api::Problem;
use legal_kiosk_backend::{DatabaseTarget, Limits, LocalBackend, ServeConfig, Store};

/// The store a contract test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backing {
    /// A private in-memory SQLite database.
    Sqlite,
    /// A fresh database of the test's own on the cluster `LEGAL_KIOSK_TEST_POSTGRES` names.
    Postgres,
}

/// Runs each named `async fn name(on: Backing)` of the test binary as two tests,
/// `on_sqlite::name` and `on_postgres::name`.
#[macro_export]
macro_rules! on_both_stores {
    ($($name:ident),+ $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::support::Backing::Sqlite).await
                }
            )+
        }
        mod on_postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::support::Backing::Postgres).await
                }
            )+
        }
    };
}

/// The environment variable that names the throwaway PostgreSQL cluster.
pub const POSTGRES_ENV: &str = "LEGAL_KIOSK_TEST_POSTGRES";

/// The URL of the throwaway cluster. Panics, saying how to start one, when it is not set: a
/// PostgreSQL test that skipped could never fail.
pub fn postgres_cluster() -> String {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.is_empty() => url,
        _ => panic!(
            "{POSTGRES_ENV} is not set. The PostgreSQL variants of the backend's tests need a \
             throwaway PostgreSQL cluster (Debian package `postgresql`) where they may CREATE \
             DATABASE. Start one and export its URL with\n\n    eval \"$(.ci/postgres start)\"\n\n\
             from the repository's root, run the tests, then `.ci/postgres stop`. `.ci/run` \
             does all of this."
        ),
    }
}

/// `url` with its database name replaced by `name` (the path of a libpq URI; a query such as
/// `?host=/dir` is kept).
pub fn with_database(url: &str, name: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap();
    let (rest, query) = match rest.split_once('?') {
        Some((r, q)) => (r, format!("?{q}")),
        None => (rest, String::new()),
    };
    let authority = rest.split('/').next().unwrap();
    format!("{scheme}://{authority}/{name}{query}")
}

/// A fresh, empty database on the throwaway cluster; its URL.
pub async fn fresh_postgres_database() -> String {
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let cluster = postgres_cluster();
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .subsec_nanos();
    let name = format!("lk_test_{}_{call}_{nanos}", std::process::id());
    let created = name.clone();
    let admin = cluster.clone();
    tokio::task::spawn_blocking(move || {
        let mut client = postgres::Client::connect(&admin, postgres::NoTls)
            .unwrap_or_else(|e| panic!("cannot reach {POSTGRES_ENV} ({admin}): {e}"));
        client
            .batch_execute(&format!("CREATE DATABASE {created}"))
            .unwrap();
    })
    .await
    .unwrap();
    with_database(&cluster, &name)
}

/// A database of the kind `on` names that another connection can open too: a SQLite file in
/// a fresh directory named after `name`, or a fresh PostgreSQL database. Not opened yet.
pub async fn shared_target_on(on: Backing, name: &str) -> DatabaseTarget {
    match on {
        Backing::Sqlite => DatabaseTarget::Sqlite(fresh_dir(name).join("backend.sqlite3")),
        Backing::Postgres => DatabaseTarget::Postgres(fresh_postgres_database().await),
    }
}

/// A store of the kind `on` names, opened and seeded with the demo data: a private in-memory
/// SQLite database, or a fresh PostgreSQL database (with a pool of `pool_size`).
pub async fn store_on(on: Backing, pool_size: u32) -> Store {
    let target = match on {
        Backing::Sqlite => DatabaseTarget::Sqlite(":memory:".into()),
        Backing::Postgres => DatabaseTarget::Postgres(fresh_postgres_database().await),
    };
    Store::open_demo(&target, pool_size).await.unwrap()
}

/// The demo backend on loopback on a store of the kind `on` names, with `config`.
pub async fn backend_on(on: Backing, config: ServeConfig) -> LocalBackend<Store> {
    // reqwest is built without a default TLS crypto provider in this workspace.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let store = store_on(on, 8).await;
    legal_kiosk_backend::start_local_on(store, config, None)
        .await
        .unwrap()
}

/// [`backend_on`] with the default settings but these booking quotas.
pub async fn backend_with(on: Backing, limits: Limits) -> LocalBackend<Store> {
    let config = ServeConfig {
        limits,
        ..ServeConfig::default()
    };
    backend_on(on, config).await
}

/// The demo backend on loopback, its address and device token, and a client that sends
/// exactly what a test builds.
pub struct Raw {
    pub backend: LocalBackend<Store>,
    pub base: String,
    pub token: String,
    pub http: reqwest::Client,
}

/// [`Raw`] on a private in-memory SQLite database.
pub async fn raw() -> Raw {
    raw_on(Backing::Sqlite).await
}

/// [`Raw`] on the store `on` names.
pub async fn raw_on(on: Backing) -> Raw {
    let backend = backend_on(on, ServeConfig::default()).await;
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
pub async fn first_slot<S>(http: &reqwest::Client, backend: &LocalBackend<S>) -> String {
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
