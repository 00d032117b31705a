//! The outbox of callback bookings (DESIGN §8), in SQLite with WAL and `synchronous=FULL`.
//!
//! A booking is *saved* only once its row is committed, with the Idempotency-Key it will be
//! sent with, always the same one. It is *sent* only once the backend answered 2xx for that
//! key. A kill at any point loses nothing: before the commit nothing was promised, and after
//! it the row stays until it is sent; the backend books once per key and answers a repeat
//! with its first receipt, so nothing is booked twice either. A booking the backend refuses
//! for good is *dead-lettered* with the reason, never dropped: the person is shown it.
//!
//! Complaints and suggestions go through the same table with the same guarantees
//! ([`super::feedback`]): a row's `kind` says which it is (`callback`, `feedback`).

use std::path::Path;

use std::time::Duration;

use legal_kiosk_api::{CallbackReceipt, CallbackRequest, CallbackSlot, IdempotencyKey};
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
    /// Booked, then cancelled by the person (with the reference and mobile number).
    Cancelled(Box<CallbackReceipt>),
    /// Refused, and a new booking made in its place (a new slot): nothing more to do.
    Replaced,
}

/// One booking as the outbox keeps it. Its `Debug` leaves out the raw body, which holds the
/// mobile number in clear (the decoded request masks it).
#[derive(Clone, PartialEq, Eq)]
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
    /// The slot as the screen showed it when the booking was made (its day and hours), for
    /// the list of bookings before a receipt exists.
    pub slot: Option<CallbackSlot>,
    /// The backend it was made for ([`Outbox::for_backend`]); None for rows of an older
    /// version, which go to whichever backend the device has.
    pub backend: Option<String>,
    /// The booking this one replaces (a new slot for it): a booked one is cancelled once this
    /// one is booked, a refused one is marked replaced once this one is saved.
    pub replaces: Option<BookingId>,
}

impl std::fmt::Debug for StoredBooking {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredBooking")
            .field("id", &self.id)
            .field("request", &self.request)
            .field("state", &self.state)
            .field("attempts", &self.attempts)
            .field("backend", &self.backend)
            .field("replaces", &self.replaces)
            .finish_non_exhaustive()
    }
}

