//! The reference backend of the legal-kiosk contract: axum over SQLite (embedded) or PostgreSQL
//! (several instances sharing one database), seeded with demo data. It runs as `legal-backend`,
//! and in-process for the app's demo mode and for tests ([`start_local`], [`start_local_on`]).

mod attempts;
mod audit;
mod auth;
mod db;
mod dictionary;
mod edge;
mod encoding;
mod error;
mod etag;
mod extract;
mod idempotency;
pub mod openapi;
mod ops;
mod postgres;
mod retention;
mod routes;
mod seed;
mod serve;
mod sql;
mod store;

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;

use axum::Router;
use axum::routing::get;
use legal_kiosk_api::ProblemCode;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tower_http::compression::CompressionLayer;

pub use attempts::{GLOBAL_LOOKUPS, PER_DEVICE, PER_PAIR, PER_TARGET, WINDOW_SECS};
pub use audit::AuditEntry;
pub use auth::{DeviceInfo, LAST_SEEN_GRANULARITY_SECS, Revocation};
pub use db::Db;
pub use edge::{MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_HEADER_FIELDS, MAX_URI_BYTES};
pub use error::BackendError;
pub use postgres::PgStore;
pub use retention::{
    FEEDBACK_RETENTION_DAYS, FeedbackPurge, PURGE_EVERY_SECS, Retention,
    UNJOINED_TEXT_RETENTION_DAYS,
};
pub use routes::applications::put_application;
pub use routes::feedback_page::TEXTS_PER_PHONE_HOUR;
pub use seed::{
    DEMO_APPLICATIONS, DEMO_CALLBACK_REFERENCE, DEMO_MOBILE, DEMO_PAST_SLOT, SLOT_CAPACITY,
};
pub use serve::{ServeConfig, serve_configured};
pub use sql::{Cell, FromCell, Row, Value};
pub use store::{Conn, DatabaseTarget, Dialect, SqliteBegin, Store};

use crate::error::ApiError;
use crate::routes::{applications, callbacks, content, feedback, feedback_page, page, slots};

/// What every handler shares.
#[derive(Clone)]
pub(crate) struct AppState {
    /// The store (the field keeps its old name: every handler reaches it as `state.db`).
    pub(crate) db: Store,
    pub(crate) demo: bool,
    pub(crate) limits: Limits,
    /// Bundle deltas coded lately (RFC 9842 `dcz`).
    pub(crate) deltas: dictionary::Deltas,
}

/// Quotas on what a device may send (OWASP API6: a sensitive business flow must not be
/// scriptable without bound). Without them one device token booked 7,003 callbacks in 20 s
/// with one mobile number: a week of the hotline's capacity in about 35 s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Callbacks one mobile number may hold that are booked and have not started yet.
    pub open_per_mobile: u32,
    /// Bookings one device may make in any 60 minutes (a kiosk in a busy service hall books
    /// for many people; a script books far faster).
    pub per_device_hour: u32,
    /// Complaints and suggestions one device may send in any 60 minutes (`POST /v1/feedback`):
    /// a person sends one or two; a kiosk in a busy hall a few an hour.
    pub feedback_per_device_hour: u32,
}

impl Limits {
    /// No quota at all: for load and fault tests that book far more than a person would.
    pub const UNLIMITED: Limits = Limits {
        open_per_mobile: u32::MAX,
        per_device_hour: u32::MAX,
        feedback_per_device_hour: u32::MAX,
    };
}

impl Default for Limits {
    /// 3 open callbacks per mobile number, 30 bookings and 10 complaints or suggestions per
    /// device per hour.
    fn default() -> Limits {
        Limits {
            open_per_mobile: 3,
            per_device_hour: 30,
            feedback_per_device_hour: 10,
        }
    }
}

/// Opens the database at `path` (`:memory:` for a private one) and writes the demo data.
pub fn open_demo(path: &Path) -> Result<Db, BackendError> {
    let db = Db::open(path)?;
    seed::demo(&mut Conn::Sqlite(&db.lock()), chrono::Utc::now())?;
    Ok(db)
}

/// Publishes a newer signed content bundle (checked against `key`); devices pick it up on their
/// next refresh. Returns its version.
pub fn publish_bundle(
    db: &Db,
    bytes: &[u8],
    key: &legal_kiosk_content::VerifyingKey,
) -> Result<u64, BackendError> {
    ops::publish_bundle(&mut Conn::Sqlite(&db.lock()), bytes, key)
}

/// Makes a new device token and returns it; only its hash is stored.
pub fn issue_device_token(db: &Db, label: &str) -> Result<String, BackendError> {
    auth::issue_token(&mut Conn::Sqlite(&db.lock()), label)
}

/// Accepts `token` as a device token from now on (e.g. a fixed token for a demo set-up).
pub fn register_device_token(db: &Db, token: &str, label: &str) -> Result<(), BackendError> {
    auth::register_token(&mut Conn::Sqlite(&db.lock()), token, label)
}

