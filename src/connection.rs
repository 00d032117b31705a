//! The connection controller: which backend the app talks to (the embedded demo backend, or a
//! configured server), the health checks on a worker thread, and the indicator in the shell.

use crate::ui::{AppWindow, Link, LinkStatus};
use legal_kiosk_content::{Bundle, VerifyingKey};
use legal_kiosk_core::content::{ContentStore, Refresh, RefreshError};
use legal_kiosk_core::link::{CheckPeriods, LinkState, watch};
use legal_kiosk_core::rest::{RestClient, RestConfig};
use slint::ComponentHandle;
use std::cell::RefCell;
use std::path::PathBuf;
use std::time::Duration;

/// How often the device asks for newer guides while it runs.
const CONTENT_REFRESH: Duration = Duration::from_secs(30 * 60);

/// What the worker tells the UI about content.
pub enum ContentEvent {
    /// The content to show: from the device's store at start, or a newer one from a refresh.
    Bundle(Box<Bundle>),
    /// The backend's base URL, for the guides' QR codes.
    Backend(String),
}

/// Where the device keeps its guides, and the key they must be signed with.
pub struct ContentJob {
    pub key: VerifyingKey,
    /// The SQLite cache; `None` keeps it in memory.
    pub store: Option<PathBuf>,
}

type ContentSink = Box<dyn Fn(ContentEvent)>;

thread_local! {
    /// The shell's content handler, on the UI thread (the worker reaches it through the event loop).
    static CONTENT_SINK: RefCell<Option<ContentSink>> = const { RefCell::new(None) };
}

/// Call on the UI thread: `f` receives the worker's content events.
pub fn on_content(f: impl Fn(ContentEvent) + 'static) {
    CONTENT_SINK.with(|s| *s.borrow_mut() = Some(Box::new(f)));
}

fn send(event: ContentEvent) {
    let _ = slint::invoke_from_event_loop(move || {
        CONTENT_SINK.with(|s| {
            if let Some(f) = s.borrow().as_ref() {
                f(event);
            }
        })
    });
}

/// Where the backend is.
#[derive(Debug, Clone)]
pub enum BackendChoice {
    /// The reference backend started in this process on a loopback port, its database in `db`.
    Demo { db: PathBuf },
    /// A real server.
    Remote { url: String, device_token: String },
}

impl BackendChoice {
    /// A configured URL needs its token; no URL means demo mode with the database under the
    /// user's data directory (in memory when there is none).
    pub fn choose(url: Option<String>, token: Option<String>) -> anyhow::Result<BackendChoice> {
        match (url, token) {
            (Some(url), Some(device_token)) => Ok(BackendChoice::Remote { url, device_token }),
            (Some(url), None) => anyhow::bail!(
                "backend {url} is set but no device token: give --device-token or device_token in the config"
            ),
            (None, _) => Ok(BackendChoice::Demo {
                db: legal_kiosk_core::config::Config::data_dir()
                    .map(|d| d.join("demo-backend.sqlite"))
                    .unwrap_or_else(|| PathBuf::from(":memory:")),
            }),
        }
    }

    pub fn is_demo(&self) -> bool {
        matches!(self, BackendChoice::Demo { .. })
    }
}

/// Shows a link state in the indicator.
pub fn show(window: &AppWindow, state: &LinkState) {
    let link = window.global::<Link>();
    match state {
        LinkState::Checking => link.set_status(LinkStatus::Checking),
        LinkState::Online => link.set_status(LinkStatus::Online),
        LinkState::Offline { since, .. } => {
            let local: chrono::DateTime<chrono::Local> = (*since).into();
            link.set_offline_since(local.format("%H:%M").to_string().into());
            link.set_status(LinkStatus::Offline);
        }
    }
}

/// Starts the backend (in demo mode) and the health checks on their own thread with its own
/// tokio runtime (DESIGN §6); results reach the UI thread through the event loop.
pub fn start(
    window: &AppWindow,
    choice: BackendChoice,
    content: ContentJob,
) -> std::io::Result<()> {
    window.global::<Link>().set_demo(choice.is_demo());
    let weak = window.as_weak();
    std::thread::Builder::new()
        .name("backend".into())
        .spawn(move || {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .worker_threads(1)
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!("legal-kiosk: cannot start the network runtime: {e}");
                    return;
                }
            };
            runtime.block_on(run(choice, weak, content));
        })?;
    Ok(())
}

