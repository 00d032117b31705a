//! The shared shape of the endpoints that answer only to the person concerned: a number in the
//! path, their mobile number in a header, and a limit on wrong guesses.

use crate::attempts::{self, Target};
use crate::auth::Device;
use crate::error::{ApiError, ApiResult};
use crate::store::{Conn, SqliteBegin};
use axum::http::HeaderMap;
use legal_kiosk_api::{FieldErrorCode, MobileNumber, ProblemCode, VERIFICATION_HEADER};

/// The mobile number a verified endpoint is asked with. Missing or malformed is a 400 and does not
/// count as a wrong attempt: it says nothing about any record.
pub fn mobile_from(headers: &HeaderMap) -> ApiResult<MobileNumber> {
    let value = headers
        .get(VERIFICATION_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    MobileNumber::parse(value.trim()).map_err(|e| {
        let code = match e.field_code() {
            FieldErrorCode::Required => FieldErrorCode::Required,
            _ => FieldErrorCode::InvalidFormat,
        };
        ApiError::invalid_field(400, VERIFICATION_HEADER, code)
    })
}

/// The advisory lock every verified lookup takes on PostgreSQL: the counts of
/// [`crate::attempts`] (per pair, target, device and all lookups together) are read and then
/// written, so instances take turns, as one SQLite connection does. Lookups are capped at
/// [`crate::GLOBAL_LOOKUPS`] a window, so the turns are few.
const VERIFICATION_LOCK: &str = "verification";

/// Runs `lookup` for the target and hands back its record only if the stored mobile number is the
/// one given. An unknown number and a wrong mobile answer alike (403 wrong-verification) and both
/// count against the target and the device. On PostgreSQL it is one transaction holding
/// [`VERIFICATION_LOCK`], so the limits hold across instances; a wrong answer's count and a
/// lockout's audit line are committed with their 403 or 429.
pub fn verified<T>(
    conn: &mut Conn<'_>,
    target: &Target<'_>,
    device: Device,
    given: &MobileNumber,
    lookup: impl FnOnce(&mut Conn<'_>) -> ApiResult<Option<(String, T)>>,
) -> ApiResult<T> {
    let outcome = conn.transaction(SqliteBegin::None, |conn| {
        conn.lock_key(VERIFICATION_LOCK)?;
        let now = chrono::Utc::now().timestamp();
        match attempts::check(conn, target, device, now) {
            // The lockout's audit line is committed with the 429.
            Err(e) if e.problem.code == ProblemCode::TooManyAttempts => return Ok(Err(e)),
            other => other?,
        }
        match lookup(conn)? {
            Some((stored, record)) if same(&stored, given.as_str()) => {
                attempts::record_success(conn, target, device)?;
                Ok(Ok(record))
            }
            _ => {
                attempts::record_failure(conn, target, device, now)?;
                Ok(Err(ApiError::new(ProblemCode::WrongVerification)))
            }
        }
    });
    // A refusal's count is committed with it; only a failure of the work itself rolls back.
    outcome.and_then(|answer| answer)
}

/// Compares without stopping at the first difference, so timing does not leak how many leading
/// digits were right.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |diff, (x, y)| diff | (x ^ y))
            == 0
}