/// What one attempt to send came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Sent {
    /// The backend booked it; the receipt holds the reference number.
    Booked(Box<CallbackReceipt>),
    /// Offline, busy, a server fault, a quota: it stays saved and is tried again, not before
    /// `retry_after` when the server said how long to wait.
    Later {
        /// Why it was not booked this time.
        code: ErrorCode,
        /// How long the backend asked to wait (`Retry-After`, RFC 9110 §10.2.3), if it said.
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

/// Columns added since the first version, added to an older file when it is opened.
const ADDED_COLUMNS: [(&str, &str); 7] = [
    ("slot", "TEXT"),
    ("backend", "TEXT"),
    // 1: cancelled (a sent row) or replaced (a refused row).
    ("cancelled", "INTEGER NOT NULL DEFAULT 0"),
    ("replaces", "INTEGER"),
    // 1: a newer booking replaced this sent one; cancel it with the backend.
    ("cancel_wanted", "INTEGER NOT NULL DEFAULT 0"),
    // What the row is: `callback` (every row of an older file) or `feedback`.
    ("kind", "TEXT NOT NULL DEFAULT 'callback'"),
    // When it was saved (Unix seconds); NULL in rows of an older version.
    ("created", "INTEGER"),
];

const COLUMNS: &str = "id, idempotency_key, request, state, receipt, problem, attempts, slot, \
                       backend, cancelled, replaces";

/// The device's bookings. Owned by the service worker; every method commits before it returns.
pub struct Outbox {
    pub(super) conn: Connection,
    /// The backend this device talks to now: new rows are made for it, and only rows made for
    /// it (or before rows were marked) are sent.
    pub(super) backend: Option<String>,
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
        // A deleted booking's bytes (its mobile number) are overwritten, not left in free pages.
        conn.pragma_update(None, "secure_delete", "ON")?;
        conn.execute_batch(SCHEMA)?;
        let have: Vec<String> = conn
            .prepare("SELECT name FROM pragma_table_info('outbox')")?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for (name, kind) in ADDED_COLUMNS {
            if !have.iter().any(|h| h == name) {
                conn.execute_batch(&format!("ALTER TABLE outbox ADD COLUMN {name} {kind}"))?;
            }
        }
        Ok(Outbox {
            conn,
            backend: None,
        })
    }

    /// The backend (its base URL, or `demo` for the embedded one) the device talks to now. A
    /// booking made for another one (a box moved from the demo to a real server) is kept and
    /// listed, never sent to this one.
    pub fn for_backend(mut self, backend: impl Into<String>) -> Outbox {
        self.backend = Some(backend.into());
        self
    }

    /// The backend this outbox sends to (None: any).
    pub fn backend(&self) -> Option<&str> {
        self.backend.as_deref()
    }

    /// Saves a booking with a fresh Idempotency-Key; when this returns, it is on the disk.
    ///
    /// Errors: the row could not be committed (then nothing was saved), or no key was made.
    pub fn save(&self, request: &CallbackRequest) -> Result<StoredBooking, OutboxError> {
        self.save_with(request, None, None)
    }

    /// [`Outbox::save`], keeping the slot as the screen showed it (for the list of bookings),
    /// and the booking this one replaces (a refused one is marked replaced in the same
    /// transaction; a booked one is cancelled once this one is booked).
    pub fn save_with(
        &self,
        request: &CallbackRequest,
        slot: Option<&CallbackSlot>,
        replaces: Option<BookingId>,
    ) -> Result<StoredBooking, OutboxError> {
        let key = new_idempotency_key()?;
        let corrupt = |e: serde_json::Error| OutboxError::Corrupt(e.to_string());
        let json = serde_json::to_string(request).map_err(corrupt)?;
        let slot_json = slot
            .map(serde_json::to_string)
            .transpose()
            .map_err(corrupt)?;
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "INSERT INTO outbox (idempotency_key, request, state, slot, backend, replaces, created)
             VALUES (?1, ?2, 'saved', ?3, ?4, ?5, CAST(strftime('%s', 'now') AS INTEGER))",
            params![
                key.as_str(),
                json,
                slot_json,
                self.backend,
                replaces.map(|r| r.0)
            ],
        )?;
        let id = BookingId(tx.last_insert_rowid());
        if let Some(old) = replaces {
            tx.execute(
                "UPDATE outbox SET cancelled = 1 WHERE id = ?1 AND state = 'dead'",
                [old.0],
            )?;
        }
        tx.commit()?;
        Ok(StoredBooking {
            id,
            key,
            request: request.clone(),
            body: json,
            state: BookingState::Saved,
            attempts: 0,
            slot: slot.cloned(),
            backend: self.backend.clone(),
            replaces,
        })
    }

    /// Every booking, oldest first.
    pub fn all(&self) -> Result<Vec<StoredBooking>, OutboxError> {
        self.select(
            &format!("SELECT {COLUMNS} FROM outbox WHERE kind = 'callback' ORDER BY id"),
            [],
        )
    }

    /// The bookings still to send to this outbox's backend, oldest first.
    pub fn unsent(&self) -> Result<Vec<StoredBooking>, OutboxError> {
        self.select(
            &format!(
                "SELECT {COLUMNS} FROM outbox WHERE state = 'saved' AND kind = 'callback'
                 AND (?1 IS NULL OR backend IS NULL OR backend = ?1) ORDER BY id"
            ),
            [&self.backend],
        )
    }

    /// The booking `id`, if the outbox has it (and can read it).
    pub fn get(&self, id: BookingId) -> Result<Option<StoredBooking>, OutboxError> {
        let row = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1 AND kind = 'callback'"),
                [id.0],
                read_row,
            )
            .optional()?;
        row.map(decode).transpose()
    }

    /// The rows `sql` selects that can be read. One that cannot (damaged on disk) is left in
    /// place and logged, so it does not stop every other booking from being sent.
    fn select(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<StoredBooking>, OutboxError> {
        self.select_with(sql, args, read_row, decode)
    }

    /// The rows `sql` selects, each read by `read` and decoded by `decode`; one that cannot be
    /// decoded (damaged on disk) is left in place and logged, so it stops no other row.
    pub(super) fn select_with<R, T>(
        &self,
        sql: &str,
        args: impl rusqlite::Params,
        read: fn(&rusqlite::Row<'_>) -> rusqlite::Result<R>,
        decode: fn(R) -> Result<T, OutboxError>,
    ) -> Result<Vec<T>, OutboxError> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(args, read)?;
        let mut out = Vec::new();
        for row in rows {
            match decode(row?) {
                Ok(decoded) => out.push(decoded),
                Err(e) => eprintln!("legal-kiosk: {e}; set aside"),
            }
        }
        Ok(out)
    }

    pub(super) fn record_attempt(&self, id: i64) -> Result<(), OutboxError> {
        self.conn.execute(
            "UPDATE outbox SET attempts = attempts + 1 WHERE id = ?1",
            [id],
        )?;
        Ok(())
    }

    fn mark_sent(&self, id: BookingId, receipt: &CallbackReceipt) -> Result<(), OutboxError> {
        let json =
            serde_json::to_string(receipt).map_err(|e| OutboxError::Corrupt(e.to_string()))?;
        let tx = self.conn.unchecked_transaction()?;
        tx.execute(
            "UPDATE outbox SET state = 'sent', receipt = ?2 WHERE id = ?1 AND state = 'saved'",
            params![id.0, json],
        )?;
        // The booking it replaces is cancelled now that this one is booked (not before: a
        // refused new booking must not leave the person with none).
        tx.execute(
            "UPDATE outbox SET cancel_wanted = 1
             WHERE id = (SELECT replaces FROM outbox WHERE id = ?1)
               AND state = 'sent' AND cancelled = 0",
            [id.0],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Booked ones a newer booking replaced, still to be cancelled with the backend.
    pub fn to_cancel(&self) -> Result<Vec<StoredBooking>, OutboxError> {
        self.select(
            &format!(
                "SELECT {COLUMNS} FROM outbox WHERE state = 'sent' AND cancelled = 0
                 AND cancel_wanted = 1 ORDER BY id"
            ),
            [],
        )
    }

    /// The backend will not cancel it (its slot has started): it stays booked.
    pub fn give_up_cancel(&self, id: BookingId) -> Result<(), OutboxError> {
        self.conn
            .execute("UPDATE outbox SET cancel_wanted = 0 WHERE id = ?1", [id.0])?;
        Ok(())
    }

    /// Removes a refused (or replaced) booking the person has read: it can no longer be sent,
    /// and its mobile number should not stay. False when it is not one.
    pub fn forget_refused(&self, id: BookingId) -> Result<bool, OutboxError> {
        let n = self.conn.execute(
            "DELETE FROM outbox WHERE id = ?1 AND state = 'dead' AND kind = 'callback'",
            [id.0],
        )?;
        Ok(n > 0)
    }

    /// Marks a sent booking cancelled (the backend confirmed the cancellation).
    pub fn mark_cancelled(&self, id: BookingId) -> Result<(), OutboxError> {
        self.conn.execute(
            "UPDATE outbox SET cancelled = 1 WHERE id = ?1 AND state = 'sent'",
            [id.0],
        )?;
        Ok(())
    }

    /// Deletes the bookings the device no longer needs, with their mobile numbers: sent (or
    /// cancelled) ones whose callback slot ended more than `keep` before `now`; with `keep`
    /// zero (a kiosk) every sent one at once. Saved and refused ones stay: the first are not
    /// sent yet, the second are shown to the person. Returns how many went.
    pub fn purge(
        &self,
        keep: Duration,
        now: chrono::DateTime<chrono::Utc>,
    ) -> Result<usize, OutboxError> {
        let mut gone = 0;
        let keep = chrono::Duration::from_std(keep).unwrap_or(chrono::Duration::MAX);
        for booking in self.all()? {
            // The slot's end: the receipt's, else the one shown when it was made.
            let ends = match &booking.state {
                BookingState::Sent(r) | BookingState::Cancelled(r) => Some(r.slot.ends_at),
                // Refused: shown to the person at the time; its number goes too, at once on a
                // kiosk (nobody to show it to later), else a while after its slot.
                BookingState::Dead(_) | BookingState::Replaced => {
                    booking.slot.as_ref().map(|s| s.ends_at)
                }
                // Not sent yet: it stays, whatever its age (a row made for another backend too).
                BookingState::Saved => continue,
            };
            let over = ends
                .and_then(|e| e.with_timezone(&chrono::Utc).checked_add_signed(keep))
                .is_some_and(|t| t < now);
            if keep.is_zero() || over {
                gone += self
                    .conn
                    .execute("DELETE FROM outbox WHERE id = ?1", [booking.id.0])?;
            }
        }
        if gone > 0 {
            // Out of the write-ahead log too: its old pages still held the rows.
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(gone)
    }

    pub(super) fn mark_dead(&self, id: i64, code: ErrorCode) -> Result<(), OutboxError> {
        self.conn.execute(
            "UPDATE outbox SET state = 'dead', problem = ?2 WHERE id = ?1 AND state = 'saved'",
            params![id, code.as_str()],
        )?;
        Ok(())
    }
}

/// One row as read: id, key, request, state, receipt, problem, attempts, slot, backend,
/// cancelled, replaces.
type Row = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    u32,
    Option<String>,
    Option<String>,
    bool,
    Option<i64>,
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
        row.get(7)?,
        row.get(8)?,
        row.get(9)?,
        row.get(10)?,
    ))
}

