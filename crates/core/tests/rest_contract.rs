//! The client against the reference backend on 127.0.0.1:0: every endpoint, its success and each
//! error it documents.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use legal_kiosk_api::*;
use legal_kiosk_backend::{LocalBackend, SLOT_CAPACITY};
use legal_kiosk_core::rest::new_idempotency_key;
use legal_kiosk_core::rest::{ErrorCode, Fetched, RestClient, RestConfig, RestError};

async fn backend() -> (LocalBackend, RestClient) {
    let backend = legal_kiosk_backend::start_local_with(
        Path::new(":memory:"),
        // Far more bookings than a person makes: the quotas have their own tests.
        legal_kiosk_backend::Limits::UNLIMITED,
    )
    .await
    .unwrap();
    let client =
        RestClient::new(RestConfig::new(backend.base_url(), backend.device_token())).unwrap();
    (backend, client)
}

fn mobile(s: &str) -> MobileNumber {
    MobileNumber::parse(s).unwrap()
}

fn region(s: &str) -> RegionCode {
    RegionCode::parse(s).unwrap()
}

async fn first_slot(client: &RestClient, lang: Lang) -> CallbackSlot {
    let slots = client
        .callback_slots(&region("150100"), Some(lang))
        .await
        .unwrap();
    // Not one about to start: it could close between listing and booking.
    let soon = now_secs() + 600;
    slots
        .slots
        .into_iter()
        .find(|s| s.available > 0 && s.starts_at.timestamp() > soon)
        .unwrap()
}

fn now_secs() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

fn booking(slot: &CallbackSlot) -> CallbackRequest {
    CallbackRequest {
        slot: slot.id.clone(),
        mobile: mobile("13900000001"),
        name: Some(PersonName::parse("Bayar").unwrap()),
        lang: slot.lang,
        topic: Some(GuideId::parse("legal-aid-application").unwrap()),
        note: Some("demo question".into()),
        replaces: None,
    }
}

fn field_codes(err: &RestError) -> Vec<(String, FieldErrorCode)> {
    match err {
        RestError::InvalidInput { fields, .. } => {
            fields.iter().map(|f| (f.field.clone(), f.code)).collect()
        }
        other => panic!("expected invalid input, got {other:?}"),
    }
}

#[tokio::test]
async fn health_says_demo() {
    let (_b, client) = backend().await;
    let health = client.health().await.unwrap();
    assert_eq!(health.status, "ok");
    assert!(health.demo);
}

#[tokio::test]
async fn an_unknown_device_token_is_unauthorized() {
    let (b, _) = backend().await;
    let stranger = RestClient::new(RestConfig::new(b.base_url(), "lkdev_not-issued")).unwrap();
    for err in [
        stranger.regions().await.unwrap_err(),
        stranger.catalog(None).await.unwrap_err(),
        stranger
            .callback_slots(&region("150100"), None)
            .await
            .unwrap_err(),
    ] {
        assert_eq!(err.code(), ErrorCode::Unauthorized);
        assert!(!err.is_transient());
    }
    // Health answers without a known token: it is for monitoring.
    assert!(stranger.health().await.is_ok());
}

#[tokio::test]
async fn regions_form_a_tree_under_inner_mongolia() {
    let (_b, client) = backend().await;
    let regions = client.regions().await.unwrap().regions;
    let root = regions
        .iter()
        .find(|r| r.level == RegionLevel::Autonomous)
        .unwrap();
    assert_eq!(root.name.zh, "内蒙古自治区");
    assert!(
        regions
            .iter()
            .all(|r| r.parent.is_none()
                || regions.iter().any(|p| Some(&p.code) == r.parent.as_ref()))
    );
}

#[tokio::test]
async fn the_catalog_is_answered_304_while_unchanged() {
    let (_b, client) = backend().await;
    let Fetched::Fresh { value, etag } = client.catalog(None).await.unwrap() else {
        panic!("first fetch must be fresh");
    };
    assert!(value.guides.len() >= 10 && value.guides.iter().all(|g| !g.demo));
    assert!(
        value
            .guides
            .iter()
            .all(|g| value.categories.iter().any(|c| c.id == g.category))
    );
    let etag = etag.expect("catalog has an ETag");
    assert_eq!(
        client.catalog(Some(&etag)).await.unwrap(),
        Fetched::NotModified
    );
    assert!(matches!(
        client.catalog(Some("\"stale\"")).await.unwrap(),
        Fetched::Fresh { .. }
    ));
}

