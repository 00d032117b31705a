//! What can go wrong talking to the backend, in the terms a person is told about.

use std::time::Duration;

use legal_kiosk_api::{FieldError, FieldErrorCode, ProblemCode};

/// A stable code per kind of failure; the UI maps each to a Fluent message (`rest-<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// No answer: no network, the server unreachable, a timeout, or the connection dropped.
    Offline,
    /// The server asked to come back later (503, 429, or a gateway error).
    ServerBusy,
    /// The server does not know what was asked for.
    NotFound,
    /// The number and mobile number given do not match a record.
    WrongVerification,
    /// Too many wrong attempts; try again after a while.
    TooManyAttempts,
    /// The server refused what was sent; see the field errors.
    InvalidInput,
    /// The callback slot chosen filled up, closed or was withdrawn (the field error `slot` with
    /// `slot-full`, `slot-closed` or `unknown`): the booking needs a new slot.
    SlotGone,
    /// The callback has taken place or is about to: it can no longer be cancelled.
    NotCancellable,
    /// The device token is missing, unknown or revoked: the device needs setting up again.
    Unauthorized,
    /// The server refused the request itself (403 other than wrong verification): not a
    /// matter of the device's registration, and not worth sending again.
    Forbidden,
    /// The mobile number holds as many open callbacks as one person may (quota-exceeded with
    /// `mobile`/`too-many-open`): cancel one or call 12348.
    BookingLimit,
    /// This device made as many bookings as it may in an hour (quota-exceeded): a saved
    /// booking waits and is sent when the server allows.
    DeviceQuota,
    /// The server failed.
    ServerError,
    /// The server answered something this client cannot use (wrong shape, too large, a redirect).
    UnexpectedAnswer,
}

impl ErrorCode {
    /// Every code, for checks that each has a message in every language.
    pub const ALL: [ErrorCode; 14] = [
        ErrorCode::Offline,
        ErrorCode::ServerBusy,
        ErrorCode::NotFound,
        ErrorCode::WrongVerification,
        ErrorCode::TooManyAttempts,
        ErrorCode::InvalidInput,
        ErrorCode::SlotGone,
        ErrorCode::NotCancellable,
        ErrorCode::Unauthorized,
        ErrorCode::Forbidden,
        ErrorCode::BookingLimit,
        ErrorCode::DeviceQuota,
        ErrorCode::ServerError,
        ErrorCode::UnexpectedAnswer,
    ];

    /// The Fluent id of the message a person is shown for this code.
    pub fn message_id(self) -> String {
        format!("rest-{}", self.as_str())
    }

    /// The code `as_str` wrote (as the booking outbox stores it); None for any other text.
    pub fn parse(s: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Offline => "offline",
            ErrorCode::ServerBusy => "server-busy",
            ErrorCode::NotFound => "not-found",
            ErrorCode::WrongVerification => "wrong-verification",
            ErrorCode::TooManyAttempts => "too-many-attempts",
            ErrorCode::InvalidInput => "invalid-input",
            ErrorCode::SlotGone => "slot-gone",
            ErrorCode::NotCancellable => "not-cancellable",
            ErrorCode::Unauthorized => "unauthorized",
            ErrorCode::Forbidden => "forbidden",
            ErrorCode::BookingLimit => "booking-limit",
            ErrorCode::DeviceQuota => "device-quota",
            ErrorCode::ServerError => "server-error",
            ErrorCode::UnexpectedAnswer => "unexpected-answer",
        }
    }
}

/// A failed request. The `String`s are for logs and never hold personal data (the client never
/// puts request bodies or verification headers into them).
#[derive(Debug, Clone, thiserror::Error)]
pub enum RestError {
    #[error("offline: {0}")]
    Offline(String),
    #[error("server busy (retry after {retry_after:?})")]
    ServerBusy { retry_after: Option<Duration> },
    #[error("not found")]
    NotFound,
    #[error("wrong verification")]
    WrongVerification,
    #[error("too many attempts (retry after {retry_after:?})")]
    TooManyAttempts { retry_after: Option<Duration> },
    #[error("invalid input ({}): {fields:?}", problem.as_str())]
    InvalidInput {
        /// `invalid-input`, or an idempotency problem (`idempotency-key-missing`/`-reused`).
        problem: ProblemCode,
        fields: Vec<FieldError>,
    },
    #[error("not cancellable")]
    NotCancellable,
    #[error("unauthorized device")]
    Unauthorized,
    #[error("forbidden")]
    Forbidden,
    /// `quota-exceeded`: `fields` name the mobile number when it is the one at its limit.
    #[error("quota exceeded (retry after {retry_after:?}): {fields:?}")]
    QuotaExceeded {
        retry_after: Option<Duration>,
        fields: Vec<FieldError>,
    },
    #[error("server error (HTTP {status})")]
    ServerError { status: u16 },
    #[error("unexpected answer: {0}")]
    UnexpectedAnswer(String),
}

impl RestError {
    pub fn code(&self) -> ErrorCode {
        match self {
            RestError::Offline(_) => ErrorCode::Offline,
            RestError::ServerBusy { .. } => ErrorCode::ServerBusy,
            RestError::NotFound => ErrorCode::NotFound,
            RestError::WrongVerification => ErrorCode::WrongVerification,
            RestError::TooManyAttempts { .. } => ErrorCode::TooManyAttempts,
            RestError::InvalidInput { fields, .. }
                if fields.iter().any(|f| {
                    f.field == "slot"
                        && matches!(
                            f.code,
                            FieldErrorCode::SlotFull
                                | FieldErrorCode::SlotClosed
                                | FieldErrorCode::Unknown
                        )
                }) =>
            {
                ErrorCode::SlotGone
            }
            RestError::InvalidInput { .. } => ErrorCode::InvalidInput,
            RestError::NotCancellable => ErrorCode::NotCancellable,
            RestError::Unauthorized => ErrorCode::Unauthorized,
            RestError::Forbidden => ErrorCode::Forbidden,
            RestError::QuotaExceeded { fields, .. } if !fields.is_empty() => {
                ErrorCode::BookingLimit
            }
            RestError::QuotaExceeded { .. } => ErrorCode::DeviceQuota,
            RestError::ServerError { .. } => ErrorCode::ServerError,
            RestError::UnexpectedAnswer(_) => ErrorCode::UnexpectedAnswer,
        }
    }

    /// The same request may succeed later unchanged: an outbox keeps it and tries again, rather
    /// than giving up on it.
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            RestError::Offline(_) | RestError::ServerBusy { .. } | RestError::ServerError { .. }
        )
    }

    /// How long the server asked to wait, when it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            RestError::ServerBusy { retry_after }
            | RestError::TooManyAttempts { retry_after }
            | RestError::QuotaExceeded { retry_after, .. } => *retry_after,
            _ => None,
        }
    }
}