async fn run(choice: BackendChoice, weak: slint::Weak<AppWindow>, content: ContentJob) {
    // The guides first: they must open with no network at all.
    let store = open_store(&content);
    if let Some(store) = &store {
        match store.load(legal_kiosk_content::EMBEDDED_BUNDLE) {
            Ok(bundle) => send(ContentEvent::Bundle(Box::new(bundle))),
            Err(e) => eprintln!("legal-kiosk: cannot read the guides: {e}"),
        }
    }
    let report = move |state: LinkState| {
        let _ = weak.upgrade_in_event_loop(move |w| show(&w, &state));
    };
    // Kept alive for as long as the checks run: dropping it stops the demo server.
    let mut _local = None;
    let (url, token) = match choice {
        BackendChoice::Remote { url, device_token } => (url, device_token),
        BackendChoice::Demo { db } => match start_demo(db).await {
            Ok(local) => {
                let pair = (local.base_url(), local.device_token().to_owned());
                _local = Some(local);
                pair
            }
            Err(e) => {
                eprintln!("legal-kiosk: the demo backend did not start: {e}");
                return;
            }
        },
    };
    let client = match RestClient::new(RestConfig::new(url, token)) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("legal-kiosk: {e}");
            return;
        }
    };
    send(ContentEvent::Backend(client.config().base_url.clone()));
    let refresh = async {
        let Some(store) = &store else {
            return;
        };
        loop {
            match store.refresh(&client).await {
                Ok(Refresh::Updated(bundle)) => send(ContentEvent::Bundle(bundle)),
                Ok(Refresh::Unchanged) => {}
                // Kept: the content on the device stays as it is.
                Ok(Refresh::Refused(e)) => eprintln!("legal-kiosk: refused new guides: {e}"),
                // Offline or busy: the indicator says so; try again later.
                Err(RefreshError::Rest(_)) => {}
                Err(RefreshError::Store(e)) => eprintln!("legal-kiosk: content store: {e}"),
            }
            tokio::time::sleep(CONTENT_REFRESH).await;
        }
    };
    tokio::join!(
        watch(&client, CheckPeriods::default(), |s| report(s.clone())),
        refresh
    );
}

/// The content store on disk, or in memory when the disk cannot be used.
fn open_store(job: &ContentJob) -> Option<ContentStore> {
    if let Some(path) = &job.store {
        match ContentStore::open(path, job.key) {
            Ok(s) => return Some(s),
            Err(e) => eprintln!(
                "legal-kiosk: cannot use {}: {e}; guides are kept in memory",
                path.display()
            ),
        }
    }
    ContentStore::in_memory(job.key)
        .map_err(|e| eprintln!("legal-kiosk: {e}"))
        .ok()
}

/// The demo backend on its database file, or in memory when the file cannot be used (a
/// read-only home must not stop the demo).
async fn start_demo(db: PathBuf) -> anyhow::Result<legal_kiosk_backend::LocalBackend> {
    let on_disk = match db.parent().map(std::fs::create_dir_all) {
        Some(Err(e)) => Err(anyhow::Error::from(e)),
        _ => legal_kiosk_backend::start_local(&db)
            .await
            .map_err(Into::into),
    };
    match on_disk {
        Ok(local) => Ok(local),
        Err(e) => {
            eprintln!(
                "legal-kiosk: cannot use {}: {e}; demo data stays in memory",
                db.display()
            );
            Ok(legal_kiosk_backend::start_local(std::path::Path::new(":memory:")).await?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backend_needs_its_token_and_no_backend_means_demo() {
        let err = BackendChoice::choose(Some("https://legal.example".into()), None).unwrap_err();
        assert!(err.to_string().contains("device token"), "{err}");
        let remote =
            BackendChoice::choose(Some("https://legal.example".into()), Some("t".into())).unwrap();
        assert!(!remote.is_demo());
        assert!(BackendChoice::choose(None, None).unwrap().is_demo());
    }
}
