//! `GET /v1/guides/{id}`: how to obtain one public legal service, in both languages.

use serde::{Deserialize, Serialize};

use crate::{Bilingual, CategoryId, GuideId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Guide {
    pub id: GuideId,
    pub category: CategoryId,
    /// The service's code in the government service catalogue.
    pub service_code: String,
    pub title: Bilingual,
    pub summary: Bilingual,
    /// Who may apply.
    pub conditions: Vec<Bilingual>,
    pub legal_basis: Vec<LegalBasis>,
    pub materials: Vec<Material>,
    pub steps: Vec<Step>,
    pub fees: Vec<Fee>,
    /// The time limit set by law, in working days.
    #[serde(default)]
    pub statutory_limit_days: Option<u16>,
    /// The shorter time limit the service promises, in working days.
    #[serde(default)]
    pub promised_limit_days: Option<u16>,
    /// Last change of the content.
    pub updated_on: chrono::NaiveDate,
    /// Demo content, not a real service guide.
    pub demo: bool,
}

/// A law or regulation the service rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalBasis {
    pub title: Bilingual,
    /// Article(s), e.g. "第四十一条".
    #[serde(default)]
    pub articles: Option<Bilingual>,
}

/// A document the applicant brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Material {
    pub name: Bilingual,
    pub copies: u8,
    /// The original must be shown (not only a copy).
    pub original: bool,
    #[serde(default)]
    pub note: Option<Bilingual>,
}

/// One step of the procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Step {
    pub title: Bilingual,
    pub description: Bilingual,
    /// Working days this step may take; `0` means on the spot, absent means no set limit.
    #[serde(default)]
    pub limit_days: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fee {
    pub item: Bilingual,
    /// In fen (0.01 yuan); `0` is free of charge.
    pub amount_fen: u64,
    #[serde(default)]
    pub note: Option<Bilingual>,
}
