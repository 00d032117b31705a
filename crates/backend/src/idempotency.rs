//! Stored answers to keyed requests (`Idempotency-Key`), per device. A box can be offline for
//! days and then resend its outbox, so keys are kept for much longer than that.

use crate::auth::Device;
use crate::error::ApiResult;
use crate::sql::args;
use crate::store::Conn;

/// How long a key is remembered: comfortably over the 30 days promised to devices.
pub const RETENTION_SECS: i64 = 45 * 24 * 60 * 60;

/// The first answer given for a key.
pub struct StoredAnswer {
    pub request_hash: String,
    pub status: u16,
    pub body: String,
}

/// The answer stored for `key` from `device`, if any.
pub fn find(conn: &mut Conn<'_>, device: Device, key: &str) -> ApiResult<Option<StoredAnswer>> {
    let row = conn.row(
        "SELECT request_hash, status, body FROM idempotency WHERE device = ?1 AND key = ?2",
        args![device.0, key],
    )?;
    Ok(row
        .map(|row| {
            Ok::<_, crate::error::BackendError>(StoredAnswer {
                request_hash: row.get(0)?,
                status: row.get(1)?,
                body: row.get(2)?,
            })
        })
        .transpose()?)
}

/// Stores the first answer for `key` from `device`, at `now` (Unix seconds).
pub fn store(
    conn: &mut Conn<'_>,
    device: Device,
    key: &str,
    answer: &StoredAnswer,
    now: i64,
) -> ApiResult<()> {
    conn.execute(
        "INSERT INTO idempotency (device, key, request_hash, status, body, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        args![
            device.0,
            key,
            &answer.request_hash,
            i64::from(answer.status),
            &answer.body,
            now
        ],
    )?;
    Ok(())
}

/// Forgets keys older than the retention period.
pub fn purge(conn: &mut Conn<'_>, now: i64) -> ApiResult<usize> {
    Ok(conn.execute(
        "DELETE FROM idempotency WHERE created_at < ?1",
        args![now - RETENTION_SECS],
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
        let conn = &mut Conn::Sqlite(&conn);
        let answer = |h: &str| StoredAnswer {
            request_hash: h.into(),
            status: 201,
            body: "{}".into(),
        };
        store(conn, Device(1), "key-old-0001", &answer("a"), 0).unwrap();
        store(conn, Device(1), "key-new-0001", &answer("b"), 20 * DAY).unwrap();
        assert_eq!(purge(conn, 31 * DAY).unwrap(), 0);
        assert!(find(conn, Device(1), "key-old-0001").unwrap().is_some());
        assert_eq!(purge(conn, 46 * DAY).unwrap(), 1);
        assert!(find(conn, Device(1), "key-old-0001").unwrap().is_none());
        assert!(find(conn, Device(1), "key-new-0001").unwrap().is_some());
    }

    #[test]
    fn keys_belong_to_one_device() {
        let db = Db::open(std::path::Path::new(":memory:")).unwrap();
        let conn = db.lock();
        let conn = &mut Conn::Sqlite(&conn);
        let a = StoredAnswer {
            request_hash: "h".into(),
            status: 201,
            body: "{}".into(),
        };
        store(conn, Device(1), "shared-key-1", &a, 0).unwrap();
        assert!(find(conn, Device(2), "shared-key-1").unwrap().is_none());
    }
}
