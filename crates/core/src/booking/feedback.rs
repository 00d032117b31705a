//! Complaints, suggestions and praise (投诉建议) in the outbox: the rows of kind `feedback` of the
//! same SQLite table as bookings, with the same guarantees (DESIGN §8). A feedback is *saved*
//! once its row is committed with the Idempotency-Key it is always sent with; it is *sent*
//! once the backend answered 2xx for that key (`POST /v1/feedback`, which records it once per
//! key and answers a repeat with its first receipt); refused for good, it is dead-lettered and
//! shown. A kill -9 at any point loses nothing and sends nothing twice.

use std::time::Duration;

use legal_kiosk_api::{FeedbackReceipt, FeedbackRequest, IdempotencyKey};
use rusqlite::{OptionalExtension, params};

use super::outbox::{Delivery, Outbox, OutboxError, deliver};
use crate::rest::{ErrorCode, RestClient, new_idempotency_key};

/// The outbox's own number for a feedback (its row id).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FeedbackId(pub i64);

/// Where a feedback is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedbackState {
    /// On the device, not yet confirmed by the backend.
    Saved,
    /// The backend has it: the receipt holds the reference number.
    Sent(Box<FeedbackReceipt>),
    /// The backend refused it for good: why.
    Dead(ErrorCode),
}

/// One feedback as the outbox keeps it. Its `Debug` leaves out the raw body (a mobile number
/// and the person's words).
#[derive(Clone, PartialEq, Eq)]
pub struct StoredFeedback {
    pub id: FeedbackId,
    /// Sent unchanged with every attempt, across restarts too.
    pub key: IdempotencyKey,
    pub request: FeedbackRequest,
    /// The request exactly as first encoded: sent byte for byte on every attempt.
    pub body: String,
    pub state: FeedbackState,
    /// How many times it was sent.
    pub attempts: u32,
}

impl std::fmt::Debug for StoredFeedback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoredFeedback")
            .field("id", &self.id)
            .field("kind", &self.request.kind)
            .field("state", &self.state)
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

const COLUMNS: &str = "id, idempotency_key, request, state, receipt, problem, attempts";

type Row = (
    i64,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    u32,
);

impl Outbox {
    /// Saves a feedback with a fresh Idempotency-Key, for this outbox's backend; when this
    /// returns, it is on the disk.
    ///
    /// Errors: the row could not be committed (then nothing was saved), or no key was made.
    pub fn save_feedback(&self, request: &FeedbackRequest) -> Result<StoredFeedback, OutboxError> {
        let key = new_idempotency_key()?;
        let body =
            serde_json::to_string(request).map_err(|e| OutboxError::Corrupt(e.to_string()))?;
        self.conn.execute(
            "INSERT INTO outbox (idempotency_key, request, state, backend, kind, created)
             VALUES (?1, ?2, 'saved', ?3, 'feedback', CAST(strftime('%s', 'now') AS INTEGER))",
            params![key.as_str(), body, self.backend],
        )?;
        Ok(StoredFeedback {
            id: FeedbackId(self.conn.last_insert_rowid()),
            key,
            request: request.clone(),
            body,
            state: FeedbackState::Saved,
            attempts: 0,
        })
    }

    /// Every feedback the outbox keeps, oldest first.
    pub fn all_feedback(&self) -> Result<Vec<StoredFeedback>, OutboxError> {
        self.select_feedback("kind = 'feedback'", [])
    }

