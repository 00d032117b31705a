//! Device tokens. The server keeps only their SHA-256: tokens are 256 random bits, so a plain hash
//! is enough to make a stolen database useless for calling the API.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::ProblemCode;
use rusqlite::{Connection, OptionalExtension, params};
use sha2::{Digest, Sha256};

use crate::AppState;
use crate::error::{ApiError, BackendError};

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
pub fn issue_token(conn: &Connection, label: &str) -> Result<String, BackendError> {
    let token = format!("{TOKEN_PREFIX}{}", hex(&random_bytes::<32>()?));
    register_token(conn, &token, label)?;
    Ok(token)
}

/// Registers a token chosen elsewhere (e.g. `--demo-token`); registering it again is harmless.
pub fn register_token(conn: &Connection, token: &str, label: &str) -> Result<(), BackendError> {
    conn.execute(
        "INSERT INTO devices (token_hash, label, created_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (token_hash) DO NOTHING",
        params![
            sha256_hex(token.as_bytes()),
            label,
            chrono::Utc::now().timestamp()
        ],
    )?;
    Ok(())
}

fn device_for(conn: &Connection, token: &str) -> Result<Option<Device>, BackendError> {
    Ok(conn
        .query_row(
            "SELECT id FROM devices WHERE token_hash = ?1",
            [sha256_hex(token.as_bytes())],
            |row| row.get(0),
        )
        .optional()?
        .map(Device))
}

/// The token of an `Authorization` field of the Bearer scheme (RFC 6750 §2.1: `Bearer` 1*SP
/// token). The scheme is matched without regard to case (RFC 9110 §11.1): `bearer` and
/// `BEARER` are the same scheme. `None` for another scheme or an empty token.
pub fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim_matches(' ');
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}

/// Middleware: refuses a request without a known `Authorization: Bearer <token>` with 401.
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
        Some(token) => match device_for(&state.db.lock(), token) {
            Ok(device) => device,
            Err(e) => return ApiError::from(e).into_response(),
        },
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
