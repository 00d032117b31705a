//! The legal-kiosk backend contract (`/v1`): the serde types both the client and the reference
//! backend compile against. Only types and parsing live here; no I/O.

pub mod application;
pub mod callback;
pub mod catalog;
pub mod credit;
pub mod feedback;
pub mod free_text;
pub mod guide;
pub mod health;
pub mod ids;
pub mod input;
mod members;
pub mod office;
pub mod problem;
pub mod region;
pub mod text;

pub use application::{
    AppealRoute, ApplicationState, ApplicationStatus, Decision, Stage, StageState,
    SupplementRequest,
};
pub use callback::{
    CallbackReceipt, CallbackRequest, CallbackSlot, CallbackState, CallbackStatus, SlotList,
};
pub use catalog::{Catalog, Category, GuideSummary};
pub use credit::{CreditList, CreditRecord, CreditRecordList, ProviderRole};
pub use feedback::{FeedbackKind, FeedbackReceipt, FeedbackRequest, TextPageId};
pub use guide::{
    DayCount, Faq, Fee, Guide, LegalBasis, LegalReview, Material, OfficeKind, OnlineChannel,
    Review, Step, TimeLimit, TranslationReview,
};
pub use health::Health;
pub use ids::{CategoryId, GuideId, OfficeId, RegionCode, SlotId};
pub use input::{
    ApplicationNumber, IdempotencyKey, InputError, MobileNumber, PersonName, Reference,
};
pub use office::{Office, OfficeList};
pub use problem::{FieldError, FieldErrorCode, Problem, ProblemCode};
pub use region::{Region, RegionLevel, RegionList};
pub use text::{Bilingual, Lang};

/// Path prefix of every resource of this contract.
pub const API_PREFIX: &str = "/v1";
/// Header that makes `POST /v1/callbacks` safe to retry.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";
/// Header that carries the mobile number a callback was booked with, or the applicant's, for the
/// endpoints that only answer to the person concerned. A header, not a query, so the number stays
/// out of URLs and access logs.
pub const VERIFICATION_HEADER: &str = "Verification-Mobile";
/// Media type of error answers (RFC 9457).
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";
