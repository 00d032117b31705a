//! Callback slots and bookings: list, book (keyed, replay-safe), look up, cancel.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use axum::response::Response;
use chrono::{DateTime, FixedOffset, SubsecRound, Utc};
use legal_kiosk_api::{
    CallbackReceipt, CallbackRequest, CallbackSlot, CallbackState, CallbackStatus, FieldError,
    FieldErrorCode, MobileNumber, Problem, ProblemCode, Reference,
};

use super::slots::{load_slot, stored};
use super::verify::{mobile_from, verified};
use crate::AppState;
use crate::attempts::Target;
use crate::auth::{Device, random_bytes};
use crate::error::{ApiError, ApiResult};
use crate::extract::{self, PathText};
use crate::idempotency::{self, KeyedJson};
use crate::sql::args;
use crate::store::Conn;

/// Now in Beijing time, to the second: how bookings and feedback write their times (RFC 3339),
/// so that they compare as text.
pub(super) fn beijing_now() -> DateTime<FixedOffset> {
    Utc::now()
        .trunc_subsecs(0)
        .with_timezone(&crate::seed::beijing())
}

/// A fresh reference that `taken` (a query of one `EXISTS` with the reference as `?1`) does
/// not find in use yet. Error: 503 `server-busy` after 16 draws that were all taken.
pub(super) fn new_reference(conn: &mut Conn<'_>, taken: &str) -> ApiResult<Reference> {
    for _ in 0..16 {
        let serial = u32::from_le_bytes(random_bytes::<4>()?) % 1_000_000_000;
        let reference = Reference::from_serial(serial);
        let in_use: bool = conn.one(taken, args![reference.as_str()])?.get(0)?;
        if !in_use {
            return Ok(reference);
        }
    }
    Err(ApiError::new(ProblemCode::ServerBusy))
}

/// The booking quotas of [`crate::Limits`]: open callbacks per mobile number, bookings per
/// device per hour (OWASP API6). Errors: 429 `quota-exceeded`, with the field error
/// `mobile`/`too-many-open` for the first, and `Retry-After` (seconds until the oldest booking
/// of the hour leaves it) for the second.
fn check_quotas(
    conn: &mut Conn<'_>,
    request: &CallbackRequest,
    device: Device,
    limits: crate::Limits,
) -> ApiResult<()> {
    let now = beijing_now();
    // Timestamps are RFC 3339 in Beijing time to the second: they compare as text.
    // The booking this one moves does not count: it is cancelled as this one is booked.
    let moved = request.replaces.as_ref().map(|r| r.as_str().to_owned());
    let open: u32 = conn
        .one(
            "SELECT COUNT(*) FROM callbacks c JOIN slots s ON s.id = c.slot
             WHERE c.mobile = ?1 AND c.state = 'booked' AND s.starts_at > ?2
               AND (CAST(?3 AS TEXT) IS NULL OR c.reference != ?3)",
            args![request.mobile.as_str(), &now.to_rfc3339(), moved.as_ref()],
        )?
        .get(0)?;
    if open >= limits.open_per_mobile {
        let mut e = ApiError::new(ProblemCode::QuotaExceeded)
            .with_detail("this mobile number holds as many open callbacks as allowed");
        e.problem.errors = vec![FieldError::new("mobile", FieldErrorCode::TooManyOpen)];
        return Err(e);
    }
    hourly_quota(
        conn,
        "SELECT COUNT(*), MIN(booked_at) FROM callbacks WHERE device = ?1 AND booked_at > ?2",
        device,
        limits.per_device_hour,
        "this device made as many bookings as allowed in an hour",
    )
}