fn decode(
    (id, key, request, state, receipt, problem, attempts, slot, backend, cancelled, replaces): Row,
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
            if cancelled {
                BookingState::Cancelled(Box::new(receipt))
            } else {
                BookingState::Sent(Box::new(receipt))
            }
        }
        "dead" if cancelled => BookingState::Replaced,
        "dead" => BookingState::Dead(
            problem
                .as_deref()
                .and_then(ErrorCode::parse)
                .ok_or_else(|| corrupt("problem"))?,
        ),
        _ => return Err(corrupt("state")),
    };
    // A slot that cannot be read only costs the list its day and hours.
    let slot = slot.and_then(|s| serde_json::from_str(&s).ok());
    Ok(StoredBooking {
        id: BookingId(id),
        key,
        request,
        body,
        state,
        attempts,
        slot,
        backend,
        replaces: replaces.map(BookingId),
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

/// What one attempt to send any row of the outbox came to ([`Sent`] for a booking).
#[derive(Debug, Clone, PartialEq)]
pub enum Delivery<R> {
    /// The backend took it: its receipt (the reference number).
    Done(Box<R>),
    /// Offline, busy, a server fault, a quota: it stays saved and is tried again, not before
    /// `retry_after` when the server said how long to wait.
    Later {
        code: ErrorCode,
        /// `Retry-After` (RFC 9110 §10.2.3), if the server said.
        retry_after: Option<Duration>,
    },
    /// Refused for good: dead-lettered.
    Refused(ErrorCode),
}

impl From<Delivery<CallbackReceipt>> for Sent {
    fn from(d: Delivery<CallbackReceipt>) -> Sent {
        match d {
            Delivery::Done(receipt) => Sent::Booked(receipt),
            Delivery::Later { code, retry_after } => Sent::Later { code, retry_after },
            Delivery::Refused(code) => Sent::Refused(code),
        }
    }
}

/// Sends the row `id` by `request` and records what came of it: the attempt is counted before
/// the request leaves; `done` (the receipt's commit) or the dead-letter is committed before
/// this returns. `outbox` is locked only around its own writes, never across the request.
pub(super) async fn deliver<R>(
    outbox: &tokio::sync::Mutex<Outbox>,
    id: i64,
    request: impl std::future::Future<Output = Result<R, RestError>>,
    done: impl FnOnce(&Outbox, &R) -> Result<(), OutboxError>,
) -> Result<Delivery<R>, OutboxError> {
    outbox.lock().await.record_attempt(id)?;
    match request.await {
        Ok(receipt) => {
            done(&*outbox.lock().await, &receipt)?;
            Ok(Delivery::Done(Box::new(receipt)))
        }
        Err(e) if worth_retrying(&e) => Ok(Delivery::Later {
            code: e.code(),
            retry_after: e.retry_after(),
        }),
        Err(e) => {
            outbox.lock().await.mark_dead(id, e.code())?;
            Ok(Delivery::Refused(e.code()))
        }
    }
}

/// Sends one saved booking with its key and records what came of it ([`deliver`]).
pub async fn send(
    outbox: &tokio::sync::Mutex<Outbox>,
    client: &RestClient,
    booking: &StoredBooking,
) -> Result<Sent, OutboxError> {
    let body = booking.body.clone().into_bytes();
    let request = client.book_callback_body(&booking.key, body);
    deliver(outbox, booking.id.0, request, |o, receipt| {
        o.mark_sent(booking.id, receipt)
    })
    .await
    .map(Sent::from)
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
