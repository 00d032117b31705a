//! Complaints and suggestions in the outbox, against the real reference backend on loopback:
//! a feedback is sent once and keeps its receipt, waits while the backend is away, arrives
//! once however often it is resent, is dead-lettered (not dropped) when refused, lives beside
//! the bookings without being taken for one, and is purged once the device no longer needs it.
//! (Kill -9 of the process sending it: the soak harness, `tests/soak.rs`.)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::Duration;

use legal_kiosk_api::{FeedbackKind, FeedbackRequest, Lang, MobileNumber, OfficeId, RegionCode};
use legal_kiosk_core::booking::feedback::{send_all_feedback, send_feedback};
use legal_kiosk_core::booking::{Delivery, FeedbackState, Outbox};
use legal_kiosk_core::rest::{ErrorCode, RestClient, RestConfig};
use tokio::sync::Mutex;

fn client(url: &str, token: &str) -> RestClient {
    let mut config = RestConfig::new(url.to_owned(), token.to_owned());
    config.connect_timeout = Duration::from_millis(300);
    config.total_timeout = Duration::from_secs(2);
    config.max_attempts = 1;
    RestClient::new(config).unwrap()
}

fn suggestion(mobile: &str) -> FeedbackRequest {
    FeedbackRequest {
        kind: FeedbackKind::Suggestion,
        region: RegionCode::parse("150100").unwrap(),
        lang: Lang::Mn,
        service: None,
        office: None,
        mobile: Some(MobileNumber::parse(mobile).unwrap()),
        text: Some("请在周末也开放".into()),
        text_page: None,
    }
}

/// The feedback rows the backend holds for `mobile`.
fn on_server(backend: &legal_kiosk_backend::LocalBackend, mobile: &str) -> Vec<String> {
    let conn = backend.db().lock();
    let mut stmt = conn
        .prepare("SELECT reference FROM feedback WHERE mobile = ?1")
        .unwrap();
    stmt.query_map([mobile], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[tokio::test]
async fn a_saved_feedback_is_sent_once_keeps_its_receipt_and_is_no_booking() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let client = client(&backend.base_url(), backend.device_token());
    let outbox = Mutex::new(Outbox::in_memory().unwrap());
    let saved = outbox
        .lock()
        .await
        .save_feedback(&suggestion("13600000001"))
        .unwrap();
    assert_eq!(saved.state, FeedbackState::Saved);
    // Beside the bookings, not one of them.
    assert!(outbox.lock().await.all().unwrap().is_empty());
    assert!(outbox.lock().await.unsent().unwrap().is_empty());

    let sent = send_all_feedback(&outbox, &client).await.unwrap();
    let [(id, Delivery::Done(receipt))] = sent.as_slice() else {
        panic!("{sent:?}");
    };
    assert_eq!(*id, saved.id);
    assert!(receipt.has_text);
    assert_eq!(
        on_server(&backend, "13600000001"),
        [receipt.reference.as_str()]
    );
    let kept = outbox.lock().await.get_feedback(saved.id).unwrap().unwrap();
    assert_eq!(kept.state, FeedbackState::Sent(receipt.clone()));
    assert!(outbox.lock().await.unsent_feedback().unwrap().is_empty());

    // Sent again with the same key (an answer lost on the way): the backend's first receipt,
    // and still one row.
    let again = send_feedback(&outbox, &client, &kept).await.unwrap();
    assert_eq!(again, Delivery::Done(receipt.clone()));
    assert_eq!(on_server(&backend, "13600000001").len(), 1);
}

#[tokio::test]
async fn a_feedback_waits_while_the_backend_is_away_and_a_refused_one_is_kept_and_shown() {
    // Nothing listens on the discard port.
    let away = client("http://127.0.0.1:9", "token");
    let outbox = Mutex::new(Outbox::in_memory().unwrap());
    outbox
        .lock()
        .await
        .save_feedback(&suggestion("13600000002"))
        .unwrap();
    let sent = send_all_feedback(&outbox, &away).await.unwrap();
    assert!(
        matches!(sent.as_slice(), [(_, Delivery::Later { .. })]),
        "{sent:?}"
    );
    assert_eq!(outbox.lock().await.unsent_feedback().unwrap().len(), 1);

    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let client = client(&backend.base_url(), backend.device_token());
    // About an office the backend does not know: refused for good, dead-lettered.
    let mut wrong = suggestion("13600000003");
    wrong.office = Some(OfficeId::parse("no-such-office").unwrap());
    let refused = outbox.lock().await.save_feedback(&wrong).unwrap();
    let sent = send_all_feedback(&outbox, &client).await.unwrap();
    assert_eq!(sent.len(), 2, "{sent:?}");
    assert!(matches!(sent[0].1, Delivery::Done(_)), "{sent:?}");
    assert_eq!(
        sent[1],
        (refused.id, Delivery::Refused(ErrorCode::InvalidInput))
    );
    let all = outbox.lock().await.all_feedback().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(
        all[1].state,
        FeedbackState::Dead(ErrorCode::InvalidInput),
        "kept, with why"
    );
    assert!(outbox.lock().await.unsent_feedback().unwrap().is_empty());
    assert_eq!(on_server(&backend, "13600000002").len(), 1);
    assert!(on_server(&backend, "13600000003").is_empty());

    // A kiosk keeps nothing once it is sent: a zero period purges both.
    let now = chrono::Utc::now().timestamp();
    let outbox = outbox.into_inner();
    assert_eq!(
        outbox
            .purge_feedback(Duration::from_secs(3600), now)
            .unwrap(),
        0
    );
    assert_eq!(outbox.purge_feedback(Duration::ZERO, now).unwrap(), 2);
    assert!(outbox.all_feedback().unwrap().is_empty());
}
