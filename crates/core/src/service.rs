//! The service (DESIGN §6): one long-lived worker thread with its own tokio runtime that owns
//! the REST client, the content store and the booking outbox. Commands go in as one
//! enum over a channel; events come out as one enum through the one sink the app gives it,
//! which hands them to the UI thread. Nothing here knows of Slint.

use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use legal_kiosk_api::{
    ApplicationNumber, ApplicationStatus, CallbackRequest, CallbackSlot, CreditRecord,
    FeedbackReceipt, FeedbackRequest, Lang, MobileNumber, Office, RegionCode,
};
use legal_kiosk_content::{Bundle, VerifyingKey};
use tokio::sync::mpsc;

use crate::application::{SavedApplication, SavedStore};
use crate::booking::feedback::send_all_feedback;
use crate::booking::outbox::{self, Outbox};
use crate::booking::{BookingId, BookingState, Delivery, FeedbackId, Sent, StoredBooking};
use crate::content::{ContentStore, Refresh, RefreshError};
use crate::link::{CheckPeriods, LinkMonitor, LinkState};
use crate::rest::{ErrorCode, Fetched, RestClient, RestConfig};

mod saved;

/// A backend started on the service's runtime (the app's embedded demo backend).
pub struct StartedBackend {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// The token it issued for this device (`Authorization: Bearer`).
    pub device_token: String,
    /// Keeps the backend running; dropped when the service ends.
    pub guard: Box<dyn Send>,
}

/// A future that starts a backend, run on the service's runtime.
pub type StartBackend = Box<
    dyn FnOnce() -> Pin<Box<dyn Future<Output = Result<StartedBackend, String>> + Send>> + Send,
>;

/// Where the service finds its backend.
pub enum Backend {
    /// A real server.
    Remote { url: String, device_token: String },
    /// One the service starts itself on its runtime.
    Start(StartBackend),
}

/// What the service needs to start.
pub struct ServiceConfig {
    pub backend: Backend,
    /// The key the guides must be signed with.
    pub content_key: VerifyingKey,
    /// The content cache's SQLite file; `None` keeps it in memory.
    pub content_db: Option<PathBuf>,
    /// The booking outbox's SQLite file; `None` keeps it in memory (a booking then survives
    /// only as long as the process).
    pub outbox_db: Option<PathBuf>,
    /// How often the outbox is looked at while nothing waits in it (a booking saved wakes
    /// it at once).
    pub resend: Duration,
    /// The first pause before a booking the backend could not take is sent again; it doubles
    /// (with jitter) up to `resend_max`, and is never shorter than the backend's Retry-After.
    pub resend_min: Duration,
    /// The longest pause between resends of a booking the backend could not take.
    pub resend_max: Duration,
    /// How long a sent booking (with its mobile number) stays on the device after its
    /// callback slot ended, for the list of bookings; zero (a kiosk) deletes it as soon as the
    /// backend confirmed it.
    pub keep_sent: Duration,
    /// The guides built into the binary, shown until a newer signed bundle is stored.
    pub embedded_bundle: &'static [u8],
    /// How often the backend's health is checked.
    pub periods: CheckPeriods,
    /// How often the device asks for newer guides by itself.
    pub content_refresh: Duration,
    /// When it first asks after start (0: at once).
    pub first_refresh: Duration,
    /// Changes to the REST client's settings (timeouts, retries), applied before it is made.
    pub tune_rest: fn(&mut RestConfig),
    /// The file of the one application the person asked the box to remember (0600); `None`:
    /// this device never remembers one (a kiosk, a tablet unless its config says so), and
    /// [`Command::Remember`] is refused.
    pub saved_application: Option<PathBuf>,
    /// How often a remembered application is asked after (with its ETag, so an unchanged one
    /// costs a 304). A failed question is asked again sooner, backing off from `resend_min` up
    /// to this. Nothing is asked while nothing is remembered.
    pub poll_every: Duration,
}

impl ServiceConfig {
    /// Checks every 30 s online / 5 s offline, and asks for newer guides every 30 minutes.
    pub fn new(backend: Backend, content_key: VerifyingKey) -> ServiceConfig {
        ServiceConfig {
            backend,
            content_key,
            content_db: None,
            outbox_db: None,
            resend: Duration::from_secs(30),
            resend_min: Duration::from_secs(2),
            resend_max: Duration::from_secs(5 * 60),
            keep_sent: Duration::from_secs(7 * 24 * 3600),
            embedded_bundle: legal_kiosk_content::EMBEDDED_BUNDLE,
            periods: CheckPeriods::default(),
            content_refresh: Duration::from_secs(30 * 60),
            first_refresh: Duration::ZERO,
            tune_rest: |_| {},
            saved_application: None,
            poll_every: Duration::from_secs(30 * 60),
        }
    }
}

