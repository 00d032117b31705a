//! Demo data, written on every start so a fresh database is usable at once. Everything invented
//! is labelled demo: in a `demo` field and in its text. Offices and addresses are fictitious; the phone
//! numbers shown are the real public hotlines (12348 public legal services, 12368 the courts).

mod applications;
pub mod credit;
mod people;

use crate::error::BackendError;
use crate::sql::args;
use crate::store::{Conn, SqliteBegin};
use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveTime, Utc, Weekday};
use legal_kiosk_api::RegionLevel;
use legal_kiosk_content::{Bundle, VerifyingKey};

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
    conn: &mut Conn<'_>,
    region_codes: &[String],
    now: DateTime<Utc>,
) -> Result<(), BackendError> {
    let today = now.with_timezone(&beijing()).date_naive();
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
                    conn.execute(
                        "INSERT INTO slots (id, region, lang, starts_at, ends_at, capacity, demo)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, TRUE) ON CONFLICT (id) DO NOTHING",
                        args![
                            &id,
                            region,
                            lang,
                            &start.to_rfc3339(),
                            &end.to_rfc3339(),
                            SLOT_CAPACITY
                        ],
                    )?;
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
    conn: &mut Conn<'_>,
    bytes: &[u8],
    key: &VerifyingKey,
) -> Result<Bundle, BackendError> {
    let bundle = Bundle::open(bytes, key)?;
    let have: Option<u64> = conn
        .row("SELECT version FROM bundle WHERE id = 1", &[])?
        .map(|row| row.get::<i64>(0))
        .transpose()?
        .map(|v| v as u64);
    bundle.may_replace(have)?;
    for table in ["regions", "categories", "guides", "offices"] {
        conn.execute(&format!("DELETE FROM {table}"), &[])?;
    }
    for r in &bundle.regions {
        conn.execute(
            "INSERT INTO regions (code, body) VALUES (?1, ?2)",
            args![r.code.as_str(), &serde_json::to_string(r)?],
        )?;
    }
    for c in &bundle.categories {
        conn.execute(
            "INSERT INTO categories (id, body) VALUES (?1, ?2)",
            args![c.id.as_str(), &serde_json::to_string(c)?],
        )?;
    }
    for g in &bundle.guides {
        conn.execute(
            "INSERT INTO guides (id, body) VALUES (?1, ?2)",
            args![g.id.as_str(), &serde_json::to_string(g)?],
        )?;
    }
    for o in &bundle.offices {
        conn.execute(
            "INSERT INTO offices (id, region, body) VALUES (?1, ?2, ?3)",
            args![o.id.as_str(), o.region.as_str(), &serde_json::to_string(o)?],
        )?;
    }
    conn.execute(
        "INSERT INTO bundle (id, version, body, etag) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE
         SET version = excluded.version, body = excluded.body, etag = excluded.etag",
        args![bundle.version as i64, bytes, &crate::etag::etag_of(bytes)],
    )?;
    crate::dictionary::remember(conn, bytes)?;
    Ok(bundle)
}

/// Writes (or refreshes) all demo data: the content from the bundle compiled from
/// `assets/content` (unless a newer one was published since), then demo slots, applications and
/// a callback. Bookings made on the demo survive a restart.
/// Instances starting together on one PostgreSQL database take turns at it (an advisory
/// lock), so the bundle's tables are replaced once at a time.
pub fn demo(conn: &mut Conn<'_>, now: DateTime<Utc>) -> Result<(), BackendError> {
    let key = legal_kiosk_content::bundle::dev_verifying_key()
        .map_err(|e| BackendError::Seed(e.to_string()))?;
    conn.transaction(SqliteBegin::Deferred, |tx| {
        tx.lock_key("legal-backend demo data")?;
        match publish(tx, legal_kiosk_content::EMBEDDED_BUNDLE, &key) {
            Ok(_) => {}
            // A newer bundle was published to this database: keep it.
            Err(_) if has_bundle(tx)? => {}
            Err(e) => return Err(e),
        }
        let mut bookable = Vec::new();
        for row in tx.rows("SELECT code, body FROM regions ORDER BY code", &[])? {
            let (code, body): (String, String) = (row.get(0)?, row.get(1)?);
            if serde_json::from_str::<legal_kiosk_api::Region>(&body)
                .is_ok_and(|r| r.level != RegionLevel::Autonomous)
            {
                bookable.push(code);
            }
        }
        slots(tx, &bookable, now)?;
        applications::write(tx, now)?;
        people::callback(tx, now)
    })
}

fn has_bundle(conn: &mut Conn<'_>) -> Result<bool, BackendError> {
    conn.one("SELECT EXISTS (SELECT 1 FROM bundle)", &[])?
        .get(0)
}
