//! How long a booking's personal data (mobile number, name, note) is kept: a booking, whatever
//! its state (booked, called, missed, cancelled), is deleted once its slot ended more than the
//! retention period ago (default 30 days: time for a complaint or a question about the call,
//! no longer; PIPL art. 19 and GB/T 35273 §6.1 ask for the shortest period the purpose needs).
//! Each purge that deletes anything is written to the audit log.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use crate::audit::{self, Event};
use crate::error::BackendError;

/// How many days after its slot ended a booking is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub days: u32,
}

impl Default for Retention {
    /// 30 days after the slot.
    fn default() -> Retention {
        Retention { days: 30 }
    }
}

/// How often a running server purges (seconds): a booking outlives its period by at most this.
pub const PURGE_EVERY_SECS: u64 = 60 * 60;

/// Deletes every booking whose slot ended more than `retention` before `now`, in one
/// transaction with its audit line; returns how many. Slots' times are RFC 3339 with their
/// offset, compared as instants (SQLite's `unixepoch`).
pub fn purge_past_bookings(
    conn: &mut Connection,
    retention: Retention,
    now: DateTime<Utc>,
) -> Result<usize, BackendError> {
    let cutoff = now.timestamp() - i64::from(retention.days) * 24 * 60 * 60;
    let tx = conn.transaction()?;
    let bookings = tx.execute(
        "DELETE FROM callbacks
         WHERE slot IN (SELECT id FROM slots WHERE unixepoch(ends_at) < ?1)",
        params![cutoff],
    )?;
    if bookings > 0 {
        let event = Event::Purge {
            bookings,
            retention_days: retention.days,
        };
        audit::record(&tx, now.timestamp(), &event, None)?;
    }
    tx.commit()?;
    Ok(bookings)
}
