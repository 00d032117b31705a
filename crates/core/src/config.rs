//! The device's configuration file (TOML, DESIGN §8): which profile and language a box starts
//! with. A missing file means defaults; a broken one is reported and the defaults are used,
//! so a typo in the file never leaves a household with a dead box.

use crate::Profile;
use crate::i18n::DisplayMode;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    pub profile: Profile,
    /// mn, zh or bilingual.
    pub lang: DisplayMode,
    /// The backend to use, `https://…`. Absent: the embedded demo backend.
    pub backend_url: Option<String>,
    /// This device's token for `backend_url`.
    pub device_token: Option<String>,
    /// The GB/T 2260 code of the banner or league the device serves (its office card).
    /// Absent: 150100 (Hohhot), the demo's region.
    pub region: Option<String>,
    /// Where phones reach the backend's pages (`https://…`), for the QR codes of guides and
    /// bookings. Absent: the backend's own address; in demo mode that is a loopback address,
    /// so a QR code then works on this machine only (the page says it is a demo).
    pub public_base_url: Option<String>,
    /// The ed25519 public key (hex) content bundles must be signed with. Absent: the
    /// development key in assets/bundle, which signs the demo content only.
    pub bundle_public_key: Option<String>,
    /// Whether the box may remember an application for its household (with the person's
    /// consent each time): absent means yes on a TV, no on a tablet; a kiosk never does
    /// ([`Profile::remembers_applications`]).
    pub remember_applications: Option<bool>,
    /// A kiosk forgets the session after this many seconds without a key or touch (30–300;
    /// absent: 60), with a 20-second warning first ([`crate::idle`]). Other profiles ignore it.
    pub idle_timeout_secs: Option<u64>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path} is not valid: {detail}")]
    Invalid { path: PathBuf, detail: String },
}

impl Config {
    /// Where the config lives when no path is given: `$XDG_CONFIG_HOME/legal-kiosk/config.toml`,
    /// else `~/.config/legal-kiosk/config.toml`.
    pub fn default_path() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_CONFIG_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
        Some(base.join("legal-kiosk").join("config.toml"))
    }

    /// Where state and caches live: `$XDG_DATA_HOME/legal-kiosk`, else
    /// `~/.local/share/legal-kiosk` (systemd units set XDG_DATA_HOME to their StateDirectory).
    pub fn data_dir() -> Option<PathBuf> {
        let base = std::env::var_os("XDG_DATA_HOME")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local").join("share"))
            })?;
        Some(base.join("legal-kiosk"))
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: path.to_owned(),
            detail: e.message().to_owned(),
        })
    }

    /// Writes the config to `path` through a temporary file and a rename, so a power cut
    /// mid-write leaves the old file, never half a file.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let text = toml::to_string(self).map_err(|e| ConfigError::Invalid {
            path: path.to_owned(),
            detail: e.to_string(),
        })?;
        let write = || -> std::io::Result<()> {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let tmp = path.with_extension("toml.tmp");
            std::fs::write(&tmp, text.as_bytes())?;
            std::fs::File::open(&tmp)?.sync_all()?;
            std::fs::rename(&tmp, path)
        };
        write().map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })
    }

    /// Reads the file at `path`; a file that does not exist gives the defaults.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(path, &text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(source) => Err(ConfigError::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_file_parses() {
        let text = "profile = \"kiosk\"\nlang = \"mn\"\nbackend_url = \"https://x.example\"\n";
        let c = Config::parse(Path::new("c"), text).unwrap();
        assert_eq!(c.profile, Profile::Kiosk);
        assert_eq!(c.lang, DisplayMode::Mn);
        assert_eq!(c.backend_url.as_deref(), Some("https://x.example"));
        assert_eq!(c.device_token, None);
    }

    #[test]
    fn a_saved_config_loads_back() {
        let dir = std::env::temp_dir().join(format!("lk-config-{}", std::process::id()));
        let path = dir.join("sub").join("config.toml");
        let c = Config {
            profile: Profile::Tv,
            lang: DisplayMode::Bilingual,
            backend_url: Some("https://legal.example".into()),
            device_token: None,
            region: Some("152502".into()),
            public_base_url: Some("https://legal.example/pages".into()),
            bundle_public_key: None,
            remember_applications: Some(false),
            idle_timeout_secs: Some(90),
        };
        c.save(&path).unwrap();
        assert_eq!(Config::load(&path).unwrap(), c);
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_missing_file_gives_defaults() {
        let c = Config::load(Path::new("/nonexistent/legal-kiosk.toml")).unwrap();
        assert_eq!(c, Config::default());
    }

    #[test]
    fn bad_values_are_errors_that_name_the_file() {
        let err = Config::parse(Path::new("/etc/lk.toml"), "profile = \"phone\"").unwrap_err();
        assert!(err.to_string().contains("/etc/lk.toml"), "{err}");
        assert!(Config::parse(Path::new("x"), "colour = 1").is_err());
        assert!(Config::parse(Path::new("x"), "profile = [").is_err());
    }
}
