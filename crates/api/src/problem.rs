//! Error answers: RFC 9457 problem documents (`application/problem+json`) carrying a stable
//! `code`, which the client maps to a message in the person's language. `title` and `detail`
//! are English for developers and logs; people never see them.

use serde::{Deserialize, Serialize};

/// What went wrong, as a stable code. New codes may appear; a client decodes them as `Unknown`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ProblemCode {
    /// No device token, or one the server does not know (401).
    Unauthorized,
    /// No such resource (404).
    NotFound,
    /// The request or one of its fields is not acceptable; see `errors` (400 or 422).
    InvalidInput,
    /// `POST /v1/callbacks` without an `Idempotency-Key` (400).
    IdempotencyKeyMissing,
    /// The `Idempotency-Key` was used before with a different body (422).
    IdempotencyKeyReused,
    /// The number and the mobile number do not match a record (403). Unknown numbers answer the
    /// same, so numbers cannot be discovered.
    WrongVerification,
    /// Too many wrong verification attempts; wait `Retry-After` seconds (429).
    TooManyAttempts,
    /// The callback has taken place or its slot has started, so it can no longer be cancelled
    /// (409).
    NotCancellable,
    /// A booking quota is used up (OWASP API6, unrestricted access to sensitive business
    /// flows) (429): with the field error `mobile`/`too-many-open` the mobile number has as
    /// many open callbacks as one person may hold (final until one is cancelled or has taken
    /// place); without it, the device made as many bookings as it may in an hour (`Retry-After`
    /// says when it may book again).
    QuotaExceeded,
    /// The server is overloaded or down for maintenance; retry later (503).
    ServerBusy,
    /// The resource exists but not for this method (405, RFC 9110 §15.5.6); `Allow` lists the
    /// methods it takes.
    MethodNotAllowed,
    /// The request body is larger than the server takes (413 Content Too Large, RFC 9110
    /// §15.5.14).
    ContentTooLarge,
    /// The request target (path and query) is longer than the server takes (414, RFC 9110
    /// §15.5.15).
    UriTooLong,
    /// The body is not in a media type the endpoint takes, e.g. JSON sent without
    /// `Content-Type: application/json` (415, RFC 9110 §15.5.16).
    UnsupportedMediaType,
    /// The request's header fields, one or all together, are larger than the server takes
    /// (431, RFC 6585 §5).
    HeaderFieldsTooLarge,
    /// The server failed (500).
    ServerError,
    #[serde(other)]
    Unknown,
}

