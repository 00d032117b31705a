//! The device's copy of the guides: the signed bundle kept in SQLite, so the guides open with no
//! network. First run uses the bundle built into the binary; a refresh fetches the backend's with
//! its ETag and swaps only after the signature checks and the version is newer — never back.

use std::path::Path;

use legal_kiosk_content::{Bundle, BundleError, VerifyingKey};
use rusqlite::{Connection, OptionalExtension, params};

use crate::rest::{Fetched, RestClient, RestError};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("content database: {0}")]
    Db(#[from] rusqlite::Error),
    #[error(transparent)]
    Bundle(#[from] BundleError),
}

/// What a refresh came to.
#[derive(Debug)]
pub enum Refresh {
    /// The server has nothing newer (304, or the same version).
    Unchanged,
    /// A newer bundle was checked and stored; show it.
    Updated(Box<Bundle>),
    /// The server sent something the device will not use; the current content stays.
    Refused(BundleError),
}

/// A stored bundle's bytes and the ETag it was served with.
pub type Stored = (Vec<u8>, Option<String>);

/// The content cache. One per process, owned by the worker that refreshes it.
pub struct ContentStore {
    conn: Connection,
    key: VerifyingKey,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS bundle (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    version     INTEGER NOT NULL,
    etag        TEXT,
    body        BLOB NOT NULL
);
";

impl ContentStore {
    /// Opens (creating) the cache at `path`; bundles must be signed by `key`.
    pub fn open(path: &Path, key: VerifyingKey) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        Self::with(conn, key)
    }

    pub fn in_memory(key: VerifyingKey) -> Result<Self, StoreError> {
        Self::with(Connection::open_in_memory()?, key)
    }

    fn with(conn: Connection, key: VerifyingKey) -> Result<Self, StoreError> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(SCHEMA)?;
        Ok(Self { conn, key })
    }

    fn stored(&self) -> Result<Option<Stored>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT body, etag FROM bundle WHERE id = 1", [], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?)
    }

    fn store(&self, bytes: &[u8], version: u64, etag: Option<&str>) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO bundle (id, version, etag, body) VALUES (1, ?1, ?2, ?3)",
            params![version as i64, etag, bytes],
        )?;
        Ok(())
    }

    /// The content to show: the stored bundle when it still checks out and is at least as new as
    /// `embedded` (the one built into this binary); otherwise `embedded`, which is then stored.
    pub fn load(&self, embedded: &[u8]) -> Result<Bundle, StoreError> {
        let stored = self
            .stored()?
            .and_then(|(bytes, _)| Bundle::open(&bytes, &self.key).ok());
        let built_in = Bundle::open(embedded, &self.key);
        match (stored, built_in) {
            (Some(s), Ok(e)) if e.version > s.version => {
                self.store(embedded, e.version, None)?;
                Ok(e)
            }
            (Some(s), _) => Ok(s),
            (None, Ok(e)) => {
                self.store(embedded, e.version, None)?;
                Ok(e)
            }
            (None, Err(e)) => Err(e.into()),
        }
    }

    /// The version held, if any.
    pub fn version(&self) -> Result<Option<u64>, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT version FROM bundle WHERE id = 1", [], |row| {
                row.get::<_, i64>(0)
            })
            .optional()?
            .map(|v| v as u64))
    }

    /// The ETag to send with the next refresh.
    pub fn etag(&self) -> Result<Option<String>, StoreError> {
        Ok(self.stored()?.and_then(|(_, etag)| etag))
    }

    /// Checks `bytes` (signature, then version against the one held) and stores them if they may
    /// replace it. The content held is untouched on any error.
    pub fn offer(&self, bytes: &[u8], etag: Option<&str>) -> Result<Refresh, StoreError> {
        let bundle = match Bundle::open(bytes, &self.key) {
            Ok(b) => b,
            Err(e) => return Ok(Refresh::Refused(e)),
        };
        let have = self.version()?;
        if have == Some(bundle.version)
            && self
                .stored()?
                .is_some_and(|(held, _)| held.as_slice() == bytes)
        {
            // The same bundle: remember its ETag so the next refresh costs a 304.
            self.conn
                .execute("UPDATE bundle SET etag = ?1 WHERE id = 1", params![etag])?;
            return Ok(Refresh::Unchanged);
        }
        if let Err(e) = bundle.may_replace(have) {
            return Ok(Refresh::Refused(e));
        }
        self.store(bytes, bundle.version, etag)?;
        Ok(Refresh::Updated(Box::new(bundle)))
    }

    /// The bundle held and its ETag, if any: what a refresh asks with.
    pub fn held(&self) -> Result<Option<Stored>, StoreError> {
        self.stored()
    }

    /// Asks the backend for a newer bundle (with the ETag held) and offers it; see
    /// [`refresh_with`].
    pub async fn refresh(&self, client: &RestClient) -> Result<Refresh, RefreshError> {
        let held = self.held()?;
        refresh_with(client, held, |bytes, etag| {
            let offered = self.offer(&bytes, etag.as_deref());
            async move { offered }
        })
        .await
    }
}

/// One refresh: asks with the ETag of the bundle `held` and offers its bytes as the dictionary
/// for a delta (RFC 9842), then hands what came to `offer` (which checks the signature and the
/// version). A bundle rebuilt from a delta that `offer` refuses is fetched again whole and
/// offered again, so a delta can only ever cost a second request, never an update. Errors: the
/// request's or the store's.
pub async fn refresh_with<F, Fut>(
    client: &RestClient,
    held: Option<Stored>,
    offer: F,
) -> Result<Refresh, RefreshError>
where
    F: Fn(Vec<u8>, Option<String>) -> Fut,
    Fut: std::future::Future<Output = Result<Refresh, StoreError>>,
{
    let (dictionary, etag) = held.map_or((None, None), |(bytes, etag)| (Some(bytes), etag));
    match client
        .bundle(etag.as_deref(), dictionary.as_deref())
        .await?
    {
        Fetched::NotModified => Ok(Refresh::Unchanged),
        Fetched::Fresh { value, etag } => {
            let delta = value.delta;
            match offer(value.bytes, etag).await? {
                Refresh::Refused(e) if delta => {
                    eprintln!(
                        "legal-kiosk: a bundle rebuilt from a delta was refused ({e}); fetching it whole"
                    );
                    match client.bundle(None, None).await? {
                        Fetched::NotModified => Ok(Refresh::Refused(e)),
                        Fetched::Fresh { value, etag } => Ok(offer(value.bytes, etag).await?),
                    }
                }
                other => Ok(other),
            }
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RefreshError {
    #[error(transparent)]
    Rest(#[from] RestError),
    #[error(transparent)]
    Store(#[from] StoreError),
}
