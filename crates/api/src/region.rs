//! `GET /v1/regions`: the administrative regions a device can be placed in.

use serde::{Deserialize, Serialize};

use crate::{Bilingual, RegionCode};

/// Level of an administrative division in Inner Mongolia.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum RegionLevel {
    /// The autonomous region itself.
    Autonomous,
    /// A league or prefecture-level city.
    League,
    /// A banner, county or district.
    Banner,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Region {
    pub code: RegionCode,
    #[serde(default)]
    pub parent: Option<RegionCode>,
    pub level: RegionLevel,
    pub name: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RegionList {
    pub regions: Vec<Region>,
}
