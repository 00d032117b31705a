//! Callbacks from the 12348 legal hotline: free slots, the booking a device sends, and what the
//! person can look up or cancel later with the reference and their mobile number.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::free_text;
use crate::input::InputError;
use crate::members::Members;
use crate::problem::FieldError;
use crate::{GuideId, Lang, MobileNumber, PersonName, Reference, RegionCode, SlotId};

/// A time window in which a hotline lawyer calls back, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackSlot {
    pub id: SlotId,
    pub region: RegionCode,
    pub lang: Lang,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub starts_at: DateTime<FixedOffset>,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub ends_at: DateTime<FixedOffset>,
    /// Bookings the slot can still take.
    pub available: u32,
    /// Demo slot: nobody will call.
    pub demo: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotList {
    pub slots: Vec<CallbackSlot>,
}

/// Body of `POST /v1/callbacks`. A member not listed here is refused (422 invalid-input, the
/// member's name with the code `unknown`); `name` and `note` are free text without control
/// characters or bidi overrides ([`crate::free_text`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackRequest {
    pub slot: SlotId,
    pub mobile: MobileNumber,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<PersonName>,
    pub lang: Lang,
    /// The guide the question is about, if the person came from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<GuideId>,
    /// A few words about the question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub note: Option<String>,
    /// The booking this one moves (a new slot for it): booked with the same mobile number and
    /// not started, it is cancelled in the same transaction as this one is booked, and it does
    /// not count against the number's open callbacks. Otherwise it is left as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub replaces: Option<Reference>,
}

impl CallbackRequest {
    pub const NOTE_MAX_CHARS: usize = 200;

    /// The members a body may have; any other is refused.
    pub const MEMBERS: [&'static str; 7] = [
        "slot", "mobile", "name", "lang", "topic", "note", "replaces",
    ];

    /// Checks every field of a decoded JSON body and reports all the problems at once, each with
    /// its field and code, so a form can mark every wrong field in one round trip. Rules beyond
    /// each type's own: `note` is free text of at most [`Self::NOTE_MAX_CHARS`] characters
    /// ([`free_text::check`], line breaks allowed) (`too-long`, `invalid-format`); a member not
    /// in [`Self::MEMBERS`] is refused with the code `unknown` under its own name.
    pub fn from_json(body: &Value) -> Result<Self, Vec<FieldError>> {
        let mut m = Members::of(body)?;
        let slot = m.string("slot", true);
        let mobile = m.string("mobile", true);
        let name = m.string("name", false);
        let lang = m.string("lang", true);
        let topic = m.string("topic", false);
        let note = m.string("note", false);
        let replaces = m.string("replaces", false);

        let slot = m.parse("slot", slot, SlotId::parse);
        let mobile = m.parse("mobile", mobile, MobileNumber::parse);
        let name = m.parse("name", name, PersonName::parse);
        let topic = m.parse("topic", topic, GuideId::parse);
        let replaces = m.parse("replaces", replaces, Reference::parse);
        let lang = m.parse("lang", lang, |s| {
            Lang::parse(s).ok_or(InputError::InvalidFormat)
        });
        let note = m.free_text("note", note, Self::NOTE_MAX_CHARS, free_text::Lines::Multi);
        m.only(&Self::MEMBERS);
        match (slot, mobile, lang) {
            (Some(slot), Some(mobile), Some(lang)) if m.errors.is_empty() => Ok(Self {
                slot,
                mobile,
                name,
                lang,
                topic,
                note,
                replaces,
            }),
            _ => Err(m.errors),
        }
    }
}

/// Where a booked callback stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum CallbackState {
    Booked,
    Called,
    Missed,
    Cancelled,
}

/// Answer to a booking (`201`, and to every replay of it): what the person keeps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackReceipt {
    pub reference: Reference,
    pub slot: CallbackSlot,
    pub state: CallbackState,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub booked_at: DateTime<FixedOffset>,
    pub demo: bool,
}

/// Answer to looking up (`GET`) or cancelling (`DELETE`) a booking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CallbackStatus {
    pub reference: Reference,
    pub slot: CallbackSlot,
    pub state: CallbackState,
    /// The booking can still be cancelled (it is booked and its slot has not started).
    pub cancellable: bool,
    #[cfg_attr(feature = "openapi", schema(value_type = String, format = DateTime))]
    pub updated_at: DateTime<FixedOffset>,
    pub demo: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::FieldErrorCode;
    use serde_json::json;

    #[test]
    fn a_complete_request_is_accepted() {
        let r = CallbackRequest::from_json(&json!({
            "slot": "s-1", "mobile": "13900000000", "lang": "mn", "name": " Bayar ", "note": ""
        }))
        .unwrap();
        assert_eq!(r.lang, Lang::Mn);
        assert_eq!(r.name.unwrap().as_str(), "Bayar");
        assert_eq!(r.note, None);
    }

    #[test]
    fn every_wrong_field_is_reported_with_its_code() {
        let errors = CallbackRequest::from_json(&json!({
            "mobile": "12345", "lang": "en", "note": "x".repeat(201), "topic": 7
        }))
        .unwrap_err();
        let has = |f: &str, c: FieldErrorCode| errors.iter().any(|e| e.field == f && e.code == c);
        assert!(has("slot", FieldErrorCode::Required));
        assert!(has("mobile", FieldErrorCode::InvalidFormat));
        assert!(has("lang", FieldErrorCode::InvalidFormat));
        assert!(has("note", FieldErrorCode::TooLong));
        assert!(has("topic", FieldErrorCode::InvalidFormat));
        assert_eq!(errors.len(), 5);
    }

    #[test]
    fn a_note_with_escapes_and_an_unknown_member_are_refused() {
        let errors = CallbackRequest::from_json(&json!({
            "slot": "s-1", "mobile": "13900000000", "lang": "mn",
            "note": "call me\u{1b}]0;owned\u{7}", "nmae": "Bayar"
        }))
        .unwrap_err();
        assert_eq!(
            errors,
            vec![
                FieldError::new("note", FieldErrorCode::InvalidFormat),
                FieldError::new("nmae", FieldErrorCode::Unknown),
            ]
        );
    }

    #[test]
    fn a_body_that_is_not_an_object_is_refused() {
        assert!(CallbackRequest::from_json(&json!([1, 2])).is_err());
    }
}
