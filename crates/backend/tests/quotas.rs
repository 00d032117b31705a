//! Booking quotas (OWASP API6) over real HTTP: open callbacks per mobile number and bookings
//! per device per hour are bounded, refused with `quota-exceeded`, and not remembered under the
//! Idempotency-Key (the same key books once the quota frees up).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk_api::{
    CallbackReceipt, FieldErrorCode, Problem, ProblemCode, SlotList, VERIFICATION_HEADER,
};
use legal_kiosk_backend::{Limits, LocalBackend, Store};
use support::{Backing, backend_with};

struct Api {
    backend: LocalBackend<Store>,
    http: reqwest::Client,
}

impl Api {
    async fn start(on: Backing, limits: Limits) -> Api {
        let backend = backend_with(on, limits).await;
        Api {
            backend,
            http: reqwest::Client::new(),
        }
    }

    async fn slots(&self) -> Vec<String> {
        let list: SlotList = self
            .http
            .get(format!(
                "{}/v1/callback-slots?region=150100&lang=zh",
                self.backend.base_url()
            ))
            .bearer_auth(self.backend.device_token())
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .map(|b| serde_json::from_slice(&b).unwrap())
            .unwrap();
        list.slots.into_iter().map(|s| s.id.to_string()).collect()
    }

    async fn book(&self, key: &str, slot: &str, mobile: &str) -> reqwest::Response {
        self.book_body(
            key,
            format!(r#"{{"slot":"{slot}","mobile":"{mobile}","lang":"zh"}}"#),
        )
        .await
    }

    async fn book_body(&self, key: &str, body: String) -> reqwest::Response {
        self.http
            .post(format!("{}/v1/callbacks", self.backend.base_url()))
            .bearer_auth(self.backend.device_token())
            .header("Idempotency-Key", key)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// The state the backend holds for a reference.
    async fn state(&self, reference: &str) -> String {
        self.backend
            .store()
            .callback_state(reference)
            .await
            .unwrap()
            .unwrap()
    }
}

async fn problem(response: reqwest::Response) -> (u16, Option<String>, Problem) {
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .map(|v| v.to_str().unwrap().to_owned());
    let body = response.bytes().await.unwrap();
    (status, retry_after, serde_json::from_slice(&body).unwrap())
}

async fn one_mobile_number_holds_only_so_many_open_callbacks(on: Backing) {
    let api = Api::start(
        on,
        Limits {
            open_per_mobile: 2,
            per_device_hour: 100,
            ..Limits::default()
        },
    )
    .await;
    let slots = api.slots().await;
    let mut receipts = Vec::new();
    for (i, slot) in slots.iter().take(2).enumerate() {
        let r = api
            .book(&format!("mobile-key-{i:04}"), slot, "13900000001")
            .await;
        assert_eq!(r.status(), 201);
        let body = r.bytes().await.unwrap();
        receipts.push(serde_json::from_slice::<CallbackReceipt>(&body).unwrap());
    }
    let refused = api.book("mobile-key-0002", &slots[2], "13900000001").await;
    let (status, retry_after, p) = problem(refused).await;
    assert_eq!((status, p.code), (429, ProblemCode::QuotaExceeded));
    assert_eq!(p.errors.len(), 1);
    assert_eq!(
        (p.errors[0].field.as_str(), p.errors[0].code),
        ("mobile", FieldErrorCode::TooManyOpen)
    );
    assert_eq!(
        retry_after, None,
        "waiting does not free it: cancelling does"
    );
    // Another person is not affected.
    let other = api.book("mobile-key-0003", &slots[2], "13900000002").await;
    assert_eq!(other.status(), 201);
    // Once one is cancelled, the same key books: the refusal was not remembered.
    let cancelled = api
        .http
        .delete(format!(
            "{}/v1/callbacks/{}",
            api.backend.base_url(),
            receipts[0].reference.as_str()
        ))
        .bearer_auth(api.backend.device_token())
        .header(VERIFICATION_HEADER, "13900000001")
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), 200);
    let again = api.book("mobile-key-0002", &slots[2], "13900000001").await;
    assert_eq!(again.status(), 201);
}

