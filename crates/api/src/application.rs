//! `GET /v1/applications/{number}`: where an application for a service stands, answered only to
//! someone who also knows the applicant's mobile number.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{ApplicationNumber, Bilingual, GuideId, OfficeId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationStatus {
    pub number: ApplicationNumber,
    /// The service applied for.
    pub service: Bilingual,
    #[serde(default)]
    pub guide: Option<GuideId>,
    #[serde(default)]
    pub office: Option<OfficeId>,
    pub state: ApplicationState,
    pub submitted_on: NaiveDate,
    /// In order; the current one is the first that is not done.
    pub stages: Vec<Stage>,
    /// The last day the law allows for a decision.
    #[serde(default)]
    pub statutory_deadline: Option<NaiveDate>,
    /// The last day the office promised (not later than the statutory one).
    #[serde(default)]
    pub promised_deadline: Option<NaiveDate>,
    /// Requests for more documents, newest last.
    pub supplement_requests: Vec<SupplementRequest>,
    /// Demo record: no real person or case behind it.
    pub demo: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ApplicationState {
    Received,
    InReview,
    /// Waiting for the applicant to bring more documents; deadlines are paused.
    AwaitingSupplement,
    Decided,
    Closed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Stage {
    pub name: Bilingual,
    pub state: StageState,
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    pub completed_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum StageState {
    Done,
    Current,
    Pending,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupplementRequest {
    pub requested_on: NaiveDate,
    #[serde(default)]
    pub due_on: Option<NaiveDate>,
    /// The documents asked for.
    pub items: Vec<Bilingual>,
    pub fulfilled: bool,
}