/// Names one command sent, so its answer can be matched to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ticket(u64);

/// What the UI asks of the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Ask the backend for newer guides now (ETag refresh of the content bundle).
    RefreshContent,
    /// Check the backend's health now.
    CheckLink,
    /// The callback slots of a region for a lawyer's language, from the backend; the last ones
    /// received when it cannot be reached ([`Answer::Slots`]).
    Slots { region: RegionCode, lang: Lang },
    /// The credit record of the offices of a region, from the backend; the last one received
    /// when it cannot be reached ([`Answer::Credit`]).
    Credit { region: RegionCode },
    /// The offices of a region and the regions right below it, from the backend (sent with the
    /// ETag of the list received before, so an unchanged list costs a 304); the last list
    /// received when it cannot be reached ([`Answer::Offices`]).
    Offices { region: RegionCode },
    /// Save a 12348 callback booking in the outbox, then send it. Answered once it is on the
    /// disk ([`Answer::Booking`]); how the sending goes arrives as [`Event::Booking`]. `slot`
    /// is the slot as the screen showed it, kept for the list of bookings.
    Book {
        request: Box<CallbackRequest>,
        slot: Option<Box<CallbackSlot>>,
        /// The booking this one replaces (a new slot for it): see [`Outbox::save_with`].
        replaces: Option<BookingId>,
    },
    /// Save a complaint, suggestion or praise in the outbox, then send it. Answered once it is
    /// on the disk ([`Answer::Feedback`]); how the sending goes arrives as
    /// [`Event::Feedback`].
    Feedback(Box<FeedbackRequest>),
    /// Cancel a booked callback with its reference and mobile number
    /// ([`Answer::Cancelled`]).
    Cancel(BookingId),
    /// Remove a refused booking the person has read, mobile number and all; answered with the
    /// bookings left ([`Answer::Bookings`]).
    Forget(BookingId),
    /// Every booking the outbox keeps, oldest first ([`Answer::Bookings`]).
    Bookings,
    /// Where an application stands, asked with the applicant's mobile number
    /// ([`Answer::Application`]). Never cached: an answer that cannot be had is an error, not
    /// an older answer about a person.
    Lookup {
        number: ApplicationNumber,
        mobile: MobileNumber,
    },
    /// Remember this application on the device (the person agreed), replacing any other, and
    /// ask after it from now on ([`Answer::SavedApplication`]).
    Remember(Box<SavedApplication>),
    /// Delete the remembered application ([`Answer::SavedApplication`]: none).
    ForgetSaved,
    /// The remembered application, if any ([`Answer::SavedApplication`]).
    Saved,
    /// The person has seen the remembered application's change: Home's badge goes
    /// ([`Answer::SavedApplication`]).
    SeenSaved,
}

/// A booking committed to the outbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Saved {
    /// The outbox's number for it ([`Event::Booking`] names it so).
    pub id: BookingId,
    /// False when the outbox is in memory (its file could not be used): the booking is lost if
    /// the box loses power before it is sent, and the screen must not promise otherwise.
    pub durable: bool,
}

/// How a content refresh ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentCheck {
    /// A newer bundle was verified and stored (an [`Event::Content`] carried it just before).
    Updated { version: u64 },
    /// Nothing newer.
    Unchanged,
    /// The backend sent a bundle the device will not use; why (for the log).
    Refused(String),
    /// The device's own store could not be read or written; why (for the log).
    StoreFailed(String),
    /// The backend could not be asked (offline, busy …).
    Failed(ErrorCode),
}

/// An application's status as the backend answered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Looked {
    pub status: ApplicationStatus,
    /// Its ETag, kept if the person asks the box to remember it.
    pub etag: Option<String>,
}

/// Why an application could not be looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LookupFailed {
    /// `WrongVerification` for an unknown number and a wrong mobile number alike (the backend
    /// does not tell them apart); `TooManyAttempts`; `Offline` …
    pub code: ErrorCode,
    /// How long the backend asked to wait (`Retry-After`, RFC 9110 §10.2.3).
    pub retry_after: Option<Duration>,
}

