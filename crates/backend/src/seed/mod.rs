//! Demo data, written on every start so a fresh database is usable at once. Everything invented
//! is labelled demo: in a `demo` field and in its text. Offices and addresses are fictitious; the phone
//! numbers shown are the real public hotlines (12348 public legal services, 12368 the courts).

mod applications;
mod people;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveTime, Utc, Weekday};
use legal_kiosk_api::RegionLevel;
use legal_kiosk_content::{Bundle, VerifyingKey};
use rusqlite::{Connection, params};

use crate::error::BackendError;

pub use applications::DEMO_APPLICATIONS;
pub use people::{DEMO_CALLBACK_REFERENCE, DEMO_MOBILE, DEMO_PAST_SLOT};

/// China Standard Time, the zone of every slot.
pub fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| Utc.fix())
}

use chrono::Offset;

fn parse<T: TryFrom<String>>(s: &str) -> Result<T, BackendError> {
    T::try_from(s.to_owned()).map_err(|_| BackendError::Seed(format!("bad id {s}")))
}

/// Callback windows inside the 12348 hotline's staffed hours (working days, 9:00–12:00 and
/// 14:30–17:30 Beijing time: an assumption for the demo, not a published timetable).
const WINDOWS: [(u32, u32, u32, u32); 6] = [
    (9, 0, 10, 0),
    (10, 0, 11, 0),
    (11, 0, 12, 0),
    (14, 30, 15, 30),
    (15, 30, 16, 30),
    (16, 30, 17, 30),
];
/// Bookings one demo slot takes.
pub const SLOT_CAPACITY: u32 = 3;
const SLOT_DAYS: i64 = 7;

fn slots(
    conn: &Connection,
    region_codes: &[String],
    now: DateTime<Utc>,
) -> Result<(), BackendError> {
    let today = now.with_timezone(&beijing()).date_naive();
    let mut insert = conn.prepare(
        "INSERT INTO slots (id, region, lang, starts_at, ends_at, capacity, demo)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1) ON CONFLICT (id) DO NOTHING",
    )?;
    for day in 0..SLOT_DAYS {
        let date = today + Duration::days(day);
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            continue;
        }
        for (h1, m1, h2, m2) in WINDOWS {
            let at = |h, m| {
                NaiveTime::from_hms_opt(h, m, 0)
                    .and_then(|t| date.and_time(t).and_local_timezone(beijing()).single())
                    .ok_or_else(|| BackendError::Seed("slot time".into()))
            };
            let (start, end) = (at(h1, m1)?, at(h2, m2)?);
            for region in region_codes {
                for lang in ["mn", "zh"] {
                    let id = format!("s-{region}-{lang}-{}", start.format("%Y%m%d%H%M"));
                    insert.execute(params![
                        id,
                        region,
                        lang,
                        start.to_rfc3339(),
                        end.to_rfc3339(),
                        SLOT_CAPACITY
                    ])?;
                }
            }
        }
    }
    Ok(())
}

/// Makes `bytes` the published content: regions, categories, guides and offices come from the
/// bundle, which is also served whole to devices, with its ETag (computed once, here). A bundle not newer than the stored one is
/// refused, so a restart with an older build cannot roll content back.
pub fn publish(
    conn: &Connection,
    bytes: &[u8],
    key: &VerifyingKey,
) -> Result<Bundle, BackendError> {
    let bundle = Bundle::open(bytes, key)?;
    let have: Option<u64> = rusqlite::OptionalExtension::optional(conn.query_row(
        "SELECT version FROM bundle WHERE id = 1",
        [],
        |row| row.get::<_, i64>(0),
    ))?
    .map(|v| v as u64);
    bundle.may_replace(have)?;
    for table in ["regions", "categories", "guides", "offices"] {
        conn.execute(&format!("DELETE FROM {table}"), [])?;
    }
    for r in &bundle.regions {
        conn.execute(
            "INSERT INTO regions (code, body) VALUES (?1, ?2)",
            params![r.code.as_str(), serde_json::to_string(r)?],
        )?;
    }
    for c in &bundle.categories {
        conn.execute(
            "INSERT INTO categories (id, body) VALUES (?1, ?2)",
            params![c.id.as_str(), serde_json::to_string(c)?],
        )?;
    }
    for g in &bundle.guides {
        conn.execute(
            "INSERT INTO guides (id, body) VALUES (?1, ?2)",
            params![g.id.as_str(), serde_json::to_string(g)?],
        )?;
    }
    for o in &bundle.offices {
        conn.execute(
            "INSERT INTO offices (id, region, body) VALUES (?1, ?2, ?3)",
            params![o.id.as_str(), o.region.as_str(), serde_json::to_string(o)?],
        )?;
    }
    conn.execute(
        "INSERT OR REPLACE INTO bundle (id, version, body, etag) VALUES (1, ?1, ?2, ?3)",
        params![bundle.version as i64, bytes, crate::etag::etag_of(bytes)],
    )?;
    crate::dictionary::remember(conn, bytes)?;
    Ok(bundle)
}

/// Writes (or refreshes) all demo data: the content from the bundle compiled from
/// `assets/content` (unless a newer one was published since), then demo slots, applications and
/// a callback. Bookings made on the demo survive a restart.
pub fn demo(conn: &mut Connection, now: DateTime<Utc>) -> Result<(), BackendError> {
    let key = legal_kiosk_content::bundle::dev_verifying_key()
        .map_err(|e| BackendError::Seed(e.to_string()))?;
    let tx = conn.transaction()?;
    match publish(&tx, legal_kiosk_content::EMBEDDED_BUNDLE, &key) {
        Ok(_) => {}
        // A newer bundle was published to this database: keep it.
        Err(_) if has_bundle(&tx)? => {}
        Err(e) => return Err(e),
    }
    let bookable: Vec<String> = {
        let mut stmt = tx.prepare("SELECT code, body FROM regions ORDER BY code")?;
        let rows = stmt
            .query_map([], |row| {
                Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
            })?
            .collect::<Result<Vec<_>, _>>()?;
        rows.into_iter()
            .filter(|(_, body)| {
                serde_json::from_str::<legal_kiosk_api::Region>(body)
                    .is_ok_and(|r| r.level != RegionLevel::Autonomous)
            })
            .map(|(code, _)| code)
            .collect()
    };
    slots(&tx, &bookable, now)?;
    applications::write(&tx, now)?;
    people::callback(&tx, now)?;
    tx.commit()?;
    Ok(())
}

fn has_bundle(conn: &Connection) -> Result<bool, BackendError> {
    Ok(conn.query_row("SELECT EXISTS (SELECT 1 FROM bundle)", [], |row| row.get(0))?)
}
