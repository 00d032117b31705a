//! Complaints and suggestions (投诉建议) over real HTTP, on SQLite and on PostgreSQL:
//! `POST /v1/feedback` answers once per Idempotency-Key as a booking does, refuses every bad
//! field and bounds a device's hour; the phone page `/f/{id}` keeps the first words typed on
//! it, which meet the feedback whichever arrives first; old feedback and words nobody sent
//! are purged with an audit line.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

use chrono::{Duration, FixedOffset, Utc};
use legal_kiosk_api::{FeedbackReceipt, FeedbackRequest, FieldErrorCode, ProblemCode};
use legal_kiosk_backend::{
    Cell, FEEDBACK_RETENTION_DAYS, Limits, LocalBackend, Store, TEXTS_PER_PHONE_HOUR,
    UNJOINED_TEXT_RETENTION_DAYS,
};
use serde_json::{Value, json};
use support::{Backing, backend_with};

struct Api {
    backend: LocalBackend<Store>,
    http: reqwest::Client,
}

impl Api {
    async fn start(on: Backing, limits: Limits) -> Api {
        Api {
            backend: backend_with(on, limits).await,
            http: reqwest::Client::new(),
        }
    }

    async fn send(&self, key: Option<&str>, body: &Value) -> reqwest::Response {
        self.send_raw(key, body.to_string()).await
    }

    async fn send_raw(&self, key: Option<&str>, body: String) -> reqwest::Response {
        let mut request = self
            .http
            .post(format!("{}/v1/feedback", self.backend.base_url()))
            .bearer_auth(self.backend.device_token())
            .header("content-type", "application/json")
            .body(body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        request.send().await.unwrap()
    }

    async fn receipt(&self, key: &str, body: &Value) -> FeedbackReceipt {
        let r = self.send(Some(key), body).await;
        assert_eq!(r.status(), 201);
        serde_json::from_slice(&r.bytes().await.unwrap()).unwrap()
    }

    fn page_url(&self, id: &str) -> String {
        format!("{}/f/{id}", self.backend.base_url())
    }

    /// The phone page's form posted with `text`, as a browser encodes it.
    async fn post_text(&self, id: &str, text: &str) -> (u16, reqwest::header::HeaderMap, String) {
        let r = self
            .http
            .post(self.page_url(id))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("text={}", form_encoded(text)))
            .send()
            .await
            .unwrap();
        page(r).await
    }

    async fn get_page(&self, id: &str) -> (u16, reqwest::header::HeaderMap, String) {
        page(self.http.get(self.page_url(id)).send().await.unwrap()).await
    }

    async fn count(&self, table: &str) -> i64 {
        let rows = self
            .backend
            .store()
            .rows(&format!("SELECT COUNT(*) FROM {table}"), vec![])
            .await
            .unwrap();
        rows[0].get(0).unwrap()
    }

    /// The words the backend holds for the feedback `reference`.
    async fn words_of(&self, reference: &str) -> Option<String> {
        let all = self.backend.store().feedback_words().await.unwrap();
        all.into_iter()
            .find(|(r, _)| r == reference)
            .expect("the feedback is held")
            .1
    }
}

async fn page(r: reqwest::Response) -> (u16, reqwest::header::HeaderMap, String) {
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let body = String::from_utf8(r.bytes().await.unwrap().to_vec()).unwrap();
    (status, headers, body)
}

/// `application/x-www-form-urlencoded` (WHATWG URL §5.2): every byte but the unreserved ones
/// percent-encoded (a space too, which is just as valid as `+`).
fn form_encoded(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                (b as char).to_string()
            }
            b => format!("%{b:02X}"),
        })
        .collect()
}

/// A fresh phone page id (as a device makes one: 32 of a–z 0–9), told apart by `n`.
fn page_id(n: u32) -> String {
    format!("{n:032x}")
}

fn suggestion(text_page: Option<&str>, text: Option<&str>) -> Value {
    let mut body = json!({
        "kind": "suggestion", "region": "150100", "lang": "zh",
        "office": "demo-150100-centre", "mobile": "13900000000",
    });
    if let Some(p) = text_page {
        body["text_page"] = json!(p);
    }
    if let Some(t) = text {
        body["text"] = json!(t);
    }
    body
}

