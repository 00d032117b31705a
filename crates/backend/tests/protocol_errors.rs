//! Errors met before a handler reads a request, or in its bytes rather than its meaning: a
//! wrong method, a body too large or of the wrong media type, a request head too large, bytes
//! that are not UTF-8. Each is a problem document with a stable code, over real HTTP.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk_api::{FieldErrorCode, ProblemCode};
use legal_kiosk_backend::{MAX_HEADER_BYTES, MAX_HEADER_FIELDS, MAX_URI_BYTES};
use support::{Backing, first_slot, problem, raw_on};

/// RFC 9110 §15.5.6: a 405 names the methods the resource takes in `Allow`.
async fn a_wrong_method_is_405_with_the_allowed_methods(on: Backing) {
    let r = raw_on(on).await;
    let response = r
        .http
        .delete(format!("{}/v1/catalog", r.base))
        .bearer_auth(&r.token)
        .send()
        .await
        .unwrap();
    let allow = response.headers()["allow"].to_str().unwrap().to_owned();
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (405, ProblemCode::MethodNotAllowed));
    assert!(allow.split(',').any(|m| m.trim() == "GET"), "{allow}");
    let response = r
        .http
        .put(format!("{}/v1/health", r.base))
        .send()
        .await
        .unwrap();
    let allow = response.headers()["allow"].to_str().unwrap().to_owned();
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (405, ProblemCode::MethodNotAllowed));
    assert!(allow.contains("GET"), "{allow}");
}

/// RFC 9110 §15.5.14: a body over the limit is 413, whether it is a little over (where axum's
/// default would still read it) or far over (where axum answered text/plain).
async fn a_body_over_the_limit_is_413_content_too_large(on: Backing) {
    let r = raw_on(on).await;
    for size in [legal_kiosk_backend::MAX_BODY_BYTES + 1, 3 * 1024 * 1024] {
        let body = format!(r#"{{"note":"{}"}}"#, "x".repeat(size));
        let response = r
            .http
            .post(format!("{}/v1/callbacks", r.base))
            .bearer_auth(&r.token)
            .header("content-type", "application/json")
            .header("idempotency-key", "large-body-0001")
            .body(body)
            .send()
            .await
            .unwrap();
        let (status, p) = problem(response).await;
        assert_eq!(
            (status, p.code),
            (413, ProblemCode::ContentTooLarge),
            "{size}"
        );
    }
}

/// RFC 9110 §15.5.15 and §4.1: a target of 8,000 octets is taken, a longer one than the cap
/// is 414.
async fn a_long_request_target_is_414_uri_too_long(on: Backing) {
    let r = raw_on(on).await;
    let at = |len: usize| {
        let path = "/v1/catalog?q=";
        format!("{}{path}{}", r.base, "a".repeat(len - path.len()))
    };
    let ok = r.get(at(8000)).await;
    assert_eq!(ok.status(), 200);
    let response = r.get(at(MAX_URI_BYTES + 1)).await;
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (414, ProblemCode::UriTooLong));
}

/// RFC 6585 §5: too many header fields, or fields too large together, are 431.
async fn too_many_or_too_large_header_fields_are_431(on: Backing) {
    let r = raw_on(on).await;
    let url = format!("{}/v1/catalog", r.base);
    let mut many = r.http.get(&url).bearer_auth(&r.token);
    for i in 0..MAX_HEADER_FIELDS {
        many = many.header(format!("x-filler-{i}"), "1");
    }
    let (status, p) = problem(many.send().await.unwrap()).await;
    assert_eq!((status, p.code), (431, ProblemCode::HeaderFieldsTooLarge));
    let large = r
        .http
        .get(&url)
        .bearer_auth(&r.token)
        .header("cookie", "c".repeat(MAX_HEADER_BYTES))
        .send()
        .await
        .unwrap();
    let (status, p) = problem(large).await;
    assert_eq!((status, p.code), (431, ProblemCode::HeaderFieldsTooLarge));
}

