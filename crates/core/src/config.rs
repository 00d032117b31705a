//! The device's configuration file (TOML, DESIGN §8): which profile and language a box starts
//! with. A missing file means defaults; a broken one is reported and the defaults are used,
//! so a typo in the file never leaves a household with a dead box.

use crate::Profile;

use crate::i18n::DisplayMode;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
/// A value written to the config file by [`Config::set_in_file`]: a string, a bool, a number.
pub use toml_edit::Value as ConfigValue;

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
    /// High contrast (black ground, white text): set from the settings view.
    pub high_contrast: Option<bool>,
    /// `normal`, `large` or `extra-large`: set from the settings view; a kiosk ignores it
    /// ([`crate::TextSize::for_profile`]).
    pub text_size: Option<crate::TextSize>,
}

/// The config file as read setting by setting ([`Config::read`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Loaded {
    /// Every setting that could be used; the defaults for the rest.
    pub config: Config,
    /// The settings left out, and why.
    pub problems: Vec<ConfigProblem>,
    /// Why the file could not be used at all (unreadable, not TOML); nothing of it is known,
    /// not even whether it names a backend.
    pub unusable: Option<String>,
    /// The file sets `backend_url` or `device_token`, usable or not: the box must not fall
    /// back to the demo backend then.
    pub backend_in_file: bool,
}

/// A setting of the config file that was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblem {
    pub key: String,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// No such setting (a typo, or one of another version).
    Unknown,
    /// The setting exists but its value cannot be used; why.
    BadValue(String),
}

fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), ConfigError> {
    let write = || -> std::io::Result<()> {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("toml.tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::File::open(&tmp)?.sync_all()?;
        std::fs::rename(&tmp, path)
    };
    write().map_err(|source| ConfigError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Writes settings to one config file off the caller's thread, one after another in the order
/// asked. [`Config::set_in_file`] syncs the file to disk, which on a box's flash can take long
/// enough to drop frames: the UI thread hands the write over and goes on. Clones share one
/// worker thread and one count of writes not done yet; the thread ends when the last clone is
/// dropped, after the writes already asked for.
///
/// A write that fails is reported on stderr (the log) and dropped: the setting still applies
/// until the app ends; only remembering it failed.
#[derive(Debug, Clone)]
pub struct ConfigWriter {
    path: PathBuf,
    queue: mpsc::Sender<(String, ConfigValue)>,
    pending: Arc<AtomicUsize>,
}

impl ConfigWriter {
    /// A writer to the file at `path` (created by the first write if it does not exist).
    ///
    /// Errors: the worker thread cannot be started.
    pub fn new(path: PathBuf) -> std::io::Result<ConfigWriter> {
        let (queue, writes) = mpsc::channel::<(String, ConfigValue)>();
        let pending = Arc::new(AtomicUsize::new(0));
        let (file, count) = (path.clone(), Arc::clone(&pending));
        std::thread::Builder::new()
            .name("config-writer".into())
            .spawn(move || {
                for (key, value) in writes {
                    if let Err(e) = Config::set_in_file(&file, &key, value) {
                        eprintln!("legal-kiosk: {e}");
                    }
                    count.fetch_sub(1, Ordering::SeqCst);
                }
            })?;
        Ok(ConfigWriter {
            path,
            queue,
            pending,
        })
    }

    /// The file written to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Sets `key` to `value` in the file, as [`Config::set_in_file`] does, on the worker thread.
    pub fn set(&self, key: &str, value: impl Into<ConfigValue>) {
        self.pending.fetch_add(1, Ordering::SeqCst);
        if self.queue.send((key.to_owned(), value.into())).is_err() {
            // The worker is gone (it cannot panic, so only at exit): nothing will be written.
            self.pending.fetch_sub(1, Ordering::SeqCst);
            eprintln!(
                "legal-kiosk: {}: {key} not written, the writer has stopped",
                self.path.display()
            );
        }
    }

    /// How many writes asked for are not done yet.
    pub fn pending(&self) -> usize {
        self.pending.load(Ordering::SeqCst)
    }
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
        write_atomically(path, text.as_bytes())
    }

    /// Reads the file at `path` setting by setting: an unknown key or a bad value is left out
    /// and reported, and every other setting is used (one typo must not throw away the
    /// backend's address and token). A file that does not exist gives the defaults; one that
    /// cannot be read or is not TOML at all is `unusable`.
    pub fn read(path: &Path) -> Loaded {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
            Err(source) => {
                return Loaded {
                    unusable: Some(
                        ConfigError::Read {
                            path: path.to_owned(),
                            source,
                        }
                        .to_string(),
                    ),
                    ..Loaded::default()
                };
            }
        };
        Config::read_text(path, &text)
    }

    /// [`Config::read`] of a file's text.
    pub fn read_text(path: &Path, text: &str) -> Loaded {
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                return Loaded {
                    unusable: Some(format!("{}: {e}", path.display())),
                    ..Loaded::default()
                };
            }
        };
        let mut good = toml::Table::new();
        let mut problems = Vec::new();
        for (key, value) in &table {
            let mut one = toml::Table::new();
            one.insert(key.clone(), value.clone());
            match one.try_into::<Config>() {
                Ok(_) => {
                    good.insert(key.clone(), value.clone());
                }
                Err(e) => {
                    let detail = e.message().to_owned();
                    let kind = if detail.contains("unknown field") {
                        ProblemKind::Unknown
                    } else {
                        ProblemKind::BadValue(detail)
                    };
                    problems.push(ConfigProblem {
                        key: key.clone(),
                        kind,
                    });
                }
            }
        }
        // Each setting was checked alone; together they deserialize too.
        let config = good.try_into::<Config>().unwrap_or_default();
        Loaded {
            backend_in_file: table.contains_key("backend_url")
                || table.contains_key("device_token"),
            config,
            problems,
            unusable: None,
        }
    }

    /// Sets one setting in the file at `path` (creating it if needed) and keeps everything
    /// else as it was: other settings, comments, order, and keys this version does not know.
    /// Written through a temporary file and a rename.
    ///
    /// Errors: the file cannot be read or written, or is not TOML (it is then left alone).
    pub fn set_in_file(
        path: &Path,
        key: &str,
        value: impl Into<ConfigValue>,
    ) -> Result<(), ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(source) => {
                return Err(ConfigError::Read {
                    path: path.to_owned(),
                    source,
                });
            }
        };
        let mut doc: toml_edit::DocumentMut =
            text.parse()
                .map_err(|e: toml_edit::TomlError| ConfigError::Invalid {
                    path: path.to_owned(),
                    detail: e.to_string(),
                })?;
        let value: ConfigValue = value.into();
        match doc.get_mut(key).and_then(|item| item.as_value_mut()) {
            // In place: the line keeps its own comment and spacing.
            Some(old) => {
                let decor = old.decor().clone();
                *old = value;
                *old.decor_mut() = decor;
            }
            None => doc[key] = toml_edit::Item::Value(value),
        }
        write_atomically(path, doc.to_string().as_bytes())
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
    fn the_writer_writes_in_the_order_asked_and_keeps_the_file() {
        let dir = std::env::temp_dir().join(format!("lk-config-writer-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("config.toml");
        std::fs::write(&path, "# the bureau's\nlang = \"zh\" # theirs\n").unwrap();
        let writer = ConfigWriter::new(path.clone()).unwrap();
        writer.clone().set("lang", "mn");
        writer.set("high_contrast", true);
        writer.set("lang", "bilingual");
        let start = std::time::Instant::now();
        while writer.pending() > 0 {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(10),
                "never written"
            );
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# the bureau's\nlang = \"bilingual\" # theirs\nhigh_contrast = true\n"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

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
            high_contrast: Some(true),
            text_size: Some(crate::TextSize::ExtraLarge),
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
    fn a_bad_setting_costs_only_itself() {
        let text = "# the county's server\nbackend_url = \"https://legal.example\"\n\
                    device_token = \"t\"\nfont_scale = 3\nlang = \"klingon\"\nprofile = \"kiosk\"\n";
        let loaded = Config::read_text(Path::new("x"), text);
        assert_eq!(
            loaded.config.backend_url.as_deref(),
            Some("https://legal.example")
        );
        assert_eq!(loaded.config.device_token.as_deref(), Some("t"));
        assert_eq!(loaded.config.profile, Profile::Kiosk);
        assert_eq!(loaded.config.lang, DisplayMode::default());
        assert!(loaded.backend_in_file);
        assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
        assert!(
            loaded
                .problems
                .iter()
                .any(|p| p.key == "font_scale" && p.kind == ProblemKind::Unknown)
        );
        assert!(
            loaded
                .problems
                .iter()
                .any(|p| p.key == "lang" && matches!(p.kind, ProblemKind::BadValue(_)))
        );
    }

    #[test]
    fn a_file_that_is_not_toml_is_unusable_not_defaults() {
        let loaded = Config::read_text(Path::new("/etc/lk.toml"), "backend_url = \"https://x\n");
        assert!(loaded.unusable.unwrap().contains("/etc/lk.toml"));
    }

    #[test]
    fn one_setting_is_written_and_everything_else_kept() {
        let dir = std::env::temp_dir().join(format!("lk-config-edit-{}", std::process::id()));
        let path = dir.join("config.toml");
        std::fs::create_dir_all(&dir).unwrap();
        let text = "# set up by the county bureau\nbackend_url = \"https://legal.example\" # theirs\nfont_scale = 3\nlang = \"zh\"   # the family reads Chinese\n";
        std::fs::write(&path, text).unwrap();
        Config::set_in_file(&path, "lang", "mn").unwrap();
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(after, text.replace("lang = \"zh\"", "lang = \"mn\""));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn bad_values_are_errors_that_name_the_file() {
        let err = Config::parse(Path::new("/etc/lk.toml"), "profile = \"phone\"").unwrap_err();
        assert!(err.to_string().contains("/etc/lk.toml"), "{err}");
        assert!(Config::parse(Path::new("x"), "colour = 1").is_err());
        assert!(Config::parse(Path::new("x"), "profile = [").is_err());
    }
}