/// A reference as the pages group it: `230 908 4297`.
fn grouped(reference: &str) -> String {
    format!(
        "{} {} {}",
        &reference[..3],
        &reference[3..6],
        &reference[6..]
    )
}

async fn a_feedback_is_received_once_per_idempotency_key(on: Backing) {
    let api = Api::start(on, Limits::default()).await;
    let body = suggestion(None, Some("窗口排队太久，建议增加叫号屏。"));
    let first = api.send(Some("feedback-key-0001"), &body).await;
    assert_eq!(first.status(), 201);
    assert!(first.headers().get("idempotent-replayed").is_none());
    assert!(first.headers().get("location").is_none(), "no resource");
    let receipt: FeedbackReceipt = serde_json::from_slice(&first.bytes().await.unwrap()).unwrap();
    assert_eq!(receipt.reference.as_str().len(), 10);
    assert_eq!(
        receipt.kind.as_str(),
        body["kind"].as_str().unwrap(),
        "the kind sent"
    );
    assert!(receipt.has_text && receipt.demo, "{receipt:?}");
    assert_eq!(
        receipt.received_at.offset(),
        &FixedOffset::east_opt(8 * 3600).unwrap(),
        "Beijing time"
    );
    assert!(
        (Utc::now() - receipt.received_at.to_utc())
            .num_seconds()
            .abs()
            < 60
    );

    // The same body again (members in another order): the same receipt, marked a replay.
    let members: Vec<String> = body
        .as_object()
        .unwrap()
        .iter()
        .rev()
        .map(|(k, v)| format!("{}: {v}", json!(k)))
        .collect();
    let reordered = format!("{{ {} }}", members.join(",\n  "));
    let again = api.send_raw(Some("feedback-key-0001"), reordered).await;
    assert_eq!(again.status(), 201);
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    let replayed: FeedbackReceipt = serde_json::from_slice(&again.bytes().await.unwrap()).unwrap();
    assert_eq!(replayed, receipt);
    assert_eq!(api.count("feedback").await, 1);
    assert_eq!(
        api.words_of(receipt.reference.as_str()).await.as_deref(),
        body["text"].as_str()
    );

    // Another body under the key: refused, nothing received.
    let other = suggestion(None, Some("另一条意见"));
    let (status, p) = support::problem(api.send(Some("feedback-key-0001"), &other).await).await;
    assert_eq!((status, p.code), (422, ProblemCode::IdempotencyKeyReused));
    // No key at all.
    let (status, p) = support::problem(api.send(None, &other).await).await;
    assert_eq!((status, p.code), (400, ProblemCode::IdempotencyKeyMissing));
    assert_eq!(api.count("feedback").await, 1);
}

async fn every_refused_field_is_named_and_the_refusal_is_remembered(on: Backing) {
    let api = Api::start(on, Limits::default()).await;
    let body = json!({
        "kind": "rant", "lang": "en", "mobile": "123",
        "text": "字".repeat(FeedbackRequest::TEXT_MAX_CHARS + 1),
        "text_page": "Not-An-Id", "service": "legal aid!", "subject": "hi"
    });
    let (status, p) = support::problem(api.send(Some("refused-key-0001"), &body).await).await;
    assert_eq!((status, p.code), (422, ProblemCode::InvalidInput));
    let mut got: Vec<_> = p
        .errors
        .iter()
        .map(|e| (e.field.as_str(), e.code))
        .collect();
    got.sort_by_key(|(f, _)| *f);
    assert_eq!(
        got,
        vec![
            ("kind", FieldErrorCode::InvalidFormat),
            ("lang", FieldErrorCode::InvalidFormat),
            ("mobile", FieldErrorCode::InvalidFormat),
            ("region", FieldErrorCode::Required),
            ("service", FieldErrorCode::InvalidFormat),
            ("subject", FieldErrorCode::Unknown),
            ("text", FieldErrorCode::TooLong),
            ("text_page", FieldErrorCode::InvalidFormat),
        ]
    );
    // A bidirectional override in the words is refused as the API's types refuse it.
    let bidi = suggestion(None, Some("正常\u{202E}文字"));
    let (status, p) = support::problem(api.send(Some("refused-key-0002"), &bidi).await).await;
    assert_eq!(status, 422);
    assert_eq!(p.errors.len(), 1);
    assert_eq!(
        (p.errors[0].field.as_str(), p.errors[0].code),
        ("text", FieldErrorCode::InvalidFormat)
    );

    // Well-formed, but a region, service and office the backend does not know (a guide's id
    // is not a service: services are the catalog's categories).
    let unknown = json!({
        "kind": "complaint", "region": "159999", "lang": "zh",
        "service": "legal-aid-application", "office": "no-such-office"
    });
    let response = api.send(Some("refused-key-0003"), &unknown).await;
    let (status, p) = support::problem(response).await;
    assert_eq!((status, p.code), (422, ProblemCode::InvalidInput));
    let mut fields: Vec<_> = p
        .errors
        .iter()
        .map(|e| {
            assert_eq!(e.code, FieldErrorCode::Unknown);
            e.field.as_str()
        })
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["office", "region", "service"]);
    // The refusal is the key's answer from now on: a retry gets it again, marked a replay.
    let retry = api.send(Some("refused-key-0003"), &unknown).await;
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    let (status, again) = support::problem(retry).await;
    assert_eq!((status, again), (422, p));
    // A known service and office are taken.
    let known = json!({
        "kind": "praise", "region": "150100", "lang": "mn",
        "service": "legal-aid", "office": "demo-150100-centre"
    });
    let receipt = api.receipt("refused-key-0004", &known).await;
    assert!(!receipt.has_text, "no words, no page");
    assert_eq!(api.count("feedback").await, 1);
}