/// Every device that ever had a token (revoked ones too), by id: what `legal-backend devices`
/// lists.
pub fn devices(db: &Db) -> Result<Vec<DeviceInfo>, BackendError> {
    auth::devices(&mut Conn::Sqlite(&db.lock()))
}

/// Revokes the token of device `id` (an id from [`devices`]) now: its next request is 401,
/// whichever process serves it, since nothing is cached. Logged in the audit log. What
/// `legal-backend revoke-token` runs.
pub fn revoke_device(db: &Db, id: i64) -> Result<Revocation, BackendError> {
    auth::revoke(
        &mut Conn::Sqlite(&db.lock()),
        id,
        chrono::Utc::now().timestamp(),
    )
}

/// The audit log (lockouts, revocations, purges), oldest first; it holds no personal data.
pub fn audit_log(db: &Db) -> Result<Vec<AuditEntry>, BackendError> {
    audit::entries(&mut Conn::Sqlite(&db.lock()))
}

/// Deletes the bookings whose slot ended more than `retention` ago (booked, called, missed or
/// cancelled alike) and logs the purge in the audit log; returns how many. A running server
/// does this at start and every [`PURGE_EVERY_SECS`]; `legal-backend purge` does it once.
pub fn purge_past_bookings(db: &Db, retention: Retention) -> Result<usize, BackendError> {
    let now = chrono::Utc::now();
    retention::purge_past_bookings(&mut Conn::Sqlite(&db.lock()), retention, now)
}

/// Number of devices that have a token.
pub fn device_count(db: &Db) -> Result<i64, BackendError> {
    ops::device_count(&mut Conn::Sqlite(&db.lock()))
}

/// How many callbacks the database holds (booked or not): for operators and for the tests that
/// prove a device books exactly once per booking.
pub fn callback_count(db: &Db) -> Result<i64, BackendError> {
    ops::callback_count(&mut Conn::Sqlite(&db.lock()))
}

/// The state the database holds for the callback booked as `reference` (`booked`,
/// `cancelled`, …: [`legal_kiosk_api::CallbackState`] as JSON names it), `None` when no callback
/// has it: for the tests that prove a move cancels the old booking in the same transaction.
pub fn callback_state(db: &Db, reference: &str) -> Result<Option<String>, BackendError> {
    ops::callback_state(&mut Conn::Sqlite(&db.lock()), reference)
}

/// The `/v1` routes over `db` (a [`Db`] or any [`Store`]), with the default [`Limits`].
pub fn router(db: impl Into<Store>) -> Router {
    router_with(db, Limits::default())
}