/// Callback slots as the service has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlotAnswer {
    pub slots: Vec<CallbackSlot>,
    /// True when the backend could not be reached and these are the last ones it sent (their
    /// availability may have changed since): the screen says so.
    pub cached: bool,
}

/// A region's credit record as the service has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CreditAnswer {
    pub records: Vec<CreditRecord>,
    /// True when the backend could not be reached and these are the last ones it sent: the
    /// screen says so.
    pub cached: bool,
}

/// A region's offices as the service has them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficesAnswer {
    pub offices: Vec<Office>,
    /// True when the backend could not be reached and these are the last ones it sent.
    pub cached: bool,
}

/// A region's offices as last received, with their ETag (sent as `If-None-Match`).
type HeldOffices = (Option<String>, Vec<Office>);

/// The answer to one command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// To [`Command::RefreshContent`].
    Content(ContentCheck),
    /// To [`Command::CheckLink`]: the state after the check.
    Link(LinkState),
    /// To [`Command::Slots`]: the slots, or why there are none to show.
    Slots(Result<SlotAnswer, ErrorCode>),
    /// To [`Command::Credit`], naming the region asked about: the records, or why there are
    /// none to show.
    Credit {
        region: RegionCode,
        result: Result<CreditAnswer, ErrorCode>,
    },
    /// To [`Command::Offices`], naming the region asked about: its offices, or why there are
    /// none from the backend (the screen keeps the device's copy then).
    Offices {
        region: RegionCode,
        result: Result<OfficesAnswer, ErrorCode>,
    },
    /// To [`Command::Book`]: saved (committed) under this id, or why it could not be.
    Booking(Result<Saved, String>),
    /// To [`Command::Feedback`]: saved (committed) under this id, and whether on the disk, or
    /// why it could not be.
    Feedback(Result<(FeedbackId, bool), String>),
    /// To [`Command::Bookings`]: the outbox's bookings, or why they cannot be read.
    Bookings(Result<Vec<StoredBooking>, String>),
    /// To [`Command::Cancel`]: cancelled (and marked so in the outbox), or why not.
    Cancelled(Result<(), ErrorCode>),
    /// To [`Command::Lookup`], naming what was asked, so an answer that comes after the
    /// person moved on to another lookup is not taken for that one.
    Application {
        number: ApplicationNumber,
        mobile: MobileNumber,
        result: Result<Box<Looked>, LookupFailed>,
    },
    /// To [`Command::Remember`], [`Command::ForgetSaved`], [`Command::Saved`] and
    /// [`Command::SeenSaved`]: the remembered application now, or why its file cannot be used.
    SavedApplication(Result<Option<Box<SavedApplication>>, String>),
}

/// What the service tells the UI.
#[derive(Debug)]
pub enum Event {
    /// The backend is reachable or not (only when that changes).
    Link(LinkState),
    /// The backend's base URL, once known (the guides' QR codes point there).
    Backend { base_url: String },
    /// The content to show: the device's copy at start, or a newer one from a refresh.
    Content(Box<Bundle>),
    /// A saved booking was sent: booked (with its receipt), to be tried again, or refused.
    Booking { id: BookingId, sent: Sent },
    /// A saved feedback was sent: received (with its receipt), to be tried again, or refused.
    Feedback {
        id: FeedbackId,
        sent: Delivery<FeedbackReceipt>,
    },
    /// The remembered application now, to every controller: after it was remembered, seen or
    /// forgotten, when it was first read at start ([`Command::Saved`]), and with `moved` when
    /// the backend's answer moved on (its state, stages or 补正 requests changed).
    Saved {
        saved: Option<Box<SavedApplication>>,
        moved: bool,
    },
    /// Every command is answered exactly once, with its ticket.
    Answered { ticket: Ticket, answer: Answer },
    /// Something the person at the screen should know went wrong (the backend did not start);
    /// the detail is for the log.
    Problem(String),
    /// Start-up is over: the device's guides were offered and the backend is known (or known
    /// to be missing). Sent once, before any answer.
    Ready,
}

/// Where events go: the app hands them to its UI thread.
pub type EventSink = Arc<dyn Fn(Event) + Send + Sync>;

/// The handle the UI keeps: commands go in through it; dropping it ends the worker.
pub struct Service {
    commands: mpsc::UnboundedSender<(Ticket, Command)>,
    next: AtomicU64,
}

/// The worker is gone (it failed to start its runtime, or ended).
#[derive(Debug, thiserror::Error)]
#[error("the service worker is not running")]
pub struct ServiceGone;

