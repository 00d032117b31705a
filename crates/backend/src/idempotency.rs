//! Keyed requests (`Idempotency-Key`): reading the key and the body at the edge, answering a
//! request exactly once per key, and the stored answers, per device. A box can be offline for
//! days and then resend its outbox, so keys are kept for much longer than that.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::{FieldErrorCode, IDEMPOTENCY_KEY_HEADER, IdempotencyKey, ProblemCode};
use serde::Serialize;

use crate::auth::{Device, sha256_hex};
use crate::error::{ApiError, ApiResult};
use crate::sql::args;
use crate::store::{Conn, SqliteBegin};

/// How long a key is remembered: comfortably over the 30 days promised to devices.
pub const RETENTION_SECS: i64 = 45 * 24 * 60 * 60;

/// The first answer given for a key.
pub struct StoredAnswer {
    pub request_hash: String,
    pub status: u16,
    pub body: String,
}

/// The answer stored for `key` from `device`, if any.
pub fn find(conn: &mut Conn<'_>, device: Device, key: &str) -> ApiResult<Option<StoredAnswer>> {
    let row = conn.row(
        "SELECT request_hash, status, body FROM idempotency WHERE device = ?1 AND key = ?2",
        args![device.0, key],
    )?;
    Ok(row
        .map(|row| {
            Ok::<_, crate::error::BackendError>(StoredAnswer {
                request_hash: row.get(0)?,
                status: row.get(1)?,
                body: row.get(2)?,
            })
        })
        .transpose()?)
}

/// Stores the first answer for `key` from `device`, at `now` (Unix seconds).
pub fn store(
    conn: &mut Conn<'_>,
    device: Device,
    key: &str,
    answer: &StoredAnswer,
    now: i64,
) -> ApiResult<()> {
    conn.execute(
        "INSERT INTO idempotency (device, key, request_hash, status, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        args![
            device.0,
            key,
            &answer.request_hash,
            i64::from(answer.status),
            &answer.body,
            now
        ],
    )?;
    Ok(())
}

/// Forgets keys older than the retention period.
pub fn purge(conn: &mut Conn<'_>, now: i64) -> ApiResult<usize> {
    Ok(conn.execute(
        "DELETE FROM idempotency WHERE created_at < ?1",
        args![now - RETENTION_SECS],
    )?)
}

/// The key an `Idempotency-Key` field names. The IETF draft
/// (draft-ietf-httpapi-idempotency-key-header §2) makes the field an Item Structured Header
/// whose value is an sf-string (RFC 9651 §3.3.3): `"8e03978e-40d5"`. Devices of this project
/// send the key bare; both forms name the same key. Errors: bytes outside visible ASCII, a
/// quoted value that is not one sf-string, or a key outside `IdempotencyKey`'s rules are 400
/// invalid-input (`invalid-format`, `too-long`); an empty field is `required`.
pub(crate) fn idempotency_key(value: &HeaderValue) -> Result<IdempotencyKey, ApiError> {
    let invalid = |code: FieldErrorCode| ApiError::invalid_field(400, IDEMPOTENCY_KEY_HEADER, code);
    let bytes = value.as_bytes();
    // Not "missing": a key was sent, in bytes no key can hold (RFC 9110 §5.5 obs-text).
    if !bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        return Err(invalid(FieldErrorCode::InvalidFormat));
    }
    let text = String::from_utf8_lossy(bytes);
    let key = if text.starts_with('"') {
        let item: sfv::Item = sfv::Parser::new(text.as_ref())
            .parse()
            .map_err(|_| invalid(FieldErrorCode::InvalidFormat))?;
        match item.bare_item.as_string() {
            Some(s) if item.params.is_empty() => s.as_str().to_owned(),
            _ => return Err(invalid(FieldErrorCode::InvalidFormat)),
        }
    } else {
        text.into_owned()
    };
    IdempotencyKey::parse(&key).map_err(|e| invalid(e.field_code()))
}

/// A keyed JSON request as the edge reads it: its key, its body decoded, and the hash that
/// tells a retry from a different request under the same key.
pub(crate) struct KeyedJson {
    pub key: IdempotencyKey,
    pub json: serde_json::Value,
    /// SHA-256 (hex) of the decoded body written back out, so that whitespace or member order
    /// do not make a retry look like a different request.
    pub request_hash: String,
}

impl KeyedJson {
    /// Reads the key from `headers` and decodes `body` (already checked to be JSON by its
    /// media type). Errors: no `Idempotency-Key` is 400 `idempotency-key-missing`; a malformed
    /// key (see [`idempotency_key`]) or a body that is not JSON is 400 `invalid-input`.
    pub(crate) fn read(headers: &HeaderMap, body: &[u8]) -> ApiResult<KeyedJson> {
        let key = match headers.get(IDEMPOTENCY_KEY_HEADER) {
            None => return Err(ApiError::new(ProblemCode::IdempotencyKeyMissing)),
            Some(v) => idempotency_key(v)?,
        };
        let json: serde_json::Value = serde_json::from_slice(body)
            .map_err(|_| ApiError::invalid_field(400, "", FieldErrorCode::InvalidFormat))?;
        let request_hash = sha256_hex(&serde_json::to_vec(&json)?);
        Ok(KeyedJson {
            key,
            json,
            request_hash,
        })
    }
}

