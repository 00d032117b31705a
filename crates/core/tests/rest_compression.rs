//! The client asks for zstd and gzip (RFC 9110 §12.5.3) and decodes them (RFC 8878, RFC 9110
//! §8.4.1.3) before anything reads the body; the body limit counts decoded bytes, so a tiny
//! answer that inflates past it is refused.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::io::Write;

use legal_kiosk_core::rest::{ErrorCode, Fetched};
use support::{ScriptedServer, Step};

const REGIONS: &str = r#"{"regions":[{"code":"150100","level":"league","name":{"mn":"ᠬᠥᠬᠡᠬᠣᠲᠠ","zh":"呼和浩特市"}}]}"#;

fn coded_answer(coding: &str, content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut bytes = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ncontent-encoding: {coding}\r\n\
         content-length: {}\r\netag: \"abc-{coding}\"\r\nvary: accept-encoding\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

#[tokio::test]
async fn the_client_asks_for_zstd_and_gzip_and_decodes_both() {
    // A binary body (the bundle is one) in zstd, JSON in gzip.
    let bundle: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let server = ScriptedServer::start(vec![
        vec![Step::Write(coded_answer(
            "zstd",
            "application/octet-stream",
            &zstd::encode_all(bundle.as_slice(), 3).unwrap(),
        ))],
        vec![Step::Write(coded_answer(
            "gzip",
            "application/json",
            &gzip(REGIONS.as_bytes()),
        ))],
    ])
    .await;
    let client = server.client();
    match client.bundle(None).await.unwrap() {
        Fetched::Fresh { value, etag } => {
            assert_eq!(value, bundle, "decoded before it is handed on");
            assert_eq!(etag.as_deref(), Some("\"abc-zstd\""));
        }
        Fetched::NotModified => panic!("a 200 was sent"),
    }
    let regions = client.regions().await.unwrap();
    assert_eq!(regions.regions[0].code.as_str(), "150100");
    for request in server.requests() {
        let accept = request
            .to_lowercase()
            .lines()
            .find_map(|l| {
                l.strip_prefix("accept-encoding:")
                    .map(|v| v.trim().to_owned())
            })
            .unwrap_or_else(|| panic!("no Accept-Encoding in {request}"));
        let codings: Vec<&str> = accept.split(',').map(str::trim).collect();
        assert!(codings.contains(&"zstd"), "{accept}");
        assert!(codings.contains(&"gzip"), "{accept}");
    }
}

#[tokio::test]
async fn a_small_answer_that_inflates_past_the_body_limit_is_refused() {
    // 3 MB of zeros is a few hundred bytes in zstd; the limit is 2 MB of decoded body.
    let bomb = zstd::encode_all(vec![0u8; 3 * 1024 * 1024].as_slice(), 19).unwrap();
    assert!(bomb.len() < 4096);
    let server = ScriptedServer::start(vec![vec![Step::Write(coded_answer(
        "zstd",
        "application/octet-stream",
        &bomb,
    ))]])
    .await;
    let err = server.client().bundle(None).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::UnexpectedAnswer);
}