impl Service {
    /// Starts the worker thread. `sink` receives every event, on the worker's threads.
    ///
    /// Errors: the operating system refused the thread or the runtime's I/O driver (out of
    /// threads or file descriptors); nothing was started then.
    pub fn start(config: ServiceConfig, sink: EventSink) -> std::io::Result<Service> {
        let (tx, rx) = mpsc::unbounded_channel();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("service-io")
            .enable_all()
            .build()?;
        std::thread::Builder::new()
            .name("service".into())
            .spawn(move || runtime.block_on(run(config, rx, sink)))?;
        Ok(Service {
            commands: tx,
            next: AtomicU64::new(1),
        })
    }

    /// Sends a command; its answer comes back as [`Event::Answered`] with the ticket returned.
    pub fn send(&self, command: Command) -> Result<Ticket, ServiceGone> {
        let ticket = Ticket(self.next.fetch_add(1, Ordering::Relaxed));
        self.commands
            .send((ticket, command))
            .map_err(|_| ServiceGone)?;
        Ok(ticket)
    }
}

/// Whether bookings still wait to be sent after a round, and how long the backend asked to
/// wait (the longest Retry-After of the round).
#[derive(Debug, Clone, Copy)]
enum Waiting {
    No,
    Yes { retry_after: Option<Duration> },
}

/// What the worker's tasks share.
struct Worker {
    sink: EventSink,
    /// Behind an async lock, taken only for the store's own quick reads and writes.
    store: Option<tokio::sync::Mutex<ContentStore>>,
    client: Result<RestClient, ErrorCode>,
    monitor: std::sync::Mutex<LinkMonitor>,
    outbox: Option<tokio::sync::Mutex<Outbox>>,
    /// The outbox is a file (not the in-memory fallback).
    durable: bool,
    /// [`ServiceConfig::keep_sent`].
    keep_sent: Duration,
    /// Wakes the sender of bookings (a booking was just saved).
    send_now: tokio::sync::Notify,
    /// The remembered application's file; `None`: this device remembers none.
    saved: Option<tokio::sync::Mutex<SavedStore>>,
    /// Wakes the asker after the remembered application (one was just remembered).
    poll_now: tokio::sync::Notify,
    /// The last slots received per region and language, for when the backend is out of reach.
    slots: std::sync::Mutex<std::collections::HashMap<(RegionCode, Lang), Vec<CallbackSlot>>>,
    /// The last credit record received for each region.
    credit: std::sync::Mutex<std::collections::HashMap<RegionCode, Vec<CreditRecord>>>,
    /// The last offices received for each region, with their ETag.
    offices: std::sync::Mutex<std::collections::HashMap<RegionCode, HeldOffices>>,
}

