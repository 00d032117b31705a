//! The guides work offline and cannot be rolled back: first run from the embedded bundle, refusal
//! of tampered and older bundles, and an ETag refresh against the reference backend.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use legal_kiosk_content::bundle::{dev_verifying_key, signing_key_from_text};
use legal_kiosk_content::{Bundle, BundleError, EMBEDDED_BUNDLE, SigningKey, Source};
use legal_kiosk_core::content::{ContentStore, Refresh};
use legal_kiosk_core::rest::{RestClient, RestConfig};

fn dev_key() -> SigningKey {
    let path = legal_kiosk_content::content_dir().join("../bundle/DEV-SIGNING-KEY.txt");
    signing_key_from_text(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn embedded() -> Bundle {
    Bundle::open(EMBEDDED_BUNDLE, &dev_verifying_key().unwrap()).unwrap()
}

/// The embedded content with one guide's Chinese title changed, as `version`.
fn changed(version: u64, title: &str) -> Vec<u8> {
    let mut b = embedded();
    b.version = version;
    b.guides[0].title.zh = title.to_owned();
    b.sign(&dev_key())
}

fn store() -> ContentStore {
    ContentStore::in_memory(dev_verifying_key().unwrap()).unwrap()
}

#[test]
fn first_run_without_a_backend_shows_the_embedded_guides() {
    let dir = std::env::temp_dir().join(format!("lk-content-{}", std::process::id()));
    let path = dir.join("content.sqlite3");
    let _ = std::fs::remove_file(&path);
    let store = ContentStore::open(&path, dev_verifying_key().unwrap()).unwrap();
    let bundle = store.load(EMBEDDED_BUNDLE).unwrap();
    let source = Source::load(&legal_kiosk_content::content_dir()).unwrap();
    assert_eq!(bundle.guides.len(), source.guides.len());
    assert!(bundle.guide("legal-aid-application").is_some());
    // Kept on disk: a second start reads it back.
    drop(store);
    let again = ContentStore::open(&path, dev_verifying_key().unwrap()).unwrap();
    assert_eq!(again.version().unwrap(), Some(bundle.version));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_tampered_bundle_is_refused_and_the_current_content_stays() {
    let store = store();
    let current = store.load(EMBEDDED_BUNDLE).unwrap();
    let mut tampered = changed(current.version + 1, "篡改的标题");
    let last = tampered.len() - 10;
    tampered[last] ^= 1;
    assert!(matches!(
        store.offer(&tampered, None).unwrap(),
        Refresh::Refused(BundleError::BadSignature)
    ));
    // Signed by someone else: refused too.
    let stranger = SigningKey::from_bytes(&[9; 32]);
    let mut b = embedded();
    b.version += 1;
    assert!(matches!(
        store.offer(&b.sign(&stranger), None).unwrap(),
        Refresh::Refused(BundleError::BadSignature)
    ));
    assert_eq!(store.load(EMBEDDED_BUNDLE).unwrap(), current);
}

#[test]
fn an_older_bundle_is_refused_and_the_current_content_stays() {
    let store = store();
    let current = store.load(EMBEDDED_BUNDLE).unwrap();
    let newer = changed(current.version + 2, "较新的标题");
    assert!(matches!(
        store.offer(&newer, None).unwrap(),
        Refresh::Updated(_)
    ));
    let older = changed(current.version + 1, "较旧的标题");
    assert!(matches!(
        store.offer(&older, None).unwrap(),
        Refresh::Refused(BundleError::NotNewer { .. })
    ));
    // Nor does the older bundle built into the binary win at the next start.
    let shown = store.load(EMBEDDED_BUNDLE).unwrap();
    assert_eq!(shown.version, current.version + 2);
    assert_eq!(shown.guides[0].title.zh, "较新的标题");
}

#[test]
fn a_bundle_damaged_on_disk_falls_back_to_the_embedded_one() {
    let dir = std::env::temp_dir().join(format!("lk-damaged-{}", std::process::id()));
    let path = dir.join("content.sqlite3");
    let _ = std::fs::remove_file(&path);
    let store = ContentStore::open(&path, dev_verifying_key().unwrap()).unwrap();
    store.load(EMBEDDED_BUNDLE).unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE bundle SET body = x'00010203'", [])
        .unwrap();
    drop(conn);
    let store = ContentStore::open(&path, dev_verifying_key().unwrap()).unwrap();
    assert_eq!(store.load(EMBEDDED_BUNDLE).unwrap(), embedded());
    let _ = std::fs::remove_dir_all(dir);
}

#[tokio::test(flavor = "current_thread")]
async fn an_etag_refresh_picks_up_a_changed_guide() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let client =
        RestClient::new(RestConfig::new(backend.base_url(), backend.device_token())).unwrap();
    let store = store();
    let current = store.load(EMBEDDED_BUNDLE).unwrap();

    // The backend serves what the device already has: nothing to do, but its ETag is kept…
    assert!(matches!(
        store.refresh(&client).await.unwrap(),
        Refresh::Unchanged
    ));
    assert!(store.etag().unwrap().is_some());
    // …so the next refresh is a 304.
    assert!(matches!(
        store.refresh(&client).await.unwrap(),
        Refresh::Unchanged
    ));

    let newer = changed(current.version + 1, "法律援助申请（已更新）");
    legal_kiosk_backend::publish_bundle(backend.db(), &newer, &dev_verifying_key().unwrap())
        .unwrap();
    match store.refresh(&client).await.unwrap() {
        Refresh::Updated(b) => assert_eq!(b.guides[0].title.zh, "法律援助申请（已更新）"),
        other => panic!("expected an update, got {other:?}"),
    }
    assert_eq!(store.version().unwrap(), Some(current.version + 1));
    assert!(matches!(
        store.refresh(&client).await.unwrap(),
        Refresh::Unchanged
    ));
    // The backend serves the changed guide on its own endpoint too.
    let id = legal_kiosk_api::GuideId::parse(current.guides[0].id.as_str()).unwrap();
    match client.guide(&id, None).await.unwrap() {
        legal_kiosk_core::rest::Fetched::Fresh { value, .. } => {
            assert_eq!(value.title.zh, "法律援助申请（已更新）")
        }
        other => panic!("{other:?}"),
    }
}
