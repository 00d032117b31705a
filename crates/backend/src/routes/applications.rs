//! Application status, answered only with the applicant's mobile number.

use axum::Json;
use axum::extract::{Extension, Path, State};
use axum::http::HeaderMap;
use legal_kiosk_api::{ApplicationNumber, ApplicationStatus, Problem};
use rusqlite::OptionalExtension;

use super::verify::{mobile_from, verified};
use crate::AppState;
use crate::attempts::Target;
use crate::auth::Device;
use crate::error::{ApiError, ApiResult};

#[utoipa::path(get, path = "/v1/applications/{number}", tag = "applications", security(("device_token" = [])),
    params(
        ("number" = String, Path, description = "Application number (10–20 digits)"),
        ("Verification-Mobile" = String, Header, description = "The applicant's mobile number"),
    ),
    responses(
        (status = 200, description = "Where the application stands", body = ApplicationStatus),
        (status = 400, description = "Malformed number or missing/malformed Verification-Mobile", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No application with this number and mobile (wrong-verification); unknown numbers answer the same", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong attempts for this number or from this device (too-many-attempts)", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64))),
    ))]
pub async fn status(
    State(state): State<AppState>,
    Extension(device): Extension<Device>,
    Path(number): Path<String>,
    headers: HeaderMap,
) -> ApiResult<Json<ApplicationStatus>> {
    let number = ApplicationNumber::parse(&number)
        .map_err(|e| ApiError::invalid_field(400, "number", e.field_code()))?;
    let mobile = mobile_from(&headers)?;
    let conn = state.db.lock();
    let target = Target {
        kind: "application",
        id: number.as_str(),
    };
    verified(&conn, &target, device, &mobile, |c| {
        let row: Option<(String, String)> = c
            .query_row(
                "SELECT mobile, body FROM applications WHERE number = ?1",
                [number.as_str()],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        row.map(|(mobile, body)| Ok((mobile, serde_json::from_str(&body)?)))
            .transpose()
    })
    .map(Json)
}