async fn a_device_sends_only_so_many_an_hour_and_that_refusal_is_not_remembered(on: Backing) {
    let limits = Limits {
        feedback_per_device_hour: 3,
        ..Limits::default()
    };
    let api = Api::start(on, limits).await;
    for i in 0..limits.feedback_per_device_hour {
        api.receipt(
            &format!("hourly-key-{i:04}"),
            &suggestion(None, Some(&format!("第 {i} 条"))),
        )
        .await;
    }
    let over = suggestion(None, Some("再来一条"));
    let refused = api.send(Some("hourly-key-over"), &over).await;
    let wait: u64 = refused.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    let (status, p) = support::problem(refused).await;
    assert_eq!((status, p.code), (429, ProblemCode::QuotaExceeded));
    assert_eq!(
        api.count("feedback").await,
        i64::from(limits.feedback_per_device_hour)
    );

    // An hour later (the rows made older), the same key is received: the 429 was not its
    // answer.
    let two_hours_ago = (Utc::now() - Duration::hours(2))
        .with_timezone(&FixedOffset::east_opt(8 * 3600).unwrap())
        .to_rfc3339();
    api.backend
        .store()
        .execute(
            "UPDATE feedback SET received_at = ?1",
            vec![Cell::Text(two_hours_ago)],
        )
        .await
        .unwrap();
    let later = api.send(Some("hourly-key-over"), &over).await;
    assert_eq!(later.status(), 201);
    assert!(later.headers().get("idempotent-replayed").is_none());
    assert_eq!(
        api.count("feedback").await,
        i64::from(limits.feedback_per_device_hour) + 1
    );
}

