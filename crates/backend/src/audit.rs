//! The audit log: what an operator must be able to account for later (lockouts for too many
//! wrong attempts, token revocations, purges of personal data), kept with no personal data at
//! all: no mobile number, name, note, token, reference or network address. A device is named
//! by its id; a phone (which has none) not at all.

use crate::auth::Device;
use crate::error::BackendError;
use crate::sql::args;
use crate::store::Conn;

/// One event, as the log stores it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<'a> {
    /// A device (or a phone, left unnamed) met a limit on wrong or total verification
    /// attempts: `scope` is the limit (`pair`, `target`, `device`, `lookup`, see
    /// [`crate::attempts`]), `target` the kind of record (`callback`, `application`,
    /// `callback-page`), never its number.
    Lockout { scope: &'a str, target: &'a str },
    /// A device's token was revoked.
    Revocation,
    /// `bookings` bookings whose slot ended more than `retention_days` ago were deleted
    /// ([`crate::retention`]).
    Purge {
        bookings: usize,
        retention_days: u32,
    },
    /// `feedback` complaints and suggestions received more than `retention_days` ago, and
    /// `texts` phone-page words older than `unjoined_text_days` that no feedback names, were
    /// deleted ([`crate::retention::purge_old_feedback`]).
    FeedbackPurge {
        feedback: usize,
        texts: usize,
        retention_days: u32,
        unjoined_text_days: u32,
    },
}

impl Event<'_> {
    fn name(&self) -> &'static str {
        match self {
            Event::Lockout { .. } => "lockout",
            Event::Revocation => "revocation",
            Event::Purge { .. } | Event::FeedbackPurge { .. } => "purge",
        }
    }

    fn detail(&self) -> String {
        match self {
            Event::Lockout { scope, target } => {
                serde_json::json!({ "scope": scope, "target": target }).to_string()
            }
            Event::Revocation => "{}".to_owned(),
            Event::Purge {
                bookings,
                retention_days,
            } => serde_json::json!({ "bookings": bookings, "retention_days": retention_days })
                .to_string(),
            Event::FeedbackPurge {
                feedback,
                texts,
                retention_days,
                unjoined_text_days,
            } => serde_json::json!({
                "feedback": feedback,
                "texts": texts,
                "retention_days": retention_days,
                "unjoined_text_days": unjoined_text_days,
            })
            .to_string(),
        }
    }
}

/// One line of the audit log: `at` in Unix seconds, `event` `lockout`, `revocation` or
/// `purge`, the device concerned if any, and `detail` as a JSON object (see [`Event`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub at: i64,
    pub event: String,
    pub device: Option<i64>,
    pub detail: String,
}

/// The id a device is logged under: phones' pseudo-devices (negative, derived from the network
/// address: personal data) are not logged.
fn logged(device: Option<Device>) -> Option<i64> {
    device.map(|d| d.0).filter(|id| *id > 0)
}

/// Appends `event` at `at` (Unix seconds).
pub fn record(
    conn: &mut Conn<'_>,
    at: i64,
    event: &Event<'_>,
    device: Option<Device>,
) -> Result<(), BackendError> {
    conn.execute(
        "INSERT INTO audit_log (at, event, device, detail) VALUES (?1, ?2, ?3, ?4)",
        args![at, event.name(), logged(device), &event.detail()],
    )?;
    Ok(())
}

/// Appends `event` unless the same event for the same device was logged after `since`: a
/// guesser hammering a locked number logs one lockout a window, not one a request.
pub fn record_once_since(
    conn: &mut Conn<'_>,
    at: i64,
    since: i64,
    event: &Event<'_>,
    device: Option<Device>,
) -> Result<(), BackendError> {
    conn.execute(
        "INSERT INTO audit_log (at, event, device, detail)
         SELECT CAST(?1 AS BIGINT), CAST(?2 AS TEXT), CAST(?3 AS BIGINT), CAST(?4 AS TEXT)
         WHERE NOT EXISTS (
             SELECT 1 FROM audit_log
             WHERE event = ?2 AND device IS NOT DISTINCT FROM ?3 AND detail = ?4 AND at > ?5)",
        args![at, event.name(), logged(device), &event.detail(), since],
    )?;
    Ok(())
}

/// The whole log, oldest first.
pub fn entries(conn: &mut Conn<'_>) -> Result<Vec<AuditEntry>, BackendError> {
    let rows = conn.rows(
        "SELECT at, event, device, detail FROM audit_log ORDER BY id",
        &[],
    )?;
    rows.iter()
        .map(|row| {
            Ok(AuditEntry {
                at: row.get(0)?,
                event: row.get(1)?,
                device: row.get(2)?,
                detail: row.get(3)?,
            })
        })
        .collect()
}
