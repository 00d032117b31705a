//! Request parts read the way every handler wants them: refusals are problem documents that
//! name what was wrong, never axum's `text/plain` rejections.

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderName, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::{FieldErrorCode, ProblemCode};

use crate::edge::code_for_status;
use crate::error::{ApiError, ApiResult};

/// The one parameter of a route's path (`/v1/guides/{id}`), percent-decoded (RFC 3986 §2.1).
/// Error: 400 `invalid-input` naming the parameter with `invalid-format` when the decoded
/// bytes are not UTF-8 (`%FF`).
#[derive(Debug)]
pub struct PathText(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathText {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(text)) => Ok(PathText(text)),
            Err(PathRejection::FailedToDeserializePathParams(e)) => {
                let field = match e.kind() {
                    axum::extract::path::ErrorKind::InvalidUtf8InPathParam { key } => key.clone(),
                    _ => "path".to_owned(),
                };
                Err(ApiError::invalid_field(
                    400,
                    &field,
                    FieldErrorCode::InvalidFormat,
                ))
            }
            Err(_) => Err(ApiError::invalid_field(
                400,
                "path",
                FieldErrorCode::InvalidFormat,
            )),
        }
    }
}

/// The refusal of a body whose `headers` do not declare JSON, `None` when they do. JSON is
/// `Content-Type: application/json` (RFC 8259 §11), parameters such as `charset` allowed, the
/// type matched without regard to case (RFC 9110 §8.3.1). The refusal is 415 `unsupported-media-type`, for another type or none (RFC 9110
/// §15.5.16), with `Accept-Post: application/json` saying what is taken (W3C LDP §7.1).
pub fn refusal_unless_json(headers: &HeaderMap) -> Option<Response> {
    let essence = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(str::trim)
        .unwrap_or("");
    if essence.eq_ignore_ascii_case("application/json") {
        None
    } else {
        let mut refusal = ApiError::new(ProblemCode::UnsupportedMediaType)
            .with_detail("the body must be sent as Content-Type: application/json")
            .into_response();
        refusal.headers_mut().insert(
            HeaderName::from_static("accept-post"),
            HeaderValue::from_static("application/json"),
        );
        Some(refusal)
    }
}

/// A request body read whole, at most [`crate::edge::MAX_BODY_BYTES`]. Error: 413
/// `content-too-large` past that (RFC 9110 §15.5.14); 408 `invalid-input` with
/// `Connection: close` when the client stopped sending it for longer than the body read
/// timeout (RFC 9110 §15.5.9, [`crate::ServeConfig::body_read_timeout`]); 400
/// `invalid-input` for a body that broke off otherwise.
pub fn body(read: Result<Bytes, BytesRejection>) -> ApiResult<Bytes> {
    read.map_err(|rejection| {
        if timed_out(&rejection) {
            return ApiError::new(ProblemCode::InvalidInput)
                .with_status(408)
                .with_detail("the request body stopped arriving");
        }
        let status = rejection.status();
        ApiError::new(code_for_status(status)).with_status(status.as_u16())
    })
}

/// Whether the body was cut off by tower-http's body timeout, somewhere in the chain of causes.
fn timed_out(rejection: &BytesRejection) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(rejection);
    while let Some(error) = cause {
        if error.is::<tower_http::timeout::TimeoutError>() {
            return true;
        }
        cause = error.source();
    }
    false
}