async fn run(
    config: ServiceConfig,
    mut commands: mpsc::UnboundedReceiver<(Ticket, Command)>,
    sink: EventSink,
) {
    // The guides first: they must open with no network at all.
    let store = open_store(&config, &sink);
    let (outbox, durable) = match open_outbox(&config, &sink) {
        Some((outbox, durable)) => (Some(outbox), durable),
        None => (None, false),
    };
    if let Some(store) = &store {
        match store.load(config.embedded_bundle) {
            Ok(bundle) => sink(Event::Content(Box::new(bundle))),
            Err(e) => eprintln!("legal-kiosk: cannot read the guides: {e}"),
        }
    }
    // Kept alive for as long as the worker runs: dropping it stops a started backend.
    let mut _guard = None;
    let started_here = matches!(config.backend, Backend::Start(_));
    let endpoint = match config.backend {
        Backend::Remote { url, device_token } => Ok((url, device_token)),
        Backend::Start(start) => match start().await {
            Ok(started) => {
                _guard = Some(started.guard);
                Ok((started.base_url, started.device_token))
            }
            Err(e) => Err(e),
        },
    };
    // Bookings are made for, and sent to, this backend only.
    let identity = match &endpoint {
        Ok((url, _)) if !started_here => url.clone(),
        _ => "demo".to_owned(),
    };
    let outbox = outbox.map(|o| o.for_backend(identity));
    let client = endpoint.and_then(|(url, token)| {
        let mut rest = RestConfig::new(url, token);
        (config.tune_rest)(&mut rest);
        RestClient::new(rest).map_err(|e| e.to_string())
    });
    let client = match client {
        Ok(c) => {
            sink(Event::Backend {
                base_url: c.config().base_url.clone(),
            });
            Ok(c)
        }
        Err(e) => {
            eprintln!("legal-kiosk: no backend: {e}");
            sink(Event::Problem(e));
            Err(ErrorCode::Offline)
        }
    };
    let worker = Arc::new(Worker {
        sink,
        store: store.map(tokio::sync::Mutex::new),
        client,
        monitor: std::sync::Mutex::new(LinkMonitor::default()),
        outbox: outbox.map(tokio::sync::Mutex::new),
        durable,
        keep_sent: config.keep_sent,
        send_now: tokio::sync::Notify::new(),
        saved: config
            .saved_application
            .clone()
            .map(|p| tokio::sync::Mutex::new(SavedStore::new(p))),
        poll_now: tokio::sync::Notify::new(),
        slots: std::sync::Mutex::new(std::collections::HashMap::new()),
        credit: std::sync::Mutex::new(std::collections::HashMap::new()),
        offices: std::sync::Mutex::new(std::collections::HashMap::new()),
    });
    (worker.sink)(Event::Ready);

    // Health checks and content refreshes run beside the commands, never in their way: a
    // slow backend delays only its own request.
    let periods = config.periods;
    let checks = tokio::spawn({
        let worker = worker.clone();
        async move {
            loop {
                let pause = match worker.check_link().await {
                    LinkState::Online => periods.online,
                    LinkState::Checking | LinkState::Offline { .. } => periods.offline,
                };
                tokio::time::sleep(pause).await;
            }
        }
    });
    let refreshes = tokio::spawn({
        let worker = worker.clone();
        let (first, every) = (config.first_refresh, config.content_refresh);
        async move {
            tokio::time::sleep(first).await;
            loop {
                worker.refresh_content().await;
                tokio::time::sleep(every).await;
            }
        }
    });
    // Saved bookings go out at start (a box unplugged mid-send) and after each new one. One
    // the backend could not take goes again after a pause that grows with each failure
    // (backon, with jitter), never sooner than the backend's Retry-After; with nothing
    // waiting the outbox is looked at every `resend`.
    let bookings = tokio::spawn({
        let worker = worker.clone();
        let (idle, min, max) = (config.resend, config.resend_min, config.resend_max);
        async move {
            let mut pauses = crate::rest::backoff(min, max);
            loop {
                let (pause, not_before) = match worker.send_bookings().await {
                    Waiting::No => {
                        pauses = crate::rest::backoff(min, max);
                        (idle, None)
                    }
                    Waiting::Yes { retry_after } => {
                        let next = pauses.next().unwrap_or(max);
                        let start = tokio::time::Instant::now();
                        (
                            retry_after.map_or(next, |r| r.max(next)),
                            retry_after.map(|r| start + r),
                        )
                    }
                };
                let _ = tokio::time::timeout(pause, worker.send_now.notified()).await;
                // A booking saved meanwhile waits too while the backend asked the device to
                // (a quota's Retry-After holds for every booking of the device).
                if let Some(at) = not_before {
                    tokio::time::sleep_until(at).await;
                }
            }
        }
    });
    let polls = tokio::spawn(saved::poll(
        worker.clone(),
        config.resend_min,
        config.poll_every,
    ));
    while let Some((ticket, command)) = commands.recv().await {
        let worker = worker.clone();
        tokio::spawn(async move {
            let answer = worker.handle(command).await;
            (worker.sink)(Event::Answered { ticket, answer });
        });
    }
    // The UI dropped its handle: the app is ending.
    checks.abort();
    refreshes.abort();
    bookings.abort();
    polls.abort();
}

impl Worker {
    async fn handle(&self, command: Command) -> Answer {
        match command {
            Command::RefreshContent => Answer::Content(self.refresh_content().await),
            Command::CheckLink => Answer::Link(self.check_link().await),
            Command::Book {
                request,
                slot,
                replaces,
            } => Answer::Booking(self.save_booking(&request, slot.as_deref(), replaces).await),
            Command::Forget(id) => Answer::Bookings(self.forget(id).await),
            Command::Feedback(request) => Answer::Feedback(self.save_feedback(&request).await),
            Command::Cancel(id) => Answer::Cancelled(self.cancel(id).await),
            Command::Slots { region, lang } => Answer::Slots(self.slots(region, lang).await),
            Command::Offices { region } => Answer::Offices {
                region: region.clone(),
                result: self.offices(region).await,
            },
            Command::Credit { region } => Answer::Credit {
                result: self.credit(region.clone()).await,
                region,
            },
            Command::Bookings => Answer::Bookings(self.bookings().await),
            Command::Lookup { number, mobile } => {
                let result = self.lookup(&number, &mobile).await;
                Answer::Application {
                    number,
                    mobile,
                    result,
                }
            }
            Command::Remember(saved) => Answer::SavedApplication(self.remember(*saved).await),
            Command::ForgetSaved => Answer::SavedApplication(self.forget_saved().await),
            Command::Saved => Answer::SavedApplication(self.saved(false).await),
            Command::SeenSaved => Answer::SavedApplication(self.saved(true).await),
        }
    }

