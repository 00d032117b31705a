//! Demo data, written on every start so a fresh database is usable at once. Everything invented
//! is labelled demo: in a `demo` field and in its text. Offices and phone numbers are fictitious.

mod guides;
mod people;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveTime, Utc, Weekday};
use legal_kiosk_api::{Bilingual, Office, Region, RegionLevel};
use rusqlite::{Connection, params};

use crate::error::BackendError;

pub use people::{DEMO_CALLBACK_REFERENCE, DEMO_MOBILE, DEMO_PAST_SLOT};

/// China Standard Time, the zone of every slot.
pub fn beijing() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| Utc.fix())
}

use chrono::Offset;

fn parse<T: TryFrom<String>>(s: &str) -> Result<T, BackendError> {
    T::try_from(s.to_owned()).map_err(|_| BackendError::Seed(format!("bad id {s}")))
}

fn regions() -> Result<Vec<Region>, BackendError> {
    let r = |code: &str,
             parent: Option<&str>,
             level,
             mn: &str,
             zh: &str|
     -> Result<Region, BackendError> {
        Ok(Region {
            code: parse(code)?,
            parent: parent.map(parse).transpose()?,
            level,
            name: Bilingual::new(mn, zh),
        })
    };
    Ok(vec![
        r(
            "150000",
            None,
            RegionLevel::Autonomous,
            "ᠥᠪᠥᠷ ᠮᠣᠩᠭᠣᠯ ᠤᠨ ᠥᠪᠡᠷᠲᠡᠭᠡᠨ ᠵᠠᠰᠠᠬᠤ ᠣᠷᠣᠨ",
            "内蒙古自治区",
        )?,
        r(
            "150100",
            Some("150000"),
            RegionLevel::League,
            "ᠬᠥᠬᠡᠬᠣᠲᠠ",
            "呼和浩特市",
        )?,
        r(
            "150105",
            Some("150100"),
            RegionLevel::Banner,
            "ᠰᠠᠶᠢᠬᠠᠨ ᠲᠣᠭᠣᠷᠢᠭ",
            "赛罕区",
        )?,
        r(
            "152500",
            Some("150000"),
            RegionLevel::League,
            "ᠰᠢᠯᠢ ᠶᠢᠨ ᠭᠣᠣᠯ ᠠᠶᠢᠮᠠᠭ",
            "锡林郭勒盟",
        )?,
        r(
            "152502",
            Some("152500"),
            RegionLevel::Banner,
            "ᠰᠢᠯᠢ ᠶᠢᠨ ᠬᠣᠲᠠ",
            "锡林浩特市",
        )?,
    ])
}

fn offices() -> Result<Vec<Office>, BackendError> {
    let o =
        |id: &str, region: &str, mn: &str, zh: &str, phone: &str| -> Result<Office, BackendError> {
            Ok(Office {
                id: parse(id)?,
                region: parse(region)?,
                name: Bilingual::new(format!("{mn} (DEMO)"), format!("{zh}（演示）")),
                address: Bilingual::new("ᠵᠢᠱᠢᠶ᠎ᠡ ᠬᠠᠶᠢᠭ (DEMO)", "演示地址，并非真实地点"),
                phone: format!("{phone} (demo)"),
                hours: Bilingual::new(
                    "ᠠᠵᠢᠯ ᠤᠨ ᠡᠳᠦᠷ 9:00–12:00, 14:30–17:30 (DEMO)",
                    "工作日 9:00–12:00，14:30–17:30（演示）",
                ),
                demo: true,
            })
        };
    Ok(vec![
        o(
            "demo-hohhot-centre",
            "150100",
            "ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠲᠥᠪ",
            "呼和浩特市公共法律服务中心",
            "000-555-0100",
        )?,
        o(
            "demo-saihan-station",
            "150105",
            "ᠰᠠᠶᠢᠬᠠᠨ ᠲᠣᠭᠣᠷᠢᠭ ᠤᠨ ᠥᠷᠲᠡᠭᠡ",
            "赛罕区公共法律服务工作站",
            "000-555-0101",
        )?,
        o(
            "demo-xilingol-centre",
            "152500",
            "ᠰᠢᠯᠢ ᠶᠢᠨ ᠭᠣᠣᠯ ᠤᠨ ᠲᠥᠪ",
            "锡林郭勒盟公共法律服务中心",
            "000-555-0102",
        )?,
        o(
            "demo-xilinhot-station",
            "152502",
            "ᠰᠢᠯᠢ ᠶᠢᠨ ᠬᠣᠲᠠ ᠶᠢᠨ ᠥᠷᠲᠡᠭᠡ",
            "锡林浩特市公共法律服务工作站",
            "000-555-0103",
        )?,
    ])
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

/// Writes (or refreshes) all demo data. Bookings made on the demo survive a restart.
pub fn demo(conn: &mut Connection, now: DateTime<Utc>) -> Result<(), BackendError> {
    let tx = conn.transaction()?;
    let regions = regions()?;
    for r in &regions {
        tx.execute(
            "INSERT OR REPLACE INTO regions (code, body) VALUES (?1, ?2)",
            params![r.code.as_str(), serde_json::to_string(r)?],
        )?;
    }
    for c in guides::categories()? {
        tx.execute(
            "INSERT OR REPLACE INTO categories (id, body) VALUES (?1, ?2)",
            params![c.id.as_str(), serde_json::to_string(&c)?],
        )?;
    }
    for g in guides::guides()? {
        tx.execute(
            "INSERT OR REPLACE INTO guides (id, body) VALUES (?1, ?2)",
            params![g.id.as_str(), serde_json::to_string(&g)?],
        )?;
    }
    for o in offices()? {
        tx.execute(
            "INSERT OR REPLACE INTO offices (id, region, body) VALUES (?1, ?2, ?3)",
            params![o.id.as_str(), o.region.as_str(), serde_json::to_string(&o)?],
        )?;
    }
    let bookable: Vec<String> = regions
        .iter()
        .filter(|r| r.level != RegionLevel::Autonomous)
        .map(|r| r.code.to_string())
        .collect();
    slots(&tx, &bookable, now)?;
    people::applications(&tx, now)?;
    people::callback(&tx, now)?;
    tx.commit()?;
    Ok(())
}