    /// The feedback `id`, if the outbox has it.
    pub fn get_feedback(&self, id: FeedbackId) -> Result<Option<StoredFeedback>, OutboxError> {
        let row = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM outbox WHERE id = ?1 AND kind = 'feedback'"),
                [id.0],
                read_row,
            )
            .optional()?;
        row.map(decode).transpose()
    }

    /// The feedback still to send to this outbox's backend, oldest first (one made for
    /// another backend is kept, never sent to this one).
    pub fn unsent_feedback(&self) -> Result<Vec<StoredFeedback>, OutboxError> {
        self.select_feedback(
            "kind = 'feedback' AND state = 'saved'
             AND (?1 IS NULL OR backend IS NULL OR backend = ?1)",
            [&self.backend],
        )
    }

    /// The rows `filter` selects that can be read; one that cannot is left in place and logged.
    fn select_feedback(
        &self,
        filter: &str,
        args: impl rusqlite::Params,
    ) -> Result<Vec<StoredFeedback>, OutboxError> {
        self.select_with(
            &format!("SELECT {COLUMNS} FROM outbox WHERE {filter} ORDER BY id"),
            args,
            read_row,
            decode,
        )
    }

    fn mark_feedback_sent(
        &self,
        id: FeedbackId,
        receipt: &FeedbackReceipt,
    ) -> Result<(), OutboxError> {
        let json =
            serde_json::to_string(receipt).map_err(|e| OutboxError::Corrupt(e.to_string()))?;
        self.conn.execute(
            "UPDATE outbox SET state = 'sent', receipt = ?2
             WHERE id = ?1 AND state = 'saved' AND kind = 'feedback'",
            params![id.0, json],
        )?;
        Ok(())
    }

    /// Deletes the feedback the device no longer needs, with its mobile number and words: sent
    /// or refused ones saved more than `keep` before `now` (Unix seconds); with `keep` zero (a
    /// kiosk) every one of them at once. Unsent ones stay. Returns how many went.
    pub fn purge_feedback(&self, keep: Duration, now: i64) -> Result<usize, OutboxError> {
        let keep = i64::try_from(keep.as_secs()).unwrap_or(i64::MAX);
        let gone = self.conn.execute(
            "DELETE FROM outbox WHERE kind = 'feedback' AND state != 'saved'
               AND (?1 = 0 OR created IS NULL OR created < ?2 - ?1)",
            params![keep, now],
        )?;
        if gone > 0 {
            self.conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        }
        Ok(gone)
    }
}

fn read_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Row> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn decode(
    (id, key, body, state, receipt, problem, attempts): Row,
) -> Result<StoredFeedback, OutboxError> {
    let corrupt = |what: &str| OutboxError::Corrupt(format!("feedback {id}: {what}"));
    let key = IdempotencyKey::parse(&key).map_err(|_| corrupt("idempotency key"))?;
    let request: FeedbackRequest = serde_json::from_str(&body).map_err(|_| corrupt("request"))?;
    let state = match state.as_str() {
        "saved" => FeedbackState::Saved,
        "sent" => FeedbackState::Sent(Box::new(
            receipt
                .as_deref()
                .and_then(|r| serde_json::from_str(r).ok())
                .ok_or_else(|| corrupt("receipt"))?,
        )),
        "dead" => FeedbackState::Dead(
            problem
                .as_deref()
                .and_then(ErrorCode::parse)
                .ok_or_else(|| corrupt("problem"))?,
        ),
        _ => return Err(corrupt("state")),
    };
    Ok(StoredFeedback {
        id: FeedbackId(id),
        key,
        request,
        body,
        state,
        attempts,
    })
}

/// Sends one saved feedback with its key and records what came of it (as a booking is sent).
pub async fn send_feedback(
    outbox: &tokio::sync::Mutex<Outbox>,
    client: &RestClient,
    feedback: &StoredFeedback,
) -> Result<Delivery<FeedbackReceipt>, OutboxError> {
    let request = client.send_feedback_body(&feedback.key, feedback.body.clone().into_bytes());
    deliver(outbox, feedback.id.0, request, |o, receipt| {
        o.mark_feedback_sent(feedback.id, receipt)
    })
    .await
}

/// Sends every saved feedback once, oldest first; returns how each went.
pub async fn send_all_feedback(
    outbox: &tokio::sync::Mutex<Outbox>,
    client: &RestClient,
) -> Result<Vec<(FeedbackId, Delivery<FeedbackReceipt>)>, OutboxError> {
    let unsent = outbox.lock().await.unsent_feedback()?;
    let mut out = Vec::with_capacity(unsent.len());
    for feedback in unsent {
        let sent = send_feedback(outbox, client, &feedback).await?;
        out.push((feedback.id, sent));
    }
    Ok(out)
}
