//! Application status on the worker: the lookup a person asks for, and the remembered
//! application asked after in the background, with its ETag, only while there is one.

use std::sync::Arc;
use std::time::Duration;

use legal_kiosk_api::{ApplicationNumber, MobileNumber};

use super::{Event, Fetched, Looked, LookupFailed, Worker};
use crate::application::{Progress, SavedApplication};
use crate::rest::ErrorCode;

/// How one round of asking after the remembered application ended.
enum Polled {
    /// Nothing is remembered: nothing to ask until something is.
    Nothing,
    /// Asked and answered (changed or not).
    Answered,
    /// The backend could not answer: ask again sooner, backing off, but not before the
    /// backend's Retry-After.
    Failed(Option<Duration>),
}

/// Asks after the remembered application every `every`, sooner (from `min`, backing off) after
/// a failure; sleeps without a timer while nothing is remembered.
pub(super) async fn poll(worker: Arc<Worker>, min: Duration, every: Duration) {
    let mut pauses = crate::rest::backoff(min, every.max(min));
    loop {
        let pause = match worker.poll_saved().await {
            Polled::Nothing => None,
            Polled::Answered => {
                pauses = crate::rest::backoff(min, every.max(min));
                Some(every)
            }
            Polled::Failed(retry_after) => {
                let next = pauses.next().unwrap_or(every);
                Some(retry_after.map_or(next, |r| r.max(next)))
            }
        };
        match pause {
            None => worker.poll_now.notified().await,
            Some(p) => {
                let _ = tokio::time::timeout(p, worker.poll_now.notified()).await;
            }
        }
    }
}

impl Worker {
    pub(super) async fn lookup(
        &self,
        number: &ApplicationNumber,
        mobile: &MobileNumber,
    ) -> Result<Box<Looked>, LookupFailed> {
        let client = self.client.as_ref().map_err(|code| LookupFailed {
            code: *code,
            retry_after: None,
        })?;
        match client.application_since(number, mobile, None).await {
            Ok(Fetched::Fresh { value, etag }) => Ok(Box::new(Looked {
                status: value,
                etag,
            })),
            // Nothing was offered to match: a 304 here is the server's mistake.
            Ok(Fetched::NotModified) => Err(LookupFailed {
                code: ErrorCode::UnexpectedAnswer,
                retry_after: None,
            }),
            Err(e) => Err(LookupFailed {
                code: e.code(),
                retry_after: e.retry_after(),
            }),
        }
    }

    pub(super) async fn remember(
        &self,
        saved: SavedApplication,
    ) -> Result<Option<Box<SavedApplication>>, String> {
        let Some(store) = &self.saved else {
            return Err("this device does not remember applications".to_owned());
        };
        store.lock().await.save(&saved).map_err(|e| e.to_string())?;
        self.poll_now.notify_one();
        Ok(self.tell(Some(Box::new(saved)), false))
    }

    pub(super) async fn forget_saved(&self) -> Result<Option<Box<SavedApplication>>, String> {
        let Some(store) = &self.saved else {
            return Ok(None);
        };
        store.lock().await.forget().map_err(|e| e.to_string())?;
        Ok(self.tell(None, false))
    }

    /// The remembered application; `seen`: the person has looked at its change.
    pub(super) async fn saved(&self, seen: bool) -> Result<Option<Box<SavedApplication>>, String> {
        let Some(store) = &self.saved else {
            return Ok(None);
        };
        let store = store.lock().await;
        let mut saved = store.load().map_err(|e| e.to_string())?;
        if seen && let Some(s) = saved.as_mut().filter(|s| s.changed) {
            s.changed = false;
            store.save(s).map_err(|e| e.to_string())?;
        }
        Ok(self.tell(saved.map(Box::new), false))
    }

    /// Marks the remembered application refused (unless it was forgotten or replaced meanwhile)
    /// and tells every controller.
    async fn refused(
        &self,
        store: &tokio::sync::Mutex<crate::application::SavedStore>,
        before: &SavedApplication,
    ) -> Polled {
        let store = store.lock().await;
        let Ok(Some(mut now)) = store.load() else {
            return Polled::Nothing;
        };
        if now.number != before.number {
            return Polled::Answered;
        }
        now.refused = true;
        if let Err(e) = store.save(&now) {
            eprintln!("legal-kiosk: the remembered application cannot be written: {e}");
        }
        self.tell(Some(Box::new(now)), false);
        Polled::Nothing
    }

    /// Tells every controller what is remembered now ([`Event::Saved`]), and answers the same.
    fn tell(
        &self,
        saved: Option<Box<SavedApplication>>,
        moved: bool,
    ) -> Option<Box<SavedApplication>> {
        (self.sink)(Event::Saved {
            saved: saved.clone(),
            moved,
        });
        saved
    }

    /// One question after the remembered application: a change is stored and told
    /// ([`Event::Saved`] with `moved`).
    async fn poll_saved(&self) -> Polled {
        let (Some(store), Ok(client)) = (&self.saved, &self.client) else {
            return Polled::Nothing;
        };
        let before = match store.lock().await.load() {
            Ok(Some(s)) if !s.refused => s,
            Ok(_) => return Polled::Nothing,
            Err(e) => {
                eprintln!("legal-kiosk: the remembered application cannot be read: {e}");
                return Polled::Nothing;
            }
        };
        let answer = client
            .application_since(&before.number, &before.mobile, before.etag.as_deref())
            .await;
        let (status, etag) = match answer {
            Ok(Fetched::NotModified) => return Polled::Answered,
            Ok(Fetched::Fresh { value, etag }) => (value, etag),
            // The record no longer answers to this mobile number: asking again would only
            // count as wrong guesses against the person's own application.
            Err(e) if matches!(e.code(), ErrorCode::WrongVerification | ErrorCode::NotFound) => {
                eprintln!("legal-kiosk: the remembered application is refused: {e}");
                return self.refused(store, &before).await;
            }
            Err(e) => {
                eprintln!("legal-kiosk: asking after the remembered application: {e}");
                return Polled::Failed(e.retry_after());
            }
        };
        let store = store.lock().await;
        // Read again under the lock: forgotten or replaced while the question was out (that
        // answer is not for it), or seen meanwhile (its flag is the person's, not this round's).
        let now = match store.load() {
            Ok(Some(now)) if now.number == before.number => now,
            _ => return Polled::Answered,
        };
        let progress = Progress::of(&status);
        let moved = progress != now.progress;
        let after = SavedApplication {
            etag,
            progress,
            service: status.service,
            changed: now.changed || moved,
            ..now
        };
        if let Err(e) = store.save(&after) {
            eprintln!("legal-kiosk: the remembered application cannot be written: {e}");
        }
        if moved {
            self.tell(Some(Box::new(after)), true);
        }
        Polled::Answered
    }
}