async fn words_typed_on_the_phone_meet_the_feedback_whichever_comes_first(on: Backing) {
    let api = Api::start(on, Limits::default()).await;
    let (early, late) = (page_id(1), page_id(2));

    // The words first: received, no reference yet; the feedback then says it has them.
    let (status, headers, body) = api.post_text(&early, "第一行\r\n第二行").await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(headers["content-type"], "text/html; charset=utf-8");
    assert!(body.contains("已收到您写的内容"), "{body}");
    assert!(!body.contains("class=\"ref\""), "no reference yet: {body}");
    let receipt = api
        .receipt("phone-key-0001", &suggestion(Some(&early), None))
        .await;
    assert!(receipt.has_text);
    assert_eq!(
        api.words_of(receipt.reference.as_str()).await.as_deref(),
        Some("第一行\n第二行"),
        "a browser's CRLF is kept as LF"
    );
    let (status, _, body) = api.get_page(&early).await;
    assert_eq!(status, 200);
    assert!(
        body.contains(&grouped(receipt.reference.as_str())),
        "{body}"
    );
    assert!(!body.contains("<form"), "{body}");

    // The feedback first: no words yet; the page shows the form, then the reference.
    let receipt = api
        .receipt("phone-key-0002", &suggestion(Some(&late), None))
        .await;
    assert!(!receipt.has_text);
    assert_eq!(api.words_of(receipt.reference.as_str()).await, None);
    let (status, _, body) = api.get_page(&late).await;
    assert_eq!(status, 200);
    assert!(
        body.contains(&format!(
            "maxlength=\"{}\"",
            FeedbackRequest::TEXT_MAX_CHARS
        )),
        "{body}"
    );
    assert!(
        body.contains("<textarea") && body.contains("required"),
        "{body}"
    );
    assert!(body.contains("蒙古文尚待母语审校"));
    let (status, _, body) = api.post_text(&late, "  柜台人员很耐心  ").await;
    assert_eq!(status, 200);
    assert!(
        body.contains(&grouped(receipt.reference.as_str())),
        "{body}"
    );
    assert_eq!(
        api.words_of(receipt.reference.as_str()).await.as_deref(),
        Some("柜台人员很耐心")
    );

    // Words again for the same page: said to be there already; the first stay.
    let (status, _, body) = api.post_text(&late, "改过的内容").await;
    assert_eq!(status, 200);
    assert!(body.contains("已经收到"), "{body}");
    assert!(
        body.contains(&grouped(receipt.reference.as_str())),
        "{body}"
    );
    assert_eq!(
        api.words_of(receipt.reference.as_str()).await.as_deref(),
        Some("柜台人员很耐心")
    );
    assert_eq!(api.count("feedback_texts").await, 2);
}

async fn the_phone_page_refuses_bad_words_with_the_page_again(on: Backing) {
    let api = Api::start(on, Limits::default()).await;
    let id = page_id(3);
    let (status, headers, body) = api.get_page(&id).await;
    assert_eq!(status, 200);
    assert_eq!(headers["cache-control"], "no-store");
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    let csp = headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"));
    assert!(!body.contains("<script"), "no script");

    let (status, _, body) = api.post_text(&id, "前面\u{202E}后面").await;
    assert_eq!(status, 422);
    assert!(body.contains("不能使用的字符"), "{body}");
    assert!(
        body.contains(">前面后面</textarea>"),
        "refilled without it: {body}"
    );
    let too_long = "字".repeat(FeedbackRequest::TEXT_MAX_CHARS + 1);
    let (status, _, body) = api.post_text(&id, &too_long).await;
    assert_eq!(status, 422);
    assert!(body.contains("内容太长"), "{body}");
    let (status, _, body) = api.post_text(&id, " \r\n ").await;
    assert_eq!(status, 422);
    assert!(body.contains("请先写下内容"), "{body}");
    assert_eq!(api.count("feedback_texts").await, 0);
    // At the limit it is taken.
    let most = "字".repeat(FeedbackRequest::TEXT_MAX_CHARS);
    let (status, _, _) = api.post_text(&id, &most).await;
    assert_eq!(status, 200);

    // A mistyped address: a page saying so, not a problem document.
    for bad in [
        "short",
        "UPPERCASE0123456789ABCDEF0123456789",
        &"a".repeat(65),
    ] {
        let (status, headers, body) = api.get_page(bad).await;
        assert_eq!(status, 404, "{bad}");
        assert_eq!(headers["content-type"], "text/html; charset=utf-8");
        assert!(body.contains("不是一个有效的投诉建议页面地址"), "{body}");
        let (status, _, _) = api.post_text(bad, "内容").await;
        assert_eq!(status, 404, "{bad}");
    }
    assert_eq!(api.count("feedback_texts").await, 1);
}

