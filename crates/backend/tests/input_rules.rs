//! What a booking's free text may hold, over real HTTP: no control characters or terminal
//! escapes, no bidi overrides, a name with a letter one can see, no members the contract does
//! not have. Each refusal is 422 invalid-input naming the field.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk_api::{FieldErrorCode, Problem, ProblemCode};
use support::{Backing, backend_on, first_slot};

async fn book(
    http: &reqwest::Client,
    backend: &legal_kiosk_backend::LocalBackend<legal_kiosk_backend::Store>,
    key: &str,
    body: &serde_json::Value,
) -> reqwest::Response {
    http.post(format!("{}/v1/callbacks", backend.base_url()))
        .bearer_auth(backend.device_token())
        .header("content-type", "application/json")
        .header("idempotency-key", key)
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

async fn free_text_with_controls_escapes_or_bidi_overrides_is_refused(on: Backing) {
    let backend = backend_on(on, Default::default()).await;
    let http = reqwest::Client::new();
    let slot = first_slot(&http, &backend).await;
    let before = backend.store().callback_count().await.unwrap();
    let cases: [(&str, &str, &str); 12] = [
        ("note", "call\u{0}me", "NUL"),
        (
            "note",
            "call me\u{1b}[2J\u{1b}[31m",
            "ESC (terminal escape)",
        ),
        ("note", "after 5pm\r\nplease", "CR"),
        ("note", "invoice \u{202E}fdp.exe", "RLO override"),
        ("note", "see \u{2066}this\u{2069}", "LRI/PDI isolate"),
        ("name", "Ba\nyar", "LF in a single-line field"),
        ("name", "Bayar\u{1b}]0;x\u{7}", "OSC escape"),
        ("name", "\u{202B}Bayar", "RLE embedding"),
        ("name", "\u{200B}\u{200B}\u{200B}", "only zero-width spaces"),
        ("name", "\u{3164}\u{3164}", "only Hangul fillers"),
        (
            "name",
            "\u{FFA0}\u{115F}\u{2060}",
            "only invisible letters and a word joiner",
        ),
        ("nmae", "Bayar", "a member the contract does not have"),
    ];
    for (i, (field, value, why)) in cases.into_iter().enumerate() {
        let body = serde_json::json!({
            "slot": slot, "mobile": "13900000000", "lang": "zh", field: value,
        });
        let response = book(&http, &backend, &format!("free-text-{i:04}"), &body).await;
        let status = response.status().as_u16();
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{why}"
        );
        let p: Problem = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        assert_eq!((status, p.code), (422, ProblemCode::InvalidInput), "{why}");
        let expected = if field == "nmae" {
            FieldErrorCode::Unknown
        } else {
            FieldErrorCode::InvalidFormat
        };
        assert_eq!(
            (p.errors[0].field.as_str(), p.errors[0].code),
            (field, expected),
            "{why}"
        );
    }
    assert_eq!(backend.store().callback_count().await.unwrap(), before);

    // What people really write still books: Mongolian with its variation selector and vowel
    // separator, a Chinese name, a note over two lines.
    let body = serde_json::json!({
        "slot": slot, "mobile": "13900000000", "lang": "zh",
        "name": "ᠪᠠᠶᠠᠷ\u{180B}ᠠ\u{180E}ᠠ 巴雅尔",
        "note": "关于离婚财产分割\n下午五点以后",
    });
    let response = book(&http, &backend, "free-text-ok-01", &body).await;
    assert_eq!(response.status(), 201);
}

on_both_stores!(free_text_with_controls_escapes_or_bidi_overrides_is_refused);
