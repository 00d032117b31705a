//! The backend's answers to requests the typed client never sends (no key, bad headers, bad
//! JSON), checked over real HTTP.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;

use legal_kiosk_api::{FieldErrorCode, ProblemCode};
use support::{Backing, first_slot, problem, raw_on};

async fn a_booking_without_an_idempotency_key_is_refused(on: Backing) {
    let r = raw_on(on).await;
    let response = r
        .http
        .post(format!("{}/v1/callbacks", r.base))
        .header("content-type", "application/json")
        .bearer_auth(&r.token)
        .body(r#"{"slot":"s-1","mobile":"13900000000","lang":"mn"}"#)
        .send()
        .await
        .unwrap();
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (400, ProblemCode::IdempotencyKeyMissing));
}

async fn a_body_that_is_not_json_is_a_bad_request(on: Backing) {
    let r = raw_on(on).await;
    let response = r
        .http
        .post(format!("{}/v1/callbacks", r.base))
        .header("content-type", "application/json")
        .bearer_auth(&r.token)
        .header("Idempotency-Key", "key-0000-0001")
        .body("{not json")
        .send()
        .await
        .unwrap();
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (400, ProblemCode::InvalidInput));
}

async fn verification_needs_a_well_formed_mobile_header(on: Backing) {
    let r = raw_on(on).await;
    let url = format!("{}/v1/applications/9999042713", r.base);
    let missing = r.http.get(&url).bearer_auth(&r.token).send().await.unwrap();
    let (status, p) = problem(missing).await;
    assert_eq!((status, p.code), (400, ProblemCode::InvalidInput));
    assert_eq!(p.errors[0].code, FieldErrorCode::Required);
    let bad = r
        .http
        .get(&url)
        .bearer_auth(&r.token)
        .header("Verification-Mobile", "12")
        .send()
        .await
        .unwrap();
    let (_, p) = problem(bad).await;
    assert_eq!(p.errors[0].code, FieldErrorCode::InvalidFormat);
    let typo = r
        .http
        .get(format!("{}/v1/callbacks/1234567890", r.base))
        .bearer_auth(&r.token)
        .header("Verification-Mobile", "13900000000")
        .send()
        .await
        .unwrap();
    let (status, p) = problem(typo).await;
    assert_eq!((status, p.errors[0].field.as_str()), (400, "reference"));
}

async fn a_missing_token_gets_401_with_a_problem_document(on: Backing) {
    let r = raw_on(on).await;
    let response = r
        .http
        .get(format!("{}/v1/catalog", r.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["www-authenticate"], "Bearer");
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (401, ProblemCode::Unauthorized));
}

async fn a_missing_region_and_an_unknown_path_are_problems_too(on: Backing) {
    let r = raw_on(on).await;
    let response = r.get(format!("{}/v1/offices", r.base)).await;
    let (status, p) = problem(response).await;
    assert_eq!((status, p.errors[0].code), (400, FieldErrorCode::Required));
    let response = r.get(format!("{}/v2/nothing", r.base)).await;
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (404, ProblemCode::NotFound));
}

async fn a_replayed_booking_says_so_and_keeps_its_location(on: Backing) {
    let r = raw_on(on).await;
    let slot = first_slot(&r.http, &r.backend).await;
    let body = format!(
        r#"{{"slot":"{}","mobile":"13900000000","lang":"zh"}}"#,
        slot
    );
    // Same booking, members reordered and spaced differently: still the same request.
    let reordered = format!(
        r#"{{ "lang": "zh", "mobile": "13900000000", "slot": "{}" }}"#,
        slot
    );
    let send = |b: String| {
        r.http
            .post(format!("{}/v1/callbacks", r.base))
            .header("content-type", "application/json")
            .bearer_auth(&r.token)
            .header("Idempotency-Key", "replay-key-0001")
            .body(b)
            .send()
    };
    let first = send(body).await.unwrap();
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let location = first.headers()["location"].clone();
    let second = send(reordered).await.unwrap();
    assert_eq!(second.status(), 201);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    assert_eq!(second.headers()["location"], location);
}

