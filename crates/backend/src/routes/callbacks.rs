//! Callback slots and bookings: list, book (keyed, replay-safe), look up, cancel.

use axum::Json;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, FixedOffset, SubsecRound, Utc};
use legal_kiosk_api::{
    CallbackReceipt, CallbackRequest, CallbackSlot, CallbackState, CallbackStatus, FieldError,
    FieldErrorCode, IDEMPOTENCY_KEY_HEADER, IdempotencyKey, MobileNumber, Problem, ProblemCode,
    Reference,
};

use super::slots::{load_slot, stored};
use super::verify::{mobile_from, verified};
use crate::AppState;
use crate::attempts::Target;
use crate::auth::{Device, random_bytes, sha256_hex};
use crate::error::{ApiError, ApiResult};
use crate::extract::{self, PathText};
use crate::idempotency::{self, StoredAnswer};
use crate::sql::args;
use crate::store::{Conn, SqliteBegin};

fn beijing_now() -> DateTime<FixedOffset> {
    Utc::now()
        .trunc_subsecs(0)
        .with_timezone(&crate::seed::beijing())
}

/// A fresh reference that is not in use yet.
fn new_reference(conn: &mut Conn<'_>) -> ApiResult<Reference> {
    for _ in 0..16 {
        let serial = u32::from_le_bytes(random_bytes::<4>()?) % 1_000_000_000;
        let reference = Reference::from_serial(serial);
        let taken: bool = conn
            .one(
                "SELECT EXISTS (SELECT 1 FROM callbacks WHERE reference = ?1)",
                args![reference.as_str()],
            )?
            .get(0)?;
        if !taken {
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
    let hour_ago = now - chrono::Duration::hours(1);
    let row = conn.one(
        "SELECT COUNT(*), MIN(booked_at) FROM callbacks WHERE device = ?1 AND booked_at > ?2",
        args![device.0, &hour_ago.to_rfc3339()],
    )?;
    let (count, oldest): (u32, Option<String>) = (row.get(0)?, row.get(1)?);
    if count >= limits.per_device_hour {
        let frees_at = oldest
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t + chrono::Duration::hours(1));
        let wait = frees_at
            .map(|t| (t - now).num_seconds().max(1))
            .unwrap_or(3600);
        let mut e = ApiError::new(ProblemCode::QuotaExceeded)
            .with_detail("this device made as many bookings as allowed in an hour");
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
    let reference = new_reference(conn)?;
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

fn replay(answer: &StoredAnswer) -> Response {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let content_type = if status.is_success() {
        "application/json"
    } else {
        legal_kiosk_api::PROBLEM_CONTENT_TYPE
    };
    let mut response = (status, answer.body.clone()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if status == StatusCode::CREATED
        && let Ok(receipt) = serde_json::from_str::<CallbackReceipt>(&answer.body)
        && let Ok(v) =
            HeaderValue::from_str(&format!("/v1/callbacks/{}", receipt.reference.as_str()))
    {
        headers.insert(header::LOCATION, v);
    }
    response
}

/// The key an `Idempotency-Key` field names. The IETF draft
/// (draft-ietf-httpapi-idempotency-key-header §2) makes the field an Item Structured Header
/// whose value is an sf-string (RFC 9651 §3.3.3): `"8e03978e-40d5"`. Devices of this project
/// send the key bare; both forms name the same key. Errors: bytes outside visible ASCII, a
/// quoted value that is not one sf-string, or a key outside `IdempotencyKey`'s rules are 400
/// invalid-input (`invalid-format`, `too-long`); an empty field is `required`.
fn idempotency_key(value: &HeaderValue) -> Result<IdempotencyKey, ApiError> {
    let invalid = |code: FieldErrorCode| ApiError::invalid_field(400, IDEMPOTENCY_KEY_HEADER, code);
    let bytes = value.as_bytes();
    // Not "missing": a key was sent, in bytes no key can hold (RFC 9110 §5.5 obs-text).
    if !bytes.iter().all(|b| (0x20..0x7f).contains(b)) {
        return Err(invalid(FieldErrorCode::InvalidFormat));
    }
    let text = String::from_utf8_lossy(bytes);
    let key = if text.starts_with('"') {
        let item: sfv::Item = sfv::Parser::new(text.as_ref())
            .parse()
            .map_err(|_| invalid(FieldErrorCode::InvalidFormat))?;
        match item.bare_item.as_string() {
            Some(s) if item.params.is_empty() => s.as_str().to_owned(),
            _ => return Err(invalid(FieldErrorCode::InvalidFormat)),
        }
    } else {
        text.into_owned()
    };
    IdempotencyKey::parse(&key).map_err(|e| invalid(e.field_code()))
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
    let body = extract::body(body)?;
    let key = match headers.get(IDEMPOTENCY_KEY_HEADER) {
        None => return Err(ApiError::new(ProblemCode::IdempotencyKeyMissing)),
        Some(v) => idempotency_key(v)?,
    };
    let json: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|_| ApiError::invalid_field(400, "", FieldErrorCode::InvalidFormat))?;
    // Hash the decoded value, not the bytes, so whitespace or member order do not make a retry
    // look like a different booking.
    let request_hash = sha256_hex(&serde_json::to_vec(&json)?);
    let limits = state.limits;
    state
        .db
        .run(move |conn| book_once(conn, device, &key, &json, &request_hash, limits))
        .await
}

/// Books under `key` exactly once: a replay of the same request gets the stored answer, a
/// different request under the same key 422 `idempotency-key-reused`. One transaction: on
/// SQLite an immediate one (it takes the write lock at its start), so a database another
/// process holds is met before anything is read; on PostgreSQL one that first takes the
/// device's lock (its keys and its hourly quota), then the mobile number's (its open
/// callbacks), then the slot's (its capacity), so instances book one after the other where
/// they count the same rows, and in parallel elsewhere. A `503` `server-busy` leaves nothing
/// behind: the same key books normally later.
fn book_once(
    conn: &mut Conn<'_>,
    device: Device,
    key: &IdempotencyKey,
    json: &serde_json::Value,
    request_hash: &str,
    limits: crate::Limits,
) -> ApiResult<Response> {
    conn.transaction(SqliteBegin::Immediate, |tx| {
        book_in(tx, device, key, json, request_hash, limits)
    })
}

fn book_in(
    tx: &mut Conn<'_>,
    device: Device,
    key: &IdempotencyKey,
    json: &serde_json::Value,
    request_hash: &str,
    limits: crate::Limits,
) -> ApiResult<Response> {
    tx.lock_key(&format!("device:{}", device.0))?;
    let now = Utc::now().timestamp();
    idempotency::purge(tx, now)?;
    if let Some(first) = idempotency::find(tx, device, key.as_str())? {
        if first.request_hash != request_hash {
            return Err(ApiError::new(ProblemCode::IdempotencyKeyReused));
        }
        let mut response = replay(&first);
        response
            .headers_mut()
            .insert("Idempotent-Replayed", HeaderValue::from_static("true"));
        return Ok(response);
    }
    let outcome = CallbackRequest::from_json(json)
        .map_err(|errors: Vec<FieldError>| ApiError::invalid(422, errors))
        .and_then(|request| {
            tx.lock_key(&format!("mobile:{}", request.mobile.as_str()))?;
            tx.lock_key(&format!("slot:{}", request.slot.as_str()))?;
            check_quotas(tx, &request, device, limits)?;
            book_slot(tx, &request, device)
        });
    // Refusals are remembered too: a retry of a refused booking must not book it later. A
    // quota is not: it frees up (an hour passes, a callback takes place), and the same key
    // must then be able to book.
    let answer = match &outcome {
        Err(e) if e.problem.code == ProblemCode::QuotaExceeded => {
            return outcome.map(|_| StatusCode::TOO_MANY_REQUESTS.into_response());
        }
        Ok(receipt) => StoredAnswer {
            request_hash: request_hash.to_owned(),
            status: 201,
            body: serde_json::to_string(receipt)?,
        },
        Err(e) if e.problem.status < 500 => StoredAnswer {
            request_hash: request_hash.to_owned(),
            status: e.problem.status,
            body: serde_json::to_string(&e.problem)?,
        },
        Err(_) => return outcome.map(|_| StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    };
    idempotency::store(tx, device, key.as_str(), &answer, now)?;
    Ok(replay(&answer))
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
