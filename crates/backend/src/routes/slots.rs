//! Callback slots: what a device offers a person to book.

use crate::sql::{Row, args};
use crate::store::Conn;
use axum::Json;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use chrono::{DateTime, Utc};
use legal_kiosk_api::{CallbackSlot, FieldErrorCode, Lang, Problem, RegionCode, SlotList};
use serde::Deserialize;

use super::content::{RegionQuery, known_region, region_param};
use crate::AppState;
use crate::error::{ApiError, ApiResult};

const SLOT_COLUMNS: &str = "s.id, s.region, s.lang, s.starts_at, s.ends_at, s.demo,
     s.capacity - (SELECT COUNT(*) FROM callbacks c WHERE c.slot = s.id AND c.state != 'cancelled')";

fn slot_from_row(row: &Row) -> Result<Result<CallbackSlot, String>, crate::error::BackendError> {
    let get = |i| row.get::<String>(i);
    let (id, region, lang, starts, ends) = (get(0)?, get(1)?, get(2)?, get(3)?, get(4)?);
    let demo: bool = row.get(5)?;
    let available: i64 = row.get(6)?;
    Ok((|| {
        Ok(CallbackSlot {
            id: id.clone().try_into().map_err(|_| "slot id")?,
            region: region.try_into().map_err(|_| "region")?,
            lang: Lang::parse(&lang).ok_or("lang")?,
            starts_at: DateTime::parse_from_rfc3339(&starts).map_err(|_| "starts_at")?,
            ends_at: DateTime::parse_from_rfc3339(&ends).map_err(|_| "ends_at")?,
            available: u32::try_from(available.max(0)).unwrap_or(0),
            demo,
        })
    })()
    .map_err(|what: &str| format!("slot {id}: bad {what}")))
}

pub fn stored<T>(r: Result<T, String>) -> ApiResult<T> {
    r.map_err(|e| crate::error::BackendError::Seed(e).into())
}

pub fn load_slot(conn: &mut Conn<'_>, id: &str) -> ApiResult<Option<CallbackSlot>> {
    let sql = format!("SELECT {SLOT_COLUMNS} FROM slots s WHERE s.id = ?1");
    conn.row(&sql, args![id])?
        .map(|row| stored(slot_from_row(&row)?))
        .transpose()
}

#[derive(Debug, Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

#[utoipa::path(get, path = "/v1/callback-slots", tag = "callbacks", security(("device_token" = [])),
    params(
        ("region" = String, Query, description = "Region code"),
        ("lang" = Option<Lang>, Query, description = "Only slots in this language"),
    ),
    responses(
        (status = 200, description = "Future slots, soonest first, including full ones (available = 0)", body = SlotList),
        (status = 400, description = "Missing or malformed region or lang", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown region", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn slots(
    State(state): State<AppState>,
    region: Result<Query<RegionQuery>, QueryRejection>,
    lang: Result<Query<LangQuery>, QueryRejection>,
) -> ApiResult<Json<SlotList>> {
    let region = region_param(region)?;
    let lang =
        match lang.map(|q| q.0.lang) {
            Ok(None) => None,
            Ok(Some(l)) => Some(Lang::parse(&l).ok_or_else(|| {
                ApiError::invalid_field(400, "lang", FieldErrorCode::InvalidFormat)
            })?),
            Err(_) => {
                return Err(ApiError::invalid_field(
                    400,
                    "lang",
                    FieldErrorCode::InvalidFormat,
                ));
            }
        };
    state
        .db
        .run(move |conn| future_slots(conn, &region, lang))
        .await
        .map(|slots| Json(SlotList { slots }))
}

/// The region's slots that have not started, in `lang` if given, soonest first. Error: 422 for
/// a region the backend does not know.
fn future_slots(
    conn: &mut Conn<'_>,
    region: &RegionCode,
    lang: Option<Lang>,
) -> ApiResult<Vec<CallbackSlot>> {
    known_region(conn, region)?;
    let now = Utc::now();
    let sql = format!(
        "SELECT {SLOT_COLUMNS} FROM slots s WHERE s.region = ?1 AND (CAST(?2 AS TEXT) IS NULL OR s.lang = ?2)
         ORDER BY s.starts_at, s.lang"
    );
    let rows = conn.rows(&sql, args![region.as_str(), lang.map(Lang::as_str)])?;
    let mut slots = Vec::new();
    for row in &rows {
        let slot = stored(slot_from_row(row)?)?;
        if slot.starts_at > now {
            slots.push(slot);
        }
    }
    Ok(slots)
}
