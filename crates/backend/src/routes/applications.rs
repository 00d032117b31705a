//! Application status, answered only with the applicant's mobile number, and the one way an
//! application is written ([`put_application`]).

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::Response;
use legal_kiosk_api::{ApplicationNumber, ApplicationStatus, MobileNumber, Problem};

use super::verify::{mobile_from, verified};
use crate::AppState;
use crate::attempts::Target;
use crate::auth::Device;
use crate::error::{ApiError, ApiResult, BackendError};
use crate::etag::json_with_etag;
use crate::extract::PathText;
use crate::sql::args;
use crate::store::Conn;

#[utoipa::path(get, path = "/v1/applications/{number}", tag = "applications", security(("device_token" = [])),
    params(
        ("number" = String, Path, description = "Application number (10–20 digits)"),
        ("Verification-Mobile" = String, Header, description = "The applicant's mobile number"),
        ("If-None-Match" = Option<String>, Header, description = "ETag of the status the device holds; compared only once the mobile number is verified"),
    ),
    responses(
        (status = 200, description = "Where the application stands", body = ApplicationStatus, headers(("ETag" = String), ("Cache-Control" = String, description = "private, no-cache: personal data, revalidated on every poll"))),
        (status = 304, description = "The device's copy is current (given only to the applicant's mobile number)", headers(("ETag" = String), ("Cache-Control" = String))),
        (status = 400, description = "Malformed number or missing/malformed Verification-Mobile", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No application with this number and mobile (wrong-verification); unknown numbers answer the same, whatever If-None-Match says", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong attempts for this number or from this device (too-many-attempts)", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64))),
    ))]
pub async fn status(
    State(state): State<AppState>,
    Extension(device): Extension<Device>,
    PathText(number): PathText,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let number = ApplicationNumber::parse(&number)
        .map_err(|e| ApiError::invalid_field(400, "number", e.field_code()))?;
    let mobile = mobile_from(&headers)?;
    let status: ApplicationStatus = state
        .db
        .run(move |conn| {
            let target = Target {
                kind: "application",
                id: number.as_str(),
            };
            verified(conn, &target, device, &mobile, |c| {
                let row = c.row(
                    "SELECT mobile, body FROM applications WHERE number = ?1",
                    args![number.as_str()],
                )?;
                row.map(|row| {
                    let body: String = row.get(1)?;
                    Ok((row.get(0)?, serde_json::from_str(&body)?))
                })
                .transpose()
            })
        })
        .await?;
    // Only past the verification may If-None-Match count: a 304 to a wrong mobile number would
    // tell a guesser that the number exists and that the status they hold is the current one.
    let mut response = json_with_etag(&headers, serde_json::to_vec(&status)?);
    // Personal data: no shared cache keeps it, and a device asks again each time it polls.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    Ok(response)
}

/// Writes `status` as the application with its number, replacing what was stored under that
/// number, verified from now on with `mobile` (11 digits, as the applicant types it). The demo
/// data is written with it, and tests use it to move an application on while a device polls its
/// status; the next poll gets the new status and a new ETag.
pub fn put_application(
    conn: &rusqlite::Connection,
    status: &ApplicationStatus,
    mobile: &str,
) -> Result<(), BackendError> {
    write_application(&mut Conn::Sqlite(conn), status, mobile)
}

/// [`put_application`] on either store.
pub fn write_application(
    conn: &mut Conn<'_>,
    status: &ApplicationStatus,
    mobile: &str,
) -> Result<(), BackendError> {
    // Stored as verification compares it: a number stored in another form would never match.
    let mobile = MobileNumber::parse(mobile).map_err(|_| BackendError::InvalidMobile {
        record: status.number.as_str().to_owned(),
    })?;
    conn.execute(
        "INSERT INTO applications (number, mobile, body) VALUES (?1, ?2, ?3)
         ON CONFLICT (number) DO UPDATE SET mobile = excluded.mobile, body = excluded.body",
        args![
            status.number.as_str(),
            mobile.as_str(),
            &serde_json::to_string(status)?
        ],
    )?;
    Ok(())
}
