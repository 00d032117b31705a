//! Complaints, suggestions and praise (投诉建议) about public legal services. A device sends one
//! through its durable outbox (`POST /v1/feedback`, with an Idempotency-Key, exactly like a
//! callback booking); the person keeps the reference number of the receipt.
//!
//! A TV has no keyboard, so the words themselves are typed on the person's phone: the device
//! makes a random [`TextPageId`], shows the page `/f/{id}` as a QR code, and sends the same id
//! in [`FeedbackRequest::text_page`]; the backend joins the text posted on that page to the
//! feedback, whichever of the two arrives first. A device with a keyboard may send the text in
//! [`FeedbackRequest::text`] instead.
//!
//! This contract promises receipt only (a reference number, once per Idempotency-Key): how and
//! when the supervising bureau answers is set by its own rules, which the app does not quote
//! (the basis of the channel awaits legal review).

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::free_text;
use crate::input::InputError;
use crate::members::Members;
use crate::problem::FieldError;
use crate::{CategoryId, Lang, MobileNumber, OfficeId, Reference, RegionCode};

/// What the person is telling the bureau.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FeedbackKind {
    /// 投诉: a service or an office did wrong.
    Complaint,
    /// 建议: how a service could be better.
    Suggestion,
    /// 表扬: a service or an office did well.
    Praise,
}

impl FeedbackKind {
    /// Every kind, in the order a form lists them.
    pub const ALL: [FeedbackKind; 3] = [
        FeedbackKind::Complaint,
        FeedbackKind::Suggestion,
        FeedbackKind::Praise,
    ];

    /// The wire name (`complaint`, `suggestion`, `praise`).
    pub fn as_str(self) -> &'static str {
        match self {
            FeedbackKind::Complaint => "complaint",
            FeedbackKind::Suggestion => "suggestion",
            FeedbackKind::Praise => "praise",
        }
    }

    /// The kind a wire name names.
    pub fn parse(s: &str) -> Option<FeedbackKind> {
        FeedbackKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// The id of the phone page on which the words of one feedback are typed: 32 to 64 characters
/// of `a–z` and `0–9`, chosen at random by the device (128 bits or more), so nobody can guess
/// another person's page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(value_type = String, pattern = "^[a-z0-9]{32,64}$")
)]
#[serde(try_from = "String", into = "String")]
pub struct TextPageId(String);

impl TextPageId {
    /// Fewest characters: 32 hexadecimal digits are 128 bits.
    pub const MIN_CHARS: usize = 32;
    pub const MAX_CHARS: usize = 64;

    /// Errors: `TooLong` past [`Self::MAX_CHARS`], `InvalidFormat` for anything else that is
    /// not 32–64 of `a–z 0–9`.
    pub fn parse(s: &str) -> Result<TextPageId, InputError> {
        if s.len() > Self::MAX_CHARS {
            return Err(InputError::TooLong);
        }
        let ok = s.len() >= Self::MIN_CHARS
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
        if ok {
            Ok(TextPageId(s.to_owned()))
        } else {
            Err(InputError::InvalidFormat)
        }
    }