/// A device's quota over any 60 minutes: `count_since` counts what `device` (`?1`) made after
/// a time (`?2`, RFC 3339 Beijing time) and gives the oldest of those times. Error: 429
/// `quota-exceeded` with `detail` once `limit` is reached, with `Retry-After` the seconds until
/// the oldest leaves the hour (at least 1).
pub(super) fn hourly_quota(
    conn: &mut Conn<'_>,
    count_since: &str,
    device: Device,
    limit: u32,
    detail: &str,
) -> ApiResult<()> {
    let now = beijing_now();
    let hour_ago = now - chrono::Duration::hours(1);
    let row = conn.one(count_since, args![device.0, &hour_ago.to_rfc3339()])?;
    let (count, oldest): (u32, Option<String>) = (row.get(0)?, row.get(1)?);
    if count >= limit {
        let frees_at = oldest
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t + chrono::Duration::hours(1));
        let wait = frees_at
            .map(|t| (t - now).num_seconds().max(1))
            .unwrap_or(3600);
        let mut e = ApiError::new(ProblemCode::QuotaExceeded).with_detail(detail);
        e.retry_after = u64::try_from(wait).ok();
        return Err(e);
    }
    Ok(())
}

/// The booking itself, once the request is valid: checks the slot and writes the callback.
fn book_slot(
    conn: &mut Conn<'_>,
    request: &CallbackRequest,
    device: Device,
) -> ApiResult<CallbackReceipt> {
    let slot = load_slot(conn, request.slot.as_str())?;
    let slot_error = |code| ApiError::invalid_field(422, "slot", code);
    let slot = slot.ok_or_else(|| slot_error(FieldErrorCode::Unknown))?;
    if let Some(topic) = &request.topic {
        let known: bool = conn
            .one(
                "SELECT EXISTS (SELECT 1 FROM guides WHERE id = ?1)",
                args![topic.as_str()],
            )?
            .get(0)?;
        if !known {
            return Err(ApiError::invalid_field(
                422,
                "topic",
                FieldErrorCode::Unknown,
            ));
        }
    }
    if slot.starts_at <= Utc::now() {
        return Err(slot_error(FieldErrorCode::SlotClosed));
    }
    if slot.lang != request.lang {
        return Err(ApiError::invalid_field(
            422,
            "lang",
            FieldErrorCode::LanguageMismatch,
        ));
    }
    if slot.available == 0 {
        return Err(slot_error(FieldErrorCode::SlotFull));
    }
    let reference = new_reference(
        conn,
        "SELECT EXISTS (SELECT 1 FROM callbacks WHERE reference = ?1)",
    )?;
    let now = beijing_now();
    conn.execute(
        "INSERT INTO callbacks (reference, slot, mobile, name, lang, topic, note, state, device,
                                booked_at, updated_at, demo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'booked', ?8, ?9, ?9, ?10)",
        args![
            reference.as_str(),
            slot.id.as_str(),
            request.mobile.as_str(),
            request.name.as_ref().map(|n| n.as_str()),
            request.lang.as_str(),
            request.topic.as_ref().map(|t| t.as_str()),
            request.note.as_ref(),
            device.0,
            &now.to_rfc3339(),
            slot.demo,
        ],
    )?;
    // A move: the booking it replaces goes in the same transaction, if it is this person's
    // and its slot has not started (otherwise it is left as it is).
    if let Some(old) = &request.replaces {
        conn.execute(
            "UPDATE callbacks SET state = 'cancelled', updated_at = ?3
             WHERE reference = ?1 AND mobile = ?2 AND state = 'booked'
               AND slot IN (SELECT id FROM slots WHERE starts_at > ?3)",
            args![old.as_str(), request.mobile.as_str(), &now.to_rfc3339()],
        )?;
    }
    let demo = slot.demo;
    let slot = CallbackSlot {
        available: slot.available - 1,
        ..slot
    };
    Ok(CallbackReceipt {
        reference,
        slot,
        state: CallbackState::Booked,
        booked_at: now,
        demo,
    })
}

