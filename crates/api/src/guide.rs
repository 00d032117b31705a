//! `GET /v1/guides/{id}`: how to obtain one public legal service, in both languages. The same type
//! is the human-edited source under `assets/content/guides/` (TOML) and travels in the signed
//! offline bundle.

use serde::{Deserialize, Serialize};

use crate::{Bilingual, CategoryId, GuideId};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub id: GuideId,
    pub category: CategoryId,
    /// The project's code for the service. The government catalogue's item code is entered at
    /// legal review; until then this is not an official code.
    pub service_code: String,
    pub title: Bilingual,
    pub summary: Bilingual,
    /// Who may apply.
    pub applicants: Bilingual,
    /// What must hold for the application to be accepted.
    pub conditions: Vec<Bilingual>,
    pub legal_basis: Vec<LegalBasis>,
    pub materials: Vec<Material>,
    pub steps: Vec<Step>,
    /// The time limit set by law or regulation for the whole procedure.
    #[serde(default)]
    pub statutory_limit: Option<TimeLimit>,
    /// The shorter time limit the service promises.
    #[serde(default)]
    pub promised_limit: Option<TimeLimit>,
    /// What the limits do not count (supplementing materials, expert work) or why there is none.
    #[serde(default)]
    pub limit_note: Option<Bilingual>,
    pub fees: Vec<Fee>,
    /// The kind of office that handles the service; the device shows the one for its region.
    pub office_kind: OfficeKind,
    pub hours: Bilingual,
    /// Where to ask about the service, as printed for people to dial.
    pub consultation_phone: String,
    /// Where to complain about how the service was handled.
    pub complaint_phone: String,
    pub complaint_channel: Bilingual,
    #[serde(default)]
    pub online: Vec<OnlineChannel>,
    #[serde(default)]
    pub faqs: Vec<Faq>,
    /// Where the facts that are not a legal basis come from (hotline numbers, hours, practice).
    #[serde(default)]
    pub sources: Vec<String>,
    pub review: Review,
    /// Last change of the content.
    pub updated_on: chrono::NaiveDate,
    /// Demo content, not a real service guide.
    pub demo: bool,
}

/// A law or regulation the service rests on, with the article and where the text was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    pub title: Bilingual,
    /// Article(s), e.g. "第四十一条".
    pub articles: Bilingual,
    /// Where the text was read, e.g. "国家法律法规数据库 flk.npc.gov.cn".
    pub source: String,
}

/// A document the applicant brings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Material {
    pub name: Bilingual,
    pub copies: u8,
    /// The original must be shown (not only a copy).
    pub original: bool,
    /// Where the applicant gets it.
    pub obtain_from: Bilingual,
    #[serde(default)]
    pub note: Option<Bilingual>,
}

/// One step of the procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Who does it: the applicant, the centre, the notary…
    pub actor: Bilingual,
    pub title: Bilingual,
    pub description: Bilingual,
    /// Done on the spot, while the applicant waits.
    #[serde(default)]
    pub on_the_spot: bool,
    /// How long the step may take; absent when on the spot or not set.
    #[serde(default)]
    pub limit: Option<TimeLimit>,
    /// Whether the step's time counts toward the statutory limit.
    pub counts_toward_limit: bool,
}

/// A number of days, working or calendar (Chinese law uses both).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TimeLimit {
    pub days: u16,
    pub count: DayCount,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum DayCount {
    Working,
    Calendar,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Fee {
    pub item: Bilingual,
    /// In fen (0.01 yuan); `0` is free of charge. Absent when the fee depends on the case.
    #[serde(default)]
    pub amount_fen: Option<u64>,
    /// The rule that sets the fee, or that makes it free.
    pub basis: Bilingual,
    #[serde(default)]
    pub note: Option<Bilingual>,
}

/// The kinds of office that deliver public legal services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum OfficeKind {
    /// 公共法律服务中心: the one-stop hall of a league or banner.
    PublicLegalServiceCentre,
    /// 法律援助中心.
    LegalAidCentre,
    /// 公证处.
    NotaryOffice,
    /// 司法所: the justice office of a sum or town.
    JusticeOffice,
    /// 司法局: the justice bureau of a league or banner.
    JusticeBureau,
    /// 司法鉴定机构.
    AppraisalInstitution,
    /// 行政复议机构: the government's reconsideration office.
    ReconsiderationOffice,
    /// 律师事务所: a law firm (《律师法》第十四条).
    LawFirm,
    /// 人民调解委员会: the people's mediation committee of a village or neighbourhood
    /// (《人民调解法》第七条、第八条).
    MediationCommittee,
}

impl OfficeKind {
    /// Every kind, in the order the offices view lists them: the kinds a person asks for first
    /// (司法所, 公证处, 法律援助中心, 律师事务所, 人民调解委员会, 司法鉴定机构), then the
    /// halls and bureaus.
    pub const LISTED: [OfficeKind; 9] = [
        OfficeKind::JusticeOffice,
        OfficeKind::NotaryOffice,
        OfficeKind::LegalAidCentre,
        OfficeKind::LawFirm,
        OfficeKind::MediationCommittee,
        OfficeKind::AppraisalInstitution,
        OfficeKind::PublicLegalServiceCentre,
        OfficeKind::JusticeBureau,
        OfficeKind::ReconsiderationOffice,
    ];

    /// Its name in kebab case, as in JSON and in message ids (`office-kind-<name>`).
    pub fn name(self) -> &'static str {
        match self {
            OfficeKind::PublicLegalServiceCentre => "public-legal-service-centre",
            OfficeKind::LegalAidCentre => "legal-aid-centre",
            OfficeKind::NotaryOffice => "notary-office",
            OfficeKind::JusticeOffice => "justice-office",
            OfficeKind::JusticeBureau => "justice-bureau",
            OfficeKind::AppraisalInstitution => "appraisal-institution",
            OfficeKind::ReconsiderationOffice => "reconsideration-office",
            OfficeKind::LawFirm => "law-firm",
            OfficeKind::MediationCommittee => "mediation-committee",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct OnlineChannel {
    pub name: Bilingual,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Faq {
    pub question: Bilingual,
    pub answer: Bilingual,
}

/// Who has checked the content, and how far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Review {
    pub legal: LegalReview,
    pub mongolian: TranslationReview,
    /// Who reviewed, and when; empty while a draft.
    #[serde(default)]
    pub reviewed_by: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum LegalReview {
    /// Written from the cited texts by the developers; not yet checked by a lawyer.
    NeedsLegalReview,
    LegallyReviewed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum TranslationReview {
    /// Mongolian written by the developers; a native speaker has not checked it.
    NeedsNativeReview,
    NativeReviewed,
}
