//! The pages a phone opens from a QR code, over real HTTP: a booking's page asks for the mobile
//! number and shows the booking only for the right one, says when it is demo, and is limited
//! like the API.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use legal_kiosk_backend::{DEMO_CALLBACK_REFERENCE, DEMO_MOBILE, LocalBackend, Store};
use support::{Backing, backend_on};

async fn start(on: Backing) -> (LocalBackend<Store>, reqwest::Client) {
    let backend = backend_on(on, Default::default()).await;
    (backend, reqwest::Client::new())
}

async fn text(r: reqwest::Response) -> (u16, String, String) {
    let status = r.status().as_u16();
    let kind = r.headers()["content-type"].to_str().unwrap().to_owned();
    (
        status,
        kind,
        String::from_utf8(r.bytes().await.unwrap().to_vec()).unwrap(),
    )
}

/// The phone page's form, posted with `mobile`.
async fn post_mobile(http: &reqwest::Client, url: &str, mobile: &str) -> reqwest::Response {
    http.post(url)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("mobile={mobile}"))
        .send()
        .await
        .unwrap()
}

async fn a_booking_page_shows_the_booking_only_for_its_mobile_number(on: Backing) {
    let (backend, http) = start(on).await;
    let url = format!("{}/c/{DEMO_CALLBACK_REFERENCE}", backend.base_url());
    let (status, kind, page) = text(http.get(&url).send().await.unwrap()).await;
    assert_eq!((status, kind.as_str()), (200, "text/html; charset=utf-8"));
    assert!(page.contains("<form method=\"post\""), "{page}");
    assert!(page.contains("演示"), "the demo says so");
    assert!(
        page.contains("writing-mode:vertical-lr"),
        "long Mongolian is vertical"
    );
    assert!(!page.contains(DEMO_MOBILE));

    let post = |mobile: &'static str| post_mobile(&http, &url, mobile);
    let (status, _, wrong) = text(post("13700000000").await).await;
    assert_eq!(status, 403);
    assert!(wrong.contains("编号与手机号码不一致"), "{wrong}");
    assert!(!wrong.contains("回电时间"));
    let (status, _, right) = text(post(DEMO_MOBILE).await).await;
    assert_eq!(status, 200, "{right}");
    assert!(right.contains("回电时间"), "{right}");
    assert!(!right.contains("<form"), "{right}");

    // An unknown reference reads like a wrong number: references cannot be discovered.
    let unknown_ref = legal_kiosk_api::Reference::from_serial(123_456_789);
    let other = format!("{}/c/{}", backend.base_url(), unknown_ref.as_str());
    let (status, _, unknown) = text(post_mobile(&http, &other, DEMO_MOBILE).await).await;
    assert_eq!(status, 403);
    assert!(unknown.contains("编号与手机号码不一致"));
}

async fn guessing_on_a_booking_page_is_limited(on: Backing) {
    let (backend, http) = start(on).await;
    let url = format!("{}/c/{DEMO_CALLBACK_REFERENCE}", backend.base_url());
    let mut statuses = Vec::new();
    for i in 0..12 {
        let r = post_mobile(&http, &url, &format!("137000000{i:02}")).await;
        statuses.push(r.status().as_u16());
    }
    assert!(statuses.contains(&429), "{statuses:?}");
    let (status, _, page) = text(post_mobile(&http, &url, DEMO_MOBILE).await).await;
    assert_eq!(status, 429, "even the right number waits: {page}");
    assert!(page.contains("尝试次数过多"));

    // The guessing on the open web does not lock the person out of the kiosk or TV.
    let api = http
        .get(format!(
            "{}/v1/callbacks/{DEMO_CALLBACK_REFERENCE}",
            backend.base_url()
        ))
        .bearer_auth(backend.device_token())
        .header(legal_kiosk_api::VERIFICATION_HEADER, DEMO_MOBILE)
        .send()
        .await
        .unwrap();
    assert_eq!(api.status(), 200);
}

async fn a_mistyped_address_gets_a_page_not_a_problem_document(on: Backing) {
    let (backend, http) = start(on).await;
    let (status, kind, page) = text(
        http.get(format!("{}/c/12345", backend.base_url()))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!((status, kind.as_str()), (404, "text/html; charset=utf-8"));
    assert!(page.contains("不是一个有效的预约编号"), "{page}");
}

async fn a_booking_page_is_not_cached_framed_or_sniffed(on: Backing) {
    let (backend, http) = start(on).await;
    let r = http
        .get(format!(
            "{}/c/{DEMO_CALLBACK_REFERENCE}",
            backend.base_url()
        ))
        .send()
        .await
        .unwrap();
    let h = r.headers();
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert_eq!(h["referrer-policy"], "no-referrer");
    assert!(
        h["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("frame-ancestors 'none'")
    );
}

on_both_stores!(
    a_booking_page_shows_the_booking_only_for_its_mobile_number,
    guessing_on_a_booking_page_is_limited,
    a_mistyped_address_gets_a_page_not_a_problem_document,
    a_booking_page_is_not_cached_framed_or_sniffed,
);
