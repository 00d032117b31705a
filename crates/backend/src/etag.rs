//! Strong ETags over the exact bytes sent, and `If-None-Match` → 304, so a device that already
//! has the catalog or a guide pays for a few hundred bytes instead of the whole body.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::auth::sha256_hex;

/// The strong ETag of `body` (RFC 9110 §8.8.3): the first 128 bits of its SHA-256, in hex,
/// quoted.
pub fn etag_of(body: &[u8]) -> String {
    format!("\"{}\"", &sha256_hex(body)[..32])
}

/// Whether `If-None-Match` names `etag`, so a GET is answered 304 (RFC 9110 §13.1.2: a weak
/// comparison against each listed tag, or `*`).
pub fn none_match(headers: &HeaderMap, etag: &str) -> bool {
    let opaque = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    let wanted = opaque(etag);
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| t.trim() == "*" || opaque(t) == wanted)
}

/// A JSON answer with its ETag, or 304 when the device already holds it.
pub fn json_with_etag(headers: &HeaderMap, body: Vec<u8>) -> Response {
    bytes_with_etag(headers, body, "application/json")
}

/// An answer of `content_type` with its ETag, or 304 when the device already holds it.
pub fn bytes_with_etag(headers: &HeaderMap, body: Vec<u8>, content_type: &'static str) -> Response {
    let etag = etag_of(&body);
    with_stored_etag(headers, &etag, body, content_type)
}

/// [`bytes_with_etag`] with an ETag computed before (stored with the body): `body` is not
/// hashed.
pub fn with_stored_etag(
    headers: &HeaderMap,
    etag: &str,
    body: Vec<u8>,
    content_type: &'static str,
) -> Response {
    let etag_value = HeaderValue::from_str(etag).unwrap_or(HeaderValue::from_static("\"\""));
    let mut response = if none_match(headers, etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut r = body.into_response();
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        r
    };
    response.headers_mut().insert(header::ETAG, etag_value);
    response
}

/// 304 Not Modified with `etag`: what a device that holds the current representation gets.
pub fn not_modified(etag: &str) -> Response {
    let mut response = StatusCode::NOT_MODIFIED.into_response();
    if let Ok(v) = HeaderValue::from_str(etag) {
        response.headers_mut().insert(header::ETAG, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::IF_NONE_MATCH, HeaderValue::from_str(value).unwrap());
        h
    }

    #[test]
    fn a_matching_tag_in_a_list_gives_not_modified() {
        let tag = etag_of(b"{}");
        assert!(none_match(&with(&format!("\"x\", {tag}")), &tag));
        assert!(none_match(&with(&format!("W/{tag}")), &tag));
        assert!(none_match(&with("*"), &tag));
        assert!(!none_match(&with("\"other\""), &tag));
        assert!(!none_match(&HeaderMap::new(), &tag));
    }
}