/// Where the resource a stored `201` answer made lives (its `Location`), read from the
/// answer's body; `None` when the endpoint gives none.
pub(crate) type Location = fn(&str) -> Option<String>;

/// Answers `request` from `device` exactly once: `work` runs for the first request under its
/// key and its answer is stored; a replay of the same request gets that answer again, with
/// `Idempotent-Replayed: true`; a different request under the same key is 422
/// `idempotency-key-reused`. What is stored: a success (answered `201`, with `location`'s
/// `Location`) and a refusal below 500, so a retry of a refused request is not accepted
/// later. What is not: a refusal for a quota (429 `quota-exceeded`: it frees up, and the same
/// key must then go through) and a server error (5xx); their transaction leaves nothing
/// behind. One transaction: on SQLite an immediate one (it takes the write lock at its start,
/// so a database another process holds is met before anything is read); on PostgreSQL one
/// that first takes the device's lock (`device:{id}`: its keys and its hourly quotas), so
/// instances answer one device's requests one after the other. `work` takes any further
/// locks it needs after that one.
pub(crate) fn answer_once<T: Serialize>(
    conn: &mut Conn<'_>,
    device: Device,
    request: &KeyedJson,
    location: Location,
    work: impl FnOnce(&mut Conn<'_>) -> ApiResult<T>,
) -> ApiResult<Response> {
    conn.transaction(SqliteBegin::Immediate, |tx| {
        tx.lock_key(&format!("device:{}", device.0))?;
        let now = chrono::Utc::now().timestamp();
        purge(tx, now)?;
        let key = request.key.as_str();
        if let Some(first) = find(tx, device, key)? {
            if first.request_hash != request.request_hash {
                return Err(ApiError::new(ProblemCode::IdempotencyKeyReused));
            }
            let mut response = replay(&first, location);
            response
                .headers_mut()
                .insert("Idempotent-Replayed", HeaderValue::from_static("true"));
            return Ok(response);
        }
        let answer = match work(tx) {
            Ok(made) => StoredAnswer {
                request_hash: request.request_hash.clone(),
                status: 201,
                body: serde_json::to_string(&made)?,
            },
            Err(e) if e.problem.code == ProblemCode::QuotaExceeded || e.problem.status >= 500 => {
                return Err(e);
            }
            Err(e) => StoredAnswer {
                request_hash: request.request_hash.clone(),
                status: e.problem.status,
                body: serde_json::to_string(&e.problem)?,
            },
        };
        store(tx, device, key, &answer, now)?;
        Ok(replay(&answer, location))
    })
}

/// A stored answer as a response: its status and body, JSON for a success and a problem
/// document otherwise, and for a `201` the `Location` that `location` reads from its body.
fn replay(answer: &StoredAnswer, location: Location) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = if status.is_success() {
        "application/json"
    } else {
        legal_kiosk_api::PROBLEM_CONTENT_TYPE
    };
    let mut response = (status, answer.body.clone()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if status == StatusCode::CREATED
        && let Some(path) = location(&answer.body)
        && let Ok(v) = HeaderValue::from_str(&path)
    {
        headers.insert(header::LOCATION, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    const DAY: i64 = 24 * 60 * 60;

    #[test]
    fn keys_are_kept_at_least_thirty_days() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let conn = &mut Conn::Sqlite(&conn);
        let answer = |h: &str| StoredAnswer {
            request_hash: h.into(),
            status: 201,
            body: "{}".into(),
        };
        store(conn, Device(1), "key-old-0001", &answer("a"), 0).unwrap();
        store(conn, Device(1), "key-new-0001", &answer("b"), 20 * DAY).unwrap();
        assert_eq!(purge(conn, 31 * DAY).unwrap(), 0);
        assert!(find(conn, Device(1), "key-old-0001").unwrap().is_some());
        assert_eq!(purge(conn, 46 * DAY).unwrap(), 1);
        assert!(find(conn, Device(1), "key-old-0001").unwrap().is_none());
        assert!(find(conn, Device(1), "key-new-0001").unwrap().is_some());
    }

    #[test]
    fn keys_belong_to_one_device() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let conn = &mut Conn::Sqlite(&conn);
        let a = StoredAnswer {
            request_hash: "h".into(),
            status: 201,
            body: "{}".into(),
        };
        store(conn, Device(1), "shared-key-1", &a, 0).unwrap();
        assert!(find(conn, Device(2), "shared-key-1").unwrap().is_none());
    }
}