/// The `/v1` routes over `db` with these booking quotas.
pub fn router_with(db: impl Into<Store>, limits: Limits) -> Router {
    let state = AppState {
        db: db.into(),
        demo: true,
        limits,
        deltas: dictionary::Deltas::default(),
    };
    let with_device = Router::new()
        .route("/v1/regions", get(content::regions))
        .route("/v1/catalog", get(content::catalog))
        .route("/v1/guides/{id}", get(content::guide))
        .route("/v1/bundle", get(content::bundle))
        .route("/v1/offices", get(content::offices))
        .route("/v1/credit", get(content::credit))
        .route("/v1/callback-slots", get(slots::slots))
        .route("/v1/callbacks", axum::routing::post(callbacks::book))
        .route(
            "/v1/callbacks/{reference}",
            get(callbacks::lookup).delete(callbacks::cancel),
        )
        .route("/v1/applications/{number}", get(applications::status))
        .route("/v1/feedback", axum::routing::post(feedback::send))
        .route_layer(axum::middleware::from_fn_with_state(
            state.clone(),
            auth::require_device,
        ));
    Router::new()
        .route("/v1/health", get(content::health))
        // What a phone opens from a guide's QR code: public, like a printed leaflet.
        .route("/g/{id}", get(page::guide_page))
        // What a phone opens from the QR code of a booking's confirmation.
        .route(
            "/c/{reference}",
            get(page::booking_page).post(page::booking_lookup),
        )
        // What a phone opens from the QR code a device shows for the words of a complaint or
        // suggestion: its id is random and long, so nobody reaches another person's page.
        .route(
            "/f/{id}",
            get(feedback_page::text_page).post(feedback_page::post_text),
        )
        .merge(with_device)
        .fallback(|| async { ApiError::not_found("resource") })
        // axum adds `Allow` (RFC 9110 §10.2.1) to what this answers.
        .method_not_allowed_fallback(|| async { ApiError::new(ProblemCode::MethodNotAllowed) })
        .layer(axum::extract::DefaultBodyLimit::max(edge::MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn(edge::head_limits))
        .layer(axum::middleware::from_fn(edge::every_error_is_a_problem))
        // zstd or gzip when `Accept-Encoding` asks (RFC 9110 §8.4), problems included; the
        // middleware outside picks the coding and keeps ETags and `Vary` right (encoding.rs).
        .layer(CompressionLayer::new().compress_when(encoding::Worthwhile))
        .layer(axum::middleware::from_fn(encoding::content_coding))
        .with_state(state)
}

/// Serves `db` on `listener` until `shutdown` completes, with the default [`Limits`].
pub async fn serve_until(
    db: impl Into<Store>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BackendError> {
    serve_with(db, Limits::default(), listener, shutdown).await
}

/// Serves `db` with these booking quotas on `listener` until `shutdown` completes, keeping
/// bookings for the default [`Retention`].
pub async fn serve_with(
    db: impl Into<Store>,
    limits: Limits,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BackendError> {
    serve_retaining(db, limits, Retention::default(), listener, shutdown).await
}

/// [`serve_with`], purging bookings past `retention` at start and every
/// [`PURGE_EVERY_SECS`] while it serves.
pub async fn serve_retaining(
    db: impl Into<Store>,
    limits: Limits,
    retention: Retention,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BackendError> {
    let config = ServeConfig {
        limits,
        retention,
        ..ServeConfig::default()
    };
    serve_configured(db, config, listener, shutdown).await
}

/// Opens and seeds the database at `db`, then serves it on `listener` until the process ends.
pub async fn serve(db: &Path, listener: TcpListener) -> Result<(), BackendError> {
    serve_until(open_demo(db)?, listener, std::future::pending()).await
}

/// A backend running inside this process on a loopback port. `S` is what [`LocalBackend::db`]
/// hands back: the SQLite [`Db`] for [`start_local`] and its kin (what the app's demo mode and
/// tests use), the [`Store`] for [`start_local_on`].
pub struct LocalBackend<S = Db> {
    addr: SocketAddr,
    db: S,
    store: Store,
    device_token: String,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<Result<(), BackendError>>>,
}

impl<S> LocalBackend<S> {
    /// The loopback address and port it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The database it serves, e.g. to publish a newer bundle while it runs.
    pub fn db(&self) -> &S {
        &self.db
    }

    /// The store it serves, whichever kind.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// `http://127.0.0.1:PORT`, the base URL to give the client.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A device token issued for this process's use.
    pub fn device_token(&self) -> &str {
        &self.device_token
    }

    /// Stops accepting, lets requests in flight finish, and waits for the server to end.
    pub async fn shutdown(mut self) -> Result<(), BackendError> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        match self.task.take() {
            Some(task) => task
                .await
                .map_err(|e| BackendError::Io(std::io::Error::other(e)))?,
            None => Ok(()),
        }
    }
}

impl<S> Drop for LocalBackend<S> {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Starts the backend on `127.0.0.1:0` in the current tokio runtime, with the database at `db`
/// (seeded with demo data; `:memory:` for a throw-away one) and a fresh device token.
pub async fn start_local(db: &Path) -> Result<LocalBackend, BackendError> {
    start_local_with(db, Limits::default()).await
}

/// [`start_local`] with these booking quotas.
pub async fn start_local_with(db: &Path, limits: Limits) -> Result<LocalBackend, BackendError> {
    start_local_as(db, limits, None).await
}

/// [`start_local_with`] for a device that keeps its token across starts (the app's demo
/// mode): `token` is accepted from now on and is the one handed back. A booking's
/// Idempotency-Key belongs to its device, so a resend after a restart must come from the same
/// one; a fresh token each start would book it again.
pub async fn start_local_as(
    db: &Path,
    limits: Limits,
    token: Option<&str>,
) -> Result<LocalBackend, BackendError> {
    let config = ServeConfig {
        limits,
        ..ServeConfig::default()
    };
    start_local_configured(db, config, token).await
}

/// [`start_local_as`] with every setting of [`ServeConfig`] (timeouts, connection cap): for
/// the tests of slow clients and busy databases.
pub async fn start_local_configured(
    db: &Path,
    config: ServeConfig,
    token: Option<&str>,
) -> Result<LocalBackend, BackendError> {
    let db = open_demo(db)?;
    start_serving(db.clone(), db.into(), config, token).await
}

/// Serves `store`, already opened and seeded ([`Store::open_demo`]), on `127.0.0.1:0` in the
/// current tokio runtime, as [`start_local_configured`] does; `token` as in [`start_local_as`],
/// a fresh one when `None`. Several may serve one PostgreSQL store at once, each with its own
/// pool: the tests of instances that must behave as one server.
pub async fn start_local_on(
    store: Store,
    config: ServeConfig,
    token: Option<&str>,
) -> Result<LocalBackend<Store>, BackendError> {
    start_serving(store.clone(), store, config, token).await
}

async fn start_serving<S>(
    db: S,
    store: Store,
    config: ServeConfig,
    token: Option<&str>,
) -> Result<LocalBackend<S>, BackendError> {
    let device_token = match token {
        Some(t) => {
            store.register_device_token(t, "in-process (kept)").await?;
            t.to_owned()
        }
        None => store.issue_device_token("in-process").await?,
    };
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(serve_configured(store.clone(), config, listener, async {
        let _ = rx.await;
    }));
    Ok(LocalBackend {
        addr,
        db,
        store,
        device_token,
        shutdown: Some(tx),
        task: Some(task),
    })
}