impl ProblemCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ProblemCode::Unauthorized => "unauthorized",
            ProblemCode::NotFound => "not-found",
            ProblemCode::InvalidInput => "invalid-input",
            ProblemCode::IdempotencyKeyMissing => "idempotency-key-missing",
            ProblemCode::IdempotencyKeyReused => "idempotency-key-reused",
            ProblemCode::WrongVerification => "wrong-verification",
            ProblemCode::TooManyAttempts => "too-many-attempts",
            ProblemCode::NotCancellable => "not-cancellable",
            ProblemCode::QuotaExceeded => "quota-exceeded",
            ProblemCode::ServerBusy => "server-busy",
            ProblemCode::MethodNotAllowed => "method-not-allowed",
            ProblemCode::ContentTooLarge => "content-too-large",
            ProblemCode::UriTooLong => "uri-too-long",
            ProblemCode::UnsupportedMediaType => "unsupported-media-type",
            ProblemCode::HeaderFieldsTooLarge => "header-fields-too-large",
            ProblemCode::ServerError => "server-error",
            ProblemCode::Unknown => "unknown",
        }
    }

    /// The HTTP status a server answers with for this code.
    pub fn status(self) -> u16 {
        match self {
            ProblemCode::Unauthorized => 401,
            ProblemCode::NotFound => 404,
            ProblemCode::InvalidInput => 422,
            ProblemCode::IdempotencyKeyMissing => 400,
            ProblemCode::IdempotencyKeyReused => 422,
            ProblemCode::WrongVerification => 403,
            ProblemCode::TooManyAttempts => 429,
            ProblemCode::NotCancellable => 409,
            ProblemCode::QuotaExceeded => 429,
            ProblemCode::ServerBusy => 503,
            ProblemCode::MethodNotAllowed => 405,
            ProblemCode::ContentTooLarge => 413,
            ProblemCode::UriTooLong => 414,
            ProblemCode::UnsupportedMediaType => 415,
            ProblemCode::HeaderFieldsTooLarge => 431,
            ProblemCode::ServerError | ProblemCode::Unknown => 500,
        }
    }

    fn title(self) -> &'static str {
        match self {
            ProblemCode::Unauthorized => "Unknown or missing device token",
            ProblemCode::NotFound => "Not found",
            ProblemCode::InvalidInput => "Invalid input",
            ProblemCode::IdempotencyKeyMissing => "Idempotency-Key header required",
            ProblemCode::IdempotencyKeyReused => "Idempotency-Key reused with a different body",
            ProblemCode::WrongVerification => "Verification failed",
            ProblemCode::TooManyAttempts => "Too many verification attempts",
            ProblemCode::NotCancellable => "The callback can no longer be cancelled",
            ProblemCode::QuotaExceeded => "Booking quota used up",
            ProblemCode::ServerBusy => "Server busy",
            ProblemCode::MethodNotAllowed => "Method not allowed",
            ProblemCode::ContentTooLarge => "Content too large",
            ProblemCode::UriTooLong => "URI too long",
            ProblemCode::UnsupportedMediaType => "Unsupported media type",
            ProblemCode::HeaderFieldsTooLarge => "Request header fields too large",
            ProblemCode::ServerError => "Server error",
            ProblemCode::Unknown => "Error",
        }
    }
}

/// Why one field was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum FieldErrorCode {
    Required,
    InvalidFormat,
    TooLong,
    /// No such region, slot or guide.
    Unknown,
    /// The callback slot has no place left.
    SlotFull,
    /// The callback slot has started or passed.
    SlotClosed,
    /// The booking's language is not the slot's.
    LanguageMismatch,
    /// The mobile number already has as many open callbacks as one person may hold.
    TooManyOpen,
    #[serde(other)]
    Other,
}

/// One refused field of a request: `field` names a body member, query parameter or header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    pub code: FieldErrorCode,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: FieldErrorCode) -> Self {
        Self {
            field: field.into(),
            code,
        }
    }
}

/// An RFC 9457 problem document with this contract's extension members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// `urn:legal-kiosk:problem:<code>`.
    #[serde(rename = "type", default = "about_blank")]
    pub kind: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub code: ProblemCode,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

fn about_blank() -> String {
    "about:blank".to_owned()
}

impl Problem {
    pub fn new(code: ProblemCode) -> Self {
        Self {
            kind: format!("urn:legal-kiosk:problem:{}", code.as_str()),
            title: code.title().to_owned(),
            status: code.status(),
            detail: None,
            code,
            errors: Vec::new(),
        }
    }

    pub fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = Some(detail.into());
        self
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.status = status;
        self
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Self {
        self.errors = errors;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_travel_as_kebab_case_strings() {
        let p = Problem::new(ProblemCode::IdempotencyKeyReused)
            .with_errors(vec![FieldError::new("slot", FieldErrorCode::SlotFull)]);
        let v = serde_json::to_value(&p).unwrap();
        assert_eq!(v["code"], "idempotency-key-reused");
        assert_eq!(v["type"], "urn:legal-kiosk:problem:idempotency-key-reused");
        assert_eq!(v["status"], 422);
        assert_eq!(v["errors"][0]["code"], "slot-full");
        for code in [ProblemCode::TooManyAttempts, ProblemCode::WrongVerification] {
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        }
    }

    #[test]
    fn unknown_codes_from_a_newer_server_still_decode() {
        let p: Problem =
            serde_json::from_str(r#"{"code":"brand-new","errors":[{"field":"x","code":"odd"}]}"#)
                .unwrap();
        assert_eq!(p.code, ProblemCode::Unknown);
        assert_eq!(p.errors[0].code, FieldErrorCode::Other);
        assert_eq!(p.kind, "about:blank");
    }
}
