//! The verified endpoints against the reference backend: callback lookup and application status
//! answer only to the right mobile number, and wrong guesses are limited per number and per device.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use legal_kiosk_api::*;
use legal_kiosk_backend::{DEMO_CALLBACK_REFERENCE, DEMO_MOBILE, LocalBackend};
use legal_kiosk_core::rest::{ErrorCode, RestClient, RestConfig};

async fn backend() -> (LocalBackend, RestClient) {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let config = RestConfig::new(backend.base_url(), backend.device_token());
    (backend, RestClient::new(config).unwrap())
}

fn mobile(s: &str) -> MobileNumber {
    MobileNumber::parse(s).unwrap()
}

#[tokio::test]
async fn a_callback_that_took_place_cannot_be_cancelled() {
    let (_b, client) = backend().await;
    let reference = Reference::parse(DEMO_CALLBACK_REFERENCE).unwrap();
    let status = client
        .callback(&reference, &mobile(DEMO_MOBILE))
        .await
        .unwrap();
    assert_eq!(status.state, CallbackState::Called);
    assert!(!status.cancellable);
    let err = client
        .cancel_callback(&reference, &mobile(DEMO_MOBILE))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotCancellable);
}

#[tokio::test]
async fn application_status_answers_only_to_the_applicants_mobile() {
    let (_b, client) = backend().await;
    let number = ApplicationNumber::parse("9999168355").unwrap();
    let status = client
        .application(&number, &mobile(DEMO_MOBILE))
        .await
        .unwrap();
    assert!(status.demo);
    assert_eq!(status.state, ApplicationState::AwaitingSupplement);
    assert_eq!(status.supplement_requests.len(), 1);
    assert!(status.promised_deadline <= status.statutory_deadline);
    assert_eq!(
        status
            .stages
            .iter()
            .filter(|s| s.state == StageState::Current)
            .count(),
        1
    );

    let wrong = client
        .application(&number, &mobile("13900000009"))
        .await
        .unwrap_err();
    assert_eq!(wrong.code(), ErrorCode::WrongVerification);
    let unknown = ApplicationNumber::parse("1000000000").unwrap();
    let err = client
        .application(&unknown, &mobile(DEMO_MOBILE))
        .await
        .unwrap_err();
    assert_eq!(
        err.code(),
        ErrorCode::WrongVerification,
        "unknown numbers look like wrong ones"
    );
}

#[tokio::test]
async fn wrong_guesses_on_one_number_lock_it_even_for_the_right_mobile() {
    let (_b, client) = backend().await;
    let number = ApplicationNumber::parse("9999042713").unwrap();
    for i in 0..legal_kiosk_backend::PER_PAIR {
        let guess = mobile(&format!("1390000010{i}"));
        let err = client.application(&number, &guess).await.unwrap_err();
        assert_eq!(err.code(), ErrorCode::WrongVerification);
    }
    let err = client
        .application(&number, &mobile(DEMO_MOBILE))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TooManyAttempts);
    let wait = err.retry_after().expect("Retry-After given");
    assert!(wait.as_secs() > 0 && wait.as_secs() <= 15 * 60);
    // Another number is not locked by this one.
    let other = ApplicationNumber::parse("9999730281").unwrap();
    assert!(
        client
            .application(&other, &mobile(DEMO_MOBILE))
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn one_device_guessing_many_numbers_is_locked() {
    let (_b, client) = backend().await;
    for i in 0..legal_kiosk_backend::PER_DEVICE {
        let number = ApplicationNumber::parse(&format!("10000000{i:02}")).unwrap();
        let err = client
            .application(&number, &mobile(DEMO_MOBILE))
            .await
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::WrongVerification);
    }
    let number = ApplicationNumber::parse("9999042713").unwrap();
    let err = client
        .application(&number, &mobile(DEMO_MOBILE))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TooManyAttempts);
    let reference = Reference::parse(DEMO_CALLBACK_REFERENCE).unwrap();
    let err = client
        .callback(&reference, &mobile(DEMO_MOBILE))
        .await
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::TooManyAttempts);
}
