//! The service (DESIGN §6): one long-lived worker thread with its own tokio runtime that owns
//! the REST client and the content store (and, next, the booking outbox). Commands go in as one
//! enum over a channel; events come out as one enum through the one sink the app gives it,
//! which hands them to the UI thread. Nothing here knows of Slint.

use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use legal_kiosk_content::{Bundle, VerifyingKey};
use tokio::sync::mpsc;

use crate::content::{ContentStore, Refresh, RefreshError};
use crate::link::{CheckPeriods, LinkMonitor, LinkState};
use crate::rest::{ErrorCode, RestClient, RestConfig};

/// A backend started on the service's runtime (the app's embedded demo backend).
pub struct StartedBackend {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
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
    /// The guides built into the binary, shown until a newer signed bundle is stored.
    pub embedded_bundle: &'static [u8],
    /// How often the backend's health is checked.
    pub periods: CheckPeriods,
    /// How often the device asks for newer guides by itself.
    pub content_refresh: Duration,
    /// Changes to the REST client's settings (timeouts, retries), applied before it is made.
    pub tune_rest: fn(&mut RestConfig),
}

impl ServiceConfig {
    /// Checks every 30 s online / 5 s offline, and asks for newer guides every 30 minutes.
    pub fn new(backend: Backend, content_key: VerifyingKey) -> ServiceConfig {
        ServiceConfig {
            backend,
            content_key,
            content_db: None,
            embedded_bundle: legal_kiosk_content::EMBEDDED_BUNDLE,
            periods: CheckPeriods::default(),
            content_refresh: Duration::from_secs(30 * 60),
            tune_rest: |_| {},
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
    /// The backend could not be asked.
    Failed(ErrorCode),
}

/// The answer to one command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    Content(ContentCheck),
    Link(LinkState),
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
    /// Every command is answered exactly once, with its ticket.
    Answered { ticket: Ticket, answer: Answer },
    /// Something the person at the screen should know went wrong (the backend did not start).
    Problem(String),
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
    /// Starts the worker thread. `sink` receives every event, on the worker thread.
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

/// What the worker owns.
struct Worker {
    sink: EventSink,
    store: Option<ContentStore>,
    client: Result<RestClient, ErrorCode>,
    monitor: LinkMonitor,
}

async fn run(
    config: ServiceConfig,
    mut commands: mpsc::UnboundedReceiver<(Ticket, Command)>,
    sink: EventSink,
) {
    // The guides first: they must open with no network at all.
    let store = open_store(&config, &sink);
    if let Some(store) = &store {
        match store.load(config.embedded_bundle) {
            Ok(bundle) => sink(Event::Content(Box::new(bundle))),
            Err(e) => eprintln!("legal-kiosk: cannot read the guides: {e}"),
        }
    }
    // Kept alive for as long as the worker runs: dropping it stops a started backend.
    let mut _guard = None;
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
    let client = match endpoint {
        Ok((url, token)) => {
            let mut rest = RestConfig::new(url, token);
            (config.tune_rest)(&mut rest);
            RestClient::new(rest).map_err(|e| e.to_string())
        }
        Err(e) => Err(e),
    };
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
    let mut worker = Worker {
        sink,
        store,
        client,
        monitor: LinkMonitor::default(),
    };
    let mut next_check = tokio::time::Instant::now();
    let mut next_refresh = tokio::time::Instant::now();
    loop {
        tokio::select! {
            command = commands.recv() => match command {
                Some((ticket, command)) => {
                    let answer = worker.handle(command).await;
                    (worker.sink)(Event::Answered { ticket, answer });
                }
                // The UI dropped its handle: the app is ending.
                None => break,
            },
            _ = tokio::time::sleep_until(next_check) => {
                let state = worker.check_link().await;
                let pause = match state {
                    LinkState::Online => config.periods.online,
                    LinkState::Checking | LinkState::Offline { .. } => config.periods.offline,
                };
                next_check = tokio::time::Instant::now() + pause;
            },
            _ = tokio::time::sleep_until(next_refresh) => {
                worker.refresh_content().await;
                next_refresh = tokio::time::Instant::now() + config.content_refresh;
            },
        }
    }
}

impl Worker {
    async fn handle(&mut self, command: Command) -> Answer {
        match command {
            Command::RefreshContent => Answer::Content(self.refresh_content().await),
            Command::CheckLink => Answer::Link(self.check_link().await),
        }
    }

    /// One health check; the indicator hears of it only when the state changes.
    async fn check_link(&mut self) -> LinkState {
        let result = match &self.client {
            Ok(client) => client.health().await.map(|_| ()).map_err(|e| e.code()),
            Err(code) => Err(*code),
        };
        if let Some(state) = self.monitor.observe(result, SystemTime::now()) {
            (self.sink)(Event::Link(state.clone()));
        }
        self.monitor.state().clone()
    }

    async fn refresh_content(&mut self) -> ContentCheck {
        let (Some(store), Ok(client)) = (&self.store, &self.client) else {
            return ContentCheck::Failed(ErrorCode::Offline);
        };
        match store.refresh(client).await {
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
                ContentCheck::Refused(e.to_string())
            }
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
