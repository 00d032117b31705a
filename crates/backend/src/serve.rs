//! The serve loop: accepts connections up to a cap, guards each against slow clients (a
//! deadline for the request head, one for each piece of a body) and, at shutdown, stops
//! accepting and lets the requests in flight finish.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::ConnectInfo;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;
use tower_http::timeout::RequestBodyTimeout;

use crate::error::BackendError;
use crate::retention::{PURGE_EVERY_SECS, Retention};
use crate::store::Store;
use crate::{Limits, router_with};

/// How the server treats its connections and its database: what a slow, idle or numerous
/// client can hold, and how long a request waits for a database another process has locked.
/// Every duration is a whole deadline, not a retry interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServeConfig {
    /// Booking quotas.
    pub limits: Limits,
    /// How long bookings are kept after their slot.
    pub retention: Retention,
    /// Longest a client may take to send a whole request head, counted from when the server
    /// starts reading it: from the connection's opening, or from the end of the previous
    /// answer on a kept-alive connection. Past it the connection is closed without an answer
    /// (hyper's `header_read_timeout`). So a half-sent request, and an idle connection, are
    /// closed within this time. Default 10 s.
    pub header_read_timeout: Duration,
    /// Longest the server waits for the next bytes of a request body once it reads it
    /// (tower-http's `RequestBodyTimeout`, reset by every piece that arrives); past it the
    /// request is answered 408 `invalid-input` and the connection closed. Default 10 s. With
    /// bodies of at most [`crate::MAX_BODY_BYTES`], a client that drips one byte just inside
    /// this time can still hold a connection long; the connection cap bounds what many of
    /// them hold together.
    pub body_read_timeout: Duration,
    /// Most connections served at once. Beyond it the server stops accepting until one
    /// closes: new connections wait in the kernel's listen backlog (they are not refused), so
    /// a flood of slow clients costs at most this many sockets and buffers, and the header
    /// read timeout frees them. The process needs a file descriptor limit (`ulimit -n`) above
    /// it. Default 4,096.
    pub max_connections: usize,
    /// How long a database statement waits for a lock another connection (e.g. another
    /// process on the same file) holds; then the request is answered 503 `server-busy` with
    /// `Retry-After`. Default 2 s. On PostgreSQL it is `lock_timeout`, and also the longest
    /// wait for a free pooled connection.
    pub db_busy_timeout: Duration,
}

impl Default for ServeConfig {
    fn default() -> ServeConfig {
        ServeConfig {
            limits: Limits::default(),
            retention: Retention::default(),
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(10),
            max_connections: 4096,
            db_busy_timeout: Duration::from_secs(2),
        }
    }
}

/// Serves `db` on `listener` as `config` says until `shutdown` completes; then stops accepting
/// (the listening socket is closed, so a new connection is refused), closes idle connections,
/// and returns once every request in flight has had its answer. `db` is a SQLite [`crate::Db`]
/// or any [`Store`]. Errors: the database's busy timeout could not be set.
pub async fn serve_configured(
    db: impl Into<Store>,
    config: ServeConfig,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), BackendError> {
    let db: Store = db.into();
    db.set_busy_timeout(config.db_busy_timeout)?;
    let purger = tokio::spawn(purge_every_hour(db.clone(), config.retention));
    let app = RequestBodyTimeout::new(router_with(db, config.limits), config.body_read_timeout);
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(config.header_read_timeout);
    let free = Arc::new(Semaphore::new(config.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let permit = tokio::select! {
            permit = free.clone().acquire_owned() => match permit {
                Ok(permit) => permit,
                // Never closed; if it were, serving would be over anyway.
                Err(_) => break,
            },
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    if pause_after(&e) {
                        // Out of file descriptors or memory: give closing connections a moment.
                        eprintln!("legal-backend: cannot accept a connection: {e}");
                        tokio::select! {
                            () = tokio::time::sleep(Duration::from_millis(200)) => {}
                            () = &mut shutdown => break,
                        }
                    }
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Answers are small and written whole: Nagle's delay would only add latency.
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        // The peer's address reaches the handlers: the phone pages limit guesses per address.
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request
                .extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(peer));
            app.clone().oneshot(request)
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A connection's error (a reset, a header timeout) concerns that client only.
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    graceful.shutdown().await;
    purger.abort();
    Ok(())
}

/// Whether an accept error is the process's (no file descriptor or memory left: wait before
/// the next try) rather than one connection's (reset before it was accepted: go on at once).
fn pause_after(e: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    !matches!(
        e.kind(),
        ErrorKind::ConnectionAborted
            | ErrorKind::ConnectionReset
            | ErrorKind::ConnectionRefused
            | ErrorKind::Interrupted
            | ErrorKind::WouldBlock
    )
}

async fn purge_every_hour(db: Store, retention: Retention) {
    let mut every = tokio::time::interval(Duration::from_secs(PURGE_EVERY_SECS));
    loop {
        every.tick().await;
        // A failed purge is tried again at the next tick; the operator's log says why.
        if let Err(e) = db.purge_past_bookings(retention).await {
            eprintln!("legal-backend: purge of past bookings failed: {e}");
        }
        if let Err(e) = db.purge_old_feedback().await {
            eprintln!("legal-backend: purge of old complaints and suggestions failed: {e}");
        }
    }
}
