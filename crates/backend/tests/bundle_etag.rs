//! `GET /v1/bundle` answers a conditional request from the ETag stored with the bundle when it
//! was published: the blob is neither read nor hashed for a 304 (it was, on every request,
//! 441 KB of it). Publishing a newer bundle gives it a new ETag.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk_backend::LocalBackend;
use support::{Backing, backend_on};

async fn get_bundle<S>(
    backend: &LocalBackend<S>,
    if_none_match: Option<&str>,
) -> reqwest::Response {
    let mut request = reqwest::Client::new()
        .get(format!("{}/v1/bundle", backend.base_url()))
        .bearer_auth(backend.device_token());
    if let Some(tag) = if_none_match {
        request = request.header("If-None-Match", tag);
    }
    request.send().await.unwrap()
}

fn etag(response: &reqwest::Response) -> String {
    response.headers()["etag"].to_str().unwrap().to_owned()
}

async fn a_conditional_bundle_request_is_answered_from_the_stored_etag_without_the_blob(
    on: Backing,
) {
    let backend = backend_on(on, Default::default()).await;
    let first = get_bundle(&backend, None).await;
    assert_eq!(first.status(), 200);
    let tag = etag(&first);
    let bytes = first.bytes().await.unwrap();

    // The blob changed behind the server's back (never done by the backend itself: a bundle
    // is only replaced by publishing, which stores its ETag with it). Had the server hashed
    // the blob again, the tag would no longer match and it would send the new bytes.
    backend
        .store()
        .execute(
            "UPDATE bundle SET body = ?1",
            vec![legal_kiosk_backend::Cell::Bytes(vec![0])],
        )
        .await
        .unwrap();
    let held = get_bundle(&backend, Some(&tag)).await;
    assert_eq!(held.status(), 304);
    assert_eq!(etag(&held), tag);
    let unconditional = get_bundle(&backend, None).await;
    assert_eq!(
        etag(&unconditional),
        tag,
        "the stored tag, not one of the bytes"
    );
    assert_eq!(unconditional.bytes().await.unwrap().as_ref(), [0u8]);

    // Publishing a newer bundle stores its own tag: the device's copy is no longer current.
    let mut bundle = legal_kiosk_content::Bundle::open(
        &bytes,
        &legal_kiosk_content::bundle::dev_verifying_key().unwrap(),
    )
    .unwrap();
    bundle.version += 1;
    let key = legal_kiosk_content::SigningKey::from_bytes(&[7; 32]);
    let newer = bundle.sign(&key);
    backend
        .store()
        .publish_bundle(&newer, &key.verifying_key())
        .await
        .unwrap();
    let fresh = get_bundle(&backend, Some(&tag)).await;
    assert_eq!(fresh.status(), 200);
    assert_ne!(etag(&fresh), tag);
    let fresh_tag = etag(&fresh);
    assert_eq!(fresh.bytes().await.unwrap().as_ref(), newer.as_slice());
    assert_eq!(get_bundle(&backend, Some(&fresh_tag)).await.status(), 304);
}

on_both_stores!(a_conditional_bundle_request_is_answered_from_the_stored_etag_without_the_blob);