#[tokio::test]
async fn a_guide_has_its_etag_and_an_unknown_one_is_not_found() {
    let (_b, client) = backend().await;
    let id = GuideId::parse("legal-aid-application").unwrap();
    let Fetched::Fresh { value, etag } = client.guide(&id, None).await.unwrap() else {
        panic!("first fetch must be fresh");
    };
    // The guide published from assets/content, not demo text.
    assert!(!value.demo && value.title.zh == "法律援助申请");
    assert!(!value.steps.is_empty() && !value.materials.is_empty());
    assert_eq!(
        client.guide(&id, etag.as_deref()).await.unwrap(),
        Fetched::NotModified
    );
    let missing = client
        .guide(&GuideId::parse("no-such-guide").unwrap(), None)
        .await;
    assert_eq!(missing.unwrap_err().code(), ErrorCode::NotFound);
}

#[tokio::test]
async fn offices_of_a_league_include_its_banners_and_are_demo() {
    let (_b, client) = backend().await;
    let Fetched::Fresh {
        value: list,
        etag: Some(etag),
    } = client.offices(&region("150100"), None).await.unwrap()
    else {
        panic!("offices come with an ETag");
    };
    // The list the device holds is current: 304, nothing sent again.
    assert_eq!(
        client
            .offices(&region("150100"), Some(&etag))
            .await
            .unwrap(),
        Fetched::NotModified
    );
    let offices = list.offices;
    assert!(offices.iter().any(|o| o.region == region("150105")));
    assert!(
        offices
            .iter()
            .all(|o| o.demo && o.phone.starts_with("000-") && o.name.zh.contains("演示"))
    );
    let err = client.offices(&region("999999"), None).await.unwrap_err();
    assert_eq!(
        field_codes(&err),
        vec![("region".into(), FieldErrorCode::Unknown)]
    );
}

