//! The guides people read, from the human-edited TOML under `assets/content/` to the signed
//! bundle a device trusts offline, and the search over it. No network and no UI here.

pub mod bundle;
pub mod checks;
pub mod dcz;
pub mod glossary;
pub mod messages;
pub mod offices;
pub mod search;
pub mod source;
pub mod validate;

pub use bundle::{Bundle, BundleError, SearchKeys, SigningKey, VerifyingKey};
pub use checks::unchecked_claims;
pub use search::{Query, SearchIndex};
pub use source::{ContentError, GuideFile, Source};
pub use validate::{Finding, validate};

/// The bundle compiled from `assets/content` and signed with the development key; the app embeds
/// it as first-run content and the reference backend serves it.
pub const EMBEDDED_BUNDLE: &[u8] = include_bytes!("../../../assets/bundle/content.lkb");

/// The public half of the development signing key (hex). A deployment signs its bundles with its
/// own key and configures its public key instead.
pub const DEV_PUBLIC_KEY_HEX: &str = include_str!("../../../assets/bundle/dev-public-key.txt");

/// `assets/content` in this checkout, for tools and tests.
pub fn content_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/content")
}

/// `i18n` in this checkout: the UI messages, on which the glossary is enforced too.
pub fn i18n_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../i18n")
}