/// RFC 9110 §15.5.16: a booking sent as text/plain (or with no type) is 415 and books nothing;
/// the type is matched without regard to case and may carry parameters (§8.3.1).
async fn a_json_body_needs_the_json_media_type(on: Backing) {
    let r = raw_on(on).await;
    let slot = first_slot(&r.http, &r.backend).await;
    let body = format!(r#"{{"slot":"{slot}","mobile":"13900000000","lang":"zh"}}"#);
    let send = |key: &'static str, media_type: Option<&'static str>| {
        let mut request = r
            .http
            .post(format!("{}/v1/callbacks", r.base))
            .bearer_auth(&r.token)
            .header("idempotency-key", key)
            .body(body.clone());
        if let Some(t) = media_type {
            request = request.header("content-type", t);
        }
        request.send()
    };
    let before = r.backend.store().callback_count().await.unwrap();
    for (key, media_type) in [
        ("media-type-0001", Some("text/plain")),
        ("media-type-0002", None),
        ("media-type-0003", Some("application/x-www-form-urlencoded")),
    ] {
        let response = send(key, media_type).await.unwrap();
        assert_eq!(response.headers()["accept-post"], "application/json");
        let (status, p) = problem(response).await;
        assert_eq!(
            (status, p.code),
            (415, ProblemCode::UnsupportedMediaType),
            "{media_type:?}"
        );
    }
    assert_eq!(r.backend.store().callback_count().await.unwrap(), before);
    let ok = send("media-type-0004", Some("Application/JSON; charset=utf-8"))
        .await
        .unwrap();
    assert_eq!(ok.status(), 201);
}

/// RFC 3986 §2.5: a percent-encoded path parameter is UTF-8; one that is not is 400
/// invalid-input naming the parameter, and so is a query parameter.
async fn bytes_that_are_not_utf8_in_a_path_or_query_are_invalid_input(on: Backing) {
    let r = raw_on(on).await;
    for (path, field) in [
        ("/v1/guides/%FF", "id"),
        ("/v1/callbacks/%C0%AF", "reference"),
        ("/v1/applications/12%FE34", "number"),
        ("/g/%FF", "id"),
        ("/v1/offices?region=%FF", "region"),
        ("/v1/callback-slots?region=150100&lang=%FF", "lang"),
    ] {
        let response = r
            .http
            .get(format!("{}{path}", r.base))
            .bearer_auth(&r.token)
            .header("verification-mobile", "13900000000")
            .send()
            .await
            .unwrap();
        let (status, p) = problem(response).await;
        assert_eq!((status, p.code), (400, ProblemCode::InvalidInput), "{path}");
        assert_eq!(
            (p.errors[0].field.as_str(), p.errors[0].code),
            (field, FieldErrorCode::InvalidFormat),
            "{path}"
        );
    }
    // The phone's page shows its own "not a reference" page, as for any mistyped address.
    let page = r
        .http
        .get(format!("{}/c/%FF%FE", r.base))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 404);
    assert!(
        page.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
}

/// axum's own refusals (here the phone form's, sent as JSON) come back as problem documents.
async fn a_form_sent_in_another_media_type_is_a_problem_too(on: Backing) {
    let r = raw_on(on).await;
    let response = r
        .http
        .post(format!(
            "{}/c/{}",
            r.base,
            legal_kiosk_backend::DEMO_CALLBACK_REFERENCE
        ))
        .header("content-type", "application/json")
        .body(r#"{"mobile":"13900000000"}"#)
        .send()
        .await
        .unwrap();
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (415, ProblemCode::UnsupportedMediaType));
    let response = r
        .http
        .post(format!(
            "{}/c/{}",
            r.base,
            legal_kiosk_backend::DEMO_CALLBACK_REFERENCE
        ))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("phone=13900000000")
        .send()
        .await
        .unwrap();
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (422, ProblemCode::InvalidInput));
}

on_both_stores!(
    a_wrong_method_is_405_with_the_allowed_methods,
    a_body_over_the_limit_is_413_content_too_large,
    a_long_request_target_is_414_uri_too_long,
    too_many_or_too_large_header_fields_are_431,
    a_json_body_needs_the_json_media_type,
    bytes_that_are_not_utf8_in_a_path_or_query_are_invalid_input,
    a_form_sent_in_another_media_type_is_a_problem_too,
);