#[tokio::test]
async fn a_local_backend_stops_when_asked() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let health = format!("{}/v1/health", backend.base_url());
    let http = reqwest::Client::new();
    assert_eq!(http.get(&health).send().await.unwrap().status(), 200);
    backend.shutdown().await.unwrap();
    let fresh = reqwest::Client::new();
    assert!(fresh.get(&health).send().await.is_err());
}

/// RFC 9110 §11.1: the scheme name is case-insensitive; RFC 6750 §2.1 allows more than one
/// space before the token.
async fn the_bearer_scheme_is_matched_without_regard_to_case(on: Backing) {
    let r = raw_on(on).await;
    for value in [
        format!("bearer {}", r.token),
        format!("BEARER {}", r.token),
        format!("Bearer   {}", r.token),
    ] {
        let response = r
            .http
            .get(format!("{}/v1/catalog", r.base))
            .header("Authorization", &value)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "{value}");
    }
    // Another scheme with the same token is still refused.
    let response = r
        .http
        .get(format!("{}/v1/catalog", r.base))
        .header("Authorization", format!("Basic {}", r.token))
        .send()
        .await
        .unwrap();
    let (status, p) = problem(response).await;
    assert_eq!((status, p.code), (401, ProblemCode::Unauthorized));
}

/// draft-ietf-httpapi-idempotency-key-header §2: the key is an sf-string (RFC 9651 §3.3.3). A
/// quoted key and the same key bare are one key: the second request is a replay.
async fn the_drafts_quoted_key_is_the_same_key_as_the_bare_one(on: Backing) {
    let r = raw_on(on).await;
    let body = format!(
        r#"{{"slot":"{}","mobile":"13900000000","lang":"zh"}}"#,
        first_slot(&r.http, &r.backend).await
    );
    let send = |key: &'static str| {
        r.http
            .post(format!("{}/v1/callbacks", r.base))
            .header("content-type", "application/json")
            .bearer_auth(&r.token)
            .header("Idempotency-Key", key)
            .body(body.clone())
            .send()
    };
    let quoted = send("\"sf-string-key-01\"").await.unwrap();
    assert_eq!(quoted.status(), 201);
    let bare = send("sf-string-key-01").await.unwrap();
    assert_eq!(bare.status(), 201);
    assert_eq!(bare.headers()["idempotent-replayed"], "true");
    assert_eq!(bare.headers()["location"], quoted.headers()["location"]);
    // A quoted value that is not one sf-string is a malformed key.
    for bad in ["\"unterminated-key", "\"key-with-param-1\";a=1"] {
        let (status, p) = problem(send(bad).await.unwrap()).await;
        assert_eq!(
            (status, p.errors[0].code),
            (400, FieldErrorCode::InvalidFormat),
            "{bad}"
        );
    }
}

/// A key in bytes no key can hold was sent: it is malformed, not missing.
async fn a_non_ascii_key_is_malformed_not_missing(on: Backing) {
    let r = raw_on(on).await;
    let body = format!(
        r#"{{"slot":"{}","mobile":"13900000000","lang":"zh"}}"#,
        first_slot(&r.http, &r.backend).await
    );
    let response = r
        .http
        .post(format!("{}/v1/callbacks", r.base))
        .header("content-type", "application/json")
        .bearer_auth(&r.token)
        .header(
            "Idempotency-Key",
            reqwest::header::HeaderValue::from_bytes("预约-key-0001".as_bytes()).unwrap(),
        )
        .body(body)
        .send()
        .await
        .unwrap();
    let (status, p) = problem(response).await;
    assert_eq!(status, 400);
    assert_eq!(p.code, ProblemCode::InvalidInput);
    assert_eq!(
        (p.errors[0].field.as_str(), p.errors[0].code),
        ("Idempotency-Key", FieldErrorCode::InvalidFormat)
    );
}

on_both_stores!(
    a_booking_without_an_idempotency_key_is_refused,
    a_body_that_is_not_json_is_a_bad_request,
    verification_needs_a_well_formed_mobile_header,
    a_missing_region_and_an_unknown_path_are_problems_too,
    a_replayed_booking_says_so_and_keeps_its_location,
    the_bearer_scheme_is_matched_without_regard_to_case,
    the_drafts_quoted_key_is_the_same_key_as_the_bare_one,
    a_non_ascii_key_is_malformed_not_missing,
    a_missing_token_gets_401_with_a_problem_document,
);
