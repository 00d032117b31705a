//! legal-kiosk, the app: the Slint UI, one controller per view, and the headless platform that
//! renders screenshots and drives the UI in tests and benchmarks.

pub mod ui {
    slint::include_modules!();
}

pub mod bench;
pub mod connection;
pub mod guides;
pub mod headless;
pub mod home;
pub mod keymap;
pub mod language;
pub mod shell;
pub mod status;
pub mod strings;
pub mod vertical;

pub use shell::Shell;

/// The views a Home tile opens, in tile order. `home` itself is not one of them.
pub const VIEWS: &[&str] = &[
    "guides", "callback", "status", "offices", "language", "settings",
];
