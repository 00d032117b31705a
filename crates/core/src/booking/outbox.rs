//! The outbox of callback bookings (DESIGN §8), in SQLite with WAL and `synchronous=FULL`.
//!
//! A booking is *saved* only once its row is committed, with the Idempotency-Key it will be
//! sent with, always the same one. It is *sent* only once the backend answered 2xx for that
//! key. A kill at any point loses nothing: before the commit nothing was promised, and after
//! it the row stays until it is sent; the backend books once per key and answers a repeat
//! with its first receipt, so nothing is booked twice either. A booking the backend refuses
//! for good is *dead-lettered* with the reason, never dropped: the person is shown it.

use std::path::Path;

use legal_kiosk_api::{CallbackReceipt, CallbackRequest, IdempotencyKey};
use rusqlite::{Connection, OptionalExtension, params};

use crate::rest::{ErrorCode, RestClient, RestError, new_idempotency_key};

/// Why the outbox could not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum OutboxError {
    /// The SQLite file could not be opened, read or written (disk full, read-only, locked).
    #[error("booking outbox database: {0}")]
    Db(#[from] rusqlite::Error),
    /// A stored row or a request could not be encoded or decoded.
    #[error("booking outbox: a stored row cannot be read ({0})")]
    Corrupt(String),
    /// No Idempotency-Key could be made (the system's random source failed).
    #[error("booking outbox: {0}")]
    Key(#[from] RestError),
    /// The file could not be made private to its user; it is not used then.
    #[error("booking outbox: cannot make {0} private: {1}")]
    NotPrivate(String, std::io::Error),
}

/// The outbox's own number for a booking (its row id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BookingId(pub i64);

/// Where a booking is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BookingState {
    /// On the device, not yet confirmed by the backend.
    Saved,
    /// The backend booked it: the receipt holds the reference number.
    Sent(Box<CallbackReceipt>),
    /// The backend refused it for good (a full or closed slot, a rejected field): why.
    Dead(ErrorCode),
}

/// One booking as the outbox keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBooking {
    /// The outbox's number for it.
    pub id: BookingId,
    /// Sent unchanged with every attempt, across restarts too.
    pub key: IdempotencyKey,
    /// What was booked, as decoded from `body`.
    pub request: CallbackRequest,
    /// The request exactly as first encoded: sent byte for byte on every attempt.
    pub body: String,
    pub state: BookingState,
    /// How many times it was sent (one attempt may include the REST client's own quick
    /// retries, all with the same key).
    pub attempts: u32,
}

/// What one attempt to send came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Sent {
    /// The backend booked it; the receipt holds the reference number.
    Booked(Box<CallbackReceipt>),
    /// Offline, busy, a server fault, a quota: it stays saved and is tried again, not before
    /// `retry_after` when the server said how long to wait.
    Later {
        code: ErrorCode,
        retry_after: Option<std::time::Duration>,
    },
    /// Refused for good: dead-lettered.
    Refused(ErrorCode),
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    request         TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('saved', 'sent', 'dead')),
    receipt         TEXT,
    problem         TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0
);
";

/// The device's bookings. Owned by the service worker; every method commits before it returns.
pub struct Outbox {
    conn: Connection,
}

impl Outbox {
    /// Opens (creating) the outbox at `path`, readable by this user only (it holds mobile
    /// numbers).
    ///
    /// Errors: the file cannot be opened or set up, or cannot be made private (then it is not
    /// used: mobile numbers must not sit in a file others can read).
    pub fn open(path: &Path) -> Result<Outbox, OutboxError> {
        let conn = Connection::open(path)?;
        restrict_to_owner(path)?;
        Outbox::setup(conn)
    }

    /// An outbox that lives as long as the process (tests; and the fallback when the disk
    /// cannot be used, which the service reports as a problem).
    pub fn in_memory() -> Result<Outbox, OutboxError> {
        Outbox::setup(Connection::open_in_memory()?)
    }

