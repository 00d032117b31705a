//! Published content: health, regions, the catalog, guides and offices.

use axum::Json;
use axum::extract::rejection::QueryRejection;
use std::sync::Arc;

use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::{
    Catalog, Category, CreditRecordList, FieldErrorCode, Guide, GuideId, GuideSummary, Health,
    Office, OfficeList, Problem, Region, RegionCode, RegionList,
};
use serde::Deserialize;

use crate::AppState;
use crate::dictionary::{self, DictionaryOffer};
use crate::error::{ApiError, ApiResult};
use crate::etag::{json_with_etag, none_match, not_modified, with_stored_etag};
use crate::extract::PathText;
use crate::sql::args;
use crate::store::{Conn, Dialect};

#[utoipa::path(get, path = "/v1/health", tag = "service",
    responses((status = 200, description = "The backend is up", body = Health)))]
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        demo: state.demo,
    })
}

/// Every row's `body` column, decoded.
fn all<T: serde::de::DeserializeOwned>(conn: &mut Conn<'_>, sql: &str) -> ApiResult<Vec<T>> {
    bodies(conn, sql, &[])
}

/// Every row's first column, a JSON body, decoded.
fn bodies<T: serde::de::DeserializeOwned>(
    conn: &mut Conn<'_>,
    sql: &str,
    params: &[crate::sql::Value<'_>],
) -> ApiResult<Vec<T>> {
    let rows = conn.rows(sql, params)?;
    let mut decoded = Vec::with_capacity(rows.len());
    for row in &rows {
        decoded.push(serde_json::from_str(&row.get::<String>(0)?)?);
    }
    Ok(decoded)
}

#[utoipa::path(get, path = "/v1/regions", tag = "content", security(("device_token" = [])),
    responses(
        (status = 200, description = "All regions", body = RegionList),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn regions(State(state): State<AppState>) -> ApiResult<Json<RegionList>> {
    let regions: Vec<Region> = state
        .db
        .run(|conn| all(conn, "SELECT body FROM regions ORDER BY code"))
        .await?;
    Ok(Json(RegionList { regions }))
}

#[utoipa::path(get, path = "/v1/catalog", tag = "content", security(("device_token" = [])),
    params(("If-None-Match" = Option<String>, Header, description = "ETag of the catalog the device holds")),
    responses(
        (status = 200, description = "The catalog", body = Catalog, headers(("ETag" = String))),
        (status = 304, description = "The device's copy is current", headers(("ETag" = String))),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn catalog(State(state): State<AppState>, headers: HeaderMap) -> ApiResult<Response> {
    let (categories, guides): (Vec<Category>, Vec<Guide>) = state
        .db
        .run(|conn| {
            Ok::<_, ApiError>((
                all(conn, "SELECT body FROM categories ORDER BY id")?,
                all(conn, "SELECT body FROM guides ORDER BY id")?,
            ))
        })
        .await?;
    let catalog = Catalog {
        categories,
        guides: guides
            .into_iter()
            .map(|g| GuideSummary {
                id: g.id,
                category: g.category,
                service_code: g.service_code,
                title: g.title,
                demo: g.demo,
            })
            .collect(),
    };
    Ok(json_with_etag(&headers, serde_json::to_vec(&catalog)?))
}

#[utoipa::path(get, path = "/v1/guides/{id}", tag = "content", security(("device_token" = [])),
    params(
        ("id" = String, Path, description = "Guide id"),
        ("If-None-Match" = Option<String>, Header, description = "ETag of the guide the device holds"),
    ),
    responses(
        (status = 200, description = "The guide", body = Guide, headers(("ETag" = String))),
        (status = 304, description = "The device's copy is current", headers(("ETag" = String))),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such guide", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn guide(
    State(state): State<AppState>,
    PathText(id): PathText,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let body = guide_body(&state, id).await?;
    Ok(json_with_etag(&headers, body.into_bytes()))
}

/// A guide's stored JSON, or 404. A malformed id cannot name a guide: same answer as an unknown
/// one.
pub async fn guide_body(state: &AppState, id: String) -> ApiResult<String> {
    let id = GuideId::parse(&id).map_err(|_| ApiError::not_found("guide"))?;
    let body: Option<String> = state
        .db
        .run(move |conn| {
            conn.row("SELECT body FROM guides WHERE id = ?1", args![id.as_str()])?
                .map(|row| row.get(0))
                .transpose()
                .map_err(ApiError::from)
        })
        .await?;
    body.ok_or_else(|| ApiError::not_found("guide"))
}

#[derive(Debug, Deserialize)]
pub struct RegionQuery {
    region: Option<String>,
}

/// The `region` query parameter, required and well-formed.
pub fn region_param(query: Result<Query<RegionQuery>, QueryRejection>) -> ApiResult<RegionCode> {
    let region = query
        .map_err(|_| ApiError::invalid_field(400, "region", FieldErrorCode::InvalidFormat))?
        .0
        .region
        .ok_or_else(|| ApiError::invalid_field(400, "region", FieldErrorCode::Required))?;
    RegionCode::parse(&region)
        .map_err(|_| ApiError::invalid_field(400, "region", FieldErrorCode::InvalidFormat))
}

/// 422 unless the region is one the backend knows.
pub fn known_region(conn: &mut Conn<'_>, region: &RegionCode) -> ApiResult<()> {
    let known: bool = conn
        .one(
            "SELECT EXISTS (SELECT 1 FROM regions WHERE code = ?1)",
            args![region.as_str()],
        )?
        .get(0)?;
    if known {
        Ok(())
    } else {
        Err(ApiError::invalid_field(
            422,
            "region",
            FieldErrorCode::Unknown,
        ))
    }
}

#[utoipa::path(get, path = "/v1/offices", tag = "content", security(("device_token" = [])),
    params(("region" = String, Query, description = "Region code; offices of the region and of the regions below it"),
        ("If-None-Match" = Option<String>, Header, description = "ETag of the list the device holds")),
    responses(
        (status = 200, description = "Offices", body = OfficeList, headers(("ETag" = String))),
        (status = 304, description = "The device's copy is current", headers(("ETag" = String))),
        (status = 400, description = "Missing or malformed region", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown region", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn offices(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<RegionQuery>, QueryRejection>,
) -> ApiResult<Response> {
    let region = region_param(query)?;
    let offices = state
        .db
        .run(move |conn| offices_under(conn, &region))
        .await?;
    Ok(json_with_etag(
        &headers,
        serde_json::to_vec(&OfficeList { offices })?,
    ))
}

/// The offices of `region` and of the regions right below it (a league's list includes its
/// banners' offices), by id. Errors: an unknown region (422), the database's.
fn offices_under(conn: &mut Conn<'_>, region: &RegionCode) -> ApiResult<Vec<Office>> {
    known_region(conn, region)?;
    let sql = match conn.dialect() {
        Dialect::Sqlite => {
            "SELECT o.body FROM offices o
             WHERE o.region = ?1
                OR o.region IN (SELECT code FROM regions WHERE json_extract(body, '$.parent') = ?1)
             ORDER BY o.id"
        }
        Dialect::Postgres => {
            "SELECT o.body FROM offices o
             WHERE o.region = ?1
                OR o.region IN (SELECT code FROM regions WHERE body::jsonb ->> 'parent' = ?1)
             ORDER BY o.id"
        }
    };
    bodies(conn, sql, args![region.as_str()])
}

#[utoipa::path(get, path = "/v1/credit", tag = "content", security(("device_token" = [])),
    params(("region" = String, Query, description = "Region code; the credit records of the offices of the region and of the regions below it"),
        ("If-None-Match" = Option<String>, Header, description = "ETag of the list the device holds")),
    responses(
        (status = 200, description = "Credit records (诚信记录: red and black lists, annual assessments), each with its date, basis and source; demo records say so", body = CreditRecordList, headers(("ETag" = String))),
        (status = 304, description = "The device's copy is current", headers(("ETag" = String))),
        (status = 400, description = "Missing or malformed region", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Unknown region", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn credit(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<RegionQuery>, QueryRejection>,
) -> ApiResult<Response> {
    let region = region_param(query)?;
    let offices = state
        .db
        .run(move |conn| offices_under(conn, &region))
        .await?;
    let list = CreditRecordList {
        records: crate::seed::credit::demo_records(&offices),
    };
    Ok(json_with_etag(&headers, serde_json::to_vec(&list)?))
}

#[utoipa::path(get, path = "/v1/bundle", tag = "content", security(("device_token" = [])),
    params(("If-None-Match" = Option<String>, Header, description = "ETag of the bundle the device holds"),
        ("Available-Dictionary" = Option<String>, Header, description = "RFC 9842 §2.2: SHA-256 of the bundle the device holds, as a Structured Field byte sequence (`:<base64>:`); with `dcz` in Accept-Encoding the answer may be that bundle's delta")),
    responses(
        (status = 200, description = "The signed offline bundle (magic `LKBUNDL1`, ed25519 signature, JSON payload)",
            content_type = "application/octet-stream", headers(("ETag" = String),
                ("Content-Encoding" = Option<String>, description = "`dcz` (RFC 9842 §5.2) when coded against the offered dictionary; `zstd` or `gzip` when asked"),
                ("Use-As-Dictionary" = String, description = "RFC 9842 §2.1: `match=\"/v1/bundle\"`"))),
        (status = 304, description = "The device's copy is current", headers(("ETag" = String))),
        (status = 401, description = "Unknown or missing device token", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Nothing published yet", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn bundle(
    State(state): State<AppState>,
    offer: Option<Extension<DictionaryOffer>>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let asked = headers.clone();
    let offered = offer.map(|Extension(DictionaryOffer(hash))| hash);
    let stored = state
        .db
        .run(move |conn| stored_bundle(conn, &asked, offered.as_ref()))
        .await?;
    let mut response = match stored {
        None => return Err(ApiError::not_found("bundle")),
        Some(Stored::Held(etag)) => not_modified(&etag),
        Some(Stored::Sent {
            etag,
            body,
            dictionary: Some((hash, dictionary)),
        }) => {
            let coded = state
                .deltas
                .get(hash, dictionary, &etag, Arc::new(body))
                .await?;
            let mut r = coded.as_ref().clone().into_response();
            let h = r.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static("dcz"));
            if let Ok(v) = HeaderValue::from_str(&dictionary::dcz_tag(&etag, &hash)) {
                h.insert(header::ETAG, v);
            }
            r
        }
        Some(Stored::Sent { etag, body, .. }) => {
            with_stored_etag(&headers, &etag, body, "application/octet-stream")
        }
    };
    let h = response.headers_mut();
    h.insert(
        &dictionary::USE_AS_DICTIONARY,
        HeaderValue::from_static(dictionary::BUNDLE_DICTIONARY),
    );
    h.insert(header::VARY, dictionary::vary());
    Ok(response)
}

/// What `GET /v1/bundle` sends: only the ETag when the device holds it, or the bytes with it.
enum Stored {
    Held(String),
    /// The bundle, and the dictionary offered with its hash if the server still has it.
    Sent {
        etag: String,
        body: Vec<u8>,
        dictionary: Option<([u8; 32], Vec<u8>)>,
    },
}

/// The bundle's ETag, stored with it when it was published: a conditional request that
/// names it is answered without reading the blob, let alone hashing it. The body and its ETag
/// are read in one statement, so a bundle published meanwhile is never sent with the old tag.
fn stored_bundle(
    conn: &mut Conn<'_>,
    headers: &HeaderMap,
    offered: Option<&[u8; 32]>,
) -> ApiResult<Option<Stored>> {
    let etag: Option<Option<String>> = conn
        .row("SELECT etag FROM bundle WHERE id = 1", &[])?
        .map(|row| row.get(0))
        .transpose()?;
    match etag {
        None => return Ok(None),
        Some(Some(etag)) if none_match(headers, &etag) => return Ok(Some(Stored::Held(etag))),
        Some(_) => {}
    }
    let row: Option<(Option<String>, Vec<u8>)> = conn
        .row("SELECT etag, body FROM bundle WHERE id = 1", &[])?
        .map(|row| Ok::<_, crate::error::BackendError>((row.get(0)?, row.get(1)?)))
        .transpose()?;
    let Some((etag, body)) = row else {
        return Ok(None);
    };
    // Written without one by an older program on the same file: its bytes' tag.
    let etag = etag.unwrap_or_else(|| crate::etag::etag_of(&body));
    let dictionary = match offered {
        Some(hash) => dictionary::lookup(conn, hash)?.map(|d| (*hash, d)),
        None => None,
    };
    Ok(Some(Stored::Sent {
        etag,
        body,
        dictionary,
    }))
}
