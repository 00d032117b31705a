//! The client against a misbehaving server: every fault ends in its typed error, never in a hang
//! or a panic.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::time::{Duration, Instant};

use legal_kiosk_api::{CallbackRequest, Lang, MobileNumber, RegionCode, SlotId};
use legal_kiosk_core::rest::{ErrorCode, Fetched, RestError, new_idempotency_key};
use support::{ScriptedServer, Step, http, http_with, respond};

const REGIONS: &str = r#"{"regions":[{"code":"150100","level":"league","name":{"mn":"ᠬᠥᠬᠡᠬᠣᠲᠠ","zh":"呼和浩特市"}}]}"#;

/// How long a request may take before the test calls it hung. A hang guard, not a speed check:
/// tests never assert speed (benchmarks measure it). The test client's timeouts end every fault
/// here in about two seconds, far below the guard even on a loaded machine; a client that ignored
/// them would wait out the scripts' 5 s stalls on each of its three attempts and reach it.
const HANG_GUARD: Duration = Duration::from_secs(10);

/// Awaits `request`, failing the test if it hangs.
async fn guarded<T>(request: impl Future<Output = T>) -> T {
    tokio::time::timeout(HANG_GUARD, request)
        .await
        .unwrap_or_else(|_| {
            panic!("the request hung: neither an answer nor an error in {HANG_GUARD:?}")
        })
}

async fn regions_error(server: &ScriptedServer) -> RestError {
    guarded(server.client().regions())
        .await
        .expect_err("the fault should end in an error")
}