    /// Fresh slots, remembered; or the remembered ones when the backend cannot be reached.
    async fn slots(&self, region: RegionCode, lang: Lang) -> Result<SlotAnswer, ErrorCode> {
        let client = self.client.as_ref().map_err(|code| *code)?;
        let key = (region, lang);
        match client.callback_slots(&key.0, Some(lang)).await {
            Ok(list) => {
                if let Ok(mut cache) = self.slots.lock() {
                    cache.insert(key, list.slots.clone());
                }
                Ok(SlotAnswer {
                    slots: list.slots,
                    cached: false,
                })
            }
            Err(e) if e.is_transient() => {
                let cached = self.slots.lock().ok().and_then(|c| c.get(&key).cloned());
                cached
                    .map(|slots| SlotAnswer {
                        slots,
                        cached: true,
                    })
                    .ok_or(e.code())
            }
            Err(e) => Err(e.code()),
        }
    }

    async fn offices(&self, region: RegionCode) -> Result<OfficesAnswer, ErrorCode> {
        let client = self.client.as_ref().map_err(|code| *code)?;
        let held = self
            .offices
            .lock()
            .ok()
            .and_then(|c| c.get(&region).cloned());
        let etag = held.as_ref().and_then(|(etag, _)| etag.as_deref());
        match client.offices(&region, etag).await {
            Ok(Fetched::Fresh { value, etag }) => {
                if let Ok(mut cache) = self.offices.lock() {
                    cache.insert(region, (etag, value.offices.clone()));
                }
                Ok(OfficesAnswer {
                    offices: value.offices,
                    cached: false,
                })
            }
            // The list held is current.
            Ok(Fetched::NotModified) => held
                .map(|(_, offices)| OfficesAnswer {
                    offices,
                    cached: false,
                })
                .ok_or(ErrorCode::UnexpectedAnswer),
            Err(e) if e.is_transient() => held
                .map(|(_, offices)| OfficesAnswer {
                    offices,
                    cached: true,
                })
                .ok_or(e.code()),
            Err(e) => Err(e.code()),
        }
    }

    async fn credit(&self, region: RegionCode) -> Result<CreditAnswer, ErrorCode> {
        let client = self.client.as_ref().map_err(|code| *code)?;
        match client.credit(&region).await {
            Ok(list) => {
                if let Ok(mut cache) = self.credit.lock() {
                    cache.insert(region, list.records.clone());
                }
                Ok(CreditAnswer {
                    records: list.records,
                    cached: false,
                })
            }
            Err(e) if e.is_transient() => {
                let cached = self
                    .credit
                    .lock()
                    .ok()
                    .and_then(|c| c.get(&region).cloned());
                cached
                    .map(|records| CreditAnswer {
                        records,
                        cached: true,
                    })
                    .ok_or(e.code())
            }
            Err(e) => Err(e.code()),
        }
    }

    async fn bookings(&self) -> Result<Vec<StoredBooking>, String> {
        let Some(outbox) = &self.outbox else {
            return Err("no booking outbox".to_owned());
        };
        outbox.lock().await.all().map_err(|e| e.to_string())
    }

    /// Cancels a sent booking with its reference and mobile number, then marks it so.
    async fn cancel(&self, id: BookingId) -> Result<(), ErrorCode> {
        let (Some(outbox), Ok(client)) = (&self.outbox, &self.client) else {
            return Err(ErrorCode::Offline);
        };
        let booking = outbox.lock().await.get(id).map_err(|e| {
            eprintln!("legal-kiosk: {e}");
            ErrorCode::NotFound
        })?;
        let Some(booking) = booking else {
            return Err(ErrorCode::NotFound);
        };
        let receipt = match &booking.state {
            BookingState::Sent(receipt) => receipt,
            _ => return Err(ErrorCode::NotCancellable),
        };
        // Made for another backend (the demo, before the box was moved): its reference and
        // mobile number mean nothing to this one, and are not sent there.
        let here = outbox.lock().await.backend().map(str::to_owned);
        if booking.backend.is_some() && here.is_some() && booking.backend != here {
            return Err(ErrorCode::NotFound);
        }
        client
            .cancel_callback(&receipt.reference, &booking.request.mobile)
            .await
            .map_err(|e| e.code())?;
        outbox.lock().await.mark_cancelled(id).map_err(|e| {
            eprintln!("legal-kiosk: {e}");
            ErrorCode::ServerError
        })
    }

