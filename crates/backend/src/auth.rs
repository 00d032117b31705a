//! Device tokens. The server keeps only their SHA-256: tokens are 256 random bits, so a plain hash
//! is enough to make a stolen database useless for calling the API.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::ProblemCode;
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::{ApiError, BackendError};
use crate::sql::args;
use crate::store::Conn;

/// The device a request came from, put in the request's extensions by [`require_device`].
#[derive(Debug, Clone, Copy)]
pub struct Device(pub i64);

/// Prefix that makes a leaked token recognisable in a scan of logs or repositories.
const TOKEN_PREFIX: &str = "lkdev_";

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N], BackendError> {
    let mut buf = [0u8; N];
    getrandom::fill(&mut buf).map_err(|e| BackendError::Random(e.to_string()))?;
    Ok(buf)
}

/// Makes a new device token, stores its hash, and returns the token: the only time it is seen.
pub fn issue_token(conn: &mut Conn<'_>, label: &str) -> Result<String, BackendError> {
    let token = format!("{TOKEN_PREFIX}{}", hex(&random_bytes::<32>()?));
    register_token(conn, &token, label)?;
    Ok(token)
}

/// Registers a token chosen elsewhere (e.g. `--demo-token`); registering it again is harmless.
pub fn register_token(conn: &mut Conn<'_>, token: &str, label: &str) -> Result<(), BackendError> {
    conn.execute(
        "INSERT INTO devices (token_hash, label, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (token_hash) DO NOTHING",
        args![
            &sha256_hex(token.as_bytes()),
            label,
            chrono::Utc::now().timestamp()
        ],
    )?;
    Ok(())
}

/// How stale a device's `last_seen` may get: it is written at most once in this many seconds,
/// so an authenticated request does not cost a database write each time.
pub const LAST_SEEN_GRANULARITY_SECS: i64 = 60;

/// The device whose token this is, `None` for a token never issued or revoked. Revocation
/// counts at once: nothing is cached. Notes the time in `last_seen` (Unix seconds) when the
/// stored one is older than [`LAST_SEEN_GRANULARITY_SECS`] before `now`.
pub fn authenticate(
    conn: &mut Conn<'_>,
    token: &str,
    now: i64,
) -> Result<Option<Device>, BackendError> {
    let found = conn.row(
        "SELECT id, last_seen FROM devices WHERE token_hash = ?1 AND revoked_at IS NULL",
        args![&sha256_hex(token.as_bytes())],
    )?;
    let Some(row) = found else {
        return Ok(None);
    };
    let (id, last_seen): (i64, Option<i64>) = (row.get(0)?, row.get(1)?);
    if last_seen.is_none_or(|seen| now - seen >= LAST_SEEN_GRANULARITY_SECS) {
        // Only an older value is overwritten: of two instances noting the same minute, one
        // writes.
        conn.execute(
            "UPDATE devices SET last_seen = ?2 WHERE id = ?1
               AND (last_seen IS NULL OR last_seen <= ?3)",
            args![id, now, now - LAST_SEEN_GRANULARITY_SECS],
        )?;
    }
    Ok(Some(Device(id)))
}

/// A device as an operator sees it: times in Unix seconds; `last_seen` is `None` before its
/// first request and up to [`LAST_SEEN_GRANULARITY_SECS`] behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceInfo {
    pub id: i64,
    pub label: String,
    pub created_at: i64,
    pub last_seen: Option<i64>,
    pub revoked_at: Option<i64>,
}

/// Every device that ever had a token, revoked ones too, by id.
pub fn devices(conn: &mut Conn<'_>) -> Result<Vec<DeviceInfo>, BackendError> {
    let rows = conn.rows(
        "SELECT id, label, created_at, last_seen, revoked_at FROM devices ORDER BY id",
        &[],
    )?;
    rows.iter()
        .map(|row| {
            Ok(DeviceInfo {
                id: row.get(0)?,
                label: row.get(1)?,
                created_at: row.get(2)?,
                last_seen: row.get(3)?,
                revoked_at: row.get(4)?,
            })
        })
        .collect()
}

