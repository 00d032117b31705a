//! Limits wrong verification attempts, per target (a reference or application number) and per
//! device, so that neither one number's mobile nor the space of numbers can be guessed.

use rusqlite::{Connection, params};

use crate::auth::Device;
use crate::error::{ApiError, ApiResult};

/// Failures are counted over this window.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Wrong attempts allowed on one target within the window.
pub const PER_TARGET: i64 = 5;
/// Wrong attempts allowed from one device within the window, over all targets.
pub const PER_DEVICE: i64 = 10;

/// What is being verified against, e.g. `callback:1234567897`.
pub struct Target<'a> {
    pub kind: &'static str,
    pub id: &'a str,
}

impl Target<'_> {
    fn subject(&self) -> String {
        format!("{}:{}", self.kind, self.id)
    }
}

/// 429 if the target or the device has used up its wrong attempts; even a right answer is refused
/// then, or the limit would not stop guessing.
pub fn check(conn: &Connection, target: &Target<'_>, device: Device, now: i64) -> ApiResult<()> {
    let since = now - WINDOW_SECS;
    for (scope, subject, limit) in [
        ("target", target.subject(), PER_TARGET),
        ("device", device.0.to_string(), PER_DEVICE),
    ] {
        let (count, oldest): (i64, Option<i64>) = conn.query_row(
            "SELECT COUNT(*), MIN(at) FROM verification_failures
             WHERE scope = ?1 AND subject = ?2 AND at > ?3",
            params![scope, subject, since],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if count >= limit {
            let wait = oldest
                .map_or(WINDOW_SECS, |at| at + WINDOW_SECS - now)
                .max(1);
            return Err(ApiError::too_many_attempts(wait as u64));
        }
    }
    Ok(())
}

/// Counts one wrong attempt against both the target and the device.
pub fn record_failure(
    conn: &Connection,
    target: &Target<'_>,
    device: Device,
    now: i64,
) -> ApiResult<()> {
    conn.execute(
        "INSERT INTO verification_failures (scope, subject, at) VALUES ('target', ?1, ?3), ('device', ?2, ?3)",
        params![target.subject(), device.0.to_string(), now],
    )?;
    conn.execute(
        "DELETE FROM verification_failures WHERE at <= ?1",
        [now - WINDOW_SECS],
    )?;
    Ok(())
}

/// After a right answer the target's count starts again; the device's does not, so a device
/// cannot launder guesses by interleaving a booking it knows.
pub fn record_success(conn: &Connection, target: &Target<'_>) -> ApiResult<()> {
    conn.execute(
        "DELETE FROM verification_failures WHERE scope = 'target' AND subject = ?1",
        [target.subject()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    #[test]
    fn a_target_locks_after_five_failures_and_unlocks_after_the_window() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let t = Target {
            kind: "callback",
            id: "1234567897",
        };
        let dev = Device(1);
        for i in 0..PER_TARGET {
            check(&conn, &t, dev, 1000 + i).unwrap();
            record_failure(&conn, &t, dev, 1000 + i).unwrap();
        }
        let err = check(&conn, &t, dev, 1010).unwrap_err();
        assert_eq!(err.retry_after, Some((1000 + WINDOW_SECS - 1010) as u64));
        // Another device is still refused on this target.
        assert!(check(&conn, &t, Device(2), 1010).is_err());
        assert!(check(&conn, &t, dev, 1000 + WINDOW_SECS + PER_TARGET).is_ok());
    }

    #[test]
    fn a_device_locks_after_ten_failures_over_many_targets() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let dev = Device(7);
        let ids: Vec<String> = (0..PER_DEVICE).map(|i| format!("{i:010}")).collect();
        for id in &ids {
            let t = Target {
                kind: "application",
                id,
            };
            check(&conn, &t, dev, 50).unwrap();
            record_failure(&conn, &t, dev, 50).unwrap();
        }
        let fresh = Target {
            kind: "application",
            id: "fresh",
        };
        assert!(check(&conn, &fresh, dev, 51).is_err());
        assert!(check(&conn, &fresh, Device(8), 51).is_ok());
    }
}
