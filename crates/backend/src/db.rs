//! The backend's SQLite database: schema, opening, and running work on it. One connection
//! behind a mutex is plenty for a reference backend; requests reach it only through
//! [`Db::run`], on tokio's threads for blocking work, so a statement that waits for a lock
//! never holds up an async worker (nor `/v1/health`, which does not touch the database).

use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

use rusqlite::Connection;

use crate::error::BackendError;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS devices (
    id          INTEGER PRIMARY KEY,
    token_hash  TEXT NOT NULL UNIQUE,
    label       TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    last_seen   INTEGER,
    revoked_at  INTEGER
);
CREATE TABLE IF NOT EXISTS bundle (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL,
    body     BLOB NOT NULL,
    etag     TEXT
);
-- The last bundles served, as dictionaries for deltas (RFC 9842; `dictionary.rs`).
CREATE TABLE IF NOT EXISTS bundle_history (
    sha256  BLOB PRIMARY KEY,
    body    BLOB NOT NULL,
    seq     INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS regions (
    code  TEXT PRIMARY KEY,
    body  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS categories (
    id    TEXT PRIMARY KEY,
    body  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS guides (
    id    TEXT PRIMARY KEY,
    body  TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS offices (
    id      TEXT PRIMARY KEY,
    region  TEXT NOT NULL,
    body    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS slots (
    id         TEXT PRIMARY KEY,
    region     TEXT NOT NULL,
    lang       TEXT NOT NULL,
    starts_at  TEXT NOT NULL,
    ends_at    TEXT NOT NULL,
    capacity   INTEGER NOT NULL,
    demo       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS slots_by_region ON slots (region, lang, starts_at);
CREATE TABLE IF NOT EXISTS callbacks (
    reference   TEXT PRIMARY KEY,
    slot        TEXT NOT NULL REFERENCES slots (id),
    mobile      TEXT NOT NULL,
    name        TEXT,
    lang        TEXT NOT NULL,
    topic       TEXT,
    note        TEXT,
    state       TEXT NOT NULL,
    device      INTEGER,
    booked_at   TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    demo        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS callbacks_by_slot ON callbacks (slot, state);
CREATE INDEX IF NOT EXISTS callbacks_by_mobile ON callbacks (mobile, state);
CREATE INDEX IF NOT EXISTS callbacks_by_device ON callbacks (device, booked_at);
CREATE TABLE IF NOT EXISTS applications (
    number  TEXT PRIMARY KEY,
    mobile  TEXT NOT NULL,
    body    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    device        INTEGER NOT NULL,
    key           TEXT NOT NULL,
    request_hash  TEXT NOT NULL,
    status        INTEGER NOT NULL,
    body          TEXT NOT NULL,
    created_at    INTEGER NOT NULL,
    PRIMARY KEY (device, key)
);
CREATE INDEX IF NOT EXISTS idempotency_by_age ON idempotency (created_at);
CREATE TABLE IF NOT EXISTS verification_failures (
    scope    TEXT NOT NULL,
    subject  TEXT NOT NULL,
    at       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_by_subject ON verification_failures (scope, subject, at);
CREATE TABLE IF NOT EXISTS audit_log (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    event   TEXT NOT NULL,
    device  INTEGER,
    detail  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_event ON audit_log (event, device, at);
-- Complaints and suggestions (`routes/feedback.rs`). The words typed on a phone are in
-- `feedback_texts` under the page's id, whichever arrived first: they are joined by
-- `text_page` when read, never copied.
CREATE TABLE IF NOT EXISTS feedback (
    reference    TEXT PRIMARY KEY,
    device       INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    region       TEXT NOT NULL,
    lang         TEXT NOT NULL,
    service      TEXT,
    office       TEXT,
    mobile       TEXT,
    text         TEXT,
    text_page    TEXT,
    received_at  TEXT NOT NULL,
    demo         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_by_device ON feedback (device, received_at);
CREATE INDEX IF NOT EXISTS feedback_by_text_page ON feedback (text_page);
CREATE INDEX IF NOT EXISTS feedback_by_age ON feedback (received_at);
-- The words posted on the phone page `/f/{page}`; the first text for a page is kept.
CREATE TABLE IF NOT EXISTS feedback_texts (
    page         TEXT PRIMARY KEY,
    text         TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    phone        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_texts_by_phone ON feedback_texts (phone, received_at);
CREATE INDEX IF NOT EXISTS feedback_texts_by_age ON feedback_texts (received_at);
";

/// Columns added after a table was first shipped: `CREATE TABLE IF NOT EXISTS` leaves an older
/// database's table as it was, so they are added here when missing.
const ADDED_COLUMNS: [(&str, &str, &str); 3] = [
    ("devices", "last_seen", "INTEGER"),
    ("devices", "revoked_at", "INTEGER"),
    ("bundle", "etag", "TEXT"),
];

/// Gives a bundle stored before its ETag was (an older database) the ETag of its bytes, so
/// `GET /v1/bundle` never needs to read or hash the blob to answer a conditional request.
fn add_missing_bundle_etag(conn: &Connection) -> Result<(), BackendError> {
    let body: Option<Vec<u8>> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT body FROM bundle WHERE id = 1 AND etag IS NULL",
        [],
        |row| row.get(0),
    ))?;
    if let Some(body) = body {
        conn.execute(
            "UPDATE bundle SET etag = ?1 WHERE id = 1",
            [crate::etag::etag_of(&body)],
        )?;
    }
    Ok(())
}

fn add_missing_columns(conn: &Connection) -> Result<(), BackendError> {
    for (table, column, kind) in ADDED_COLUMNS {
        let present: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2)",
            [table, column],
            |row| row.get(0),
        )?;
        if !present {
            conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {kind}"))?;
        }
    }
    Ok(())
}

/// Shared handle to the database.
#[derive(Clone)]
pub struct Db(Arc<Mutex<Connection>>);

/// Creates `path` with mode 0600 if it does not exist, and takes the group's and others' bits
/// off it and off its `-wal` and `-shm` files if they exist.
#[cfg(unix)]
fn owner_only(path: &Path) -> Result<(), BackendError> {
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut sidecars = Vec::new();
    for suffix in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        sidecars.push(std::path::PathBuf::from(name));
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(path)?;
    for file in std::iter::once(path).chain(sidecars.iter().map(|p| p.as_path())) {
        match std::fs::metadata(file) {
            Ok(meta) if meta.permissions().mode() & 0o077 != 0 => {
                let mode = meta.permissions().mode() & !0o077;
                std::fs::set_permissions(file, std::fs::Permissions::from_mode(mode))?;
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(())
}

#[cfg(not(unix))]
fn owner_only(_path: &Path) -> Result<(), BackendError> {
    Ok(())
}

impl Db {
    /// Opens (creating if needed) the database at `path`; `:memory:` gives a private in-memory one.
    /// A file holds personal data (mobile numbers, names, notes), so on Unix it is readable and
    /// writable by its owner only (mode 0600), made so at creation and tightened if it was
    /// wider; SQLite gives its `-wal` and `-shm` files the database file's mode.
    pub fn open(path: &Path) -> Result<Db, BackendError> {
        if path != Path::new(":memory:") {
            owner_only(path)?;
        }
        let conn = Connection::open(path)?;
        if path != Path::new(":memory:") {
            // WAL keeps readers and the writer out of each other's way; FULL makes a committed
            // booking survive a power cut.
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "FULL")?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        add_missing_columns(&conn)?;
        add_missing_bundle_etag(&conn)?;
        crate::dictionary::remember_current(&mut crate::store::Conn::Sqlite(&conn))?;
        Ok(Db(Arc::new(Mutex::new(conn))))
    }

    /// Runs `work` with the connection on one of tokio's threads for blocking work
    /// (`spawn_blocking`) and hands back its result. Errors: `work`'s own, or a
    /// [`BackendError::Io`] if the thread it ran on panicked.
    pub async fn run<T, E>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<BackendError> + Send + 'static,
    {
        let db = self.clone();
        tokio::task::spawn_blocking(move || work(&mut db.lock()))
            .await
            .map_err(|e| E::from(BackendError::Io(std::io::Error::other(e))))?
    }

    /// The connection. A panic while it was held cannot leave SQLite itself inconsistent (an
    /// unfinished transaction is rolled back), so a poisoned lock is simply taken over.
    pub fn lock(&self) -> MutexGuard<'_, Connection> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