#[tokio::test]
async fn a_server_slower_than_the_timeout_means_offline_after_retries() {
    let stall = || {
        vec![
            Step::Sleep(Duration::from_secs(5)),
            Step::Write(http(200, REGIONS)),
        ]
    };
    let server = ScriptedServer::start(vec![stall(), stall(), stall()]).await;
    let err = regions_error(&server).await;
    assert_eq!(err.code(), ErrorCode::Offline);
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn a_body_that_stalls_midway_hits_the_read_timeout() {
    let mut head = http_with(200, &[], REGIONS);
    head.truncate(head.len() - 10);
    let stall = || {
        vec![
            Step::Write(head.clone()),
            Step::Sleep(Duration::from_secs(5)),
        ]
    };
    let server = ScriptedServer::start(vec![stall(), stall(), stall()]).await;
    assert_eq!(regions_error(&server).await.code(), ErrorCode::Offline);
}

#[tokio::test]
async fn a_500_is_a_server_error_and_is_not_retried() {
    let server = ScriptedServer::start(vec![respond(http(500, "{}"))]).await;
    let err = regions_error(&server).await;
    assert!(matches!(err, RestError::ServerError { status: 500 }));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_503_is_retried_and_a_later_answer_is_used() {
    let server =
        ScriptedServer::start(vec![respond(http(503, "")), respond(http(200, REGIONS))]).await;
    let regions = guarded(server.client().regions()).await.unwrap();
    assert_eq!(
        regions.regions[0].code,
        RegionCode::parse("150100").unwrap()
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_lasting_503_ends_as_server_busy() {
    let busy = || respond(http(503, ""));
    let server = ScriptedServer::start(vec![busy(), busy(), busy(), busy()]).await;
    assert_eq!(regions_error(&server).await.code(), ErrorCode::ServerBusy);
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn retry_after_is_waited_out_when_short() {
    let server = ScriptedServer::start(vec![
        respond(http_with(429, &[("retry-after", "1")], "")),
        respond(http(200, REGIONS)),
    ])
    .await;
    let started = Instant::now();
    guarded(server.client().regions()).await.unwrap();
    // A lower bound only: it proves the wait happened and cannot fail on a slow machine.
    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "Retry-After not honoured"
    );
    assert_eq!(server.requests().len(), 2);
}

#[tokio::test]
async fn a_long_retry_after_is_handed_to_the_caller_at_once() {
    let server = ScriptedServer::start(vec![respond(http_with(
        503,
        &[("retry-after", "3600")],
        "",
    ))])
    .await;
    let err = regions_error(&server).await;
    assert_eq!(err.code(), ErrorCode::ServerBusy);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_verification_lockout_is_not_retried() {
    let body = r#"{"type":"urn:legal-kiosk:problem:too-many-attempts","title":"t","status":429,"code":"too-many-attempts"}"#;
    let server =
        ScriptedServer::start(vec![respond(http_with(429, &[("retry-after", "1")], body))]).await;
    let err = regions_error(&server).await;
    assert_eq!(err.code(), ErrorCode::TooManyAttempts);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn a_connection_dropped_mid_body_means_offline() {
    let drop_midway = || {
        let mut bytes = http(200, REGIONS);
        bytes.truncate(bytes.len() - 20);
        respond(bytes)
    };
    let server = ScriptedServer::start(vec![drop_midway(), drop_midway(), drop_midway()]).await;
    assert_eq!(regions_error(&server).await.code(), ErrorCode::Offline);
    assert_eq!(server.requests().len(), 3);
}

#[tokio::test]
async fn truncated_json_is_an_unexpected_answer() {
    let server = ScriptedServer::start(vec![respond(http(200, &REGIONS[..40]))]).await;
    assert_eq!(
        regions_error(&server).await.code(),
        ErrorCode::UnexpectedAnswer
    );
}

#[tokio::test]
async fn wrong_types_are_an_unexpected_answer() {
    for body in [
        r#"{"regions":[{"code":150100,"level":"league","name":{"mn":"a","zh":"b"}}]}"#,
        r#"{"regions":"none"}"#,
        r#"[]"#,
        r#"{"regions":[{"code":"../x","level":"league","name":{"mn":"a","zh":"b"}}]}"#,
    ] {
        let server = ScriptedServer::start(vec![respond(http(200, body))]).await;
        assert_eq!(
            regions_error(&server).await.code(),
            ErrorCode::UnexpectedAnswer,
            "{body}"
        );
    }
}

#[tokio::test]
async fn a_ten_megabyte_body_is_refused_not_buffered() {
    let huge = format!(
        "{{\"regions\":[],\"pad\":\"{}\"}}",
        "x".repeat(10 * 1024 * 1024)
    );
    let server = ScriptedServer::start(vec![respond(http(200, &huge))]).await;
    assert_eq!(
        regions_error(&server).await.code(),
        ErrorCode::UnexpectedAnswer
    );
}

#[tokio::test]
async fn a_ten_megabyte_body_without_length_is_cut_off_too() {
    let mut bytes =
        b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nconnection: close\r\n\r\n".to_vec();
    bytes.extend(std::iter::repeat_n(b' ', 10 * 1024 * 1024));
    let server = ScriptedServer::start(vec![respond(bytes)]).await;
    assert_eq!(
        regions_error(&server).await.code(),
        ErrorCode::UnexpectedAnswer
    );
}

#[tokio::test]
async fn garbage_instead_of_http_ends_in_an_error() {
    let junk = || respond(b"\x00\x01 not http at all\r\n\r\n".to_vec());
    let server = ScriptedServer::start(vec![junk(), junk(), junk()]).await;
    assert_eq!(regions_error(&server).await.code(), ErrorCode::Offline);
}

#[tokio::test]
async fn a_redirect_is_not_followed() {
    let server = ScriptedServer::start(vec![respond(http_with(
        302,
        &[("location", "http://203.0.113.1/v1/regions")],
        "",
    ))])
    .await;
    assert_eq!(
        regions_error(&server).await.code(),
        ErrorCode::UnexpectedAnswer
    );
    assert_eq!(server.requests().len(), 1);
}

#[tokio::test]
async fn nothing_listening_means_offline() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let mut config =
        legal_kiosk_core::rest::RestConfig::new(format!("http://{addr}"), "test-token");
    config.backoff_base = Duration::from_millis(5);
    let client = legal_kiosk_core::rest::RestClient::new(config).unwrap();
    let err = guarded(client.health()).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Offline);
    assert!(err.is_transient());
}

#[tokio::test]
async fn a_keyed_booking_is_retried_with_the_same_key() {
    let receipt = r#"{"reference":"1234567897","slot":{"id":"s-1","region":"150100","lang":"mn","starts_at":"2030-01-07T09:00:00+08:00","ends_at":"2030-01-07T10:00:00+08:00","available":2,"demo":true},"state":"booked","booked_at":"2030-01-01T09:00:00+08:00","demo":true}"#;
    let server =
        ScriptedServer::start(vec![respond(http(503, "")), respond(http(201, receipt))]).await;
    let request = CallbackRequest {
        slot: SlotId::parse("s-1").unwrap(),
        mobile: MobileNumber::parse("13900000000").unwrap(),
        name: None,
        lang: Lang::Mn,
        topic: None,
        note: None,
        replaces: None,
    };
    let key = new_idempotency_key().unwrap();
    let got = guarded(server.client().book_callback(&key, &request))
        .await
        .unwrap();
    assert_eq!(got.reference.as_str(), "1234567897");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let header = format!("idempotency-key: {}", key.as_str());
    assert!(requests.iter().all(|r| r.to_lowercase().contains(&header)));
    assert!(
        requests
            .iter()
            .all(|r| r.contains("authorization: Bearer test-token"))
    );
}

#[tokio::test]
async fn a_not_modified_answer_is_reported_as_such() {
    let server = ScriptedServer::start(vec![respond(
        b"HTTP/1.1 304 Not Modified\r\netag: \"abc\"\r\nconnection: close\r\n\r\n".to_vec(),
    )])
    .await;
    let got = guarded(server.client().catalog(Some("\"abc\"")))
        .await
        .unwrap();
    assert_eq!(got, Fetched::NotModified);
    assert!(server.requests()[0].contains("if-none-match: \"abc\""));
}
