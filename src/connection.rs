//! The connection controller: which backend the app talks to (the embedded demo backend, or a
//! configured server), the health checks on a worker thread, and the indicator in the shell.

use crate::ui::{AppWindow, Link, LinkStatus};
use legal_kiosk_core::link::{CheckPeriods, LinkState, watch};
use legal_kiosk_core::rest::{RestClient, RestConfig};
use slint::ComponentHandle;
use std::path::PathBuf;

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
pub fn start(window: &AppWindow, choice: BackendChoice) -> std::io::Result<()> {
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
            runtime.block_on(run(choice, weak));
        })?;
    Ok(())
}

async fn run(choice: BackendChoice, weak: slint::Weak<AppWindow>) {
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
    watch(&client, CheckPeriods::default(), |s| report(s.clone())).await;
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
