//! How long a booking's personal data (mobile number, name, note) is kept: a booking, whatever
//! its state (booked, called, missed, cancelled), is deleted once its slot ended more than the
//! retention period ago (default 30 days: time for a complaint or a question about the call,
//! no longer; PIPL art. 19 and GB/T 35273 §6.1 ask for the shortest period the purpose needs).
//! Each purge that deletes anything is written to the audit log.

use crate::audit::{self, Event};
use crate::error::BackendError;
use crate::sql::args;
use crate::store::{Conn, Dialect, SqliteBegin};
use chrono::{DateTime, Utc};

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
/// offset, compared as instants (SQLite's `unixepoch`, PostgreSQL's `timestamptz`). Several
/// instances purging at once delete each booking once and log only what each deleted.
pub fn purge_past_bookings(
    conn: &mut Conn<'_>,
    retention: Retention,
    now: DateTime<Utc>,
) -> Result<usize, BackendError> {
    let cutoff = now.timestamp() - i64::from(retention.days) * 24 * 60 * 60;
    let sql = match conn.dialect() {
        Dialect::Sqlite => {
            "DELETE FROM callbacks
         WHERE slot IN (SELECT id FROM slots WHERE unixepoch(ends_at) < ?1)"
        }
        Dialect::Postgres => {
            "DELETE FROM callbacks
         WHERE slot IN (SELECT id FROM slots
                        WHERE EXTRACT(EPOCH FROM ends_at::timestamptz) < CAST(?1 AS BIGINT))"
        }
    };
    conn.transaction(SqliteBegin::Deferred, |tx| {
        let bookings = tx.execute(sql, args![cutoff])?;
        if bookings > 0 {
            let event = Event::Purge {
                bookings,
                retention_days: retention.days,
            };
            audit::record(tx, now.timestamp(), &event, None)?;
        }
        Ok(bookings)
    })
}