    async fn forget(&self, id: BookingId) -> Result<Vec<StoredBooking>, String> {
        let Some(outbox) = &self.outbox else {
            return Err("no booking outbox".to_owned());
        };
        let outbox = outbox.lock().await;
        outbox.forget_refused(id).map_err(|e| e.to_string())?;
        outbox.all().map_err(|e| e.to_string())
    }

    async fn save_booking(
        &self,
        request: &CallbackRequest,
        slot: Option<&CallbackSlot>,
        replaces: Option<BookingId>,
    ) -> Result<Saved, String> {
        let Some(outbox) = &self.outbox else {
            return Err("no booking outbox".to_owned());
        };
        let saved = outbox
            .lock()
            .await
            .save_with(request, slot, replaces)
            .map_err(|e| e.to_string())?;
        self.send_now.notify_one();
        Ok(Saved {
            id: saved.id,
            durable: self.durable,
        })
    }

    async fn save_feedback(&self, request: &FeedbackRequest) -> Result<(FeedbackId, bool), String> {
        let Some(outbox) = &self.outbox else {
            return Err("no outbox".to_owned());
        };
        let saved = outbox
            .lock()
            .await
            .save_feedback(request)
            .map_err(|e| e.to_string())?;
        self.send_now.notify_one();
        Ok((saved.id, self.durable))
    }

    /// Sends every saved booking and feedback once; each outcome goes to the UI. Says whether
    /// some still wait, and the longest Retry-After the backend gave.
    async fn send_bookings(&self) -> Waiting {
        let (Some(outbox), Ok(client)) = (&self.outbox, &self.client) else {
            return Waiting::No;
        };
        let sent = outbox::send_all(outbox, client).await;
        let cancels_waiting = self.cancel_replaced(outbox, client).await;
        let feedback = send_all_feedback(outbox, client).await;
        // What the device no longer needs goes, mobile numbers with it.
        let now = chrono::Utc::now();
        let purged = {
            let outbox = outbox.lock().await;
            outbox
                .purge(self.keep_sent, now)
                .and_then(|_| outbox.purge_feedback(self.keep_sent, now.timestamp()))
        };
        if let Err(e) = purged {
            eprintln!("legal-kiosk: {e}");
        }
        let mut waiting = if cancels_waiting {
            Waiting::Yes { retry_after: None }
        } else {
            Waiting::No
        };
        let mut wait = |retry_after: Option<Duration>| {
            let longest = match waiting {
                Waiting::Yes { retry_after: r } => r.max(retry_after),
                Waiting::No => retry_after,
            };
            waiting = Waiting::Yes {
                retry_after: longest,
            };
        };
        match sent {
            Ok(results) => {
                for (id, sent) in results {
                    if let Sent::Later { retry_after, .. } = &sent {
                        wait(*retry_after);
                    }
                    (self.sink)(Event::Booking { id, sent });
                }
            }
            Err(e) => {
                eprintln!("legal-kiosk: {e}");
                wait(None);
            }
        }
        match feedback {
            Ok(results) => {
                for (id, sent) in results {
                    if let Delivery::Later { retry_after, .. } = &sent {
                        wait(*retry_after);
                    }
                    (self.sink)(Event::Feedback { id, sent });
                }
            }
            Err(e) => {
                eprintln!("legal-kiosk: {e}");
                wait(None);
            }
        }
        waiting
    }