    /// A fresh id from 16 random bytes (lowercase hexadecimal).
    pub fn from_random(bytes: [u8; 16]) -> TextPageId {
        TextPageId(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for TextPageId {
    type Error = InputError;
    fn try_from(s: String) -> Result<Self, InputError> {
        TextPageId::parse(&s)
    }
}

impl From<TextPageId> for String {
    fn from(id: TextPageId) -> String {
        id.0
    }
}

/// Body of `POST /v1/feedback`. A member not listed here is refused (422 invalid-input, the
/// member's name with the code `unknown`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackRequest {
    pub kind: FeedbackKind,
    /// The region of the device (the bureau that reads it).
    pub region: RegionCode,
    /// The language to answer in.
    pub lang: Lang,
    /// The service it is about (a category of the catalog: 法律援助, 公证 …), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<CategoryId>,
    /// The office it is about, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office: Option<OfficeId>,
    /// A mobile number to call back on, if the person wants an answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<MobileNumber>,
    /// The words, typed on the device's own keyboard (tablet, kiosk).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub text: Option<String>,
    /// The phone page on which the words are typed (`/f/{id}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub text_page: Option<TextPageId>,
}

impl FeedbackRequest {
    /// Longest text, in characters (Unicode scalar values), on the device or the phone page.
    pub const TEXT_MAX_CHARS: usize = 500;

    /// The members a body may have; any other is refused.
    pub const MEMBERS: [&'static str; 8] = [
        "kind",
        "region",
        "lang",
        "service",
        "office",
        "mobile",
        "text",
        "text_page",
    ];

    /// Checks every field of a decoded JSON body and reports all the problems at once, each with
    /// its field and code. Rules beyond each type's own: `text` is free text of at most
    /// [`Self::TEXT_MAX_CHARS`] characters ([`free_text::check`], line breaks allowed)
    /// (`too-long`, `invalid-format`); a member not in [`Self::MEMBERS`] is `unknown`.
    pub fn from_json(body: &Value) -> Result<Self, Vec<FieldError>> {
        let mut m = Members::of(body)?;
        let kind = m.string("kind", true);
        let region = m.string("region", true);
        let lang = m.string("lang", true);
        let service = m.string("service", false);
        let office = m.string("office", false);
        let mobile = m.string("mobile", false);
        let text = m.string("text", false);
        let text_page = m.string("text_page", false);

        let kind = m.parse("kind", kind, |s| {
            FeedbackKind::parse(s).ok_or(InputError::InvalidFormat)
        });
        let lang = m.parse("lang", lang, |s| {
            Lang::parse(s).ok_or(InputError::InvalidFormat)
        });
        let region = m.parse("region", region, RegionCode::parse);
        let service = m.parse("service", service, CategoryId::parse);
        let office = m.parse("office", office, OfficeId::parse);
        let mobile = m.parse("mobile", mobile, MobileNumber::parse);
        let text_page = m.parse("text_page", text_page, TextPageId::parse);
        let text = m.free_text("text", text, Self::TEXT_MAX_CHARS, free_text::Lines::Multi);
        m.only(&Self::MEMBERS);
        match (kind, region, lang) {
            (Some(kind), Some(region), Some(lang)) if m.errors.is_empty() => Ok(Self {
                kind,
                region,
                lang,
                service,
                office,
                mobile,
                text,
                text_page,
            }),
            _ => Err(m.errors),
        }
    }
}

/// Answer to `POST /v1/feedback` (`201`, and to every replay of it): what the person keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackReceipt {
    /// The number to quote when asking after it (10 digits).
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub reference: Reference,
    pub kind: FeedbackKind,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub received_at: DateTime<FixedOffset>,
    /// The words are on the backend (sent by the device, or already posted on the phone page).
    pub has_text: bool,
    /// Received by a demo backend: nobody reads it.
    pub demo: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::FieldErrorCode;
    use serde_json::json;

    #[test]
    fn a_complete_request_is_accepted() {
        let r = FeedbackRequest::from_json(&json!({
            "kind": "suggestion", "region": "150100", "lang": "mn", "office": "demo-150100-centre",
            "text_page": "0123456789abcdef0123456789abcdef", "text": "  "
        }))
        .unwrap();
        assert_eq!(r.kind, FeedbackKind::Suggestion);
        assert_eq!(r.text, None);
        assert_eq!(
            r.text_page.map(String::from).as_deref(),
            Some("0123456789abcdef0123456789abcdef")
        );
    }

    #[test]
    fn every_wrong_field_is_reported_with_its_code() {
        let errors = FeedbackRequest::from_json(&json!({
            "kind": "rant", "lang": "en", "mobile": "123", "text": "x".repeat(501),
            "text_page": "short", "subject": "hi"
        }))
        .unwrap_err();
        let has = |f: &str, c: FieldErrorCode| errors.iter().any(|e| e.field == f && e.code == c);
        assert!(has("kind", FieldErrorCode::InvalidFormat));
        assert!(has("region", FieldErrorCode::Required));
        assert!(has("lang", FieldErrorCode::InvalidFormat));
        assert!(has("mobile", FieldErrorCode::InvalidFormat));
        assert!(has("text", FieldErrorCode::TooLong));
        assert!(has("text_page", FieldErrorCode::InvalidFormat));
        assert!(has("subject", FieldErrorCode::Unknown));
        assert_eq!(errors.len(), 7);
    }

    #[test]
    fn text_with_a_bidi_override_is_refused() {
        let errors = FeedbackRequest::from_json(&json!({
            "kind": "complaint", "region": "150100", "lang": "zh", "text": "a\u{202E}b"
        }))
        .unwrap_err();
        assert_eq!(
            errors,
            vec![FieldError::new("text", FieldErrorCode::InvalidFormat)]
        );
    }

    #[test]
    fn a_text_page_id_is_long_random_lowercase() {
        let id = TextPageId::from_random([0xab; 16]);
        assert_eq!(id.as_str().len(), 32);
        assert!(TextPageId::parse(id.as_str()).is_ok());
        assert!(TextPageId::parse(&"A".repeat(32)).is_err());
        assert_eq!(TextPageId::parse(&"a".repeat(65)), Err(InputError::TooLong));
    }

    #[test]
    fn kinds_round_trip_by_name() {
        for k in FeedbackKind::ALL {
            assert_eq!(FeedbackKind::parse(k.as_str()), Some(k));
        }
    }
}
