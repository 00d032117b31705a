//! The committed OpenAPI document is the one the code generates. When this fails, regenerate it:
//! `cargo run -p legal-kiosk-backend -- openapi > crates/backend/openapi.json`.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[test]
fn committed_openapi_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    let generated = legal_kiosk_backend::openapi::document();
    assert!(
        committed == generated,
        "crates/backend/openapi.json is out of date; regenerate it with \
         `cargo run -p legal-kiosk-backend -- openapi > crates/backend/openapi.json`"
    );
}

#[test]
fn the_document_is_openapi_3_1_and_lists_every_endpoint() {
    let doc: serde_json::Value =
        serde_json::from_str(&legal_kiosk_backend::openapi::document()).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/v1/health", "get"),
        ("/v1/regions", "get"),
        ("/v1/catalog", "get"),
        ("/v1/guides/{id}", "get"),
        ("/v1/offices", "get"),
        ("/v1/callback-slots", "get"),
        ("/v1/callbacks", "post"),
        ("/v1/callbacks/{reference}", "get"),
        ("/v1/callbacks/{reference}", "delete"),
        ("/v1/applications/{number}", "get"),
        ("/v1/feedback", "post"),
        ("/g/{id}", "get"),
        ("/c/{reference}", "get"),
        ("/c/{reference}", "post"),
        ("/f/{id}", "get"),
        ("/f/{id}", "post"),
    ] {
        assert!(paths[path][method].is_object(), "{method} {path} missing");
    }
    assert!(doc["components"]["schemas"]["Problem"].is_object());
    assert!(doc["components"]["securitySchemes"]["device_token"].is_object());
}

/// Every operation lists the answers any request can get before its handler runs, as problem
/// documents; those with a body list 413 and 415 too.
#[test]
fn every_operation_lists_the_protocol_errors_as_problems() {
    let doc: serde_json::Value =
        serde_json::from_str(&legal_kiosk_backend::openapi::document()).unwrap();
    let shared = &doc["components"]["responses"];
    for (name, status) in [
        ("MethodNotAllowed", "405"),
        ("ContentTooLarge", "413"),
        ("UriTooLong", "414"),
        ("UnsupportedMediaType", "415"),
        ("HeaderFieldsTooLarge", "431"),
        ("InvalidParameter", "400"),
    ] {
        let content = &shared[name]["content"]["application/problem+json"];
        assert!(content["schema"].is_object(), "{name} ({status})");
    }
    assert!(shared["MethodNotAllowed"]["headers"]["Allow"].is_object());
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = &operation["responses"];
            for status in ["405", "414", "431"] {
                assert!(responses[status].is_object(), "{method} {path}: {status}");
            }
            if operation["requestBody"].is_object() {
                for status in ["413", "415"] {
                    assert!(responses[status].is_object(), "{method} {path}: {status}");
                }
            }
        }
    }
    let booked = &doc["paths"]["/v1/callbacks"]["post"]["responses"]["201"];
    assert!(booked["headers"]["Idempotent-Replayed"].is_object());
}

/// A booking's body refuses members it does not know, and the document says so.
#[test]
fn the_booking_body_admits_no_other_members() {
    let doc: serde_json::Value =
        serde_json::from_str(&legal_kiosk_backend::openapi::document()).unwrap();
    let body = &doc["components"]["schemas"]["CallbackRequest"];
    assert_eq!(body["additionalProperties"], false);
}
