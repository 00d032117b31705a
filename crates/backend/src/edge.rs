//! What every request meets before and after its route: caps on the request head (414, 431)
//! and, on the way out, a problem document in place of any error answer that is not one
//! (axum's own rejections answer `text/plain`, or nothing at all). What hyper refuses while it
//! parses the head (a target over 65,534 bytes, over 100 fields, a head over about 408 KiB, a
//! raw NUL or 0xFF in the request line or a field) it answers itself with a bare 400, 414 or
//! 431: it writes that head in `proto::h1::role::Server::on_error` with no body and no hook.

use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::{PROBLEM_CONTENT_TYPE, ProblemCode};

use crate::error::ApiError;

/// Longest request target (path and query as sent, in bytes) the backend takes; longer is 414
/// (RFC 9110 §15.5.15). RFC 9110 §4.1 asks every recipient to take at least 8,000 octets.
/// hyper refuses a target over 65,534 bytes itself, before any layer sees it, with a bare 414.
pub const MAX_URI_BYTES: usize = 8 * 1024;

/// Most bytes all header fields of a request may take together, counted as on the wire
/// (`name: value` and CRLF); more is 431 (RFC 6585 §5). hyper itself refuses a request head
/// over about 408 KiB with a bare 431.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Most header fields a request may carry; more is 431 (RFC 6585 §5). A device sends about
/// ten. hyper itself refuses more than 100 with a bare 431, so this cap sits below that.
pub const MAX_HEADER_FIELDS: usize = 64;

/// Largest request body the backend reads, in bytes: a booking is well under 1 KiB. More is
/// 413 `content-too-large` (RFC 9110 §15.5.14).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Middleware: 414 `uri-too-long` for a request target over [`MAX_URI_BYTES`], 431
/// `header-fields-too-large` for header fields over [`MAX_HEADER_FIELDS`] or
/// [`MAX_HEADER_BYTES`], 413 `content-too-large` for a `Content-Length` over
/// [`MAX_BODY_BYTES`] (refused before a byte of the body is read, so a client that declares
/// 100 MB and sends 2 bytes does not hold a handler waiting); otherwise the request goes on.
pub async fn head_limits(req: Request, next: Next) -> Response {
    let target = req.uri().path_and_query().map_or(0, |pq| pq.as_str().len());
    if target > MAX_URI_BYTES {
        return ApiError::new(ProblemCode::UriTooLong)
            .with_detail(&format!(
                "the request target may have at most {MAX_URI_BYTES} bytes"
            ))
            .into_response();
    }
    if header_fields_too_large(req.headers()) {
        return ApiError::new(ProblemCode::HeaderFieldsTooLarge)
            .with_detail(&format!(
                "at most {MAX_HEADER_FIELDS} header fields of at most {MAX_HEADER_BYTES} bytes together"
            ))
            .into_response();
    }
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY_BYTES as u64) {
        return ApiError::new(ProblemCode::ContentTooLarge)
            .with_detail(&format!("the body may have at most {MAX_BODY_BYTES} bytes"))
            .into_response();
    }
    next.run(req).await
}

fn header_fields_too_large(headers: &HeaderMap) -> bool {
    let bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len() + 4)
        .sum();
    headers.len() > MAX_HEADER_FIELDS || bytes > MAX_HEADER_BYTES
}

/// The stable code an error status stands for when whoever answered gave none.
pub fn code_for_status(status: StatusCode) -> ProblemCode {
    match status.as_u16() {
        401 => ProblemCode::Unauthorized,
        404 => ProblemCode::NotFound,
        405 => ProblemCode::MethodNotAllowed,
        413 => ProblemCode::ContentTooLarge,
        414 => ProblemCode::UriTooLong,
        415 => ProblemCode::UnsupportedMediaType,
        431 => ProblemCode::HeaderFieldsTooLarge,
        503 => ProblemCode::ServerBusy,
        400..=499 => ProblemCode::InvalidInput,
        _ => ProblemCode::ServerError,
    }
}

/// Middleware on the way out: an error answer (4xx, 5xx) that is neither a problem document
/// nor one of the phone pages' HTML pages becomes a problem document with the same status, the
/// code [`code_for_status`] gives, and the same header fields but the body's own (`Allow`,
/// `Retry-After`, `WWW-Authenticate` stay). The body it replaces is dropped: axum's rejection
/// texts can echo the request. A 408 also closes the connection (`Connection: close`, RFC 9110
/// §15.5.9): the rest of a body that stopped arriving must not be read as the next request.
pub async fn every_error_is_a_problem(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let status = response.status();
    if status == StatusCode::REQUEST_TIMEOUT {
        response.headers_mut().insert(
            header::CONNECTION,
            header::HeaderValue::from_static("close"),
        );
    }
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let media_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if media_type.starts_with(PROBLEM_CONTENT_TYPE) || media_type.starts_with("text/html") {
        return response;
    }
    let (mut parts, _) = response.into_parts();
    let problem = ApiError::new(code_for_status(status))
        .with_status(status.as_u16())
        .into_response();
    let (problem_parts, body) = problem.into_parts();
    for name in [header::CONTENT_TYPE, header::CONTENT_LENGTH] {
        parts.headers.remove(&name);
        if let Some(v) = problem_parts.headers.get(&name) {
            parts.headers.insert(name, v.clone());
        }
    }
    Response::from_parts(parts, body)
}
