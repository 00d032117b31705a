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
    match client.bundle(None, None).await.unwrap() {
        Fetched::Fresh { value, etag } => {
            assert_eq!(value.bytes, bundle, "decoded before it is handed on");
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
    let err = server.client().bundle(None, None).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::UnexpectedAnswer);
}

fn dcz_answer(body: &[u8]) -> Vec<u8> {
    coded_answer("dcz", "application/octet-stream", body)
}

fn identity_answer(body: &[u8]) -> Vec<u8> {
    let mut bytes = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: {}\r\n\
         etag: \"whole\"\r\nconnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

fn header<'a>(request: &'a str, name: &str) -> Option<&'a str> {
    request.lines().find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

#[tokio::test]
async fn a_delta_against_another_dictionary_is_not_used_and_the_whole_bundle_is_fetched() {
    let held: Vec<u8> = (0..100_000u32).map(|i| (i % 199) as u8).collect();
    let other: Vec<u8> = (0..100_000u32).map(|i| (i % 197) as u8).collect();
    let new: Vec<u8> = (0..100_000u32).map(|i| (i % 193) as u8).collect();
    let server = ScriptedServer::start(vec![
        vec![Step::Write(dcz_answer(
            &legal_kiosk_content::dcz::encode(&other, &new).unwrap(),
        ))],
        vec![Step::Write(identity_answer(&new))],
    ])
    .await;
    let Fetched::Fresh { value, .. } = server
        .client()
        .bundle(Some("\"old\""), Some(&held))
        .await
        .unwrap()
    else {
        panic!("a 200 was sent")
    };
    assert_eq!(value.bytes, new);
    assert!(!value.delta);
    let requests = server.requests();
    assert_eq!(requests.len(), 2, "{requests:?}");
    // The first offered the held bundle (its SHA-256, RFC 9842 §2.2) and accepted dcz.
    let offered = header(&requests[0], "available-dictionary").unwrap();
    let hash = legal_kiosk_content::dcz::dictionary_hash(&held);
    let item: sfv::Item = sfv::Parser::new(offered).parse().unwrap();
    assert_eq!(item.bare_item.as_byte_sequence(), Some(hash.as_slice()));
    assert!(
        header(&requests[0], "accept-encoding")
            .unwrap()
            .contains("dcz")
    );
    // The second asked for the whole bundle: no dictionary, no dcz.
    assert_eq!(header(&requests[1], "available-dictionary"), None);
    assert!(
        !header(&requests[1], "accept-encoding")
            .unwrap()
            .contains("dcz")
    );
}

#[tokio::test]
async fn a_rebuilt_bundle_whose_signature_fails_is_fetched_whole_before_anything_is_refused() {
    use legal_kiosk_content::{Bundle, SigningKey};
    use legal_kiosk_core::content::{ContentStore, Refresh};

    let trusted = SigningKey::from_bytes(&[7; 32]);
    let stranger = SigningKey::from_bytes(&[9; 32]);
    let mut v1 = Bundle::open(
        legal_kiosk_content::EMBEDDED_BUNDLE,
        &legal_kiosk_content::bundle::dev_verifying_key().unwrap(),
    )
    .unwrap();
    v1.version += 1;
    let held = v1.sign(&trusted);
    let mut v2 = v1.clone();
    v2.version += 1;
    let store = ContentStore::in_memory(trusted.verifying_key()).unwrap();
    store.load(&held).unwrap();
    // The delta decodes, to a bundle signed by a key the device does not trust; the whole
    // bundle that follows is the trusted one.
    let forged = legal_kiosk_content::dcz::encode(&held, &v2.sign(&stranger)).unwrap();
    let server = ScriptedServer::start(vec![
        vec![Step::Write(dcz_answer(&forged))],
        vec![Step::Write(identity_answer(&v2.sign(&trusted)))],
    ])
    .await;
    match store.refresh(&server.client()).await.unwrap() {
        Refresh::Updated(b) => assert_eq!(*b, v2),
        other => panic!("expected the whole bundle to be used, got {other:?}"),
    }
    assert_eq!(server.requests().len(), 2);
    assert_eq!(header(&server.requests()[1], "available-dictionary"), None);
}
