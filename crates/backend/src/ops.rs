//! What an operator (the `legal-backend` subcommands) and the tests do to a store besides
//! serving it: tokens, devices, the audit log, purges, publishing, counts. Each is written
//! once over a [`Conn`]; the SQLite [`crate::Db`] has the blocking forms in the crate root,
//! every [`Store`] the async ones here.

use legal_kiosk_api::ApplicationStatus;

use crate::audit::{self, AuditEntry};
use crate::auth::{self, DeviceInfo, Revocation};
use crate::error::BackendError;
use crate::retention::{self, FeedbackPurge, Retention};
use crate::sql::args;
use crate::store::{Conn, SqliteBegin, Store};

/// Publishes `bytes` (checked against `key`) in one transaction; its version.
pub fn publish_bundle(
    conn: &mut Conn<'_>,
    bytes: &[u8],
    key: &legal_kiosk_content::VerifyingKey,
) -> Result<u64, BackendError> {
    conn.transaction(SqliteBegin::Deferred, |tx| {
        tx.lock_key("legal-backend demo data")?;
        Ok(crate::seed::publish(tx, bytes, key)?.version)
    })
}

/// Devices that have (or had) a token.
pub fn device_count(conn: &mut Conn<'_>) -> Result<i64, BackendError> {
    conn.one("SELECT COUNT(*) FROM devices", &[])?.get(0)
}

/// Callbacks held, whatever their state.
pub fn callback_count(conn: &mut Conn<'_>) -> Result<i64, BackendError> {
    conn.one("SELECT COUNT(*) FROM callbacks", &[])?.get(0)
}

/// The stored state of the callback `reference`, `None` when there is none.
pub fn callback_state(
    conn: &mut Conn<'_>,
    reference: &str,
) -> Result<Option<String>, BackendError> {
    conn.row(
        "SELECT state FROM callbacks WHERE reference = ?1",
        args![reference],
    )?
    .map(|row| row.get(0))
    .transpose()
}

impl Store {
    /// [`crate::issue_device_token`] on this store.
    pub async fn issue_device_token(&self, label: &str) -> Result<String, BackendError> {
        let label = label.to_owned();
        self.run(move |c| auth::issue_token(c, &label)).await
    }

    /// [`crate::register_device_token`] on this store.
    pub async fn register_device_token(
        &self,
        token: &str,
        label: &str,
    ) -> Result<(), BackendError> {
        let (token, label) = (token.to_owned(), label.to_owned());
        self.run(move |c| auth::register_token(c, &token, &label))
            .await
    }

    /// [`crate::devices`] on this store.
    pub async fn devices(&self) -> Result<Vec<DeviceInfo>, BackendError> {
        self.run(auth::devices).await
    }

    /// [`crate::revoke_device`] on this store.
    pub async fn revoke_device(&self, id: i64) -> Result<Revocation, BackendError> {
        let now = chrono::Utc::now().timestamp();
        self.run(move |c| auth::revoke(c, id, now)).await
    }

    /// [`crate::audit_log`] on this store.
    pub async fn audit_log(&self) -> Result<Vec<AuditEntry>, BackendError> {
        self.run(audit::entries).await
    }

    /// [`crate::purge_past_bookings`] on this store.
    pub async fn purge_past_bookings(&self, retention: Retention) -> Result<usize, BackendError> {
        let now = chrono::Utc::now();
        self.run(move |c| retention::purge_past_bookings(c, retention, now))
            .await
    }

    /// Deletes the complaints and suggestions past their retention, and the phone-page words
    /// no feedback names past theirs ([`crate::retention::purge_old_feedback`]), with an audit
    /// line; what it deleted. A running server does this with the bookings' purge.
    pub async fn purge_old_feedback(&self) -> Result<FeedbackPurge, BackendError> {
        let now = chrono::Utc::now();
        self.run(move |c| retention::purge_old_feedback(c, now))
            .await
    }

    /// [`crate::device_count`] on this store.
    pub async fn device_count(&self) -> Result<i64, BackendError> {
        self.run(device_count).await
    }

    /// [`crate::callback_count`] on this store.
    pub async fn callback_count(&self) -> Result<i64, BackendError> {
        self.run(callback_count).await
    }

    /// [`crate::callback_state`] on this store.
    pub async fn callback_state(&self, reference: &str) -> Result<Option<String>, BackendError> {
        let reference = reference.to_owned();
        self.run(move |c| callback_state(c, &reference)).await
    }

    /// Every complaint or suggestion held, by reference, with its words if they arrived (from
    /// the device, or posted on its phone page: joined when read, see `routes/feedback.rs`):
    /// for operators and for the tests that prove the two meet whichever comes first.
    pub async fn feedback_words(&self) -> Result<Vec<(String, Option<String>)>, BackendError> {
        self.run(|c| {
            let sql = format!(
                "{} ORDER BY f.reference",
                crate::routes::feedback::WORDS_SQL
            );
            c.rows(&sql, &[])?
                .iter()
                .map(|row| Ok((row.get(0)?, row.get(1)?)))
                .collect()
        })
        .await
    }

    /// [`crate::publish_bundle`] on this store.
    pub async fn publish_bundle(
        &self,
        bytes: &[u8],
        key: &legal_kiosk_content::VerifyingKey,
    ) -> Result<u64, BackendError> {
        let (bytes, key) = (bytes.to_vec(), *key);
        self.run(move |c| publish_bundle(c, &bytes, &key)).await
    }

    /// [`crate::put_application`] on this store.
    pub async fn put_application(
        &self,
        status: &ApplicationStatus,
        mobile: &str,
    ) -> Result<(), BackendError> {
        let (status, mobile) = (status.clone(), mobile.to_owned());
        self.run(move |c| crate::routes::applications::write_application(c, &status, &mobile))
            .await
    }

    /// Runs one statement (`?1` parameters, see [`Conn::execute`]) and returns the rows it
    /// changed: for tools and tests that set a store up (e.g. the load benchmark's unlimited
    /// slots).
    pub async fn execute(
        &self,
        sql: &str,
        params: Vec<crate::sql::Cell>,
    ) -> Result<usize, BackendError> {
        let sql = sql.to_owned();
        self.run(move |c| {
            let values: Vec<crate::sql::Value<'_>> =
                params.iter().map(crate::sql::Cell::as_value).collect();
            c.execute(&sql, &values)
        })
        .await
    }

    /// Every row of one query (`?1` parameters, see [`Conn::rows`]): for tools and tests that
    /// look into a store.
    pub async fn rows(
        &self,
        sql: &str,
        params: Vec<crate::sql::Cell>,
    ) -> Result<Vec<crate::sql::Row>, BackendError> {
        let sql = sql.to_owned();
        self.run(move |c| {
            let values: Vec<crate::sql::Value<'_>> =
                params.iter().map(crate::sql::Cell::as_value).collect();
            c.rows(&sql, &values)
        })
        .await
    }
}
