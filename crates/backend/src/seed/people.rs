//! Demo records that stand for people: applications and one past callback. The mobile number
//! 13900000000 is a placeholder, used for every demo record; no real person is behind any of them.

use chrono::{DateTime, Duration, DurationRound, Utc};
use legal_kiosk_api::{
    ApplicationNumber, ApplicationState, ApplicationStatus, Bilingual, Reference, Stage,
    StageState, SupplementRequest,
};
use rusqlite::{Connection, params};

use super::{beijing, parse};
use crate::error::BackendError;

/// The slot of that callback: in the past, so booking it is refused as closed.
pub const DEMO_PAST_SLOT: &str = "s-150100-zh-demo-past";
/// The mobile number that verifies every demo record.
pub const DEMO_MOBILE: &str = "13900000000";
/// Serial of a demo callback that has already taken place (so it cannot be cancelled).
const DEMO_CALLBACK_SERIAL: u32 = 999_000_001;
/// Reference of that callback, for the README and tests.
pub const DEMO_CALLBACK_REFERENCE: &str = "9990000011";

fn demo(mn: &str, zh: &str) -> Bilingual {
    Bilingual::new(format!("{mn} (ᠵᠢᠱᠢᠶ᠎ᠡ)"), format!("{zh}（演示）"))
}

fn stages(names: &[(&str, &str)], done: usize, start: chrono::NaiveDate) -> Vec<Stage> {
    names
        .iter()
        .enumerate()
        .map(|(i, (mn, zh))| {
            let day = start + Duration::days(2 * i as i64);
            Stage {
                name: demo(mn, zh),
                state: match i.cmp(&done) {
                    std::cmp::Ordering::Less => StageState::Done,
                    std::cmp::Ordering::Equal => StageState::Current,
                    std::cmp::Ordering::Greater => StageState::Pending,
                },
                started_on: (i <= done).then_some(day),
                completed_on: (i < done).then_some(day + Duration::days(1)),
            }
        })
        .collect()
}

/// Three applications, one in each state a person most often asks about. Dates follow today's, so
/// the demo never looks stale. Their numbers are not consecutive (one must not lead to the
/// next), and each names a guide of the content.
pub fn applications(conn: &Connection, now: DateTime<Utc>) -> Result<(), BackendError> {
    let today = now.with_timezone(&beijing()).date_naive();
    let names = [
        ("ᠬᠦᠯᠢᠶᠡᠨ ᠠᠪᠬᠤ", "受理"),
        ("ᠬᠢᠨᠠᠬᠤ", "审查"),
        ("ᠰᠢᠢᠳᠪᠦᠷᠢ", "决定"),
        ("ᠮᠡᠳᠡᠭᠳᠡᠬᠦ", "送达"),
    ];
    let app = |number: &str, guide: &str, service: Bilingual, state, done, age: i64| {
        let submitted_on = today - Duration::days(age);
        Ok::<_, BackendError>(ApplicationStatus {
            number: parse::<ApplicationNumber>(number)?,
            service,
            guide: Some(parse(guide)?),
            office: Some(parse("demo-150100-centre")?),
            state,
            submitted_on,
            stages: stages(&names, done, submitted_on),
            statutory_deadline: Some(submitted_on + Duration::days(21)),
            promised_deadline: Some(submitted_on + Duration::days(14)),
            supplement_requests: vec![],
            demo: true,
        })
    };
    let in_review = app(
        "9999042713",
        "legal-aid-application",
        demo("ᠬᠠᠤᠯᠢ ᠵᠦᠢ ᠶᠢᠨ ᠲᠤᠰᠠᠯᠠᠮᠵᠢ", "法律援助"),
        ApplicationState::InReview,
        1,
        3,
    )?;
    let mut waiting = app(
        "9999168355",
        "notarization-general",
        demo("ᠤᠷᠤᠭ ᠲᠠᠷᠠᠯ ᠤᠨ ᠨᠣᠲ᠋ᠠᠷᠢᠠᠲ", "亲属关系公证"),
        ApplicationState::AwaitingSupplement,
        1,
        6,
    )?;
    waiting.supplement_requests = vec![SupplementRequest {
        requested_on: today - Duration::days(2),
        due_on: Some(today + Duration::days(8)),
        items: vec![demo("ᠭᠡᠷ ᠪᠦᠯᠢ ᠶᠢᠨ ᠳᠠᠩᠰᠠ", "户口簿复印件")],
        fulfilled: false,
    }];
    let decided = app(
        "9999730281",
        "people-mediation",
        demo("ᠡᠪᠯᠡᠷᠡᠭᠦᠯᠦᠯ", "人民调解"),
        ApplicationState::Decided,
        3,
        20,
    )?;
    for a in [in_review, waiting, decided] {
        conn.execute(
            "INSERT OR REPLACE INTO applications (number, mobile, body) VALUES (?1, ?2, ?3)",
            params![a.number.as_str(), DEMO_MOBILE, serde_json::to_string(&a)?],
        )?;
    }
    Ok(())
}

/// A callback from yesterday that the hotline has made, in its own past slot.
pub fn callback(conn: &Connection, now: DateTime<Utc>) -> Result<(), BackendError> {
    let reference = Reference::from_serial(DEMO_CALLBACK_SERIAL);
    debug_assert_eq!(reference.as_str(), DEMO_CALLBACK_REFERENCE);
    // Whole hours: the slot looks like any other, and its times do not drift across restarts.
    let start = (now - Duration::days(1))
        .with_timezone(&beijing())
        .duration_trunc(Duration::hours(1))
        .unwrap_or(now.with_timezone(&beijing()));
    let slot = DEMO_PAST_SLOT;
    conn.execute(
        "INSERT INTO slots (id, region, lang, starts_at, ends_at, capacity, demo)
         VALUES (?1, '150100', 'zh', ?2, ?3, 1, 1) ON CONFLICT (id) DO NOTHING",
        params![
            slot,
            start.to_rfc3339(),
            (start + Duration::hours(1)).to_rfc3339()
        ],
    )?;
    conn.execute(
        "INSERT INTO callbacks (reference, slot, mobile, name, lang, topic, note, state, device,
                                booked_at, updated_at, demo)
         VALUES (?1, ?2, ?3, NULL, 'zh', 'legal-aid', NULL, 'called', NULL, ?4, ?4, 1)
         ON CONFLICT (reference) DO NOTHING",
        params![reference.as_str(), slot, DEMO_MOBILE, start.to_rfc3339()],
    )?;
    Ok(())
}
