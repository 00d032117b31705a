//! Complaints, suggestions and praise (投诉建议): `POST /v1/feedback`, keyed and replay-safe
//! like a booking, and what the phone page needs to know of them.
//!
//! The words of a feedback come from the device (`text`) or from the phone page `/f/{id}`
//! (`text_page`), in either order. Neither is copied into the other's row: a feedback's words
//! are read by joining `feedback.text_page` to `feedback_texts.page` ([`WORDS_SQL`]), so
//! nothing has to be updated when the second of the two arrives.

use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use axum::response::Response;
use legal_kiosk_api::{
    FeedbackReceipt, FeedbackRequest, FieldError, FieldErrorCode, Problem, Reference, TextPageId,
};

use super::callbacks::{beijing_now, hourly_quota, new_reference};
use crate::AppState;
use crate::auth::Device;
use crate::error::{ApiError, ApiResult};
use crate::extract;
use crate::idempotency::{self, KeyedJson};
use crate::sql::args;
use crate::store::Conn;

/// The words of every feedback, from the device or from its phone page, whichever there is
/// (the device's first): the one place the two are joined.
pub(crate) const WORDS_SQL: &str = "SELECT f.reference, COALESCE(f.text, t.text)
     FROM feedback f LEFT JOIN feedback_texts t ON t.page = f.text_page";

#[utoipa::path(post, path = "/v1/feedback", tag = "feedback", security(("device_token" = [])),
    params(("Idempotency-Key" = String, Header, description = "Chosen by the device once per complaint or suggestion and sent unchanged on every retry, as for POST /v1/callbacks (8–128 of A–Z a–z 0–9 . _ : -; bare or an sf-string; kept for 45 days)")),
    request_body = FeedbackRequest,
    responses(
        (status = 201, description = "Received; a replay of the same key and body returns this again, with `Idempotent-Replayed: true`. `has_text` says whether the words are on the backend yet (sent in `text`, or already posted on the phone page `text_page`)", body = FeedbackReceipt, headers(("Idempotent-Replayed" = String, description = "`true` when this answer is the stored one for a key seen before (nothing new was received); absent on the first answer"))),
        (status = 400, description = "Missing Idempotency-Key (idempotency-key-missing), malformed key or body (invalid-input)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field refused (invalid-input, with `errors` for every field at fault: required, invalid-format, too-long; unknown for a member the body may not have and for a region, service (catalog category) or office the backend does not know), or the key was used with a different body (idempotency-key-reused). Remembered under the Idempotency-Key", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "The device sent as many complaints and suggestions as allowed in an hour (quota-exceeded, Retry-After). Not remembered under the Idempotency-Key: the same key may send once the quota frees up", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64))),
    ))]
pub async fn send(
    State(state): State<AppState>,
    Extension(device): Extension<Device>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    if let Some(refusal) = extract::refusal_unless_json(&headers) {
        return Ok(refusal);
    }
    let request = KeyedJson::read(&headers, &extract::body(body)?)?;
    let (limit, demo) = (state.limits.feedback_per_device_hour, state.demo);
    state
        .db
        .run(move |conn| {
            // No `Location`: a feedback has no resource of its own to look up.
            idempotency::answer_once(
                conn,
                device,
                &request,
                |_| None,
                |tx| receive(tx, &request.json, device, limit, demo),
            )
        })
        .await
}

/// Receives the feedback `json` from `device`, inside [`idempotency::answer_once`]'s
/// transaction. Errors: 422 `invalid-input` with every field at fault; 429 `quota-exceeded`
/// past `limit` an hour.
fn receive(
    tx: &mut Conn<'_>,
    json: &serde_json::Value,
    device: Device,
    limit: u32,
    demo: bool,
) -> ApiResult<FeedbackReceipt> {
    let request = FeedbackRequest::from_json(json)
        .map_err(|errors: Vec<FieldError>| ApiError::invalid(422, errors))?;
    let unknown = unknown_fields(tx, &request)?;
    if !unknown.is_empty() {
        return Err(ApiError::invalid(422, unknown));
    }
    hourly_quota(
        tx,
        "SELECT COUNT(*), MIN(received_at) FROM feedback WHERE device = ?1 AND received_at > ?2",
        device,
        limit,
        "this device sent as many complaints and suggestions as allowed in an hour",
    )?;
    let reference = new_reference(
        tx,
        "SELECT EXISTS (SELECT 1 FROM feedback WHERE reference = ?1)",
    )?;
    let received_at = beijing_now();
    let text_page = request.text_page.as_ref().map(TextPageId::as_str);
    tx.execute(
        "INSERT INTO feedback (reference, device, kind, region, lang, service, office, mobile, text,
                               text_page, received_at, demo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        args![
            reference.as_str(),
            device.0,
            request.kind.as_str(),
            request.region.as_str(),
            request.lang.as_str(),
            request.service.as_ref().map(|c| c.as_str()),
            request.office.as_ref().map(|o| o.as_str()),
            request.mobile.as_ref().map(|m| m.as_str()),
            request.text.as_ref(),
            text_page,
            &received_at.to_rfc3339(),
            demo,
        ],
    )?;
    let has_text = request.text.is_some()
        || match text_page {
            Some(page) => text_of_page(tx, page)?.is_some(),
            None => false,
        };
    Ok(FeedbackReceipt {
        reference,
        kind: request.kind,
        received_at,
        has_text,
        demo,
    })
}

/// The region, service (a category of the catalog) and office of `request` that the backend
/// does not know, each as the field error `unknown`.
fn unknown_fields(tx: &mut Conn<'_>, request: &FeedbackRequest) -> ApiResult<Vec<FieldError>> {
    let checks = [
        (
            "region",
            "SELECT EXISTS (SELECT 1 FROM regions WHERE code = ?1)",
            Some(request.region.as_str()),
        ),
        (
            "service",
            "SELECT EXISTS (SELECT 1 FROM categories WHERE id = ?1)",
            request.service.as_ref().map(|c| c.as_str()),
        ),
        (
            "office",
            "SELECT EXISTS (SELECT 1 FROM offices WHERE id = ?1)",
            request.office.as_ref().map(|o| o.as_str()),
        ),
    ];
    let mut unknown = Vec::new();
    for (field, sql, id) in checks {
        if let Some(id) = id {
            let known: bool = tx.one(sql, args![id])?.get(0)?;
            if !known {
                unknown.push(FieldError::new(field, FieldErrorCode::Unknown));
            }
        }
    }
    Ok(unknown)
}

/// The words posted on the phone page `page`, if any.
pub(super) fn text_of_page(conn: &mut Conn<'_>, page: &str) -> ApiResult<Option<String>> {
    Ok(conn
        .row(
            "SELECT text FROM feedback_texts WHERE page = ?1",
            args![page],
        )?
        .map(|row| row.get(0))
        .transpose()?)
}

/// The reference of the feedback that names the phone page `page`, if one arrived (the
/// first, should a device have named one page twice).
pub(super) fn reference_of_page(conn: &mut Conn<'_>, page: &str) -> ApiResult<Option<Reference>> {
    let row = conn.row(
        "SELECT reference FROM feedback WHERE text_page = ?1
         ORDER BY received_at, reference LIMIT 1",
        args![page],
    )?;
    let Some(row) = row else {
        return Ok(None);
    };
    let reference: String = row.get(0)?;
    Reference::parse(&reference).map(Some).map_err(|_| {
        crate::error::BackendError::Column(format!("feedback reference {reference}")).into()
    })
}
