//! `GET /v1/catalog`: every published guide, grouped by category; fetched with an ETag so an
//! unchanged catalog costs one small answer.

use serde::{Deserialize, Serialize};

use crate::{Bilingual, CategoryId, GuideId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Catalog {
    pub categories: Vec<Category>,
    pub guides: Vec<GuideSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Category {
    pub id: CategoryId,
    pub name: Bilingual,
}

/// What a list of guides shows; the full guide is fetched on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GuideSummary {
    pub id: GuideId,
    pub category: CategoryId,
    /// The service's code in the government service catalogue.
    pub service_code: String,
    pub title: Bilingual,
    /// Demo content, not a real service guide.
    pub demo: bool,
}
