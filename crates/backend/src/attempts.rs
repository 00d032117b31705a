//! Limits wrong verification answers so that a guesser is slowed without locking the rightful
//! person out. Wrong answers are counted per device and target pair (a guesser locks only its
//! own device out of that number), per target across all devices (a guesser spread over many
//! devices is capped too, far above what one person's typos reach), and per device over all
//! targets (one device cannot sweep the space of numbers). Every lookup, right or wrong, counts
//! against one global cap (mass enumeration through many devices). OWASP API2 (credential
//! guessing) and API4 (unrestricted resource consumption).

use crate::audit;
use crate::auth::Device;
use crate::error::{ApiError, ApiResult};
use crate::sql::args;
use crate::store::Conn;

/// Attempts are counted over this window.
pub const WINDOW_SECS: i64 = 15 * 60;
/// Wrong answers from one device on one target within the window: then that device waits.
pub const PER_PAIR: i64 = 5;
/// Wrong answers on one target from all devices within the window: far above one person's
/// typos, low enough to stop guessing spread over many devices.
pub const PER_TARGET: i64 = 20;
/// Wrong answers from one device over all targets within the window. A kiosk in a hall is used
/// by many strangers: thirty wrong numbers in fifteen minutes is a sweep, not typos.
pub const PER_DEVICE: i64 = 30;
/// Lookups, right or wrong, from all devices together within the window.
pub const GLOBAL_LOOKUPS: i64 = 5_000;

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

fn pair(target: &Target<'_>, device: Device) -> String {
    format!("{}@{}", target.subject(), device.0)
}

/// 429 (with the seconds to wait) if this device has used up its wrong answers on this target or
/// over all targets, if the target has across all devices, or if all devices together made as
/// many lookups as the window allows. Even a right answer is refused then, or the limit would
/// not stop guessing; the lockout goes to the audit log (once a window per device, limit and
/// kind of record). Otherwise the lookup is counted.
pub fn check(conn: &mut Conn<'_>, target: &Target<'_>, device: Device, now: i64) -> ApiResult<()> {
    let since = now - WINDOW_SECS;
    for (scope, subject, limit) in [
        ("pair", pair(target, device), PER_PAIR),
        ("target", target.subject(), PER_TARGET),
        ("device", device.0.to_string(), PER_DEVICE),
        ("lookup", String::new(), GLOBAL_LOOKUPS),
    ] {
        let row = conn.one(
            "SELECT COUNT(*), MIN(at) FROM verification_failures
             WHERE scope = ?1 AND subject = ?2 AND at > ?3",
            args![scope, &subject, since],
        )?;
        let (count, oldest): (i64, Option<i64>) = (row.get(0)?, row.get(1)?);
        if count >= limit {
            // Logged once a window per device, limit and kind of record; never the number.
            let lockout = audit::Event::Lockout {
                scope,
                target: target.kind,
            };
            audit::record_once_since(conn, now, since, &lockout, Some(device))?;
            let wait = oldest
                .map_or(WINDOW_SECS, |at| at + WINDOW_SECS - now)
                .max(1);
            return Err(ApiError::too_many_attempts(wait as u64));
        }
    }
    conn.execute(
        "INSERT INTO verification_failures (scope, subject, at) VALUES ('lookup', '', ?1)",
        args![now],
    )?;
    Ok(())
}

/// Counts one wrong answer against the pair, the target and the device.
pub fn record_failure(
    conn: &mut Conn<'_>,
    target: &Target<'_>,
    device: Device,
    now: i64,
) -> ApiResult<()> {
    conn.execute(
        "INSERT INTO verification_failures (scope, subject, at)
         VALUES ('pair', ?1, ?4), ('target', ?2, ?4), ('device', ?3, ?4)",
        args![
            &pair(target, device),
            &target.subject(),
            &device.0.to_string(),
            now
        ],
    )?;
    conn.execute(
        "DELETE FROM verification_failures WHERE at <= ?1",
        args![now - WINDOW_SECS],
    )?;
    Ok(())
}

/// After a right answer this device's count on this target starts again; the target's and the
/// device's do not, so guesses cannot be laundered by interleaving a number one knows.
pub fn record_success(conn: &mut Conn<'_>, target: &Target<'_>, device: Device) -> ApiResult<()> {
    conn.execute(
        "DELETE FROM verification_failures WHERE scope = 'pair' AND subject = ?1",
        args![&pair(target, device)],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    fn target(id: &str) -> Target<'_> {
        Target {
            kind: "application",
            id,
        }
    }

    #[test]
    fn a_guesser_locks_only_its_own_device_out_of_a_number() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let guard = db.lock();
        let conn = &mut Conn::Sqlite(&guard);
        let t = target("1234567897");
        let guesser = Device(1);
        for i in 0..PER_PAIR {
            check(conn, &t, guesser, 1000 + i).unwrap();
            record_failure(conn, &t, guesser, 1000 + i).unwrap();
        }
        let err = check(conn, &t, guesser, 1010).unwrap_err();
        assert_eq!(err.retry_after, Some((1000 + WINDOW_SECS - 1010) as u64));
        // The rightful person at another kiosk or on their TV is not locked out.
        assert!(check(conn, &t, Device(2), 1010).is_ok());
        // The guesser waits the window out.
        assert!(check(conn, &t, guesser, 1000 + WINDOW_SECS + PER_PAIR).is_ok());
    }

    #[test]
    fn guessing_one_number_from_many_devices_is_capped_too() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let guard = db.lock();
        let conn = &mut Conn::Sqlite(&guard);
        let t = target("1234567897");
        for i in 0..PER_TARGET {
            let d = Device(100 + i);
            check(conn, &t, d, 50).unwrap();
            record_failure(conn, &t, d, 50).unwrap();
        }
        assert!(check(conn, &t, Device(999), 51).is_err());
        assert!(check(conn, &target("other"), Device(999), 51).is_ok());
    }

    #[test]
    fn a_device_sweeping_numbers_is_stopped_but_a_few_typos_are_not() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let guard = db.lock();
        let conn = &mut Conn::Sqlite(&guard);
        let kiosk = Device(7);
        // Typos of several strangers on their own numbers: still served.
        let ids: Vec<String> = (0..PER_DEVICE).map(|i| format!("{i:010}")).collect();
        for id in &ids[..10] {
            check(conn, &target(id), kiosk, 50).unwrap();
            record_failure(conn, &target(id), kiosk, 50).unwrap();
        }
        assert!(check(conn, &target("fresh"), kiosk, 51).is_ok());
        // A sweep over many numbers: stopped.
        for id in &ids[10..] {
            check(conn, &target(id), kiosk, 52).unwrap();
            record_failure(conn, &target(id), kiosk, 52).unwrap();
        }
        assert!(check(conn, &target("fresh"), kiosk, 53).is_err());
        assert!(check(conn, &target("fresh"), Device(8), 53).is_ok());
    }

    #[test]
    fn all_lookups_together_have_a_cap() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let guard = db.lock();
        let conn = &mut Conn::Sqlite(&guard);
        guard
            .execute(
                "INSERT INTO verification_failures (scope, subject, at)
             SELECT 'lookup', '', 60 FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL
             SELECT i + 1 FROM n WHERE i < ?1) SELECT i FROM n)",
                [GLOBAL_LOOKUPS],
            )
            .unwrap();
        let err = check(conn, &target("any"), Device(1), 61).unwrap_err();
        assert_eq!(err.retry_after, Some((60 + WINDOW_SECS - 61) as u64));
    }
}
