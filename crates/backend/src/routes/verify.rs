//! The shared shape of the endpoints that answer only to the person concerned: a number in the
//! path, their mobile number in a header, and a limit on wrong guesses.

use axum::http::HeaderMap;
use legal_kiosk_api::{FieldErrorCode, MobileNumber, ProblemCode, VERIFICATION_HEADER};
use rusqlite::Connection;

use crate::attempts::{self, Target};
use crate::auth::Device;
use crate::error::{ApiError, ApiResult};

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

/// Runs `lookup` for the target and hands back its record only if the stored mobile number is the
/// one given. An unknown number and a wrong mobile answer alike (403 wrong-verification) and both
/// count against the target and the device.
pub fn verified<T>(
    conn: &Connection,
    target: &Target<'_>,
    device: Device,
    given: &MobileNumber,
    lookup: impl FnOnce(&Connection) -> ApiResult<Option<(String, T)>>,
) -> ApiResult<T> {
    let now = chrono::Utc::now().timestamp();
    attempts::check(conn, target, device, now)?;
    match lookup(conn)? {
        Some((stored, record)) if same(&stored, given.as_str()) => {
            attempts::record_success(conn, target, device)?;
            Ok(record)
        }
        _ => {
            attempts::record_failure(conn, target, device, now)?;
            Err(ApiError::new(ProblemCode::WrongVerification))
        }
    }
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
