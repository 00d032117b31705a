//! `GET /v1/credit?region=`: the credit record (诚信记录) of the offices and legal service
//! providers of a region, as the justice bureaus publish it: red and black lists (红黑名单),
//! annual assessments (年度考核), rewards and sanctions.
//!
//! A black-listed provider is said to be one in words ([`CreditList::Black`] has its own
//! message on screen); colour is never the only sign.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::{Bilingual, OfficeId};

/// Who a record is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ProviderRole {
    /// The office itself (a law firm, a notary office, an appraisal institution…).
    Office,
    /// 律师.
    Lawyer,
    /// 公证员.
    Notary,
    /// 基层法律服务工作者.
    GrassrootsLegalWorker,
    /// 司法鉴定人.
    JudicialAppraiser,
}

impl ProviderRole {
    /// Its name in kebab case, as in JSON and in message ids (`credit-role-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            ProviderRole::Office => "office",
            ProviderRole::Lawyer => "lawyer",
            ProviderRole::Notary => "notary",
            ProviderRole::GrassrootsLegalWorker => "grassroots-legal-worker",
            ProviderRole::JudicialAppraiser => "judicial-appraiser",
        }
    }
}

/// The list a record puts its subject on, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CreditList {
    /// 红名单: commended for good faith.
    Red,
    /// 黑名单: sanctioned for a breach of faith (失信).
    Black,
}

/// One published credit record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreditRecord {
    /// The office the subject is, or works at.
    pub office: OfficeId,
    /// The subject's name: the office's, or a provider's.
    pub subject: Bilingual,
    pub role: ProviderRole,
    /// Red or black list; none for an assessment alone.
    pub list: Option<CreditList>,
    /// What was decided, in words: the assessment's grade, the reward or the sanction.
    pub decision: Bilingual,
    /// The law and article the decision rests on, e.g. "《律师法》第四十七条"; none for an
    /// assessment or a commendation without one.
    pub basis: Option<String>,
    pub decided_on: NaiveDate,
    /// Who published it (the justice bureau), for a person to check with.
    pub source: Bilingual,
    /// Demo record: no real provider, and no real decision.
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreditRecordList {
    pub records: Vec<CreditRecord>,
}
