//! How the backend fails: `BackendError` for start-up and storage, `ApiError` for what a request
//! gets back (always a problem document).

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use legal_kiosk_api::{FieldError, FieldErrorCode, PROBLEM_CONTENT_TYPE, Problem, ProblemCode};

#[derive(Debug, thiserror::Error)]
pub enum BackendError {
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// PostgreSQL refused a statement, or the connection to it failed.
    #[error("PostgreSQL: {}", crate::postgres::describe(.0))]
    Postgres(#[from] postgres::Error),
    /// No pooled PostgreSQL connection came free within the busy timeout (or none could be
    /// opened).
    #[error("PostgreSQL connection pool: {0}")]
    PoolTimeout(String),
    /// A stored value did not read as the type the backend expects.
    #[error("stored value: {0}")]
    Column(String),
    #[error("stored data is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("network: {0}")]
    Io(#[from] std::io::Error),
    #[error("demo data: {0}")]
    Seed(String),
    /// The number itself stays out of the message (and so out of logs): it is personal data.
    #[error("{record}: the mobile number to verify it with is not a mobile number")]
    InvalidMobile { record: String },
    #[error("content bundle refused: {0}")]
    Bundle(#[from] legal_kiosk_content::BundleError),
    #[error("cannot get random bytes: {0}")]
    Random(String),
}

/// A failed request, answered as `application/problem+json`.
#[derive(Debug)]
pub struct ApiError {
    pub problem: Problem,
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(code: ProblemCode) -> Self {
        Self {
            problem: Problem::new(code),
            retry_after: None,
        }
    }

    pub fn not_found(what: &str) -> Self {
        Self {
            problem: Problem::new(ProblemCode::NotFound).with_detail(format!("no such {what}")),
            retry_after: None,
        }
    }

    /// Invalid input with the fields at fault. `status` is 400 for a malformed request and 422 for
    /// a well-formed one whose values are refused.
    pub fn invalid(status: u16, errors: Vec<FieldError>) -> Self {
        Self {
            problem: Problem::new(ProblemCode::InvalidInput)
                .with_status(status)
                .with_errors(errors),
            retry_after: None,
        }
    }

    pub fn invalid_field(status: u16, field: &str, code: FieldErrorCode) -> Self {
        Self::invalid(status, vec![FieldError::new(field, code)])
    }

    pub fn with_status(mut self, status: u16) -> Self {
        self.problem.status = status;
        self
    }

    pub fn with_detail(mut self, detail: &str) -> Self {
        self.problem.detail = Some(detail.to_owned());
        self
    }

    pub fn too_many_attempts(retry_after: u64) -> Self {
        Self {
            problem: Problem::new(ProblemCode::TooManyAttempts),
            retry_after: Some(retry_after),
        }
    }
}

/// Seconds a device is asked to wait (`Retry-After`) after a `503` `server-busy`: about one
/// database busy timeout, by when the lock another process held is usually released.
pub const BUSY_RETRY_AFTER_SECS: u64 = 2;

impl BackendError {
    /// Whether the database was busy rather than wrong: SQLite locked by another connection
    /// past the busy timeout; PostgreSQL past `lock_timeout`, out of connections, or lost (see
    /// [`crate::postgres::is_busy`]). Nothing of the request was written.
    pub fn is_busy(&self) -> bool {
        match self {
            BackendError::Database(db) => matches!(
                db.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ),
            BackendError::Postgres(e) => crate::postgres::is_busy(e),
            BackendError::PoolTimeout(_) => true,
            _ => false,
        }
    }
}

impl From<BackendError> for ApiError {
    fn from(e: BackendError) -> Self {
        if e.is_busy() {
            // Another connection held the database past the busy timeout: nothing was written
            // (the transaction rolled back), so the same request may simply come again.
            return ApiError {
                problem: Problem::new(ProblemCode::ServerBusy)
                    .with_detail("the database is busy; try again".to_owned()),
                retry_after: Some(BUSY_RETRY_AFTER_SECS),
            };
        }
        // The cause goes to the operator's log, never to the device: it can hold internals.
        eprintln!("legal-backend: internal error: {e}");
        ApiError::new(ProblemCode::ServerError)
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        BackendError::from(e).into()
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        BackendError::from(e).into()
    }
}

/// A problem document as an HTTP response.
pub fn problem_response(problem: &Problem, retry_after: Option<u64>) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::to_vec(problem).unwrap_or_default();
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(PROBLEM_CONTENT_TYPE),
    );
    if let Some(seconds) = retry_after {
        headers.insert(header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        problem_response(&self.problem, self.retry_after)
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
