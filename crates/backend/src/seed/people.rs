//! Demo records that stand for people: one past callback here, the applications in
//! `applications.rs`. The mobile number 13900000000 is a placeholder, used for every demo record;
//! no real person is behind any of them.

use chrono::{DateTime, Duration, DurationRound, Utc};
use legal_kiosk_api::{Bilingual, Reference};

use super::beijing;
use crate::error::BackendError;
use crate::sql::args;
use crate::store::Conn;

/// The slot of that callback: in the past, so booking it is refused as closed.
pub const DEMO_PAST_SLOT: &str = "s-150100-zh-demo-past";
/// The mobile number that verifies every demo record.
pub const DEMO_MOBILE: &str = "13900000000";
/// Serial of a demo callback that has already taken place (so it cannot be cancelled).
const DEMO_CALLBACK_SERIAL: u32 = 999_000_001;
/// Reference of that callback, for the README and tests.
pub const DEMO_CALLBACK_REFERENCE: &str = "9990000011";

/// A text labelled demo in both languages.
pub(super) fn demo(mn: &str, zh: &str) -> Bilingual {
    Bilingual::new(format!("{mn} (ᠵᠢᠱᠢᠶ᠎ᠡ)"), format!("{zh}（演示）"))
}

/// A callback from yesterday that the hotline has made, in its own past slot.
pub fn callback(conn: &mut Conn<'_>, now: DateTime<Utc>) -> Result<(), BackendError> {
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
         VALUES (?1, '150100', 'zh', ?2, ?3, 1, TRUE) ON CONFLICT (id) DO NOTHING",
        args![
            slot,
            &start.to_rfc3339(),
            &(start + Duration::hours(1)).to_rfc3339()
        ],
    )?;
    conn.execute(
        "INSERT INTO callbacks (reference, slot, mobile, name, lang, topic, note, state, device,
                                booked_at, updated_at, demo)
         VALUES (?1, ?2, ?3, NULL, 'zh', 'legal-aid', NULL, 'called', NULL, ?4, ?4, TRUE)
         ON CONFLICT (reference) DO NOTHING",
        args![reference.as_str(), slot, DEMO_MOBILE, &start.to_rfc3339()],
    )?;
    Ok(())
}