#[utoipa::path(post, path = "/v1/callbacks", tag = "callbacks", security(("device_token" = [])),
    params(("Idempotency-Key" = String, Header, description = "Chosen by the device once per booking and sent unchanged on every retry (8–128 of A–Z a–z 0–9 . _ : -). Kept for 45 days. Sent bare or, as the IETF draft (draft-ietf-httpapi-idempotency-key-header) writes it, as a Structured Field sf-string in double quotes (RFC 9651 §3.3.3): both name the same key. Bytes outside visible ASCII are invalid-format.")),
    request_body = CallbackRequest,
    responses(
        (status = 201, description = "Booked; a replay of the same key and body returns this again, with `Idempotent-Replayed: true`", body = CallbackReceipt, headers(("Location" = String), ("Idempotent-Replayed" = String, description = "`true` when this answer is the stored one for a key seen before (no new booking was made); absent on the first answer"))),
        (status = 400, description = "Missing Idempotency-Key (idempotency-key-missing), malformed key or body (invalid-input)", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field refused (invalid-input, with `errors`: required, invalid-format, too-long, unknown, slot-full, slot-closed, language-mismatch), or the key was used with a different body (idempotency-key-reused)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "A booking quota is used up (quota-exceeded): the mobile number holds as many open callbacks as allowed (`errors`: mobile too-many-open; final until one is cancelled or has taken place), or the device made as many bookings as allowed in an hour (Retry-After). Not remembered under the Idempotency-Key: the same key may book once the quota frees up", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64))),
    ))]
pub async fn book(
    State(state): State<AppState>,
    Extension(device): Extension<Device>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> ApiResult<Response> {
    if let Some(refusal) = extract::refusal_unless_json(&headers) {
        return Ok(refusal);
    }
    let request = KeyedJson::read(&headers, &extract::body(body)?)?;
    let limits = state.limits;
    state
        .db
        .run(move |conn| {
            idempotency::answer_once(conn, device, &request, location, |tx| {
                book_in(tx, &request.json, device, limits)
            })
        })
        .await
}

/// Where a booking lives: `/v1/callbacks/{reference}`.
fn location(receipt: &str) -> Option<String> {
    let receipt: CallbackReceipt = serde_json::from_str(receipt).ok()?;
    Some(format!("/v1/callbacks/{}", receipt.reference.as_str()))
}

/// The booking of `json` by `device`, inside [`idempotency::answer_once`]'s transaction (the
/// device's lock held): on PostgreSQL it then takes the mobile number's lock (its open
/// callbacks), then the slot's (its capacity), so instances book one after the other where
/// they count the same rows, and in parallel elsewhere. A `503` `server-busy` leaves nothing
/// behind: the same key books normally later.
fn book_in(
    tx: &mut Conn<'_>,
    json: &serde_json::Value,
    device: Device,
    limits: crate::Limits,
) -> ApiResult<CallbackReceipt> {
    let request = CallbackRequest::from_json(json)
        .map_err(|errors: Vec<FieldError>| ApiError::invalid(422, errors))?;
    tx.lock_key(&format!("mobile:{}", request.mobile.as_str()))?;
    tx.lock_key(&format!("slot:{}", request.slot.as_str()))?;
    check_quotas(tx, &request, device, limits)?;
    book_slot(tx, &request, device)
}

fn parse_reference(reference: &str) -> ApiResult<Reference> {
    Reference::parse(reference)
        .map_err(|e| ApiError::invalid_field(400, "reference", e.field_code()))
}

pub(crate) fn load_status(
    conn: &mut Conn<'_>,
    reference: &Reference,
) -> ApiResult<Option<(String, CallbackStatus)>> {
    let row = conn.row(
        "SELECT mobile, slot, state, updated_at, demo FROM callbacks WHERE reference = ?1",
        args![reference.as_str()],
    )?;
    let Some(row) = row else {
        return Ok(None);
    };
    let (mobile, slot_id, state, updated_at, demo): (String, String, String, String, bool) = (
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
    );
    let slot = load_slot(conn, &slot_id)?.ok_or_else(|| {
        crate::error::BackendError::Seed(format!("callback without slot {slot_id}"))
    })?;
    let state: CallbackState = serde_json::from_value(serde_json::Value::String(state))?;
    let updated_at = stored(DateTime::parse_from_rfc3339(&updated_at).map_err(|e| e.to_string()))?;
    let cancellable = state == CallbackState::Booked && slot.starts_at > Utc::now();
    Ok(Some((
        mobile,
        CallbackStatus {
            reference: reference.clone(),
            slot,
            state,
            cancellable,
            updated_at,
            demo,
        },
    )))
}

#[utoipa::path(get, path = "/v1/callbacks/{reference}", tag = "callbacks", security(("device_token" = [])),
    params(
        ("reference" = String, Path, description = "Booking reference (10 digits)"),
        ("Verification-Mobile" = String, Header, description = "The mobile number the callback was booked with"),
    ),
    responses(
        (status = 200, description = "The booking", body = CallbackStatus),
        (status = 400, description = "Malformed reference or missing/malformed Verification-Mobile", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No booking with this reference and mobile (wrong-verification); unknown references answer the same", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong attempts for this reference or from this device (too-many-attempts)", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64))),
    ))]
