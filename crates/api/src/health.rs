//! `GET /v1/health`: is the backend up, and is it a demo.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Health {
    /// Always `"ok"` when the backend answers at all.
    pub status: String,
    /// Version of the backend software.
    pub version: String,
    /// The backend serves demo data only.
    pub demo: bool,
}