async fn one_phone_posts_only_so_many_texts_an_hour(on: Backing) {
    let api = Api::start(on, Limits::default()).await;
    for n in 0..TEXTS_PER_PHONE_HOUR {
        let (status, _, _) = api.post_text(&page_id(100 + n), "内容").await;
        assert_eq!(status, 200, "text {n}");
    }
    let (status, headers, body) = api
        .post_text(&page_id(100 + TEXTS_PER_PHONE_HOUR), "内容")
        .await;
    assert_eq!(status, 429);
    assert!(body.contains("提交次数过多"), "{body}");
    let wait: u64 = headers["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=3600).contains(&wait), "{wait}");
    assert_eq!(
        api.count("feedback_texts").await,
        i64::from(TEXTS_PER_PHONE_HOUR)
    );
}

async fn old_feedback_and_words_nobody_sent_are_purged_with_an_audit_line(on: Backing) {
    // A store no server runs on: a server purges at start, in a race with this test.
    let store = &support::store_on(on, 2).await;
    let days_ago = |days: u32| {
        (Utc::now() - Duration::days(i64::from(days)))
            .with_timezone(&FixedOffset::east_opt(8 * 3600).unwrap())
            .to_rfc3339()
    };
    let past_retention = days_ago(FEEDBACK_RETENTION_DAYS + 1);
    let past_unjoined = days_ago(UNJOINED_TEXT_RETENTION_DAYS + 1);
    let recent = days_ago(UNJOINED_TEXT_RETENTION_DAYS - 1);
    // (reference, its text page, received)
    for (reference, text_page, at) in [
        ("1000000001", page_id(11), &past_retention),
        ("1000000002", page_id(12), &past_unjoined),
    ] {
        store
            .execute(
                "INSERT INTO feedback (reference, device, kind, region, lang, service, office,
                                       mobile, text, text_page, received_at, demo)
                 VALUES (?1, 1, 'complaint', '150100', 'zh', NULL, NULL, '13900000000', NULL,
                         ?2, ?3, TRUE)",
                vec![
                    Cell::Text(reference.into()),
                    Cell::Text(text_page),
                    Cell::Text(at.clone()),
                ],
            )
            .await
            .unwrap();
    }
    // Words of the old feedback, of the newer one, nobody's for long, nobody's for a while.
    for (page, at) in [
        (page_id(11), &past_retention),
        (page_id(12), &past_unjoined),
        (page_id(13), &past_unjoined),
        (page_id(14), &recent),
    ] {
        store
            .execute(
                "INSERT INTO feedback_texts (page, text, received_at, phone)
                 VALUES (?1, '服务态度差', ?2, -1)",
                vec![Cell::Text(page), Cell::Text(at.clone())],
            )
            .await
            .unwrap();
    }
    let purged = store.purge_old_feedback().await.unwrap();
    assert_eq!((purged.feedback, purged.texts), (1, 2));
    let left = store.feedback_words().await.unwrap();
    assert_eq!(
        left,
        vec![("1000000002".to_owned(), Some("服务态度差".to_owned()))]
    );
    let pages = store
        .rows("SELECT page FROM feedback_texts ORDER BY page", vec![])
        .await
        .unwrap();
    let pages: Vec<String> = pages.iter().map(|r| r.get(0).unwrap()).collect();
    assert_eq!(pages, [page_id(12), page_id(14)]);

    // Nothing left to purge: nothing deleted, nothing logged.
    let again = store.purge_old_feedback().await.unwrap();
    assert_eq!((again.feedback, again.texts), (0, 0));
    let audit = store.audit_log().await.unwrap();
    let purges: Vec<_> = audit.iter().filter(|e| e.event == "purge").collect();
    assert_eq!(purges.len(), 1, "{audit:?}");
    let detail: Value = serde_json::from_str(&purges[0].detail).unwrap();
    assert_eq!(
        detail,
        json!({
            "feedback": 1, "texts": 2, "retention_days": FEEDBACK_RETENTION_DAYS,
            "unjoined_text_days": UNJOINED_TEXT_RETENTION_DAYS
        })
    );
    let logged = format!("{audit:?}");
    for personal in ["13900000000", "服务态度差", "1000000001", &page_id(11)] {
        assert!(!logged.contains(personal), "{personal} in {logged}");
    }
}

on_both_stores!(
    a_feedback_is_received_once_per_idempotency_key,
    every_refused_field_is_named_and_the_refusal_is_remembered,
    a_device_sends_only_so_many_an_hour_and_that_refusal_is_not_remembered,
    words_typed_on_the_phone_meet_the_feedback_whichever_comes_first,
    the_phone_page_refuses_bad_words_with_the_page_again,
    one_phone_posts_only_so_many_texts_an_hour,
    old_feedback_and_words_nobody_sent_are_purged_with_an_audit_line,
);