async fn one_device_books_only_so_many_callbacks_an_hour(on: Backing) {
    let limits = Limits {
        open_per_mobile: 100,
        per_device_hour: 3,
        ..Limits::default()
    };
    let api = Api::start(on, limits).await;
    let slots = api.slots().await;
    for (i, slot) in slots.iter().take(3).enumerate() {
        let r = api
            .book(
                &format!("device-key-{i:04}"),
                slot,
                &format!("1390000010{i}"),
            )
            .await;
        assert_eq!(r.status(), 201);
    }
    let (status, retry_after, p) =
        problem(api.book("device-key-0003", &slots[3], "13900000103").await).await;
    assert_eq!((status, p.code), (429, ProblemCode::QuotaExceeded));
    assert!(p.errors.is_empty(), "{p:?}");
    let wait: u64 = retry_after.expect("Retry-After").parse().unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    assert_eq!(
        api.backend.store().callback_count().await.unwrap(),
        // The demo data's own past callback, and the three.
        1 + i64::from(limits.per_device_hour)
    );
}

/// The abuse the limits answer: a script with one device token and one mobile number books
/// as fast as it can. It gets at most the mobile number's open callbacks.
async fn a_script_booking_as_fast_as_it_can_gets_only_the_quota(on: Backing) {
    let limits = Limits::default();
    let api = Api::start(on, limits).await;
    let before = api.backend.store().callback_count().await.unwrap();
    let slots = api.slots().await;
    let mut booked = 0;
    for i in 0..200 {
        let slot = &slots[i % slots.len()];
        let r = api
            .book(&format!("script-key-{i:05}"), slot, "13900000009")
            .await;
        match r.status().as_u16() {
            201 => booked += 1,
            409 | 422 | 429 => {}
            s => panic!("unexpected {s}"),
        }
    }
    assert_eq!(booked, limits.open_per_mobile);
    assert_eq!(
        api.backend.store().callback_count().await.unwrap(),
        before + i64::from(limits.open_per_mobile)
    );
}

async fn moving_a_booking_to_another_slot_is_not_held_against_the_number(on: Backing) {
    let api = Api::start(
        on,
        Limits {
            open_per_mobile: 2,
            per_device_hour: 100,
            ..Limits::default()
        },
    )
    .await;
    let slots = api.slots().await;
    let mut receipts = Vec::new();
    for (i, slot) in slots.iter().take(2).enumerate() {
        let r = api
            .book(&format!("move-key-{i:04}"), slot, "13900000031")
            .await;
        assert_eq!(r.status(), 201);
        let body = r.bytes().await.unwrap();
        receipts.push(serde_json::from_slice::<CallbackReceipt>(&body).unwrap());
    }
    // A third booking is over the number's limit; a move of the first is not.
    let third = api.book("move-key-0002", &slots[2], "13900000031").await;
    assert_eq!(third.status(), 429);
    let moved = api
        .book_body(
            "move-key-0003",
            format!(
                r#"{{"slot":"{}","mobile":"13900000031","lang":"zh","replaces":"{}"}}"#,
                slots[3],
                receipts[0].reference.as_str()
            ),
        )
        .await;
    assert_eq!(moved.status(), 201);
    let state = api.state(receipts[0].reference.as_str()).await;
    assert_eq!(state, "cancelled", "moved in the same transaction");
    // Someone else's booking is not cancelled by naming it.
    let other = api
        .book_body(
            "move-key-0004",
            format!(
                r#"{{"slot":"{}","mobile":"13900000032","lang":"zh","replaces":"{}"}}"#,
                slots[4],
                receipts[1].reference.as_str()
            ),
        )
        .await;
    assert_eq!(other.status(), 201);
    let state = api.state(receipts[1].reference.as_str()).await;
    assert_eq!(state, "booked");
}

on_both_stores!(
    one_mobile_number_holds_only_so_many_open_callbacks,
    one_device_books_only_so_many_callbacks_an_hour,
    a_script_booking_as_fast_as_it_can_gets_only_the_quota,
    moving_a_booking_to_another_slot_is_not_held_against_the_number,
);
