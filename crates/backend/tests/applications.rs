//! Application status over real HTTP, as a device polls it: a strong ETag, 304 when nothing
//! changed, never a 304 for a wrong mobile number, and the new status as soon as the office moves
//! the application on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use std::path::Path;

use legal_kiosk_api::{
    ApplicationState, ApplicationStatus, Problem, ProblemCode, StageState, VERIFICATION_HEADER,
};
use legal_kiosk_backend::{DEMO_APPLICATIONS, DEMO_MOBILE, LocalBackend, Store};
use support::{Backing, backend_on};

struct Api {
    backend: LocalBackend<Store>,
    http: reqwest::Client,
}

impl Api {
    async fn start(on: Backing) -> Api {
        let backend = backend_on(on, Default::default()).await;
        Api {
            backend,
            http: reqwest::Client::new(),
        }
    }

    /// `GET /v1/applications/{number}` with this mobile number and, if given, If-None-Match.
    async fn status(&self, number: &str, mobile: &str, etag: Option<&str>) -> reqwest::Response {
        let mut request = self
            .http
            .get(format!(
                "{}/v1/applications/{number}",
                self.backend.base_url()
            ))
            .bearer_auth(self.backend.device_token())
            .header(VERIFICATION_HEADER, mobile);
        if let Some(etag) = etag {
            request = request.header("If-None-Match", etag);
        }
        request.send().await.unwrap()
    }
}

fn etag(response: &reqwest::Response) -> String {
    let value = response.headers()["etag"].to_str().unwrap().to_owned();
    assert!(
        value.starts_with('"') && !value.starts_with("W/"),
        "a strong ETag: {value}"
    );
    value
}

fn in_review() -> &'static str {
    DEMO_APPLICATIONS
        .iter()
        .find(|(_, state)| *state == ApplicationState::InReview)
        .map(|(number, _)| *number)
        .unwrap()
}

async fn a_poll_with_the_current_etag_gets_304_and_a_changed_stage_gets_the_new_status(
    on: Backing,
) {
    let api = Api::start(on).await;
    let number = in_review();

    let first = api.status(number, DEMO_MOBILE, None).await;
    assert_eq!(first.status().as_u16(), 200);
    assert_eq!(first.headers()["content-type"], "application/json");
    assert_eq!(first.headers()["cache-control"], "private, no-cache");
    let tag = etag(&first);
    let mut status: ApplicationStatus =
        serde_json::from_slice(&first.bytes().await.unwrap()).unwrap();
    assert_eq!(status.state, ApplicationState::InReview);

    let again = api.status(number, DEMO_MOBILE, Some(&tag)).await;
    assert_eq!(again.status().as_u16(), 304);
    assert_eq!(etag(&again), tag);
    assert!(again.bytes().await.unwrap().is_empty(), "a 304 has no body");

    // The office finishes the review and moves on to the decision.
    let current = status
        .stages
        .iter()
        .position(|s| s.state == StageState::Current)
        .unwrap();
    status.stages[current].state = StageState::Done;
    status.stages[current].completed_on = Some(status.submitted_on);
    status.stages[current + 1].state = StageState::Current;
    status.stages[current + 1].started_on = Some(status.submitted_on);
    api.backend
        .store()
        .put_application(&status, DEMO_MOBILE)
        .await
        .unwrap();

    let moved = api.status(number, DEMO_MOBILE, Some(&tag)).await;
    assert_eq!(
        moved.status().as_u16(),
        200,
        "the old ETag no longer matches"
    );
    let new_tag = etag(&moved);
    assert_ne!(new_tag, tag);
    let body: ApplicationStatus = serde_json::from_slice(&moved.bytes().await.unwrap()).unwrap();
    assert_eq!(body, status);

    let settled = api.status(number, DEMO_MOBILE, Some(&new_tag)).await;
    assert_eq!(settled.status().as_u16(), 304);
}

async fn a_wrong_mobile_number_with_the_current_etag_gets_403_not_304(on: Backing) {
    let api = Api::start(on).await;
    let number = in_review();
    let tag = etag(&api.status(number, DEMO_MOBILE, None).await);

    for etag in [tag.as_str(), "*"] {
        let wrong = api.status(number, "13900000009", Some(etag)).await;
        assert_eq!(wrong.status().as_u16(), 403);
        assert!(
            wrong.headers().get("etag").is_none(),
            "no ETag to a stranger"
        );
        assert_eq!(
            wrong.headers()["content-type"],
            legal_kiosk_api::PROBLEM_CONTENT_TYPE
        );
        let problem: Problem = serde_json::from_slice(&wrong.bytes().await.unwrap()).unwrap();
        assert_eq!(problem.code, ProblemCode::WrongVerification);
    }

    // An unknown number answers the same, whatever the device claims to hold.
    let unknown = api.status("1000000000", DEMO_MOBILE, Some("*")).await;
    assert_eq!(unknown.status().as_u16(), 403);
}

#[tokio::test]
async fn put_application_refuses_a_mobile_number_verification_could_never_match() {
    let backend = legal_kiosk_backend::start_local(Path::new(":memory:"))
        .await
        .unwrap();
    let db = backend.db().lock();
    let body: String = db
        .query_row(
            "SELECT body FROM applications WHERE number = ?1",
            [in_review()],
            |r| r.get(0),
        )
        .unwrap();
    let status: ApplicationStatus = serde_json::from_str(&body).unwrap();
    let err = legal_kiosk_backend::put_application(&db, &status, "139 0000 0000").unwrap_err();
    assert!(
        !err.to_string().contains("139"),
        "the mobile number stays out of the message: {err}"
    );
}

/// The store-level form refuses it alike on either store.
async fn a_store_refuses_a_mobile_number_verification_could_never_match(on: Backing) {
    let api = Api::start(on).await;
    let rows = api
        .backend
        .store()
        .rows(
            "SELECT body FROM applications WHERE number = ?1",
            vec![legal_kiosk_backend::Cell::Text(in_review().to_owned())],
        )
        .await
        .unwrap();
    let status: ApplicationStatus =
        serde_json::from_str(&rows[0].get::<String>(0).unwrap()).unwrap();
    let err = api
        .backend
        .store()
        .put_application(&status, "139 0000 0000")
        .await
        .unwrap_err();
    assert!(!err.to_string().contains("139"), "{err}");
}

on_both_stores!(
    a_poll_with_the_current_etag_gets_304_and_a_changed_stage_gets_the_new_status,
    a_wrong_mobile_number_with_the_current_etag_gets_403_not_304,
    a_store_refuses_a_mobile_number_verification_could_never_match,
);