    fn setup(conn: Connection) -> Result<Outbox, OutboxError> {
        // WAL with FULL: a commit is on the disk when it returns, power cut or not.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Outbox { conn })
    }

    /// Saves a booking with a fresh Idempotency-Key; when this returns, it is on the disk.
    ///
    /// Errors: the row could not be committed (then nothing was saved), or no key was made.
    pub fn save(&self, request: &CallbackRequest) -> Result<StoredBooking, OutboxError> {
        let key = new_idempotency_key()?;
        let json =
            serde_json::to_string(request).map_err(|e| OutboxError::Corrupt(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO outbox (idempotency_key, request, state) VALUES (?1, ?2, 'saved')",
            params![key.as_str(), json],
        )?;
        Ok(StoredBooking {
            id: BookingId(self.conn.last_insert_rowid()),
            key,
            request: request.clone(),
            body: json,
            state: BookingState::Saved,
            attempts: 0,
        })
    }

    /// Every booking, oldest first.
    pub fn all(&self) -> Result<Vec<StoredBooking>, OutboxError> {
        self.select("SELECT id, idempotency_key, request, state, receipt, problem, attempts FROM outbox ORDER BY id")
    }

    /// The bookings still to send, oldest first.
    pub fn unsent(&self) -> Result<Vec<StoredBooking>, OutboxError> {
        self.select("SELECT id, idempotency_key, request, state, receipt, problem, attempts FROM outbox WHERE state = 'saved' ORDER BY id")
    }

    /// The booking `id`, if the outbox has it (and can read it).
    pub fn get(&self, id: BookingId) -> Result<Option<StoredBooking>, OutboxError> {
        let row = self
            .conn
            .query_row(
                "SELECT id, idempotency_key, request, state, receipt, problem, attempts FROM outbox WHERE id = ?1",
                [id.0],
                read_row,
            )
            .optional()?;
        row.map(decode).transpose()
    }

    /// The rows `sql` selects that can be read. One that cannot (damaged on disk) is left in
    /// place and logged, so it does not stop every other booking from being sent.
    fn select(&self, sql: &str) -> Result<Vec<StoredBooking>, OutboxError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map([], read_row)?;
        let mut out = Vec::new();
        for row in rows {
            match decode(row?) {
                Ok(booking) => out.push(booking),
                Err(e) => eprintln!("legal-kiosk: {e}; set aside"),
            }
        }
        Ok(out)
    }

    fn record_attempt(&self, id: BookingId) -> Result<(), OutboxError> {
        self.conn.execute(
            "UPDATE outbox SET attempts = attempts + 1 WHERE id = ?1",
            [id.0],
        )?;
        Ok(())
    }

    fn mark_sent(&self, id: BookingId, receipt: &CallbackReceipt) -> Result<(), OutboxError> {
        let json =
            serde_json::to_string(receipt).map_err(|e| OutboxError::Corrupt(e.to_string()))?;
        self.conn.execute(
            "UPDATE outbox SET state = 'sent', receipt = ?2 WHERE id = ?1 AND state = 'saved'",
            params![id.0, json],
        )?;
        Ok(())
    }

    fn mark_dead(&self, id: BookingId, code: ErrorCode) -> Result<(), OutboxError> {
        self.conn.execute(
            "UPDATE outbox SET state = 'dead', problem = ?2 WHERE id = ?1 AND state = 'saved'",
            params![id.0, code.as_str()],
        )?;
        Ok(())
    }
}

