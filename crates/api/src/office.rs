//! `GET /v1/offices?region=`: where to go in person.

use serde::{Deserialize, Serialize};

use crate::{Bilingual, OfficeId, OfficeKind, RegionCode};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Office {
    pub id: OfficeId,
    pub region: RegionCode,
    pub name: Bilingual,
    /// What the office handles.
    pub kinds: Vec<OfficeKind>,
    pub address: Bilingual,
    /// As printed for people to dial, e.g. "0471-5550100".
    pub phone: String,
    pub hours: Bilingual,
    /// Demo record: not a real office, and its phone number is not real.
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfficeList {
    pub offices: Vec<Office>,
}
