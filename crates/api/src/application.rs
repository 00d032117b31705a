//! `GET /v1/applications/{number}`: where an application for a service stands, answered only to
//! someone who also knows the applicant's mobile number.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{ApplicationNumber, Bilingual, DayCount, GuideId, LegalBasis, OfficeId};

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
    /// How the office counts the days to its deadlines: working days leave out weekends and
    /// public holidays (e.g. 《行政许可法》第八十二条), calendar days count every day. The
    /// deadlines above are dates already; this says how the days left are to be counted.
    #[serde(default = "calendar_days")]
    pub deadline_days: DayCount,
    /// Requests for more documents (补正), newest last. While one is open the deadlines are
    /// paused: the days the applicant takes do not count against the office.
    pub supplement_requests: Vec<SupplementRequest>,
    /// The decision, once there is one.
    #[serde(default)]
    pub decision: Option<Decision>,
    /// Where to turn if the applicant disagrees with the decision, once there is one.
    #[serde(default)]
    pub appeal: Option<AppealRoute>,
    /// Demo record: no real person or case behind it.
    pub demo: bool,
}

fn calendar_days() -> DayCount {
    DayCount::Calendar
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
    /// Where to bring them (an office's name and address).
    #[serde(default)]
    pub bring_to: Option<Bilingual>,
    pub fulfilled: bool,
}

/// What the office decided, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decision {
    pub decided_on: NaiveDate,
    /// The outcome in a sentence, e.g. "准予法律援助".
    pub outcome: Bilingual,
}

/// The way to contest a decision: administrative reconsideration (行政复议), a lawsuit, or an
/// objection to the office itself, with its time limit and the law that grants it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AppealRoute {
    /// What to file, e.g. "申请行政复议".
    pub route: Bilingual,
    /// How long after the decision it can be filed.
    pub within_days: u16,
    /// How those days are counted.
    pub days: DayCount,
    /// The last day to file, as the office computed it.
    #[serde(default)]
    pub until: Option<NaiveDate>,
    /// The law and article that grant it, e.g. 《行政复议法》第二十条.
    pub basis: LegalBasis,
    /// Where to file it.
    pub office: Bilingual,
    /// That office's phone, digits and dashes as dialled, e.g. "0471-12348".
    pub phone: String,
}