type Row = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    u32,
);

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn decode(
    (id, key, request, state, receipt, problem, attempts): Row,
) -> Result<StoredBooking, OutboxError> {
    let corrupt = |what: &str| OutboxError::Corrupt(format!("booking {id}: {what}"));
    let key = IdempotencyKey::parse(&key).map_err(|_| corrupt("idempotency key"))?;
    let body = request;
    let request: CallbackRequest = serde_json::from_str(&body).map_err(|_| corrupt("request"))?;
    let state = match state.as_str() {
        "saved" => BookingState::Saved,
        "sent" => {
            let receipt: CallbackReceipt = receipt
                .as_deref()
                .and_then(|r| serde_json::from_str(r).ok())
                .ok_or_else(|| corrupt("receipt"))?;
            BookingState::Sent(Box::new(receipt))
        }
        "dead" => BookingState::Dead(
            problem
                .as_deref()
                .and_then(ErrorCode::parse)
                .ok_or_else(|| corrupt("problem"))?,
        ),
        _ => return Err(corrupt("state")),
    };
    Ok(StoredBooking {
        id: BookingId(id),
        key,
        request,
        body,
        state,
        attempts,
    })
}

/// Whether to try again later. The network, a busy or failing server, a rate limit, the
/// device's hourly booking quota and its registration (a token being renewed) can change by
/// themselves; anything else the
/// server answered (a field, a full or closed slot, an unknown address, an answer it should not
/// give) will not, and the booking is dead-lettered and shown rather than sent forever.
fn worth_retrying(e: &RestError) -> bool {
    matches!(
        e,
        RestError::Offline(_)
            | RestError::ServerBusy { .. }
            | RestError::ServerError { .. }
            | RestError::TooManyAttempts { .. }
            | RestError::Unauthorized
    ) || matches!(e, RestError::QuotaExceeded { fields, .. } if fields.is_empty())
}

/// Sends one saved booking with its key and records what came of it. The attempt is counted
/// before the request leaves; the outcome is committed before this returns. `outbox` is
/// locked only around its own writes, never across the request.
pub async fn send(
    outbox: &tokio::sync::Mutex<Outbox>,
    client: &RestClient,
    booking: &StoredBooking,
) -> Result<Sent, OutboxError> {
    outbox.lock().await.record_attempt(booking.id)?;
    let body = booking.body.clone().into_bytes();
    match client.book_callback_body(&booking.key, body).await {
        Ok(receipt) => {
            outbox.lock().await.mark_sent(booking.id, &receipt)?;
            Ok(Sent::Booked(Box::new(receipt)))
        }
        Err(e) if worth_retrying(&e) => Ok(Sent::Later {
            code: e.code(),
            retry_after: e.retry_after(),
        }),
        Err(e) => {
            outbox.lock().await.mark_dead(booking.id, e.code())?;
            Ok(Sent::Refused(e.code()))
        }
    }
}

/// Sends every saved booking once, oldest first; returns how each went. Errors: the outbox
/// could not be read or written (a booking's own outcome is not an error).
pub async fn send_all(
    outbox: &tokio::sync::Mutex<Outbox>,
    client: &RestClient,
) -> Result<Vec<(BookingId, Sent)>, OutboxError> {
    let unsent = outbox.lock().await.unsent()?;
    let mut out = Vec::with_capacity(unsent.len());
    for booking in unsent {
        let sent = send(outbox, client, &booking).await?;
        out.push((booking.id, sent));
    }
    Ok(out)
}

/// 0600 before the first write (SQLite gives the -wal and -shm files it creates the database
/// file's permissions), and the same for -wal and -shm files a crash left behind.
#[cfg(unix)]
fn restrict_to_owner(path: &Path) -> Result<(), OutboxError> {
    use std::os::unix::fs::PermissionsExt;
    let private = std::fs::Permissions::from_mode(0o600);
    std::fs::set_permissions(path, private.clone())
        .map_err(|e| OutboxError::NotPrivate(path.display().to_string(), e))?;
    for suffix in ["-wal", "-shm"] {
        let side = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
        if side.exists() {
            std::fs::set_permissions(&side, private.clone())
                .map_err(|e| OutboxError::NotPrivate(side.display().to_string(), e))?;
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn restrict_to_owner(_path: &Path) -> Result<(), OutboxError> {
    Ok(())
}
