//! Devices and their tokens as an operator handles them: a token revoked while the server runs
//! is refused at its next request, and the audit log records revocations and lockouts without
//! personal data.

// Helpers may fail loudly too: clippy.toml's allow-*-in-tests covers only `#[test]` functions
// and `#[cfg(test)]` modules, not the rest of an integration test crate.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk_api::ProblemCode;
use legal_kiosk_backend::{Revocation, Store};
use support::{Backing, backend_on, problem, shared_target_on};

async fn a_token_revoked_while_the_server_runs_is_refused_at_its_next_request(on: Backing) {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let target = shared_target_on(on, "revoke").await;
    let store = Store::open_demo(&target, 4).await.unwrap();
    let backend = legal_kiosk_backend::start_local_on(store, Default::default(), None)
        .await
        .unwrap();
    let http = reqwest::Client::new();
    let catalog = format!("{}/v1/catalog", backend.base_url());
    let before = http
        .get(&catalog)
        .bearer_auth(backend.device_token())
        .send()
        .await
        .unwrap();
    assert_eq!(before.status(), 200);

    // What `legal-backend devices` and `revoke-token` do: their own connection to the database.
    let operator = Store::open(&target, 1).await.unwrap();
    let device = operator
        .devices()
        .await
        .unwrap()
        .into_iter()
        .find(|d| d.label == "in-process")
        .unwrap();
    assert!(device.last_seen.is_some(), "the request was not noted");
    assert_eq!(device.revoked_at, None);
    assert_eq!(
        operator.revoke_device(device.id).await.unwrap(),
        Revocation::Revoked
    );

    let after = http
        .get(&catalog)
        .bearer_auth(backend.device_token())
        .send()
        .await
        .unwrap();
    assert_eq!(after.headers()["www-authenticate"], "Bearer");
    let (status, p) = problem(after).await;
    assert_eq!((status, p.code), (401, ProblemCode::Unauthorized));

    let listed = operator.devices().await.unwrap();
    assert!(
        listed
            .iter()
            .any(|d| d.id == device.id && d.revoked_at.is_some())
    );
    let audit = operator.audit_log().await.unwrap();
    assert!(
        audit
            .iter()
            .any(|e| e.event == "revocation" && e.device == Some(device.id)),
        "{audit:?}"
    );
    let logged = format!("{audit:?}");
    assert!(!logged.contains(backend.device_token()));
    drop(backend);
    if let legal_kiosk_backend::DatabaseTarget::Sqlite(file) = &target {
        let _ = std::fs::remove_dir_all(file.parent().unwrap());
    }
}

async fn a_lockout_is_audited_once_and_without_personal_data(on: Backing) {
    let backend = backend_on(on, Default::default()).await;
    let http = reqwest::Client::new();
    let number = legal_kiosk_backend::DEMO_APPLICATIONS[0].0;
    let wrong_mobile = "13712345678";
    let mut locked = 0;
    for _ in 0..legal_kiosk_backend::PER_PAIR + 3 {
        let response = http
            .get(format!("{}/v1/applications/{number}", backend.base_url()))
            .bearer_auth(backend.device_token())
            .header("Verification-Mobile", wrong_mobile)
            .send()
            .await
            .unwrap();
        let (_, p) = problem(response).await;
        if p.code == ProblemCode::TooManyAttempts {
            locked += 1;
        }
    }
    assert_eq!(locked, 3);
    let audit = backend.store().audit_log().await.unwrap();
    let lockouts: Vec<_> = audit.iter().filter(|e| e.event == "lockout").collect();
    assert_eq!(lockouts.len(), 1, "{audit:?}");
    assert_eq!(
        lockouts[0].detail,
        r#"{"scope":"pair","target":"application"}"#
    );
    assert!(lockouts[0].device.is_some());
    let logged = format!("{audit:?}");
    for personal in [number, wrong_mobile, legal_kiosk_backend::DEMO_MOBILE] {
        assert!(!logged.contains(personal), "{personal} in {logged}");
    }
    assert!(!logged.contains(backend.device_token()));
}

on_both_stores!(
    a_token_revoked_while_the_server_runs_is_refused_at_its_next_request,
    a_lockout_is_audited_once_and_without_personal_data,
);
