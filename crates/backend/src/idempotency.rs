//! Stored answers to keyed requests (`Idempotency-Key`), per device. A box can be offline for
//! days and then resend its outbox, so keys are kept for much longer than that.

use rusqlite::{Connection, OptionalExtension, params};

use crate::auth::Device;
use crate::error::ApiResult;

/// How long a key is remembered: comfortably over the 30 days promised to devices.
pub const RETENTION_SECS: i64 = 45 * 24 * 60 * 60;

/// The first answer given for a key.
pub struct StoredAnswer {
    pub request_hash: String,
    pub status: u16,
    pub body: String,
}

pub fn find(conn: &Connection, device: Device, key: &str) -> ApiResult<Option<StoredAnswer>> {
    Ok(conn
        .query_row(
            "SELECT request_hash, status, body FROM idempotency WHERE device = ?1 AND key = ?2",
            params![device.0, key],
            |row| {
                Ok(StoredAnswer {
                    request_hash: row.get(0)?,
                    status: row.get(1)?,
                    body: row.get(2)?,
                })
            },
        )
        .optional()?)
}

pub fn store(
    conn: &Connection,
    device: Device,
    key: &str,
    answer: &StoredAnswer,
    now: i64,
) -> ApiResult<()> {
    conn.execute(
        "INSERT INTO idempotency (device, key, request_hash, status, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            device.0,
            key,
            answer.request_hash,
            answer.status,
            answer.body,
            now
        ],
    )?;
    Ok(())
}

/// Forgets keys older than the retention period.
pub fn purge(conn: &Connection, now: i64) -> ApiResult<usize> {
    Ok(conn.execute(
        "DELETE FROM idempotency WHERE created_at < ?1",
        [now - RETENTION_SECS],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Db;

    const DAY: i64 = 24 * 60 * 60;

    #[test]
    fn keys_are_kept_at_least_thirty_days() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let answer = |h: &str| StoredAnswer {
            request_hash: h.into(),
            status: 201,
            body: "{}".into(),
        };
        store(&conn, Device(1), "key-old-0001", &answer("a"), 0).unwrap();
        store(&conn, Device(1), "key-new-0001", &answer("b"), 20 * DAY).unwrap();
        assert_eq!(purge(&conn, 31 * DAY).unwrap(), 0);
        assert!(find(&conn, Device(1), "key-old-0001").unwrap().is_some());
        assert_eq!(purge(&conn, 46 * DAY).unwrap(), 1);
        assert!(find(&conn, Device(1), "key-old-0001").unwrap().is_none());
        assert!(find(&conn, Device(1), "key-new-0001").unwrap().is_some());
    }

    #[test]
    fn keys_belong_to_one_device() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let a = StoredAnswer {
            request_hash: "h".into(),
            status: 201,
            body: "{}".into(),
        };
        store(&conn, Device(1), "shared-key-1", &a, 0).unwrap();
        assert!(find(&conn, Device(2), "shared-key-1").unwrap().is_none());
    }
}
