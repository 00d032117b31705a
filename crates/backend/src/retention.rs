//! How long a booking's personal data (mobile number, name, note) is kept: a booking, whatever
//! its state (booked, called, missed, cancelled), is deleted once its slot ended more than the
//! retention period ago (default 30 days: time for a complaint or a question about the call,
//! no longer; PIPL art. 19 and GB/T 35273 §6.1 ask for the shortest period the purpose needs).
//! Complaints and suggestions (`feedback`, with a mobile number and words) are kept
//! [`FEEDBACK_RETENTION_DAYS`] after they were received, and words posted on a phone page that
//! no feedback names [`UNJOINED_TEXT_RETENTION_DAYS`]. Each purge that deletes anything is
//! written to the audit log.

use crate::audit::{self, Event};
use crate::error::BackendError;
use crate::sql::args;
use crate::store::{Conn, Dialect, SqliteBegin};
use chrono::{DateTime, SubsecRound, Utc};

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

/// Days a complaint or suggestion is kept after it was received, its words with it: a year,
/// time for the bureau to answer it by its own rules (which this project does not quote) and
/// for a question about that answer, no longer (PIPL art. 19, GB/T 35273 §6.1: the shortest
/// period the purpose needs).
pub const FEEDBACK_RETENTION_DAYS: u32 = 365;

/// Days words posted on a phone page are kept while no feedback names the page: a device
/// sends a feedback from its outbox within the 30 days it promises, or not at all, so words
/// still alone after that will never be read.
pub const UNJOINED_TEXT_RETENTION_DAYS: u32 = 30;

/// What one purge of feedback deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeedbackPurge {
    /// Complaints and suggestions received over [`FEEDBACK_RETENTION_DAYS`] ago.
    pub feedback: usize,
    /// Phone-page words over [`UNJOINED_TEXT_RETENTION_DAYS`] old that no feedback names
    /// (any more: a purged feedback's words go in the same purge).
    pub texts: usize,
}

/// Deletes the feedback received more than [`FEEDBACK_RETENTION_DAYS`] before `now`, then
/// the phone-page words older than [`UNJOINED_TEXT_RETENTION_DAYS`] that no feedback names,
/// in one transaction with its audit line. Times are RFC 3339 in Beijing time to the second,
/// as written, so they compare as text on both stores.
pub fn purge_old_feedback(
    conn: &mut Conn<'_>,
    now: DateTime<Utc>,
) -> Result<FeedbackPurge, BackendError> {
    let before = |days: u32| {
        (now - chrono::Duration::days(i64::from(days)))
            .trunc_subsecs(0)
            .with_timezone(&crate::seed::beijing())
            .to_rfc3339()
    };
    conn.transaction(SqliteBegin::Deferred, |tx| {
        let feedback = tx.execute(
            "DELETE FROM feedback WHERE received_at < ?1",
            args![&before(FEEDBACK_RETENTION_DAYS)],
        )?;
        let texts = tx.execute(
            "DELETE FROM feedback_texts
             WHERE received_at < ?1
               AND NOT EXISTS (SELECT 1 FROM feedback f WHERE f.text_page = feedback_texts.page)",
            args![&before(UNJOINED_TEXT_RETENTION_DAYS)],
        )?;
        let purge = FeedbackPurge { feedback, texts };
        if purge != FeedbackPurge::default() {
            let event = Event::FeedbackPurge {
                feedback,
                texts,
                retention_days: FEEDBACK_RETENTION_DAYS,
                unjoined_text_days: UNJOINED_TEXT_RETENTION_DAYS,
            };
            audit::record(tx, now.timestamp(), &event, None)?;
        }
        Ok(purge)
    })
}