/// What revoking a device's token did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revocation {
    /// Revoked now; logged in the audit log.
    Revoked,
    /// It had been revoked before; nothing changed.
    AlreadyRevoked,
    /// No device has this id.
    NoSuchDevice,
}

/// Revokes the token of device `id` at `now` (Unix seconds): its next request is 401. The
/// device stays listed, with `revoked_at`; its bookings stay. Logged as a `revocation`.
pub fn revoke(conn: &mut Conn<'_>, id: i64, now: i64) -> Result<Revocation, BackendError> {
    let changed = conn.execute(
        "UPDATE devices SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
        args![id, now],
    )?;
    if changed == 1 {
        crate::audit::record(
            conn,
            now,
            &crate::audit::Event::Revocation,
            Some(Device(id)),
        )?;
        return Ok(Revocation::Revoked);
    }
    let exists: bool = conn
        .one(
            "SELECT EXISTS (SELECT 1 FROM devices WHERE id = ?1)",
            args![id],
        )?
        .get(0)?;
    Ok(if exists {
        Revocation::AlreadyRevoked
    } else {
        Revocation::NoSuchDevice
    })
}

/// The token of an `Authorization` field of the Bearer scheme (RFC 6750 §2.1: `Bearer` 1*SP
/// token). The scheme is matched without regard to case (RFC 9110 §11.1): `bearer` and
/// `BEARER` are the same scheme. `None` for another scheme or an empty token.
pub fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim_matches(' ');
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Middleware: refuses a request without a known, unrevoked `Authorization: Bearer <token>`
/// with 401 (RFC 6750 §3, `WWW-Authenticate: Bearer`).
pub async fn require_device(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(bearer_token);
    let device = match token {
        None => None,
        Some(token) => {
            let token = token.to_owned();
            let now = chrono::Utc::now().timestamp();
            let found = state
                .db
                .run(move |conn| authenticate(conn, &token, now))
                .await;
            match found {
                Ok(device) => device,
                Err(e) => return ApiError::from(e).into_response(),
            }
        }
    };
    match device {
        Some(device) => {
            req.extensions_mut().insert(device);
            next.run(req).await
        }
        None => {
            let mut response = ApiError::new(ProblemCode::Unauthorized).into_response();
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    fn last_seen(conn: &rusqlite::Connection) -> Option<i64> {
        conn.query_row("SELECT last_seen FROM devices", [], |row| row.get(0))
            .unwrap()
    }

    #[test]
    fn last_seen_is_written_at_most_once_a_minute() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let c = &mut Conn::Sqlite(&conn);
        let token = issue_token(c, "hall").unwrap();
        assert_eq!(last_seen(&conn), None);
        assert!(authenticate(c, &token, 1_000).unwrap().is_some());
        assert_eq!(last_seen(&conn), Some(1_000));
        let writes = conn.total_changes();
        authenticate(c, &token, 1_059).unwrap();
        assert_eq!(
            (last_seen(&conn), conn.total_changes()),
            (Some(1_000), writes)
        );
        authenticate(c, &token, 1_060).unwrap();
        assert_eq!(last_seen(&conn), Some(1_060));
    }

    #[test]
    fn a_revoked_token_no_longer_authenticates_and_revoking_again_changes_nothing() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let conn = &mut Conn::Sqlite(&conn);
        let token = issue_token(conn, "hall").unwrap();
        let Some(Device(id)) = authenticate(conn, &token, 10).unwrap() else {
            panic!("fresh token refused")
        };
        assert_eq!(revoke(conn, id, 20).unwrap(), Revocation::Revoked);
        assert!(authenticate(conn, &token, 21).unwrap().is_none());
        assert_eq!(revoke(conn, id, 30).unwrap(), Revocation::AlreadyRevoked);
        assert_eq!(revoke(conn, id + 1, 30).unwrap(), Revocation::NoSuchDevice);
        // Registering the same token again does not bring it back.
        register_token(conn, &token, "hall").unwrap();
        assert!(authenticate(conn, &token, 40).unwrap().is_none());
    }
}