#[tokio::test]
async fn slots_are_future_in_the_asked_language_within_hotline_hours() {
    let (_b, client) = backend().await;
    let slots = client
        .callback_slots(&region("152500"), Some(Lang::Zh))
        .await
        .unwrap()
        .slots;
    assert!(!slots.is_empty());
    let now = now_secs();
    for s in &slots {
        assert_eq!(s.lang, Lang::Zh);
        assert!(s.starts_at.timestamp() > now && s.demo && s.available == SLOT_CAPACITY);
        let t = s.starts_at.format("%H:%M").to_string();
        assert!(("09:00".."17:30").contains(&t.as_str()), "{t}");
    }
    let err = client
        .callback_slots(&region("999999"), None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
}

#[tokio::test]
async fn a_booking_can_be_looked_up_and_cancelled_with_its_mobile() {
    let (_b, client) = backend().await;
    let slot = first_slot(&client, Lang::Mn).await;
    let key = new_idempotency_key().unwrap();
    let receipt = client.book_callback(&key, &booking(&slot)).await.unwrap();
    assert_eq!(receipt.state, CallbackState::Booked);
    assert_eq!(receipt.slot.available, slot.available - 1);

    let status = client
        .callback(&receipt.reference, &mobile("13900000001"))
        .await
        .unwrap();
    assert_eq!(status.state, CallbackState::Booked);
    assert!(status.cancellable);
    let wrong = client
        .callback(&receipt.reference, &mobile("13900000002"))
        .await;
    assert_eq!(wrong.unwrap_err().code(), ErrorCode::WrongVerification);

    let cancelled = client
        .cancel_callback(&receipt.reference, &mobile("13900000001"))
        .await
        .unwrap();
    assert_eq!(cancelled.state, CallbackState::Cancelled);
    let again = client
        .cancel_callback(&receipt.reference, &mobile("13900000001"))
        .await
        .unwrap();
    assert_eq!(again.state, CallbackState::Cancelled);
    assert_eq!(
        first_slot(&client, Lang::Mn).await.available,
        slot.available
    );
}

#[tokio::test]
async fn bookings_are_refused_field_by_field() {
    let (_b, client) = backend().await;
    let slot = first_slot(&client, Lang::Mn).await;
    let key = || new_idempotency_key().unwrap();

    let mut unknown = booking(&slot);
    unknown.slot = SlotId::parse("s-nowhere").unwrap();
    let err = client.book_callback(&key(), &unknown).await.unwrap_err();
    assert_eq!(
        field_codes(&err),
        vec![("slot".into(), FieldErrorCode::Unknown)]
    );

    let mut wrong_lang = booking(&slot);
    wrong_lang.lang = Lang::Zh;
    let err = client.book_callback(&key(), &wrong_lang).await.unwrap_err();
    assert_eq!(
        field_codes(&err),
        vec![("lang".into(), FieldErrorCode::LanguageMismatch)]
    );

    let mut topic = booking(&slot);
    topic.topic = Some(GuideId::parse("no-such-guide").unwrap());
    let err = client.book_callback(&key(), &topic).await.unwrap_err();
    assert_eq!(
        field_codes(&err),
        vec![("topic".into(), FieldErrorCode::Unknown)]
    );

    let mut long_note = booking(&slot);
    long_note.note = Some("字".repeat(201));
    let err = client.book_callback(&key(), &long_note).await.unwrap_err();
    assert_eq!(
        field_codes(&err),
        vec![("note".into(), FieldErrorCode::TooLong)]
    );

    let mut past = booking(&slot);
    past.slot = SlotId::parse(legal_kiosk_backend::DEMO_PAST_SLOT).unwrap();
    past.lang = Lang::Zh;
    let err = client.book_callback(&key(), &past).await.unwrap_err();
    assert_eq!(
        field_codes(&err),
        vec![("slot".into(), FieldErrorCode::SlotClosed)]
    );

    for _ in 0..slot.available {
        client.book_callback(&key(), &booking(&slot)).await.unwrap();
    }
    let err = client
        .book_callback(&key(), &booking(&slot))
        .await
        .unwrap_err();
    assert_eq!(
        field_codes(&err),
        vec![("slot".into(), FieldErrorCode::SlotFull)]
    );
}

#[tokio::test]
async fn the_same_booking_sent_three_times_with_one_key_books_once() {
    let (_b, client) = backend().await;
    let slot = first_slot(&client, Lang::Zh).await;
    let key = new_idempotency_key().unwrap();
    let request = booking(&slot);
    let first = client.book_callback(&key, &request).await.unwrap();
    let second = client.book_callback(&key, &request).await.unwrap();
    let third = client.book_callback(&key, &request).await.unwrap();
    assert_eq!(first, second);
    assert_eq!(first, third);
    let now = client
        .callback_slots(&region("150100"), Some(Lang::Zh))
        .await
        .unwrap();
    let after = now.slots.iter().find(|s| s.id == slot.id).unwrap();
    assert_eq!(
        after.available,
        slot.available - 1,
        "one booking, not three"
    );
}

#[tokio::test]
async fn a_key_reused_with_another_booking_is_refused() {
    let (_b, client) = backend().await;
    let slot = first_slot(&client, Lang::Zh).await;
    let key = new_idempotency_key().unwrap();
    client.book_callback(&key, &booking(&slot)).await.unwrap();
    let mut other = booking(&slot);
    other.mobile = mobile("13900000009");
    match client.book_callback(&key, &other).await.unwrap_err() {
        RestError::InvalidInput { problem, .. } => {
            assert_eq!(problem, ProblemCode::IdempotencyKeyReused)
        }
        e => panic!("expected key reuse, got {e:?}"),
    }
}

#[tokio::test]
async fn the_backend_serves_the_guides_of_assets_content() {
    let (_b, client) = backend().await;
    let Fetched::Fresh { value: catalog, .. } = client.catalog(None).await.unwrap() else {
        panic!("first fetch must be fresh");
    };
    let source = legal_kiosk_content::Source::load(&legal_kiosk_content::content_dir()).unwrap();
    let mut served: Vec<String> = catalog.guides.iter().map(|g| g.id.to_string()).collect();
    let mut written: Vec<String> = source
        .guides
        .iter()
        .map(|f| f.guide.id.to_string())
        .collect();
    served.sort();
    written.sort();
    assert_eq!(served, written);
    let regions = client.regions().await.unwrap().regions;
    assert_eq!(regions.len(), source.regions.len());
    for g in source.guides.iter().map(|f| &f.guide) {
        let Fetched::Fresh { value, .. } = client.guide(&g.id, None).await.unwrap() else {
            panic!("fresh");
        };
        assert_eq!(&value, g, "{} as served differs from its file", g.id);
    }
}

#[tokio::test]
async fn the_bundle_comes_with_an_etag_and_a_phone_page_for_the_qr_code() {
    let (b, client) = backend().await;
    let Fetched::Fresh { value, etag } = client.bundle(None, None).await.unwrap() else {
        panic!("first fetch must be fresh");
    };
    assert_eq!(value.bytes, legal_kiosk_content::EMBEDDED_BUNDLE);
    assert!(!value.delta);
    assert_eq!(
        client.bundle(etag.as_deref(), None).await.unwrap(),
        Fetched::NotModified
    );
    // The page a phone opens needs no device token.
    let page = reqwest::get(format!("{}/g/legal-aid-application", b.base_url()))
        .await
        .unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()[reqwest::header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    let html = page.text().await.unwrap();
    assert!(html.contains("法律援助申请") && html.contains("ᠬᠠᠤᠯᠢ"));
    let missing = reqwest::get(format!("{}/g/no-such-guide", b.base_url()))
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
}
