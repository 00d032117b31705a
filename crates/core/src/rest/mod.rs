//! The client side of the backend contract (`legal-kiosk-api`): a REST client that survives
//! rural networks. Every failure ends in a [`RestError`] whose [`ErrorCode`] the UI turns into a
//! message in the person's language; nothing here panics on what the network sends.

mod config;
mod endpoints;
mod error;
mod retry;
mod transport;

pub use config::{RestConfig, SetupError};
pub use endpoints::{BundleBytes, Fetched, RestClient, new_idempotency_key, new_text_page};
pub use error::{ErrorCode, RestError};
pub use retry::backoff;
