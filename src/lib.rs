//! legal-kiosk, the app: the Slint UI, the router and one controller per view, the inbox that
//! brings background work back to the UI thread, and the headless platform that renders
//! screenshots and drives the UI in tests and benchmarks.

/// The code Slint generates from `ui/`. Its own unwraps are Slint's, not ours: the lints
/// that keep them out of our code are off for this module alone.
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
pub mod ui {
    slint::include_modules!();
}

pub mod bench;
pub mod connection;
pub mod controllers;
pub mod headless;
pub mod inbox;
pub mod keymap;
pub mod router;
pub mod shell;
#[cfg(feature = "demo-backend")]
pub mod soak;
pub mod strings;
pub mod vertical;

pub use controllers::guides;
pub use shell::Shell;