pub async fn lookup(
    State(state): State<AppState>,
    Extension(device): Extension<Device>,
    PathText(reference): PathText,
    headers: HeaderMap,
) -> ApiResult<Json<CallbackStatus>> {
    let reference = parse_reference(&reference)?;
    let mobile = mobile_from(&headers)?;
    state
        .db
        .run(move |conn| {
            let target = Target {
                kind: "callback",
                id: reference.as_str(),
            };
            verified(conn, &target, device, &mobile, |c| {
                load_status(c, &reference)
            })
        })
        .await
        .map(Json)
}

#[utoipa::path(delete, path = "/v1/callbacks/{reference}", tag = "callbacks", security(("device_token" = [])),
    params(
        ("reference" = String, Path, description = "Booking reference (10 digits)"),
        ("Verification-Mobile" = String, Header, description = "The mobile number the callback was booked with"),
    ),
    responses(
        (status = 200, description = "Cancelled (cancelling again answers the same)", body = CallbackStatus),
        (status = 400, description = "Malformed reference or missing/malformed Verification-Mobile", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "No booking with this reference and mobile (wrong-verification)", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The callback took place or its slot has started (not-cancellable)", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many wrong attempts (too-many-attempts)", body = Problem, content_type = "application/problem+json", headers(("Retry-After" = u64))),
    ))]
pub async fn cancel(
    State(state): State<AppState>,
    Extension(device): Extension<Device>,
    PathText(reference): PathText,
    headers: HeaderMap,
) -> ApiResult<Json<CallbackStatus>> {
    let reference = parse_reference(&reference)?;
    let mobile = mobile_from(&headers)?;
    state
        .db
        .run(move |conn| cancel_verified(conn, &reference, device, &mobile))
        .await
        .map(Json)
}

/// The cancellation itself, once the request is well-formed: verification, then the state
/// change (cancelling a cancelled callback answers the same).
fn cancel_verified(
    conn: &mut Conn<'_>,
    reference: &Reference,
    device: Device,
    mobile: &MobileNumber,
) -> ApiResult<CallbackStatus> {
    let target = Target {
        kind: "callback",
        id: reference.as_str(),
    };
    let status = verified(conn, &target, device, mobile, |c| load_status(c, reference))?;
    match status.state {
        CallbackState::Cancelled => Ok(status),
        _ if !status.cancellable => Err(ApiError::new(ProblemCode::NotCancellable)),
        _ => {
            let now = beijing_now();
            conn.execute(
                "UPDATE callbacks SET state = 'cancelled', updated_at = ?2 WHERE reference = ?1",
                args![reference.as_str(), &now.to_rfc3339()],
            )?;
            let slot = CallbackSlot {
                available: status.slot.available + 1,
                ..status.slot
            };
            Ok(CallbackStatus {
                state: CallbackState::Cancelled,
                cancellable: false,
                updated_at: now,
                slot,
                ..status
            })
        }
    }
}