    /// Cancels the booked callbacks a newer booking replaced (once that one was booked). True
    /// when some still wait (the backend could not be reached).
    async fn cancel_replaced(
        &self,
        outbox: &tokio::sync::Mutex<Outbox>,
        client: &RestClient,
    ) -> bool {
        let due = match outbox.lock().await.to_cancel() {
            Ok(due) => due,
            Err(e) => {
                eprintln!("legal-kiosk: {e}");
                return false;
            }
        };
        let mut waiting = false;
        for booking in due {
            let BookingState::Sent(receipt) = &booking.state else {
                continue;
            };
            let done = match client
                .cancel_callback(&receipt.reference, &booking.request.mobile)
                .await
            {
                Ok(_) => outbox.lock().await.mark_cancelled(booking.id),
                Err(e) if e.is_transient() => {
                    waiting = true;
                    continue;
                }
                // Its slot has started, or the backend refuses: it stays booked.
                Err(e) => {
                    eprintln!("legal-kiosk: booking {:?} not cancelled: {e}", booking.id);
                    outbox.lock().await.give_up_cancel(booking.id)
                }
            };
            if let Err(e) = done {
                eprintln!("legal-kiosk: {e}");
            }
            (self.sink)(Event::Booking {
                id: booking.id,
                sent: Sent::Booked(receipt.clone()),
            });
        }
        waiting
    }

    /// One health check; the indicator hears of it only when the state changes.
    async fn check_link(&self) -> LinkState {
        let result = match &self.client {
            Ok(client) => client.health().await.map(|_| ()).map_err(|e| e.code()),
            Err(code) => Err(*code),
        };
        let (changed, state) = {
            let mut monitor = match self.monitor.lock() {
                Ok(m) => m,
                Err(poisoned) => poisoned.into_inner(),
            };
            let changed = monitor.observe(result, SystemTime::now()).cloned();
            (changed, monitor.state().clone())
        };
        if let Some(state) = changed {
            (self.sink)(Event::Link(state));
        }
        state
    }

    async fn refresh_content(&self) -> ContentCheck {
        let (Some(store), Ok(client)) = (&self.store, &self.client) else {
            return ContentCheck::Failed(ErrorCode::Offline);
        };
        match refresh_store(store, client).await {
            Ok(Refresh::Updated(bundle)) => {
                let version = bundle.version;
                (self.sink)(Event::Content(bundle));
                ContentCheck::Updated { version }
            }
            Ok(Refresh::Unchanged) => ContentCheck::Unchanged,
            // Kept: the content on the device stays as it is.
            Ok(Refresh::Refused(e)) => {
                eprintln!("legal-kiosk: refused new guides: {e}");
                ContentCheck::Refused(e.to_string())
            }
            Err(RefreshError::Rest(e)) => ContentCheck::Failed(e.code()),
            Err(RefreshError::Store(e)) => {
                eprintln!("legal-kiosk: content store: {e}");
                ContentCheck::StoreFailed(e.to_string())
            }
        }
    }
}

/// The content store's ETag refresh, with the store locked only around its own (short, local)
/// reads and writes: the connection is not `Sync`, so it is never held across the request.
async fn refresh_store(
    store: &tokio::sync::Mutex<ContentStore>,
    client: &RestClient,
) -> Result<Refresh, RefreshError> {
    let held = store.lock().await.held()?;
    crate::content::refresh_with(client, held, |bytes, etag| async move {
        store.lock().await.offer(&bytes, etag.as_deref())
    })
    .await
}

/// The booking outbox on disk (true), or in memory when the disk cannot be used (false, and
/// said on screen: a booking then lasts only as long as the process).
fn open_outbox(config: &ServiceConfig, sink: &EventSink) -> Option<(Outbox, bool)> {
    if let Some(path) = &config.outbox_db {
        match Outbox::open(path) {
            Ok(o) => return Some((o, true)),
            Err(e) => {
                eprintln!(
                    "legal-kiosk: cannot use {}: {e}; bookings are kept in memory",
                    path.display()
                );
                sink(Event::Problem(format!("booking outbox: {e}")));
            }
        }
    }
    match Outbox::in_memory() {
        Ok(o) => Some((o, false)),
        Err(e) => {
            sink(Event::Problem(e.to_string()));
            None
        }
    }
}

/// The content store on disk, or in memory when the disk cannot be used.
fn open_store(config: &ServiceConfig, sink: &EventSink) -> Option<ContentStore> {
    if let Some(path) = &config.content_db {
        match ContentStore::open(path, config.content_key) {
            Ok(s) => return Some(s),
            Err(e) => eprintln!(
                "legal-kiosk: cannot use {}: {e}; guides are kept in memory",
                path.display()
            ),
        }
    }
    match ContentStore::in_memory(config.content_key) {
        Ok(s) => Some(s),
        Err(e) => {
            sink(Event::Problem(e.to_string()));
            None
        }
    }
}
