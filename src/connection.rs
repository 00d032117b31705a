//! Which backend the app talks to (the embedded demo backend, or a configured server), how the
//! service is configured for it, and the connection indicator in the shell.

use crate::ui::{AppWindow, Link, LinkStatus};
use legal_kiosk_content::VerifyingKey;
use legal_kiosk_core::link::LinkState;
use legal_kiosk_core::service::{Backend, ServiceConfig};
use slint::ComponentHandle;
use std::path::PathBuf;

/// Where the backend is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackendChoice {
    /// The reference backend started in this process on a loopback port, its database in `db`
    /// (feature `demo-backend`).
    Demo { db: PathBuf },
    /// A real server.
    Remote { url: String, device_token: String },
}

/// Why a configuration cannot work, and what to fix: the box then talks to no backend at all
/// (never the demo one in place of a configured server) and shows the guides it holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigFix {
    /// The config file cannot be read or is not TOML; why.
    Unreadable(String),
    /// A backend address without the device's token.
    BackendWithoutToken,
    /// `backend_url` or `device_token` is set to something that cannot be used.
    BadBackend,
    /// `bundle_public_key` is not a key: no content from the backend can be trusted.
    BadKey,
}

/// The backend to use, or what to fix first. `url` and `token` come from the command line or
/// the config; `loaded` is the config as read.
pub fn decide_backend(
    url: Option<String>,
    token: Option<String>,
    loaded: &legal_kiosk_core::config::Loaded,
) -> Result<BackendChoice, ConfigFix> {
    if let Some(detail) = &loaded.unusable {
        return Err(ConfigFix::Unreadable(detail.clone()));
    }
    let backend_refused = loaded
        .problems
        .iter()
        .any(|p| p.key == "backend_url" || p.key == "device_token");
    if backend_refused {
        return Err(ConfigFix::BadBackend);
    }
    match (url, token) {
        (Some(_), None) => Err(ConfigFix::BackendWithoutToken),
        (url, token) => BackendChoice::choose(url, token).map_err(|_| ConfigFix::BadBackend),
    }
}

impl BackendChoice {
    /// A configured URL needs its token; no URL means demo mode with the database under the
    /// user's data directory (in memory when there is none). A build without the demo backend
    /// needs a URL.
    pub fn choose(url: Option<String>, token: Option<String>) -> anyhow::Result<BackendChoice> {
        match (url, token) {
            (Some(url), Some(device_token)) => Ok(BackendChoice::Remote { url, device_token }),
            (Some(url), None) => anyhow::bail!(
                "backend {url} is set but no device token: give --device-token or device_token in the config"
            ),
            (None, _) if cfg!(feature = "demo-backend") => Ok(BackendChoice::Demo {
                db: legal_kiosk_core::config::Config::data_dir()
                    .map(|d| d.join("demo-backend.sqlite"))
                    .unwrap_or_else(|| PathBuf::from(":memory:")),
            }),
            (None, _) => anyhow::bail!(
                "this build has no demo backend: give --backend URL --device-token TOKEN or backend_url and device_token in the config"
            ),
        }
    }

    pub fn is_demo(&self) -> bool {
        matches!(self, BackendChoice::Demo { .. })
    }

    /// The service's settings for this backend: the guides signed by `key`, the content
    /// cache and the booking outbox in `data_dir` (in memory without one). A kiosk keeps no
    /// booking once the backend confirmed it: the next stranger finds no mobile number on it.
    pub fn service_config(
        self,
        key: VerifyingKey,
        data_dir: Option<PathBuf>,
        profile: legal_kiosk_core::Profile,
        remember_applications: Option<bool>,
    ) -> ServiceConfig {
        let backend = match self {
            BackendChoice::Remote { url, device_token } => Backend::Remote { url, device_token },
            BackendChoice::Demo { db } => demo(db),
        };
        let mut config = ServiceConfig::new(backend, key);
        config.content_db = data_dir.as_ref().map(|d| d.join("content.sqlite3"));
        config.outbox_db = data_dir.as_ref().map(|d| d.join("outbox.sqlite3"));
        if profile.remembers_applications(remember_applications) {
            config.saved_application = data_dir.as_ref().map(|d| d.join("saved-application.json"));
        }
        if profile == legal_kiosk_core::Profile::Kiosk {
            config.keep_sent = std::time::Duration::ZERO;
        }
        config
    }
}

/// The embedded demo backend, started on the service's runtime.
#[cfg(feature = "demo-backend")]
fn demo(db: PathBuf) -> Backend {
    use legal_kiosk_core::service::StartedBackend;
    Backend::Start(Box::new(move || {
        Box::pin(async move {
            let local = start_demo(db).await.map_err(|e| e.to_string())?;
            Ok(StartedBackend {
                base_url: local.base_url(),
                device_token: local.device_token().to_owned(),
                guard: Box::new(local),
            })
        })
    }))
}

#[cfg(not(feature = "demo-backend"))]
fn demo(_db: PathBuf) -> Backend {
    Backend::Start(Box::new(|| {
        Box::pin(async { Err("this build has no demo backend".to_owned()) })
    }))
}

/// The token the app's demo mode uses with its own demo backend, the same at every start (a
/// booking resent after a restart must come from the same device, or it is booked twice).
/// The demo backend listens on loopback only.
#[cfg(feature = "demo-backend")]
const DEMO_DEVICE_TOKEN: &str = "legal-kiosk-demo-device-on-this-machine";

/// The demo backend on its database file, or in memory when the file cannot be used (a
/// read-only home must not stop the demo).
#[cfg(feature = "demo-backend")]
async fn start_demo(db: PathBuf) -> anyhow::Result<legal_kiosk_backend::LocalBackend> {
    let on_disk = match db.parent().map(std::fs::create_dir_all) {
        Some(Err(e)) => Err(anyhow::Error::from(e)),
        _ => legal_kiosk_backend::start_local_as(
            &db,
            legal_kiosk_backend::Limits::default(),
            Some(DEMO_DEVICE_TOKEN),
        )
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

    #[test]
    fn a_configured_backend_that_cannot_be_used_is_never_replaced_by_the_demo() {
        use legal_kiosk_core::config::Config;
        let read = |text: &str| Config::read_text(std::path::Path::new("x"), text);
        let decide = |text: &str| {
            let loaded = read(text);
            decide_backend(
                loaded.config.backend_url.clone(),
                loaded.config.device_token.clone(),
                &loaded,
            )
        };
        assert_eq!(
            decide("backend_url = \"https://legal.example\""),
            Err(ConfigFix::BackendWithoutToken)
        );
        assert_eq!(
            decide("backend_url = 42\ndevice_token = \"t\""),
            Err(ConfigFix::BadBackend)
        );
        assert!(matches!(
            decide("backend_url = \"https://legal.example"),
            Err(ConfigFix::Unreadable(_))
        ));
        // A typo elsewhere costs only itself.
        assert!(matches!(
            decide("backend_url = \"https://legal.example\"\ndevice_token = \"t\"\nfont_scale = 3"),
            Ok(BackendChoice::Remote { .. })
        ));
        assert!(decide("").unwrap().is_demo());
    }
}
